import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPage,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  signedInContext,
  startTestServer,
} from '../../../../test/browser/browser-support.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { ManualClock } from '../../../core/clock.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from '../testing.js';
import { contactById } from './exchange.js';
import { postContactMessage } from './post-contact-message.js';
import { needById } from './queries.js';
import { sendContact } from './send-contact.js';

/**
 * Every page template of the matching part, in a real Chromium: suggestions (a need's, a commons'), the contact
 * form (with its administration choice, with errors), the exchange on both sides once answered, the person's
 * space, and the staff overview and contacts. axe finds nothing; the strict CSP blocks nothing.
 */
describe.skipIf(!runsPageAudits)('accessibility of the matching pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staffContext: BrowserContext;
  let senderContext: BrowserContext;
  let recipientContext: BrowserContext;
  let anonymous: BrowserContext;
  let needId: string;
  let contactId: string;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-09-15T10:00:00Z'));
    running = await startTestServer({ clock });
    browser = await launchBrowser();
    const { services } = running.app;
    const { db } = services;
    const now = clock.now();
    const person = (label: string): Promise<SignedInUser> =>
      createSignedInUser(db, clock, [{ role: 'partner' }], label);
    const sender = await person('expediteur');
    const referent = await person('referent');
    const maintainer = await person('mainteneur');
    const admin = await createSignedInUser(db, clock, [{ role: 'admin' }], 'admin');
    const rennes = await insertAdministration(db, now, {
      name: 'Ville de Rennes',
      siret: VALID_SIRETS[0],
      territory: 'D35',
      members: [sender.id],
    });
    const ministry = await insertAdministration(db, now, {
      name: 'Ministère de l’Intérieur',
      siret: VALID_SIRETS[1],
      members: [referent.id],
    });
    const umap = await insertCommons(db, now, {
      name: 'uMap',
      summary: 'Créer des cartes personnalisées sur fond OpenStreetMap.',
      categories: ['cartographie'],
      keywords: ['carte'],
      levers: ['donnees-outils'],
      maintainers: [maintainer.id],
    });
    await insertUseCase(db, now, {
      administrationId: ministry,
      commonsId: umap,
      title: 'Carte des pistes cyclables',
      description: 'Une carte des pistes cyclables et des stationnements vélo, publiée sur le site du ministère.',
      status: 'production',
      referents: [referent.id],
    });
    needId = await insertNeed(db, now, {
      side: 'administration',
      ownerId: rennes,
      title: 'Publier une carte des stationnements vélo',
      description: 'Une carte des stationnements vélo sur le site de la ville.',
      lever: 'donnees-outils',
      territory: 'D35',
      createdBy: sender.id,
    });
    await insertNeed(db, now, {
      side: 'commons',
      ownerId: umap,
      title: 'Des agents pour tester la carte',
      description: 'Des agents qui publient une carte sur leur site.',
      createdBy: maintainer.id,
    });
    const sent = await sendContact(
      services,
      { id: sender.id, label: 'test' },
      {
        senderId: sender.id,
        subject: { kind: 'commons', commonsId: umap, name: 'uMap', members: true },
        senderAdministration: { id: rennes, name: 'Ville de Rennes' },
        title: 'Carte des stationnements',
        body: 'Bonjour,\n\nComment avez-vous publié votre carte ?',
        submissionKey: null,
      },
    );
    contactId = sent.ok ? sent.contactId : '';
    await postContactMessage(
      services,
      { id: referent.id, label: 'test' },
      {
        contact: (await contactById(db, contactId))!,
        authorId: referent.id,
        side: 'recipient',
        body: 'Avec uMap, tout simplement.',
        submissionKey: null,
      },
    );
    expect((await needById(db, needId))?.title).toBeTruthy();
    staffContext = await signedInContext(browser, running.baseUrl, admin.cookie);
    senderContext = await signedInContext(browser, running.baseUrl, sender.cookie);
    recipientContext = await signedInContext(browser, running.baseUrl, referent.cookie);
    anonymous = await browser.newContext({ locale: 'fr-FR' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const open = (url: string) => async (page: Page) => {
    const response = await page.goto(`${running.baseUrl}${url}`);
    expect(response?.status(), url).toBe(200);
  };

  it('has no violation on the suggestions pages', async () => {
    await auditPage(anonymous, 'need suggestions', open(`/cooperation/besoins/${needId}/suggestions`));
    await auditPage(anonymous, 'commons suggestions', open('/cooperation/communs/umap/suggestions'));
  }, 120_000);

  it('has no violation on the contact forms, also with errors', async () => {
    await auditPage(senderContext, 'contact the referents', open('/cooperation/communs/umap/contacter'));
    await auditPage(senderContext, 'contact the need’s authors', open(`/cooperation/besoins/${needId}/contacter`));
    await auditPage(senderContext, 'contact form with errors', async (page) => {
      await page.goto(`${running.baseUrl}/cooperation/communs/umap/contacter`);
      await page.$eval('form[action$="/contacter"]', (form) => {
        (form as HTMLFormElement).noValidate = true;
      });
      await page.click('form[action$="/contacter"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('.fr-error-text').count()).toBeGreaterThan(0);
    });
  }, 120_000);

  it('has no violation on the exchange, on both sides, and on the person’s space', async () => {
    await auditPage(senderContext, 'exchange (sender)', open(`/cooperation/contacts/${contactId}`));
    await auditPage(recipientContext, 'exchange (recipient)', open(`/cooperation/contacts/${contactId}`));
    await auditPage(senderContext, 'outcome with errors', async (page) => {
      await page.goto(`${running.baseUrl}/cooperation/contacts/${contactId}`);
      await page.$eval('form[action$="/suite"]', (form) => {
        (form as HTMLFormElement).noValidate = true;
      });
      await page.click('form[action$="/suite"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('.fr-error-text').count()).toBeGreaterThan(0);
    });
    await auditPage(senderContext, 'my space', open('/cooperation/mon-espace'));
    await auditPage(recipientContext, 'my space (recipient)', open('/cooperation/mon-espace'));
  }, 120_000);

  it('has no violation on the staff overview and contacts', async () => {
    await auditPage(staffContext, 'staff overview', open('/admin/cooperation'));
    await auditPage(staffContext, 'staff contacts', open('/admin/cooperation/contacts'));
  }, 120_000);
});

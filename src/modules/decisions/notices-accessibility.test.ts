import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, launchBrowser, runsPageAudits, signedInContext } from '../../../test/browser/browser-support.js';
import { userById } from '../../../test/support/factories/accounts.js';
import { insertMember, ownerOf, sessionOf } from '../../../test/support/factories/applications.js';
import { seedScoringFixture } from '../../../test/support/factories/review.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { signedInAs } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { prepareNotices } from './prepare-notices.js';
import { seedClosedDeliberation } from './testing.js';

/** The notices' pages in Chromium: the outbox, a draft, the templates, the applicant's decision. Axe finds nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the notices pages (axe-core in Chromium)', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let staff: BrowserContext;
  let laureate: BrowserContext;
  let refused: BrowserContext;
  let seasonId: string;
  let apps: string[];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const { db } = t.app.services;
    const now = t.clock.now();
    const fixture = await seedScoringFixture(db, t.clock, {
      slug: 'saison-notices-a11y',
      number: 9,
      titles: ['Jardin partagé', 'Fablab des Lilas', 'Ressourcerie'],
      reviewers: 0,
      pairs: [],
      phase: { startsAt: now, endsAt: new Date(now.getTime() + 86_400_000) },
    });
    seasonId = fixture.seasonId;
    apps = fixture.applications;
    const cookies: string[] = [];
    for (const id of apps) {
      const owner = await userById(db, await ownerOf(db, id));
      await insertMember(db, {
        application_id: id,
        email: owner.email!,
        user_id: owner.id,
        role: 'owner',
        invited_at: now,
        accepted_at: now,
      });
      cookies.push(await sessionOf(db, t.clock, owner.email!));
    }
    await seedClosedDeliberation(db, {
      seasonId,
      now,
      decisions: [
        { applicationId: apps[0], outcome: 'laureate', amountCents: 1_000_000 },
        { applicationId: apps[1], outcome: 'not_selected', reasonText: 'Le budget reste à préciser.' },
        { applicationId: apps[2], outcome: 'waiting_list', waitlistPosition: 1 },
      ],
    });
    await prepareNotices(t.app.services, systemActor, { seasonId });
    browser = await launchBrowser();
    staff = await signedInContext(browser, baseUrl, await signedInAs(t.app, t.clock, 'staff', 'staff.a11y@example.fr'));
    laureate = await signedInContext(browser, baseUrl, cookies[0]);
    refused = await signedInContext(browser, baseUrl, cookies[1]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the outbox, a draft, the templates with a preview and a refused template', async () => {
    const outbox = `${baseUrl}/admin/decisions/${seasonId}/notifications`;
    await auditPage(staff, 'outbox with drafts', async (page) => {
      await page.goto(outbox);
      expect(await page.content()).toContain('Envoyer tous les brouillons');
    });
    await auditPage(staff, 'a draft with its preview', async (page) => {
      await page.goto(outbox);
      await Promise.all([page.waitForNavigation(), page.click('td a.fr-link >> nth=1')]);
      expect(await page.content()).toContain('Aperçu tel qu’il sera envoyé');
    });
    await auditPage(staff, 'templates with a preview', async (page) => {
      await page.goto(`${baseUrl}/admin/decisions/${seasonId}/modeles?candidature=${apps[1]}&modele=not_selected`);
      expect(await page.content()).toContain('Voies et délais de recours');
    });
    await auditPage(staff, 'a template refused for an unknown placeholder', async (page) => {
      await page.goto(`${baseUrl}/admin/decisions/${seasonId}/modeles/laureate/fr`);
      await page.fill('#subject', 'Bravo {nom}');
      const [answer] = await Promise.all([page.waitForNavigation(), page.click('button[name="action"][value="save"]')]);
      expect(answer?.status()).toBe(400);
    });
    await auditPage(staff, 'outbox after sending', async (page) => {
      await page.goto(outbox);
      await Promise.all([page.waitForNavigation(), page.click(`form[action$="/envoyer"] button`)]);
      expect(await page.content()).toContain('3 notifications envoyées.');
    });
  });

  it('the applicant’s decision: a laureate’s to confirm, a refusal with its appeal routes', async () => {
    await auditPage(laureate, 'laureate decision page', async (page) => {
      await page.goto(`${baseUrl}/mes-candidatures/${apps[0]}/decision`);
      expect(await page.content()).toContain('Je confirme ma participation');
    });
    await auditPage(laureate, 'laureate decision page after confirming', async (page) => {
      await page.goto(`${baseUrl}/mes-candidatures/${apps[0]}/decision`);
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Je confirme ma participation")')]);
      expect(await page.content()).toContain('Votre réponse est enregistrée.');
    });
    await auditPage(laureate, 'laureate application page', async (page) => {
      await page.goto(`${baseUrl}/mes-candidatures/${apps[0]}`);
      expect(await page.content()).toContain('Voir la décision');
    });
    await auditPage(refused, 'refusal decision page', async (page) => {
      await page.goto(`${baseUrl}/mes-candidatures/${apps[1]}/decision`);
      expect(await page.content()).toContain('Voies et délais de recours');
    });
  });
});

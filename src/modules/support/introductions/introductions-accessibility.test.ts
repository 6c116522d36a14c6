import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { createSignedInUser } from '../../../../test/support/users.js';
import { systemActor } from '../../../core/audit/audit.js';
import { makeIntroduction } from './make-introduction.js';
import { recordOutcome } from './record-outcome.js';
import { requestIntroduction } from './request-introduction.js';
import { insertPlanForTest } from './testing.js';

/** The directory, its form and import, the team's and the staff's introduction pages, the figures: axe finds nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the introductions’ pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staff: BrowserContext;
  let team: BrowserContext;
  let laureate: SeededLaureate;
  let contactId: string;
  let waitingId: string;
  let madeId: string;

  beforeAll(async () => {
    running = await startTestServer();
    browser = await launchBrowser();
    const { services } = running.app;
    const { db, clock } = services;
    const seeded = await seedConfirmedLaureates(db, clock, {
      slug: 'saison-a11y-relations',
      number: 93,
      laureates: [{ title: 'Stations météo citoyennes' }],
    });
    laureate = seeded.laureates[0];
    const planId = await insertPlanForTest(
      db,
      { applicationId: laureate.applicationId, seasonId: seeded.seasonId, track: laureate.track },
      clock.now(),
    );
    const contact = await db
      .insertInto('support_contacts')
      .values({
        organisation: 'Météo-France',
        siret: '88234567100011',
        service: 'Open data',
        person_name: 'Nadia Leroy',
        role: 'Responsable',
        email: 'nadia@meteo.fr',
        topics: ['météo'],
        levers: ['donnees-outils'],
        legal_basis: 'Intérêt légitime — mission de service public',
        consent_note: 'Accord du 2 juin',
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    contactId = contact.id;
    const actor = { id: laureate.owner.id, label: 'test' };
    madeId = (
      await requestIntroduction(services, actor, {
        planId,
        lever: 'donnees-outils',
        request: 'Les données des stations.',
      })
    ).id;
    await makeIntroduction(services, systemActor, {
      applicationId: laureate.applicationId,
      planId,
      id: madeId,
      version: 1,
      contactId,
      subject: 'Mise en relation',
      body: 'Bonjour,\n\nVoici l’équipe.',
    });
    await recordOutcome(services, systemActor, {
      planId,
      id: madeId,
      outcome: 'meeting',
      occurredOn: '2026-01-05',
      note: 'Visio.',
      side: 'team',
    });
    waitingId = (
      await requestIntroduction(services, actor, {
        planId,
        lever: 'experimentations',
        request: 'Tester en préfecture.',
      })
    ).id;
    const admin = await createSignedInUser(db, clock, [{ role: 'admin' }], 'admin');
    staff = await signedInContext(browser, running.baseUrl, admin.cookie);
    team = await signedInContext(browser, running.baseUrl, laureate.owner.cookie);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** Opens a page and checks it answered 200 (axe would pass an error page too). */
  async function open(page: Page, url: string): Promise<void> {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
  }

  it('has no violation on the directory, the contact form (with errors), the import and its preview', async () => {
    const base = running.baseUrl;
    await auditPage(staff, 'directory', (page) => open(page, `${base}/admin/contacts`));
    await auditPage(staff, 'contact form', (page) => open(page, `${base}/admin/contacts/${contactId}`));
    await auditPage(staff, 'contact form with errors', async (page) => {
      await page.goto(`${base}/admin/contacts/nouveau`);
      for (const [field, value] of [
        ['organisation', 'Insee'],
        ['service', 'DG'],
        ['person_name', 'Alice'],
        ['email', 'alice@insee.fr'],
        ['consent_note', 'oui'],
      ])
        await page.fill(`#${field}`, value);
      await page.fill('#siret', '1234');
      await page.click('form[action="/admin/contacts"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#siret-error').count()).toBe(1);
    });
    await auditPage(staff, 'import', (page) => open(page, `${base}/admin/contacts/import`));
    await auditPage(staff, 'import preview', async (page) => {
      const file = join(tmpdir(), `contacts-${process.pid}.csv`);
      writeFileSync(
        file,
        '\ufefforganisation;service;personne;email;base_legale;consentement\r\nInsee;DG;Alice;alice@insee.fr;Consentement;oui\r\nInsee;;Bob;pas-une-adresse;;oui\r\n',
      );
      await page.goto(`${base}/admin/contacts/import`);
      await page.setInputFiles('#file', file);
      await page.click('form[enctype="multipart/form-data"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('text=Lignes valides : 1 sur 2').count()).toBe(1);
    });
  }, 180_000);

  it('has no violation on the team’s and the staff’s introduction pages, the queue and the figures', async () => {
    const base = running.baseUrl;
    const id = laureate.applicationId;
    await auditPage(team, 'team introductions', (page) => open(page, `${base}/espace-laureat/${id}/mises-en-relation`));
    await auditPage(team, 'team request with errors', async (page) => {
      await page.goto(`${base}/espace-laureat/${id}/mises-en-relation`);
      await page.fill('#request', 'Un besoin, sans levier choisi.');
      await page.click(`form[action="/espace-laureat/${id}/mises-en-relation"] button[type="submit"]`);
      await page.waitForLoadState('load');
      expect(await page.locator('#lever-error').count()).toBe(1);
    });
    await auditPage(staff, 'staff introductions', (page) =>
      open(page, `${base}/admin/accompagnement/laureats/${id}/mises-en-relation`),
    );
    await auditPage(staff, 'handle with the mail', (page) =>
      open(page, `${base}/admin/accompagnement/laureats/${id}/mises-en-relation/${waitingId}?contact=${contactId}`),
    );
    await auditPage(staff, 'introduction made', (page) =>
      open(page, `${base}/admin/accompagnement/laureats/${id}/mises-en-relation/${madeId}`),
    );
    await auditPage(staff, 'queue', (page) => open(page, `${base}/admin/accompagnement/mises-en-relation`));
    await auditPage(staff, 'figures', (page) => open(page, `${base}/admin/accompagnement/mises-en-relation/chiffres`));
  }, 180_000);
});

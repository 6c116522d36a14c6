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
import { createSignedInUser, type SignedInUser } from '../../../../test/support/factories/accounts.js';
import { ManualClock } from '../../../core/clock.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from '../testing.js';
import { csvLine } from './csv.js';
import { inviteMember } from './invite-member.js';

/** Every page template of the administrations, with data in every state and forms with errors: axe finds nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the administrations’ pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staffContext: BrowserContext;
  let memberContext: BrowserContext;
  let strangerContext: BrowserContext;
  let member: SignedInUser;
  let administrationId: string;
  let invitationPath: string;
  const base = '/cooperation/administrations/prefecture-de-region';

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-12-08T10:00:00Z'));
    running = await startTestServer({ clock });
    browser = await launchBrowser();
    const { services } = running.app;
    const { db } = services;
    const now = clock.now();
    member = await createSignedInUser(db, clock, [{ role: 'partner' }], 'membre');
    const staff = await createSignedInUser(db, clock, [{ role: 'admin' }], 'admin');
    const stranger = await createSignedInUser(db, clock, [{ role: 'applicant' }], 'autre');
    administrationId = await insertAdministration(db, now, {
      name: 'Préfecture de région',
      siret: VALID_SIRETS[0],
      territory: 'R53',
      members: [member.id],
    });
    await db
      .updateTable('commons_administrations')
      .set({
        description: 'Les services de l’État en région.\n\nSecond paragraphe.',
        website: 'https://prefecture.example',
        legal_category: '7172',
        active: false,
      })
      .where('id', '=', administrationId)
      .execute();
    await insertAdministration(db, now, { name: 'Mairie de Vannes', siret: VALID_SIRETS[1], territory: 'D56' });
    await db
      .insertInto('commons_services')
      .values({ administration_id: administrationId, name: 'SGAR', siret: VALID_SIRETS[2], created_at: now })
      .execute();
    const commons = await insertCommons(db, now, { name: 'uMap' });
    await insertUseCase(db, now, { administrationId, commonsId: commons, title: 'Cartes', status: 'production' });
    await insertUseCase(db, now, { administrationId, commonsId: commons, title: 'Interne', visibility: 'members' });
    await insertNeed(db, now, { side: 'administration', ownerId: administrationId, title: 'Des capteurs' });
    const experiment = await db
      .insertInto('commons_experiments')
      .values({
        commons_id: commons,
        title: 'Carte partagée',
        goal: 'Tester',
        territory: 'R53',
        starts_on: null,
        ends_on: null,
        status: 'running',
        outcome: null,
        visibility: 'public',
        created_at: now,
        created_by: null,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('commons_experiment_administrations')
      .values({ experiment_id: experiment.id, administration_id: administrationId })
      .execute();
    await inviteMember(
      services,
      { id: member.id, label: 'test' },
      {
        administrationId,
        administrationName: 'Préfecture de région',
        email: 'collegue@prefecture.example',
        invitedBy: member.id,
        inviterName: 'membre Test',
        limited: false,
      },
    );
    const mail = await db
      .selectFrom('mails')
      .select('text_body')
      .where('to_address', '=', 'collegue@prefecture.example')
      .executeTakeFirstOrThrow();
    invitationPath = /\/cooperation\/invitations\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
    staffContext = await signedInContext(browser, running.baseUrl, staff.cookie);
    memberContext = await signedInContext(browser, running.baseUrl, member.cookie);
    strangerContext = await signedInContext(browser, running.baseUrl, stranger.cookie);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  let anonymous: BrowserContext | undefined;
  /** A page seen by the context given, or by nobody signed in (null). */
  async function check(context: BrowserContext | null, label: string, visit: (page: Page) => Promise<unknown>) {
    anonymous ??= await browser.newContext();
    await auditPage(context ?? anonymous, label, visit);
  }

  const open =
    (url: string, status = 200) =>
    async (page: Page) => {
      const response = await page.goto(`${running.baseUrl}${url}`);
      expect(response?.status(), url).toBe(status);
    };

  /** Submits the form holding `selector` without the browser's own checks, so the server's errors show. */
  const submitRaw = async (page: Page, selector: string) => {
    await page.$eval(selector, (element) => {
      const form = element.closest('form')!;
      form.noValidate = true;
    });
    await Promise.all([
      page.waitForNavigation(),
      page.click(`${selector} >> xpath=ancestor::form//button[@type="submit"]`),
    ]);
  };

  it('has no violation on the public list and page, for the public and a member', async () => {
    await check(null, 'list', open('/cooperation/administrations'));
    await check(null, 'list filtered', open('/cooperation/administrations?q=zzz&territoire=R53'));
    await check(null, 'page', open(base));
    await check(memberContext, 'page as member', open(base));
    await check(strangerContext, 'creation without ProConnect', open('/cooperation/administrations/nouvelle'));
  }, 180_000);

  it('has no violation on the members’ pages, with errors', async () => {
    await check(memberContext, 'members', open(`${base}/membres`));
    await check(memberContext, 'members with an error', async (page) => {
      await page.goto(`${running.baseUrl}${base}/membres`);
      await page.fill('#email', member.email);
      await submitRaw(page, '#email');
      expect(await page.locator('#email-error').count()).toBe(1);
    });
    await check(memberContext, 'services', open(`${base}/services`));
    await check(memberContext, 'services with an error', async (page) => {
      await page.goto(`${running.baseUrl}${base}/services`);
      await page.fill('#siret', '123');
      await submitRaw(page, '#name');
      expect(await page.locator('#name-error').count()).toBe(1);
    });
    await check(memberContext, 'service edit', async (page) => {
      await page.goto(`${running.baseUrl}${base}/services`);
      await page.click('a[href*="/services/"]');
      await page.waitForLoadState('load');
      expect(page.url()).toMatch(/\/services\/[0-9a-f-]{36}$/);
    });
    await check(memberContext, 'edit', open(`${base}/modifier`));
    await check(memberContext, 'edit with errors and a conflict', async (page) => {
      await page.goto(`${running.baseUrl}${base}/modifier`);
      await page.$eval('input[name="version"]', (input) => {
        (input as HTMLInputElement).value = '999';
      });
      await page.fill('#website', 'pas une adresse');
      await submitRaw(page, '#website');
      expect(await page.locator('#website-error').count()).toBe(1);
      await page.fill('#website', '');
      await page.$eval('input[name="version"]', (input) => {
        (input as HTMLInputElement).value = '999';
      });
      await submitRaw(page, '#website');
      expect(await page.locator('.fr-alert--warning').count()).toBe(1);
    });
  }, 180_000);

  it('has no violation on an invitation, open or for another account', async () => {
    const colleague = await createSignedInUser(running.app.services.db, running.app.services.clock, [], 'collegue');
    await running.app.services.db
      .updateTable('commons_invitations')
      .set({ email: colleague.email })
      .where('email', '=', 'collegue@prefecture.example')
      .execute();
    const colleagueContext = await signedInContext(browser, running.baseUrl, colleague.cookie);
    await check(colleagueContext, 'invitation', open(invitationPath));
    await check(strangerContext, 'invitation for another address', open(invitationPath, 403));
  }, 180_000);

  it('has no violation on staff’s pages, with errors, nor on the import and its report', async () => {
    await check(staffContext, 'creation (staff)', open('/cooperation/administrations/nouvelle'));
    await check(staffContext, 'creation with errors', async (page) => {
      await page.goto(`${running.baseUrl}/cooperation/administrations/nouvelle`);
      await page.fill('#siret', '123');
      await submitRaw(page, '#siret');
      expect(await page.locator('#siret-error').count()).toBe(1);
    });
    await check(staffContext, 'staff list', open('/admin/cooperation/administrations'));
    await check(staffContext, 'staff detail', open(`/admin/cooperation/administrations/${administrationId}`));
    await check(staffContext, 'staff detail with errors', async (page) => {
      await page.goto(`${running.baseUrl}/admin/cooperation/administrations/${administrationId}`);
      await submitRaw(page, '#target');
      expect(await page.locator('.fr-error-text').count()).toBeGreaterThan(0);
    });
    await check(staffContext, 'import', open('/admin/cooperation/administrations/import'));
    await check(staffContext, 'import report', async (page) => {
      await page.goto(`${running.baseUrl}/admin/cooperation/administrations/import`);
      const rows = [
        ['nom', 'siret', 'territoire', 'courriels'],
        ['Mairie de Vannes', VALID_SIRETS[1], 'Morbihan', 'dgs@vannes.example'],
        ['Erreur', '123', '', ''],
      ];
      await page.setInputFiles('#file', {
        name: 'administrations.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\ufeff${rows.map((r) => csvLine(r)).join('\r\n')}\r\n`),
      });
      await Promise.all([page.waitForNavigation(), page.click('form[enctype] button[type="submit"]')]);
      expect(await page.locator('table tbody tr').count()).toBe(2);
    });
  }, 180_000);
});

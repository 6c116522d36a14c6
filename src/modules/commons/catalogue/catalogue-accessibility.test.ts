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
import { createSignedInUser } from '../../../../test/support/users.js';
import { ManualClock } from '../../../core/clock.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from '../testing.js';

/** The catalogue's pages — catalogue, commons page, form (with errors), maintainers, staff list, moderation, import — are axe-clean. */
describe.skipIf(!runsPageAudits)('accessibility of the digital commons pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let anonymous: BrowserContext;
  let maintainer: BrowserContext;
  let staff: BrowserContext;
  let commonsId: string;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-09-15T10:00:00Z'));
    running = await startTestServer({ clock });
    browser = await launchBrowser();
    const { db } = running.app.services;
    const now = clock.now();
    const person = await createSignedInUser(db, clock, [{ role: 'partner' }], 'mainteneuse');
    const admin = await createSignedInUser(db, clock, [{ role: 'admin' }], 'admin');
    commonsId = await insertCommons(db, now, {
      name: 'Carte Ouverte',
      summary: 'Des cartes libres pour les services publics.',
      description:
        'Premier paragraphe.\n\nSecond paragraphe avec une adresse très longue https://exemple.org/un/chemin/vraiment/tres/long/pour/voir',
      categories: ['Cartographie', 'Données'],
      keywords: ['carte', 'OpenStreetMap'],
      levers: ['coaching', 'experimentations'],
      maintainers: [person.id],
    });
    await db
      .updateTable('commons')
      .set({
        website: 'https://carte.example.org',
        sill_id: '57',
        wikidata_id: 'Q19868213',
        governance_siret: VALID_SIRETS[0],
      })
      .where('id', '=', commonsId)
      .execute();
    await insertCommons(db, now, { name: 'Autre Commun', kind: 'data' });
    const mairie = await insertAdministration(db, now, { name: 'Mairie de Test', siret: VALID_SIRETS[1] });
    await insertUseCase(db, now, {
      administrationId: mairie,
      commonsId,
      title: 'Carte des équipements',
      status: 'production',
    });
    await insertUseCase(db, now, { administrationId: mairie, commonsId, title: 'Essai arrêté', status: 'abandoned' });
    await insertUseCase(db, now, {
      administrationId: mairie,
      commonsId,
      title: 'Usage interne',
      visibility: 'members',
    });
    await insertNeed(db, now, { side: 'commons', ownerId: commonsId, title: 'Cherche contributeurs' });
    anonymous = await browser.newContext();
    maintainer = await signedInContext(browser, running.baseUrl, person.cookie);
    staff = await signedInContext(browser, running.baseUrl, admin.cookie);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const open = (url: string) => async (page: Page) => {
    const response = await page.goto(`${running.baseUrl}${url}`);
    expect(response?.status(), url).toBe(200);
  };

  it('has no violation on the catalogue and a commons’ page, for the public and for its maintainer', async () => {
    await auditPage(anonymous, 'catalogue', open('/cooperation/communs'));
    await auditPage(anonymous, 'catalogue searched', open('/cooperation/communs?q=carte&type=software'));
    await auditPage(anonymous, 'catalogue empty', open('/cooperation/communs?q=introuvable'));
    await auditPage(anonymous, 'commons page', open('/cooperation/communs/carte-ouverte'));
    await auditPage(maintainer, 'commons page (maintainer)', open('/cooperation/communs/carte-ouverte'));
  }, 120_000);

  it('has no violation on the forms, with and without errors, and the maintainers page', async () => {
    await auditPage(maintainer, 'proposal form', open('/cooperation/communs/nouveau'));
    await auditPage(maintainer, 'edit form', open('/cooperation/communs/carte-ouverte/modifier'));
    await auditPage(maintainer, 'edit form with errors', async (page) => {
      await page.goto(`${running.baseUrl}/cooperation/communs/carte-ouverte/modifier`);
      await page.fill('#licence', 'Licence maison');
      await page.fill('#website', 'ftp://exemple');
      await page.fill('#name', '');
      await page.evaluate(() => document.querySelector('form[action$="/modifier"]')?.setAttribute('novalidate', ''));
      await page.click('form[action$="/modifier"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#licence-error').count()).toBe(1);
    });
    await auditPage(maintainer, 'maintainers', open('/cooperation/communs/carte-ouverte/mainteneurs'));
    await auditPage(maintainer, 'maintainers with an error', async (page) => {
      await page.goto(`${running.baseUrl}/cooperation/communs/carte-ouverte/mainteneurs`);
      await page.fill('#email', 'personne@example.org');
      await page.click('form[action$="/ajouter"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#email-error').count()).toBe(1);
    });
  }, 120_000);

  it('has no violation on staff’s list, moderation and import pages', async () => {
    await auditPage(staff, 'staff list', open('/admin/cooperation/communs'));
    await auditPage(staff, 'moderation', open(`/admin/cooperation/communs/${commonsId}`));
    await auditPage(staff, 'import', open('/admin/cooperation/communs/import'));
    await auditPage(staff, 'import report', async (page) => {
      await page.goto(`${running.baseUrl}/admin/cooperation/communs/import`);
      await page.setInputFiles('#file', {
        name: 'communs.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          '\ufeffNom;Résumé;Licence\r\nNouveau Commun;Un résumé.;MIT\r\nMauvais;Résumé;Licence maison\r\n',
        ),
      });
      await page.check('#dry_run', { force: true });
      await page.click('form[enctype="multipart/form-data"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#compte-rendu').count()).toBe(1);
    });
  }, 120_000);
});

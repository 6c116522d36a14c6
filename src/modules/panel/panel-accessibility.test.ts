import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPage,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  signedInContext,
  startDemoApp,
} from '../../../test/browser/browser-support.js';
import {
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertVersion,
  saveForm,
} from '../../../test/support/factories/applications.js';
import { latestSeason, seasonTracks } from '../../../test/support/factories/seasons.js';
import { createSignedInUser } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { hashToken } from '../../core/auth/sessions.js';
import { recordDraw, requestCommitment } from './draw-panel.js';
import { createPanel, saveQuotas, setPanelStatus } from './manage-panel.js';
import { saveShortlist } from './opinions.js';
import { loadPanel } from './queries.js';
import { registerVolunteer } from './register-volunteer.js';
import { respondInvitation } from './respond-invitation.js';
import { requestAnalyses } from './run-analysis.js';
import { genderQuotas } from './testing.js';

/** Every panel page, also shown with errors: axe finds nothing, the CSP blocks nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the citizen panel pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let adminContext: BrowserContext;
  let visitorContext: BrowserContext;
  let panelId: string;
  let invitationToken: string;
  let panelistContext: BrowserContext;
  let applicationId: string;
  let setupPanelId: string;
  let openPanelId: string;

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const services = running.app.services;
    const admin = await createSignedInUser(services.db, services.clock, [{ role: 'admin' }], 'admin');
    const day = 24 * 3600_000;
    const now = Date.now();
    panelId = await createPanel(services, systemActor, {
      seasonId: null,
      name: 'Panel citoyen de test',
      nameEn: 'Test citizen panel',
      size: 4,
      recruitUntil: new Date(now + 30 * day),
      endsAt: new Date(now + 90 * day),
      retentionDays: 30,
      onePerHousehold: true,
      criteria: [{ code: 'impact', label: 'Impact', labelEn: 'Impact' }],
      opinionWeight: 30,
    });
    await saveQuotas(services, systemActor, panelId, [
      ...genderQuotas(2, 2),
      {
        category: 'age',
        categoryLabel: 'Votre âge',
        categoryLabelEn: 'Your age',
        feature: 'jeune',
        label: '18-39 ans',
        labelEn: '18-39',
        min: 1,
        max: 3,
      },
      {
        category: 'age',
        categoryLabel: 'Votre âge',
        categoryLabelEn: 'Your age',
        feature: 'senior',
        label: '40 ans et plus',
        labelEn: '40 and over',
        min: 1,
        max: 3,
      },
    ]);
    expect(await setPanelStatus(services, systemActor, panelId, 'recruiting')).toBe('ok');
    const panel = (await loadPanel(services.db, panelId))!;
    for (let i = 0; i < 10; i++) {
      const input = {
        email: `v${i}@example.org`,
        givenName: 'Camille',
        familyName: `Martin ${i}`,
        phone: '',
        address: `${i} rue des Lilas`,
        availability: 'le soir',
        answers: { genre: i % 2 ? 'homme' : 'femme', age: i % 4 < 2 ? 'jeune' : 'senior' },
        submissionKey: null,
      };
      expect(await registerVolunteer(services, systemActor, panel, input, `10.1.0.${i}`, 'fr')).toEqual({ ok: true });
    }
    await requestAnalyses(services, systemActor, panelId);
    await requestCommitment(services, systemActor, panelId);
    await services.worker.drain();
    const draw = await recordDraw(services, systemActor, panelId, '3 1 4 1 5', 'Alice Dupont');
    expect(draw.ok).toBe(true);
    const mails = await services.db
      .selectFrom('mails')
      .select('text_body')
      .where('template', '=', 'panel.invitation')
      // This test's volunteers only: the demo's closed season has invited (and heard from) its own panel.
      .where('to_address', 'like', '%@example.org')
      .execute();
    const tokens = mails.map((mail) => /jeton=([^\s&]+)/.exec(mail.text_body)![1]);
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(await respondInvitation(services, tokens[0], false)).toBe('declined');
    invitationToken = tokens[1];

    // A submitted, eligible application of the latest season, shortlisted, and a panelist who accepted.
    const season = await latestSeason(services.db);
    expect((await saveForm(services, systemActor, season.id, DEFAULT_FORM)).ok).toBe(true);
    const form = await currentForm(services.db, season.id);
    const [track] = await seasonTracks(services.db, season.id);
    const owner = await createSignedInUser(services.db, services.clock, [], 'porteur');
    const answers = { project_name: 'Jardin partagé', project_summary: 'Un jardin ouvert à tout le quartier.' };
    const application = await insertApplication(services.db, {
      season_id: season.id,
      track_code: track.code,
      form_id: form.id,
      owner_id: owner.id,
      applicant_kind: 'association',
      title: 'Jardin partagé',
      state: 'eligible',
      draft_answers: JSON.stringify(answers),
      current_version: 1,
      submitted_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    });
    applicationId = application.id;
    await insertVersion(services.db, {
      application_id: applicationId,
      version: 1,
      form_id: form.id,
      answers: JSON.stringify(answers),
      answers_sha256: 'x',
      submitted_at: new Date(),
      submitted_by: owner.id,
    });
    await services.db.updateTable('panels').set({ season_id: season.id }).where('id', '=', panelId).execute();
    expect(
      await saveShortlist(services, systemActor, (await loadPanel(services.db, panelId))!, [applicationId]),
    ).toEqual([applicationId]);
    const panelist = await createSignedInUser(services.db, services.clock, [{ role: 'panelist' }], 'panelist');
    const member = await services.db
      .selectFrom('panel_members')
      .select('id')
      .where('panel_id', '=', panelId)
      .where('status', '=', 'invited')
      .where('invite_token_hash', '!=', hashToken(invitationToken))
      .limit(1)
      .executeTakeFirstOrThrow();
    await services.db
      .updateTable('panel_members')
      .set({ status: 'accepted', user_id: panelist.id })
      .where('id', '=', member.id)
      .execute();
    panelistContext = await browser.newContext({ locale: 'fr-FR' });
    const [pName, pValue] = panelist.cookie.split('=');
    await panelistContext.addCookies([
      { name: pName, value: pValue, url: running.baseUrl, httpOnly: true, sameSite: 'Lax' },
    ]);

    // A second panel still being set up, for the edit form with every field open.
    setupPanelId = await createPanel(services, systemActor, {
      seasonId: null,
      name: 'Panel en préparation',
      nameEn: 'Panel being set up',
      description: 'Six rencontres.',
      size: 4,
      recruitUntil: new Date(now + 30 * day),
      endsAt: new Date(now + 90 * day),
      retentionDays: 30,
      onePerHousehold: false,
      criteria: [{ code: 'impact', label: 'Impact', labelEn: 'Impact' }],
      opinionWeight: 30,
    });
    await saveQuotas(services, systemActor, setupPanelId, [...genderQuotas(2, 2)]);

    // A third panel whose call is open: the first one's closed at its commitment.
    openPanelId = await createPanel(services, systemActor, {
      seasonId: null,
      name: 'Panel en recrutement',
      nameEn: 'Panel recruiting',
      description: '',
      size: 4,
      recruitUntil: new Date(now + 30 * day),
      endsAt: new Date(now + 90 * day),
      retentionDays: 30,
      onePerHousehold: true,
      criteria: [{ code: 'impact', label: 'Impact', labelEn: 'Impact' }],
      opinionWeight: 30,
    });
    await saveQuotas(services, systemActor, openPanelId, [...genderQuotas(2, 2)]);
    expect(await setPanelStatus(services, systemActor, openPanelId, 'recruiting')).toBe('ok');

    adminContext = await signedInContext(browser, running.baseUrl, admin.cookie);
    visitorContext = await browser.newContext({ locale: 'fr-FR' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function check(
    context: BrowserContext,
    path: string,
    label: string,
    act?: (page: import('playwright-core').Page) => Promise<void>,
  ) {
    await auditPage(context, label, async (page) => {
      expect((await page.goto(`${running.baseUrl}${path}`))?.status()).toBe(200);
      if (act) await act(page);
    });
  }

  it('staff pages: list, new panel (and its errors), panel with chart, draw and replacement, demographics', async () => {
    await check(adminContext, '/admin/panels', 'panel list');
    await check(adminContext, '/admin/panels/nouveau', 'new panel form');
    await check(adminContext, '/admin/panels/nouveau', 'new panel form with errors', async (page) => {
      await page.fill('#name', '');
      await page.fill('#size', 'quinze');
      await page.click('form[action="/admin/panels"] button[type="submit"]:not([value="add-rows"])');
      await page.waitForSelector('#size-error');
    });
    await check(adminContext, `/admin/panels/${panelId}`, 'panel page');
    await check(adminContext, `/admin/panels/${panelId}`, 'panel page with draw errors', async (page) => {
      await page.click(`form[action="/admin/panels/${panelId}/remplacement"] button[type="submit"]`);
      await page.waitForSelector('#random-error');
    });
    await check(adminContext, `/admin/panels/${panelId}/demographie`, 'demographics');
  }, 120_000);

  it('edit page: every field open (and its errors), then after the draw with the locked fields (and its errors)', async () => {
    await check(adminContext, `/admin/panels/${setupPanelId}/modifier`, 'edit form, set-up');
    await check(
      adminContext,
      `/admin/panels/${setupPanelId}/modifier`,
      'edit form, set-up, with errors',
      async (page) => {
        await page.fill('#name', '');
        await page.fill('#size', '9');
        await page.click(
          `form[action="/admin/panels/${setupPanelId}/modifier"] button[type="submit"]:not([value="add-rows"])`,
        );
        await page.waitForSelector('[id="quotas.0.max-error"]');
        await page.waitForSelector('#name-error');
      },
    );
    await check(
      adminContext,
      `/admin/panels/${setupPanelId}/modifier`,
      'edit form, set-up, with a conflict',
      async (page) => {
        // As if someone else had saved since the form was opened.
        await page.evaluate(() => {
          (document.querySelector('input[name="version"]') as HTMLInputElement).value = '0';
        });
        await page.fill('#name', 'Un autre nom');
        await page.click(
          `form[action="/admin/panels/${setupPanelId}/modifier"] button[type="submit"]:not([value="add-rows"])`,
        );
        await page.waitForSelector('#current-title');
      },
    );
    await check(adminContext, `/admin/panels/${panelId}/modifier`, 'edit form after the draw');
    await check(
      adminContext,
      `/admin/panels/${panelId}/modifier`,
      'edit form after the draw, with errors',
      async (page) => {
        await page.fill('#name', '');
        await page.fill('#retention_days', 'beaucoup');
        await page.click(
          `form[action="/admin/panels/${panelId}/modifier"] button[type="submit"]:not([value="add-rows"])`,
        );
        await page.waitForSelector('#retention_days-error');
        await page.waitForSelector('#locked-title');
      },
    );
  }, 120_000);

  it('public pages: volunteer form (and its errors), transparency, invitation', async () => {
    await check(visitorContext, `/panel-citoyen/${panelId}`, 'volunteer page, call closed at the commitment');
    await check(visitorContext, `/panel-citoyen/${openPanelId}`, 'volunteer form');
    await check(visitorContext, `/panel-citoyen/${openPanelId}`, 'volunteer form with errors', async (page) => {
      await page.click(`form[action="/panel-citoyen/${openPanelId}"] button[type="submit"]`);
      await page.waitForSelector('#consent-error');
    });
    await check(visitorContext, `/panel-citoyen/${panelId}/transparence`, 'transparency page');
    await check(visitorContext, `/panel-citoyen/invitation?jeton=${invitationToken}`, 'invitation');
    await check(
      visitorContext,
      `/panel-citoyen/invitation?jeton=${invitationToken}`,
      'invitation accepted',
      async (page) => {
        await page.click('button[value="accepter"]');
        await page.waitForSelector('a[href="/connexion?retour=%2Fpanel"].fr-btn');
      },
    );
  }, 120_000);

  it('panelist pages: the shortlist, an application with the opinion form (and its errors)', async () => {
    await check(panelistContext, '/panel', 'panelist home');
    await check(panelistContext, `/panel/${panelId}/candidatures/${applicationId}`, 'panelist opinion form');
    await check(
      panelistContext,
      `/panel/${panelId}/candidatures/${applicationId}`,
      'panelist opinion form with errors',
      async (page) => {
        await page.click(`form[action="/panel/${panelId}/candidatures/${applicationId}"] button[type="submit"]`);
        await page.waitForSelector('#score_impact-error');
      },
    );
  }, 120_000);
});

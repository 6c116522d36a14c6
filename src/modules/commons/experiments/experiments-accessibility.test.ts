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
import { userActor } from '../../accounts/index.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from '../testing.js';
import { addDocument } from './add-document.js';
import { addPerson } from './add-person.js';
import { createExperiment } from './create-experiment.js';
import { moveMilestone } from './move-milestone.js';
import { reviewMilestone } from './review-milestone.js';
import { saveMilestone } from './save-milestone.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The space's home, the experiments' lists, an experiment's page on each side with its forms and errors: axe finds nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the experiments’ pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let anonymous: BrowserContext;
  let party: BrowserContext;
  let staff: BrowserContext;
  let experimentId: string;

  beforeAll(async () => {
    running = await startTestServer();
    browser = await launchBrowser();
    const { services } = running.app;
    const { db, clock } = services;
    const now = clock.now();
    const agent = await createSignedInUser(db, clock, [{ role: 'partner' }], 'agent');
    const admin = await createSignedInUser(db, clock, [{ role: 'admin' }], 'admin');
    const administrationId = await insertAdministration(db, now, {
      name: 'Préfecture accessible',
      siret: VALID_SIRETS[2],
      members: [agent.id],
    });
    const commonsId = await insertCommons(db, now, { name: 'Commun accessible' });
    await insertUseCase(db, now, { administrationId, commonsId, title: 'Un cas d’usage', status: 'production' });
    await insertNeed(db, now, { side: 'administration', ownerId: administrationId, title: 'Un besoin ouvert' });
    const actor = userActor(agent.id);
    const created = await createExperiment(services, actor, {
      commonsId,
      administrationIds: [administrationId],
      byStaff: false,
      title: 'Expérimentation accessible',
      goal: 'Un objectif.\n\nSur deux paragraphes.',
      territory: 'R53',
      startsOn: '2026-01-01',
      endsOn: '2027-01-01',
      status: 'running',
      outcome: '',
      visibility: 'public',
    });
    if (!created.ok) throw new Error(created.problem);
    experimentId = created.id;
    const ids: string[] = [];
    for (const title of ['Validé', 'Renvoyé', 'Remis', 'En cours', 'À venir']) {
      const saved = await saveMilestone(services, actor, {
        experimentId,
        milestoneId: null,
        title,
        description: 'Ce qui est attendu.',
        dueOn: '2026-06-01',
      });
      if (saved.ok) ids.push(saved.id);
    }
    const [validated, returned, submitted, started] = ids as [string, string, string, string];
    for (const id of [validated, returned, submitted])
      await moveMilestone(services, actor, { experimentId, milestoneId: id, move: 'submit' });
    await moveMilestone(services, actor, { experimentId, milestoneId: started, move: 'start' });
    const staffActor = userActor(admin.id);
    await reviewMilestone(services, staffActor, {
      experimentId,
      milestoneId: validated,
      verdict: 'validate',
      comment: '',
    });
    await reviewMilestone(services, staffActor, {
      experimentId,
      milestoneId: returned,
      verdict: 'return',
      comment: 'Précisez le calendrier.',
    });
    await addPerson(services, actor, { experimentId, userId: null, name: 'Jeanne Exemple', role: 'Référente' });
    await addDocument(services, actor, { experimentId, title: 'Compte rendu', data: PDF, fileName: 'cr.pdf' });
    anonymous = await browser.newContext({ locale: 'fr-FR' });
    party = await signedInContext(browser, running.baseUrl, agent.cookie);
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

  it('has no violation on the home, the list and an experiment’s page for a visitor', async () => {
    await auditPage(anonymous, 'home', open('/cooperation'));
    await auditPage(anonymous, 'list', open('/cooperation/experimentations'));
    await auditPage(anonymous, 'experiment', open(`/cooperation/experimentations/${experimentId}`));
    await auditPage(anonymous, 'experiment in English', async (page) => {
      await page.context().addCookies([{ name: 'lang', value: 'en', url: running.baseUrl }]);
      await open(`/cooperation/experimentations/${experimentId}`)(page);
    });
  }, 180_000);

  it('has no violation on a party’s page with its forms, the forms of an experiment, and errors', async () => {
    const url = `/cooperation/experimentations/${experimentId}`;
    await auditPage(party, 'experiment (party)', open(url));
    await auditPage(party, 'new experiment', open('/cooperation/experimentations/nouvelle'));
    await auditPage(party, 'edit experiment', open(`${url}/modifier`));
    await auditPage(party, 'edit experiment with errors', async (page) => {
      await page.goto(`${running.baseUrl}${url}/modifier`);
      // Finished without an outcome (the browser's own checks do not know this rule).
      await page.check('#status--2', { force: true });
      await page.locator('main form button[type="submit"]').first().click();
      await page.waitForLoadState('load');
      expect(await page.locator('.fr-error-text').count()).toBeGreaterThan(0);
    });
    await auditPage(party, 'milestone form with an error', async (page) => {
      await page.goto(`${running.baseUrl}${url}`);
      await page.locator('details summary', { hasText: 'Ajouter un jalon' }).click();
      // An impossible date the browser lets through as text: the server's message comes back on the field.
      await page.locator('#title-new').fill('Un jalon');
      await page.locator('#due-new').evaluate((input: HTMLInputElement) => {
        input.type = 'text';
        input.value = '2026-02-31';
      });
      await page.locator('form[action$="/jalons"] button[type="submit"]').click();
      await page.waitForLoadState('load');
      expect(await page.locator('#due-new-error').count()).toBe(1);
    });
  }, 180_000);

  it('has no violation on staff’s review forms and list', async () => {
    const url = `/cooperation/experimentations/${experimentId}`;
    await auditPage(staff, 'experiment (staff)', open(url));
    await auditPage(staff, 'review with an error', async (page) => {
      await page.goto(`${running.baseUrl}${url}`);
      await page.locator('form[action$="/examen"] button[value="return"]').click();
      await page.waitForLoadState('load');
      expect(await page.locator('.fr-error-text').count()).toBe(1);
    });
    await auditPage(staff, 'staff list', open('/admin/cooperation/experimentations'));
  }, 180_000);
});

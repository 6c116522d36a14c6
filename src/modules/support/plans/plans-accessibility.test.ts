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
import { ManualClock } from '../../../core/clock.js';
import { laureateSpace } from '../laureate-space.js';
import { createPlan } from './create-plan.js';
import { milestonesOfPlan, planOfApplication } from './queries.js';
import { reviewMilestone } from './review-milestone.js';
import { saveTemplate } from './save-template.js';
import { submitDeliverable } from './submit-deliverable.js';

/** The plan's pages on both sides, with milestones in several states and a form with errors: axe finds nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the support plan pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staff: BrowserContext;
  let team: BrowserContext;
  let seasonId: string;
  let templateId: string;
  let withPlan: SeededLaureate;
  let withoutPlan: SeededLaureate;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-09-15T10:00:00Z'));
    running = await startTestServer({ clock });
    browser = await launchBrowser();
    const { services } = running.app;
    const seeded = await seedConfirmedLaureates(services.db, clock, {
      slug: 'saison-a11y-plans',
      number: 93,
      laureates: [
        { title: 'Projet suivi', track: 'numerique' },
        { title: 'Projet sans plan', track: 'autres' },
      ],
    });
    seasonId = seeded.seasonId;
    [withPlan, withoutPlan] = seeded.laureates as [SeededLaureate, SeededLaureate];
    const saved = await saveTemplate(services, systemActor, {
      seasonId,
      templateId: null,
      name: 'Parcours standard',
      content: {
        needs: [{ need: 'consolider', goals: 'Stabiliser la gouvernance' }],
        actions: [
          {
            lever: 'coaching',
            need: 'consolider',
            action: 'Trois séances',
            responsibleKind: 'mentor',
            responsibleName: 'Coach',
          },
        ],
        milestones: [
          { title: 'Feuille de route', description: 'À six mois', dueAfterDays: 10, weight: 20 },
          { title: 'Premier pilote', description: '', dueAfterDays: 60, weight: 40 },
          { title: 'Bilan', description: '', dueAfterDays: 120, weight: 40 },
        ],
      },
    });
    templateId = saved.ok ? saved.templateId : '';
    const space = (await laureateSpace(services.db, withPlan.applicationId))!;
    await createPlan(services, systemActor, { space, startsOn: '2026-09-01', endsOn: '2027-06-30', templateId });
    const plan = (await planOfApplication(services.db, withPlan.applicationId))!;
    const [first, second] = await milestonesOfPlan(services.db, plan.id);
    const actor = { id: withPlan.owner.id, label: withPlan.owner.email };
    for (const m of [first!, second!])
      await submitDeliverable(services, actor, {
        applicationId: withPlan.applicationId,
        milestoneId: m.id,
        deliverable: { kind: 'link', url: 'https://example.org/livrable', note: 'Notre livrable' },
      });
    await reviewMilestone(services, systemActor, {
      applicationId: withPlan.applicationId,
      milestoneId: first!.id,
      verdict: 'return',
      comment: 'Précisez le calendrier.',
    });
    const admin = await createSignedInUser(services.db, clock, [{ role: 'admin' }], 'admin');
    staff = await signedInContext(browser, running.baseUrl, admin.cookie);
    team = await signedInContext(browser, running.baseUrl, withPlan.owner.cookie);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const open = (url: string) => async (page: Page) => {
    const response = await page.goto(`${running.baseUrl}${url}`);
    expect(response?.status(), url).toBe(200);
  };

  it('has no violation on the team’s home, overview and milestones, also with a refused deliverable', async () => {
    const base = `/espace-laureat/${withPlan.applicationId}`;
    await auditPage(team, 'team home', open('/espace-laureat'));
    await auditPage(team, 'team overview', open(base));
    await auditPage(team, 'team milestones', open(`${base}/jalons`));
    await auditPage(team, 'team milestones with an error', async (page) => {
      await page.goto(`${running.baseUrl}${base}/jalons`);
      const form = page.locator('form[enctype="multipart/form-data"]').first();
      await page.locator('details summary').first().click();
      await form.locator('input[type="radio"][value="link"]').check({ force: true });
      await form.locator('input[type="url"]').fill('http://example.org');
      await form.locator('button[type="submit"]').click();
      await page.waitForLoadState('load');
      expect(await page.locator('.fr-error-text').count()).toBeGreaterThan(0);
    });
  }, 180_000);

  it('has no violation on the portfolio, the follow-up (with and without a plan), the milestones and the templates', async () => {
    await auditPage(staff, 'seasons', open('/admin/accompagnement'));
    await auditPage(staff, 'portfolio', open(`/admin/accompagnement/saisons/${seasonId}`));
    await auditPage(staff, 'follow-up', open(`/admin/accompagnement/laureats/${withPlan.applicationId}`));
    await auditPage(
      staff,
      'follow-up without plan',
      open(`/admin/accompagnement/laureats/${withoutPlan.applicationId}`),
    );
    await auditPage(staff, 'follow-up with errors', async (page) => {
      await page.goto(`${running.baseUrl}/admin/accompagnement/laureats/${withoutPlan.applicationId}`);
      await page.fill('#starts_on', '2026-09-01');
      await page.fill('#ends_on', '2026-10-01');
      await page.click('form[action$="/plan"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#ends_on-error').count()).toBe(1);
    });
    await auditPage(staff, 'staff milestones', open(`/admin/accompagnement/laureats/${withPlan.applicationId}/jalons`));
    await auditPage(staff, 'templates', open(`/admin/accompagnement/saisons/${seasonId}/modeles`));
    await auditPage(staff, 'template', open(`/admin/accompagnement/saisons/${seasonId}/modeles/${templateId}`));
  }, 180_000);
});

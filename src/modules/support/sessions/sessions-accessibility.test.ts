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
import { parisDateTime } from '../../../core/time/paris-time.js';
import { laureateSpace } from '../laureate-space.js';
import { postSpaceMessage } from './post-space-message.js';
import { createSession } from './save-session.js';
import { insertPlanForTest } from './testing.js';

/** The sessions and timeline pages on both sides, also with their errors: axe finds nothing, the CSP blocks nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the sessions and timeline pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staff: BrowserContext;
  let team: BrowserContext;
  let laureate: SeededLaureate;
  let withoutPlan: SeededLaureate;
  let sessionId: string;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-05-12T08:00:00Z'));
    running = await startTestServer({ clock });
    const { services } = running.app;
    const { laureates } = await seedConfirmedLaureates(services.db, clock, {
      slug: 'saison-a11y-seances',
      number: 93,
      laureates: [{ title: 'Kilo' }, { title: 'Lima sans plan' }],
    });
    [laureate, withoutPlan] = laureates;
    const admin = await createSignedInUser(services.db, clock, [{ role: 'admin' }], 'admin');
    const planId = await insertPlanForTest(services.db, {
      applicationId: laureate.applicationId,
      now: clock.now(),
      allocatedMinutes: 60,
      responsibleStaffId: admin.id,
    });
    const space = (await laureateSpace(services.db, laureate.applicationId))!;
    const created = await createSession(
      services,
      systemActor,
      { id: planId, allocatedMinutes: 60 },
      {
        heldAt: parisDateTime('2026-05-05', '14:00'),
        durationMinutes: 90,
        countsHours: true,
        topics: 'Gouvernance et modèle économique',
        notes: 'Premier paragraphe.\n\nSecond paragraphe,\navec un retour à la ligne.',
        staffNote: 'Note interne.',
        levers: ['coaching', 'financement-juridique'],
        participants: [
          { userId: laureate.owner.id, name: 'Porteuse Kilo', side: 'team' },
          { userId: null, name: 'Camille Martin', side: 'mentor' },
        ],
        items: [
          { id: null, text: 'Écrire la feuille de route', ownerName: '', ownerUserId: null, dueOn: '2026-05-01' },
          { id: null, text: 'Relire les statuts', ownerName: 'Juriste', ownerUserId: null, dueOn: null },
        ],
      },
    );
    if (!created.ok) throw new Error('session not created');
    sessionId = created.sessionId;
    await postSpaceMessage(services, systemActor, { space, planId, side: 'team', body: 'Bonjour,\n\nune question.' });
    await postSpaceMessage(services, systemActor, { space, planId, side: 'staff', body: 'Voici la réponse.' });
    browser = await launchBrowser();
    staff = await signedInContext(browser, running.baseUrl, admin.cookie);
    team = await signedInContext(browser, running.baseUrl, laureate.owner.cookie);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const open = (path: string) => async (page: Page) => {
    const response = await page.goto(`${running.baseUrl}${path}`);
    expect(response?.status(), path).toBe(200);
  };

  it('has no violation on the staff’s pages, with and without errors', async () => {
    const base = `/admin/accompagnement/laureats/${laureate.applicationId}`;
    await auditPage(staff, 'staff sessions', open(`${base}/seances`));
    await auditPage(
      staff,
      'staff sessions without a plan',
      open(`/admin/accompagnement/laureats/${withoutPlan.applicationId}/seances`),
    );
    await auditPage(staff, 'new session', open(`${base}/seances/nouvelle`));
    await auditPage(staff, 'edit session', open(`${base}/seances/${sessionId}/modifier`));
    await auditPage(staff, 'session form with errors', async (page) => {
      await page.goto(`${running.baseUrl}${base}/seances/nouvelle`);
      await page.fill('#held_time', '25h');
      await page.fill('#duration', 'beaucoup');
      await page.click('form[action$="/seances"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#held_time-error').count()).toBe(1);
      expect(await page.locator('#topics-error').count()).toBe(1);
    });
    await auditPage(staff, 'staff timeline', open(`${base}/fil`));
    await auditPage(staff, 'staff timeline filtered', open(`${base}/fil?type=message&type=session`));
  }, 180_000);

  it('has no violation on the team’s pages, with and without errors', async () => {
    const base = `/espace-laureat/${laureate.applicationId}`;
    await auditPage(team, 'team sessions', open(`${base}/seances`));
    await auditPage(team, 'team timeline', open(`${base}/fil`));
    await auditPage(team, 'team composer with an error', async (page) => {
      await page.goto(`${running.baseUrl}${base}/fil`);
      // Blank once trimmed: the browser lets it through, the server refuses it.
      await page.fill('#body', '   ');
      await page.click('form[method="post"][action$="/fil"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#body-error').count()).toBe(1);
    });
  }, 120_000);
});

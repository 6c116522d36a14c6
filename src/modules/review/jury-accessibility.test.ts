import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAxeClean,
  launchBrowser,
  type RunningApp,
  reusedTab,
  runsPageAudits,
  signedInContext,
  startDemoApp,
} from '../../../test/browser/browser-support.js';
import { userIdByEmail } from '../../../test/support/factories/accounts.js';
import {
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertVersion,
  seedOpenSeason,
} from '../../../test/support/factories/applications.js';
import { seasonById, seasonTracks } from '../../../test/support/factories/seasons.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { runAssignment } from './assignment.js';
import { inviteReviewer } from './jury.js';
import { savePhase } from './save-phase.js';

/** Every jury page, also shown with errors and with an impossible assignment: axe finds nothing, the CSP blocks nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the jury pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staffContext: BrowserContext;
  let reviewerContext: BrowserContext;
  let limitedContext: BrowserContext;
  let seasonId: string;
  let phaseId: string;
  let memberId: string;

  async function contextFor(cookie: string): Promise<BrowserContext> {
    const context = await signedInContext(browser, running.baseUrl, cookie);
    return context;
  }

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const services = running.app.services;
    const { db, clock } = services;
    const staff: SignedInUser = await createSignedInUser(db, clock, [{ role: 'staff' }], 'staff');
    // A season of its own: the demo's open season already has its jury and a published assignment.
    const { id } = await seedOpenSeason(db, { slug: 'saison-jury-a11y', number: 90, form: DEFAULT_FORM });
    const season = await seasonById(db, id);
    seasonId = season.id;
    const form = await currentForm(db, season.id);
    const [track] = await seasonTracks(db, season.id);
    const now = new Date();
    for (const title of ['Jardin partagé', 'Cartographie des fontaines']) {
      const owner = await createSignedInUser(db, clock, [], 'porteur');
      const row = await insertApplication(db, {
        season_id: season.id,
        track_code: track.code,
        form_id: form.id,
        owner_id: owner.id,
        applicant_kind: 'association',
        title,
        state: 'eligible',
        draft_answers: '{}',
        submitted_at: now,
        current_version: 1,
        created_at: now,
        updated_at: now,
      });
      await insertVersion(db, {
        application_id: row.id,
        version: 1,
        form_id: form.id,
        answers: JSON.stringify({ project_name: title, organisation_name: 'Les Amis' }),
        answers_sha256: 'x',
        submitted_at: now,
        submitted_by: owner.id,
      });
    }
    const profile = {
      expertise: 'Jardins, eau, cartographie',
      topics: ['numerique'],
      minLoad: 0,
      maxLoad: 5,
      siren: '',
    };
    const invited = await inviteReviewer(services, systemActor, {
      seasonId,
      seasonName: season.name,
      email: 'experte@collectivite.fr',
      profile,
      locale: 'fr',
    });
    if (!invited.ok) throw new Error('invitation failed');
    memberId = invited.memberId;
    await inviteReviewer(services, systemActor, {
      seasonId,
      seasonName: season.name,
      email: 'second@collectivite-2.fr',
      profile,
      locale: 'fr',
    });
    expect(await runAssignment(services, systemActor, { seasonId, perApplication: 1, fair: false })).toMatchObject({
      ok: true,
    });
    phaseId = (await savePhase(services, systemActor, seasonId, undefined, {
      name: 'Première lecture',
      nameEn: 'First reading',
      startsAt: new Date(now.getTime() - 86400_000),
      endsAt: new Date(now.getTime() + 86400_000 * 10),
      visibility: 'assigned',
      othersReviews: 'after_own',
      blind: false,
      editableAfterEnd: false,
    }))!;
    const user = { id: await userIdByEmail(db, 'experte@collectivite.fr') };
    const { createSession } = await import('../../core/auth/sessions.js');
    staffContext = await contextFor(staff.cookie);
    limitedContext = await contextFor(
      (await createSignedInUser(db, clock, [{ role: 'staff', track: track.code }], 'staff-parcours')).cookie,
    );
    reviewerContext = await contextFor(`acc_session=${(await createSession(db, clock, user.id)).token}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function check(
    context: BrowserContext,
    path: string,
    label: string,
    act?: (page: Page) => Promise<number | undefined>,
  ): Promise<void> {
    const { page, problems } = await reusedTab(context);
    expect((await page.goto(`${running.baseUrl}${path}`))?.status(), path).toBe(200);
    await expectAxeClean(page, label, problems);
    if (act) {
      const status = await act(page);
      expect(status, `${label} after action`).toBeGreaterThanOrEqual(400);
      await expectAxeClean(page, `${label} (with errors)`, problems);
    }
  }

  async function submit(page: Page, formSelector: string): Promise<number | undefined> {
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.click(`${formSelector} button[type="submit"]`),
    ]);
    return response?.status();
  }

  it('the staff pages: jury, member, conflicts, phases, assignment', async () => {
    const base = `/admin/saisons/${seasonId}/jury`;
    await check(staffContext, '/admin/jury', 'juries');
    await check(staffContext, base, 'jury page', async (page) => {
      await page.fill('#email', 'pas-une-adresse');
      return submit(page, `form[action="${base}"]`);
    });
    await check(staffContext, `${base}/membres/${memberId}/modifier`, 'member edit', async (page) => {
      await page.fill('#min_load', '9');
      await page.fill('#max_load', '2');
      return submit(page, `form[action="${base}/membres/${memberId}"]`);
    });
    await check(staffContext, `${base}/conflits`, 'conflicts', (page) =>
      submit(page, `form[action="${base}/conflits"]`),
    );
    await check(staffContext, `${base}/phases`, 'phases', (page) => submit(page, `form[action="${base}/phases"]`));
    await check(staffContext, `${base}/phases/${phaseId}/modifier`, 'phase edit', async (page) => {
      await page.fill('#ends_at', '2020-01-01T10:00');
      return submit(page, `form[action="${base}/phases/${phaseId}"]`);
    });
    await check(staffContext, `${base}/affectation`, 'assignment', async (page) => {
      await page.fill('#per_application', '9');
      return submit(page, `form[action="${base}/affectation"]`);
    });
    // Staff limited to one track: no run or publication, a note saying why, and the pair form.
    await check(limitedContext, `${base}/affectation`, 'assignment for staff limited to one track', (page) =>
      submit(page, `form[action="${base}/affectation/paires"]`),
    );
  });

  it('the reviewer pages: home and declarations', async () => {
    await check(reviewerContext, '/jury', 'jury home');
    const path = `/jury/saisons/${seasonId}`;
    await check(reviewerContext, path, 'declarations', (page) => submit(page, 'form[action$="/conflit"]'));
  });
});

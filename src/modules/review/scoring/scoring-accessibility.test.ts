import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAxeClean,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  signedInContext,
  startDemoApp,
  watchCsp,
} from '../../../../test/browser/browser-support.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { completeReview, type ScoringFixture, seedScoringFixture } from './scoring-testing.js';

const DAY = 24 * 3600_000;

/** Every scoring page template, also with its errors: axe finds nothing, the CSP blocks nothing. */
describe.skipIf(!runsPageAudits)('accessibility of jury scoring (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let f: ScoringFixture;
  let staff: SignedInUser;

  async function contextFor(person: SignedInUser): Promise<BrowserContext> {
    return signedInContext(browser, running.baseUrl, person.cookie);
  }

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const { db, clock } = running.app.services;
    staff = await createSignedInUser(db, clock, [{ role: 'staff' }], 'staff');
    const now = clock.now();
    f = await seedScoringFixture(db, clock, {
      slug: 'jury-axe',
      number: 90,
      titles: ['Jardins ouverts', 'Cartes libres'],
      reviewers: 2,
      pairs: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      phase: {
        startsAt: new Date(now.getTime() - DAY),
        endsAt: new Date(now.getTime() + 7 * DAY),
        othersReviews: 'always',
      },
      laureatesSought: 1,
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the reviewer’s list, the scoring page, its errors, and others’ reviews', async () => {
    const context = await contextFor(f.reviewers[0]);
    const page = await context.newPage();
    try {
      const problems = watchCsp(page);
      expect((await page.goto(`${running.baseUrl}/jury/evaluations`))?.status()).toBe(200);
      await expectAxeClean(page, 'my reviews', problems);
      const url = `${running.baseUrl}/jury/evaluations/${f.assignments[0].get(f.applications[0])}`;
      expect((await page.goto(url))?.status()).toBe(200);
      await expectAxeClean(page, 'scoring page', problems);
      // DSFR draws the radio on the label; the input itself is visually hidden.
      await page.locator('input[name="score_impact"][value="4"]').check({ force: true });
      const [refused] = await Promise.all([page.waitForNavigation(), page.click('button[value="submit"]')]);
      expect(refused?.status()).toBe(400);
      expect(await page.locator('#score_qualite-error').count()).toBe(1);
      await expectAxeClean(page, 'scoring page with errors', problems);
      const [saved] = await Promise.all([page.waitForNavigation(), page.click('button[value="save"]')]);
      expect(saved?.status()).toBe(200);
      await expectAxeClean(page, 'draft saved', problems);
    } finally {
      await context.close();
    }
    // Reviewer 1 submits through HTTP; reviewer 0's page then shows the other review (phase: always).
    const { app } = running;
    const other = `/jury/evaluations/${f.assignments[1].get(f.applications[0])}`;
    const form = await app.inject({ method: 'GET', url: other, headers: { cookie: f.reviewers[1].cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
    const csrfCookie = ([] as string[])
      .concat(form.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('_csrf='))!;
    const posted = await app.inject({
      method: 'POST',
      url: other,
      headers: {
        cookie: `${f.reviewers[1].cookie}; ${csrfCookie}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ ...completeReview(2), _csrf: csrf }).toString(),
    });
    expect(posted.statusCode).toBe(303);
    const again = await contextFor(f.reviewers[0]);
    const withOthers = await again.newPage();
    try {
      const problems = watchCsp(withOthers);
      await withOthers.goto(`${running.baseUrl}/jury/evaluations/${f.assignments[0].get(f.applications[0])}`);
      expect(await withOthers.content()).toContain('Évaluation 1');
      await expectAxeClean(withOthers, 'scoring page with others’ reviews', problems);
    } finally {
      await again.close();
    }
  });

  it('a phase open to the whole jury: the list with both kinds of rows, an unassigned application, its progress', async () => {
    const { db, clock } = running.app.services;
    const now = clock.now();
    const open = await seedScoringFixture(db, clock, {
      slug: 'jury-axe-ouvert',
      number: 91,
      titles: ['Atelier attribué', 'Atelier ouvert à tous'],
      reviewers: 1,
      pairs: [[0, 0]],
      phase: {
        startsAt: new Date(now.getTime() - DAY),
        endsAt: new Date(now.getTime() + 7 * DAY),
        visibility: 'all',
        blind: true,
      },
    });
    const context = await contextFor(open.reviewers[0]);
    const page = await context.newPage();
    try {
      const problems = watchCsp(page);
      expect((await page.goto(`${running.baseUrl}/jury/evaluations`))?.status()).toBe(200);
      expect(await page.content()).toContain('Ouverte à tout le jury');
      await expectAxeClean(page, 'my reviews with an open phase', problems);
      expect(
        (await page.goto(`${running.baseUrl}/jury/evaluations/candidatures/${open.applications[1]}`))?.status(),
      ).toBe(200);
      await expectAxeClean(page, 'scoring page of an unassigned application', problems);
      await page.locator('input[name="score_impact"][value="3"]').check({ force: true });
      const [saved] = await Promise.all([page.waitForNavigation(), page.click('button[value="save"]')]);
      expect(saved?.status()).toBe(200);
    } finally {
      await context.close();
    }
    const staffContext = await contextFor(staff);
    const progress = await staffContext.newPage();
    try {
      const problems = watchCsp(progress);
      expect((await progress.goto(`${running.baseUrl}/admin/evaluations/${open.seasonId}`))?.status()).toBe(200);
      expect(await progress.content()).toContain('Sans attribution');
      await expectAxeClean(progress, 'progress with a review without assignment', problems);
    } finally {
      await staffContext.close();
    }
  });

  it('the staff pages: seasons, progress, rubric (and its errors), ranking', async () => {
    const context = await contextFor(staff);
    const page = await context.newPage();
    try {
      const problems = watchCsp(page);
      const base = `${running.baseUrl}/admin/evaluations`;
      expect((await page.goto(base))?.status()).toBe(200);
      await expectAxeClean(page, 'seasons', problems);
      expect((await page.goto(`${base}/${f.seasonId}`))?.status()).toBe(200);
      await expectAxeClean(page, 'progress', problems);
      const [reminded] = await Promise.all([page.waitForNavigation(), page.click(`form[action$="/relances"] button`)]);
      expect(reminded?.status()).toBe(200);
      await expectAxeClean(page, 'progress after reminders', problems);
      expect((await page.goto(`${base}/${f.seasonId}/bareme`))?.status()).toBe(200);
      await expectAxeClean(page, 'rubric', problems);
      await page.fill('#level_impact_0_fr', '');
      const [refused] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action$="/bareme"] button[type="submit"]'),
      ]);
      expect(refused?.status()).toBe(400);
      await expectAxeClean(page, 'rubric with errors', problems);
      expect((await page.goto(`${base}/${f.seasonId}/classement`))?.status()).toBe(200);
      expect(await page.content()).toContain('Score calibré');
      await expectAxeClean(page, 'ranking', problems);
    } finally {
      await context.close();
    }
  });
});

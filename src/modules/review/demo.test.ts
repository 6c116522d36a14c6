import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../../test/support/factories/accounts.js';
import {
  applicationsInState,
  DEMO_CLOSED_SEASON,
  DEMO_ELIGIBLE_COUNT,
  DEMO_OPEN_SEASON,
  sessionOf,
  tableCounts,
} from '../../../test/support/factories/applications.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { loadDemo } from '../../core/boot.js';
import { loadSeasons } from '../seasons/index.js';
import { DEMO_REVIEWER_DOMAIN } from './demo.js';

describe('jury demo', () => {
  let t: TestApp;
  let seasonId: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemo(t.app.services);
    seasonId = (await loadSeasons(t.database.db, { slug: DEMO_OPEN_SEASON }))[0].id;
    admin = await sessionOf(t.database.db, t.clock, DEMO_ADMIN);
  }, 120_000);
  afterAll(() => t.close());

  it('has a jury, a phase running now, a published assignment and reviews in every state', async () => {
    const { db } = t.database;
    const members = await db.selectFrom('jury_members').select('id').where('season_id', '=', seasonId).execute();
    expect(members).toHaveLength(5);
    const phases = await db
      .selectFrom('review_phases')
      .select(['starts_at', 'ends_at'])
      .where('season_id', '=', seasonId)
      .execute();
    expect(phases).toHaveLength(1);
    const now = t.clock.now().getTime();
    expect(new Date(phases[0].starts_at).getTime()).toBeLessThan(now);
    expect(new Date(phases[0].ends_at).getTime()).toBeGreaterThan(now);
    const runs = await db
      .selectFrom('assignment_runs')
      .select(['id', 'published_at'])
      .where('season_id', '=', seasonId)
      .execute();
    expect(runs).toHaveLength(1);
    expect(runs[0].published_at).not.toBeNull();
    const pairs = await db
      .selectFrom('review_assignments')
      .select(['application_id', 'member_id'])
      .where('run_id', '=', runs[0].id)
      .execute();
    expect(pairs).toHaveLength(DEMO_ELIGIBLE_COUNT * 3);
    // The declared conflict is respected by the engine.
    const conflict = await db
      .selectFrom('review_conflicts')
      .select(['application_id', 'member_id'])
      .where('source', '=', 'declared')
      .executeTakeFirstOrThrow();
    expect(pairs.some((p) => p.application_id === conflict.application_id && p.member_id === conflict.member_id)).toBe(
      false,
    );
    // Published: the eligible applications are now with the jury.
    const inReview = await applicationsInState(db, seasonId, 'in_review');
    expect(inReview).toHaveLength(DEMO_ELIGIBLE_COUNT);
    const reviews = await db
      .selectFrom('reviews')
      .innerJoin('jury_members', 'jury_members.id', 'reviews.member_id')
      .select(['reviews.submitted_at', 'reviews.scores'])
      .where('jury_members.season_id', '=', seasonId)
      .execute();
    const submitted = reviews.filter((r) => r.submitted_at !== null);
    expect(reviews.length - submitted.length).toBe(1); // the late reviewer's draft
    expect(submitted.length).toBeGreaterThanOrEqual(pairs.length - 6);
    expect(submitted.length).toBeLessThan(pairs.length); // some still to do
    const levels = new Set(
      submitted.flatMap(
        (r) => Object.values(typeof r.scores === 'string' ? JSON.parse(r.scores) : r.scores) as number[],
      ),
    );
    expect(levels.size).toBeGreaterThanOrEqual(4); // varied scores
  });

  it('replays the closed season’s jury on its 2023 dates, every review submitted', async () => {
    const { db } = t.database;
    const [closed] = await loadSeasons(db, { slug: DEMO_CLOSED_SEASON });
    const reviews = await db
      .selectFrom('reviews')
      .innerJoin('jury_members', 'jury_members.id', 'reviews.member_id')
      .select(['reviews.submitted_at'])
      .where('jury_members.season_id', '=', closed.id)
      .execute();
    expect(reviews.length).toBe(27); // nine eligible applications, three reviewers each
    expect(reviews.every((r) => r.submitted_at && new Date(r.submitted_at).getUTCFullYear() === 2023)).toBe(true);
  });

  it('changes nothing when loaded again', async () => {
    const before = await tableCounts(t.database.db);
    await loadDemo(t.app.services);
    expect(await tableCounts(t.database.db)).toEqual(before);
  });

  it('shows the demo admin a ranking with calibrated scores and intervals, and the progress', async () => {
    const ranking = await t.app.inject({
      method: 'GET',
      url: `/admin/evaluations/${seasonId}/classement`,
      headers: { cookie: admin },
    });
    expect(ranking.statusCode).toBe(200);
    for (const title of [
      'Horaires ouverts des mairies',
      'Cantines en circuit court',
      'Vergers partagés des bords de route',
    ])
      expect(ranking.body).toContain(title);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/admin/evaluations/${seasonId}/classement.csv`,
      headers: { cookie: admin },
    });
    expect(csv.statusCode).toBe(200);
    const rows = csv.body.trim().split('\n').slice(1);
    expect(rows).toHaveLength(DEMO_ELIGIBLE_COUNT);
    // rank_min ≤ rank ≤ rank_max, and the intervals are not all a single rank.
    const cells = rows.map((r) => r.split(/[,;]/));
    expect(cells.some((c) => c[1] !== c[2])).toBe(true);
    const progress = await t.app.inject({
      method: 'GET',
      url: `/admin/evaluations/${seasonId}`,
      headers: { cookie: admin },
    });
    expect(progress.statusCode).toBe(200);
    expect(progress.body).toContain('Ferrand');
    for (const page of ['', '/conflits', '/affectation', '/phases']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/admin/saisons/${seasonId}/jury${page}`,
        headers: { cookie: admin },
      });
      expect(res.statusCode, page).toBe(200);
    }
  });

  it('gives each demo reviewer their list of applications to review', async () => {
    const cookie = await sessionOf(t.database.db, t.clock, `agathe.rolland@${DEMO_REVIEWER_DOMAIN}`);
    const list = await t.app.inject({ method: 'GET', url: '/jury/evaluations', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    const links = [...list.body.matchAll(/href="\/jury\/evaluations\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(2);
    const one = await t.app.inject({ method: 'GET', url: `/jury/evaluations/${links[0]}`, headers: { cookie } });
    expect(one.statusCode).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import { addConflict, completeReview, type ScoringFixture, seedScoringFixture } from './scoring/scoring-testing.js';
import { phaseFormValues } from './views/phases.js';

const DAY = 24 * 3600_000;

/**
 * Staff whose rights are limited to one track, through HTTP on a real database: on every staff page and
 * export of the jury (jury, conflicts, assignment, progress, ranking and its CSV) they see only their
 * track's applications and reviews, and the detail URLs of another track's conflicts and pairs answer 404.
 * Staff without a limit see both tracks on the same pages, so each check can fail.
 */
describe('jury staff pages for staff limited to one track', () => {
  let t: TestApp;
  let limited: SignedInUser;
  let everyTrack: SignedInUser;
  let f: ScoringFixture;
  const OWN = 'Numérique partagé';
  const OTHER = ['Maison des communs', 'Jardin des savoirs'];

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  const jury = () => `/admin/saisons/${f.seasonId}/jury`;
  const pages = () => [
    jury(),
    `${jury()}/conflits`,
    `${jury()}/affectation`,
    `/admin/evaluations/${f.seasonId}`,
    `/admin/evaluations/${f.seasonId}/classement`,
    `/admin/evaluations/${f.seasonId}/classement.csv`,
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.app.services;
    limited = await createSignedInUser(db, t.clock, [{ role: 'staff', track: 'numerique' }], 'dinum');
    everyTrack = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    const now = t.clock.now();
    f = await seedScoringFixture(db, t.clock, {
      slug: 'jury-parcours',
      number: 21,
      titles: [OWN, ...OTHER],
      tracks: ['numerique', 'autres', 'autres'],
      reviewers: 3,
      pairs: [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 2],
      ],
      phase: { startsAt: new Date(now.getTime() - DAY), endsAt: new Date(now.getTime() + 7 * DAY) },
      laureatesSought: 1,
    });
    for (const [r, a] of [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
    ] as const) {
      const url = `/jury/evaluations/${f.assignments[r].get(f.applications[a])}`;
      expect((await postForm(t.app, f.reviewers[r].cookie, url, url, completeReview(2 + a))).statusCode).toBe(303);
    }
    // Reviewer 2 has no assignment: a conflict with one application of each track.
    await addConflict(db, f.applications[0], f.memberIds[2]);
    await addConflict(db, f.applications[1], f.memberIds[2]);
  });
  afterAll(() => t.close());

  it('shows staff without a limit both tracks on every page and export', async () => {
    for (const url of pages().slice(1)) {
      const page = await get(everyTrack.cookie, url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain(OWN);
      expect(page.body, url).toContain(OTHER[0]);
    }
  });

  it('shows the limited staff member only their track on every page and export', async () => {
    for (const url of pages()) {
      const page = await get(limited.cookie, url);
      expect(page.statusCode, url).toBe(200);
      if (url !== jury()) expect(page.body, url).toContain(OWN);
      for (const title of OTHER) expect(page.body, url).not.toContain(title);
      for (const id of f.applications.slice(1)) expect(page.body, url).not.toContain(id);
    }
    // Progress: reviewer 1 works only on the other track, so they do not appear; reviewer 0 counts one application.
    const progress = await get(limited.cookie, `/admin/evaluations/${f.seasonId}`);
    expect(progress.body).not.toContain('jure1 Test');
    expect(progress.body).toMatch(/<td>jure0 Test<\/td><td>1<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/);
    const csv = await get(limited.cookie, `/admin/evaluations/${f.seasonId}/classement.csv`);
    expect(csv.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('answers 404 on another track’s conflict and pair, and acts on its own', async () => {
    const { db } = t.app.services;
    const conflicts = await db
      .selectFrom('review_conflicts')
      .select(['id', 'application_id'])
      .where('member_id', '=', f.memberIds[2])
      .execute();
    const other = conflicts.find((c) => c.application_id === f.applications[1])!;
    const own = conflicts.find((c) => c.application_id === f.applications[0])!;
    const page = `${jury()}/conflits`;
    expect((await postForm(t.app, limited.cookie, page, `${page}/${other.id}/lever`, {})).statusCode).toBe(404);
    expect(
      await db.selectFrom('review_conflicts').select('id').where('id', '=', other.id).executeTakeFirst(),
    ).toBeDefined();
    expect((await postForm(t.app, limited.cookie, page, `${page}/${own.id}/lever`, {})).statusCode).toBe(303);

    const added = await postForm(t.app, limited.cookie, page, page, {
      application_id: f.applications[2],
      member_id: f.memberIds[2],
      reason: 'Ancien collègue',
    });
    expect(added.statusCode).toBe(400);
    expect(added.body).toContain('Ancien collègue');
    expect(
      await db
        .selectFrom('review_conflicts')
        .select('id')
        .where('application_id', '=', f.applications[2])
        .executeTakeFirst(),
    ).toBeUndefined();

    const assignment = `${jury()}/affectation`;
    const otherPair = f.assignments[1].get(f.applications[2])!;
    expect(
      (await postForm(t.app, limited.cookie, assignment, `${assignment}/paires/${otherPair}/retirer`, {})).statusCode,
    ).toBe(404);
    const pairAdded = await postForm(t.app, limited.cookie, assignment, `${assignment}/paires`, {
      application_id: f.applications[2],
      member_id: f.memberIds[2],
    });
    expect(pairAdded.statusCode).toBe(400);
    expect(
      await db
        .selectFrom('review_assignments')
        .select('id')
        .where('application_id', '=', f.applications[2])
        .where('member_id', '=', f.memberIds[2])
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('leaves running and publishing the assignment, which covers every track, to staff without a limit', async () => {
    const { db } = t.app.services;
    const assignment = `${jury()}/affectation`;
    const page = await get(limited.cookie, assignment);
    expect(page.body).not.toContain('name="per_application"');
    expect(page.body).toContain('seul un membre de l’équipe sans limite de parcours');
    const runs = await db.selectFrom('assignment_runs').select('id').where('season_id', '=', f.seasonId).execute();
    expect((await postForm(t.app, limited.cookie, assignment, assignment, { per_application: '1' })).statusCode).toBe(
      403,
    );
    expect((await postForm(t.app, limited.cookie, assignment, `${assignment}/publier`, {})).statusCode).toBe(403);
    expect(
      await db.selectFrom('assignment_runs').select('id').where('season_id', '=', f.seasonId).execute(),
    ).toHaveLength(runs.length);
    expect((await get(everyTrack.cookie, assignment)).body).toContain('name="per_application"');
  });

  it('shows the limited staff member the harshness of the jury members who reviewed their track only', async () => {
    const ranking = `/admin/evaluations/${f.seasonId}/classement`;
    const everything = await get(everyTrack.cookie, ranking);
    expect(everything.body).toContain('id="biases-title"');
    expect(everything.body).toContain('jure1 Test');
    const own = await get(limited.cookie, ranking);
    expect(own.body).toContain('id="biases-title"');
    // Reviewer 0 reviewed one application of each track: counted on the member's track only.
    expect(own.body).toMatch(/<td>jure0 Test<\/td><td>1<\/td>/);
    // Reviewer 1 reviewed the other track only: not shown.
    expect(own.body).not.toContain('jure1 Test');
  });

  it('leaves the review phases, the jury’s members, the reminders and the ranking seed, which concern every track, to staff without a limit', async () => {
    const { db } = t.app.services;
    const count = async (table: 'audit_events' | 'review_ranking_seeds' | 'review_reminders' | 'review_phases') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const phases = `${jury()}/phases`;
    const phase = await db
      .selectFrom('review_phases')
      .selectAll()
      .where('id', '=', f.phaseId)
      .executeTakeFirstOrThrow();
    const opened = { ...phaseFormValues(phase), visibility: 'all', others_reviews: 'always' };
    const progress = `/admin/evaluations/${f.seasonId}`;
    const events = await count('audit_events');
    const attempts = [
      await postForm(t.app, limited.cookie, phases, `${phases}/${f.phaseId}`, opened),
      await postForm(t.app, limited.cookie, phases, phases, { ...opened, name: 'Deuxième phase' }),
      await postForm(t.app, limited.cookie, jury(), `${jury()}/membres/${f.memberIds[1]}/retirer`, {}),
      await postForm(t.app, limited.cookie, progress, `${progress}/relances`, {}),
      await postForm(t.app, limited.cookie, `${progress}/classement`, `${progress}/classement/graine`, {}),
    ];
    for (const refused of attempts) {
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('elle demande des droits sur tous les parcours');
    }
    const unchanged = await db
      .selectFrom('review_phases')
      .selectAll()
      .where('id', '=', f.phaseId)
      .executeTakeFirstOrThrow();
    expect([unchanged.visibility, unchanged.others_reviews]).toEqual([phase.visibility, phase.others_reviews]);
    expect(await count('review_phases')).toBe(1);
    expect(
      (
        await db
          .selectFrom('jury_members')
          .select('removed_at')
          .where('id', '=', f.memberIds[1])
          .executeTakeFirstOrThrow()
      ).removed_at,
    ).toBeNull();
    expect(await count('review_reminders')).toBe(0);
    expect(await count('review_ranking_seeds')).toBe(0);
    expect(await count('audit_events')).toBe(events);
    // The limited member's pages hold none of these forms.
    expect((await get(limited.cookie, phases)).body).not.toContain(`action="${phases}"`);
    expect((await get(limited.cookie, `${progress}/classement`)).body).not.toContain('/classement/graine');
    expect((await get(limited.cookie, progress)).body).not.toContain('/relances');
    expect((await get(limited.cookie, jury())).body).not.toContain('/retirer');

    // Staff without a limit do each of them.
    expect((await postForm(t.app, everyTrack.cookie, phases, `${phases}/${f.phaseId}`, opened)).statusCode).toBe(303);
    expect(
      (await postForm(t.app, everyTrack.cookie, `${progress}/classement`, `${progress}/classement/graine`, {}))
        .statusCode,
    ).toBe(303);
    expect((await postForm(t.app, everyTrack.cookie, progress, `${progress}/relances`, {})).statusCode).toBe(303);
    expect(
      (await postForm(t.app, everyTrack.cookie, jury(), `${jury()}/membres/${f.memberIds[1]}/retirer`, {})).statusCode,
    ).toBe(303);
    expect(await count('review_ranking_seeds')).toBe(1);
    expect(
      (await db.selectFrom('review_phases').select('visibility').where('id', '=', f.phaseId).executeTakeFirstOrThrow())
        .visibility,
    ).toBe('all');
  });
});

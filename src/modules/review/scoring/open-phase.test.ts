import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { completeReview, type ScoringFixture, seedScoringFixture } from './scoring-testing.js';

const DAY = 24 * 3600_000;

/**
 * A review phase whose visibility is 'all', through HTTP on a real database: a reviewer sees, opens and
 * scores every application of the season under review except those they conflict with (declared, detected
 * or recused: a hard 404), their assigned ones first; a phase 'assigned' keeps the others out; reviews
 * written without an assignment count in staff progress and in the ranking.
 */
describe('a review phase open to the whole jury', () => {
  let t: TestApp;
  let staff: SignedInUser;
  let open: ScoringFixture;
  let closed: ScoringFixture;

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  const byApplication = (f: ScoringFixture, i: number) => `/jury/evaluations/candidatures/${f.applications[i]}`;

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.app.services;
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    const now = t.clock.now();
    open = await seedScoringFixture(db, t.clock, {
      slug: 'jury-ouvert',
      number: 11,
      // 0 assigned to reviewer 0; 1 assigned to reviewer 1 only; 2 declared in conflict by reviewer 0; 3 of reviewer 0's
      // own organisation (same SIREN: detected); 4 a draft and 5 ineligible: outside the review.
      titles: [
        'Jardins partagés',
        'Ressourcerie solidaire',
        'Fab lab rural',
        'Atelier de la même structure',
        'Projet en brouillon',
        'Projet inéligible',
      ],
      states: ['in_review', 'eligible', 'in_review', 'in_review', 'draft', 'ineligible'],
      answers: [{}, {}, {}, { organisation_siret: '12345678900011' }, {}, {}],
      reviewers: 2,
      pairs: [
        [0, 0],
        [1, 1],
      ],
      phase: {
        startsAt: new Date(now.getTime() - DAY),
        endsAt: new Date(now.getTime() + 7 * DAY),
        blind: true,
        othersReviews: 'after_own',
        visibility: 'all',
      },
      laureatesSought: 1,
    });
    closed = await seedScoringFixture(db, t.clock, {
      slug: 'jury-affecte',
      number: 12,
      titles: ['Cantine partagée', 'Vélos en libre accès'],
      reviewers: 1,
      pairs: [[0, 0]],
      phase: {
        startsAt: new Date(now.getTime() - DAY),
        endsAt: new Date(now.getTime() + 7 * DAY),
        visibility: 'assigned',
      },
    });
    // Reviewer 0 of the open season declares a conflict and the SIREN of their own organisation, through their pages.
    const declare = `/jury/saisons/${open.seasonId}`;
    const conflict = await postForm(
      t.app,
      open.reviewers[0].cookie,
      declare,
      `${declare}/candidatures/${open.applications[2]}/conflit`,
      { kind: 'declared', reason: 'J’ai conseillé ce projet.' },
    );
    expect(conflict.statusCode).toBe(303);
    expect(
      (await postForm(t.app, open.reviewers[0].cookie, declare, `${declare}/profil`, { siren: '123456789' }))
        .statusCode,
    ).toBe(303);
  });
  afterAll(() => t.close());

  it('lists the assigned application first, then every other one under review, never a conflict', async () => {
    const page = await get(open.reviewers[0].cookie, '/jury/evaluations');
    expect(page.statusCode).toBe(200);
    const assigned = page.body.indexOf('Jardins partagés');
    const other = page.body.indexOf('Ressourcerie solidaire');
    expect(assigned).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(assigned);
    expect(page.body).toContain('Ouverte à tout le jury');
    expect(page.body).toContain(`href="${byApplication(open, 1)}"`);
    for (const hidden of ['Fab lab rural', 'Atelier de la même structure', 'Projet en brouillon', 'Projet inéligible'])
      expect(page.body).not.toContain(hidden);
  });

  it('opens an unassigned application, blind as the phase says', async () => {
    const page = await get(open.reviewers[0].cookie, byApplication(open, 1));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Résumé du projet Ressourcerie solidaire');
    expect(page.body).toContain('ne vous est pas attribuée');
    expect(page.body).toContain('Évaluation anonyme');
    expect(page.body).not.toContain('Association Secrète');
    expect(page.body).not.toContain('Porteuse');
    expect(page.body).toContain(`action="${byApplication(open, 1)}"`);
  });

  it('answers 404 for a declared conflict, a detected one, and applications outside the review', async () => {
    for (const i of [2, 3, 4, 5])
      expect((await get(open.reviewers[0].cookie, byApplication(open, i))).statusCode).toBe(404);
    const refused = await postForm(
      t.app,
      open.reviewers[0].cookie,
      byApplication(open, 1),
      byApplication(open, 2),
      completeReview(4),
    );
    expect(refused.statusCode).toBe(404);
    const stored = await t.app.services.db
      .selectFrom('reviews')
      .select('id')
      .where('member_id', '=', open.memberIds[0])
      .where('application_id', '=', open.applications[2])
      .executeTakeFirst();
    expect(stored).toBeUndefined();
    // The detected conflict holds even though staff never refreshed detection (nothing stored for it).
    const detected = await t.app.services.db
      .selectFrom('review_conflicts')
      .select('id')
      .where('application_id', '=', open.applications[3])
      .executeTakeFirst();
    expect(detected).toBeUndefined();
  });

  it('saves a review of an unassigned application, audited, with no assignment', async () => {
    const { db } = t.app.services;
    const saved = await postForm(
      t.app,
      open.reviewers[0].cookie,
      byApplication(open, 1),
      byApplication(open, 1),
      completeReview(5, { overall: 'Lu sans attribution : très utile.' }),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${byApplication(open, 1)}?ok=soumise`);
    const row = await db
      .selectFrom('reviews')
      .selectAll()
      .where('member_id', '=', open.memberIds[0])
      .where('application_id', '=', open.applications[1])
      .executeTakeFirstOrThrow();
    expect(row.assignment_id).toBeNull();
    expect(row.submitted_at).not.toBeNull();
    const events = await db.selectFrom('audit_events').select('action').where('subject_id', '=', row.id).execute();
    expect(events.map((e) => e.action)).toEqual(['review.submit']);
    const list = await get(open.reviewers[0].cookie, '/jury/evaluations');
    expect(list.body).toMatch(/Ressourcerie solidaire[\s\S]*Soumise/);
    // The assigned reviewer of that application, once they submitted, reads it among the others' reviews.
    expect(
      (
        await postForm(
          t.app,
          open.reviewers[1].cookie,
          `/jury/evaluations/${open.assignments[1].get(open.applications[1])}`,
          `/jury/evaluations/${open.assignments[1].get(open.applications[1])}`,
          completeReview(2),
        )
      ).statusCode,
    ).toBe(303);
    const theirs = await get(
      open.reviewers[1].cookie,
      `/jury/evaluations/${open.assignments[1].get(open.applications[1])}`,
    );
    expect(theirs.body).toContain('Lu sans attribution : très utile.');
  });

  it('counts that review in staff progress and in the ranking and its CSV', async () => {
    await postForm(
      t.app,
      open.reviewers[0].cookie,
      `/jury/evaluations/${open.assignments[0].get(open.applications[0])}`,
      `/jury/evaluations/${open.assignments[0].get(open.applications[0])}`,
      completeReview(1),
    );
    const progress = await get(staff.cookie, `/admin/evaluations/${open.seasonId}`);
    expect(progress.statusCode).toBe(200);
    // jure0: one assigned, one reviewed without assignment, no draft, two submitted.
    expect(progress.body).toMatch(/<td>jure0 Test<\/td><td>1<\/td><td>1<\/td><td>0<\/td><td>2<\/td>/);
    expect(progress.body).toMatch(/Ressourcerie solidaire<\/td><td>1 sur 1 \+ 1 sans attribution<\/td>/);
    const ranking = await get(staff.cookie, `/admin/evaluations/${open.seasonId}/classement`);
    expect(ranking.statusCode).toBe(200);
    // Two reviews for the Ressourcerie (one assigned, one not), one for the Jardins.
    expect(ranking.body).toMatch(/Ressourcerie solidaire<\/td><td>2<\/td>/);
    expect(ranking.body).toMatch(/Jardins partagés<\/td><td>1<\/td>/);
    const csv = await get(staff.cookie, `/admin/evaluations/${open.seasonId}/classement.csv`);
    expect(csv.body).toMatch(new RegExp(`${open.applications[1]},Ressourcerie solidaire,numerique,2,`));
  });

  it('keeps counting the review once the phase is back to assigned, which closes the application to its reviewer', async () => {
    const { db } = t.app.services;
    await db.updateTable('review_phases').set({ visibility: 'assigned' }).where('id', '=', open.phaseId).execute();
    try {
      expect((await get(open.reviewers[0].cookie, byApplication(open, 1))).statusCode).toBe(404);
      expect((await get(open.reviewers[0].cookie, '/jury/evaluations')).body).not.toContain('Ressourcerie solidaire');
      expect((await get(staff.cookie, `/admin/evaluations/${open.seasonId}/classement`)).body).toMatch(
        /Ressourcerie solidaire<\/td><td>2<\/td>/,
      );
    } finally {
      await db.updateTable('review_phases').set({ visibility: 'all' }).where('id', '=', open.phaseId).execute();
    }
  });

  it('in a phase for assigned applications, answers 404 for an unassigned one and opens an assigned one by its application', async () => {
    const reviewer = closed.reviewers[0].cookie;
    const list = await get(reviewer, '/jury/evaluations');
    expect(list.body).toContain('Cantine partagée');
    expect(list.body).not.toContain('Vélos en libre accès');
    expect((await get(reviewer, byApplication(closed, 1))).statusCode).toBe(404);
    expect((await get(reviewer, byApplication(closed, 0))).statusCode).toBe(200);
    const refused = await postForm(
      t.app,
      reviewer,
      byApplication(closed, 0),
      byApplication(closed, 1),
      completeReview(3),
    );
    expect(refused.statusCode).toBe(404);
    // Another season's application is not reached through an open season's membership either.
    expect((await get(open.reviewers[0].cookie, byApplication(closed, 1))).statusCode).toBe(404);
    expect((await get(reviewer, byApplication(open, 1))).statusCode).toBe(404);
  });
});

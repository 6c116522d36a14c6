import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteUser, rolesOf, userByEmail, userById } from '../../../test/support/factories/accounts.js';
import { postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser, signedInAs } from '../../../test/support/users.js';
import { userActor } from '../accounts/index.js';
import { runAssignment } from './assignment.js';
import { addConflict, setBid } from './conflicts.js';
import { completeReview, type ScoringFixture, seedScoringFixture } from './scoring/scoring-testing.js';

const DAY = 24 * 3600_000;

/**
 * A reviewer erases their account (/compte/supprimer): their reviews, conflicts, bids and assignments are
 * the programme's records and stay, attributed to a pseudonym; the ranking is the same to the byte; the
 * staff pages show the pseudonym; the audit says what happened without the person's name or email. Before
 * the erasure, the person's export (/compte/export) holds all of their jury work.
 */
describe('erasing a reviewer’s account', () => {
  let t: TestApp;
  let staff: SignedInUser;
  let f: ScoringFixture;
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  async function review(reviewer: number, application: number, level: number, overall: string) {
    const url = `/jury/evaluations/${f.assignments[reviewer].get(f.applications[application])!}`;
    const response = await postForm(t.app, f.reviewers[reviewer].cookie, url, url, completeReview(level, { overall }));
    expect(response.statusCode).toBe(303);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.app.services;
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    const now = t.clock.now();
    f = await seedScoringFixture(db, t.clock, {
      slug: 'jury-erasure',
      number: 8,
      titles: ['Jardins ouverts', 'Cartes libres', 'Ateliers vélo', 'Radio locale'],
      reviewers: 3,
      pairs: [
        [0, 0],
        [0, 1],
        [0, 2],
        [1, 0],
        [1, 1],
        [1, 3],
        [2, 0],
        [2, 2],
        [2, 3],
      ],
      phase: { startsAt: new Date(now.getTime() - DAY), endsAt: new Date(now.getTime() + 7 * DAY) },
      laureatesSought: 2,
    });
    // Reviewer 1 is severe: erasing them would move the calibrated scores if their reviews went.
    await review(0, 0, 4, 'Bon dossier.');
    await review(0, 1, 3, 'Correct.');
    await review(0, 2, 5, 'Excellent.');
    await review(1, 0, 1, 'Avis de Jure Un sur les jardins.');
    await review(1, 1, 2, 'Avis de Jure Un sur les cartes.');
    await review(1, 3, 1, 'Avis de Jure Un sur la radio.');
    await review(2, 0, 3, 'Moyen.');
    await review(2, 2, 4, 'Bien.');
    await review(2, 3, 2, 'Faible.');
    const actor = userActor(f.reviewers[1].id);
    await addConflict(t.app.services, actor, {
      applicationId: f.applications[2],
      memberId: f.memberIds[1],
      source: 'declared',
      reason: 'Ancien collègue',
    });
    await setBid(t.app.services, actor, { applicationId: f.applications[3], memberId: f.memberIds[1], bid: 'eager' });
  });
  afterAll(() => t?.close());

  it('exports the person’s jury work: memberships, assignments, reviews with scores and comments, conflicts, bids', async () => {
    const response = await get(f.reviewers[1].cookie, '/compte/export');
    expect(response.statusCode).toBe(200);
    const jury = response.json().review;
    expect(jury.memberships).toHaveLength(1);
    expect(jury.memberships[0]).toMatchObject({ season: expect.any(String), maxLoad: 10 });
    expect(jury.assignments.map((a: { applicationId: string }) => a.applicationId).sort()).toEqual(
      [f.applications[0], f.applications[1], f.applications[3]].sort(),
    );
    expect(jury.reviews).toHaveLength(3);
    const onGardens = jury.reviews.find((r: { applicationId: string }) => r.applicationId === f.applications[0]);
    expect(onGardens.overall).toBe('Avis de Jure Un sur les jardins.');
    expect(Object.values(onGardens.scores)).toContain(1);
    expect(onGardens.submittedAt).toBeTruthy();
    expect(jury.conflicts).toEqual([
      expect.objectContaining({ applicationId: f.applications[2], source: 'declared', reason: 'Ancien collègue' }),
    ]);
    expect(jury.bids).toEqual([expect.objectContaining({ applicationId: f.applications[3], bid: 'eager' })]);
  });

  it('keeps reviews, conflicts, bids and assignments, the ranking byte for byte, and shows a pseudonym', async () => {
    const { db } = t.app.services;
    const reviewer = f.reviewers[1];
    const rankingUrl = `/admin/evaluations/${f.seasonId}/classement`;
    const csvBefore = (await get(staff.cookie, `${rankingUrl}.csv`)).body;
    const pageBefore = await get(staff.cookie, rankingUrl);
    expect(pageBefore.body).toContain('jure1 Test');
    const counts = async () => ({
      reviews: (await db.selectFrom('reviews').select('id').where('member_id', '=', f.memberIds[1]).execute()).length,
      conflicts: (
        await db.selectFrom('review_conflicts').select('id').where('member_id', '=', f.memberIds[1]).execute()
      ).length,
      bids: (await db.selectFrom('review_bids').select('bid').where('member_id', '=', f.memberIds[1]).execute()).length,
      assignments: (
        await db.selectFrom('review_assignments').select('id').where('member_id', '=', f.memberIds[1]).execute()
      ).length,
    });
    const before = await counts();
    expect(before).toEqual({ reviews: 3, conflicts: 1, bids: 1, assignments: 3 });

    const erased = await postForm(t.app, reviewer.cookie, '/compte', '/compte/supprimer', {
      confirmation: 'SUPPRIMER',
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.body).toContain('Compte supprimé');

    expect(await counts()).toEqual(before);
    expect((await get(staff.cookie, `${rankingUrl}.csv`)).body).toBe(csvBefore);

    // The account is a pseudonym now: no name, no email, no way in.
    const user = await userById(db, reviewer.id);
    expect(user.email).toBeNull();
    expect(user.family_name).toBeNull();
    expect(user.given_name).toMatch(/^Personne effacée n° [0-9a-f]{8}$/);
    expect(user.erased_at).not.toBeNull();
    expect(await rolesOf(db, reviewer.id)).toEqual([]);
    expect((await get(reviewer.cookie, '/jury/evaluations')).statusCode).toBe(303);

    // Staff pages name the pseudonym and no longer the person.
    for (const url of [
      rankingUrl,
      `/admin/saisons/${f.seasonId}/jury`,
      `/admin/evaluations/${f.seasonId}`,
      `/admin/saisons/${f.seasonId}/jury/conflits`,
      `/admin/saisons/${f.seasonId}/jury/affectation`,
    ]) {
      const page = await get(staff.cookie, url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain(user.given_name!);
      expect(page.body, url).not.toContain(reviewer.email);
    }
    // The other reviewers still see the erased reviewer's review, under the pseudonym.
    const url = `/jury/evaluations/${f.assignments[0].get(f.applications[0])!}`;
    const othersView = await get(f.reviewers[0].cookie, url);
    expect(othersView.statusCode).toBe(200);
    expect(othersView.body).toContain('Avis de Jure Un sur les jardins.');

    // The audit says who asked and what each part did, and holds neither the name nor the email.
    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'accounts.erased')
      .where('subject_id', '=', reviewer.id)
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(reviewer.id);
    expect(event.summary).toMatchObject({
      parts: { review: { memberships: 1, reviews: 3, conflicts: 1, bids: 1, assignments: 3 } },
    });
    const all = JSON.stringify(
      await db.selectFrom('audit_events').selectAll().where('subject_id', '=', reviewer.id).execute(),
    );
    expect(all).not.toContain(reviewer.email);
    expect(all).not.toContain('jure1');
    // Opening the assignment page refreshed the detected conflicts: still the same records, same ranking.
    expect(await counts()).toEqual(before);
    expect((await get(staff.cookie, `${rankingUrl}.csv`)).body).toBe(csvBefore);
  });

  it('refuses, loudly, any deletion that would take the jury’s records with it', async () => {
    const { db } = t.app.services;
    await expect(deleteUser(db, f.reviewers[2].id)).rejects.toThrow(/foreign key/);
    await expect(db.deleteFrom('jury_members').where('id', '=', f.memberIds[2]).execute()).rejects.toThrow(
      /foreign key/,
    );
    expect(await db.selectFrom('reviews').select('id').where('member_id', '=', f.memberIds[2]).execute()).toHaveLength(
      3,
    );
  });

  it('frees the address: a new account made with it is a new person, whose export holds none of the erased work', async () => {
    const { db } = t.app.services;
    const reviewer = f.reviewers[1];
    expect(await userByEmail(db, reviewer.email)).toBeUndefined();
    const cookie = await signedInAs(t.app, t.clock, null, reviewer.email);
    const exported = (await get(cookie, '/compte/export')).json();
    expect(exported.user.id).not.toBe(reviewer.id);
    expect(exported.review).toEqual({ memberships: [], assignments: [], reviews: [], conflicts: [], bids: [] });
  });
});

describe('a new assignment run after a reviewer erased their account', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('keeps the pairs they reviewed and gives them no other, whatever their bids', async () => {
    t = await createTestApp();
    const { db } = t.app.services;
    const staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    const now = t.clock.now();
    const f = await seedScoringFixture(db, t.clock, {
      slug: 'jury-erasure-run',
      number: 9,
      titles: ['Jardins ouverts', 'Cartes libres', 'Ateliers vélo'],
      reviewers: 3,
      pairs: [[1, 0]],
      phase: { startsAt: new Date(now.getTime() - DAY), endsAt: new Date(now.getTime() + 7 * DAY) },
    });
    const url = `/jury/evaluations/${f.assignments[1].get(f.applications[0])!}`;
    expect((await postForm(t.app, f.reviewers[1].cookie, url, url, completeReview(3))).statusCode).toBe(303);
    // Eager for the two others: a run would pick them for those, were they still taking work.
    for (const application of [f.applications[1], f.applications[2]])
      await setBid(t.app.services, userActor(f.reviewers[1].id), {
        applicationId: application,
        memberId: f.memberIds[1],
        bid: 'eager',
      });
    expect(
      (await postForm(t.app, f.reviewers[1].cookie, '/compte', '/compte/supprimer', { confirmation: 'SUPPRIMER' }))
        .statusCode,
    ).toBe(200);

    const run = await runAssignment(t.app.services, userActor(staff.id), {
      seasonId: f.seasonId,
      perApplication: 2,
      fair: false,
    });
    expect(run).toMatchObject({ ok: true });
    if (!run.ok) return;
    const pairs = await db
      .selectFrom('review_assignments')
      .select(['application_id', 'member_id'])
      .where('run_id', '=', run.runId)
      .execute();
    expect(pairs.filter((p) => p.member_id === f.memberIds[1]).map((p) => p.application_id)).toEqual([
      f.applications[0],
    ]);
    expect(pairs).toHaveLength(6);
  });
});

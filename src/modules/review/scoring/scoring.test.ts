import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerOf, withdrawApplication } from '../../../../test/support/factories/applications.js';
import { formBody, formSession, postForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { JobWorker } from '../../../core/jobs/worker.js';
import { REVIEW_REMINDER_JOB, reviewRemindersJob } from './reminders.js';
import { addConflict, completeReview, type ScoringFixture, seedScoringFixture } from './scoring-testing.js';

const DAY = 24 * 3600_000;

/**
 * Jury scoring through HTTP on a real database: who may open which review, drafts and submissions with
 * their errors on the fields, what others' reviews a reviewer sees in each phase, staff progress,
 * reminders, the rubric, the ranking and its CSV.
 */
describe('jury scoring', () => {
  let t: TestApp;
  let staff: SignedInUser;
  let f: ScoringFixture;

  async function get(cookie: string, url: string) {
    return t.app.inject({ method: 'GET', url, headers: { cookie } });
  }

  function assignment(reviewer: number, application: number): string {
    return f.assignments[reviewer].get(f.applications[application])!;
  }

  async function review(reviewer: number, application: number, fields: Record<string, string | string[]>) {
    const url = `/jury/evaluations/${assignment(reviewer, application)}`;
    return postForm(t.app, f.reviewers[reviewer].cookie, url, url, fields);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.app.services;
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    const now = t.clock.now();
    f = await seedScoringFixture(db, t.clock, {
      slug: 'jury-2026',
      number: 7,
      titles: ['Jardins ouverts', 'Cartes libres', '=HYPERLINK("http://x")', 'Ateliers vélo'],
      reviewers: 3,
      // Reviewer 0: applications 0, 1, 2; reviewer 1: 0, 1, 3; reviewer 2: 0, 2, 3.
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
      phase: {
        startsAt: new Date(now.getTime() - DAY),
        endsAt: new Date(now.getTime() + 7 * DAY),
        blind: true,
        othersReviews: 'after_own',
      },
      laureatesSought: 2,
    });
  });
  afterAll(() => t.close());

  describe('who may open what', () => {
    it('lists only the reviewer’s own published assignments, to do', async () => {
      const page = await get(f.reviewers[0].cookie, '/jury/evaluations');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Jardins ouverts');
      expect(page.body).toContain('Cartes libres');
      expect(page.body).not.toContain('Ateliers vélo');
      expect(page.body).toContain('À faire');
    });

    it('answers 404 for another reviewer’s assignment, a random id, a malformed id', async () => {
      expect((await get(f.reviewers[0].cookie, `/jury/evaluations/${assignment(1, 3)}`)).statusCode).toBe(404);
      expect(
        (await get(f.reviewers[0].cookie, '/jury/evaluations/8f0c2a39-4f4e-4b1e-9d7e-3f1a2b3c4d5e')).statusCode,
      ).toBe(404);
      expect((await get(f.reviewers[0].cookie, '/jury/evaluations/not-a-uuid')).statusCode).toBe(404);
      const other = await review(0, 0, completeReview(3));
      expect(other.statusCode).toBe(303);
      const url = `/jury/evaluations/${assignment(1, 3)}`;
      const session = await formSession(t.app, f.reviewers[0].cookie, `/jury/evaluations/${assignment(0, 1)}`);
      const body = formBody({ ...completeReview(5), _csrf: session.csrf });
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url,
            headers: { cookie: session.cookie, ...body.headers },
            payload: body.payload,
          })
        ).statusCode,
      ).toBe(404);
    });

    it('forbids staff and applicants the reviewer area, and reviewers the staff pages', async () => {
      const applicant = await createSignedInUser(t.app.services.db, t.clock, [], 'someone');
      expect((await get(staff.cookie, '/jury/evaluations')).statusCode).toBe(403);
      expect((await get(applicant.cookie, `/jury/evaluations/${assignment(0, 0)}`)).statusCode).toBe(403);
      expect((await get(f.reviewers[0].cookie, `/admin/evaluations/${f.seasonId}/classement`)).statusCode).toBe(403);
    });

    it('refuses a review posted without a valid CSRF token', async () => {
      const url = `/jury/evaluations/${assignment(0, 1)}`;
      const body = formBody({ ...completeReview(5), _csrf: 'forged' });
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: f.reviewers[0].cookie, ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Le formulaire a expiré ou ne provient pas de ce site');
      expect(
        await t.app.services.db
          .selectFrom('reviews')
          .select('id')
          .where('assignment_id', '=', assignment(0, 1))
          .executeTakeFirst(),
      ).toBeUndefined();
    });

    it('hides an application the reviewer conflicts with, even when assigned', async () => {
      await addConflict(t.app.services.db, f.applications[2], f.memberIds[2]);
      const list = await get(f.reviewers[2].cookie, '/jury/evaluations');
      expect(list.body).not.toContain('HYPERLINK');
      expect((await get(f.reviewers[2].cookie, `/jury/evaluations/${assignment(2, 2)}`)).statusCode).toBe(404);
    });

    it('shows nothing of an unpublished assignment', async () => {
      const { db } = t.app.services;
      const fixture = await seedScoringFixture(db, t.clock, {
        slug: 'brouillon-jury',
        number: 8,
        titles: ['Projet caché'],
        reviewers: 1,
        pairs: [[0, 0]],
        phase: { startsAt: new Date(t.clock.now().getTime() - DAY), endsAt: new Date(t.clock.now().getTime() + DAY) },
        published: false,
      });
      expect((await get(fixture.reviewers[0].cookie, '/jury/evaluations')).body).not.toContain('Projet caché');
      expect(
        (
          await get(
            fixture.reviewers[0].cookie,
            `/jury/evaluations/${fixture.assignments[0].get(fixture.applications[0])}`,
          )
        ).statusCode,
      ).toBe(404);
      expect((await get(staff.cookie, `/admin/evaluations/${fixture.seasonId}`)).body).toContain(
        'Aucune attribution publiée',
      );
      expect((await get(staff.cookie, `/admin/evaluations/${fixture.seasonId}/classement`)).body).toContain(
        'pas encore de classement',
      );
    });

    it('in a blind phase hides names and organisation; never shows contact details', async () => {
      const page = await get(f.reviewers[1].cookie, `/jury/evaluations/${assignment(1, 1)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Résumé du projet Cartes libres');
      expect(page.body).not.toContain('Association Secrète');
      expect(page.body).not.toContain('Porteuse');
      expect(page.body).not.toContain('@exemple.fr');
      expect(page.body).not.toContain('W751234567');
      expect(page.body).toContain('Évaluation anonyme');
    });
  });

  it('reads in English with the English rubric', async () => {
    const page = await get(`${f.reviewers[0].cookie}; lang=en`, `/jury/evaluations/${assignment(0, 1)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your review');
    expect(page.body).toContain('Save draft');
    expect(page.body).toContain('The project mainly serves the interests of its team.');
    expect((await get(`${staff.cookie}; lang=en`, `/admin/evaluations/${f.seasonId}/classement`)).body).toContain(
      'Calibrated score',
    );
  });

  describe('drafts and submissions', () => {
    it('saves a partial draft and shows it again', async () => {
      const saved = await review(1, 1, { score_impact: '4', comment_impact: 'Bon potentiel', action: 'save' });
      expect(saved.statusCode).toBe(303);
      const page = await get(f.reviewers[1].cookie, `/jury/evaluations/${assignment(1, 1)}?ok=brouillon`);
      expect(page.body).toContain('Brouillon enregistré');
      expect(page.body).toMatch(/name="score_impact" value="4" checked/);
      expect(page.body).toContain('Bon potentiel');
      expect((await get(f.reviewers[1].cookie, '/jury/evaluations')).body).toContain('Brouillon');
    });

    it('refuses a submission with missing scores, on the fields, keeping what was typed', async () => {
      const res = await review(1, 1, {
        score_impact: '4',
        comment_qualite: 'Méthode claire',
        overall: 'À revoir',
        action: 'submit',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Choisissez une note de 0 à 5 pour soumettre.');
      expect(res.body).toContain('Donnez un avis général pour soumettre.');
      expect(res.body).toMatch(/id="score_qualite-error"/);
      expect(res.body).toContain('Méthode claire');
      expect(res.body).toMatch(/name="score_impact" value="4" checked/);
      const row = await t.app.services.db
        .selectFrom('reviews')
        .select('submitted_at')
        .where('assignment_id', '=', assignment(1, 1))
        .executeTakeFirstOrThrow();
      expect(row.submitted_at).toBeNull();
    });

    it('refuses out-of-range and wrongly typed scores with a message', async () => {
      const out = await review(1, 1, { ...completeReview(3), score_impact: '7' });
      expect(out.statusCode).toBe(400);
      expect(out.body).toContain('La note doit être un nombre entier de 0 à 5.');
      const typed = await review(1, 1, { ...completeReview(3), score_qualite: ['1', '2'], confidence: '9' });
      expect(typed.statusCode).toBe(400);
      expect(typed.body).toMatch(/id="score_qualite-error"/);
      expect(typed.body).toMatch(/id="confidence-error"/);
      const negative = await review(1, 1, { ...completeReview(3), score_ouverture: '-1' });
      expect(negative.statusCode).toBe(400);
    });

    it('submits a complete review, audited', async () => {
      const res = await review(1, 1, completeReview(4));
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain('ok=soumise');
      const { db } = t.app.services;
      const row = await db
        .selectFrom('reviews')
        .selectAll()
        .where('assignment_id', '=', assignment(1, 1))
        .executeTakeFirstOrThrow();
      expect(row.submitted_at).not.toBeNull();
      expect(row.confidence).toBe(2);
      const events = await db.selectFrom('audit_events').select('action').where('subject_id', '=', row.id).execute();
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['review.save_draft', 'review.submit']));
    });
  });

  describe('a submitted review', () => {
    it('can be changed while the phase is open, but only as a complete review', async () => {
      const { db } = t.app.services;
      const incomplete = await review(1, 1, { ...completeReview(2), score_impact: '', action: 'save' });
      expect(incomplete.statusCode).toBe(400);
      expect(incomplete.body).toContain('Choisissez une note de 0 à 5 pour soumettre.');
      const changed = await review(1, 1, completeReview(2, { action: 'save' }));
      expect(changed.statusCode).toBe(303);
      const row = await db
        .selectFrom('reviews')
        .selectAll()
        .where('assignment_id', '=', assignment(1, 1))
        .executeTakeFirstOrThrow();
      expect(row.submitted_at).not.toBeNull();
      expect((typeof row.scores === 'string' ? JSON.parse(row.scores) : row.scores).impact).toBe(2);
      const events = await db.selectFrom('audit_events').select('action').where('subject_id', '=', row.id).execute();
      expect(events.map((e) => e.action)).toContain('review.resubmit');
    });
  });

  describe('others’ reviews', () => {
    it('after_own: hidden until the reviewer submits, then shown', async () => {
      // Reviewer 0 submitted application 0 above with comment "Dossier solide."; reviewer 1 gives a distinct one.
      const marker = 'Critique très personnelle';
      expect((await review(0, 0, completeReview(2, { overall: marker }))).statusCode).toBe(303);
      const before = await get(f.reviewers[1].cookie, `/jury/evaluations/${assignment(1, 0)}`);
      expect(before.body).not.toContain(marker);
      expect(before.body).toContain('visibles quand vous aurez soumis la vôtre');
      expect((await review(1, 0, completeReview(4))).statusCode).toBe(303);
      const after = await get(f.reviewers[1].cookie, `/jury/evaluations/${assignment(1, 0)}`);
      expect(after.body).toContain(marker);
    });

    it('never: not shown even after submitting', async () => {
      const { db } = t.app.services;
      await db.updateTable('review_phases').set({ others_reviews: 'never' }).where('id', '=', f.phaseId).execute();
      const page = await get(f.reviewers[1].cookie, `/jury/evaluations/${assignment(1, 0)}`);
      expect(page.body).not.toContain('Critique très personnelle');
      await db.updateTable('review_phases').set({ others_reviews: 'after_own' }).where('id', '=', f.phaseId).execute();
    });
  });

  describe('after the phase', () => {
    it('refuses changes once the phase has ended, unless the phase allows them', async () => {
      const { db } = t.app.services;
      const url = `/jury/evaluations/${assignment(2, 3)}`;
      const session = await formSession(t.app, f.reviewers[2].cookie, url);
      const phase = await db
        .selectFrom('review_phases')
        .select(['starts_at', 'ends_at'])
        .where('id', '=', f.phaseId)
        .executeTakeFirstOrThrow();
      const now = t.clock.now().getTime();
      await db
        .updateTable('review_phases')
        .set({ starts_at: new Date(now - 9 * DAY), ends_at: new Date(now - 60_000) })
        .where('id', '=', f.phaseId)
        .execute();
      try {
        const body = formBody({ ...completeReview(1), _csrf: session.csrf });
        const closed = await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: session.cookie, ...body.headers },
          payload: body.payload,
        });
        expect(closed.statusCode).toBe(409);
        expect(closed.body).toContain('rien n’a été enregistré');
        expect(
          await db.selectFrom('reviews').select('id').where('assignment_id', '=', assignment(2, 3)).executeTakeFirst(),
        ).toBeUndefined();
        expect((await get(f.reviewers[2].cookie, url)).body).toContain('ne peuvent pas être modifiées');
        await db.updateTable('review_phases').set({ editable_after_end: true }).where('id', '=', f.phaseId).execute();
        const open = await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: session.cookie, ...body.headers },
          payload: body.payload,
        });
        expect(open.statusCode).toBe(303);
      } finally {
        await db
          .updateTable('review_phases')
          .set({ starts_at: phase.starts_at, ends_at: phase.ends_at, editable_after_end: false })
          .where('id', '=', f.phaseId)
          .execute();
      }
    });
  });

  describe('staff', () => {
    it('shows progress per reviewer and per application', async () => {
      const page = await get(staff.cookie, `/admin/evaluations/${f.seasonId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('jure0 Test');
      // Application 0: three reviewers, two submitted; reviewer 2 (a conflict on application 2) has two left,
      // none reviewed without an assignment.
      expect(page.body).toContain('2 sur 3');
      expect(page.body).toMatch(/<td>jure2 Test<\/td><td>2<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/);
      expect((await get(staff.cookie, '/admin/evaluations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect((await get(staff.cookie, '/admin/evaluations/nope/classement')).statusCode).toBe(404);
    });

    it('shows staff limited to another track none of this track’s applications', async () => {
      const other = await createSignedInUser(
        t.app.services.db,
        t.clock,
        [{ role: 'staff', track: 'autres' }],
        'staff-autres',
      );
      const progress = await get(other.cookie, `/admin/evaluations/${f.seasonId}`);
      expect(progress.statusCode).toBe(200);
      expect(progress.body).not.toContain('Jardins ouverts');
      const ranking = await get(other.cookie, `/admin/evaluations/${f.seasonId}/classement`);
      expect(ranking.body).not.toContain('Jardins ouverts');
      const csv = await get(other.cookie, `/admin/evaluations/${f.seasonId}/classement.csv`);
      expect(csv.body).not.toContain('Jardins ouverts');
    });

    it('reminds late reviewers now, and once per phase from the scheduled job', async () => {
      const { db } = t.app.services;
      const mailsTo = async (email: string) =>
        (
          await db
            .selectFrom('mails')
            .select('id')
            .where('to_address', '=', email)
            .where('template', '=', 'review.scoring-reminder')
            .execute()
        ).length;
      const res = await postForm(
        t.app,
        staff.cookie,
        `/admin/evaluations/${f.seasonId}`,
        `/admin/evaluations/${f.seasonId}/relances`,
        {},
      );
      expect(res.statusCode).toBe(303);
      // Reviewer 0 still has applications 1 and 2 to do; reviewer 1 application 3; reviewer 2 application 0.
      expect(res.headers.location).toContain('relances=3');
      expect((await get(staff.cookie, String(res.headers.location))).body).toContain('3 relances envoyées.');
      expect(await mailsTo(f.reviewers[0].email)).toBe(1);

      const worker = new JobWorker({
        db,
        clock: t.clock,
        handlers: new Map([[REVIEW_REMINDER_JOB, reviewRemindersJob(t.app.services)]]),
        log: { info: () => {}, warn: () => {}, error: () => {} },
      });
      // A draft save scheduled the job for three days before the end (the end is in seven days).
      const pending = await db
        .selectFrom('jobs')
        .select('payload')
        .where('name', '=', REVIEW_REMINDER_JOB)
        .where('state', '=', 'pending')
        .execute();
      const payloads = pending.map(
        (j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload) as { phaseId: string },
      );
      expect(payloads.filter((p) => p.phaseId === f.phaseId)).toHaveLength(1);
      await worker.drain();
      expect(await mailsTo(f.reviewers[0].email)).toBe(1);
      t.clock.advance(4 * DAY + 3600_000);
      try {
        await worker.drain();
        expect(await mailsTo(f.reviewers[0].email)).toBe(2);
        const mail = await db
          .selectFrom('mails')
          .select('text_body')
          .where('to_address', '=', f.reviewers[0].email)
          .orderBy('created_at', 'desc')
          .executeTakeFirstOrThrow();
        expect(mail.text_body).toContain('Il vous reste 2 évaluations à soumettre');
        // Done once: running the job again sends nothing more.
        await reviewRemindersJob(t.app.services)({ phaseId: f.phaseId }, { id: 'x', attempts: 1 });
        expect(await mailsTo(f.reviewers[0].email)).toBe(2);
      } finally {
        t.clock.advance(-(4 * DAY + 3600_000));
      }
    });

    it('edits the rubric: errors on the field, then the reviewers read the new text', async () => {
      const url = `/admin/evaluations/${f.seasonId}/bareme`;
      const page = await get(staff.cookie, url);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Le projet sert surtout les intérêts de ses porteurs.');
      const values = Object.fromEntries(
        [...page.body.matchAll(/name="(level_[^"]+)" value="([^"]*)"/g)].map((m) => [
          m[1],
          m[2]
            .replace(/&#39;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&'),
        ]),
      );
      expect(Object.keys(values)).toHaveLength(5 * 6 * 2);
      const bad = await postForm(t.app, staff.cookie, url, url, { ...values, level_impact_5_fr: '' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toMatch(/id="level_impact_5_fr-error"/);
      const good = await postForm(t.app, staff.cookie, url, url, {
        ...values,
        level_impact_5_fr: 'Change la vie de tout le pays.',
      });
      expect(good.statusCode).toBe(303);
      const reviewerPage = await get(f.reviewers[0].cookie, `/jury/evaluations/${assignment(0, 1)}`);
      expect(reviewerPage.body).toContain('Change la vie de tout le pays.');
    });

    it('ranks with raw and calibrated scores, records a seed, exports a neutralised CSV', async () => {
      const { db } = t.app.services;
      // Reviewer 0 finishes; reviewer 2 scores application 0 (already) — enough for a ranking of all four.
      expect((await review(0, 1, completeReview(3))).statusCode).toBe(303);
      expect((await review(0, 2, completeReview(5))).statusCode).toBe(303);
      expect((await review(1, 3, completeReview(1))).statusCode).toBe(303);
      const page = await get(staff.cookie, `/admin/evaluations/${f.seasonId}/classement`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Score calibré');
      expect(page.body).toContain('graine par défaut');
      expect(page.body).toContain('jure1 Test');
      const seeded = await postForm(
        t.app,
        staff.cookie,
        `/admin/evaluations/${f.seasonId}/classement`,
        `/admin/evaluations/${f.seasonId}/classement/graine`,
        {},
      );
      expect(seeded.statusCode).toBe(303);
      const seed = (
        await db
          .selectFrom('review_ranking_seeds')
          .select('seed')
          .where('season_id', '=', f.seasonId)
          .executeTakeFirstOrThrow()
      ).seed;
      const again = await get(staff.cookie, `/admin/evaluations/${f.seasonId}/classement`);
      expect(again.body).toContain(`Graine du classement : ${seed}`);
      const csv = await get(staff.cookie, `/admin/evaluations/${f.seasonId}/classement.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toContain('score_calibre');
      expect(lines).toHaveLength(5);
      expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
      expect(lines.every((l, i) => i === 0 || l.endsWith(`,${seed}`))).toBe(true);
      const events = await db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', f.seasonId)
        .execute();
      expect(events.map((e) => e.action)).toEqual(
        expect.arrayContaining(['review.ranking_seed', 'review.ranking_export', 'review.rubric_update']),
      );
    });

    it('leaves a withdrawn application out of the ranking, the lists, the progress and the reminders; its reviews still calibrate', async () => {
      const { db } = t.app.services;
      // Application 0 ('Jardins ouverts'): reviewers 0 and 1 submitted, reviewer 2 has not — the only review left to do.
      const withdrawn = f.applications[0];
      const late = f.reviewers[2];
      const remind = async () =>
        (
          await postForm(
            t.app,
            staff.cookie,
            `/admin/evaluations/${f.seasonId}`,
            `/admin/evaluations/${f.seasonId}/relances`,
            {},
          )
        ).headers.location;
      const once = await remind();
      expect(once).toContain('relances=1');
      expect((await get(staff.cookie, String(once))).body).toContain('1 relance envoyée.');
      expect((await get(late.cookie, '/jury/evaluations')).body).toContain('Jardins ouverts');
      expect((await get(late.cookie, `/jury/evaluations/${assignment(2, 0)}`)).statusCode).toBe(200);
      const before = await get(staff.cookie, `/admin/evaluations/${f.seasonId}/classement.csv`);

      const owner = { owner_id: await ownerOf(db, withdrawn) };
      const result = await withdrawApplication(
        t.app.services,
        { id: owner.owner_id, label: 'test' },
        withdrawn,
        owner.owner_id,
      );
      expect(result.ok).toBe(true);

      // The reviewer is no longer asked for it: not listed, not reachable, not reminded.
      expect((await get(late.cookie, '/jury/evaluations')).body).not.toContain('Jardins ouverts');
      expect((await get(late.cookie, `/jury/evaluations/${assignment(2, 0)}`)).statusCode).toBe(404);
      const stillAssigned = `/jury/evaluations/${assignment(2, 3)}`;
      expect(
        (await postForm(t.app, late.cookie, stillAssigned, `/jury/evaluations/${assignment(2, 0)}`, completeReview(4)))
          .statusCode,
      ).toBe(404);
      expect(await remind()).toContain('relances=0');
      expect((await get(staff.cookie, `/admin/evaluations/${f.seasonId}`)).body).not.toContain('Jardins ouverts');

      // Not ranked; the others keep their order and calibrated scores (the withdrawn one's reviews still count), ranked 1..3.
      const page = await get(staff.cookie, `/admin/evaluations/${f.seasonId}/classement`);
      expect(page.body).toContain(
        '1 candidature retirée ou déclarée inéligible n’est pas classée ; ses évaluations servent encore',
      );
      const csv = await get(staff.cookie, `/admin/evaluations/${f.seasonId}/classement.csv`);
      const rows = (body: string) =>
        body
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n')
          .slice(1)
          .map((l) => l.split(','));
      const after = rows(csv.body);
      expect(after.map((r) => r[4])).not.toContain(withdrawn);
      const kept = rows(before.body).filter((r) => r[4] !== withdrawn);
      expect(after.map((r) => [r[4], r[10]])).toEqual(kept.map((r) => [r[4], r[10]]));
      expect(after.map((r) => r[0])).toEqual(['1', '2', '3']);
    });
  });
});

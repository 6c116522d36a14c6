import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesOf, userIdByEmail } from '../../../test/support/factories/accounts.js';
import {
  applicationStates,
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertMember,
  insertVersion,
  seedOpenSeason,
  setVersionAnswers,
  transitionsInto,
} from '../../../test/support/factories/applications.js';
import { formBody, postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';

/**
 * The jury in the platform, through HTTP on a real database: staff invite reviewers, reviewers declare
 * conflicts and wishes, conflicts are detected, phases are set, and the assignment is run, adjusted and published.
 */
describe('the expert jury', () => {
  let t: TestApp;
  let staff: SignedInUser;
  let seasonId: string;
  let base: string;
  const apps: Record<string, string> = {};

  /** An eligible application with submitted answers (the instruction already happened). */
  async function eligibleApplication(
    title: string,
    answers: Record<string, unknown>,
    member?: SignedInUser,
  ): Promise<string> {
    const { db } = t.app.services;
    const owner = member ?? (await createSignedInUser(db, t.clock, [], 'porteur'));
    const form = await currentForm(db, seasonId);
    const now = new Date();
    const row = await insertApplication(db, {
      season_id: seasonId,
      track_code: 'numerique',
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
      answers: JSON.stringify({ project_name: title, ...answers }),
      answers_sha256: 'x',
      submitted_at: now,
      submitted_by: owner.id,
    });
    await insertMember(db, {
      application_id: row.id,
      email: owner.email,
      user_id: owner.id,
      role: 'owner',
      invited_at: now,
      accepted_at: now,
    });
    return row.id;
  }

  async function invite(email: string, extra: Record<string, string> = {}) {
    return postForm(t.app, staff.cookie, base, base, {
      email,
      expertise: '',
      topics: '',
      min_load: '0',
      max_load: '10',
      siren: '',
      ...extra,
    });
  }

  async function memberId(email: string): Promise<string> {
    const { db } = t.app.services;
    return (
      await db
        .selectFrom('jury_members as j')
        .select('j.id')
        .where('j.user_id', '=', await userIdByEmail(db, email))
        .where('j.season_id', '=', seasonId)
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function sessionOf(email: string): Promise<string> {
    const { db } = t.app.services;
    const { createSession } = await import('../../core/auth/sessions.js');
    return `acc_session=${(await createSession(db, t.clock, await userIdByEmail(db, email))).token}`;
  }

  async function conflictsOf(
    source: 'declared' | 'recusal' | 'staff' | 'organisation' | 'email_domain' | 'co_applicant',
  ) {
    return t.app.services.db
      .selectFrom('review_conflicts')
      .select(['application_id', 'member_id', 'reason'])
      .where('source', '=', source)
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.app.services;
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    seasonId = (await seedOpenSeason(db, { slug: 'jury', number: 7, form: DEFAULT_FORM })).id;
    base = `/admin/saisons/${seasonId}/jury`;
    apps.garden = await eligibleApplication('Jardins partagés', {
      project_summary: 'Potagers urbains et compost collectif dans les quartiers',
      organisation_siret: '73282932000074',
      needs_levers: ['coaching'],
    });
    apps.data = await eligibleApplication('Données ouvertes des bus', {
      project_summary: 'Open data transport horaires API données mobilité',
      team: [{ member_name: 'Ana', member_email: 'ana@transports-lyon.fr' }],
    });
    apps.gmail = await eligibleApplication('Repair café', {
      project_summary: 'Réparation d’objets et lutte contre le gaspillage',
      team: [{ member_name: 'Bob', member_email: 'bob@gmail.com' }],
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('invites a reviewer: account, reviewer role, invitation and sign-in mails; bad input is shown on its field', async () => {
    const bad = await invite('pas-une-adresse', { min_load: '5', max_load: '2', siren: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="pas-une-adresse"');
    expect(bad.body).toContain('Saisissez une adresse électronique valide');
    expect(bad.body).toContain('Saisissez un SIREN de 9 chiffres.');

    const ok = await invite('claire@transports-lyon.fr', {
      expertise: 'Mobilité, transports publics, données ouvertes et API',
      topics: 'numerique, mobilite',
      min_load: '1',
      max_load: '3',
    });
    expect(ok.statusCode).toBe(303);
    const { db } = t.app.services;
    const user = { id: await userIdByEmail(db, 'claire@transports-lyon.fr') };
    expect(await rolesOf(db, user.id)).toEqual(['reviewer']);
    const mails = await db
      .selectFrom('mails')
      .select(['template', 'text_body'])
      .where('to_address', '=', 'claire@transports-lyon.fr')
      .orderBy('created_at')
      .execute();
    expect(mails.map((x) => x.template).sort()).toEqual(['accounts.magic-link', 'review.jury-invitation']);
    expect(mails.find((x) => x.template === 'accounts.magic-link')!.text_body).toContain('retour=%2Fjury');
    const member = await db
      .selectFrom('jury_members')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({ min_load: 1, max_load: 3, topics: ['numerique', 'mobilite'] });

    const again = await invite('claire@transports-lyon.fr');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('fait déjà partie du jury');
    const audit = await db.selectFrom('audit_events').select('action').where('action', 'like', 'review.%').execute();
    expect(audit.map((a) => a.action)).toContain('review.member-invited');
  });

  it('edits and softly removes a member', async () => {
    expect((await invite('temp@exemple-asso.fr')).statusCode).toBe(303);
    const id = await memberId('temp@exemple-asso.fr');
    const edit = `${base}/membres/${id}/modifier`;
    const badEdit = await postForm(t.app, staff.cookie, edit, `${base}/membres/${id}`, {
      expertise: 'x',
      topics: '',
      min_load: 'abc',
      max_load: '2',
      siren: '',
    });
    expect(badEdit.statusCode).toBe(400);
    expect(badEdit.body).toContain('value="abc"');
    expect(
      (
        await postForm(t.app, staff.cookie, edit, `${base}/membres/${id}`, {
          expertise: 'Économie sociale',
          topics: 'ess',
          min_load: '0',
          max_load: '4',
          siren: '',
        })
      ).statusCode,
    ).toBe(303);
    expect((await postForm(t.app, staff.cookie, base, `${base}/membres/${id}/retirer`, {})).statusCode).toBe(303);
    const row = await t.app.services.db
      .selectFrom('jury_members')
      .select(['removed_at', 'max_load'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.removed_at).not.toBeNull();
    expect(row.max_load).toBe(4);
    const page = await t.app.inject({ method: 'GET', url: base, headers: { cookie: staff.cookie } });
    expect(page.body).not.toContain('temp@exemple-asso.fr');
    const juries = await t.app.inject({ method: 'GET', url: '/admin/jury', headers: { cookie: staff.cookie } });
    expect(juries.body).toContain(`href="${base}"`);
    expect(juries.body).toContain('<td>1 membre</td>');
    expect((await t.app.inject({ method: 'GET', url: edit, headers: { cookie: staff.cookie } })).statusCode).toBe(404);
  });

  it('lets a reviewer see the applications without contact data, declare a conflict, recuse themself and bid', async () => {
    const cookie = await sessionOf('claire@transports-lyon.fr');
    const home = await t.app.inject({ method: 'GET', url: '/jury', headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Saison 7');
    expect(home.body).toContain('href="/jury/evaluations"');
    const page = `/jury/saisons/${seasonId}`;
    const list = await t.app.inject({ method: 'GET', url: page, headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Jardins partagés');
    expect(list.body).not.toContain('ana@transports-lyon.fr');
    expect(list.body).not.toContain('bob@gmail.com');

    const noReason = await postForm(t.app, cookie, page, `${page}/candidatures/${apps.garden}/conflit`, {
      kind: 'declared',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Ce champ est obligatoire.');
    expect(
      (
        await postForm(t.app, cookie, page, `${page}/candidatures/${apps.garden}/conflit`, {
          kind: 'declared',
          reason: 'Ancienne collègue du porteur',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await postForm(t.app, cookie, page, `${page}/candidatures/${apps.gmail}/conflit`, {
          kind: 'recusal',
          reason: '',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await postForm(t.app, cookie, page, `${page}/candidatures/${apps.data}/souhait`, { bid: 'eager' })).statusCode,
    ).toBe(303);
    expect(
      (await postForm(t.app, cookie, page, `${page}/candidatures/${apps.data}/souhait`, { bid: 'nope' })).statusCode,
    ).toBe(400);
    const me = await memberId('claire@transports-lyon.fr');
    expect(await conflictsOf('declared')).toEqual([
      { application_id: apps.garden, member_id: me, reason: 'Ancienne collègue du porteur' },
    ]);
    expect((await conflictsOf('recusal')).map((c) => c.application_id)).toEqual([apps.gmail]);
    const bids = await t.app.services.db
      .selectFrom('review_bids')
      .select(['application_id', 'bid'])
      .where('member_id', '=', me)
      .execute();
    expect(bids).toEqual([{ application_id: apps.data, bid: 'eager' }]);
    // Another season's page, or an application that does not exist: not found.
    expect(
      (await t.app.inject({ method: 'GET', url: `/jury/saisons/${crypto.randomUUID()}`, headers: { cookie } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await postForm(t.app, cookie, page, `${page}/candidatures/${crypto.randomUUID()}/souhait`, { bid: 'eager' }))
        .statusCode,
    ).toBe(404);
  });

  it('detects conflicts by SIREN, by non-webmail email domain and by membership, idempotently', async () => {
    const { db } = t.app.services;
    // claire@transports-lyon.fr shares a domain with the bus application's team member.
    expect((await invite('org@ville.fr', { siren: '732829320' })).statusCode).toBe(303); // SIREN of the garden's SIRET
    expect((await invite('someone@gmail.com')).statusCode).toBe(303); // webmail: no domain conflict with bob@gmail.com
    const applicant = await createSignedInUser(db, t.clock, [], 'porteuse');
    apps.own = await eligibleApplication(
      'Fablab solidaire',
      { project_summary: 'Atelier de fabrication numérique ouvert' },
      applicant,
    );
    expect((await invite(applicant.email)).statusCode).toBe(303);

    const page = `${base}/affectation`;
    expect((await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff.cookie } })).statusCode).toBe(200);
    expect(await conflictsOf('organisation')).toEqual([
      { application_id: apps.garden, member_id: await memberId('org@ville.fr'), reason: '732829320' },
    ]);
    expect(await conflictsOf('email_domain')).toEqual([
      {
        application_id: apps.data,
        member_id: await memberId('claire@transports-lyon.fr'),
        reason: 'transports-lyon.fr',
      },
    ]);
    expect(await conflictsOf('co_applicant')).toEqual([
      { application_id: apps.own, member_id: await memberId(applicant.email), reason: '' },
    ]);
    const gmail = await memberId('someone@gmail.com');
    expect((await db.selectFrom('review_conflicts').select('id').where('member_id', '=', gmail).execute()).length).toBe(
      0,
    );

    const count = async () => (await db.selectFrom('review_conflicts').select('id').execute()).length;
    const before = await count();
    await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff.cookie } });
    expect(await count()).toBe(before);

    const conflicts = await t.app.inject({ method: 'GET', url: `${base}/conflits`, headers: { cookie: staff.cookie } });
    expect(conflicts.body).toContain('Détecté : même SIREN');
    expect(conflicts.body).toContain('Domaine transports-lyon.fr commun');
    expect(conflicts.body).toContain('Ancienne collègue du porteur');
  });

  it('lets staff add and lift their own conflicts', async () => {
    const url = `${base}/conflits`;
    const gmail = await memberId('someone@gmail.com');
    const missing = await postForm(t.app, staff.cookie, url, url, {
      application_id: apps.gmail,
      member_id: gmail,
      reason: '',
    });
    expect(missing.statusCode).toBe(400);
    expect(
      (await postForm(t.app, staff.cookie, url, url, { application_id: 'x', member_id: gmail, reason: 'y' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await postForm(t.app, staff.cookie, url, url, {
          application_id: apps.gmail,
          member_id: gmail,
          reason: 'Financeur du projet',
        })
      ).statusCode,
    ).toBe(303);
    const [row] = await t.app.services.db
      .selectFrom('review_conflicts')
      .select('id')
      .where('source', '=', 'staff')
      .execute();
    expect((await postForm(t.app, staff.cookie, url, `${url}/${row.id}/lever`, {})).statusCode).toBe(303);
    expect(await conflictsOf('staff')).toEqual([]);
    expect((await postForm(t.app, staff.cookie, url, `${url}/${row.id}/lever`, {})).statusCode).toBe(404);
    // A detected conflict cannot be lifted by hand.
    const [detected] = await t.app.services.db
      .selectFrom('review_conflicts')
      .select('id')
      .where('source', '=', 'organisation')
      .execute();
    expect((await postForm(t.app, staff.cookie, url, `${url}/${detected.id}/lever`, {})).statusCode).toBe(404);
  });

  it('creates and edits review phases in Paris time', async () => {
    const url = `${base}/phases`;
    const bad = await postForm(t.app, staff.cookie, url, url, {
      name: 'Phase 1',
      starts_at: '2026-04-10T09:00',
      ends_at: '2026-04-01T18:00',
      visibility: 'assigned',
      others_reviews: 'after_own',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('La fin doit être après le début.');
    expect(bad.body).toContain('value="2026-04-10T09:00"');
    expect(
      (
        await postForm(t.app, staff.cookie, url, url, {
          name: 'x',
          starts_at: '2026-04-01T25:00',
          ends_at: 'demain',
          visibility: 'assigned',
          others_reviews: 'after_own',
        })
      ).statusCode,
    ).toBe(400);
    const ok = await postForm(t.app, staff.cookie, url, url, {
      name: 'Phase 1',
      starts_at: '2026-01-10T09:00',
      ends_at: '2026-04-20T18:00',
      visibility: 'all',
      others_reviews: 'never',
      blind: 'on',
    });
    expect(ok.statusCode).toBe(303);
    const { db } = t.app.services;
    const phase = await db
      .selectFrom('review_phases')
      .selectAll()
      .where('season_id', '=', seasonId)
      .executeTakeFirstOrThrow();
    expect(new Date(phase.starts_at).toISOString()).toBe('2026-01-10T08:00:00.000Z'); // winter: UTC+1
    expect(new Date(phase.ends_at).toISOString()).toBe('2026-04-20T16:00:00.000Z'); // summer: UTC+2
    expect(phase).toMatchObject({ visibility: 'all', others_reviews: 'never', blind: true, editable_after_end: false });
    const edit = `${url}/${phase.id}/modifier`;
    const form = await t.app.inject({ method: 'GET', url: edit, headers: { cookie: staff.cookie } });
    expect(form.body).toContain('value="2026-01-10T09:00"');
    expect(
      (
        await postForm(t.app, staff.cookie, edit, `${url}/${phase.id}`, {
          name: 'Phase 1',
          starts_at: '2026-01-10T09:00',
          ends_at: '2026-04-20T18:00',
          visibility: 'assigned',
          others_reviews: 'always',
          editable_after_end: 'on',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      await db
        .selectFrom('review_phases')
        .select(['others_reviews', 'editable_after_end', 'blind'])
        .where('id', '=', phase.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ others_reviews: 'always', editable_after_end: true, blind: false });
    // A blind phase running now hides organisations from reviewers.
    await postForm(t.app, staff.cookie, edit, `${url}/${phase.id}`, {
      name: 'Phase 1',
      starts_at: '2026-01-10T09:00',
      ends_at: '2030-04-20T18:00',
      visibility: 'assigned',
      others_reviews: 'always',
      blind: 'on',
    });
    await setVersionAnswers(db, apps.gmail, { project_name: 'Repair café', organisation_name: 'Association Réparons' });
    const reviewer = await sessionOf('claire@transports-lyon.fr');
    t.clock.set(new Date('2026-03-01T12:00:00Z'));
    const blind = await t.app.inject({
      method: 'GET',
      url: `/jury/saisons/${seasonId}`,
      headers: { cookie: reviewer },
    });
    expect(blind.body).not.toContain('Association Réparons');
    await postForm(t.app, staff.cookie, edit, `${url}/${phase.id}`, {
      name: 'Phase 1',
      starts_at: '2026-01-10T09:00',
      ends_at: '2030-04-20T18:00',
      visibility: 'assigned',
      others_reviews: 'always',
    });
    const open = await t.app.inject({ method: 'GET', url: `/jury/saisons/${seasonId}`, headers: { cookie: reviewer } });
    expect(open.body).toContain('Association Réparons');
    // Saving a phase schedules the reminder of unfinished reviews three days before its end.
    const reminders = await db
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('name', '=', 'review.scoring-reminders')
      .execute();
    expect(reminders.map((j) => new Date(j.run_at).toISOString())).toContain('2030-04-17T16:00:00.000Z');
    expect(reminders.every((j) => (j.payload as { phaseId: string }).phaseId === phase.id)).toBe(true);
  });

  it('runs the assignment without any conflicted pair, explains an impossible one, keeps manual pairs, and publishes', async () => {
    const { db } = t.app.services;
    t.clock.set(new Date());
    const url = `${base}/affectation`;
    const impossible = await postForm(t.app, staff.cookie, url, url, { per_application: '9' });
    expect(impossible.statusCode).toBe(422);
    expect(impossible.body).toContain('Aucune affectation possible');
    expect(await db.selectFrom('assignment_runs').select('id').execute()).toEqual([]);
    expect((await postForm(t.app, staff.cookie, url, url, { per_application: 'trois' })).statusCode).toBe(400);

    const ran = await postForm(t.app, staff.cookie, url, url, { per_application: '2', fair: 'on' });
    expect(ran.statusCode).toBe(303);
    const runs = await db.selectFrom('assignment_runs').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ per_application: 2, fair: true, optimal: true, published_at: null });
    const pairs = await db
      .selectFrom('review_assignments')
      .select(['id', 'application_id', 'member_id', 'origin'])
      .where('run_id', '=', runs[0].id)
      .execute();
    expect(pairs).toHaveLength(8); // 4 applications × 2
    const conflicts = await db.selectFrom('review_conflicts').select(['application_id', 'member_id']).execute();
    for (const c of conflicts)
      expect(pairs.some((p) => p.application_id === c.application_id && p.member_id === c.member_id)).toBe(false);
    const page = await t.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
    expect(page.body).toContain('Optimum prouvé');
    expect(page.body).toMatch(/4 candidatures à évaluer, \d+ évaluateurs? actifs?, \d+ conflits?\./);

    // A manual pair: refused when conflicted, kept (origin manual) on re-solve.
    const claire = await memberId('claire@transports-lyon.fr');
    const conflicted = await postForm(t.app, staff.cookie, url, `${url}/paires`, {
      application_id: apps.garden,
      member_id: claire,
    });
    expect(conflicted.statusCode).toBe(400);
    expect(conflicted.body).toContain('conflit d’intérêts');
    const members = await db
      .selectFrom('jury_members')
      .select('id')
      .where('season_id', '=', seasonId)
      .where('removed_at', 'is', null)
      .execute();
    const free = Object.values(apps)
      .flatMap((a) => members.map((x) => ({ application: a, member: x.id })))
      .find(
        (p) =>
          !pairs.some((q) => q.application_id === p.application && q.member_id === p.member) &&
          !conflicts.some((c) => c.application_id === p.application && c.member_id === p.member),
      )!;
    const target = free.application;
    const org = free.member;
    const added = await postForm(t.app, staff.cookie, url, `${url}/paires`, { application_id: target, member_id: org });
    expect(added.statusCode, /fr-error-text[^>]*>([^<]*)/.exec(added.body)?.[1]).toBe(303);
    expect(
      (await postForm(t.app, staff.cookie, url, `${url}/paires`, { application_id: target, member_id: org }))
        .statusCode,
    ).toBe(400);
    expect((await postForm(t.app, staff.cookie, url, url, { per_application: '2' })).statusCode).toBe(303);
    const latest = await db.selectFrom('assignment_runs').select('id').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const kept = await db
      .selectFrom('review_assignments')
      .select(['origin'])
      .where('run_id', '=', latest.id)
      .where('application_id', '=', target)
      .where('member_id', '=', org)
      .executeTakeFirst();
    expect(kept).toEqual({ origin: 'manual' });

    // Remove a pair by hand.
    const engine = await db
      .selectFrom('review_assignments')
      .select('id')
      .where('run_id', '=', latest.id)
      .where('origin', '=', 'engine')
      .executeTakeFirstOrThrow();
    expect((await postForm(t.app, staff.cookie, url, `${url}/paires/${engine.id}/retirer`, {})).statusCode).toBe(303);
    expect((await postForm(t.app, staff.cookie, url, `${url}/paires/${engine.id}/retirer`, {})).statusCode).toBe(404);

    // Publish: applications in review, one mail per reviewer with a list, in the same transaction.
    const before = (
      await db.selectFrom('mails').select('id').where('template', '=', 'review.assignment-published').execute()
    ).length;
    const published = await postForm(t.app, staff.cookie, url, `${url}/publier`, {});
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toMatch(/ok=published&n=\d+/);
    expect(new Set(await applicationStates(db, seasonId))).toEqual(new Set(['in_review']));
    const reviewers = new Set(
      (await db.selectFrom('review_assignments').select('member_id').where('run_id', '=', latest.id).execute()).map(
        (r) => r.member_id,
      ),
    );
    const shown = await t.app.inject({
      method: 'GET',
      url: String(published.headers.location),
      headers: { cookie: staff.cookie },
    });
    expect(shown.body).toContain(
      reviewers.size === 1
        ? 'Affectation publiée : 1 évaluateur prévenu.'
        : `Affectation publiée : ${reviewers.size} évaluateurs prévenus.`,
    );
    const mails = await db
      .selectFrom('mails')
      .select(['to_address', 'text_body'])
      .where('template', '=', 'review.assignment-published')
      .execute();
    expect(mails.length - before).toBe(reviewers.size);
    expect(mails.find((x) => x.to_address === 'org@ville.fr')!.text_body).toMatch(/\n- \S/);
    expect(mails.find((x) => x.to_address === 'org@ville.fr')!.text_body).toContain('/jury/evaluations');
    expect((await postForm(t.app, staff.cookie, url, `${url}/publier`, {})).statusCode).toBe(409);
    const transitions = await transitionsInto(db, 'in_review');
    expect(transitions).toHaveLength(4);

    // After publication, a pair with a review is kept by every new run, and the review follows it.
    const reviewed = await db
      .selectFrom('review_assignments')
      .select(['id', 'application_id', 'member_id'])
      .where('run_id', '=', latest.id)
      .where('origin', '=', 'engine')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('reviews')
      .values({
        member_id: reviewed.member_id,
        application_id: reviewed.application_id,
        assignment_id: reviewed.id,
        scores: '{}',
        comments: '{}',
        overall: 'Bien',
        updated_at: new Date(),
      })
      .execute();
    expect((await postForm(t.app, staff.cookie, url, `${url}/paires/${reviewed.id}/retirer`, {})).statusCode).toBe(409);
    expect((await postForm(t.app, staff.cookie, url, url, { per_application: '2' })).statusCode).toBe(303);
    const third = await db.selectFrom('assignment_runs').select('id').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const keptReviewed = await db
      .selectFrom('review_assignments')
      .select(['id', 'origin'])
      .where('run_id', '=', third.id)
      .where('application_id', '=', reviewed.application_id)
      .where('member_id', '=', reviewed.member_id)
      .executeTakeFirstOrThrow();
    expect(keptReviewed.origin).toBe('manual');
    expect((await postForm(t.app, staff.cookie, url, `${url}/publier`, {})).statusCode).toBe(303);
    const review = await db.selectFrom('reviews').select('assignment_id').executeTakeFirstOrThrow();
    expect(review.assignment_id).toBe(keptReviewed.id);
    const home = await t.app.inject({
      method: 'GET',
      url: '/jury',
      headers: { cookie: await sessionOf('org@ville.fr') },
    });
    expect(home.body).toMatch(
      /<p>(1 candidature affectée|[2-9]\d* candidatures affectées|[1-9]\d+ candidatures affectées)<\/p>/,
    );
  });

  it('answers 404 to unknown seasons and ids, and keeps reviewers out of staff pages', async () => {
    const random = crypto.randomUUID();
    for (const url of [
      `/admin/saisons/${random}/jury`,
      `/admin/saisons/nope/jury/affectation`,
      `${base}/phases/${random}/modifier`,
      `${base}/membres/nope/modifier`,
    ]) {
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } })).statusCode, url).toBe(404);
    }
    const reviewer = await sessionOf('claire@transports-lyon.fr');
    expect((await t.app.inject({ method: 'GET', url: base, headers: { cookie: reviewer } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/jury', headers: { cookie: staff.cookie } })).statusCode).toBe(
      403,
    );
    // The reviewer's forms need the CSRF token like every other form (the shared CSRF test signs in as an
    // admin, who is not a reviewer, so it cannot reach these routes).
    const apps0 = Object.values(apps)[0];
    for (const url of [
      `/jury/saisons/${seasonId}/profil`,
      `/jury/saisons/${seasonId}/candidatures/${apps0}/souhait`,
      `/jury/saisons/${seasonId}/candidatures/${apps0}/conflit`,
    ]) {
      const refused = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: reviewer, ...formBody({}).headers },
        payload: formBody({ bid: 'eager', reason: 'x', siren: '' }).payload,
      });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.body).toContain('Le formulaire a expiré ou ne provient pas de ce site');
    }
  });

  it('reads one application only while it is with this season’s jury: a draft or another season’s is refused to reviewers and staff', async () => {
    const { db } = t.app.services;
    const owner = await createSignedInUser(db, t.clock, [], 'hors-jury');
    const other = await seedOpenSeason(db, { slug: 'jury-autre', number: 8, form: DEFAULT_FORM });
    const now = new Date();
    async function application(season: string, state: 'draft' | 'eligible', title: string): Promise<string> {
      const form = await currentForm(db, season);
      const row = await insertApplication(db, {
        season_id: season,
        track_code: 'numerique',
        form_id: form.id,
        owner_id: owner.id,
        applicant_kind: 'association',
        title,
        state,
        draft_answers: '{}',
        created_at: now,
        updated_at: now,
      });
      return row.id;
    }
    const outside = [
      await application(seasonId, 'draft', 'Brouillon du jury'),
      await application(other.id, 'eligible', 'Candidature d’une autre saison'),
    ];
    const reviewer = await sessionOf('claire@transports-lyon.fr');
    const page = `/jury/saisons/${seasonId}`;
    const pairs = `${base}/affectation`;
    const member = await memberId('claire@transports-lyon.fr');
    for (const id of outside) {
      expect(
        (await postForm(t.app, reviewer, page, `${page}/candidatures/${id}/conflit`, { kind: 'recusal', reason: '' }))
          .statusCode,
        id,
      ).toBe(404);
      expect(
        (await postForm(t.app, reviewer, page, `${page}/candidatures/${id}/souhait`, { bid: 'eager' })).statusCode,
        id,
      ).toBe(404);
      const pair = await postForm(t.app, staff.cookie, pairs, `${pairs}/paires`, {
        application_id: id,
        member_id: member,
      });
      expect(pair.statusCode, id).toBe(400);
      expect(pair.body).toContain('Choisissez…');
    }
    expect(
      await db.selectFrom('review_conflicts').select('id').where('application_id', 'in', outside).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('review_assignments').select('id').where('application_id', 'in', outside).execute(),
    ).toEqual([]);
  });
});

describe('inviting a whole jury', () => {
  it('sends every invited reviewer a sign-in link, beyond the per-IP limit of sign-in requests', async () => {
    const t = await createTestApp();
    try {
      const { db } = t.app.services;
      const seasonId = (await seedOpenSeason(db, { slug: 'grand-jury', number: 8, form: DEFAULT_FORM })).id;
      const { inviteReviewer } = await import('./jury.js');
      const { systemActor } = await import('../../core/audit/audit.js');
      const { MAX_PER_IP } = await import('../../../test/support/factories/accounts.js');
      const n = MAX_PER_IP + 5;
      for (let i = 0; i < n; i++) {
        const profile = { expertise: '', topics: [], minLoad: 0, maxLoad: 5, siren: '' };
        expect(
          (
            await inviteReviewer(t.app.services, systemActor, {
              seasonId,
              seasonName: 'Saison 8',
              email: `expert${i}@agence-${i}.fr`,
              profile,
              locale: 'fr',
            })
          ).ok,
        ).toBe(true);
      }
      const links = await db.selectFrom('mails').select('id').where('template', '=', 'accounts.magic-link').execute();
      expect(links).toHaveLength(n);
    } finally {
      await t.close();
    }
  }, 60_000);
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUsersWithEmailLike, updateUser, userIdByEmail } from '../../../../test/support/factories/accounts.js';
import { insertSeason, insertTracks } from '../../../../test/support/factories/seasons.js';
import { formBody, formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import { createSession } from '../../../core/auth/sessions.js';
import { staticAsset } from '../../../core/ui/assets.js';
import type { AnswerMap, FormDefinition } from '../form/model.js';
import { seedOpenSeason } from '../testing.js';
import { answersSha256 } from './answers.js';
import { DRAFT_REMINDER_JOB } from './draft-reminders.js';

const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        { id: 'project_summary', kind: 'long_text', required: true, label: { fr: 'Résumé', en: 'Summary' } },
        { id: 'organisation_siret', kind: 'siret', required: false, label: { fr: 'SIRET', en: 'SIRET' } },
      ],
    },
  ],
};

// The call closes at 23:59:59 Paris time on 31 March 2026 (21:59:59Z, summer time).
const CLOSES_AT = '2026-03-31T21:59:59Z';

let t: TestApp;
let seasonId: string;

async function userCookie(email: string): Promise<{ cookie: string; userId: string }> {
  const cookie = await signedInAs(t.app, t.clock, null, email);
  return { cookie, userId: await userIdByEmail(t.app.services.db, email) };
}

/** GETs a page with a form, then posts the fields with its CSRF token (and the page's idempotency key unless given). */
async function postFrom(
  cookie: string,
  pageUrl: string,
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const session = await formSession(t.app, cookie, pageUrl);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)?.[1] ?? '';
  const body = formBody({ idempotency_key: key, ...fields, _csrf: session.csrf });
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, ...headers, cookie: session.cookie },
  });
}

async function createDraft(cookie: string, track = 'numerique'): Promise<string> {
  const response = await postFrom(cookie, '/candidater/saison-3', '/candidater/saison-3', {
    track_code: track,
    applicant_kind: 'association',
  });
  expect(response.statusCode).toBe(303);
  const id = /^\/mes-candidatures\/([0-9a-f-]{36})$/.exec(response.headers.location as string)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  const { db } = t.app.services;
  const season = await insertSeason(db, {
    slug: 'saison-3',
    number: 3,
    name: 'Saison 3',
    name_en: 'Season 3',
    opens_at: new Date('2026-02-01T00:00:00Z'),
    closes_at: new Date(CLOSES_AT),
    summary: '',
    summary_en: '',
    eligible_kinds: ['association', 'citizen'],
    support_months: 6,
    grant_envelope_cents: 0,
    laureates_sought: 5,
    created_at: new Date(),
    updated_at: new Date(),
  });
  seasonId = season.id;
  await insertTracks(db, [
    {
      season_id: seasonId,
      code: 'numerique',
      name: 'Communs numériques',
      name_en: 'Digital commons',
      lead: 'DINUM',
      position: 0,
    },
    {
      season_id: seasonId,
      code: 'autres',
      name: 'Autres communs',
      name_en: 'Other commons',
      lead: 'DITP',
      position: 1,
    },
  ]);
  await db
    .insertInto('application_forms')
    .values({ season_id: seasonId, version: 1, definition: JSON.stringify(FORM), created_at: new Date() })
    .execute();
});
afterAll(() => t?.close());

describe('applying', () => {
  it('creates a draft from the season, saves it without script, and with script as JSON', async () => {
    const { cookie } = await userCookie('porteuse@example.fr');
    const refused = await postFrom(cookie, '/candidater/saison-3', '/candidater/saison-3', {
      track_code: 'inconnu',
      applicant_kind: 'company',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('fr-error-text');

    const id = await createDraft(cookie);
    const page = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="project_name"');
    expect(page.body).toContain(staticAsset('application-autosave.js'));

    const saved = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}`, {
      project_name: 'Potager <partagé>',
      project_summary: '',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/mes-candidatures/${id}?ok=enregistre`);
    const again = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}?ok=enregistre`,
      headers: { cookie },
    });
    expect(again.body).toContain('<h1>Potager &lt;partagé></h1>');

    const json = await postFrom(
      cookie,
      `/mes-candidatures/${id}`,
      `/mes-candidatures/${id}`,
      { project_name: 'Potager partagé', project_summary: 'Des légumes' },
      { accept: 'application/json' },
    );
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ ok: true, label: expect.stringMatching(/^Enregistré à /) });
    const list = await t.app.inject({ method: 'GET', url: '/mes-candidatures', headers: { cookie } });
    expect(list.body).toContain('Potager partagé');
  });

  it('refuses a submit with missing answers, on the field, keeping what was typed', async () => {
    const { cookie } = await userCookie('incomplet@example.fr');
    const id = await createDraft(cookie);
    const response = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
      project_name: 'Ateliers vélo',
      project_summary: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Ateliers vélo');
    expect(response.body).toMatch(/project_summary-error|href="#project_summary"/);
    const versions = await t.app.services.db
      .selectFrom('application_versions')
      .selectAll()
      .where('application_id', '=', id)
      .execute();
    expect(versions).toHaveLength(0);
    const row = await t.app.services.db
      .selectFrom('applications')
      .select(['state', 'title'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'draft', title: 'Ateliers vélo' });
  });

  it('makes exactly one version from 50 parallel replays of one submit, with one mail and a PDF receipt', async () => {
    const { cookie } = await userCookie('rush@example.fr');
    const id = await createDraft(cookie);
    const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
    const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)![1];
    const body = formBody({
      idempotency_key: key,
      project_name: 'Fablab solidaire',
      project_summary: 'Réparer ensemble',
      _csrf: session.csrf,
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.app.inject({
          method: 'POST',
          url: `/mes-candidatures/${id}/soumettre`,
          payload: body.payload,
          headers: { ...body.headers, cookie: session.cookie },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(303));
    const { db } = t.app.services;
    const versions = await db.selectFrom('application_versions').selectAll().where('application_id', '=', id).execute();
    expect(versions).toHaveLength(1);
    const stored = (
      typeof versions[0].answers === 'string' ? JSON.parse(versions[0].answers) : versions[0].answers
    ) as AnswerMap;
    expect(stored).toMatchObject({ project_name: 'Fablab solidaire', project_summary: 'Réparer ensemble' });
    expect(versions[0].answers_sha256).toBe(answersSha256(stored));
    expect(versions[0].answers_sha256).toMatch(/^[0-9a-f]{64}$/);
    const mails = await db.selectFrom('mails').selectAll().where('to_address', '=', 'rush@example.fr').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Fablab solidaire');
    const app = await db
      .selectFrom('applications')
      .select(['state', 'current_version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(app).toEqual({ state: 'submitted', current_version: 1 });

    const page = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${id}?ok=soumis`, headers: { cookie } });
    expect(page.body).toContain('Candidature reçue');
    const pdf = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${id}/recu.pdf`, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Editing after submit makes a new version (a new form render, a new key).
    const second = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
      project_name: 'Fablab solidaire',
      project_summary: 'Réparer et apprendre',
    });
    expect(second.statusCode).toBe(303);
    const after = await db
      .selectFrom('application_versions')
      .select('version')
      .where('application_id', '=', id)
      .orderBy('version')
      .execute();
    expect(after.map((v) => v.version)).toEqual([1, 2]);
  });
});

describe('in English', () => {
  it('acknowledges in English a submission by an English-speaking applicant', async () => {
    const { cookie, userId } = await userCookie('english@example.fr');
    await updateUser(t.app.services.db, userId, { locale: 'en' });
    const id = await createDraft(cookie);
    const response = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
      project_name: 'Open bike map',
      project_summary: 'Mapping',
    });
    expect(response.statusCode).toBe(303);
    const mail = await t.app.services.db
      .selectFrom('mails')
      .select(['subject', 'locale', 'text_body'])
      .where('to_address', '=', 'english@example.fr')
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ subject: 'Application received: Open bike map', locale: 'en' });
    expect(mail.text_body).toContain('SHA-256 fingerprint of the answers');
  });
});

describe('the deadline', () => {
  it('accepts a submit in the last second and refuses one at the closing instant, keeping the draft', async () => {
    try {
      t.clock.set('2026-03-31T21:50:00Z');
      const { cookie } = await userCookie('derniere-minute@example.fr');
      const late = await userCookie('trop-tard@example.fr');
      const id = await createDraft(cookie);
      const lateId = await createDraft(late.cookie);
      t.clock.set('2026-03-31T21:59:59.900Z');
      const onTime = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
        project_name: 'Juste à temps',
        project_summary: 'Oui',
      });
      expect(onTime.statusCode).toBe(303);

      t.clock.set('2026-03-31T22:00:00.000Z');
      const closedCall = await t.app.inject({ method: 'GET', url: '/candidater/saison-3', headers: { cookie } });
      expect(closedCall.body).toContain('n’est pas ouvert');
      expect(closedCall.body).not.toContain('name="track_code"');
      const refused = await postFrom(
        late.cookie,
        `/mes-candidatures/${lateId}`,
        `/mes-candidatures/${lateId}/soumettre`,
        { project_name: 'Trop tard', project_summary: 'Non' },
      );
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('est clos depuis le');
      expect(refused.body).toContain('Trop tard');
      const row = await t.app.services.db
        .selectFrom('applications')
        .select(['state', 'title'])
        .where('id', '=', lateId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'draft', title: 'Trop tard' });
    } finally {
      t.clock.set('2026-03-01T10:00:00Z');
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'judges a submit by the time its request arrived, not when it got the lock',
    async () => {
      t.clock.set('2026-03-31T21:50:00Z');
      const { cookie } = await userCookie('file-attente@example.fr');
      const id = await createDraft(cookie);
      const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
      const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)![1];
      const body = formBody({
        idempotency_key: key,
        project_name: 'En file',
        project_summary: 'Arrivé à temps',
        _csrf: session.csrf,
      });
      const { db } = t.app.services;
      try {
        t.clock.set('2026-03-31T21:59:59.500Z');
        let pending: Promise<{ statusCode: number }> | undefined;
        let sawWait = false;
        await db.transaction().execute(async (trx) => {
          await trx.selectFrom('applications').select('id').where('id', '=', id).forUpdate().execute();
          pending = t.app.inject({
            method: 'POST',
            url: `/mes-candidatures/${id}/soumettre`,
            payload: body.payload,
            headers: { ...body.headers, cookie: session.cookie },
          });
          // Wait until the request is blocked on the application's row lock, then let the deadline pass.
          for (let i = 0; i < 200 && !sawWait; i++) {
            const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
            sawWait = Number(waiting.rows[0].n) > 0;
            if (!sawWait) await new Promise((resolve) => setTimeout(resolve, 25));
          }
          t.clock.set('2026-03-31T22:00:05Z');
        });
        const response = await pending!;
        expect(sawWait).toBe(true);
        expect(response.statusCode).toBe(303);
        const version = await db
          .selectFrom('application_versions')
          .select('submitted_at')
          .where('application_id', '=', id)
          .executeTakeFirstOrThrow();
        expect(new Date(version.submitted_at).toISOString()).toBe('2026-03-31T21:59:59.500Z');
      } finally {
        t.clock.set('2026-03-01T10:00:00Z');
      }
    },
  );
});

describe('sessions and other people', () => {
  it('keeps what was typed when the session expired, and gives it back after signing in again', async () => {
    const { cookie, userId } = await userCookie('expiree@example.fr');
    const id = await createDraft(cookie);
    const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
    t.clock.advance(3 * 3600_000); // idle for 3 hours: the session is gone
    try {
      const body = formBody({
        project_name: 'Texte précieux',
        project_summary: 'Écrit pendant trois heures',
        _csrf: session.csrf,
      });
      const response = await t.app.inject({
        method: 'POST',
        url: `/mes-candidatures/${id}`,
        payload: body.payload,
        headers: { ...body.headers, cookie: session.cookie },
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/connexion?retour=${encodeURIComponent(`/mes-candidatures/${id}`)}`);
      const pendingCookie = ([] as string[])
        .concat(response.headers['set-cookie'] ?? [])
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('acc_pending_draft='));
      expect(pendingCookie).toBeTruthy();

      const { token } = await createSession(t.app.services.db, t.clock, userId);
      const back = await t.app.inject({
        method: 'GET',
        url: `/mes-candidatures/${id}`,
        headers: { cookie: `acc_session=${token}; ${pendingCookie}` },
      });
      expect(back.statusCode).toBe(200);
      expect(back.body).toContain('Texte précieux');
      expect(back.body).toContain('Écrit pendant trois heures');
      const row = await t.app.services.db
        .selectFrom('applications')
        .select('title')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.title).toBe('Texte précieux');
    } finally {
      t.clock.set('2026-03-01T10:00:00Z');
    }
  });

  it('bounds what anonymous senders can store, and never applies it to anyone else', async () => {
    const owner = await userCookie('borne@example.fr');
    const id = await createDraft(owner.cookie);
    const page = await formSession(t.app, owner.cookie, `/mes-candidatures/${id}`);
    const anonymousCsrf = page.cookie.split('; ').find((c) => c.startsWith('_csrf='))!;
    for (let i = 0; i < 25; i++) {
      const body = formBody({ project_name: `Intrus ${i}`, _csrf: page.csrf });
      const response = await t.app.inject({
        method: 'POST',
        url: `/mes-candidatures/${id}`,
        payload: body.payload,
        headers: { ...body.headers, cookie: anonymousCsrf },
      });
      expect(response.statusCode).toBe(303);
    }
    const kept = await t.app.services.db
      .selectFrom('application_pending_drafts')
      .select('token_hash')
      .where('application_id', '=', id)
      .execute();
    expect(kept).toHaveLength(20);
    // The owner, whose browser holds none of those tokens, sees their own draft untouched.
    const view = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}`,
      headers: { cookie: owner.cookie },
    });
    expect(view.body).not.toContain('Intrus');
  });

  it('answers 404 for another person’s application, and lets an invited co-applicant edit it', async () => {
    const owner = await userCookie('proprietaire@example.fr');
    const stranger = await userCookie('inconnue@example.fr');
    const id = await createDraft(owner.cookie);
    for (const url of [`/mes-candidatures/${id}`, `/mes-candidatures/${id}/recu.pdf`, '/mes-candidatures/not-a-uuid']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: stranger.cookie } });
      expect(response.statusCode).toBe(404);
    }
    const ownPage = `/mes-candidatures`;
    for (const url of [
      `/mes-candidatures/${id}`,
      `/mes-candidatures/${id}/soumettre`,
      `/mes-candidatures/${id}/retirer`,
      `/mes-candidatures/${id}/membres`,
    ]) {
      const response = await postFrom(stranger.cookie, ownPage, url, {
        project_name: 'Piratage',
        email: 'x@example.fr',
      });
      expect(response.statusCode).toBe(404);
    }
    const anonymousPdf = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${id}/recu.pdf` });
    expect(anonymousPdf.statusCode).toBe(303);

    const invited = await postFrom(owner.cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/membres`, {
      email: 'Co.Porteur@example.fr',
    });
    expect(invited.statusCode).toBe(303);
    const mail = await t.app.services.db
      .selectFrom('mails')
      .selectAll()
      .where('to_address', '=', 'co.porteur@example.fr')
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(`/mes-candidatures/${id}`);
    const co = await userCookie('co.porteur@example.fr');
    const saved = await postFrom(co.cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}`, {
      project_name: 'Écrit à deux',
      project_summary: '',
    });
    expect(saved.statusCode).toBe(303);
    const ownerView = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}`,
      headers: { cookie: owner.cookie },
    });
    expect(ownerView.body).toContain('Écrit à deux');
    // A co-applicant edits, but only the owner invites and withdraws.
    const coWithdraw = await postFrom(co.cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/retirer`, {});
    expect(coWithdraw.statusCode).toBe(403);
    const coInvite = await postFrom(co.cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/membres`, {
      email: 'autre@example.fr',
    });
    expect(coInvite.statusCode).toBe(403);
    expect(coInvite.body).toContain('Seule la personne qui a créé la candidature peut inviter.');
  });

  it('lets the applicant withdraw, after which nothing can be changed', async () => {
    const { cookie } = await userCookie('retrait@example.fr');
    const id = await createDraft(cookie);
    const withdrawn = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/retirer`, {});
    expect(withdrawn.statusCode).toBe(303);
    const save = await postFrom(cookie, `/mes-candidatures/${id}?ok=retire`, `/mes-candidatures/${id}`, {
      project_name: 'Trop tard',
    });
    expect(save.statusCode).toBe(409);
    const row = await t.app.services.db
      .selectFrom('applications')
      .select(['state', 'title'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'withdrawn', title: '' });
  });
});

describe('staff', () => {
  it('lists with filters and French search, counts drafts, and changes states with reasons, audited', async () => {
    const staff = await signedInAs(t.app, t.clock, 'staff', 'instructrice@example.fr');
    const limited = await signedInAs(t.app, t.clock, 'staff', 'ditp@example.fr', 'autres');
    const applicant = await userCookie('energie@example.fr');
    const id = await createDraft(applicant.cookie);
    const submitted = await postFrom(applicant.cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
      project_name: 'Coopérative énergétique',
      project_summary: 'Des panneaux solaires installés sur les écoles du quartier',
      organisation_siret: '732 829 320 00074',
    });
    expect(submitted.statusCode).toBe(303);

    const search = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures?q=${encodeURIComponent('panneau solaire école')}`,
      headers: { cookie: staff },
    });
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('Coopérative énergétique');
    expect(search.body).toMatch(/(0|1) brouillon en cours|\d+ brouillons en cours/);
    const none = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures?q=astronomie&etat=submitted',
      headers: { cookie: staff },
    });
    expect(none.body).not.toContain('Coopérative énergétique');
    const byState = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures?etat=submitted&parcours=numerique&type=association&saison=saison-3',
      headers: { cookie: staff },
    });
    expect(byState.body).toContain('Coopérative énergétique');

    // A staff member limited to the other track neither lists nor opens it.
    const other = await t.app.inject({ method: 'GET', url: '/admin/candidatures', headers: { cookie: limited } });
    expect(other.body).not.toContain('Coopérative énergétique');
    expect(
      (await t.app.inject({ method: 'GET', url: `/admin/candidatures/${id}`, headers: { cookie: limited } }))
        .statusCode,
    ).toBe(404);
    const applicantRefused = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures',
      headers: { cookie: applicant.cookie },
    });
    expect(applicantRefused.statusCode).toBe(403);

    const detail = `/admin/candidatures/${id}`;
    const skip = await postFrom(staff, detail, `${detail}/etat`, { to: 'laureate', reason: '' });
    expect(skip.statusCode).toBe(400);
    expect((await postFrom(staff, detail, `${detail}/etat`, { to: 'in_instruction', reason: '' })).statusCode).toBe(
      303,
    );
    const noReason = await postFrom(staff, detail, `${detail}/etat`, { to: 'ineligible', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Indiquez le motif');
    expect(
      (await postFrom(staff, detail, `${detail}/etat`, { to: 'ineligible', reason: 'Projet à but lucratif' }))
        .statusCode,
    ).toBe(303);

    const { db } = t.app.services;
    const history = await db
      .selectFrom('application_transitions')
      .select(['from_state', 'to_state', 'reason'])
      .where('application_id', '=', id)
      .orderBy('at')
      .execute();
    expect(history.map((h) => `${h.from_state}>${h.to_state}`)).toEqual([
      'draft>submitted',
      'submitted>in_instruction',
      'in_instruction>ineligible',
    ]);
    expect(history[2].reason).toBe('Projet à but lucratif');
    const audited = await db.selectFrom('audit_events').select('action').where('subject_id', '=', id).execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['application.create', 'application.submit', 'application.change_state']),
    );
    const page = await t.app.inject({ method: 'GET', url: detail, headers: { cookie: staff } });
    expect(page.body).toContain('Projet à but lucratif');
    // The company register is off in tests: staff see the organisation as not verified.
    expect(page.body).toContain('Non vérifiée');
  });
});

describe('staff lists at depth and exports', () => {
  it('pages by keyset without repeats, and exports CSV (one column per question, formulas neutralised) and JSON', async () => {
    const staff = await signedInAs(t.app, t.clock, 'staff', 'export@example.fr');
    const owner = await userCookie('nombreux@example.fr');
    const { db } = t.app.services;
    const form = await db
      .selectFrom('application_forms')
      .select('id')
      .where('season_id', '=', seasonId)
      .executeTakeFirstOrThrow();
    const base = new Date('2026-03-02T08:00:00Z').getTime();
    await db
      .insertInto('applications')
      .values(
        Array.from({ length: 55 }, (_, i) => ({
          season_id: seasonId,
          track_code: 'autres',
          form_id: form.id,
          owner_id: owner.userId,
          applicant_kind: 'citizen',
          // A draft's answers stay out of exports (they are the applicant's): the hostile texts go in the title.
          title: i === 0 ? '=HYPERLINK("http://evil")' : i === 1 ? 'Texte, avec "guillemets"' : `Lot ${i}`,
          state: 'draft',
          draft_answers: JSON.stringify({ project_name: `Lot ${i}`, project_summary: 'Texte' }),
          // Ten share one instant: the id breaks the tie.
          created_at: new Date(base + Math.floor(i / 10) * 1000),
          updated_at: new Date(base),
        })),
      )
      .execute();
    const seen: string[] = [];
    let url: string | undefined = '/admin/candidatures?parcours=autres&type=citizen';
    while (url) {
      const page: { statusCode: number; body: string } = await t.app.inject({
        method: 'GET',
        url,
        headers: { cookie: staff },
      });
      expect(page.statusCode).toBe(200);
      seen.push(...[...page.body.matchAll(/href="\/admin\/candidatures\/([0-9a-f-]{36})"/g)].map((m) => m[1]));
      const next: string | undefined = /href="(\/admin\/candidatures\?[^"]*apres=[^"]+)"/.exec(page.body)?.[1];
      url = next?.replace(/&amp;/g, '&');
    }
    expect(seen).toHaveLength(55);
    expect(new Set(seen).size).toBe(55);

    const csv = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.csv?parcours=autres',
      headers: { cookie: staff },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Nom du projet;Résumé;SIRET');
    expect(lines).toHaveLength(56);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.body).toContain('"Texte, avec ""guillemets"""');

    const json = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.json?parcours=autres',
      headers: { cookie: staff },
    });
    const data = json.json() as { columns: { id: string }[]; applications: { answers: Record<string, string> }[] };
    expect(data.columns.map((c) => c.id)).toEqual(['project_name', 'project_summary', 'organisation_siret']);
    expect(data.applications).toHaveLength(55);
    const audited = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'application.export')
      .execute();
    expect(audited).toHaveLength(2);
  });
});

describe('reminders', () => {
  it('reminds the owner of each unsubmitted draft once, three days before the call closes', async () => {
    const waiting = await userCookie('rappel@example.fr');
    const done = await userCookie('deja-soumis@example.fr');
    const draftId = await createDraft(waiting.cookie);
    const submittedId = await createDraft(done.cookie);
    expect(
      (
        await postFrom(done.cookie, `/mes-candidatures/${submittedId}`, `/mes-candidatures/${submittedId}/soumettre`, {
          project_name: 'Fini',
          project_summary: 'Oui',
        })
      ).statusCode,
    ).toBe(303);
    const { db, worker, jobHandlers } = t.app.services;
    const jobs = await db
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('name', '=', DRAFT_REMINDER_JOB)
      .execute();
    expect(jobs.map((j) => new Date(j.run_at).toISOString())).toEqual(['2026-03-28T21:59:59.000Z']);
    try {
      t.clock.set('2026-03-28T21:59:00Z');
      await worker.drain();
      const subject = 'Votre candidature n’est pas encore soumise';
      const remindersTo = async (to: string) =>
        (
          await db
            .selectFrom('mails')
            .select('id')
            .where('to_address', '=', to)
            .where('subject', '=', subject)
            .execute()
        ).length;
      expect(await remindersTo('rappel@example.fr')).toBe(0);
      t.clock.set('2026-03-28T22:00:00Z');
      await worker.drain();
      expect(await remindersTo('rappel@example.fr')).toBe(1);
      expect(await remindersTo('deja-soumis@example.fr')).toBe(0);
      // A retried run sends nothing more.
      await jobHandlers.get(DRAFT_REMINDER_JOB)!({ seasonId }, { id: 'retry', attempts: 2 });
      expect(await remindersTo('rappel@example.fr')).toBe(1);
      const mail = await db
        .selectFrom('mails')
        .select('text_body')
        .where('to_address', '=', 'rappel@example.fr')
        .where('subject', '=', subject)
        .executeTakeFirstOrThrow();
      expect(mail.text_body).toContain(`/mes-candidatures/${draftId}`);
    } finally {
      t.clock.set('2026-03-01T10:00:00Z');
    }
  });
});

describe('what each state means, on the applicant’s page', () => {
  const guides: [string, string, string][] = [
    [
      'submitted',
      'vous pouvez la modifier et soumettre une nouvelle version',
      'you can change it and submit a new version',
    ],
    ['in_instruction', 'L’équipe du programme vérifie', 'The programme team is checking'],
    ['eligible', 'remplit les conditions de l’appel et participe à la sélection', 'takes part in the selection'],
    ['ineligible', 'ne participe pas à la sélection', 'does not take part in the selection'],
    ['in_review', 'Le jury examine votre projet', 'The jury is reviewing your project'],
    ['laureate', 'votre projet a été retenu', 'your project was selected'],
    ['not_selected', 'les voies de recours sont dans votre espace', 'the routes of appeal are in your space'],
    ['withdrawn', 'Vous avez retiré cette candidature', 'You withdrew this application'],
  ];

  it('says what the state means and what comes next, offering a new version only while the answers can change (French and English)', async () => {
    const { cookie } = await userCookie('etats@example.fr');
    const id = await createDraft(cookie);
    const draft = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${id}`, headers: { cookie } });
    expect(draft.body).toContain('Seules les personnes de la candidature la voient');
    const submitted = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
      project_name: 'États',
      project_summary: 'Un projet pour lire les états',
    });
    expect(submitted.statusCode).toBe(303);
    for (const [state, fr, en] of guides) {
      await t.app.services.db.updateTable('applications').set({ state }).where('id', '=', id).execute();
      for (const [lang, text, newVersion] of [
        ['fr', fr, 'soumettre une nouvelle version'],
        ['en', en, 'submit a new version'],
      ] as const) {
        const page = await t.app.inject({
          method: 'GET',
          url: `/mes-candidatures/${id}`,
          headers: { cookie: `${cookie}; lang=${lang}` },
        });
        expect(page.statusCode, state).toBe(200);
        const guide = /<div class="fr-callout fr-mb-4w" id="state-guide">([\s\S]*?)<\/div>/.exec(page.body)?.[1] ?? '';
        expect(guide, `${state} (${lang})`).toContain(text);
        if (state === 'submitted') expect(page.body).toContain('name="project_name"');
        else {
          expect(page.body, `${state} (${lang})`).not.toContain(newVersion);
          expect(guide, `${state} (${lang})`).toMatch(/ne peut plus être modifiée|can no longer be changed/);
        }
      }
    }
    // After the deadline a submitted application is locked, and its page says so.
    await t.app.services.db.updateTable('applications').set({ state: 'submitted' }).where('id', '=', id).execute();
    t.clock.set('2026-04-01T08:00:00Z');
    try {
      const { token } = await createSession(
        t.app.services.db,
        t.clock,
        await userIdByEmail(t.app.services.db, 'etats@example.fr'),
      );
      const late = await t.app.inject({
        method: 'GET',
        url: `/mes-candidatures/${id}`,
        headers: { cookie: `acc_session=${token}` },
      });
      expect(late.body).toContain('L’appel est clos : elle ne peut plus être modifiée.');
      expect(late.body).not.toContain('soumettre une nouvelle version');
    } finally {
      t.clock.set('2026-03-01T10:00:00Z');
    }
  });
});

describe('the kind of applicant, asked once', () => {
  const KIND_FORM: FormDefinition = {
    sections: [
      {
        id: 'project',
        title: { fr: 'Le projet', en: 'The project' },
        questions: [
          {
            id: 'project_name',
            kind: 'short_text',
            required: true,
            label: { fr: 'Nom du projet', en: 'Project name' },
          },
          {
            id: 'organisation_type',
            kind: 'single_choice',
            required: true,
            label: { fr: 'Vous candidatez en tant que', en: 'You apply as' },
            options: [
              { value: 'citizen', label: { fr: 'Citoyenne ou citoyen', en: 'Citizen' } },
              { value: 'association', label: { fr: 'Association', en: 'Association' } },
              { value: 'company', label: { fr: 'Entreprise', en: 'Company' } },
            ],
          },
        ],
      },
    ],
  };

  it('pre-fills the form with the kind chosen at creation; staff lists and filters follow the form’s answer; an ineligible kind is refused', async () => {
    const { db } = t.app.services;
    await seedOpenSeason(db, {
      slug: 'saison-genre',
      number: 41,
      form: KIND_FORM,
      eligibleKinds: ['citizen', 'association'],
    });
    const { cookie } = await userCookie('genre@example.fr');
    const created = await postFrom(cookie, '/candidater/saison-genre', '/candidater/saison-genre', {
      track_code: 'numerique',
      applicant_kind: 'association',
    });
    expect(created.statusCode).toBe(303);
    const id = /([0-9a-f-]{36})$/.exec(created.headers.location as string)![1]!;
    const page = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${id}`, headers: { cookie } });
    // Asked once: the form's question already holds the creation's answer; the track is shown, not asked.
    expect(page.body).toMatch(/<input[^>]*name="organisation_type"[^>]*value="association"[^>]*checked/);
    expect(page.body).toContain('Parcours : Communs numériques');
    // Corrected in the form: the one truth moves, and staff see it in the list and its filter.
    const saved = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
      project_name: 'Citoyenne seule',
      organisation_type: 'citizen',
    });
    expect(saved.statusCode).toBe(303);
    const row = await db
      .selectFrom('applications')
      .select('applicant_kind')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.applicant_kind).toBe('citizen');
    const staff = await signedInAs(t.app, t.clock, 'staff', 'genre-staff@example.fr');
    const list = (type: string) =>
      t.app.inject({
        method: 'GET',
        url: `/admin/candidatures?type=${type}&q=${encodeURIComponent('Citoyenne seule')}`,
        headers: { cookie: staff },
      });
    expect((await list('citizen')).body).toContain(`/admin/candidatures/${id}`);
    expect((await list('association')).body).not.toContain(`/admin/candidatures/${id}`);
    // A kind the season does not accept is refused on its field, and the column keeps an accepted one.
    const refused = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
      project_name: 'Citoyenne seule',
      organisation_type: 'company',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Cette saison n’est pas ouverte à ce type de porteur');
    expect(refused.body).toContain('href="#organisation_type"');
    const kept = await db
      .selectFrom('applications')
      .select('applicant_kind')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(kept.applicant_kind).toBe('citizen');
  });
});

describe('seeding for measurements', () => {
  it('adds synthetic applications that the staff list and French search find', async () => {
    const { seedApplicationsCommand } = await import('../seed-command.js');
    expect(await seedApplicationsCommand.run(['saison-3', '0'], t.app.services)).toBe(2);
    expect(await seedApplicationsCommand.run(['inconnue', '10'], t.app.services)).toBe(1);
    expect(await seedApplicationsCommand.run(['saison-3', '120'], t.app.services)).toBe(0);
    expect(await countUsersWithEmailLike(t.app.services.db, 'seed-%')).toBe(120);
    const staff = await signedInAs(t.app, t.clock, 'staff', 'mesure@example.fr');
    const found = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures?q=${encodeURIComponent('cartographie')}`,
      headers: { cookie: staff },
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toMatch(/Cartographie \S+ \d+/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdByEmail } from '../../../test/support/factories/accounts.js';
import { formBody, formSession, postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { signedInAs } from '../../../test/support/users.js';
import { listSeasonsForStaff } from './list-public-seasons.js';

let t: TestApp;
let staff: string;
let admin: string;
let applicant: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-01-15T10:00:00Z');
  staff = await signedInAs(t.app, t.clock, 'staff', 'staff@example.fr');
  admin = await signedInAs(t.app, t.clock, 'admin', 'admin@example.fr');
  applicant = await signedInAs(t.app, t.clock, 'applicant', 'porteur@example.fr');
});
afterAll(() => t.close());

/** A complete, valid season form (the default criteria as the "new season" page prefills them). */
function validSeason(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    number: '7',
    slug: 'saison-7',
    name: 'Saison 7',
    name_en: 'Season 7',
    summary: 'Une saison de test.',
    summary_en: 'A test season.',
    opens_on: '2026-02-01',
    closes_on: '2026-03-31',
    closes_time: '',
    eligible_association: 'on',
    eligible_citizen: 'on',
    support_months: '6',
    envelope_euros: '250 000,50',
    laureates_sought: '5',
    track_0_code: 'numerique',
    track_0_name: 'Numérique',
    track_0_name_en: 'Digital',
    track_0_lead: 'DINUM',
    track_1_code: '',
    track_1_name: '',
    track_1_name_en: '',
    track_1_lead: '',
    criterion_0_code: 'interet-general',
    criterion_0_label: 'Objectif d’intérêt général',
    criterion_0_label_en: 'General-interest objective',
    criterion_0_description: '',
    criterion_0_description_en: '',
    criterion_0_weight: '3',
    criterion_1_code: 'impact',
    criterion_1_label: 'Impact pour toutes et tous',
    criterion_1_label_en: 'Impact for all',
    criterion_1_description: '',
    criterion_1_description_en: '',
    criterion_1_weight: '2',
    ...overrides,
  };
}

async function seasonBySlug(slug: string) {
  return (await listSeasonsForStaff(t.app.services)).find((s) => s.slug === slug);
}

describe('permissions', () => {
  it('sends anonymous visitors to sign in and refuses applicants', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/admin/saisons' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/connexion?retour=%2Fadmin%2Fsaisons');
    for (const url of ['/admin/saisons', '/admin/saisons/nouvelle']) {
      const refused = await t.app.inject({ method: 'GET', url, headers: { cookie: applicant } });
      expect(refused.statusCode).toBe(403);
    }
    const post = await t.app.inject({ method: 'POST', url: '/admin/saisons', ...formBody(validSeason()) });
    expect(post.statusCode).toBe(401);
    const applicantPost = await t.app.inject({
      method: 'POST',
      url: '/admin/saisons',
      ...formBody(validSeason()),
      headers: { ...formBody({}).headers, cookie: applicant },
    });
    expect(applicantPost.statusCode).toBe(403);
  });

  it('lets staff and admin read the list', async () => {
    for (const cookie of [staff, admin]) {
      const res = await t.app.inject({ method: 'GET', url: '/admin/saisons', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Créer une saison');
    }
  });
});

describe('creating a season', () => {
  it('prefills the new-season form with the five default criteria', async () => {
    const { html } = await formSession(t.app, staff, '/admin/saisons/nouvelle');
    expect(html).toContain('value="interet-general"');
    expect(html).toContain('value="apport-administration"');
    expect(html).toContain('name="criterion_6_weight"');
    expect(html).toContain('value="saison-1"');
  });

  it('creates the season, closing at 23:59:59 Paris by default, and audits it', async () => {
    const res = await postForm(t.app, staff, '/admin/saisons/nouvelle', '/admin/saisons', validSeason());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/saisons?ok=cree');
    const season = await seasonBySlug('saison-7');
    expect(season).toMatchObject({
      number: 7,
      status: 'draft',
      eligibleKinds: ['citizen', 'association'],
      supportMonths: 6,
      grantEnvelopeCents: 25_000_050,
      laureatesSought: 5,
      tracks: [{ code: 'numerique', name: 'Numérique', nameEn: 'Digital', lead: 'DINUM' }],
    });
    expect(season!.opensAt.toISOString()).toBe('2026-01-31T23:00:00.000Z');
    expect(season!.closesAt.toISOString()).toBe('2026-03-31T21:59:59.000Z');
    expect(season!.criteria.map((c) => [c.code, c.weight])).toEqual([
      ['interet-general', 3],
      ['impact', 2],
    ]);
    const audit = await t.app.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'season.created')
      .execute();
    expect(audit).toHaveLength(1);
    const staffUser = { id: await userIdByEmail(t.app.services.db, 'staff@example.fr') };
    expect(audit[0].actor_id).toBe(staffUser.id);
  });

  it('keeps a new season a draft — not public, no applying — until staff publish it with its form', async () => {
    const season = (await seasonBySlug('saison-7'))!;
    const list = await t.app.inject({ method: 'GET', url: '/admin/saisons', headers: { cookie: staff } });
    expect(list.body).toContain('Brouillon (non publiée)');
    const edit = await t.app.inject({
      method: 'GET',
      url: `/admin/saisons/${season.id}/modifier`,
      headers: { cookie: staff },
    });
    expect(edit.body).toContain('Cette saison est un brouillon');
    expect(edit.body).toContain(`href="/admin/saisons/${season.id}/formulaire"`);
    // Nothing of it is public, even once its dates say the call is open.
    t.clock.set('2026-02-10T10:00:00Z');
    // Sessions of a month ago have expired: sign in again at the new date.
    const staffNow = await signedInAs(t.app, t.clock, 'staff', 'staff-fevrier@example.fr');
    const applicantNow = await signedInAs(t.app, t.clock, 'applicant', 'porteur-fevrier@example.fr');
    try {
      expect((await t.app.inject({ method: 'GET', url: '/saisons' })).body).not.toContain('saison-7');
      expect((await t.app.inject({ method: 'GET', url: '/saisons/saison-7' })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/candidater/saison-7/questions' })).statusCode).toBe(404);
      const apply = await t.app.inject({
        method: 'GET',
        url: '/candidater/saison-7',
        headers: { cookie: applicantNow },
      });
      expect(apply.statusCode).toBe(404);
      const applyPost = await postForm(t.app, applicantNow, '/mes-candidatures', '/candidater/saison-7', {
        track_code: 'numerique',
        applicant_kind: 'association',
      });
      expect(applyPost.statusCode).toBe(404);

      // It cannot be published while it has no form: its call would open without one.
      const builder = `/admin/saisons/${season.id}/formulaire`;
      const page = await t.app.inject({ method: 'GET', url: builder, headers: { cookie: staffNow } });
      expect(page.body).toContain('Publier la saison et ouvrir les candidatures');
      const refused = await postForm(t.app, staffNow, builder, `/admin/saisons/${season.id}/publier`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('Enregistrez d’abord le formulaire de candidature');
      expect((await seasonBySlug('saison-7'))!.status).toBe('draft');

      // With its form, publishing opens the call: public page, "Déposer un projet", applying.
      expect((await postForm(t.app, staffNow, builder, `${builder}/defaut`, {})).statusCode).toBe(303);
      const published = await postForm(t.app, staffNow, builder, `/admin/saisons/${season.id}/publier`, {});
      expect(published.statusCode).toBe(303);
      expect(published.headers.location).toBe(`${builder}?ok=publiee`);
      expect((await seasonBySlug('saison-7'))!.status).toBe('open');
      const publicPage = await t.app.inject({ method: 'GET', url: '/saisons/saison-7' });
      expect(publicPage.statusCode).toBe(200);
      expect(publicPage.body).toContain('250\u202f000,50\u00a0€');
      expect(publicPage.body).toContain('href="/candidater/saison-7"');
      const open = await t.app.inject({
        method: 'GET',
        url: '/candidater/saison-7',
        headers: { cookie: applicantNow },
      });
      expect(open.statusCode).toBe(200);
      // Publishing again changes nothing; the audit log has the one publication.
      expect((await postForm(t.app, staffNow, builder, `/admin/saisons/${season.id}/publier`, {})).statusCode).toBe(
        303,
      );
      const audit = await t.app.services.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'season.published')
        .where('subject_id', '=', season.id)
        .execute();
      expect(audit).toHaveLength(1);
    } finally {
      t.clock.set('2026-01-15T10:00:00Z');
    }
  });

  it('publishes a season whose call is over without a form (the programme’s history)', async () => {
    const created = await postForm(
      t.app,
      staff,
      '/admin/saisons/nouvelle',
      '/admin/saisons',
      validSeason({
        number: '31',
        slug: 'saison-passee',
        name: 'Saison passée',
        opens_on: '2021-12-17',
        closes_on: '2022-01-29',
      }),
    );
    expect(created.statusCode).toBe(303);
    const season = (await seasonBySlug('saison-passee'))!;
    const builder = `/admin/saisons/${season.id}/formulaire`;
    const published = await postForm(t.app, staff, builder, `/admin/saisons/${season.id}/publier`, {});
    expect(published.statusCode).toBe(303);
    expect((await seasonBySlug('saison-passee'))!.status).toBe('closed');
    expect((await t.app.inject({ method: 'GET', url: '/saisons/saison-passee' })).statusCode).toBe(200);
  });

  it('takes an explicit closing time in Paris time', async () => {
    const res = await postForm(
      t.app,
      staff,
      '/admin/saisons/nouvelle',
      '/admin/saisons',
      validSeason({ number: '8', slug: 'saison-8', closes_time: '18:00' }),
    );
    expect(res.statusCode).toBe(303);
    expect((await seasonBySlug('saison-8'))!.closesAt.toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('shows each bad field with a clear message, keeps what was typed, and answers 400', async () => {
    const res = await postForm(
      t.app,
      staff,
      '/admin/saisons/nouvelle',
      '/admin/saisons',
      validSeason({
        number: '9',
        slug: 'saison-9',
        closes_on: '2026-01-20',
        envelope_euros: 'beaucoup',
        criterion_0_weight: '0',
        criterion_1_weight: 'deux',
        track_1_code: 'numerique',
        track_1_name: 'Encore numérique',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('La clôture doit être postérieure à l’ouverture.');
    expect(res.body).toContain('Saisissez un montant en euros');
    expect(res.body).toContain('Saisissez un nombre entier supérieur à zéro.');
    expect(res.body).toContain('Ce code de volet est déjà utilisé dans cette saison.');
    expect(res.body).toContain('value="beaucoup"');
    expect(res.body).toContain('value="deux"');
    expect(res.body).toContain('value="Encore numérique"');
    expect(res.body).toContain('id="closes_on" name="closes_on" value="2026-01-20"');
    expect(res.body).toContain('href="#envelope_euros"');
    expect(res.body).toContain('aria-invalid="true"');
    expect(await seasonBySlug('saison-9')).toBeUndefined();
  });

  it('refuses a slug or number already taken, and a season with no applicant kind', async () => {
    const fields = validSeason({ number: '7', slug: 'saison-7' });
    delete fields.eligible_association;
    delete fields.eligible_citizen;
    const res = await postForm(t.app, staff, '/admin/saisons/nouvelle', '/admin/saisons', fields);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Cochez au moins un public éligible.');
    const taken = await postForm(t.app, staff, '/admin/saisons/nouvelle', '/admin/saisons', validSeason());
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Une autre saison utilise déjà cet identifiant.');
    expect(taken.body).toContain('Une autre saison porte déjà ce numéro.');
  });

  it('never answers 500 to odd input', async () => {
    const res = await postForm(
      t.app,
      staff,
      '/admin/saisons/nouvelle',
      '/admin/saisons',
      validSeason({ number: '99999999999999', opens_on: '2026-02-30', closes_time: '25:00' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Saisissez une date au format AAAA-MM-JJ.');
    expect(res.body).toContain('Saisissez une heure au format HH:MM');
  });
});

describe('editing a season', () => {
  it('shows the saved values, and changes weights and tracks while keeping kept rows’ ids', async () => {
    const season = (await seasonBySlug('saison-7'))!;
    const form = await formSession(t.app, staff, `/admin/saisons/${season.id}/modifier`);
    expect(form.html).toContain('value="250000,50"');
    expect(form.html).toContain('id="closes_on" name="closes_on" value="2026-03-31"');
    const trackId = (
      await t.app.services.db
        .selectFrom('season_tracks')
        .select('id')
        .where('code', '=', 'numerique')
        .where('season_id', '=', season.id)
        .executeTakeFirstOrThrow()
    ).id;
    const res = await postForm(
      t.app,
      staff,
      `/admin/saisons/${season.id}/modifier`,
      `/admin/saisons/${season.id}`,
      validSeason({
        criterion_0_weight: '5',
        track_1_code: 'autres',
        track_1_name: 'Autres communs',
        track_1_lead: 'DITP',
      }),
    );
    expect(res.statusCode).toBe(303);
    const after = (await seasonBySlug('saison-7'))!;
    expect(after.criteria.map((c) => c.weight)).toEqual([5, 2]);
    expect(after.tracks.map((tr) => tr.code)).toEqual(['numerique', 'autres']);
    const trackIdAfter = (
      await t.app.services.db
        .selectFrom('season_tracks')
        .select('id')
        .where('code', '=', 'numerique')
        .where('season_id', '=', season.id)
        .executeTakeFirstOrThrow()
    ).id;
    expect(trackIdAfter).toBe(trackId);
  });

  it('shows field errors on edit too', async () => {
    const season = (await seasonBySlug('saison-7'))!;
    const res = await postForm(
      t.app,
      staff,
      `/admin/saisons/${season.id}/modifier`,
      `/admin/saisons/${season.id}`,
      validSeason({ criterion_1_weight: '-1' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Saisissez un nombre entier supérieur à zéro.');
    expect(res.body).toContain('value="-1"');
    const clash = await postForm(
      t.app,
      staff,
      `/admin/saisons/${season.id}/modifier`,
      `/admin/saisons/${season.id}`,
      validSeason({ slug: 'saison-8' }),
    );
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('Une autre saison utilise déjà cet identifiant.');
    expect((await seasonBySlug('saison-7'))!.criteria.map((c) => c.weight)).toEqual([5, 2]);
  });

  it('answers 404 for an unknown or malformed season id', async () => {
    for (const url of [
      '/admin/saisons/not-a-uuid/modifier',
      '/admin/saisons/00000000-0000-4000-8000-000000000000/modifier',
      '/admin/saisons/nope/laureats',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: staff } });
      expect(res.statusCode).toBe(404);
    }
  });
});

describe('laureates', () => {
  it('adds, edits and deletes a laureate, and the public page follows', async () => {
    const season = (await seasonBySlug('saison-7'))!;
    const listUrl = `/admin/saisons/${season.id}/laureats`;
    const bad = await postForm(t.app, staff, listUrl, listUrl, {
      name: '',
      website: 'javascript:alert(1)',
      track_code: 'inconnu',
      position: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ce champ est obligatoire.');
    expect(bad.body).toContain('Saisissez une adresse web commençant par https://');
    expect(bad.body).toContain('Choisissez un des volets de la saison.');

    const publicBefore = await t.app.inject({ method: 'GET', url: '/laureats?saison=saison-7' });
    expect(publicBefore.body).toContain('Aucun lauréat n’a encore été annoncé');

    const created = await postForm(t.app, staff, listUrl, listUrl, {
      name: 'Cartes ouvertes',
      organisation: 'Association des cartes',
      track_code: 'numerique',
      summary: 'Des cartes <libres>.',
      summary_en: '',
      website: 'https://cartes.example.org',
      position: '1',
    });
    expect(created.statusCode).toBe(303);
    const publicAfter = await t.app.inject({ method: 'GET', url: '/laureats?saison=saison-7' });
    expect(publicAfter.body).toContain('Cartes ouvertes');
    expect(publicAfter.body).toContain('Des cartes &lt;libres');
    expect(publicAfter.body).not.toContain('<libres>');
    expect(publicAfter.body).toContain('Volet : Numérique');

    const [laureate] = await t.app.services.db
      .selectFrom('laureates')
      .selectAll()
      .where('season_id', '=', season.id)
      .execute();
    const editUrl = `/admin/saisons/${season.id}/laureats/${laureate.id}/modifier`;
    const edited = await postForm(t.app, staff, editUrl, `/admin/saisons/${season.id}/laureats/${laureate.id}`, {
      name: 'Cartes ouvertes et libres',
      organisation: 'Association des cartes',
      track_code: '',
      summary: 'Des cartes.',
      summary_en: 'Maps.',
      website: '',
      position: '2',
    });
    expect(edited.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/laureats?saison=saison-7' })).body).toContain(
      'Cartes ouvertes et libres',
    );

    const deleteUrl = `/admin/saisons/${season.id}/laureats/${laureate.id}/supprimer`;
    const deleted = await postForm(t.app, staff, listUrl, deleteUrl, {});
    expect(deleted.statusCode).toBe(303);
    const again = await postForm(t.app, staff, listUrl, deleteUrl, {});
    expect(again.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/laureats?saison=saison-7' })).body).not.toContain(
      'Cartes ouvertes',
    );
    const actions = (
      await t.app.services.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'laureate')
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);
    expect(actions).toEqual(['laureate.created', 'laureate.updated', 'laureate.deleted']);
  });
});

describe('staff limited to one track', () => {
  it('manages only the laureates of that track and cannot rewrite a season', async () => {
    const limited = await signedInAs(t.app, t.clock, 'staff', 'dinum@example.fr', 'numerique');
    const season = (await seasonBySlug('saison-7'))!;
    const listUrl = `/admin/saisons/${season.id}/laureats`;
    expect(
      (await t.app.inject({ method: 'GET', url: '/admin/saisons/nouvelle', headers: { cookie: limited } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: `/admin/saisons/${season.id}/modifier`, headers: { cookie: limited } }))
        .statusCode,
    ).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/admin/saisons', headers: { cookie: limited } });
    expect(list.body).not.toContain('href="/admin/saisons/nouvelle"');
    const rewrite = await postForm(t.app, limited, listUrl, `/admin/saisons/${season.id}`, validSeason());
    expect(rewrite.statusCode).toBe(403);

    const other = await postForm(t.app, limited, listUrl, listUrl, {
      name: 'Projet DITP',
      track_code: 'autres',
      position: '1',
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Vos droits se limitent à un autre volet');
    const own = await postForm(t.app, limited, listUrl, listUrl, {
      name: 'Projet DINUM',
      track_code: 'numerique',
      position: '1',
    });
    expect(own.statusCode).toBe(303);

    expect(
      (await postForm(t.app, staff, listUrl, listUrl, { name: 'Projet DITP', track_code: 'autres', position: '2' }))
        .statusCode,
    ).toBe(303);
    const ditp = await t.app.services.db
      .selectFrom('laureates')
      .select('id')
      .where('name', '=', 'Projet DITP')
      .executeTakeFirstOrThrow();
    const editUrl = `/admin/saisons/${season.id}/laureats/${ditp.id}/modifier`;
    expect((await t.app.inject({ method: 'GET', url: editUrl, headers: { cookie: limited } })).statusCode).toBe(403);
    expect(
      (
        await postForm(t.app, limited, listUrl, `/admin/saisons/${season.id}/laureats/${ditp.id}`, {
          name: 'Repris',
          track_code: 'numerique',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await postForm(t.app, limited, listUrl, `/admin/saisons/${season.id}/laureats/${ditp.id}/supprimer`, {}))
        .statusCode,
    ).toBe(403);
    expect(
      await t.app.services.db.selectFrom('laureates').select('name').where('id', '=', ditp.id).executeTakeFirst(),
    ).toEqual({ name: 'Projet DITP' });
  });
});

describe('repeated submits', () => {
  it('creates one season and one laureate when the same form is sent twice, even at once', async () => {
    const session = await formSession(t.app, staff, '/admin/saisons/nouvelle');
    const key = /name="submission_key" value="([^"]+)"/.exec(session.html)![1];
    const body = formBody({
      ...validSeason({ number: '20', slug: 'saison-20' }),
      submission_key: key,
      _csrf: session.csrf,
    });
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/admin/saisons',
        payload: body.payload,
        headers: { ...body.headers, cookie: session.cookie },
      });
    const answers = await Promise.all([send(), send()]);
    answers.push(await send());
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303]);
    const seasons = await t.app.services.db
      .selectFrom('seasons')
      .select('id')
      .where('slug', '=', 'saison-20')
      .execute();
    expect(seasons).toHaveLength(1);
    const created = await t.app.services.db
      .selectFrom('audit_events')
      .select('subject_id')
      .where('action', '=', 'season.created')
      .where('subject_id', '=', seasons[0].id)
      .execute();
    expect(created).toHaveLength(1);

    const listUrl = `/admin/saisons/${seasons[0].id}/laureats`;
    const page = await formSession(t.app, staff, listUrl);
    const laureateKey = /name="submission_key" value="([^"]+)"/.exec(page.html)![1];
    const laureateBody = formBody({
      name: 'Une seule fois',
      position: '1',
      submission_key: laureateKey,
      _csrf: page.csrf,
    });
    const sendLaureate = () =>
      t.app.inject({
        method: 'POST',
        url: listUrl,
        payload: laureateBody.payload,
        headers: { ...laureateBody.headers, cookie: page.cookie },
      });
    const laureateAnswers = await Promise.all([sendLaureate(), sendLaureate()]);
    expect(laureateAnswers.map((a) => a.statusCode)).toEqual([303, 303]);
    expect(
      await t.app.services.db.selectFrom('laureates').select('id').where('name', '=', 'Une seule fois').execute(),
    ).toHaveLength(1);
  });

  it('keeps the one-time key when the form comes back with errors', async () => {
    const session = await formSession(t.app, staff, '/admin/saisons/nouvelle');
    const key = /name="submission_key" value="([^"]+)"/.exec(session.html)![1];
    const body = formBody({
      ...validSeason({ number: '21', slug: 'saison-21', envelope_euros: 'x' }),
      submission_key: key,
      _csrf: session.csrf,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/saisons',
      payload: body.payload,
      headers: { ...body.headers, cookie: session.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`name="submission_key" value="${key}"`);
  });
});

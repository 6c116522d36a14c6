import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { createLaureate } from '../../../../test/support/factories/seasons.js';
import { formSession, multipartBody, postForm, TINY_PNG } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { confirmedLaureates } from '../../decisions/index.js';
import { loadLaureates, publishDecidedLaureates } from '../../seasons/index.js';
import { impactDataOf } from '../personal-data.js';
import { publicIndicators } from '../queries.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The impact cycle through HTTP: indicators, values on Akvo's cycle, who may see what, the input rules. */
describe('impact reporting', () => {
  let t: TestApp;
  let A: SeededLaureate; // numerique
  let B: SeededLaureate; // autres
  let laureateA: string;
  let laureateB: string;
  let handTyped: string;
  let admin: SignedInUser;
  let limited: SignedInUser; // staff of the 'autres' track only
  let indicatorId: string;

  const db = () => t.app.services.db;
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const team = (l: SeededLaureate) => `/espace-laureat/${l.applicationId}/impact`;
  const post = (cookie: string, page: string, url: string, fields: Record<string, string | string[]>) =>
    postForm(t.app, cookie, page, url, fields);
  async function postMultipart(
    cookie: string,
    page: string,
    url: string,
    fields: Record<string, string>,
    file?: { field: string; name: string; type: string; data: Buffer },
  ): Promise<LightMyRequestResponse> {
    const session = await formSession(t.app, cookie, page);
    const key = /name="submission_key" value="([^"]*)"/.exec(session.html)?.[1] ?? '';
    const body = multipartBody({ _csrf: session.csrf, submission_key: key, ...fields }, file);
    return t.app.inject({
      method: 'POST',
      url: `${url}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: session.cookie },
    });
  }
  const values = (id: string) =>
    db().selectFrom('impact_values').selectAll().where('indicator_id', '=', id).orderBy('created_at').execute();

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-09-01T10:00:00Z');
    const seeded = await seedConfirmedLaureates(db(), t.clock, {
      slug: 'saison-impact',
      number: 61,
      laureates: [
        { title: 'Compteur solidaire', track: 'numerique' },
        { title: 'Jardin partagé', track: 'autres' },
      ],
    });
    [A, B] = seeded.laureates as [SeededLaureate, SeededLaureate];
    const confirmed = await confirmedLaureates(db(), { seasonId: seeded.seasonId });
    const now = t.clock.now();
    await auditedTransaction(db(), systemActor, now, (trx, audit) =>
      publishDecidedLaureates(trx, audit, t.app.services, {
        seasonId: seeded.seasonId,
        visibleFrom: new Date(now.getTime() - 86_400_000),
        laureates: [A, B].map((l) => ({
          applicationRef: confirmed.find((c) => c.applicationId === l.applicationId)!.publicRef,
          trackCode: l.track,
          name: l.title,
          organisation: 'Association',
          summary: 'Résumé',
          summaryEn: 'Summary',
          website: '',
        })),
      }),
    );
    const published = await loadLaureates(db(), { seasonId: seeded.seasonId });
    laureateA = published.find((l) => l.name === A.title)!.id;
    laureateB = published.find((l) => l.name === B.title)!.id;
    const typed = await createLaureate(t.app.services, systemActor, seeded.seasonId, {
      trackCode: '',
      name: 'Stations ouvertes',
      organisation: 'Association',
      summary: 'Résumé',
      summaryEn: 'Summary',
      website: '',
      position: 9,
    });
    handTyped = typed;
    admin = await createSignedInUser(db(), t.clock, [{ role: 'admin' }], 'admin');
    limited = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'autres' }], 'impact-autres');
  }, 180_000);
  afterAll(() => t.close());

  it('defines an indicator with French figures, refuses bad input on its field, and refuses a stale edit with 409', async () => {
    const page = `/admin/impact/laureats/${laureateA}/indicateurs/nouveau`;
    const action = `/admin/impact/laureats/${laureateA}/indicateurs`;
    const good = {
      name: 'Foyers équipés',
      unit: 'foyers',
      direction: 'increase',
      baseline_value: '1 234,5',
      baseline_date: '2026-01-01',
      target_value_0: '2\u00a0000',
      target_date_0: '2027-06-30',
      target_value_1: '3000.5',
      target_date_1: '2027-12-31',
      iris_id: 'PI4060',
      lever: 'coaching',
      is_public: 'on',
      position: '1',
    };
    const bad = await post(admin.cookie, page, action, {
      ...good,
      name: `<script>alert(1)</script>${'x'.repeat(200)}`,
      baseline_value: '1,234.5',
      iris_id: 'P40600',
      target_value_0: 'deux mille',
      target_date_1: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('ne doit pas dépasser 200 caractères');
    expect(bad.body).toContain('Saisissez un nombre');
    expect(bad.body).toContain('deux lettres majuscules et quatre chiffres');
    expect(bad.body).toContain('Indiquez la date de cette cible.');
    expect(bad.body).toContain('value="deux mille"'); // what was typed is kept
    expect(
      await db().selectFrom('impact_indicators').select('id').where('laureate_id', '=', laureateA).execute(),
    ).toEqual([]);

    const ok = await post(admin.cookie, page, action, good);
    expect(ok.statusCode).toBe(303);
    const [row] = await db().selectFrom('impact_indicators').selectAll().where('laureate_id', '=', laureateA).execute();
    indicatorId = row!.id;
    expect(Number(row!.baseline_value)).toBe(1234.5);
    const targets = await db()
      .selectFrom('impact_targets')
      .selectAll()
      .where('indicator_id', '=', indicatorId)
      .orderBy('target_date')
      .execute();
    expect(targets.map((x) => Number(x.target_value))).toEqual([2000, 3000.5]);

    // Two staff members open the edit form at version 1; the second save is refused, with what it typed kept.
    const edit = `/admin/impact/indicateurs/${indicatorId}/modifier`;
    const first = await formSession(t.app, admin.cookie, edit);
    const second = await formSession(t.app, admin.cookie, edit);
    expect(first.html).toContain('value="1234,5"');
    const send = (session: { cookie: string; csrf: string }, name: string) =>
      t.app.inject({
        method: 'POST',
        url: `/admin/impact/indicateurs/${indicatorId}`,
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ ...good, name, version: '1', _csrf: session.csrf }).toString(),
      });
    expect((await send(first, 'Foyers équipés d’un compteur')).statusCode).toBe(303);
    const stale = await send(second, 'Foyers raccordés');
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="Foyers raccordés"');
    expect(stale.body).toContain('Quelqu’un a modifié cet indicateur');
    expect(
      (await db().selectFrom('impact_indicators').select('name').where('id', '=', indicatorId).executeTakeFirst())
        ?.name,
    ).toBe('Foyers équipés d’un compteur');

    // A track-limited member does not reach another track's laureate; the list shows only theirs.
    expect((await get(`/admin/impact/laureats/${laureateA}`, limited.cookie)).statusCode).toBe(404);
    expect((await get(`/admin/impact/laureats/${laureateB}`, limited.cookie)).statusCode).toBe(200);
    expect((await get(edit, limited.cookie)).statusCode).toBe(404);
    const list = await get('/admin/impact', limited.cookie);
    expect(list.body).toContain('Jardin partagé');
    expect(list.body).not.toContain('Compteur solidaire');
  });

  it('runs the value cycle: draft, submit, return with a mail, resubmit, approve; illegal moves answer 409', async () => {
    const page = `${team(A)}/indicateurs/${indicatorId}/valeur`;
    const action = `${team(A)}/indicateurs/${indicatorId}/valeurs`;
    // Another team reaches neither the indicator nor the space.
    expect((await get(page, B.owner.cookie)).statusCode).toBe(404);
    expect((await get(`${team(B)}/indicateurs/${indicatorId}/valeur`, B.owner.cookie)).statusCode).toBe(404);
    const otherForm = await formSession(t.app, B.owner.cookie, team(B));
    const body = multipartBody({
      _csrf: otherForm.csrf,
      period_start: '2026-01-01',
      period_end: '2026-06-30',
      value: '12',
      action: 'submit',
    });
    const foreign = await t.app.inject({
      method: 'POST',
      url: `${team(B)}/indicateurs/${indicatorId}/valeurs`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: otherForm.cookie },
    });
    expect(foreign.statusCode).toBe(404);

    // Bad input: French decimals are fine, but not a group of two digits, an inverted period, an HTML file.
    const wrong = await postMultipart(
      A.owner.cookie,
      page,
      action,
      {
        period_start: '2026-06-30',
        period_end: '2026-01-01',
        value: '1 23,5',
        source: 'x'.repeat(501),
        action: 'save',
      },
      {
        field: 'evidence',
        name: 'preuve.html',
        type: 'text/html',
        data: Buffer.from('<html><script>1</script></html>'),
      },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('La fin de période doit suivre son début.');
    expect(wrong.body).toContain('Saisissez un nombre');
    expect(wrong.body).toContain('ne doit pas dépasser 500 caractères');
    const wrongFile = await postMultipart(
      A.owner.cookie,
      page,
      action,
      { period_start: '2026-01-01', period_end: '2026-06-30', value: '1 234,5', action: 'save' },
      {
        field: 'evidence',
        name: 'preuve.html',
        type: 'text/html',
        data: Buffer.from('<html><script>1</script></html>'),
      },
    );
    expect(wrongFile.statusCode).toBe(400);
    expect(wrongFile.body).toContain('Ce type de fichier n’est pas accepté');
    expect(wrongFile.body).toContain('value="1 234,5"');

    const draft = await postMultipart(
      A.owner.cookie,
      page,
      action,
      { period_start: '2026-01-01', period_end: '2026-06-30', value: '1 234,5', source: 'Relevés', action: 'save' },
      { field: 'evidence', name: 'releves.pdf', type: 'application/pdf', data: PDF },
    );
    expect(draft.statusCode).toBe(303);
    let [value] = await values(indicatorId);
    expect(value).toMatchObject({ state: 'draft', reported_by: A.owner.id });
    expect(Number(value!.value)).toBe(1234.5);
    const valueId = value!.id;

    // The evidence: the team and staff of the track read it; another team and other-track staff get 404.
    const evidence = `${team(A)}/valeurs/${valueId}/justificatif`;
    const download = await get(evidence, A.coApplicant.cookie);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect((await get(`${team(B)}/valeurs/${valueId}/justificatif`, B.owner.cookie)).statusCode).toBe(404);
    expect((await get(evidence, B.owner.cookie)).statusCode).toBe(404);
    expect((await get(`/admin/impact/valeurs/${valueId}/justificatif`, limited.cookie)).statusCode).toBe(404);
    expect((await get(`/admin/impact/valeurs/${valueId}/justificatif`, admin.cookie)).statusCode).toBe(200);
    expect((await get(evidence)).statusCode).not.toBe(200);

    // Submitted: pending, not public; the team can no longer change it.
    const editPage = `${team(A)}/valeurs/${valueId}/modifier`;
    const submit = (fields: Record<string, string>) =>
      postMultipart(A.owner.cookie, editPage, `${team(A)}/valeurs/${valueId}`, fields);
    const fields = { period_start: '2026-01-01', period_end: '2026-06-30', value: '1 234,5', source: 'Relevés' };
    const version = async () => String((await values(indicatorId))[0]!.version);
    expect((await submit({ ...fields, version: await version(), action: 'submit' })).statusCode).toBe(303);
    [value] = await values(indicatorId);
    expect(value!.state).toBe('pending');
    expect((await publicIndicators(db(), { laureateIds: [laureateA] }))[0]!.points).toEqual([]);
    expect((await get(editPage, A.owner.cookie)).statusCode).toBe(409);
    const staffPage = `/admin/impact/laureats/${laureateA}`;
    expect((await get('/admin', admin.cookie)).body).toContain('1 valeur à valider');
    expect((await get('/admin', limited.cookie)).body).not.toContain('1 valeur à valider'); // not their track

    // Return needs a comment; then the team is told by mail, and may edit and resubmit.
    const noComment = await post(admin.cookie, staffPage, `/admin/impact/valeurs/${valueId}/renvoyer`, {});
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain('Écrivez à l’équipe ce qu’il faut revoir.');
    const returned = await post(admin.cookie, staffPage, `/admin/impact/valeurs/${valueId}/renvoyer`, {
      [`comment-${valueId}`]: 'Précisez la source des relevés.',
    });
    expect(returned.statusCode).toBe(303);
    const mails = await db()
      .selectFrom('mails')
      .select(['to_address', 'template'])
      .where('template', '=', 'impact.value-returned')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([A.owner.email, A.coApplicant.email].sort());
    // Returned: neither approved nor returned again.
    expect((await post(admin.cookie, staffPage, `/admin/impact/valeurs/${valueId}/approuver`, {})).statusCode).toBe(
      409,
    );
    const teamPage = await get(team(A), A.owner.cookie);
    expect(teamPage.body).toContain('Précisez la source des relevés.');
    const staleEdit = await submit({ ...fields, version: '1', action: 'submit' });
    expect(staleEdit.statusCode).toBe(409);
    expect((await submit({ ...fields, value: '1250', version: await version(), action: 'submit' })).statusCode).toBe(
      303,
    );
    expect((await post(admin.cookie, staffPage, `/admin/impact/valeurs/${valueId}/approuver`, {})).statusCode).toBe(
      303,
    );
    [value] = await values(indicatorId);
    expect(value!.state).toBe('approved');
    expect((await post(admin.cookie, staffPage, `/admin/impact/valeurs/${valueId}/approuver`, {})).statusCode).toBe(
      409,
    );
    expect((await get(editPage, A.owner.cookie)).statusCode).toBe(409);
    expect((await publicIndicators(db(), { laureateIds: [laureateA] }))[0]!.points.map((p) => p.value)).toEqual([1250]);

    // A correction of the same period replaces the approved value when it is approved, in one transaction.
    expect(
      (
        await postMultipart(A.owner.cookie, page, action, {
          period_start: '2026-01-01',
          period_end: '2026-06-30',
          value: '1300',
          source: 'Relevés corrigés',
          action: 'submit',
        })
      ).statusCode,
    ).toBe(303);
    const correction = (await values(indicatorId)).find((v) => v.state === 'pending')!;
    expect((await publicIndicators(db(), { laureateIds: [laureateA] }))[0]!.points.map((p) => p.value)).toEqual([1250]);
    expect(
      (await post(admin.cookie, staffPage, `/admin/impact/valeurs/${correction.id}/approuver`, {})).statusCode,
    ).toBe(303);
    const after = await values(indicatorId);
    expect(after.map((v) => [v.id, v.state])).toEqual([[correction.id, 'approved']]);
    expect((await publicIndicators(db(), { laureateIds: [laureateA] }))[0]!.points.map((p) => p.value)).toEqual([1300]);
    const actions = (
      await db().selectFrom('audit_events').select('action').where('action', 'like', 'impact.value-%').execute()
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'impact.value-drafted',
        'impact.value-submitted',
        'impact.value-returned',
        'impact.value-approved',
        'impact.value-replaced',
      ]),
    );

    // The person's export lists what they reported.
    const exported = (await impactDataOf(t.app.services, { id: A.owner.id, email: A.owner.email })) as {
      valuesReported: unknown[];
    };
    expect(exported.valuesReported).toEqual([
      expect.objectContaining({ state: 'approved', source: 'Relevés corrigés' }),
    ]);
  });

  it('lets staff record an approved value for a hand-typed laureate', async () => {
    const created = await post(
      admin.cookie,
      `/admin/impact/laureats/${handTyped}/indicateurs/nouveau`,
      `/admin/impact/laureats/${handTyped}/indicateurs`,
      {
        name: 'Stations ouvertes',
        unit: 'stations',
        direction: 'increase',
        is_public: 'on',
      },
    );
    expect(created.statusCode).toBe(303);
    const [indicator] = await db()
      .selectFrom('impact_indicators')
      .select('id')
      .where('laureate_id', '=', handTyped)
      .execute();
    const page = `/admin/impact/indicateurs/${indicator!.id}/valeurs/nouvelle`;
    const recorded = await postMultipart(admin.cookie, page, `/admin/impact/indicateurs/${indicator!.id}/valeurs`, {
      period_start: '2023-01-01',
      period_end: '2023-12-31',
      value: '5',
      action: 'record',
    });
    expect(recorded.statusCode).toBe(303);
    expect((await values(indicator!.id)).map((v) => v.state)).toEqual(['approved']);
    expect((await publicIndicators(db(), { laureateIds: [handTyped] }))[0]!.points.map((p) => p.value)).toEqual([5]);
    expect((await get(`/admin/impact/laureats/${handTyped}`, limited.cookie)).statusCode).toBe(404);
  });

  it('records testimonies with consent and a checked photo, publishes them and serves the photo only once published', async () => {
    const page = '/admin/impact/temoignages/nouveau';
    const action = '/admin/impact/temoignages';
    const base = {
      laureate_id: laureateA,
      quote: 'Ce compteur a changé nos habitudes.',
      author_name: 'Léa Martin',
      author_role: 'Habitante',
    };
    const missingConsent = await postMultipart(admin.cookie, page, action, {
      ...base,
      video_url: 'http://video.example.org/x',
    });
    expect(missingConsent.statusCode).toBe(400);
    expect(missingConsent.body).toContain('a donné son accord');
    expect(missingConsent.body).toContain('commençant par https://');
    expect(missingConsent.body).toContain('value="Léa Martin"');
    const wrongPhoto = await postMultipart(
      admin.cookie,
      page,
      action,
      { ...base, consent: 'on', photo_alt: 'Léa devant le compteur' },
      { field: 'photo', name: 'photo.pdf', type: 'application/pdf', data: PDF },
    );
    expect(wrongPhoto.statusCode).toBe(400);
    expect(wrongPhoto.body).toContain('JPEG, PNG ou WebP');
    const noAlt = await postMultipart(
      admin.cookie,
      page,
      action,
      { ...base, consent: 'on' },
      {
        field: 'photo',
        name: 'photo.png',
        type: 'image/png',
        data: TINY_PNG,
      },
    );
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Décrivez la photo');
    const tooLong = await postMultipart(admin.cookie, page, action, {
      ...base,
      consent: 'on',
      quote: 'x'.repeat(2001),
    });
    expect(tooLong.statusCode).toBe(400);
    // Another track's laureate is not among a limited member's choices.
    const foreign = await postMultipart(limited.cookie, page, action, { ...base, consent: 'on' });
    expect(foreign.statusCode).toBe(400);

    const ok = await postMultipart(
      admin.cookie,
      page,
      action,
      { ...base, consent: 'on', photo_alt: 'Léa devant le compteur', video_url: 'https://video.example.org/x' },
      { field: 'photo', name: 'photo.png', type: 'image/png', data: TINY_PNG },
    );
    expect(ok.statusCode).toBe(303);
    const row = await db()
      .selectFrom('impact_testimonies')
      .selectAll()
      .where('author_name', '=', 'Léa Martin')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ consent_version: 1, consent_recorded_by: admin.id, published_at: null });
    const photo = `/impact/temoignages/${row.id}/photo`;
    expect((await get(photo)).statusCode).toBe(404);
    const list = '/admin/impact/temoignages';
    expect((await post(admin.cookie, list, `${list}/${row.id}/publier`, {})).statusCode).toBe(303);
    const served = await get(photo);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect((await post(limited.cookie, list, `${list}/${row.id}/depublier`, {})).statusCode).toBe(404);
    expect((await post(admin.cookie, list, `${list}/${row.id}/depublier`, {})).statusCode).toBe(303);
    expect((await get(photo)).statusCode).toBe(404);
    expect((await post(admin.cookie, list, `${list}/${row.id}/supprimer`, {})).statusCode).toBe(303);
    expect(await db().selectFrom('impact_testimonies').select('id').where('id', '=', row.id).execute()).toEqual([]);
    expect(await db().selectFrom('files').select('id').where('id', '=', row.photo_file_id!).execute()).toEqual([]);

    // The team proposes one; staff publish it.
    const proposed = await postMultipart(A.owner.cookie, `${team(A)}/temoignages/nouveau`, `${team(A)}/temoignages`, {
      quote: 'Nous avons gagné du temps.',
      author_name: 'Paul Dumas',
      consent: 'on',
    });
    expect(proposed.statusCode).toBe(303);
    expect((await get(`${team(B)}/temoignages/nouveau`, A.owner.cookie)).statusCode).toBe(404);
    const mine = await db()
      .selectFrom('impact_testimonies')
      .selectAll()
      .where('author_name', '=', 'Paul Dumas')
      .executeTakeFirstOrThrow();
    expect(mine).toMatchObject({ laureate_id: laureateA, created_by: A.owner.id, published_at: null });
  });
});

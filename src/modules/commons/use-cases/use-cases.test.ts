import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, postForm, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { insertAdministration, insertUseCase, VALID_SIRETS } from '../testing.js';
import { type Space, seedSpace, useCaseFields } from './testing.js';

let t: TestApp;
let space: Space;
let member: SignedInUser;
let colleague: SignedInUser;
let outsider: SignedInUser;
let staff: SignedInUser;
let applicant: SignedInUser;
const db = () => t.app.services.db;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-05-04T10:00:00Z');
  member = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'agent');
  colleague = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'collegue');
  outsider = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'autre');
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe');
  applicant = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'porteur');
  space = await seedSpace(db(), t.clock, {
    membersA: [member.id, colleague.id],
    membersB: [outsider.id],
    maintainers: [],
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = (url: string, who?: SignedInUser) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

async function declare(fields: Record<string, string> = {}, who = member) {
  return postForm(t.app, who.cookie, '/cooperation/cas-d-usage/nouveau', '/cooperation/cas-d-usage/nouveau', {
    ...useCaseFields(space, fields),
  });
}

async function declared(fields: Record<string, string> = {}): Promise<string> {
  const response = await declare(fields);
  expect(response.statusCode, response.body).toBe(303);
  return String(response.headers.location).split('?')[0]!.split('/').pop()!;
}

const row = (id: string) => db().selectFrom('commons_use_cases').selectAll().where('id', '=', id).executeTakeFirst();
const auditOf = (action: string, subjectId: string) =>
  db()
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'summary'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .execute();

describe('declaring a use case', () => {
  it('is offered to members of an administration, with the commons prefilled from ?commun=', async () => {
    const slug = (
      await db().selectFrom('commons').select('slug').where('id', '=', space.umap).executeTakeFirstOrThrow()
    ).slug;
    const page = await get(`/cooperation/cas-d-usage/nouveau?commun=${slug}`, member);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`<option value="${space.umap}" selected`));
    // The hidden commons is not offered; the administration is fixed (the member belongs to one).
    expect(page.body).not.toContain(space.hiddenCommons);
    expect(page.body).toContain(`name="administration" value="${space.administrationA}"`);
    // Someone in no administration is told why; an applicant has no access; a visitor is sent to sign in.
    expect((await get('/cooperation/cas-d-usage/nouveau', staff)).statusCode).toBe(403);
    expect((await get('/cooperation/cas-d-usage/nouveau', applicant)).statusCode).toBe(403);
    const anonymous = await get('/cooperation/cas-d-usage/nouveau');
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toContain('/connexion?retour=');
  });

  it('is created with every field, audited, and shown on its page and in the list', async () => {
    const id = await declared();
    expect(await row(id)).toMatchObject({
      administration_id: space.administrationA,
      commons_id: space.umap,
      service_id: space.serviceA,
      status: 'production',
      abandon_reason: null,
      service_url: 'https://carte.rennes.example.fr/sport',
      territory: 'D35',
      started_on: '2025-03-01',
      ended_on: null,
      visibility: 'public',
      created_by: member.id,
      version: 1,
    });
    const events = await auditOf('commons.use-case-created', id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_id).toBe(member.id);
    const page = await get(`/cooperation/cas-d-usage/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Carte des équipements sportifs');
    expect(page.body).toContain('Direction du numérique');
    expect(page.body).toContain('Ille-et-Vilaine (35)');
    expect(page.body).toContain('Ce à quoi s’engage un référent');
    const list = await get('/cooperation/cas-d-usage');
    expect(list.body).toContain(`/cooperation/cas-d-usage/${id}"`);
    expect(list.body).toContain('type="application/atom+xml"');
  });

  it('refuses a commons that is hidden, a service of another administration and an administration one is not in', async () => {
    const response = await declare({
      commun: space.hiddenCommons,
      administration: space.administrationB,
      service: '00000000-0000-4000-8000-000000000000',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Choisissez une administration dont vous êtes membre.');
    expect(response.body).toContain('n’est pas (ou plus) dans le catalogue');
    expect(response.body).toContain('Ce service n’appartient pas à l’administration choisie.');
  });

  it('requires a reason to abandon, dates in order and an http(s) address, keeping what was typed', async () => {
    const abandoned = await declare({ status: 'abandoned', abandon_reason: '', title: 'Essai abandonné sans raison' });
    expect(abandoned.statusCode).toBe(400);
    expect(abandoned.body).toContain('Indiquez pourquoi le cas d’usage a été abandonné.');
    expect(abandoned.body).toContain('value="Essai abandonné sans raison"');
    const dates = await declare({ started_on: '2025-06-01', ended_on: '2025-05-31' });
    expect(dates.statusCode).toBe(400);
    expect(dates.body).toContain('La date de fin doit être égale ou postérieure à la date de début.');
    for (const url of ['javascript:alert(1)', '/chemin/local', 'ftp://exemple.fr', 'https://', 'http://localhost']) {
      const response = await declare({ service_url: url });
      expect(response.statusCode, url).toBe(400);
      expect(response.body).toContain('Saisissez une adresse web commençant par https:// ou http://');
    }
    const ok = await declared({ status: 'abandoned', abandon_reason: 'Le besoin a disparu.', ended_on: '2025-03-01' });
    expect(await row(ok)).toMatchObject({ status: 'abandoned', abandon_reason: 'Le besoin a disparu.' });
    expect((await get(`/cooperation/cas-d-usage/${ok}`)).body).toContain('Abandonné : Le besoin a disparu.');
  });
});

describe('editing a use case', () => {
  it('is for the members of its administration: another member of the space is refused, a visitor sent to sign in', async () => {
    const id = await declared({ title: 'Cas à modifier' });
    expect((await get(`/cooperation/cas-d-usage/${id}/modifier`, colleague)).statusCode).toBe(200);
    expect((await get(`/cooperation/cas-d-usage/${id}/modifier`, outsider)).statusCode).toBe(403);
    expect((await get(`/cooperation/cas-d-usage/${id}/modifier`, staff)).statusCode).toBe(403);
    expect((await get(`/cooperation/cas-d-usage/${id}/modifier`, applicant)).statusCode).toBe(403);
    const session = await formSession(t.app, outsider.cookie, '/cooperation/cas-d-usage/nouveau');
    const refused = await submitForm(t.app, session, `/cooperation/cas-d-usage/${id}/modifier`, {
      ...useCaseFields(space, { title: 'Pris par un autre' }),
      version: '1',
    });
    expect(refused.statusCode).toBe(403);
    expect((await row(id))!.title).toBe('Cas à modifier');
    // The edit page of a use case that does not exist, or of a malformed id, is a 404.
    expect(
      (await get('/cooperation/cas-d-usage/00000000-0000-4000-8000-000000000000/modifier', member)).statusCode,
    ).toBe(404);
    expect((await get('/cooperation/cas-d-usage/pas-un-id/modifier', member)).statusCode).toBe(404);
  });

  it('saves at the version read, and a stale version answers 409 with what was typed kept', async () => {
    const id = await declared({ title: 'Cas partagé' });
    const url = `/cooperation/cas-d-usage/${id}/modifier`;
    const mine = await formSession(t.app, member.cookie, url);
    const theirs = await formSession(t.app, colleague.cookie, url);
    const first = await submitForm(t.app, theirs, url, {
      ...useCaseFields(space, { title: 'Cas partagé (relu)' }),
      version: '1',
    });
    expect(first.statusCode).toBe(303);
    const second = await submitForm(t.app, mine, url, {
      ...useCaseFields(space, { title: 'Ma version du cas', status: 'experimentation' }),
      version: '1',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Quelqu’un a modifié cette fiche');
    expect(second.body).toContain('value="Ma version du cas"');
    expect(second.body).toContain('name="version" value="2"');
    expect(await row(id)).toMatchObject({ title: 'Cas partagé (relu)', version: 2 });
    // Saving again from the kept form replaces the current version, knowingly.
    const again = await submitForm(t.app, mine, url, {
      ...useCaseFields(space, { title: 'Ma version du cas', status: 'experimentation' }),
      version: '2',
    });
    expect(again.statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ title: 'Ma version du cas', status: 'experimentation', version: 3 });
    expect(await auditOf('commons.use-case-updated', id)).toHaveLength(2);
  });
});

describe('contributions back to the commons', () => {
  it('are added with an amount in euros for funding only, shown, and removed, each audited', async () => {
    const id = await declared({ title: 'Cas avec contributions' });
    const url = `/cooperation/cas-d-usage/${id}/modifier`;
    const add = (fields: Record<string, string>) =>
      postForm(t.app, member.cookie, url, `/cooperation/cas-d-usage/${id}/contributions`, fields);
    const noAmount = await add({ kind: 'funding', contribution_description: 'Financement du module', amount: '' });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.body).toContain('Indiquez le montant du financement en euros.');
    const amountOnCode = await add({ kind: 'code', contribution_description: 'Correctifs', amount: '100' });
    expect(amountOnCode.statusCode).toBe(400);
    expect(amountOnCode.body).toContain('Un montant ne s’indique que pour un financement.');
    const badAmount = await add({ kind: 'funding', contribution_description: 'x', amount: '12,345' });
    expect(badAmount.statusCode).toBe(400);
    const future = await add({ kind: 'code', contribution_description: 'Plus tard', occurred_on: '2030-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Cette date n’est pas encore arrivée.');
    const funding = await add({
      kind: 'funding',
      contribution_description: 'Financement de l’export des cartes',
      amount: '15 000,50',
      occurred_on: '2026-02-10',
    });
    expect(funding.statusCode).toBe(303);
    const code = await add({ kind: 'code', contribution_description: 'Traduction en breton', amount: '' });
    expect(code.statusCode).toBe(303);
    const rows = await db()
      .selectFrom('commons_contributions')
      .selectAll()
      .where('use_case_id', '=', id)
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => [r.kind, r.amount_cents === null ? null : Number(r.amount_cents), r.occurred_on])).toEqual([
      ['funding', 1_500_050, '2026-02-10'],
      ['code', null, null],
    ]);
    const page = await get(`/cooperation/cas-d-usage/${id}`);
    expect(page.body).toContain('Financement de l’export des cartes');
    expect(page.body).toMatch(/15\s000,50\s€/);
    // Only the administration's members remove one; a wrong pair of ids is a 404.
    const removeUrl = `/cooperation/cas-d-usage/${id}/contributions/${rows[1]!.id}/supprimer`;
    const outsiderSession = await formSession(t.app, outsider.cookie, '/cooperation/cas-d-usage/nouveau');
    expect((await submitForm(t.app, outsiderSession, removeUrl, {})).statusCode).toBe(403);
    const other = await declared({ title: 'Autre cas' });
    const session = await formSession(t.app, member.cookie, url);
    expect(
      (await submitForm(t.app, session, `/cooperation/cas-d-usage/${other}/contributions/${rows[1]!.id}/supprimer`, {}))
        .statusCode,
    ).toBe(404);
    expect((await submitForm(t.app, session, removeUrl, {})).statusCode).toBe(303);
    expect(
      await db().selectFrom('commons_contributions').select('id').where('use_case_id', '=', id).execute(),
    ).toHaveLength(1);
    expect(await auditOf('commons.contribution-added', id)).toHaveLength(2);
    expect(await auditOf('commons.contribution-removed', id)).toHaveLength(1);
  });
});

describe('referents', () => {
  it('accept the commitment by ticking it, with or without expertise; the public sees a count, members the names', async () => {
    const id = await declared({ title: 'Cas avec référents' });
    const url = `/cooperation/cas-d-usage/${id}/referent`;
    const form = await get(url, member);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ce à quoi s’engage un référent');
    expect(form.body).toContain('Un référent ne s’engage pas à');
    const unticked = await postForm(t.app, member.cookie, url, url, { expert: 'on' });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain('Cochez cette case pour confirmer');
    expect(
      await db().selectFrom('commons_referents').select('user_id').where('use_case_id', '=', id).execute(),
    ).toEqual([]);
    const accepted = await postForm(t.app, member.cookie, url, url, { engagement: 'on', expert: 'on' });
    expect(accepted.statusCode).toBe(303);
    const stored = await db().selectFrom('commons_referents').selectAll().where('use_case_id', '=', id).execute();
    expect(stored).toMatchObject([{ user_id: member.id, is_expert: true, commitment_version: 1 }]);
    expect(await auditOf('commons.referent-accepted', id)).toHaveLength(1);

    const publicPage = await get(`/cooperation/cas-d-usage/${id}`);
    expect(publicPage.body).toContain('1 référent accepte d’être contacté au sujet de ce cas d’usage.');
    expect(publicPage.body).toContain('/contacter"');
    expect(publicPage.body).not.toContain('agent Test');
    const memberPage = await get(`/cooperation/cas-d-usage/${id}`, outsider);
    expect(memberPage.body).toContain('agent Test');
    expect(memberPage.body).toContain('Expert du commun');

    // Only members of the use case's administration may be referents.
    expect((await get(url, outsider)).statusCode).toBe(403);
    // Withdrawing.
    const withdrawn = await postForm(t.app, member.cookie, url, url, { action: 'retirer' });
    expect(withdrawn.statusCode).toBe(303);
    expect(
      await db().selectFrom('commons_referents').select('user_id').where('use_case_id', '=', id).execute(),
    ).toEqual([]);
    expect((await get(`/cooperation/cas-d-usage/${id}`)).body).toContain('Aucun référent');
  });
});

describe('who sees what', () => {
  it('members-only use cases: 404 to visitors and applicants, shown to members of the space and staff, kept out of lists and feed', async () => {
    const id = await declared({ title: 'Cas réservé aux membres', visibility: 'members' });
    for (const who of [undefined, applicant]) {
      expect((await get(`/cooperation/cas-d-usage/${id}`, who)).statusCode).toBe(404);
      expect((await get('/cooperation/cas-d-usage', who)).body).not.toContain('Cas réservé aux membres');
    }
    for (const who of [outsider, staff]) {
      const page = await get(`/cooperation/cas-d-usage/${id}`, who);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Réservé aux membres');
      expect((await get('/cooperation/cas-d-usage', who)).body).toContain('Cas réservé aux membres');
    }
    expect((await get('/cooperation/cas-d-usage.atom', staff)).body).not.toContain('Cas réservé aux membres');
  });

  it('hidden use cases (or of a hidden administration): 404 to all but staff, who read why', async () => {
    const id = await declared({ title: 'Cas masqué' });
    await db()
      .updateTable('commons_use_cases')
      .set({ hidden: true, hidden_reason: 'Doublon' })
      .where('id', '=', id)
      .execute();
    for (const who of [undefined, member, outsider])
      expect((await get(`/cooperation/cas-d-usage/${id}`, who)).statusCode).toBe(404);
    const seen = await get(`/cooperation/cas-d-usage/${id}`, staff);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('masquée par la modération');
    expect(seen.body).toContain('Motif : Doublon');
    expect((await get(`/cooperation/cas-d-usage/${id}/modifier`, member)).statusCode).toBe(404);
    expect((await get('/cooperation/cas-d-usage', staff)).body).not.toContain('Cas masqué');
    const hiddenAdministration = await insertAdministration(db(), t.clock.now(), {
      name: 'Administration masquée',
      siret: VALID_SIRETS[2],
      hidden: true,
    });
    const ofHidden = await insertUseCase(db(), t.clock.now(), {
      administrationId: hiddenAdministration,
      commonsId: space.umap,
      title: 'Cas d’une administration masquée',
    });
    expect((await get(`/cooperation/cas-d-usage/${ofHidden}`)).statusCode).toBe(404);
    expect((await get('/cooperation/cas-d-usage')).body).not.toContain('Cas d’une administration masquée');
    expect((await get(`/cooperation/cas-d-usage/${ofHidden}`, staff)).statusCode).toBe(200);
  });

  it('filters by status, kind and category of the commons, territory (a region takes in its départements) and French search', async () => {
    await insertUseCase(db(), t.clock.now(), {
      administrationId: space.administrationB,
      commonsId: space.openFoodFacts,
      title: 'Données nutritionnelles des cantines',
      description: 'Les écoles publient la composition des repas.',
      status: 'experimentation',
    });
    await db()
      .updateTable('commons_use_cases')
      .set({ territory: 'D69' })
      .where('title', '=', 'Données nutritionnelles des cantines')
      .execute();
    const list = async (query: string) => (await get(`/cooperation/cas-d-usage?${query}`)).body;
    const canteen = 'Données nutritionnelles des cantines';
    expect(await list('statut=experimentation')).toContain(canteen);
    expect(await list('statut=production')).not.toContain(canteen);
    expect(await list('type=data')).toContain(canteen);
    expect(await list('type=software')).not.toContain(canteen);
    expect(await list('categorie=alimentation')).toContain(canteen);
    expect(await list('categorie=cartographie')).not.toContain(canteen);
    expect(await list('territoire=R84')).toContain(canteen);
    expect(await list('territoire=R53')).not.toContain(canteen);
    expect(await list('territoire=R53')).toContain('Carte des équipements sportifs');
    expect(await list('q=donnees%20ECOLE')).toContain(canteen);
    expect(await list('q=cantine')).toContain(canteen);
    expect(await list('q=rennes')).not.toContain(canteen);
    // Unknown filter values are ignored, never an error.
    const odd = await get('/cooperation/cas-d-usage?statut=%3Cb%3E&type=x&categorie=y&territoire=Z&page=-4');
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain(canteen);
  });
});

describe('hostile input', () => {
  it('never answers 5xx: NUL bytes, lists instead of texts, very long texts, HTML', async () => {
    const url = '/cooperation/cas-d-usage/nouveau';
    const session = await formSession(t.app, member.cookie, url);
    const attempts: Record<string, string | string[]>[] = [
      { ...useCaseFields(space), title: 'a\u0000b' },
      { ...useCaseFields(space), title: ['un', 'deux'], status: ['production', 'abandoned'] },
      { ...useCaseFields(space), description: 'x'.repeat(100_000) },
      { ...useCaseFields(space), started_on: '2025-02-30', ended_on: '99999-01-01' },
      { ...useCaseFields(space), administration: '\u{1F600}', commun: "' or 1=1 --", territory: 'FR; drop' },
      {},
    ];
    for (const fields of attempts) {
      const response = await submitForm(t.app, session, url, fields);
      expect(response.statusCode, JSON.stringify(fields).slice(0, 80)).toBeLessThan(500);
      expect([400, 303]).toContain(response.statusCode);
    }
    const id = await declared({ title: '<script>alert(1)</script>', description: '<img src=x onerror=alert(1)>' });
    const page = await get(`/cooperation/cas-d-usage/${id}`);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    const json = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ _csrf: session.csrf, title: { a: 1 } }),
    });
    expect(json.statusCode).toBeLessThan(500);
  });
});

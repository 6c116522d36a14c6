import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, postForm, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { insertNeed } from '../testing.js';
import { type Space, seedSpace } from './testing.js';

let t: TestApp;
let space: Space;
let agent: SignedInUser;
let colleague: SignedInUser;
let maintainer: SignedInUser;
let outsider: SignedInUser;
let staff: SignedInUser;
const db = () => t.app.services.db;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-05-04T10:00:00Z');
  agent = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'agent');
  colleague = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'collegue');
  maintainer = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'mainteneur');
  outsider = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'autre');
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe');
  space = await seedSpace(db(), t.clock, {
    membersA: [agent.id, colleague.id],
    membersB: [outsider.id],
    maintainers: [maintainer.id],
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = (url: string, who?: SignedInUser) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const row = (id: string) => db().selectFrom('commons_needs').selectAll().where('id', '=', id).executeTakeFirst();
const idFrom = (location: unknown) => String(location).split('?')[0]!.split('/').pop()!;

const PROBLEM = {
  title: 'Informer les habitants des coupures d’eau',
  description: 'Les habitants apprennent trop tard les coupures d’eau programmées dans leur quartier.',
  context: 'Nous envoyons aujourd’hui des courriers papier.',
  territory: 'D35',
  lever: 'experimentations',
  deadline: '2026-09-30',
  visibility: 'public',
};

async function postProblem(fields: Record<string, string> = {}, who = agent) {
  const url = '/cooperation/besoins/nouveau?cote=administration';
  return postForm(t.app, who.cookie, url, url, { administration: space.administrationA, ...PROBLEM, ...fields });
}

async function postForCommons(fields: Record<string, string> = {}, who = maintainer) {
  const url = '/cooperation/besoins/nouveau?cote=commun';
  return postForm(t.app, who.cookie, url, url, {
    commun: space.umap,
    kind: 'offer',
    category: 'hosting',
    title: 'Hébergement d’instances pour les collectivités',
    description: 'Nous offrons l’hébergement d’une instance aux petites communes.',
    context: '',
    territory: 'FR',
    lever: '',
    deadline: '',
    visibility: 'public',
    ...fields,
  });
}

describe('posting a need or an offer', () => {
  it('an administration’s member posts a problem; the page links to suggestions and to its authors', async () => {
    const response = await postProblem();
    expect(response.statusCode, response.body).toBe(303);
    const id = idFrom(response.headers.location);
    expect(await row(id)).toMatchObject({
      side: 'administration',
      kind: 'need',
      category: 'problem',
      administration_id: space.administrationA,
      commons_id: null,
      territory: 'D35',
      lever: 'experimentations',
      deadline: '2026-09-30',
      created_by: agent.id,
      closed_at: null,
    });
    const page = await get(`/cooperation/besoins/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/cooperation/besoins/${id}/suggestions"`);
    expect(page.body).toContain(`/cooperation/besoins/${id}/contacter"`);
    expect(page.body).toContain('Expérimentations locales avec l’État');
    expect(page.body).not.toContain(`/cooperation/besoins/${id}/modifier"`);
    expect((await get(`/cooperation/besoins/${id}`, colleague)).body).toContain(`/cooperation/besoins/${id}/modifier"`);
    const audit = await db()
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'commons.need-created')
      .where('subject_id', '=', id)
      .execute();
    expect(audit).toEqual([{ actor_id: agent.id }]);
  });

  it('a commons’ maintainer posts an offer of one of the commons’ categories', async () => {
    const response = await postForCommons();
    expect(response.statusCode, response.body).toBe(303);
    expect(await row(idFrom(response.headers.location))).toMatchObject({
      side: 'commons',
      kind: 'offer',
      category: 'hosting',
      commons_id: space.umap,
      administration_id: null,
    });
    // A commons' need is not a 'problem'; one may not post for a commons one does not maintain.
    const problem = await postForCommons({ category: 'problem' });
    expect(problem.statusCode).toBe(400);
    expect((await get('/cooperation/besoins/nouveau?cote=commun', agent)).statusCode).toBe(403);
    const notMine = await postForCommons({ commun: space.openFoodFacts });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.body).toContain('Choisissez un commun dont vous êtes mainteneur');
  });

  it('without ?cote the form takes the side the person can post for', async () => {
    const page = await get('/cooperation/besoins/nouveau', maintainer);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Publier un besoin ou une offre de commun');
    expect((await get('/cooperation/besoins/nouveau', agent)).body).toContain('Publier un besoin d’administration');
    expect((await get('/cooperation/besoins/nouveau', staff)).statusCode).toBe(403);
  });

  it('refuses a past deadline, an unknown lever or territory, and keeps what was typed', async () => {
    const response = await postProblem({
      deadline: '2026-05-03',
      lever: 'inconnu',
      territory: 'R99',
      title: 'Titre gardé',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('L’échéance ne peut pas être déjà passée.');
    expect(response.body).toContain('value="Titre gardé"');
    expect(response.body.match(/Choisissez une des valeurs proposées/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('editing, closing and reopening', () => {
  it('edits at the version read; a stale version answers 409 keeping the input; others are refused', async () => {
    const id = idFrom((await postProblem({ title: 'Besoin partagé' })).headers.location);
    const url = `/cooperation/besoins/${id}/modifier`;
    expect((await get(url, outsider)).statusCode).toBe(403);
    expect((await get(url, maintainer)).statusCode).toBe(403);
    const mine = await formSession(t.app, agent.cookie, url);
    const theirs = await formSession(t.app, colleague.cookie, url);
    const fields = { administration: space.administrationA, ...PROBLEM };
    expect((await submitForm(t.app, theirs, url, { ...fields, title: 'Besoin relu', version: '1' })).statusCode).toBe(
      303,
    );
    const stale = await submitForm(t.app, mine, url, { ...fields, title: 'Ma version', version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="Ma version"');
    expect(stale.body).toContain('name="version" value="2"');
    expect(await row(id)).toMatchObject({ title: 'Besoin relu', version: 2 });
  });

  it('closes with what came of it (a note required), then reopens; a closed need is not edited', async () => {
    const id = idFrom((await postProblem({ title: 'Besoin à clore' })).headers.location);
    const url = `/cooperation/besoins/${id}/cloture`;
    const noNote = await postForm(t.app, agent.cookie, url, url, { outcome: 'met', outcome_note: '', version: '1' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Ce champ est obligatoire.');
    const wrong = await postForm(t.app, agent.cookie, url, url, { outcome: 'fini', outcome_note: 'x', version: '1' });
    expect(wrong.statusCode).toBe(400);
    const closed = await postForm(t.app, agent.cookie, url, url, {
      outcome: 'partly_met',
      outcome_note: 'Un commun de cartographie répond en partie.',
      version: '1',
    });
    expect(closed.statusCode).toBe(303);
    const stored = await row(id);
    expect(stored).toMatchObject({
      outcome: 'partly_met',
      outcome_note: 'Un commun de cartographie répond en partie.',
    });
    expect(stored!.closed_at).not.toBeNull();
    const page = await get(`/cooperation/besoins/${id}`);
    expect(page.body).toContain('Partiellement satisfait');
    expect(page.body).not.toContain(`/cooperation/besoins/${id}/contacter"`);
    expect((await get('/cooperation/besoins')).body).not.toContain('Besoin à clore');
    expect((await get('/cooperation/besoins?etat=clos')).body).toContain('Besoin à clore');
    expect((await get('/cooperation/besoins?etat=tous')).body).toContain('Besoin à clore');
    expect((await get(`/cooperation/besoins/${id}/modifier`, agent)).statusCode).toBe(409);
    expect((await get(url, agent)).statusCode).toBe(409);
    // Reopening: only its authors; it comes back open, without an outcome.
    const session = await formSession(t.app, outsider.cookie, '/cooperation/besoins/nouveau');
    expect((await submitForm(t.app, session, `/cooperation/besoins/${id}/reouverture`, {})).statusCode).toBe(403);
    const mine = await formSession(t.app, agent.cookie, `/cooperation/besoins/${id}`);
    expect((await submitForm(t.app, mine, `/cooperation/besoins/${id}/reouverture`, {})).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ closed_at: null, outcome: null, outcome_note: null });
    const actions = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'commons.need-created',
      'commons.need-closed',
      'commons.need-reopened',
    ]);
  });
});

describe('the list', () => {
  it('filters by side, kind, category, lever, territory and French search; shows only what one may see', async () => {
    const now = t.clock.now();
    await insertNeed(db(), now, {
      side: 'commons',
      ownerId: space.openFoodFacts,
      title: 'Recherche de testeurs pour l’étiquetage',
      kind: 'need',
      category: 'testers',
      lever: 'reseaux',
      territory: 'D69',
    });
    await insertNeed(db(), now, {
      side: 'administration',
      ownerId: space.administrationB,
      title: 'Besoin réservé aux membres',
      visibility: 'members',
    });
    const hidden = await insertNeed(db(), now, {
      side: 'administration',
      ownerId: space.administrationB,
      title: 'Besoin masqué',
    });
    await db()
      .updateTable('commons_needs')
      .set({ hidden: true, hidden_reason: 'Hors sujet' })
      .where('id', '=', hidden)
      .execute();
    const list = async (query: string, who?: SignedInUser) => (await get(`/cooperation/besoins?${query}`, who)).body;
    const testers = 'Recherche de testeurs pour l’étiquetage';
    expect(await list('cote=commun')).toContain(testers);
    expect(await list('cote=administration')).not.toContain(testers);
    expect(await list('type=besoin')).toContain(testers);
    expect(await list('type=offre')).not.toContain(testers);
    expect(await list('categorie=testers')).toContain(testers);
    expect(await list('categorie=hosting')).not.toContain(testers);
    expect(await list('levier=reseaux')).toContain(testers);
    expect(await list('levier=coaching')).not.toContain(testers);
    expect(await list('territoire=R84')).toContain(testers);
    expect(await list('territoire=R53')).not.toContain(testers);
    expect(await list('q=ETIQUETAGE%20testeur')).toContain(testers);
    expect(await list('q=etiquetage%20cantine')).not.toContain(testers);
    expect(await list('')).not.toContain('Besoin réservé aux membres');
    expect(await list('', outsider)).toContain('Besoin réservé aux membres');
    expect(await list('', staff)).not.toContain('Besoin masqué');
    expect((await get(`/cooperation/besoins/${hidden}`, agent)).statusCode).toBe(404);
    const seen = await get(`/cooperation/besoins/${hidden}`, staff);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('Motif : Hors sujet');
    // Buttons to post are offered to who may post.
    expect(await list('', agent)).toContain('/cooperation/besoins/nouveau?cote=administration');
    expect(await list('', agent)).not.toContain('/cooperation/besoins/nouveau?cote=commun');
    expect(await list('', maintainer)).toContain('/cooperation/besoins/nouveau?cote=commun');
    expect(await list('')).not.toContain('/cooperation/besoins/nouveau');
    expect((await get('/cooperation/besoins?etat=%3Cx%3E&cote=%00&page=999999')).statusCode).toBeLessThan(500);
  });
});

describe('hostile input', () => {
  it('never answers 5xx', async () => {
    const url = '/cooperation/besoins/nouveau?cote=administration';
    const session = await formSession(t.app, agent.cookie, url);
    for (const fields of [
      { administration: ['a', 'b'], title: 'x'.repeat(50_000), deadline: '2026-13-45' },
      { administration: space.administrationA, ...PROBLEM, description: 'a\u0000b' },
      { administration: space.administrationA, ...PROBLEM, visibility: 'secret', lever: ['a'] },
      {},
    ] as Record<string, string | string[]>[]) {
      const response = await submitForm(t.app, session, url, fields);
      expect(response.statusCode).toBe(400);
    }
    const id = idFrom((await postProblem({ title: 'Besoin pour les versions' })).headers.location);
    const close = await formSession(t.app, agent.cookie, `/cooperation/besoins/${id}/cloture`);
    for (const version of ['', 'abc', '-1', '99999999999999999999'])
      expect(
        (
          await submitForm(t.app, close, `/cooperation/besoins/${id}/cloture`, {
            outcome: 'met',
            outcome_note: 'x',
            version,
          })
        ).statusCode,
      ).toBe(409);
  });
});

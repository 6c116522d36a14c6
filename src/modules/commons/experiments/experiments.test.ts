import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FormFields, formSession, multipartBody, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { insertAdministration, insertCommons, VALID_SIRETS } from '../testing.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const BASE = '/cooperation/experimentations';

/** Experiments through HTTP on the real database: who sees and edits what, the milestone cycle, documents, people. */
describe('cooperation experiments', () => {
  let t: TestApp;
  let agent: SignedInUser; // member of administration A
  let maintainer: SignedInUser; // maintainer of the commons
  let outsider: SignedInUser; // partner, member of administration B only
  let staff: SignedInUser;
  let applicant: SignedInUser;
  let adminA: string;
  let adminB: string;
  let commonsId: string;
  let publicId: string;
  let membersId: string;

  const db = () => t.app.services.db;
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  /** Posts a form as this person, with a CSRF token taken from a page they may open. */
  const post = async (who: SignedInUser, url: string, fields: FormFields, page = '/compte') =>
    submitForm(t.app, await formSession(t.app, who.cookie, page), url, fields);
  const locationId = (response: LightMyRequestResponse) =>
    /\/cooperation\/experimentations\/([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1] ?? '';
  const experimentFields = (extra: FormFields = {}): FormFields => ({
    title: 'Tester le commun avec nos services',
    commons: commonsId,
    administrations: [adminA],
    goal: 'Savoir en douze mois si le commun répond au besoin.',
    territory: 'D33',
    starts_on: '2026-01-05',
    ends_on: '2027-01-05',
    status: 'running',
    outcome: '',
    visibility: 'public',
    ...extra,
  });
  const auditActions = async (id: string) =>
    (await db().selectFrom('audit_events').select('action').where('subject_id', '=', id).orderBy('seq').execute()).map(
      (e) => e.action,
    );
  const milestones = (id: string) =>
    db()
      .selectFrom('commons_experiment_milestones')
      .selectAll()
      .where('experiment_id', '=', id)
      .orderBy('position')
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T09:00:00Z');
    const now = t.clock.now();
    agent = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'agent');
    maintainer = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'mainteneur');
    outsider = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'autre');
    staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe');
    applicant = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'candidat');
    adminA = await insertAdministration(db(), now, {
      name: 'Préfecture test A',
      siret: VALID_SIRETS[0],
      members: [agent.id],
    });
    adminB = await insertAdministration(db(), now, {
      name: 'Mairie test B',
      siret: VALID_SIRETS[1],
      members: [outsider.id],
    });
    commonsId = await insertCommons(db(), now, { name: 'Commun expérimenté', maintainers: [maintainer.id] });
  }, 120_000);
  afterAll(() => t.close());

  it('lets a member of an administration create an experiment with a commons, audited', async () => {
    const form = await get(`${BASE}/nouvelle`, agent.cookie);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<span>Préfecture test A</span><span> (votre administration)</span>');
    const created = await post(agent, `${BASE}/nouvelle`, experimentFields(), `${BASE}/nouvelle`);
    expect(created.statusCode).toBe(303);
    publicId = locationId(created);
    expect(String(created.headers.location)).toBe(`${BASE}/${publicId}?ok=created`);
    const page = await get(`${BASE}/${publicId}?ok=created`, agent.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('L’expérimentation est créée.');
    expect(page.body).toContain('Tester le commun avec nos services');
    expect(page.body).toContain('Gironde (33)');
    expect(await auditActions(publicId)).toEqual(['commons.experiment-created']);
    const members = await post(
      agent,
      `${BASE}/nouvelle`,
      experimentFields({ title: 'Réservée', visibility: 'members' }),
      `${BASE}/nouvelle`,
    );
    membersId = locationId(members);
    expect(members.statusCode).toBe(303);
  });

  it('refuses a creator who is a member of none of the chosen administrations, and explains how to join one', async () => {
    const refused = await post(outsider, `${BASE}/nouvelle`, experimentFields(), `${BASE}/nouvelle`);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Vous devez être membre d’au moins une des administrations choisies.');
    expect(refused.body).toContain('value="Tester le commun avec nos services"');
    const lonely = await get(`${BASE}/nouvelle`, applicant.cookie);
    expect(lonely.statusCode).toBe(200);
    expect(lonely.body).toContain('Vous n’êtes membre d’aucune administration');
    expect((await get(`${BASE}/nouvelle`)).statusCode).toBe(303);
    // Staff create with any administrations.
    const byStaff = await post(
      staff,
      `${BASE}/nouvelle`,
      experimentFields({ administrations: [adminB] }),
      `${BASE}/nouvelle`,
    );
    expect(byStaff.statusCode).toBe(303);
  });

  it('answers field errors in French and English, keeping what was typed', async () => {
    const empty = await post(
      agent,
      `${BASE}/nouvelle`,
      { title: '', goal: '', administrations: [] },
      `${BASE}/nouvelle`,
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Ce champ est obligatoire.');
    expect(empty.body).toContain('Choisissez au moins une administration.');
    const finished = await post(
      agent,
      `${BASE}/nouvelle`,
      experimentFields({ status: 'finished', ends_on: '2025-01-01' }),
      `${BASE}/nouvelle`,
    );
    expect(finished.statusCode).toBe(400);
    expect(finished.body).toContain('Écrivez le bilan pour terminer ou arrêter l’expérimentation.');
    expect(finished.body).toContain('La date de fin doit suivre la date de début.');
    const session = await formSession(t.app, `${agent.cookie}; lang=en`, `${BASE}/nouvelle`);
    const english = await t.app.inject({
      method: 'POST',
      url: `${BASE}/nouvelle`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrf, title: '' }).toString(),
    });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('This field is required.');
    expect(english.body).toContain('Choose at least one administration.');
  });

  it('shows a members-only experiment to members of the space and staff only; 404 to anyone else', async () => {
    expect((await get(`${BASE}/${publicId}`)).statusCode).toBe(200);
    expect((await get(`${BASE}/${membersId}`)).statusCode).toBe(404);
    expect((await get(`${BASE}/${membersId}`, applicant.cookie)).statusCode).toBe(404);
    expect((await get(`${BASE}/${membersId}`, outsider.cookie)).statusCode).toBe(200);
    expect((await get(`${BASE}/${membersId}`, staff.cookie)).statusCode).toBe(200);
    const anonymousList = await get(BASE);
    expect(anonymousList.body).toContain(`${BASE}/${publicId}`);
    expect(anonymousList.body).not.toContain(membersId);
    expect((await get(BASE, outsider.cookie)).body).toContain(membersId);
    expect((await get(`${BASE}/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await get(`${BASE}/pas-un-uuid`)).statusCode).toBe(404);
    // The space's home counts it among running experiments only when public.
    const home = await get('/cooperation');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('expérimentations en cours');
  });

  it('lets parties and staff edit, nobody else (404), with optimistic concurrency', async () => {
    expect((await get(`${BASE}/${publicId}/modifier`, outsider.cookie)).statusCode).toBe(404);
    expect((await get(`${BASE}/${publicId}/modifier`, applicant.cookie)).statusCode).toBe(404);
    expect((await get(`${BASE}/${publicId}/modifier`)).statusCode).toBe(303);
    const page = `${BASE}/${publicId}/modifier`;
    const form = await get(page, maintainer.cookie);
    expect(form.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const fields = experimentFields({ title: 'Titre revu par le mainteneur', version });
    const saved = await post(maintainer, page, fields, page);
    expect(saved.statusCode).toBe(303);
    expect(String(saved.headers.location)).toBe(`${BASE}/${publicId}?ok=saved`);
    // A second save from the same, now stale, form.
    const stale = await post(agent, page, { ...fields, title: 'Titre concurrent' }, page);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Quelqu’un d’autre a modifié l’expérimentation');
    expect(stale.body).toContain('value="Titre concurrent"');
    const outsiderPost = await post(outsider, page, { ...fields, version: '2' });
    expect(outsiderPost.statusCode).toBe(404);
    // A party may not leave the experiment by removing their own administration.
    const leave = await post(agent, page, experimentFields({ administrations: [adminB], version: '2' }), page);
    expect(leave.statusCode).toBe(422);
    expect(leave.body).toContain('vous ne seriez plus partie prenante');
    // Finishing requires an outcome.
    const noOutcome = await post(agent, page, experimentFields({ status: 'finished', version: '2' }), page);
    expect(noOutcome.statusCode).toBe(400);
    const row = await db()
      .selectFrom('commons_experiments')
      .selectAll()
      .where('id', '=', publicId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: 'Titre revu par le mainteneur', version: 2, status: 'running' });
    expect(await auditActions(publicId)).toEqual(['commons.experiment-created', 'commons.experiment-updated']);
  });

  it('follows milestones like a laureate’s: parties move them up to submitted, staff validate or return them', async () => {
    const page = `${BASE}/${publicId}`;
    const added = await post(agent, `${page}/jalons`, { 'title-new': 'Premier jalon', 'due-new': '2026-06-01' }, page);
    expect(added.statusCode).toBe(303);
    const [first] = await milestones(publicId);
    expect(first).toMatchObject({ title: 'Premier jalon', state: 'upcoming', position: 1 });
    const m = `${page}/jalons/${first!.id}`;
    // Staff review, they do not move milestones; a non-party is answered 404.
    expect((await post(staff, `${m}/etat`, { move: 'start' }, page)).statusCode).toBe(404);
    expect((await post(outsider, `${m}/etat`, { move: 'start' })).statusCode).toBe(404);
    expect((await post(agent, `${m}/etat`, { move: 'start' }, page)).statusCode).toBe(303);
    expect((await post(maintainer, `${m}/etat`, { move: 'submit' }, page)).statusCode).toBe(303);
    const twice = await post(agent, `${m}/etat`, { move: 'submit' }, page);
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Ce jalon a changé entre-temps');
    // Only staff review (the permission), and a return needs a comment.
    expect((await post(agent, `${m}/examen`, { verdict: 'validate' }, page)).statusCode).toBe(403);
    const noComment = await post(staff, `${m}/examen`, { verdict: 'return' }, page);
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain('Écrivez un commentaire pour dire ce qui est à revoir.');
    const returned = await post(
      staff,
      `${m}/examen`,
      { verdict: 'return', [`comment-${first!.id}`]: 'Ajoutez les chiffres.' },
      page,
    );
    expect(returned.statusCode).toBe(303);
    expect((await milestones(publicId))[0]).toMatchObject({ state: 'returned', comment: 'Ajoutez les chiffres.' });
    // The parties are told (no one is listed among the people yet: every party).
    const mails = await db()
      .selectFrom('mails')
      .select(['to_address', 'text_body'])
      .where('template', '=', 'commons.experiment-milestone-returned')
      .execute();
    expect(mails.map((x) => x.to_address).sort()).toEqual([agent.email, maintainer.email].sort());
    expect(mails[0]!.text_body).toContain('Ajoutez les chiffres.');
    const shown = await get(page, agent.cookie);
    expect(shown.body).toContain('À revoir');
    expect(shown.body).toContain('Ajoutez les chiffres.');
    expect((await post(agent, `${m}/etat`, { move: 'submit' }, page)).statusCode).toBe(303);
    expect((await post(staff, `${m}/examen`, { verdict: 'validate' }, page)).statusCode).toBe(303);
    expect((await milestones(publicId))[0]!.state).toBe('validated');
    expect((await get(page)).body).toMatch(/Avancement : 100 % \(jalons validés : (\d+) sur \1\)/);
    // A validated milestone is no longer edited or removed.
    expect((await post(agent, m, { [`title-${first!.id}`]: 'Autre' }, page)).statusCode).toBe(409);
    expect((await post(agent, `${m}/retirer`, {}, page)).statusCode).toBe(409);
    expect(await auditActions(publicId)).toEqual(
      expect.arrayContaining([
        'commons.experiment-milestone-added',
        'commons.experiment-milestone-started',
        'commons.experiment-milestone-submitted',
        'commons.experiment-milestone-returned',
        'commons.experiment-milestone-validated',
      ]),
    );
    // A second milestone, edited then removed.
    await post(agent, `${page}/jalons`, { 'title-new': 'Second jalon' }, page);
    const second = (await milestones(publicId))[1]!;
    const edited = await post(
      maintainer,
      `${page}/jalons/${second.id}`,
      { [`title-${second.id}`]: 'Second jalon revu' },
      page,
    );
    expect(edited.statusCode).toBe(303);
    const noTitle = await post(maintainer, `${page}/jalons/${second.id}`, { [`title-${second.id}`]: '' }, page);
    expect(noTitle.statusCode).toBe(400);
    expect((await post(agent, `${page}/jalons/${second.id}/retirer`, {}, page)).statusCode).toBe(303);
    expect(await milestones(publicId)).toHaveLength(1);
  });

  it('freezes the milestones once the experiment is finished with its outcome', async () => {
    const page = `${BASE}/${membersId}`;
    await post(agent, `${page}/jalons`, { 'title-new': 'Jalon de la réservée' }, page);
    const [ms] = await milestones(membersId);
    const edit = `${page}/modifier`;
    const finished = await post(
      agent,
      edit,
      experimentFields({
        title: 'Réservée',
        visibility: 'members',
        status: 'finished',
        outcome: 'Concluant.',
        version: '1',
      }),
      edit,
    );
    expect(finished.statusCode).toBe(303);
    const moved = await post(agent, `${page}/jalons/${ms!.id}/etat`, { move: 'start' }, page);
    expect(moved.statusCode).toBe(409);
    expect(moved.body).toContain('ses jalons ne bougent plus');
    expect((await get(page, agent.cookie)).body).toContain('Concluant.');
  });

  it('stores checked documents through the files service, served only to who may see the experiment', async () => {
    const page = `${BASE}/${publicId}`;
    const upload = async (
      who: SignedInUser,
      id: string,
      file?: { name: string; data: Buffer },
      title = 'Compte rendu',
    ) => {
      const session = await formSession(t.app, who.cookie, `${BASE}/${id}`).catch(() =>
        formSession(t.app, who.cookie, '/compte'),
      );
      const body = multipartBody(
        { _csrf: session.csrf, title },
        file ? { field: 'file', name: file.name, type: 'application/pdf', data: file.data } : undefined,
      );
      return t.app.inject({
        method: 'POST',
        url: `${BASE}/${id}/documents`,
        headers: { cookie: session.cookie, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const ok = await upload(agent, publicId, { name: '../../compte rendu.pdf', data: PDF });
    expect(ok.statusCode).toBe(303);
    const doc = await db()
      .selectFrom('commons_experiment_documents as d')
      .innerJoin('files as f', 'f.id', 'd.file_id')
      .select(['d.id', 'd.file_id', 'f.purpose', 'f.original_name'])
      .where('d.experiment_id', '=', publicId)
      .executeTakeFirstOrThrow();
    expect(doc.purpose).toBe('cooperation');
    const download = await get(`${page}/documents/${doc.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="compte-rendu.pdf"');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    // Never through /fichiers.
    expect((await get(`/fichiers/${doc.file_id}/x.pdf`)).statusCode).toBe(404);
    // Refused files: HTML posing as a PDF, an empty file, none at all; and someone who is not a party.
    const html = await upload(agent, publicId, {
      name: 'piege.pdf',
      data: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(415);
    expect(html.body).toContain('Ce type de fichier n’est pas accepté');
    expect((await upload(agent, publicId, { name: 'vide.pdf', data: Buffer.alloc(0) })).statusCode).toBe(400);
    const none = await upload(agent, publicId);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choisissez un fichier.');
    expect((await upload(outsider, publicId, { name: 'a.pdf', data: PDF })).statusCode).toBe(404);
    // A members-only experiment's document is not served to an anonymous visitor.
    expect((await upload(agent, membersId, { name: 'b.pdf', data: PDF })).statusCode).toBe(303);
    const reserved = await db()
      .selectFrom('commons_experiment_documents')
      .select('id')
      .where('experiment_id', '=', membersId)
      .executeTakeFirstOrThrow();
    expect((await get(`${BASE}/${membersId}/documents/${reserved.id}`)).statusCode).toBe(404);
    expect((await get(`${BASE}/${membersId}/documents/${reserved.id}`, outsider.cookie)).statusCode).toBe(200);
    // A document of another experiment through this one's address: 404.
    expect((await get(`${page}/documents/${reserved.id}`)).statusCode).toBe(404);
    const removed = await post(maintainer, `${page}/documents/${doc.id}/retirer`, {}, page);
    expect(removed.statusCode).toBe(303);
    expect(
      await db().selectFrom('files').select('id').where('id', '=', doc.file_id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await auditActions(publicId)).toEqual(
      expect.arrayContaining(['commons.experiment-document-added', 'commons.experiment-document-removed']),
    );
  });

  it('names people: the parties’ accounts or a name with a role', async () => {
    const page = `${BASE}/${publicId}`;
    const byAccount = await post(agent, `${page}/personnes`, { account: maintainer.id, role: 'Développeur' }, page);
    expect(byAccount.statusCode).toBe(303);
    const byName = await post(
      agent,
      `${page}/personnes`,
      { account: 'none', name: 'Jeanne Sans-Compte', role: 'Référente terrain' },
      page,
    );
    expect(byName.statusCode).toBe(303);
    const notParty = await post(agent, `${page}/personnes`, { account: outsider.id, role: 'Curieux' }, page);
    expect(notParty.statusCode).toBe(422);
    expect(notParty.body).toContain('ni membre des administrations ni mainteneur du commun');
    const again = await post(agent, `${page}/personnes`, { account: maintainer.id, role: 'Deux fois' }, page);
    expect(again.statusCode).toBe(422);
    const noName = await post(agent, `${page}/personnes`, { account: 'none', role: 'Sans nom' }, page);
    expect(noName.statusCode).toBe(400);
    const shown = await get(page);
    expect(shown.body).toContain('mainteneur Test');
    expect(shown.body).toContain('Jeanne Sans-Compte');
    const person = await db()
      .selectFrom('commons_experiment_people')
      .select('id')
      .where('experiment_id', '=', publicId)
      .where('name', '=', 'Jeanne Sans-Compte')
      .executeTakeFirstOrThrow();
    expect((await post(outsider, `${page}/personnes/${person.id}/retirer`, {})).statusCode).toBe(404);
    expect((await post(maintainer, `${page}/personnes/${person.id}/retirer`, {}, page)).statusCode).toBe(303);
    expect((await get(page)).body).not.toContain('Jeanne Sans-Compte');
  });

  it('never answers 500 to hostile input, and escapes what it shows', async () => {
    const page = `${BASE}/${publicId}/modifier`;
    const current = await db()
      .selectFrom('commons_experiments')
      .select('version')
      .where('id', '=', publicId)
      .executeTakeFirstOrThrow();
    const version = String(current.version);
    const cases: FormFields[] = [
      experimentFields({ title: 'a\u0000b', version }),
      experimentFields({ title: 'x'.repeat(5000), version }),
      experimentFields({ title: ['un', 'deux'], version }),
      experimentFields({ administrations: ['pas-un-uuid'], version }),
      experimentFields({ administrations: [crypto.randomUUID()], version }),
      experimentFields({ territory: 'D999', version }),
      experimentFields({ starts_on: '2026-02-31', version }),
      experimentFields({ status: 'ailleurs', version }),
      experimentFields({ version: 'abc' }),
    ];
    for (const fields of cases) {
      const response = await post(agent, page, fields, page);
      expect(response.statusCode, JSON.stringify(fields).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    const hostile = '<script>alert("x")</script>';
    const saved = await post(
      agent,
      page,
      experimentFields({ title: hostile, goal: `${hostile}\n\nDeux`, version }),
      page,
    );
    expect(saved.statusCode).toBe(303);
    const shown = await get(`${BASE}/${publicId}`);
    expect(shown.body).not.toContain(hostile);
    expect(shown.body).toContain('&lt;script>alert(');
    expect((await get(`${BASE}?statut=%3Cscript%3E`)).statusCode).toBe(200);
    const milestone = await post(
      agent,
      `${BASE}/${publicId}/jalons`,
      { 'title-new': 'x', 'due-new': 'demain' },
      `${BASE}/${publicId}`,
    );
    expect(milestone.statusCode).toBe(400);
    const move = await post(
      agent,
      `${BASE}/${publicId}/jalons/${crypto.randomUUID()}/etat`,
      { move: 'voler' },
      `${BASE}/${publicId}`,
    );
    expect(move.statusCode).toBe(400);
  });

  it('gives staff the list of every experiment and the milestones to review', async () => {
    const list = await get('/admin/cooperation/experimentations', staff.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Réservée');
    expect((await get('/admin/cooperation/experimentations', agent.cookie)).statusCode).toBe(403);
    const page = `${BASE}/${publicId}`;
    await post(agent, `${page}/jalons`, { 'title-new': 'À examiner' }, page);
    const pending = (await milestones(publicId)).find((x) => x.title === 'À examiner')!;
    await post(agent, `${page}/jalons/${pending.id}/etat`, { move: 'submit' }, page);
    const toReview = await get('/admin/cooperation/experimentations?a-examiner=1', staff.cookie);
    expect(toReview.body).toContain(`${BASE}/${publicId}`);
    expect(toReview.body).not.toContain(`${BASE}/${membersId}`);
    const dashboard = await get('/admin', staff.cookie);
    expect(dashboard.body).toContain('1 jalon à examiner');
  });
});

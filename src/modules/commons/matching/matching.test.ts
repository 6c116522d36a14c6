import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, postForm, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { createSession } from '../../../core/auth/sessions.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from '../testing.js';
import { cooperationFigures } from './figures.js';
import { followUpContacts } from './follow-up-contacts.js';
import { CONTACT_FOLLOW_UP_JOB, matchingJobs } from './jobs.js';
import { CONTACT_FOLLOW_UP_MAIL, CONTACT_MAIL, CONTACT_MESSAGE_MAIL } from './mails.js';
import { CONTACTS_PER_DAY, FOLLOW_UP_DAYS } from './send-contact.js';

const DAY = 24 * 3600_000;

let t: TestApp;
const db = () => t.app.services.db;

/** People of the space. Sessions end after two idle hours, so each request opens a fresh one (the clock moves). */
let agentA: SignedInUser; // member of Rennes, posts needs
let agentB: SignedInUser; // member of the ministry, referent of uMap's public use case
let secretReferent: SignedInUser; // referent of uMap's members-only use case
let maintainer: SignedInUser; // maintains uMap
let cantineMaintainer: SignedInUser; // maintains Cantine libre (no referent)
let outsider: SignedInUser; // signed in, member of nothing
let staff: SignedInUser;
let spammer: SignedInUser;

let rennes: string;
let ministry: string;
let umap: string;
let publicNeed: string;
let membersNeed: string;
let hiddenNeed: string;
let commonsNeed: string;

async function cookie(user: SignedInUser, locale?: 'en'): Promise<string> {
  const { token } = await createSession(db(), t.clock, user.id);
  return `acc_session=${token}${locale ? `; lang=${locale}` : ''}`;
}

async function get(url: string, user?: SignedInUser) {
  return t.app.inject({ method: 'GET', url, headers: user ? { cookie: await cookie(user) } : {} });
}

async function mails(template: string) {
  return db()
    .selectFrom('mails')
    .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'locale'])
    .where('template', '=', template)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Mails of a template written since `before` (the ids of those there were then). */
async function mailsSince(template: string, before: { id: string }[]) {
  const known = new Set(before.map((m) => m.id));
  return (await mails(template)).filter((m) => !known.has(m.id));
}

async function contactsOf(user: SignedInUser) {
  return db()
    .selectFrom('commons_contacts')
    .selectAll()
    .where('sender_id', '=', user.id)
    .orderBy('created_at')
    .execute();
}

const contactIdOf = (location: string | string[] | undefined) =>
  /\/cooperation\/contacts\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

async function write(
  user: SignedInUser,
  page: string,
  fields: Record<string, string>,
  locale?: 'en',
): Promise<{ statusCode: number; body: string; location: string }> {
  const response = await postForm(t.app, await cookie(user, locale), page, page, fields);
  return { statusCode: response.statusCode, body: response.body, location: String(response.headers.location ?? '') };
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-09-01T08:00:00Z');
  const now = t.clock.now();
  const person = (role: 'partner' | 'staff' | null, label: string) =>
    createSignedInUser(db(), t.clock, role ? [{ role }] : [], label);
  agentA = await person('partner', 'agenta');
  agentB = await person('partner', 'agentb');
  secretReferent = await person('partner', 'secret');
  maintainer = await person('partner', 'mainteneur');
  cantineMaintainer = await person('partner', 'cantine');
  outsider = await person(null, 'exterieur');
  staff = await person('staff', 'equipe');
  spammer = await person(null, 'pressé');

  rennes = await insertAdministration(db(), now, {
    name: 'Ville de Rennes',
    siret: VALID_SIRETS[0],
    territory: 'D35',
    members: [agentA.id],
  });
  ministry = await insertAdministration(db(), now, {
    name: 'Ministère de l’Intérieur',
    siret: VALID_SIRETS[1],
    members: [agentB.id, secretReferent.id],
  });
  umap = await insertCommons(db(), now, {
    name: 'uMap',
    summary: 'Créer des cartes personnalisées sur fond OpenStreetMap.',
    description: 'uMap permet de créer une carte, d’y placer des points et de la publier sur un site.',
    categories: ['cartographie'],
    keywords: ['carte', 'OpenStreetMap'],
    levers: ['donnees-outils'],
    maintainers: [maintainer.id],
  });
  const cantine = await insertCommons(db(), now, {
    name: 'Cantine libre',
    summary: 'Les menus et les inscriptions à la cantine scolaire.',
    description: 'Gestion de la restauration scolaire.',
    maintainers: [cantineMaintainer.id],
  });
  await insertCommons(db(), now, {
    name: 'Carto caché',
    summary: 'Publier une carte des stationnements vélo sur le site.',
    description: 'Carte vélo stationnements site publier.',
    hidden: true,
  });
  await insertCommons(db(), now, { name: 'Orphelin', summary: 'Un commun sans personne.' });
  await insertUseCase(db(), now, {
    administrationId: ministry,
    commonsId: umap,
    title: 'Carte des pistes cyclables',
    description: 'Une carte des pistes cyclables et des stationnements vélo, publiée sur le site du ministère.',
    status: 'production',
    referents: [agentB.id],
  });
  await insertUseCase(db(), now, {
    administrationId: ministry,
    commonsId: umap,
    title: 'Carte interne des casernes',
    description: 'Une carte des stationnements vélo des casernes, publiée sur le site interne.',
    visibility: 'members',
    referents: [secretReferent.id],
  });
  const hiddenUseCase = await insertUseCase(db(), now, {
    administrationId: ministry,
    commonsId: cantine,
    title: 'Usage masqué de la cantine',
    description: 'Carte vélo stationnements publiée sur le site.',
  });
  await db().updateTable('commons_use_cases').set({ hidden: true }).where('id', '=', hiddenUseCase).execute();

  publicNeed = await insertNeed(db(), now, {
    side: 'administration',
    ownerId: rennes,
    title: 'Publier une carte des stationnements vélo',
    description:
      'Nous voulons publier sur le site de la ville une carte des stationnements vélo, mise à jour par les agents.',
    lever: 'donnees-outils',
    territory: 'D35',
    createdBy: agentA.id,
  });
  membersNeed = await insertNeed(db(), now, {
    side: 'administration',
    ownerId: rennes,
    title: 'Carte confidentielle des réseaux',
    description: 'Une carte des réseaux d’eau, pour les agents seulement.',
    visibility: 'members',
    createdBy: agentA.id,
  });
  hiddenNeed = await insertNeed(db(), now, {
    side: 'administration',
    ownerId: rennes,
    title: 'Besoin masqué',
    createdBy: agentA.id,
  });
  await db().updateTable('commons_needs').set({ hidden: true }).where('id', '=', hiddenNeed).execute();
  commonsNeed = await insertNeed(db(), now, {
    side: 'commons',
    ownerId: umap,
    category: 'testers',
    title: 'Des agents pour tester la nouvelle carte',
    description: 'Nous cherchons des agents qui publient une carte sur le site de leur administration.',
    createdBy: maintainer.id,
  });
}, 120_000);

afterAll(() => t?.close());

describe('suggestions for a need', () => {
  it('suggests commons with their reasons: words, lever, similar use case elsewhere — never a hidden commons', async () => {
    const page = await get(`/cooperation/besoins/${publicNeed}/suggestions`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('uMap');
    expect(page.body).toContain('Pourquoi cette suggestion');
    expect(page.body).toMatch(/Mots en commun : .*«\u00a0carte\u00a0»/);
    expect(page.body).toContain('Même levier d’accompagnement : Accès aux données');
    expect(page.body).toContain('Carte des pistes cyclables');
    expect(page.body).toContain('Ministère de l’Intérieur');
    expect(page.body).toContain('href="/cooperation/communs/umap/contacter"');
    expect(page.body).not.toContain('Carto caché');
    // A members-only use case is no reason shown to a visitor.
    expect(page.body).not.toContain('Carte interne des casernes');
  });

  it('keeps members-only needs to members of the space and staff, and hidden needs to nobody', async () => {
    const url = `/cooperation/besoins/${membersNeed}/suggestions`;
    expect((await get(url)).statusCode).toBe(404);
    expect((await get(url, outsider)).statusCode).toBe(404);
    expect((await get(url, agentB)).statusCode).toBe(200);
    expect((await get(url, staff)).statusCode).toBe(200);
    for (const who of [undefined, agentA, staff])
      expect((await get(`/cooperation/besoins/${hiddenNeed}/suggestions`, who)).statusCode).toBe(404);
    expect((await get(`/cooperation/besoins/${crypto.randomUUID()}/suggestions`)).statusCode).toBe(404);
    expect((await get('/cooperation/besoins/pas-un-id/suggestions')).statusCode).toBe(404);
  });

  it('suggests open needs and use cases elsewhere for a commons’ need, with contact links', async () => {
    const page = await get(`/cooperation/besoins/${commonsNeed}/suggestions`, agentB);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Publier une carte des stationnements vélo');
    expect(page.body).toContain(`href="/cooperation/besoins/${publicNeed}/contacter"`);
    // uMap's own use cases are not suggested to uMap.
    expect(page.body).not.toContain('Carte des pistes cyclables');
  });
});

describe('suggestions for a commons', () => {
  it('lists administrations’ open needs the viewer may see, explained', async () => {
    const anonymous = await get('/cooperation/communs/umap/suggestions');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Publier une carte des stationnements vélo');
    expect(anonymous.body).toContain('Ville de Rennes');
    expect(anonymous.body).toContain('Pourquoi cette suggestion');
    expect(anonymous.body).not.toContain('Carte confidentielle des réseaux');
    expect(anonymous.body).not.toContain('Besoin masqué');
    const member = await get('/cooperation/communs/umap/suggestions', agentB);
    expect(member.body).toContain('Carte confidentielle des réseaux');
    expect(member.body).not.toContain('Besoin masqué');
  });

  it('answers 404 for a hidden or unknown commons', async () => {
    expect((await get('/cooperation/communs/carto-cache/suggestions')).statusCode).toBe(404);
    expect((await get('/cooperation/communs/inconnu/suggestions')).statusCode).toBe(404);
    expect((await get('/cooperation/communs/PAS_UN_SLUG/suggestions')).statusCode).toBe(404);
  });
});

describe('contact through the platform', () => {
  let contactId: string;

  it('asks who is not signed in to sign in', async () => {
    const page = await get('/cooperation/communs/umap/contacter');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain('/connexion?retour=');
  });

  it('writes to every referent the sender may see, one mail each, no address in it', async () => {
    const form = await get('/cooperation/communs/umap/contacter', outsider);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('au référent de ce commun : un agent d’une administration');
    // Not a member of any administration: no choice of administration.
    expect(form.body).not.toContain('name="sender_administration"');
    const sent = await write(outsider, '/cooperation/communs/umap/contacter', {
      subject: 'Carte des pistes à Lorient',
      message: 'Bonjour,\n\nComment avez-vous publié la carte des pistes ?',
    });
    expect(sent.statusCode).toBe(303);
    contactId = contactIdOf(sent.location);
    expect(contactId).not.toBe('');
    const recipients = await db()
      .selectFrom('commons_contact_recipients')
      .select('user_id')
      .where('contact_id', '=', contactId)
      .execute();
    expect(recipients.map((r) => r.user_id)).toEqual([agentB.id]);
    const sentMails = await mails(CONTACT_MAIL);
    expect(sentMails.map((m) => m.to_address)).toEqual([agentB.email]);
    for (const mail of sentMails) {
      expect(mail.text_body).not.toContain('@');
      expect(mail.html_body).not.toContain('@');
      expect(mail.text_body).toContain(`/cooperation/contacts/${contactId}`);
      expect(mail.text_body).toContain('Comment avez-vous publié la carte des pistes ?');
    }
  });

  it('lets a member write for their administration, reaching members-only referents too; a double send is one contact', async () => {
    const page = '/cooperation/communs/umap/contacter';
    const form = await get(page, agentA);
    expect(form.body).toContain('name="sender_administration"');
    expect(form.body).toContain('chacun des 2 référents de ce commun');
    const before = await mails(CONTACT_MAIL);
    const session = await formSession(t.app, await cookie(agentA), page);
    const key = /name="submission_key" value="([^"]+)"/.exec(session.html)?.[1] ?? '';
    const fields = {
      subject: 'Partage d’expérience',
      message: 'Pouvons-nous échanger ?',
      sender_administration: rennes,
    };
    const first = await submitForm(t.app, session, page, { ...fields, submission_key: key });
    const again = await submitForm(t.app, session, page, { ...fields, submission_key: key });
    expect(first.statusCode).toBe(303);
    expect(again.headers.location).toBe(first.headers.location);
    const contacts = await contactsOf(agentA);
    expect(contacts).toHaveLength(1);
    expect(contacts[0].sender_administration_id).toBe(rennes);
    const added = await mailsSince(CONTACT_MAIL, before);
    expect(added.map((m) => m.to_address).sort()).toEqual([agentB.email, secretReferent.email].sort());
    expect(added[0].text_body).toContain('Une personne de Ville de Rennes');
  });

  it('refuses an administration that is not the sender’s, and keeps what was typed', async () => {
    const response = await write(agentA, '/cooperation/communs/umap/contacter', {
      subject: 'Un objet gardé',
      message: 'Un message gardé',
      sender_administration: ministry,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Choisissez une des valeurs proposées.');
    expect(response.body).toContain('Un objet gardé');
    expect(response.body).toContain('Un message gardé');
  });

  it('falls back to the maintainers of a commons without referents, and says so', async () => {
    const page = '/cooperation/communs/cantine-libre/contacter';
    const form = await get(page, outsider);
    expect(form.body).toContain('n’a pas encore de référent');
    const before = await mails(CONTACT_MAIL);
    const sent = await write(outsider, page, { subject: 'Menus', message: 'Bonjour' });
    expect(sent.statusCode).toBe(303);
    const added = await mailsSince(CONTACT_MAIL, before);
    expect(added.map((m) => m.to_address)).toEqual([cantineMaintainer.email]);
  });

  it('has nobody to write to for a commons with neither referent nor maintainer: 409, nothing sent', async () => {
    const page = '/cooperation/communs/orphelin/contacter';
    const form = await get(page, outsider);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Personne à contacter');
    expect(form.body).not.toContain('name="message"');
    const csrf = await formSession(t.app, await cookie(outsider), '/cooperation/communs/umap/contacter');
    const refused = await submitForm(t.app, csrf, page, { subject: 'Allô', message: 'Quelqu’un ?' });
    expect(refused.statusCode).toBe(409);
  });

  it('writes to a need’s authors: its creator and its administration’s members', async () => {
    const page = `/cooperation/besoins/${publicNeed}/contacter`;
    const before = await mails(CONTACT_MAIL);
    const sent = await write(maintainer, page, { subject: 'uMap fait cela', message: 'uMap publie des cartes.' });
    expect(sent.statusCode).toBe(303);
    const added = await mailsSince(CONTACT_MAIL, before);
    expect(added.map((m) => m.to_address)).toEqual([agentA.email]);
    expect(added[0].text_body).toContain('le besoin « Publier une carte des stationnements vélo »');
    // A members-only need is not there for someone outside the space; a hidden one for nobody.
    expect((await get(`/cooperation/besoins/${membersNeed}/contacter`, outsider)).statusCode).toBe(404);
    expect((await get(`/cooperation/besoins/${hiddenNeed}/contacter`, staff)).statusCode).toBe(404);
  });

  it('shows the exchange to its parties only, names and addresses hidden until the first answer', async () => {
    const url = `/cooperation/contacts/${contactId}`;
    for (const stranger of [agentA, staff, maintainer]) expect((await get(url, stranger)).statusCode).toBe(404);
    expect((await get(url)).statusCode).toBe(303);
    const asSender = await get(url, outsider);
    const asRecipient = await get(url, agentB);
    expect(asSender.statusCode).toBe(200);
    expect(asRecipient.statusCode).toBe(200);
    expect(asSender.body).not.toContain(agentB.email);
    expect(asRecipient.body).not.toContain(outsider.email);
    expect(asRecipient.body).toContain('Comment avez-vous publié la carte des pistes ?');
    expect(asRecipient.body).toContain('La personne qui a écrit');
  });

  it('mails the sender a recipient’s answer, and from then on shows both sides’ names and addresses', async () => {
    const url = `/cooperation/contacts/${contactId}`;
    const answer = await postForm(t.app, await cookie(agentB), url, `${url}/messages`, {
      message: 'Avec uMap, tout simplement.',
    });
    expect(answer.statusCode).toBe(303);
    const [mail] = await mails(CONTACT_MESSAGE_MAIL);
    expect(mail.to_address).toBe(outsider.email);
    expect(mail.text_body).toContain('Avec uMap, tout simplement.');
    expect(mail.text_body).not.toContain('@');
    const contact = await db()
      .selectFrom('commons_contacts')
      .select('answered_at')
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
    expect(contact.answered_at).not.toBeNull();
    expect((await get(url, outsider)).body).toContain(agentB.email);
    expect((await get(url, agentB)).body).toContain(outsider.email);
  });

  it('refuses an empty or too long answer with the field’s error, in French and in English', async () => {
    const url = `/cooperation/contacts/${contactId}`;
    const empty = await postForm(t.app, await cookie(agentB), url, `${url}/messages`, { message: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Ce champ est obligatoire.');
    const long = await postForm(t.app, await cookie(agentB, 'en'), url, `${url}/messages`, {
      message: 'x'.repeat(5001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('This field must not exceed 5000 characters.');
  });
});

describe('hostile input', () => {
  const page = '/cooperation/communs/umap/contacter';

  it('never answers 500: too long, NUL, wrong types, HTML', async () => {
    const tooLong = await write(outsider, page, { subject: 's'.repeat(151), message: 'ok' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('ne doit pas dépasser 150 caractères');
    const english = await write(outsider, page, { subject: '', message: '' }, 'en');
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('This field is required.');
    const nul = await write(outsider, page, { subject: 'a\u0000b', message: 'ok' });
    expect(nul.statusCode).toBe(400);
    const session = await formSession(t.app, await cookie(outsider), page);
    const wrongType = await t.app.inject({
      method: 'POST',
      url: page,
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ _csrf: session.csrf, subject: ['a', 'b'], message: { x: 1 } }),
    });
    expect(wrongType.statusCode).toBeLessThan(500);
    const sent = await write(outsider, page, {
      subject: '<script>alert(1)</script>',
      message: '<img src=x onerror=alert(1)>',
      submission_key: 'pas-une-cle',
    });
    expect(sent.statusCode).toBe(303);
    const exchange = await get(sent.location.split('?')[0], outsider);
    expect(exchange.body).not.toContain('<script>alert(1)</script>');
    expect(exchange.body).toContain('&lt;script>alert(1)&lt;/script>');
    const outcome = await postForm(
      t.app,
      await cookie(outsider),
      sent.location,
      `${sent.location.split('?')[0]}/suite`,
      {
        outcome: 'gagné',
        note: 'n'.repeat(2001),
      },
    );
    expect(outcome.statusCode).toBe(400);
    expect(outcome.body).toContain('Choisissez une des valeurs proposées.');
  });
});

describe('rate limit', () => {
  it(`refuses an ${CONTACTS_PER_DAY + 1}th contact in 24 hours with a clear message, and allows it the next day`, async () => {
    const page = '/cooperation/communs/umap/contacter';
    for (let i = 0; i < CONTACTS_PER_DAY; i++) {
      const sent = await write(spammer, page, { subject: `Message ${i}`, message: 'Bonjour' });
      expect(sent.statusCode).toBe(303);
    }
    const refused = await write(spammer, page, { subject: 'Un de trop', message: 'Bonjour encore' });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Limite de messages atteinte');
    expect(refused.body).toContain('Un de trop');
    expect(await contactsOf(spammer)).toHaveLength(CONTACTS_PER_DAY);
    t.clock.advance(DAY + 60_000);
    const later = await write(spammer, page, { subject: 'Le lendemain', message: 'Bonjour' });
    expect(later.statusCode).toBe(303);
  });
});

describe('follow-up', () => {
  it(`asks each sender once, ${FOLLOW_UP_DAYS} days after, what came of it; records the outcome`, async () => {
    const [first] = await contactsOf(outsider);
    // A sender who said what came of it before the date is not asked.
    const answeredEarly = (await contactsOf(maintainer))[0];
    const early = await postForm(
      t.app,
      await cookie(maintainer),
      `/cooperation/contacts/${answeredEarly.id}`,
      `/cooperation/contacts/${answeredEarly.id}/suite`,
      { outcome: 'met', note: 'Rencontre en visio.' },
    );
    expect(early.statusCode).toBe(303);
    expect(await followUpContacts(t.app.services)).toBe(0);
    t.clock.advance(FOLLOW_UP_DAYS * DAY);
    const asked = await followUpContacts(t.app.services);
    expect(asked).toBeGreaterThan(0);
    const followUps = await mails(CONTACT_FOLLOW_UP_MAIL);
    expect(followUps.filter((m) => m.to_address === outsider.email).length).toBeGreaterThan(0);
    expect(followUps.some((m) => m.to_address === maintainer.email)).toBe(false);
    expect(followUps[0].text_body).toContain('/cooperation/contacts/');
    expect(followUps[0].text_body).not.toMatch(/[^\s]+@[^\s]+/);
    // Never twice: a second sweep (or the job) asks nobody again.
    expect(await followUpContacts(t.app.services)).toBe(0);
    await matchingJobs(t.app.services)[CONTACT_FOLLOW_UP_JOB]({}, { id: 'x', attempts: 1 });
    expect((await mails(CONTACT_FOLLOW_UP_MAIL)).length).toBe(followUps.length);

    // The recipient has no outcome form; the sender records it.
    const url = `/cooperation/contacts/${first.id}`;
    const byRecipient = await postForm(t.app, await cookie(agentB), url, `${url}/suite`, { outcome: 'met' });
    expect(byRecipient.statusCode).toBe(404);
    const recorded = await postForm(t.app, await cookie(outsider), url, `${url}/suite`, {
      outcome: 'experiment',
      note: 'Une expérimentation à Lorient.',
    });
    expect(recorded.statusCode).toBe(303);
    const row = await db()
      .selectFrom('commons_contacts')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe('experiment');
    expect(row.outcome_note).toBe('Une expérimentation à Lorient.');
    expect(row.outcome_at).not.toBeNull();
    expect((await get(url, outsider)).body).toContain('Une expérimentation est lancée ou prévue');
  });
});

describe('the person’s space', () => {
  it('shows their administrations, needs, commons, use cases and contacts with the unanswered count', async () => {
    const a = await get('/cooperation/mon-espace', agentA);
    expect(a.statusCode).toBe(200);
    expect(a.body).toContain('Ville de Rennes');
    expect(a.body).toContain('Publier une carte des stationnements vélo');
    expect(a.body).toContain('Partage d’expérience');
    expect(a.body).toContain(`/cooperation/besoins/${publicNeed}/suggestions`);
    const b = await get('/cooperation/mon-espace', agentB);
    expect(b.body).toContain('Carte des pistes cyclables');
    expect(b.body).toMatch(/\d+ sans réponse/);
    const m = await get('/cooperation/mon-espace', maintainer);
    expect(m.body).toContain('/cooperation/communs/umap/suggestions');
    expect((await get('/cooperation/mon-espace')).statusCode).toBe(303);
  });
});

describe('staff figures', () => {
  it('counts the space per lever and per administration', async () => {
    const f = await cooperationFigures(db());
    expect(f.commons).toBe(3);
    expect(f.administrations).toBe(2);
    expect(f.useCasesTotal).toBe(2);
    expect(f.needs.administration).toEqual({ open: 2, closed: 0 });
    expect(f.needs.commons).toEqual({ open: 1, closed: 0 });
    expect(f.contacts.made).toBe((await db().selectFrom('commons_contacts').select('id').execute()).length);
    expect(f.contacts.answered).toBe(1);
    expect(f.contacts.outcomes.experiment).toBe(1);
    expect(f.contacts.outcomes.met).toBe(1);
    const data = f.byLever.find((r) => r.key === 'donnees-outils')!;
    expect(data.needsOpen).toBe(1);
    expect(data.contacts).toBe(1);
    const byRennes = f.byAdministration.find((r) => r.key === rennes)!;
    expect(byRennes.label).toBe('Ville de Rennes');
    expect(byRennes.needsOpen).toBe(2);
    // Rennes wrote once for itself, and received one contact on its need.
    expect(byRennes.contacts).toBe(2);
    const byMinistry = f.byAdministration.find((r) => r.key === ministry)!;
    expect(byMinistry.contacts).toBeGreaterThan(CONTACTS_PER_DAY);
    expect(f.total.contacts).toBe(f.contacts.made);
  });

  it('shows staff the overview and its CSV (BOM, semicolons, labels, Paris dates); others are refused', async () => {
    const page = await get('/admin/cooperation', staff);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Par levier d’accompagnement');
    expect(page.body).toContain('Ville de Rennes');
    expect(page.body).toContain('href="/admin/cooperation/communs"');
    expect((await get('/admin/cooperation', agentA)).statusCode).toBe(403);
    const csv = await get('/admin/cooperation/chiffres.csv', staff);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines[0].split(';')[0]).toBe('Rubrique');
    expect(csv.body).toContain('Accès aux données et aux outils numériques de l’État');
    expect(csv.body).not.toContain(';donnees-outils;');
    const contacts = await get('/admin/cooperation/contacts', staff);
    expect(contacts.statusCode).toBe(200);
    expect(contacts.body).toContain('Expérimentation');
    expect(contacts.body).not.toContain('Comment avez-vous publié la carte des pistes ?');
    expect(contacts.body).not.toContain('Carte des pistes à Lorient');
    expect((await get('/admin/cooperation/contacts?page=999', staff)).statusCode).toBe(200);
    expect((await get('/admin/cooperation/contacts?page=abc', staff)).statusCode).toBe(200);
    const contactsCsv = await get('/admin/cooperation/contacts.csv', staff);
    expect(contactsCsv.body.startsWith('\uFEFF')).toBe(true);
    expect(contactsCsv.body).toMatch(/\d{2}\/\d{2}\/2026 \d{2}:\d{2}/);
    expect(contactsCsv.body).toContain('Référents d’un commun');
    expect(contactsCsv.body).not.toContain('Avec uMap, tout simplement.');
  });
});

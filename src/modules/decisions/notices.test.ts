import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser, userById, userIdByEmail } from '../../../test/support/factories/accounts.js';
import {
  applicationById,
  insertMember,
  ownerOf,
  sessionOf,
  threadMessages,
} from '../../../test/support/factories/applications.js';
import { type ScoringFixture, saveReview, seedScoringFixture } from '../../../test/support/factories/review.js';
import { DEFAULT_CRITERIA } from '../../../test/support/factories/seasons.js';
import { formSession, submitForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser, signedInAs } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { CONFIRM_REMINDER_MAIL, NOTICE_MAIL } from './mails.js';
import { offerNextPlace } from './offer-next.js';
import { prepareNotices } from './prepare-notices.js';
import { sendAllNotices, sendNotice } from './send-notices.js';
import { decisionRow, noticeRows, seedClosedDeliberation } from './testing.js';

const DAY = 24 * 3600_000;

let t: TestApp;
let fixture: ScoringFixture;
let staff: string;
let staffId: string;
/** By project: laureate ×2, refused, waiting list ×2. */
let apps: { jardin: string; atelier: string; fablab: string; ressourcerie: string; radio: string };
const owners: Record<string, { id: string; email: string }> = {};
let coApplicant: SignedInUser;
let stranger: string;
const INVITED = 'invite.pas.encore@example.org';

const db = () => t.app.services.db;
const outbox = () => `/admin/decisions/${fixture.seasonId}/notifications`;

async function ownerCookie(key: keyof typeof apps): Promise<string> {
  return sessionOf(db(), t.clock, owners[key].email);
}

async function noticeMails(to?: string) {
  let query = db()
    .selectFrom('mails')
    .select(['to_address', 'subject', 'text_body', 'locale'])
    .where('template', '=', NOTICE_MAIL);
  if (to) query = query.where('to_address', '=', to);
  return query.orderBy('created_at').execute();
}

async function staffPost(page: string, url: string, fields: Record<string, string> = {}) {
  return submitForm(t.app, await formSession(t.app, staff, page), url, fields);
}

async function applicantPost(cookie: string, id: string, fields: Record<string, string>) {
  const page = `/mes-candidatures/${id}/decision`;
  return submitForm(t.app, await formSession(t.app, cookie, page), page, fields);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-05-04T08:00:00Z');
  const now = t.clock.now();
  fixture = await seedScoringFixture(db(), t.clock, {
    slug: 'saison-decision',
    number: 7,
    titles: ['Jardin partagé', 'Atelier vélo', 'Fablab des Lilas', 'Ressourcerie', 'Radio libre'],
    reviewers: 2,
    pairs: [
      [0, 2],
      [1, 2],
    ],
    phase: { startsAt: new Date(now.getTime() - 10 * DAY), endsAt: new Date(now.getTime() + 10 * DAY) },
  });
  const [jardin, atelier, fablab, ressourcerie, radio] = fixture.applications;
  apps = { jardin, atelier, fablab, ressourcerie, radio };
  for (const [key, id] of Object.entries(apps)) {
    const ownerId = await ownerOf(db(), id);
    const owner = await userById(db(), ownerId);
    owners[key] = { id: ownerId, email: owner.email! };
    await insertMember(db(), {
      application_id: id,
      email: owner.email!,
      user_id: ownerId,
      role: 'owner',
      invited_at: now,
      accepted_at: now,
    });
  }
  // The radio's owner reads English: its notices are written in English.
  await updateUser(db(), owners.radio.id, { locale: 'en' });
  // The garden has an accepted co-applicant who reads English, and someone invited who never accepted.
  coApplicant = await createSignedInUser(db(), t.clock, [], 'coporteuse');
  await updateUser(db(), coApplicant.id, { locale: 'en' });
  await insertMember(db(), {
    application_id: jardin,
    email: coApplicant.email,
    user_id: coApplicant.id,
    role: 'co-applicant',
    invited_at: now,
    accepted_at: now,
  });
  await insertMember(db(), {
    application_id: jardin,
    email: INVITED,
    user_id: null,
    role: 'co-applicant',
    invited_at: now,
    accepted_at: null,
  });
  // Two reviews of the refused project; one comment names the other juror.
  const scores = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.code, 2]));
  for (const [r, overall] of [
    [0, 'Le projet est sympathique mais la gouvernance reste floue.'],
    [1, 'Comme le dit jure0, le budget manque de précision.'],
  ] as const) {
    const saved = await saveReview(
      t.app.services,
      systemActor,
      {
        userId: fixture.reviewers[r].id,
        assignmentId: fixture.assignments[r].get(fablab),
        scores,
        comments: {},
        overall,
        opinion: 'reject',
        confidence: 2,
        submit: true,
      },
      DEFAULT_CRITERIA.map((c) => c.code),
    );
    expect(saved.ok).toBe(true);
  }
  await seedClosedDeliberation(db(), {
    seasonId: fixture.seasonId,
    now,
    confirmDays: 10,
    shareJuryComments: true,
    decisions: [
      { applicationId: jardin, outcome: 'laureate', amountCents: 1_500_000 },
      { applicationId: atelier, outcome: 'laureate', amountCents: 800_000 },
      {
        applicationId: fablab,
        outcome: 'not_selected',
        reasonCodes: [`criterion:${DEFAULT_CRITERIA[0].code}`],
        reasonText: 'Le modèle économique reste à préciser.',
      },
      { applicationId: ressourcerie, outcome: 'waiting_list', waitlistPosition: 1 },
      { applicationId: radio, outcome: 'waiting_list', waitlistPosition: 2 },
    ],
  });
  staff = await signedInAs(t.app, t.clock, 'staff', 'staff.decisions@example.fr');
  staffId = await userIdByEmail(db(), 'staff.decisions@example.fr');
  stranger = (await createSignedInUser(db(), t.clock, [], 'curieux')).cookie;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('templates', () => {
  it('refuses an unknown placeholder on the field, keeping what was typed', async () => {
    const page = `/admin/decisions/${fixture.seasonId}/modeles/laureate/fr`;
    const response = await staffPost(page, page, {
      action: 'save',
      subject: 'Bravo {projet}',
      body: 'Votre projet {projet} est retenu pour {nom_du_porteur}.',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Repère inconnu : {nom_du_porteur}');
    expect(response.body).toContain('Votre projet {projet} est retenu pour {nom_du_porteur}.');
  });

  it('refuses a refusal template that does not state the reasons', async () => {
    const page = `/admin/decisions/${fixture.seasonId}/modeles/not_selected/fr`;
    const response = await staffPost(page, page, { action: 'save', subject: 'Décision', body: 'Non retenu.' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('{motifs}');
  });

  it('saves a season template and previews it for an application', async () => {
    const page = `/admin/decisions/${fixture.seasonId}/modeles/laureate/fr`;
    const saved = await staffPost(page, page, {
      action: 'save',
      subject: 'Bravo, « {projet} » est lauréat',
      body: 'Bonjour,\n\nVotre projet {projet} reçoit {montant}. Confirmez avant le {date_limite} : {lien}',
    });
    expect(saved.statusCode).toBe(303);
    const preview = await t.app.inject({
      url: `/admin/decisions/${fixture.seasonId}/modeles?candidature=${apps.jardin}&modele=laureate&langue=fr`,
      headers: { cookie: staff },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Bravo, « Jardin partagé » est lauréat');
    expect(preview.body).toContain('15 000 €');
    expect(preview.body).toMatch(/Confirmez avant le \d+ mai 2026/);
  });
});

describe('the outbox', () => {
  it('is for staff only', async () => {
    expect((await t.app.inject({ url: outbox(), headers: { cookie: staff } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: outbox(), headers: { cookie: stranger } })).statusCode).not.toBe(200);
  });

  it('prepares one draft per decided application; preparing again keeps hand-edited drafts', async () => {
    const prepared = await staffPost(outbox(), `${outbox()}/preparer`);
    expect(prepared.statusCode).toBe(303);
    const drafts = await noticeRows(db(), Object.values(apps));
    expect(drafts.map((d) => d.kind).sort()).toEqual([
      'laureate',
      'laureate',
      'not_selected',
      'waiting_list',
      'waiting_list',
    ]);
    expect(drafts.every((d) => d.status === 'draft')).toBe(true);
    const garden = drafts.find((d) => d.application_id === apps.jardin)!;
    expect(garden.subject).toBe('Bravo, « Jardin partagé » est lauréat');

    // Staff edit the bike workshop's draft by hand.
    const bike = drafts.find((d) => d.application_id === apps.atelier)!;
    const notePage = `${outbox()}/${bike.id}`;
    const edited = await staffPost(notePage, notePage, {
      subject: 'Atelier vélo : bonne nouvelle',
      body: 'Bonjour,\n\nVotre atelier est lauréat. Merci de confirmer avant le {date_limite}.',
    });
    expect(edited.statusCode).toBe(303);
    const unknown = await staffPost(notePage, notePage, { subject: 'x', body: 'Bonjour {inconnu}' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('{inconnu}');

    // The template changes; preparing again refreshes the garden's draft, not the edited one.
    const page = `/admin/decisions/${fixture.seasonId}/modeles/laureate/fr`;
    await staffPost(page, page, {
      action: 'save',
      subject: 'Félicitations : {projet}',
      body: 'Bonjour, {projet} ({montant}). Avant le {date_limite}.',
    });
    expect((await staffPost(outbox(), `${outbox()}/preparer`)).statusCode).toBe(303);
    const again = await noticeRows(db(), Object.values(apps));
    expect(again).toHaveLength(5);
    expect(again.find((d) => d.application_id === apps.jardin)!.subject).toBe('Félicitations : Jardin partagé');
    const kept = again.find((d) => d.application_id === apps.atelier)!;
    expect(kept.subject).toBe('Atelier vélo : bonne nouvelle');
    expect(kept.edited).toBe(true);
  });

  it('previews a refusal with its reasons, the anonymised comments and the appeal routes', async () => {
    const refusal = (await noticeRows(db(), [apps.fablab]))[0];
    const page = await t.app.inject({ url: `${outbox()}/${refusal.id}`, headers: { cookie: staff } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Le modèle économique reste à préciser.');
    expect(page.body).toContain('Voies et délais de recours');
    expect(page.body).toContain('Commentaires du jury (anonymisés)');
    expect(page.body).not.toMatch(/jure[01]/);
  });
});

describe('sending', () => {
  it('gives each applicant exactly one notice, however many sends run at once', async () => {
    const session = await formSession(t.app, staff, outbox());
    const garden = (await noticeRows(db(), [apps.jardin]))[0];
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () =>
        sendAllNotices(t.app.services, { id: staffId, label: 'staff' }, { seasonId: fixture.seasonId }),
      ),
      ...Array.from({ length: 15 }, () =>
        sendNotice(
          t.app.services,
          { id: staffId, label: 'staff' },
          { seasonId: fixture.seasonId, noticeId: garden.id },
        ),
      ),
      ...Array.from({ length: 15 }, () => submitForm(t.app, session, `${outbox()}/envoyer`, {})),
    ]);
    const sent = results.slice(0, 35).reduce((sum, r) => sum + ('sent' in r ? r.sent : 0), 0);
    for (const response of results.slice(35)) expect((response as { statusCode: number }).statusCode).toBe(303);
    // A second click afterwards sends nothing.
    const again = await submitForm(t.app, session, `${outbox()}/envoyer`, {});
    expect(again.headers.location).toContain('ok=envoye&n=0');
    expect(sent).toBeLessThanOrEqual(5);

    const notices = await noticeRows(db(), Object.values(apps));
    expect(notices.every((n) => n.status === 'sent')).toBe(true);
    const mails = await noticeMails();
    const perAddress = new Map<string, number>();
    for (const mail of mails) perAddress.set(mail.to_address, (perAddress.get(mail.to_address) ?? 0) + 1);
    const expected = [...Object.values(owners).map((o) => o.email), coApplicant.email].sort();
    expect([...perAddress.keys()].sort()).toEqual(expected);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect(perAddress.has(INVITED)).toBe(false);
    // The co-applicant's mail is framed in English; the notice itself is in the owner's French.
    const co = mails.find((m) => m.to_address === coApplicant.email)!;
    expect(co.locale).toBe('en');
    expect(co.text_body).toContain('This notice and its PDF stay in your space');
    for (const id of Object.values(apps)) {
      const messages = await threadMessages(db(), id);
      expect(messages).toHaveLength(1);
      expect(messages[0].from_staff).toBe(true);
    }
  }, 120_000);

  it('moves the applications to their outcome and sets the laureates a deadline', async () => {
    expect((await applicationById(db(), apps.jardin)).state).toBe('laureate');
    expect((await applicationById(db(), apps.atelier)).state).toBe('laureate');
    expect((await applicationById(db(), apps.fablab)).state).toBe('not_selected');
    expect((await applicationById(db(), apps.ressourcerie)).state).toBe('in_review');
    const garden = await decisionRow(db(), apps.jardin);
    expect(new Date(garden.confirm_by!).getTime()).toBe(t.clock.now().getTime() + 10 * DAY);
    const [radio] = await noticeMails(owners.radio.email);
    expect(radio.subject).toBe('Your project “Radio libre” is on the waiting list (Season 7)');
    expect(radio.text_body).toContain('in position 2');
    const mail = (await noticeMails(owners.jardin.email))[0];
    expect(mail.text_body).toContain('15 000 €');
    expect(mail.text_body).not.toContain('{date_limite}');
  });

  it('states the reasons and the routes and time limits of appeal in a refusal, never a juror’s name', async () => {
    const [mail] = await noticeMails(owners.fablab.email);
    const text = mail.text_body;
    expect(text).toContain(DEFAULT_CRITERIA[0].label);
    expect(text).toContain('Le modèle économique reste à préciser.');
    expect(text).toContain('recours gracieux');
    expect(text).toContain('recours contentieux devant le tribunal administratif');
    expect(text).toContain('deux mois');
    expect(text).toContain('R. 421-1');
    expect(text).toContain('R. 421-5');
    expect(text).toContain('la gouvernance reste floue');
    expect(text).toContain('Comme le dit […], le budget');
    expect(text).not.toMatch(/jure[01]/);
    const message = (await threadMessages(db(), apps.fablab))[0];
    expect(message.body).toContain('Voies et délais de recours');
    expect(message.body).not.toMatch(/jure[01]/);
  });

  it('keeps a PDF of each notice for the applicant and for staff, with its SHA-256', async () => {
    const cookie = await ownerCookie('fablab');
    const page = await t.app.inject({ url: `/mes-candidatures/${apps.fablab}/decision`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Votre projet n’a pas été retenu');
    expect(page.body).toContain('Voies et délais de recours');
    const link = /href="(\/mes-candidatures\/[^"]+\/avis\.pdf)"/.exec(page.body)![1];
    const pdf = await t.app.inject({ url: link, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const notice = (await noticeRows(db(), [apps.fablab]))[0];
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(notice.pdf_sha256);
    const staffPdf = await t.app.inject({ url: `${outbox()}/${notice.id}/avis.pdf`, headers: { cookie: staff } });
    expect(staffPdf.statusCode).toBe(200);
    expect(staffPdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the outcome on the application’s page, which no longer offers to change it', async () => {
    const cookie = await ownerCookie('jardin');
    const page = await t.app.inject({ url: `/mes-candidatures/${apps.jardin}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Votre projet est lauréat');
    expect(page.body).toContain(`/mes-candidatures/${apps.jardin}/decision`);
    expect(page.body).not.toContain('Vous pouvez la modifier');
  });

  it('shows nobody else another applicant’s decision, its PDF or its answer (404)', async () => {
    const notice = (await noticeRows(db(), [apps.jardin]))[0];
    const urls = [
      `/mes-candidatures/${apps.jardin}/decision`,
      `/mes-candidatures/${apps.jardin}/decision/${notice.id}/avis.pdf`,
    ];
    for (const url of urls) {
      expect((await t.app.inject({ url, headers: { cookie: stranger } })).statusCode).toBe(404);
    }
    // Another applicant's cookie, with a valid CSRF session of their own page.
    const other = await ownerCookie('radio');
    const session = await formSession(t.app, other, `/mes-candidatures/${apps.radio}/decision`);
    const answer = await submitForm(t.app, session, `/mes-candidatures/${apps.jardin}/decision`, {
      reponse: 'renoncer',
    });
    expect(answer.statusCode).toBe(404);
    expect((await decisionRow(db(), apps.jardin)).declined_at).toBeNull();
    // Their own PDF under someone else's application is not found either.
    const radioNotice = (await noticeRows(db(), [apps.radio]))[0];
    const crossed = await t.app.inject({
      url: `/mes-candidatures/${apps.radio}/decision/${notice.id}/avis.pdf`,
      headers: { cookie: other },
    });
    expect(crossed.statusCode).toBe(404);
    expect(radioNotice.status).toBe('sent');
  });
});

describe('confirmation, reminders, lapse and the waiting list', () => {
  it('lets a laureate and their co-applicant see the decision, and confirm once', async () => {
    const co = await t.app.inject({
      url: `/mes-candidatures/${apps.jardin}/decision`,
      headers: { cookie: coApplicant.cookie },
    });
    expect(co.statusCode).toBe(200);
    expect(co.body).toContain('Je confirme ma participation');
    const cookie = await ownerCookie('jardin');
    const confirmed = await applicantPost(cookie, apps.jardin, { reponse: 'confirmer' });
    expect(confirmed.statusCode).toBe(303);
    expect((await decisionRow(db(), apps.jardin)).confirmed_at).not.toBeNull();
    const twice = await applicantPost(cookie, apps.jardin, { reponse: 'renoncer' });
    expect(twice.statusCode).toBe(409);
    expect((await decisionRow(db(), apps.jardin)).declined_at).toBeNull();
  });

  it('reminds an unanswered laureate 5 and 1 days before, once each, then lets the place lapse', async () => {
    const deadline = new Date((await decisionRow(db(), apps.atelier)).confirm_by!);
    const reminders = async () =>
      db().selectFrom('mails').select(['to_address']).where('template', '=', CONFIRM_REMINDER_MAIL).execute();
    t.clock.set(new Date(deadline.getTime() - 5 * DAY + 60_000));
    await t.app.services.worker.drain();
    await t.app.services.worker.drain();
    expect((await reminders()).map((r) => r.to_address)).toEqual([owners.atelier.email]);
    t.clock.set(new Date(deadline.getTime() - DAY + 60_000));
    await t.app.services.worker.drain();
    expect(await reminders()).toHaveLength(2);
    expect((await decisionRow(db(), apps.atelier)).lapsed_at).toBeNull();
    t.clock.set(new Date(deadline.getTime() + 60_000));
    await t.app.services.worker.drain();
    expect(await reminders()).toHaveLength(2);
    expect((await decisionRow(db(), apps.atelier)).lapsed_at).not.toBeNull();
    // Sessions do not outlive ten days: staff sign in again.
    staff = await sessionOf(db(), t.clock, 'staff.decisions@example.fr');
    // The confirmed garden kept its place.
    expect((await decisionRow(db(), apps.jardin)).lapsed_at).toBeNull();
    const cookie = await ownerCookie('atelier');
    const page = await t.app.inject({ url: `/mes-candidatures/${apps.atelier}/decision`, headers: { cookie } });
    expect(page.body).toContain('Le délai de confirmation a expiré');
    expect(page.body).not.toContain('Je confirme ma participation');
    expect((await applicantPost(cookie, apps.atelier, { reponse: 'confirmer' })).statusCode).toBe(409);
  });

  it('offers a lapsed place to the first on the waiting list in one action, once', async () => {
    const page = await t.app.inject({ url: outbox(), headers: { cookie: staff } });
    expect(page.body).toContain('Proposer la place au suivant de la liste d’attente');
    const offered = await staffPost(outbox(), `${outbox()}/places`, { freed: apps.atelier });
    expect(offered.statusCode).toBe(303);
    expect(offered.headers.location).toContain('ok=place');
    const next = await decisionRow(db(), apps.ressourcerie);
    expect(next.outcome).toBe('laureate');
    expect(new Date(next.confirm_by!).getTime()).toBe(t.clock.now().getTime() + 10 * DAY);
    expect((await applicationById(db(), apps.ressourcerie)).state).toBe('laureate');
    const offers = (await noticeRows(db(), [apps.ressourcerie])).filter((n) => n.kind === 'offer');
    expect(offers).toHaveLength(1);
    expect(offers[0].status).toBe('sent');
    const mails = await noticeMails(owners.ressourcerie.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toContain('Une place de lauréat vous est proposée');
    // The same place is not offered twice.
    const again = await staffPost(outbox(), `${outbox()}/places`, { freed: apps.atelier });
    expect(again.headers.location).toContain('ok=pas-libre');
    expect((await decisionRow(db(), apps.radio)).outcome).toBe('waiting_list');
    // Preparing again writes no laureate notice for the offered application.
    await prepareNotices(t.app.services, systemActor, { seasonId: fixture.seasonId });
    expect((await noticeRows(db(), [apps.ressourcerie])).map((n) => n.kind).sort()).toEqual(['offer', 'waiting_list']);
  });

  it('a decline frees the place for the next one; with nobody left, staff are told', async () => {
    const cookie = await ownerCookie('ressourcerie');
    const declined = await applicantPost(cookie, apps.ressourcerie, { reponse: 'renoncer' });
    expect(declined.statusCode).toBe(303);
    expect((await decisionRow(db(), apps.ressourcerie)).declined_at).not.toBeNull();
    // Declining withdraws the application from the programme.
    expect((await applicationById(db(), apps.ressourcerie)).state).toBe('withdrawn');
    // Five staff clicks at once offer the place once.
    const offers = await Promise.all(
      Array.from({ length: 5 }, () =>
        offerNextPlace(t.app.services, systemActor, {
          seasonId: fixture.seasonId,
          freedApplicationId: apps.ressourcerie,
        }),
      ),
    );
    expect(offers.filter((o) => o.ok)).toHaveLength(1);
    expect(offers.filter((o) => !o.ok).map((o) => !o.ok && o.problem)).toEqual(Array(4).fill('not_free'));
    expect((await decisionRow(db(), apps.radio)).outcome).toBe('laureate');
    expect((await noticeRows(db(), [apps.radio])).filter((n) => n.kind === 'offer')).toHaveLength(1);
    expect(await noticeMails(owners.radio.email)).toHaveLength(2);
    const radio = await ownerCookie('radio');
    expect((await applicantPost(radio, apps.radio, { reponse: 'renoncer' })).statusCode).toBe(303);
    const none = await staffPost(outbox(), `${outbox()}/places`, { freed: apps.radio });
    expect(none.headers.location).toContain('ok=personne');
  });
});

describe('bad input', () => {
  it('answers 4xx, never 500, with the form kept', async () => {
    const settings = await staffPost(outbox(), `${outbox()}/reglages`, { confirm_days: 'douze' });
    expect(settings.statusCode).toBe(400);
    expect(settings.body).toContain('entre 1 et 90');
    expect(settings.body).toContain('value="douze"');
    expect((await staffPost(outbox(), `${outbox()}/places`, { freed: 'pas-un-id' })).statusCode).toBe(404);
    expect((await staffPost(outbox(), `${outbox()}/places`, {})).statusCode).toBe(404);
    const unknownKind = await t.app.inject({
      url: `/admin/decisions/${fixture.seasonId}/modeles/felicitations/fr`,
      headers: { cookie: staff },
    });
    expect(unknownKind.statusCode).toBe(404);
    const cookie = await ownerCookie('jardin');
    expect((await applicantPost(cookie, apps.jardin, { reponse: 'peut-etre' })).statusCode).toBe(400);
    expect((await applicantPost(cookie, apps.jardin, {})).statusCode).toBe(400);
  });
});

describe('a deliberation still open', () => {
  it('has no notices to prepare or send', async () => {
    const other = await seedScoringFixture(db(), t.clock, {
      slug: 'saison-ouverte',
      number: 8,
      titles: ['Projet ouvert'],
      reviewers: 0,
      pairs: [],
      phase: { startsAt: t.clock.now(), endsAt: new Date(t.clock.now().getTime() + DAY) },
    });
    await seedClosedDeliberation(db(), {
      seasonId: other.seasonId,
      now: t.clock.now(),
      status: 'open',
      decisions: [{ applicationId: other.applications[0], outcome: 'laureate' }],
    });
    expect(await prepareNotices(t.app.services, systemActor, { seasonId: other.seasonId })).toEqual({
      ok: false,
      problem: 'not_closed',
    });
    expect(await sendAllNotices(t.app.services, systemActor, { seasonId: other.seasonId })).toEqual({
      ok: false,
      problem: 'not_closed',
    });
    expect(await noticeRows(db(), other.applications)).toHaveLength(0);
  });
});

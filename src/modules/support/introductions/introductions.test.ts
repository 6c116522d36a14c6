import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { formSession, postForm, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { createSession } from '../../../core/auth/sessions.js';
import { introductionFigures } from './figures.js';
import { followUpIntroductions } from './follow-up-introductions.js';
import { INTRODUCTION_FOLLOW_UP_JOB, introductionJobs } from './jobs.js';
import { INTRODUCTION_DECLINED_MAIL, INTRODUCTION_FOLLOW_UP_MAIL, INTRODUCTION_MAIL } from './mails.js';
import { insertPlanForTest } from './testing.js';
import { introductionEntries, lateIntroductions } from './timeline.js';
import { renderIntroductionsSection } from './transparency.js';

const DAY = 24 * 3600_000;

let t: TestApp;
let seasonId: string;
let alpha: SeededLaureate;
let beta: SeededLaureate;
let gamma: SeededLaureate;
let staff: string;
let otherTrackStaff: string;
let ownTrackStaff: string;
let staffUsers: SignedInUser[];
let contactId: string;
const db = () => t.app.services.db;

const teamPage = (l: SeededLaureate) => `/espace-laureat/${l.applicationId}/mises-en-relation`;
const staffPage = (l: SeededLaureate) => `/admin/accompagnement/laureats/${l.applicationId}/mises-en-relation`;

async function mails(template: string) {
  return db()
    .selectFrom('mails')
    .select(['to_address', 'subject', 'text_body', 'locale'])
    .where('template', '=', template)
    .orderBy('created_at')
    .execute();
}

async function introductionsOfApp(l: SeededLaureate) {
  return db()
    .selectFrom('support_introductions as i')
    .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
    .selectAll('i')
    .where('p.application_id', '=', l.applicationId)
    .orderBy('i.requested_at')
    .execute();
}

/** Sessions end after two idle hours: after moving the clock on, everyone signs in again. */
async function signInAgain() {
  for (const user of [alpha.owner, alpha.coApplicant, beta.owner, beta.coApplicant, ...staffUsers])
    user.cookie = `acc_session=${(await createSession(db(), t.clock, user.id)).token}`;
  [staff, otherTrackStaff, ownTrackStaff] = staffUsers.map((u) => u.cookie);
}

async function ask(l: SeededLaureate, fields: Record<string, string>) {
  return postForm(t.app, l.owner.cookie, teamPage(l), teamPage(l), fields);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-07-01T08:00:00Z');
  ({
    seasonId,
    laureates: [alpha, beta, gamma],
  } = await seedConfirmedLaureates(db(), t.clock, {
    slug: 'saison-mises-en-relation',
    number: 51,
    laureates: [
      {
        title: 'Stations météo citoyennes',
        track: 'numerique',
        answers: { project_summary: 'Des stations météo ouvertes dans les écoles.' },
      },
      { title: 'Atelier vélo', track: 'numerique' },
      { title: 'Sans plan', track: 'autres' },
    ],
  }));
  for (const l of [alpha, beta])
    await insertPlanForTest(db(), { applicationId: l.applicationId, seasonId, track: l.track }, t.clock.now());
  staffUsers = [
    await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe'),
    await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'autres' }], 'autres'),
    await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'numerique' }], 'numerique'),
  ];
  [staff, otherTrackStaff, ownTrackStaff] = staffUsers.map((u) => u.cookie);
  const contact = await db()
    .insertInto('support_contacts')
    .values({
      organisation: 'Météo-France',
      service: 'Direction des services météorologiques',
      person_name: 'Nadia Leroy',
      role: 'Responsable open data',
      email: 'nadia.leroy@meteo.fr',
      topics: ['météo', 'open data'],
      levers: ['donnees-outils'],
      legal_basis: 'Intérêt légitime — mission de service public',
      consent_note: 'Accord par courriel du 2 juin 2026',
      created_at: t.clock.now(),
      updated_at: t.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  contactId = contact.id;
}, 120_000);

afterAll(() => t?.close());

describe('the team’s request', () => {
  it('waits for a plan: the team reads that staff has not opened it yet, and cannot ask', async () => {
    const page = await t.app.inject({ url: teamPage(gamma), headers: { cookie: gamma.owner.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('n’a pas encore ouvert votre plan');
    const refused = await ask(gamma, { lever: 'donnees-outils', request: 'Des données' });
    expect(refused.statusCode).toBe(409);
    expect(await introductionsOfApp(gamma)).toHaveLength(0);
  });

  it('says what is wrong on the field and keeps what was typed', async () => {
    const empty = await ask(alpha, { lever: '', request: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('lever-error');
    expect(empty.body).toContain('request-error');
    const long = await ask(alpha, { lever: 'donnees-outils', request: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('ne doit pas dépasser 2000 caractères');
    const nul = await ask(alpha, { lever: 'pas-un-levier', request: 'Des <b>données</b>\u0000' });
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('caractères non autorisés');
    expect(nul.body).toContain('Des &lt;b>données&lt;/b>');
    expect(await introductionsOfApp(alpha)).toHaveLength(0);
  });

  it('is another laureate’s team’s business: 404 on its page and its forms', async () => {
    expect((await t.app.inject({ url: teamPage(alpha), headers: { cookie: beta.owner.cookie } })).statusCode).toBe(404);
    const session = await formSession(t.app, beta.owner.cookie, teamPage(beta));
    expect(
      (await submitForm(t.app, session, teamPage(alpha), { lever: 'coaching', request: 'Intrusion' })).statusCode,
    ).toBe(404);
    expect(await introductionsOfApp(alpha)).toHaveLength(0);
  });
});

describe('the introduction, from request to outcome', () => {
  let introId: string;

  it('goes from the team’s request to the staff’s queue, within the staff member’s tracks', async () => {
    const asked = await ask(alpha, {
      lever: 'donnees-outils',
      request: 'Nous avons besoin des données des stations météo officielles, en open data.',
    });
    expect(asked.statusCode).toBe(303);
    [{ id: introId }] = await introductionsOfApp(alpha);
    const queue = await t.app.inject({ url: '/admin/accompagnement/mises-en-relation', headers: { cookie: staff } });
    expect(queue.body).toContain('Stations météo citoyennes');
    expect(queue.body).toContain(`${staffPage(alpha)}/${introId}`);
    const own = await t.app.inject({
      url: '/admin/accompagnement/mises-en-relation',
      headers: { cookie: ownTrackStaff },
    });
    expect(own.body).toContain('Stations météo citoyennes');
    const other = await t.app.inject({
      url: '/admin/accompagnement/mises-en-relation',
      headers: { cookie: otherTrackStaff },
    });
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Stations météo citoyennes');
  });

  it('is closed to staff of another track (404) and to the team on the staff’s side (403)', async () => {
    for (const url of [staffPage(alpha), `${staffPage(alpha)}/${introId}`])
      expect((await t.app.inject({ url, headers: { cookie: otherTrackStaff } })).statusCode, url).toBe(404);
    const session = await formSession(t.app, otherTrackStaff, '/admin/accompagnement/mises-en-relation');
    const posted = await submitForm(t.app, session, `${staffPage(alpha)}/${introId}/presenter`, {
      contact_id: contactId,
      version: '1',
      subject: 'x',
      body: 'y',
    });
    expect(posted.statusCode).toBe(404);
    expect((await t.app.inject({ url: staffPage(alpha), headers: { cookie: alpha.owner.cookie } })).statusCode).toBe(
      403,
    );
    expect(
      (await t.app.inject({ url: `${staffPage(alpha)}/${introId}`, headers: { cookie: ownTrackStaff } })).statusCode,
    ).toBe(200);
  });

  it('suggests the contact of the lever, prefills the mail with the context, and sends ONE mail to both sides', async () => {
    const handle = `${staffPage(alpha)}/${introId}`;
    const page = await t.app.inject({ url: `${handle}?contact=${contactId}`, headers: { cookie: staff } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Météo-France — Direction des services météorologiques — Nadia Leroy ★');
    const subject = /name="subject" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    const body = /<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)?.[1] ?? '';
    expect(subject).toContain('Stations météo citoyennes');
    for (const part of [
      'Bonjour Nadia Leroy',
      'Des stations météo ouvertes dans les écoles.',
      'Nous avons besoin des données',
      alpha.owner.email,
      alpha.coApplicant.email,
    ])
      expect(body).toContain(part);

    const session = await formSession(t.app, staff, `${handle}?contact=${contactId}`);
    const empty = await submitForm(t.app, session, `${handle}/presenter`, {
      contact_id: contactId,
      version: '1',
      subject: '',
      body: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('subject-error');
    const edited = 'Bonjour Nadia,\n\nJe vous présente l’équipe des stations météo citoyennes.\n\nBien à vous.';
    const sent = await submitForm(t.app, session, `${handle}/presenter`, {
      contact_id: contactId,
      version: '1',
      subject: 'Mise en relation',
      body: edited,
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toContain('ok=presentee');
    const again = await submitForm(t.app, session, `${handle}/presenter`, {
      contact_id: contactId,
      version: '1',
      subject: 'Encore',
      body: edited,
    });
    expect(again.headers.location).toContain('ok=traitee');

    const [row] = await introductionsOfApp(alpha);
    expect(row).toMatchObject({
      status: 'introduced',
      contact_id: contactId,
      mail_subject: 'Mise en relation',
      mail_body: edited,
    });
    expect(new Date(row.follow_up_at!).getTime()).toBe(t.clock.now().getTime() + 30 * DAY);
    const sentMails = await mails(INTRODUCTION_MAIL);
    expect(sentMails).toHaveLength(1);
    const to = sentMails[0].to_address.split(', ');
    expect(to).toEqual(['nadia.leroy@meteo.fr', alpha.owner.email, alpha.coApplicant.email]);
    expect(sentMails[0].subject).toBe('Mise en relation');
    expect(sentMails[0].text_body).toContain('Je vous présente l’équipe des stations météo citoyennes.');
  });

  it('shows the team whom they were introduced to, with the e-mail, and takes their outcomes', async () => {
    const page = await t.app.inject({ url: teamPage(alpha), headers: { cookie: alpha.coApplicant.cookie } });
    expect(page.body).toContain(
      'Nadia Leroy, Responsable open data, Direction des services météorologiques, Météo-France',
    );
    expect(page.body).toContain('nadia.leroy@meteo.fr');
    const field = (name: string) => `${name}-${introId}`;
    const future = await postForm(t.app, alpha.owner.cookie, teamPage(alpha), `${teamPage(alpha)}/${introId}/suites`, {
      [field('outcome')]: 'meeting',
      [field('occurred_on')]: '2026-08-01',
      [field('note')]: '',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Cette date est dans le futur');
    const bad = await postForm(t.app, alpha.owner.cookie, teamPage(alpha), `${teamPage(alpha)}/${introId}/suites`, {
      [field('outcome')]: 'victoire',
      [field('occurred_on')]: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(`outcome-${introId}-error`);
    expect(bad.body).toContain(`occurred_on-${introId}-error`);
    const met = await postForm(t.app, alpha.owner.cookie, teamPage(alpha), `${teamPage(alpha)}/${introId}/suites`, {
      [field('outcome')]: 'meeting',
      [field('occurred_on')]: '2026-07-01',
      [field('note')]: 'Premier rendez-vous en visio.',
    });
    expect(met.statusCode).toBe(303);
    const handle = `${staffPage(alpha)}/${introId}`;
    const byStaff = await postForm(t.app, staff, handle, `${handle}/suites`, {
      [field('outcome')]: 'data_access',
      [field('occurred_on')]: '2026-07-01',
    });
    expect(byStaff.statusCode).toBe(303);
    const outcomes = await db()
      .selectFrom('support_introduction_outcomes')
      .select(['outcome', 'recorded_side'])
      .where('introduction_id', '=', introId)
      .orderBy('recorded_at')
      .execute();
    expect(outcomes).toEqual([
      { outcome: 'meeting', recorded_side: 'team' },
      { outcome: 'data_access', recorded_side: 'staff' },
    ]);
    // Another team cannot record on it.
    const intruder = await postForm(t.app, beta.owner.cookie, teamPage(beta), `${teamPage(alpha)}/${introId}/suites`, {
      [field('outcome')]: 'no_follow_up',
      [field('occurred_on')]: '2026-07-01',
    });
    expect(intruder.statusCode).toBe(404);
  });

  it('lets the team withdraw a waiting request, not a handled one', async () => {
    await ask(alpha, { lever: 'coaching', request: 'Un coach pour notre modèle économique.' });
    const waiting = (await introductionsOfApp(alpha)).find((i) => i.status === 'requested')!;
    const withdrawn = await postForm(
      t.app,
      alpha.owner.cookie,
      teamPage(alpha),
      `${teamPage(alpha)}/${waiting.id}/retirer`,
      {},
    );
    expect(withdrawn.headers.location).toContain('ok=retiree');
    const handled = await postForm(
      t.app,
      alpha.owner.cookie,
      teamPage(alpha),
      `${teamPage(alpha)}/${introId}/retirer`,
      {},
    );
    expect(handled.headers.location).toContain('ok=traitee');
    const statuses = (await introductionsOfApp(alpha)).map((i) => i.status);
    expect(statuses).toEqual(['introduced', 'withdrawn']);
  });

  it('lets staff decline with a note mailed to the team', async () => {
    await ask(beta, { lever: 'experimentations', request: 'Tester dans une préfecture.' });
    const [waiting] = await introductionsOfApp(beta);
    const handle = `${staffPage(beta)}/${waiting.id}`;
    const empty = await postForm(t.app, staff, handle, `${handle}/refuser`, {
      version: String(waiting.version),
      note: '',
    });
    expect(empty.statusCode).toBe(400);
    const declined = await postForm(t.app, staff, handle, `${handle}/refuser`, {
      version: String(waiting.version),
      note: 'Aucune préfecture ne peut accueillir le test cette année.',
    });
    expect(declined.headers.location).toContain('ok=refusee');
    const sent = await mails(INTRODUCTION_DECLINED_MAIL);
    expect(sent.map((m) => m.to_address).sort()).toEqual([beta.owner.email, beta.coApplicant.email].sort());
    expect(sent[0].text_body).toContain('Aucune préfecture ne peut accueillir le test cette année.');
    expect(sent[0].text_body).toContain(teamPage(beta));
  });
});

describe('the follow-up, the timeline and the figures', () => {
  it('asks the team once how an introduction went, when nothing was recorded after 30 days', async () => {
    await ask(beta, { lever: 'donnees-outils', request: 'Les données de trafic cycliste.' });
    const waiting = (await introductionsOfApp(beta)).find((i) => i.status === 'requested')!;
    const handle = `${staffPage(beta)}/${waiting.id}`;
    await postForm(t.app, staff, `${handle}?contact=${contactId}`, `${handle}/presenter`, {
      contact_id: contactId,
      version: String(waiting.version),
      subject: 'Mise en relation vélo',
      body: 'Bonjour,\n\nVoici l’équipe.',
    });
    expect(await followUpIntroductions(t.app.services)).toBe(0);
    t.clock.set(new Date(t.clock.now().getTime() + 31 * DAY));
    await signInAgain();
    const job = introductionJobs(t.app.services)[INTRODUCTION_FOLLOW_UP_JOB];
    await job({}, { id: 'test', attempts: 1 });
    await job({}, { id: 'test', attempts: 2 });
    expect(await followUpIntroductions(t.app.services)).toBe(0);
    const asked = await mails(INTRODUCTION_FOLLOW_UP_MAIL);
    // Beta's team only: alpha's introduction has outcomes.
    expect(asked.map((m) => m.to_address).sort()).toEqual([beta.owner.email, beta.coApplicant.email].sort());
    expect(asked[0].text_body).toContain('Météo-France');
    expect(asked[0].text_body).toContain(teamPage(beta));
    const next = await db()
      .selectFrom('jobs')
      .select('run_at')
      .where('name', '=', INTRODUCTION_FOLLOW_UP_JOB)
      .execute();
    expect(next.length).toBeGreaterThan(0);
  });

  it('puts requests, introductions and outcomes in the timeline, and says what is late', async () => {
    const entries = await introductionEntries(db(), alpha.applicationId);
    expect(entries.map((e) => e.title.fr).sort()).toEqual(
      [
        'Demande de mise en relation (Accès aux données et aux outils numériques de l’État)',
        'Demande de mise en relation (Coaching et stratégie de croissance)',
        'Demande de mise en relation retirée',
        'Mise en relation avec {organisation}',
        'Suite d’une mise en relation : Accès à des données ou à un outil obtenu',
        'Suite d’une mise en relation : Rendez-vous tenu',
      ].sort(),
    );
    expect(entries.find((e) => e.title.en.startsWith('Introduction outcome'))?.title.en).toMatch(
      /^Introduction outcome: (Meeting held|Data or tool access obtained)$/,
    );
    expect(
      entries.every(
        (e) =>
          e.kind === 'introduction' &&
          e.teamHref?.startsWith(teamPage(alpha)) &&
          e.staffHref?.startsWith(staffPage(alpha)),
      ),
    ).toBe(true);
    await ask(alpha, { lever: 'valorisation', request: 'Un article sur le site du ministère.' });
    const today = (d: Date) => d.toISOString().slice(0, 10);
    const now = t.clock.now();
    expect(
      (await lateIntroductions(db(), today(now))).filter((l) => l.applicationId === alpha.applicationId),
    ).toHaveLength(0);
    const late = await lateIntroductions(db(), today(new Date(now.getTime() + 15 * DAY)));
    expect(late.find((l) => l.applicationId === alpha.applicationId)?.title).toContain('en attente');
    // Beta's introduction is past its follow-up with no outcome.
    expect(late.find((l) => l.applicationId === beta.applicationId)?.title).toContain('sans suite');
  });

  it('counts introductions made and those that led to something, per lever, administration and season', async () => {
    const figures = await introductionFigures(db(), { seasonId });
    expect(figures.total).toMatchObject({ made: 2, positive: 1 });
    expect(figures.total.byOutcome).toMatchObject({ meeting: 1, data_access: 1, no_follow_up: 0 });
    expect(figures.byLever).toEqual([expect.objectContaining({ key: 'donnees-outils', made: 2, positive: 1 })]);
    expect(figures.byOrganisation).toEqual([expect.objectContaining({ key: 'Météo-France', made: 2 })]);
    expect(figures.bySeason).toEqual([expect.objectContaining({ key: seasonId, made: 2 })]);
    expect((await introductionFigures(db(), { tracks: ['autres'] })).total.made).toBe(0);

    const page = await t.app.inject({
      url: '/admin/accompagnement/mises-en-relation/chiffres',
      headers: { cookie: staff },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Météo-France');
    const other = await t.app.inject({
      url: '/admin/accompagnement/mises-en-relation/chiffres',
      headers: { cookie: otherTrackStaff },
    });
    expect(other.body).not.toContain('Météo-France');
    const csv = await t.app.inject({
      url: `/admin/accompagnement/mises-en-relation/chiffres.csv?saison=${seasonId}`,
      headers: { cookie: staff },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\ufeffRegroupement;Valeur;Mises en relation;Avec une suite')).toBe(true);
    expect(csv.body).toContain('Par administration;Météo-France;2;1;');
    expect(
      (
        await t.app.inject({
          url: '/admin/accompagnement/mises-en-relation/chiffres',
          headers: { cookie: alpha.owner.cookie },
        })
      ).statusCode,
    ).toBe(403);

    const section = await renderIntroductionsSection(
      t.app.services,
      { id: seasonId, slug: 'saison-mises-en-relation' },
      'fr',
    );
    expect(section).toContain('2 mises en relation avec 1 administration ; 1 a mené à un rendez-vous');
    expect(section).not.toContain('Météo-France');
    expect(section).not.toContain('Nadia');
    expect(
      await renderIntroductionsSection(t.app.services, { id: '00000000-0000-4000-8000-000000000000', slug: 'x' }, 'fr'),
    ).toBeNull();
  });
});

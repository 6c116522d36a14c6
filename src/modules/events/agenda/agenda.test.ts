import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FormFields, formSession, multipartBody, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { publicEvents } from '../index.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const SECRET_LINK = 'https://visio.example.org/secret-room-42';
const HOUR = 3600_000;

/** Events through HTTP on the real database: staff's form, registration, capacity, waiting list, feeds, exports. */
describe('events agenda', () => {
  let t: TestApp;
  let staff: SignedInUser;
  let member: SignedInUser;
  const db = () => t.app.services.db;
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  /** Posts a form with a CSRF token taken from `page` (anonymous visitors: the sign-in page, which always has a form). */
  const post = async (cookie: string, page: string, url: string, fields: FormFields, remoteAddress?: string) =>
    submitForm(
      t.app,
      await formSession(t.app, cookie, cookie === anonymous ? '/connexion' : page),
      url,
      fields,
      remoteAddress ? { remoteAddress } : {},
    );
  const anonymous = 'visitor=1';
  const eventFields = (extra: FormFields = {}): FormFields => ({
    title: 'Atelier des communs',
    description: '## Programme\n\nDes **échanges**.',
    kind: 'hybrid',
    place: '20 avenue de Ségur, Paris',
    accessibility: 'Accessible en fauteuil',
    online_link: SECRET_LINK,
    starts_at: '2026-07-01T14:00',
    ends_at: '2026-07-01T17:00',
    capacity: '2',
    registration_opens_at: '',
    registration_closes_at: '',
    offer_hours: '48',
    questions: 'Votre structure\nRégime | Aucun | Végétarien',
    published: 'on',
    version: '0',
    ...extra,
  });
  const createEventThroughForm = async (extra: FormFields = {}) => {
    const res = await post(staff.cookie, '/admin/evenements/nouveau', '/admin/evenements/nouveau', eventFields(extra));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    return /\/admin\/evenements\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1];
  };
  const mailsTo = (email: string, template?: string) => {
    let q = db().selectFrom('mails').selectAll().where('to_address', '=', email);
    if (template) q = q.where('template', '=', template);
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  };
  const tokenIn = (text: string) => /\/evenements\/inscriptions\/([A-Za-z0-9_-]{43})/.exec(text)![1];
  const statusOf = async (email: string) =>
    (
      await db()
        .selectFrom('event_registrations')
        .select('status')
        .where('email', '=', email)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).status;
  /** A visitor registers by email and confirms through the mail's link; returns the link's token. */
  const registerByEmail = async (eventId: string, email: string, ip = '10.0.0.1') => {
    const asked = await post(
      anonymous,
      `/evenements/${eventId}`,
      `/evenements/${eventId}/inscription`,
      { name: `Personne ${email}`, email, [`q_${(await questionIds(eventId))[1]}`]: 'Végétarien' },
      ip,
    );
    expect(asked.statusCode, asked.body.slice(0, 300)).toBe(200);
    const [mail] = await mailsTo(email, 'events.confirm-email');
    const token = tokenIn(mail.text_body);
    const confirmed = await post(
      anonymous,
      `/evenements/inscriptions/${token}`,
      `/evenements/inscriptions/${token}/confirmer`,
      {},
    );
    expect(confirmed.statusCode).toBe(200);
    return token;
  };
  const questionIds = async (eventId: string) => {
    const row = await db().selectFrom('events').select('questions').where('id', '=', eventId).executeTakeFirstOrThrow();
    const list = (typeof row.questions === 'string' ? JSON.parse(row.questions) : row.questions) as { id: string }[];
    return list.map((q) => q.id);
  };

  beforeAll(async () => {
    t = await createTestApp({ baseUrl: 'https://accelerateur.example.org' });
    t.clock.set('2026-06-01T08:00:00Z');
    staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe');
    member = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'membre');
  }, 120_000);
  afterAll(() => t.close());

  it('refuses bad input with a message on the field and what was typed kept', async () => {
    const cases: [FormFields, string][] = [
      [{ ends_at: '2026-07-01T13:00' }, 'ends_at'],
      [{ capacity: '0' }, 'capacity'],
      [{ capacity: '-3' }, 'capacity'],
      [{ capacity: 'beaucoup' }, 'capacity'],
      [{ registration_closes_at: '2026-07-01T15:00' }, 'registration_closes_at'],
      [{ starts_at: '2026-02-30T10:00' }, 'starts_at'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ kind: 'underwater' }, 'kind'],
      [{ online_link: 'javascript:alert(1)' }, 'online_link'],
      [{ offer_hours: '0' }, 'offer_hours'],
      [{ title: ['a', 'b'] }, 'title'],
    ];
    for (const [fields, field] of cases) {
      const res = await post(
        staff.cookie,
        '/admin/evenements/nouveau',
        '/admin/evenements/nouveau',
        eventFields(fields),
      );
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body, field).toContain(`id="${field}-error"`);
    }
    // What was typed comes back as the field's value, escaped: a quote cannot close the attribute.
    const html = await post(staff.cookie, '/admin/evenements/nouveau', '/admin/evenements/nouveau', {
      ...eventFields({ title: '"><script>alert(1)</script>', capacity: '0' }),
    });
    expect(html.body).toContain('value="&#34;><script>alert(1)</script>"');
    expect(html.body).not.toContain('value=""><script>');
    expect(await db().selectFrom('events').select('id').execute()).toHaveLength(0);
    // Not staff: refused.
    const refused = await t.app.inject({
      method: 'GET',
      url: '/admin/evenements/nouveau',
      headers: { cookie: member.cookie },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('registers by email after confirmation, never shows the online link publicly, mails it with an .ics', async () => {
    const id = await createEventThroughForm();
    const page = await get(`/evenements/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Atelier des communs');
    expect(page.body).toContain('<h2>Programme</h2>');
    expect(page.body).not.toContain('secret-room');
    for (const feed of ['/evenements.ics', `/evenements/${id}.ics`]) {
      const res = await get(feed);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('secret-room');
    }
    expect(JSON.stringify(await publicEvents(db(), t.clock.now()))).not.toContain('secret-room');

    // Asking is not registering: a pending row and a confirmation mail.
    const email = 'visiteur@example.org';
    const asked = await post(anonymous, `/evenements/${id}`, `/evenements/${id}/inscription`, {
      name: 'Vi Siteur',
      email,
    });
    expect(asked.statusCode).toBe(200);
    expect(await statusOf(email)).toBe('pending');
    const [confirmMail] = await mailsTo(email, 'events.confirm-email');
    expect(confirmMail.text_body).not.toContain('secret-room');
    const token = tokenIn(confirmMail.text_body);
    const tokenRow = await db().selectFrom('event_registration_tokens').select('token_hash').execute();
    expect(tokenRow.map((r) => r.token_hash)).not.toContain(token);
    const pending = await get(`/evenements/inscriptions/${token}`);
    expect(pending.body).not.toContain('secret-room');

    const confirmed = await post(
      anonymous,
      `/evenements/inscriptions/${token}`,
      `/evenements/inscriptions/${token}/confirmer`,
      {},
    );
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain(SECRET_LINK);
    expect(await statusOf(email)).toBe('registered');
    const [registeredMail] = await mailsTo(email, 'events.registered');
    expect(registeredMail.text_body).toContain(SECRET_LINK);
    expect(registeredMail.text_body).toMatch(/\/evenements\/inscriptions\/[A-Za-z0-9_-]{43}\/annuler/);
    const attachments = (
      typeof registeredMail.attachments === 'string'
        ? JSON.parse(registeredMail.attachments)
        : registeredMail.attachments
    ) as { filename: string; content: string }[];
    expect(attachments[0].filename).toBe('evenement.ics');
    const vevent = new ICAL.Component(ICAL.parse(attachments[0].content)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${id}@accelerateur.example.org`);
    // Confirming twice changes nothing.
    const again = await post(
      anonymous,
      `/evenements/inscriptions/${token}`,
      `/evenements/inscriptions/${token}/confirmer`,
      {},
    );
    expect(again.statusCode).toBe(409);

    // A wrong token is a 404, a malformed one too.
    expect((await get(`/evenements/inscriptions/${'A'.repeat(43)}`)).statusCode).toBe(404);
    expect((await get('/evenements/inscriptions/short')).statusCode).toBe(404);
    const wrong = await post(anonymous, `/evenements/${id}`, `/evenements/inscriptions/${'B'.repeat(43)}/annuler`, {});
    expect(wrong.statusCode).toBe(404);

    // Signed in: one click, the name prefilled, no confirmation mail.
    const form = await get(`/evenements/${id}`, member.cookie);
    expect(form.body).toContain('value="membre Test"');
    const oneClick = await post(member.cookie, `/evenements/${id}`, `/evenements/${id}/inscription`, {
      name: 'membre Test',
    });
    expect(oneClick.statusCode).toBe(303);
    expect(await statusOf(member.email)).toBe('registered');
    const mine = await get(String(oneClick.headers.location), member.cookie);
    expect(mine.body).toContain(SECRET_LINK);
    // The event is full now: the page says so, the list too.
    expect((await get(`/evenements/${id}`)).body).toContain('liste d’attente');

    // Rate limit: a sixth request for one address within the hour is refused with 429.
    for (let i = 0; i < 5; i++)
      await post(
        anonymous,
        `/evenements/${id}`,
        `/evenements/${id}/inscription`,
        { name: 'Insistant', email: 'spam@example.org' },
        `10.1.0.${i}`,
      );
    const limited = await post(anonymous, `/evenements/${id}`, `/evenements/${id}/inscription`, {
      name: 'Insistant',
      email: 'spam@example.org',
    });
    expect(limited.statusCode).toBe(429);
  });

  it('never exceeds the capacity: 50 confirmations at once for the last place, one gets it, 49 wait', async () => {
    const id = await createEventThroughForm({ title: 'Dernière place', capacity: '2' });
    await registerByEmail(id, 'premier@example.org');
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) {
      const email = `course${i}@example.org`;
      const asked = await post(
        anonymous,
        `/evenements/${id}`,
        `/evenements/${id}/inscription`,
        { name: `Course ${i}`, email },
        `10.2.${i}.1`,
      );
      expect(asked.statusCode).toBe(200);
      tokens.push(tokenIn((await mailsTo(email, 'events.confirm-email'))[0].text_body));
    }
    const session = await formSession(t.app, anonymous, `/evenements/${id}`);
    const results = await Promise.all(
      tokens.map((token) => submitForm(t.app, session, `/evenements/inscriptions/${token}/confirmer`, {})),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const rows = await db()
      .selectFrom('event_registrations')
      .select(['status', 'waiting_since'])
      .where('event_id', '=', id)
      .execute();
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(2);
    expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(49);
  }, 120_000);

  it('offers a freed place to the first waiting, expires it by the job, offers the next, who accepts in time', async () => {
    const id = await createEventThroughForm({ title: 'Liste d’attente', capacity: '1', offer_hours: '24' });
    const firstToken = await registerByEmail(id, 'a@example.org');
    await registerByEmail(id, 'b@example.org');
    t.clock.advance(60_000);
    await registerByEmail(id, 'c@example.org');
    expect(await statusOf('b@example.org')).toBe('waiting');
    expect((await mailsTo('b@example.org', 'events.waiting'))[0].text_body).toContain('position 1');

    // A cancels in one click from the mail's link, with a confirmation page.
    const ask = await get(`/evenements/inscriptions/${firstToken}/annuler`);
    expect(ask.statusCode).toBe(200);
    expect(await statusOf('a@example.org')).toBe('registered');
    const cancelled = await post(
      anonymous,
      `/evenements/inscriptions/${firstToken}/annuler`,
      `/evenements/inscriptions/${firstToken}/annuler`,
      {},
    );
    expect(cancelled.statusCode).toBe(200);
    expect(await statusOf('a@example.org')).toBe('cancelled');
    expect(await statusOf('b@example.org')).toBe('offered');
    expect(await statusOf('c@example.org')).toBe('waiting');
    const [offer] = await mailsTo('b@example.org', 'events.place-offered');
    const offerToken = tokenIn(offer.text_body);

    // Not yet expired: the job leaves the offer alone.
    await t.app.services.worker.drain();
    expect(await statusOf('b@example.org')).toBe('offered');
    t.clock.advance(24 * HOUR + 60_000);
    await t.app.services.worker.drain();
    expect(await statusOf('b@example.org')).toBe('expired');
    expect(await mailsTo('b@example.org', 'events.offer-expired')).toHaveLength(1);
    expect(await statusOf('c@example.org')).toBe('offered');
    // B's offer is gone.
    const late = await post(
      anonymous,
      `/evenements/inscriptions/${offerToken}`,
      `/evenements/inscriptions/${offerToken}/accepter`,
      {},
    );
    expect(late.statusCode).toBe(409);

    const [offerC] = await mailsTo('c@example.org', 'events.place-offered');
    const tokenC = tokenIn(offerC.text_body);
    t.clock.advance(2 * HOUR);
    const accepted = await post(
      anonymous,
      `/evenements/inscriptions/${tokenC}`,
      `/evenements/inscriptions/${tokenC}/accepter`,
      {},
    );
    expect(accepted.statusCode).toBe(200);
    expect(await statusOf('c@example.org')).toBe('registered');
    expect(await mailsTo('c@example.org', 'events.registered')).toHaveLength(1);
    // Its expiry job, later, changes nothing.
    t.clock.advance(30 * HOUR);
    await t.app.services.worker.drain();
    expect(await statusOf('c@example.org')).toBe('registered');

    // Staff see the waiting list and export attendees for a French spreadsheet.
    staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe');
    member = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'membre');
    const record = await get(`/admin/evenements/${id}`, staff.cookie);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('c@example.org');
    const csv = await get(`/admin/evenements/${id}/inscriptions.csv`, staff.cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Nom;Adresse électronique;Statut;Inscrit·e le;Présent·e;Votre structure;Régime');
    expect(lines.some((l) => l.includes(';Inscrit·e;') && l.includes('c@example.org'))).toBe(true);
    expect(lines.some((l) => l.includes(';Annulée;'))).toBe(true);
    expect(lines.join('\n')).toMatch(/;\d{2}\/\d{2}\/2026 \d{2}:\d{2};/);
    expect(lines.join('\n')).toContain('Végétarien');
    expect((await get(`/admin/evenements/${id}/inscriptions.csv`, member.cookie)).statusCode).toBe(403);
    const checkIn = await get(`/admin/evenements/${id}/emargement`, staff.cookie);
    expect(checkIn.body).toContain('Personne c@example.org');
    expect(checkIn.body).not.toContain('Personne a@example.org');
  });

  it('carries changes and cancellation in valid iCalendar feeds, mails registered people on cancellation', async () => {
    staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe');
    const id = await createEventThroughForm({ title: 'Événement d’été, avec ; virgules', capacity: '' });
    await registerByEmail(id, 'ete@example.org');
    const parse = async () => {
      const res = await get('/evenements.ics');
      expect(res.headers['content-type']).toContain('text/calendar');
      for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const calendar = new ICAL.Component(ICAL.parse(res.body));
      const zone = calendar.getFirstSubcomponent('vtimezone')!;
      expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
      const event = calendar
        .getAllSubcomponents('vevent')
        .find((e) => e.getFirstPropertyValue('uid') === `${id}@accelerateur.example.org`)!;
      return { calendar, event, zone };
    };
    const { event, zone } = await parse();
    expect(event.getFirstPropertyValue('summary')).toBe('Événement d’été, avec ; virgules');
    const start = event.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe('Europe/Paris');
    const time = start.getFirstValue() as ICAL.Time;
    time.zone = new ICAL.Timezone(zone);
    // 14:00 in Paris in July is 12:00 UTC.
    expect(time.toJSDate().toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(String(event.getFirstPropertyValue('dtstamp'))).toMatch(/Z$/);
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const version = String(
      (await db().selectFrom('events').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    );
    const edited = await post(
      staff.cookie,
      `/admin/evenements/${id}/modifier`,
      `/admin/evenements/${id}/modifier`,
      eventFields({
        title: 'Événement déplacé',
        capacity: '',
        starts_at: '2026-07-02T14:00',
        ends_at: '2026-07-02T16:00',
        version,
      }),
    );
    expect(edited.statusCode).toBe(303);
    expect((await parse()).event.getFirstPropertyValue('sequence')).toBe(1);
    // A stale form is refused.
    const stale = await post(
      staff.cookie,
      `/admin/evenements/${id}/modifier`,
      `/admin/evenements/${id}/modifier`,
      eventFields({ version }),
    );
    expect(stale.statusCode).toBe(409);

    const noReason = await post(staff.cookie, `/admin/evenements/${id}`, `/admin/evenements/${id}/annuler`, {
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const cancel = await post(staff.cookie, `/admin/evenements/${id}`, `/admin/evenements/${id}/annuler`, {
      reason: 'Salle indisponible',
    });
    expect(cancel.statusCode).toBe(303);
    const after = await parse();
    expect(after.event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(after.event.getFirstPropertyValue('sequence')).toBe(2);
    const [told] = await mailsTo('ete@example.org', 'events.event-cancelled');
    expect(told.text_body).toContain('Salle indisponible');
    expect((await get(`/evenements/${id}`)).body).toContain('Salle indisponible');
    // Drafts stay out of the feeds and the read model.
    const draft = await createEventThroughForm({ title: 'Brouillon secret', published: '' });
    expect((await get('/evenements.ics')).body).not.toContain('Brouillon secret');
    expect((await get(`/evenements/${draft}.ics`)).statusCode).toBe(404);
    expect((await get(`/evenements/${draft}`)).statusCode).toBe(404);
    expect((await publicEvents(db(), t.clock.now())).map((e) => e.id)).not.toContain(draft);
  });

  it('publishes a closing report with attendance, minutes and documents', async () => {
    const id = await createEventThroughForm({ title: 'Événement passé', capacity: '' });
    await registerByEmail(id, 'venu@example.org');
    const registration = await db()
      .selectFrom('event_registrations')
      .select('id')
      .where('email', '=', 'venu@example.org')
      .executeTakeFirstOrThrow();
    t.clock.set('2026-07-03T08:00:00Z');
    staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe');
    const page = `/admin/evenements/${id}/compte-rendu`;
    const bad = await post(staff.cookie, page, page, { attendance: '-2', minutes: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="attendance-error"');
    const saved = await post(staff.cookie, page, page, {
      attended: [registration.id],
      attendance: '',
      minutes: '## Décisions\n\nOn continue.',
      publish: 'on',
    });
    expect(saved.statusCode).toBe(303);
    const session = await formSession(t.app, staff.cookie, page);
    const body = multipartBody(
      { _csrf: session.csrf, title: 'Support de présentation' },
      { field: 'file', name: 'support.pdf', type: 'application/pdf', data: PDF },
    );
    const upload = await t.app.inject({
      method: 'POST',
      url: `/admin/evenements/${id}/documents`,
      headers: { cookie: session.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(303);
    const html = multipartBody(
      { _csrf: session.csrf, title: 'Page' },
      { field: 'file', name: 'x.html', type: 'text/html', data: Buffer.from('<html><script>1</script></html>') },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/admin/evenements/${id}/documents`,
      headers: { cookie: session.cookie, 'content-type': html.contentType },
      payload: html.payload,
    });
    expect(refused.statusCode).toBe(415);
    const publicPage = await get(`/evenements/${id}`);
    expect(publicPage.body).toContain('<h2>Décisions</h2>');
    expect(publicPage.body).toContain('Une personne présente');
    const link = /href="(\/evenements\/[0-9a-f-]{36}\/documents\/[0-9a-f-]{36})"/.exec(publicPage.body)![1];
    const file = await get(link);
    expect(file.statusCode).toBe(200);
    expect(file.body.startsWith('%PDF')).toBe(true);
    const [report] = await publicEvents(db(), t.clock.now(), { id });
    expect(report.report?.attendance).toBe(1);
    // Unpublished again: the document is no longer public.
    await post(staff.cookie, page, page, { attendance: '', minutes: '' });
    expect((await get(link)).statusCode).toBe(404);
  });
});

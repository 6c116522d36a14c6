import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, submitForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import { registerSignedIn } from './agenda/register.js';
import { createEvent } from './agenda/save-event.js';

/**
 * A person's registrations in their data, through the account's "my data" routes: the export lists them with
 * their answers; the erasure deletes them and gives a place they held to the first person waiting.
 */
describe('events in a person’s data', () => {
  let t: TestApp;
  let person: SignedInUser;
  let waiting: SignedInUser;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.database;
    person = await createSignedInUser(db, t.clock, [], 'camille');
    waiting = await createSignedInUser(db, t.clock, [], 'dominique');
    const staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'equipe');
    const startsAt = new Date(t.clock.now().getTime() + 10 * 86_400_000);
    const created = await createEvent(
      t.app.services,
      { id: staff.id, label: 'staff' },
      {
        title: 'Atelier des communs',
        description: '',
        kind: 'in_person',
        place: 'Paris',
        accessibility: '',
        onlineLink: null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        capacity: 1,
        opensAt: null,
        closesAt: null,
        offerHours: 48,
        questionsText: '',
        laureateIds: [],
        commonsIds: [],
        published: true,
      },
    );
    if (!created.ok) throw new Error(`event not created: ${created.problem}`);
    eventId = created.id;
    for (const who of [person, waiting]) {
      const registered = await registerSignedIn(
        t.app.services,
        { id: who.id, label: who.email },
        { eventId, name: who.email, email: who.email, answers: {}, locale: 'fr' },
      );
      expect(registered.ok).toBe(true);
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const statusOf = async (email: string) =>
    (
      await t.database.db
        .selectFrom('event_registrations')
        .select('status')
        .where('email', '=', email)
        .executeTakeFirst()
    )?.status;

  it('exports the person’s registrations, and not others’', async () => {
    expect(await statusOf(person.email)).toBe('registered');
    expect(await statusOf(waiting.email)).toBe('waiting');
    const response = await t.app.inject({ method: 'GET', url: '/compte/export', headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    const registrations = JSON.parse(response.body).events.registrations;
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toMatchObject({ event: 'Atelier des communs', email: person.email, status: 'registered' });
  });

  it('erases the registrations and offers the freed place to the first person waiting', async () => {
    const page = await formSession(t.app, person.cookie, '/compte');
    const erased = await submitForm(t.app, page, '/compte/supprimer', { confirmation: 'supprimer' });
    expect(erased.statusCode).toBe(200);
    expect(await statusOf(person.email)).toBeUndefined();
    expect(await statusOf(waiting.email)).toBe('offered');
    const offers = await t.database.db
      .selectFrom('mails')
      .select('to_address')
      .where('to_address', '=', waiting.email)
      .execute();
    expect(offers.length).toBeGreaterThan(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { formSession, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { addTimelineSource } from '../timeline-sources.js';
import { insertPlanForTest } from './testing.js';
import './timeline.js';

/** The timeline on both sides: every source merged latest first, filtered by kind, money shown to who may see it. */
describe('the laureate’s timeline and its messages', () => {
  let t: TestApp;
  let laureates: SeededLaureate[];
  let staff: SignedInUser;
  let admin: SignedInUser;
  let follower: SignedInUser;
  let planA: string;
  const teamPath = (id: string) => `/espace-laureat/${id}/fil`;
  const staffPath = (id: string) => `/admin/accompagnement/laureats/${id}/fil`;
  const db = () => t.app.services.db;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-04-14T08:00:00Z');
    ({ laureates } = await seedConfirmedLaureates(db(), t.clock, {
      slug: 'saison-fil',
      number: 52,
      laureates: [
        { title: 'Delta', track: 'numerique' },
        { title: 'Echo sans suivi', track: 'numerique' },
        { title: 'Foxtrot', track: 'autres' },
      ],
    }));
    staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'chargee');
    admin = await createSignedInUser(db(), t.clock, [{ role: 'admin' }], 'admin');
    follower = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'numerique' }], 'referente');
    planA = await insertPlanForTest(db(), {
      applicationId: laureates[0].applicationId,
      now: t.clock.now(),
      responsibleStaffId: follower.id,
    });
    await insertPlanForTest(db(), { applicationId: laureates[1].applicationId, now: t.clock.now() });
    const a = laureates[0].applicationId;
    // Another part's source (milestones, payments), as the registry gets it.
    addTimelineSource({
      name: 'test-source',
      entries: async (_db, applicationId) =>
        applicationId !== a
          ? []
          : [
              {
                kind: 'milestone',
                at: new Date('2026-04-01T10:00:00Z'),
                title: { fr: 'Jalon validé : prototype', en: 'Milestone validated: prototype' },
                text: '',
                staffHref: `/admin/accompagnement/laureats/${a}/jalons#jalon-1`,
                teamHref: `/espace-laureat/${a}/jalons#jalon-1`,
              },
              {
                kind: 'payment',
                at: new Date('2026-04-10T10:00:00Z'),
                title: { fr: 'Versement de 12 000,00 €', en: 'Payment of €12,000.00' },
                text: '',
                staffHref: `/admin/subventions/laureats/${a}`,
                teamHref: `/espace-laureat/${a}/subvention`,
                restricted: 'grants',
              },
            ],
    });
    await db()
      .insertInto('support_sessions')
      .values({
        plan_id: planA,
        held_at: new Date('2026-04-05T12:00:00Z'),
        duration_minutes: 45,
        topics: 'Stratégie de diffusion',
        notes: '',
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .execute();
  }, 120_000);
  afterAll(() => t.close());

  const get = (url: string, user: SignedInUser) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const order = (body: string, texts: string[]) => texts.map((x) => body.indexOf(x));

  async function mailsTo(email: string) {
    return db().selectFrom('mails').select(['template', 'text_body']).where('to_address', '=', email).execute();
  }

  it('lets the team write; the staff responsible in the plan get the mail, and the message heads the timeline', async () => {
    const id = laureates[0].applicationId;
    const form = await formSession(t.app, laureates[0].owner.cookie, teamPath(id));
    const posted = await submitForm(t.app, form, teamPath(id), {
      body: 'Bonjour,\n\nnous avons besoin d’un contact à la DGFiP.',
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toMatch(/\?ok=message#message-/);
    const mails = await mailsTo(follower.email);
    expect(mails.map((m) => m.template)).toEqual(['support.team-message']);
    expect(mails[0].text_body).toContain('nous avons besoin d’un contact à la DGFiP.');
    expect(mails[0].text_body).toContain(`/admin/accompagnement/laureats/${id}/fil#message-`);
    expect(await mailsTo(staff.email)).toEqual([]);
    t.clock.set('2026-04-14T09:00:00Z');
    const page = await get(teamPath(id), laureates[0].coApplicant);
    expect(page.statusCode).toBe(200);
    const [message, payment, session, milestone] = order(page.body, [
      'nous avons besoin d’un contact à la DGFiP.',
      'Versement de 12 000,00 €',
      'Stratégie de diffusion',
      'Jalon validé : prototype',
    ]);
    expect(message).toBeGreaterThan(0);
    expect(message < payment && payment < session && session < milestone).toBe(true);
    // Each entry links to its details on the team's side.
    expect(page.body).toContain(`href="/espace-laureat/${id}/jalons#jalon-1"`);
    expect(page.body).toContain(`href="/espace-laureat/${id}/seances#seance-`);
    expect(page.body).not.toContain('/admin/');
  });

  it('mails the team a staff message, and the track’s staff when a team writes without a staff member responsible', async () => {
    const id = laureates[0].applicationId;
    const form = await formSession(t.app, staff.cookie, staffPath(id));
    const posted = await submitForm(t.app, form, staffPath(id), {
      body: 'Nous vous mettons en relation cette semaine.',
    });
    expect(posted.statusCode).toBe(303);
    for (const person of [laureates[0].owner, laureates[0].coApplicant]) {
      const mails = await mailsTo(person.email);
      expect(mails.map((m) => m.template)).toEqual(['support.staff-message']);
      expect(mails[0].text_body).toContain(`/espace-laureat/${id}/fil#message-`);
    }
    const before = await db().selectFrom('mails').select('id').execute();
    const other = laureates[1];
    const otherForm = await formSession(t.app, other.owner.cookie, teamPath(other.applicationId));
    const alone = await submitForm(t.app, otherForm, teamPath(other.applicationId), { body: 'Une question.' });
    expect(alone.statusCode).toBe(303);
    // Nobody is named responsible in that plan: the track's staff hear of it.
    const told = await db().selectFrom('mails').select(['to_address', 'template']).execute();
    const fresh = told.slice(before.length);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((m) => m.template === 'support.team-message')).toBe(true);
    expect(fresh.map((m) => m.to_address)).toContain(staff.email);
    expect(await db().selectFrom('support_messages').select('id').execute()).toHaveLength(3);
  });

  it('filters by kind with a GET form, one kind or several, and ignores unknown kinds', async () => {
    const id = laureates[0].applicationId;
    const messages = await get(`${teamPath(id)}?type=message`, laureates[0].owner);
    expect(messages.statusCode).toBe(200);
    expect(messages.body).toContain('nous avons besoin d’un contact');
    expect(messages.body).not.toContain('Stratégie de diffusion');
    expect(messages.body).not.toContain('Jalon validé');
    expect(messages.body).toContain('id="type-message" name="type" value="message" checked');
    const two = await get(`${teamPath(id)}?type=milestone&type=session&type=nimporte`, laureates[0].owner);
    expect(two.body).toContain('Stratégie de diffusion');
    expect(two.body).toContain('Jalon validé');
    expect(two.body).not.toContain('nous avons besoin d’un contact');
    const odd = await get(`${teamPath(id)}?type=${'x'.repeat(30)}`, laureates[0].owner);
    expect(odd.statusCode).toBeLessThan(500);
  });

  it('shows money only to the team and to staff holding grants.manage', async () => {
    const id = laureates[0].applicationId;
    const plain = await get(staffPath(id), staff);
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('Jalon validé');
    expect(plain.body).not.toContain('Versement de 12 000,00 €');
    expect(plain.body).not.toContain('id="type-payment"');
    const asked = await get(`${staffPath(id)}?type=payment`, staff);
    expect(asked.body).not.toContain('Versement de 12 000,00 €');
    const withGrants = await get(staffPath(id), admin);
    expect(withGrants.body).toContain('Versement de 12 000,00 €');
    expect(withGrants.body).toContain(`href="/admin/subventions/laureats/${id}"`);
    const team = await get(teamPath(id), laureates[0].owner);
    expect(team.body).toContain('Versement de 12 000,00 €');
  });

  it('refuses a message with a NUL byte or too long with a message on the field, keeping the text, and never a 500', async () => {
    const id = laureates[0].applicationId;
    const form = await formSession(t.app, laureates[0].owner.cookie, teamPath(id));
    const before = await db().selectFrom('support_messages').select('id').execute();
    const nul = await submitForm(t.app, form, teamPath(id), { body: 'Avant\u0000après' });
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('id="body-error"');
    expect(nul.body).toContain('Avantaprès');
    const long = 'é'.repeat(5001);
    const tooLong = await submitForm(t.app, form, teamPath(id), { body: long });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('ne doit pas dépasser 5000 caractères');
    expect(tooLong.body).toContain(long);
    const empty = await submitForm(t.app, form, teamPath(id), { body: '   ' });
    expect(empty.statusCode).toBe(400);
    const html = await submitForm(t.app, form, teamPath(id), { body: '<img src=x onerror=alert(1)>' });
    expect(html.statusCode).toBe(303);
    const shown = await get(teamPath(id), laureates[0].owner);
    expect(shown.body).toContain('&lt;img src=x onerror=alert(1)');
    expect(shown.body).not.toContain('<img src=x');
    expect(await db().selectFrom('support_messages').select('id').execute()).toHaveLength(before.length + 1);
  });

  it('keeps each side to its own laureates: another team and staff of another track get 404', async () => {
    const id = laureates[0].applicationId;
    expect((await get(teamPath(id), laureates[2].owner)).statusCode).toBe(404);
    const otherTrack = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'autres' }], 'autres');
    expect((await get(staffPath(id), otherTrack)).statusCode).toBe(404);
    const form = await formSession(t.app, otherTrack.cookie, staffPath(laureates[2].applicationId));
    const posted = await submitForm(t.app, form, staffPath(id), { body: 'Intrusion' });
    expect(posted.statusCode).toBe(404);
    expect((await get(staffPath(id), laureates[0].owner)).statusCode).toBe(403);
  });
});

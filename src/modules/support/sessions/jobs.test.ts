import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { addTimelineSource } from '../timeline-sources.js';
import { scheduleSessionJobs, WEEKLY_DIGEST_JOB } from './jobs.js';
import { sendActionReminders } from './send-action-reminders.js';
import { sendWeeklyDigest } from './send-weekly-digest.js';
import { insertPlanForTest } from './testing.js';

/** The action items' reminders and Monday's digest to staff, run as the job worker runs them. */
describe('reminders and the weekly digest', () => {
  let t: TestApp;
  let laureates: SeededLaureate[];
  let everyTrack: SignedInUser;
  let numerique: SignedInUser;
  let autres: SignedInUser;
  let admin: SignedInUser;
  let outsider: SignedInUser;
  const plans: string[] = [];
  const db = () => t.app.services.db;
  /** Milestones of another part, late or not, as its source will report them. */
  let lateMilestones: { applicationId: string; title: string; dueOn: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    // Monday 7 December 2026, 08:00 in Paris.
    t.clock.set('2026-12-07T07:00:00Z');
    ({ laureates } = await seedConfirmedLaureates(db(), t.clock, {
      slug: 'saison-rappels',
      number: 53,
      laureates: [
        { title: 'Golf', track: 'numerique' },
        { title: 'Hotel', track: 'autres' },
        { title: 'India', track: 'numerique' },
      ],
    }));
    everyTrack = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'tous');
    numerique = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'numerique' }], 'numerique');
    autres = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'autres' }], 'autres');
    admin = await createSignedInUser(db(), t.clock, [{ role: 'admin' }], 'admin');
    outsider = await createSignedInUser(db(), t.clock, [{ role: 'reviewer' }], 'jure');
    for (const l of laureates)
      plans.push(await insertPlanForTest(db(), { applicationId: l.applicationId, now: t.clock.now() }));
    addTimelineSource({
      name: 'test-late-milestones',
      entries: async () => [],
      late: async (_db, today) =>
        lateMilestones
          .filter((m) => m.dueOn < today)
          .map((m) => ({
            applicationId: m.applicationId,
            kind: 'milestone' as const,
            title: m.title,
            dueOn: m.dueOn,
            staffHref: `/admin/accompagnement/laureats/${m.applicationId}/jalons`,
          })),
    });
  }, 120_000);
  afterAll(() => t.close());
  beforeEach(async () => {
    await db().deleteFrom('mails').execute();
  });

  async function item(plan: number, values: { text: string; due_on: string | null; owner_user_id?: string | null }) {
    return db()
      .insertInto('support_action_items')
      .values({
        plan_id: plans[plan],
        text: values.text,
        owner_name: values.owner_user_id ? 'Quelqu’un' : '',
        owner_user_id: values.owner_user_id ?? null,
        due_on: values.due_on,
        created_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  const mails = (template: string) =>
    db()
      .selectFrom('mails')
      .select(['to_address', 'text_body', 'subject'])
      .where('template', '=', template)
      .orderBy('to_address')
      .execute();

  it('reminds the owner two days before an action item is due, once, and the team when no one is named', async () => {
    const coApplicant = laureates[0].coApplicant;
    await item(0, { text: 'Publier la documentation', due_on: '2026-12-09', owner_user_id: coApplicant.id });
    await item(0, { text: 'Envoyer le budget', due_on: '2026-12-08' });
    await item(0, { text: 'Plus tard', due_on: '2026-12-20' });
    await item(0, { text: 'Sans date', due_on: null });
    const done = await item(0, { text: 'Déjà fait', due_on: '2026-12-09' });
    await db().updateTable('support_action_items').set({ done_at: t.clock.now() }).where('id', '=', done.id).execute();

    expect(await sendActionReminders(t.app.services)).toBe(2);
    const sent = await mails('support.action-reminder');
    const byText = (text: string) =>
      sent
        .filter((m) => m.text_body.includes(text))
        .map((m) => m.to_address)
        .sort();
    expect(byText('Publier la documentation')).toEqual([coApplicant.email]);
    expect(byText('Envoyer le budget')).toEqual([laureates[0].owner.email, coApplicant.email].sort());
    expect(sent.some((m) => /Plus tard|Sans date|Déjà fait/.test(m.text_body))).toBe(false);
    expect(sent[0].text_body).toContain(`/espace-laureat/${laureates[0].applicationId}/seances#action-`);

    // Again the same day, or the next: nothing twice.
    expect(await sendActionReminders(t.app.services)).toBe(0);
    t.clock.set('2026-12-08T07:00:00Z');
    expect(await sendActionReminders(t.app.services)).toBe(0);
    expect(await mails('support.action-reminder')).toHaveLength(3);
    t.clock.set('2026-12-07T07:00:00Z');
  });

  it('sends no digest when nothing is late', async () => {
    await db().deleteFrom('support_action_items').execute();
    lateMilestones = [{ applicationId: laureates[0].applicationId, title: 'À venir', dueOn: '2026-12-10' }];
    expect(await sendWeeklyDigest(t.app.services)).toBe(0);
    expect(await mails('support.weekly-digest')).toEqual([]);
  });

  it('sends each staff member what is late in their tracks, grouped by laureate, once a week', async () => {
    await item(0, { text: 'Relancer la préfecture', due_on: '2026-12-01' });
    await item(1, { text: 'Signer la charte', due_on: '2026-11-30' });
    await item(2, { text: 'Pas en retard', due_on: '2026-12-07' });
    lateMilestones = [{ applicationId: laureates[2].applicationId, title: 'Prototype', dueOn: '2026-12-04' }];
    const message = (plan: number, side: 'team' | 'staff', body: string, at: string) =>
      db()
        .insertInto('support_messages')
        .values({ plan_id: plans[plan], side, body, author_id: null, created_at: new Date(at) })
        .execute();
    // India's team has waited five days for an answer; Golf's was answered; Hotel's is only a day old.
    await message(2, 'team', 'Qui contacter à la préfecture ?', '2026-12-02T10:00:00Z');
    await message(2, 'team', 'Une relance.', '2026-12-03T10:00:00Z');
    await message(0, 'team', 'Question déjà traitée', '2026-12-01T10:00:00Z');
    await message(0, 'staff', 'Réponse', '2026-12-01T15:00:00Z');
    await message(1, 'team', 'Question récente', '2026-12-06T10:00:00Z');

    expect(await sendWeeklyDigest(t.app.services)).toBe(4);
    const sent = await mails('support.weekly-digest');
    const to = (user: SignedInUser) => sent.find((m) => m.to_address === user.email);
    expect(sent.map((m) => m.to_address).sort()).toEqual(
      [everyTrack.email, numerique.email, autres.email, admin.email].sort(),
    );
    expect(to(outsider)).toBeUndefined();
    const all = to(everyTrack)!.text_body;
    expect(all).toContain('Relancer la préfecture');
    expect(all).toContain('Signer la charte');
    expect(all).toContain('Jalon : Prototype');
    expect(all).not.toContain('Pas en retard');
    expect(all).toContain('Message sans réponse : Qui contacter à la préfecture ? (échéance : 5 décembre 2026)');
    expect(all).not.toContain('Une relance.');
    expect(all).not.toContain('Question déjà traitée');
    expect(all).not.toContain('Question récente');
    expect(all.indexOf('« Golf »')).toBeLessThan(all.indexOf('« Hotel »'));
    expect(all.indexOf('« Hotel »')).toBeLessThan(all.indexOf('« India »'));
    expect(all).toContain(`/admin/accompagnement/laureats/${laureates[1].applicationId}/fil`);
    expect(to(everyTrack)!.subject).toBe('Accompagnement : 4 éléments en retard');
    expect(to(everyTrack)!.text_body).toContain('accompagnements que vous suivez (4 éléments) :');
    expect(to(autres)!.subject).toBe('Accompagnement : 1 élément en retard');
    expect(to(numerique)!.text_body).toContain('Relancer la préfecture');
    expect(to(numerique)!.text_body).toContain('Prototype');
    expect(to(numerique)!.text_body).not.toContain('Signer la charte');
    expect(to(autres)!.text_body).toContain('Signer la charte');
    expect(to(autres)!.text_body).not.toContain('Relancer la préfecture');
    expect(to(autres)!.text_body).not.toContain('Qui contacter');

    // The job retried, or run by a second process: nobody gets it twice this week.
    expect(await sendWeeklyDigest(t.app.services)).toBe(0);
    t.clock.set('2026-12-11T07:00:00Z');
    expect(await sendWeeklyDigest(t.app.services)).toBe(0);
    // The next Monday, still late: sent again.
    t.clock.set('2026-12-14T07:00:00Z');
    expect(await sendWeeklyDigest(t.app.services)).toBe(4);
    t.clock.set('2026-12-07T07:00:00Z');
  });

  it('schedules the digest on Monday 08:00 Paris time and runs it through the job worker', async () => {
    await db().deleteFrom('jobs').execute();
    t.clock.set('2026-12-15T10:00:00Z');
    await scheduleSessionJobs(t.app.services);
    await scheduleSessionJobs(t.app.services);
    const jobs = await db()
      .selectFrom('jobs')
      .select(['name', 'run_at'])
      .where('state', '=', 'pending')
      .orderBy('name')
      .execute();
    expect(jobs.map((j) => [j.name, new Date(j.run_at).toISOString()])).toEqual([
      ['support.action-reminders', '2026-12-16T06:30:00.000Z'],
      [WEEKLY_DIGEST_JOB, '2026-12-21T07:00:00.000Z'],
    ]);
    t.clock.set('2026-12-21T07:00:00Z');
    await t.app.services.worker.drain();
    expect((await mails('support.weekly-digest')).length).toBe(4);
    const next = await db()
      .selectFrom('jobs')
      .select('run_at')
      .where('name', '=', WEEKLY_DIGEST_JOB)
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(new Date(next.run_at).toISOString()).toBe('2026-12-28T07:00:00.000Z');
  });
});

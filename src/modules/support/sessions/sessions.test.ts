import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { type FormFields, formSession, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { dayText } from './durations.js';
import { insertPlanForTest } from './testing.js';

/** Sessions through HTTP: staff record them, hours are drawn down, the team reads them and ticks its actions. */
describe('coaching sessions', () => {
  let t: TestApp;
  let laureates: SeededLaureate[];
  let staff: SignedInUser;
  let otherTrackStaff: SignedInUser;
  let planA: string;
  const staffPath = (id: string) => `/admin/accompagnement/laureats/${id}/seances`;
  const teamPath = (id: string) => `/espace-laureat/${id}/seances`;
  const db = () => t.app.services.db;

  beforeAll(async () => {
    t = await createTestApp({}, { logger: { level: 'error' } });
    t.clock.set('2026-03-10T09:00:00Z');
    ({ laureates } = await seedConfirmedLaureates(db(), t.clock, {
      slug: 'saison-seances',
      number: 51,
      laureates: [
        { title: 'Alpha', track: 'numerique' },
        { title: 'Bravo sans plan', track: 'numerique' },
        { title: 'Charlie', track: 'autres' },
      ],
    }));
    staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'accompagnatrice');
    otherTrackStaff = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'autres' }], 'autre-parcours');
    planA = await insertPlanForTest(db(), {
      applicationId: laureates[0].applicationId,
      now: t.clock.now(),
      allocatedMinutes: 120,
    });
    await insertPlanForTest(db(), { applicationId: laureates[2].applicationId, now: t.clock.now() });
  }, 120_000);
  afterAll(() => t.close());

  const sessionFields = (overrides: FormFields = {}): FormFields => ({
    held_on: '2026-03-09',
    held_time: '14:30',
    duration: '90',
    counts_hours: 'on',
    topics: 'Modèle économique et gouvernance',
    notes: 'Premier point.\n\nDeuxième paragraphe.',
    staff_note: 'Équipe motivée, trésorerie fragile.',
    lever_coaching: 'on',
    mentors: 'Camille Martin, mentor',
    administration: '',
    item_rows: '3',
    item_text_0: 'Rédiger la feuille de route',
    item_owner_0: 'team',
    item_due_0: '2026-03-20',
    item_text_1: 'Relire les statuts',
    item_owner_1: 'other',
    item_owner_name_1: 'Juriste bénévole',
    ...overrides,
  });

  async function createSession(fields: FormFields, as: SignedInUser = staff, id = laureates[0].applicationId) {
    const session = await formSession(t.app, as.cookie, `${staffPath(id)}/nouvelle`);
    return submitForm(t.app, session, staffPath(id), fields);
  }

  async function used(): Promise<number> {
    const rows = await db()
      .selectFrom('support_sessions')
      .select(['duration_minutes', 'counts_hours'])
      .where('plan_id', '=', planA)
      .execute();
    return rows.filter((r) => r.counts_hours).reduce((n, r) => n + r.duration_minutes, 0);
  }

  it('says a laureate without a plan has no sessions yet and links to its overview', async () => {
    const id = laureates[1].applicationId;
    const page = await t.app.inject({ method: 'GET', url: staffPath(id), headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Pas encore de plan d’accompagnement');
    expect(page.body).toContain(`href="/admin/accompagnement/laureats/${id}"`);
    const form = await t.app.inject({
      method: 'GET',
      url: `${staffPath(id)}/nouvelle`,
      headers: { cookie: staff.cookie },
    });
    expect(form.statusCode).toBe(303);
  });

  it('records a session with participants, notes and action items, and draws the hours down', async () => {
    const response = await createSession(sessionFields());
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/\?ok=enregistree#seance-/);
    expect(await used()).toBe(90);
    const page = await t.app.inject({
      method: 'GET',
      url: staffPath(laureates[0].applicationId),
      headers: { cookie: staff.cookie },
    });
    expect(page.body).toContain('Modèle économique et gouvernance');
    expect(page.body).toContain('Camille Martin, mentor (mentor)');
    expect(page.body).toContain('Heures consommées : 1 h 30');
    expect(page.body).toContain('Heures restantes : 30 min');
    expect(page.body).toContain('Rédiger la feuille de route');
    expect(page.body).toContain('Juriste bénévole');
    expect(page.body).toContain('Équipe motivée, trésorerie fragile.');
    const items = await db().selectFrom('support_action_items').selectAll().where('plan_id', '=', planA).execute();
    expect(items.map((i) => i.text).sort()).toEqual(['Relire les statuts', 'Rédiger la feuille de route']);
    expect(dayText(items.find((i) => i.text === 'Rédiger la feuille de route')?.due_on)).toBe('2026-03-20');
    const audit = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'support.session-created')
      .execute();
    expect(audit.length).toBe(1);
  });

  it('warns without refusing when a session goes beyond the allocation, and a session that does not count draws nothing', async () => {
    const uncounted = await createSession(sessionFields({ counts_hours: '', duration: '300', item_rows: '0' }));
    expect(uncounted.headers.location).toContain('?ok=enregistree');
    expect(await used()).toBe(90);
    const over = await createSession(sessionFields({ held_on: '2026-03-10', duration: '60', item_rows: '0' }));
    expect(over.statusCode).toBe(303);
    expect(over.headers.location).toContain('?ok=depassement');
    expect(await used()).toBe(150);
    const page = await t.app.inject({
      method: 'GET',
      url: staffPath(laureates[0].applicationId),
      headers: { cookie: staff.cookie },
    });
    expect(page.body).toContain('dépassent de 30 min les heures allouées');
    const team = await t.app.inject({
      method: 'GET',
      url: teamPath(laureates[0].applicationId),
      headers: { cookie: laureates[0].owner.cookie },
    });
    expect(team.body).toContain('Heures consommées : 2 h 30');
    expect(team.body).toContain('dépassent de 30 min');
  });

  it('edits a session (keeping a done item), refuses a stale form, and deletes a session with its items', async () => {
    const session = await db()
      .selectFrom('support_sessions')
      .select(['id', 'version'])
      .where('plan_id', '=', planA)
      .where('duration_minutes', '=', 90)
      .executeTakeFirstOrThrow();
    const items = await db()
      .selectFrom('support_action_items')
      .select(['id', 'text'])
      .where('session_id', '=', session.id)
      .orderBy('created_at')
      .orderBy('text', 'desc')
      .execute();
    const roadmap = items.find((i) => i.text === 'Rédiger la feuille de route')!;
    await db()
      .updateTable('support_action_items')
      .set({ done_at: t.clock.now() })
      .where('id', '=', roadmap.id)
      .execute();
    const editUrl = `${staffPath(laureates[0].applicationId)}/${session.id}/modifier`;
    const form = await formSession(t.app, staff.cookie, editUrl);
    expect(form.html).toContain('value="Rédiger la feuille de route"');
    const fields = sessionFields({
      duration: '60',
      version: String(session.version),
      item_rows: '2',
      item_id_0: roadmap.id,
      item_text_0: 'Rédiger la feuille de route (v2)',
      item_owner_0: 'team',
      item_due_0: '2026-03-20',
      // The second item is emptied: it is deleted.
      item_text_1: '',
    });
    const saved = await submitForm(t.app, form, `${staffPath(laureates[0].applicationId)}/${session.id}`, fields);
    expect(saved.statusCode).toBe(303);
    expect(await used()).toBe(120);
    const after = await db()
      .selectFrom('support_action_items')
      .selectAll()
      .where('session_id', '=', session.id)
      .execute();
    expect(after.map((i) => [i.id, i.text, i.done_at !== null])).toEqual([
      [roadmap.id, 'Rédiger la feuille de route (v2)', true],
    ]);
    const stale = await submitForm(t.app, form, `${staffPath(laureates[0].applicationId)}/${session.id}`, fields);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('modifiée entre-temps');
    expect(stale.body).toContain('Rédiger la feuille de route (v2)');

    const other = await db()
      .selectFrom('support_sessions')
      .select('id')
      .where('plan_id', '=', planA)
      .where('duration_minutes', '=', 300)
      .executeTakeFirstOrThrow();
    const removed = await submitForm(t.app, form, `${staffPath(laureates[0].applicationId)}/${other.id}/supprimer`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toContain('?ok=supprimee');
    const left = await db().selectFrom('support_sessions').select('id').where('id', '=', other.id).execute();
    expect(left).toEqual([]);
  });

  it('sends a wrong form back with a message on each field and what was typed (NUL bytes included)', async () => {
    const before = await db().selectFrom('support_sessions').select('id').execute();
    const response = await createSession(
      sessionFields({
        held_on: '2026-02-31',
        held_time: '25:00',
        duration: 'deux heures',
        topics: 'Sujet\u0000caché',
        mentors: Array.from({ length: 31 }, (_, i) => `Mentor ${i}`).join('\n'),
        item_owner_1: 'other',
        item_owner_name_1: '',
        item_text_1: '<script>alert(1)</script>',
        item_due_1: '0000-01-01',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="held_on-error"');
    expect(response.body).toContain('id="held_time-error"');
    expect(response.body).toContain('id="duration-error"');
    expect(response.body).toContain('id="topics-error"');
    expect(response.body).toContain('id="mentors-error"');
    expect(response.body).toContain('id="item_owner_name_1-error"');
    expect(response.body).toContain('id="item_due_1-error"');
    expect(response.body).toContain('value="deux heures"');
    expect(response.body).toContain('Sujetcaché');
    // Kept in the field's value (quoted attribute: only " and & need escaping there), never as markup.
    expect(response.body).toContain('value="<script>alert(1)</script>"');
    expect(response.body.replaceAll('value="<script>alert(1)</script>"', '')).not.toContain('<script>alert(1)');
    expect(await db().selectFrom('support_sessions').select('id').execute()).toHaveLength(before.length);
  });

  it('shows the team its sessions and shared notes, never the staff’s note, and lets it tick its action items', async () => {
    const id = laureates[0].applicationId;
    const page = await t.app.inject({
      method: 'GET',
      url: teamPath(id),
      headers: { cookie: laureates[0].coApplicant.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Modèle économique et gouvernance');
    expect(page.body).toContain('Deuxième paragraphe.');
    expect(page.body).not.toContain('trésorerie fragile');
    expect(page.body).not.toContain('/modifier');
    const item = await db()
      .selectFrom('support_action_items')
      .select('id')
      .where('plan_id', '=', planA)
      .where('done_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const form = await formSession(t.app, laureates[0].owner.cookie, teamPath(id));
    const undone = await submitForm(t.app, form, `/espace-laureat/${id}/actions/${item.id}`, { done: '0' });
    expect(undone.statusCode).toBe(303);
    const row = await db()
      .selectFrom('support_action_items')
      .select('done_at')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row.done_at).toBeNull();
    const done = await submitForm(t.app, form, `/espace-laureat/${id}/actions/${item.id}`, { done: '1' });
    expect(done.statusCode).toBe(303);
    const again = await db()
      .selectFrom('support_action_items')
      .select('done_at')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(again.done_at).not.toBeNull();
    // Staff can too.
    const staffForm = await formSession(t.app, staff.cookie, staffPath(id));
    const byStaff = await submitForm(t.app, staffForm, `/admin/accompagnement/laureats/${id}/actions/${item.id}`, {
      done: '0',
    });
    expect(byStaff.statusCode).toBe(303);
  });

  it('refuses the team the staff’s session pages and actions (403), and another laureate’s space (404)', async () => {
    const id = laureates[0].applicationId;
    const owner = laureates[0].owner;
    const list = await t.app.inject({ method: 'GET', url: staffPath(id), headers: { cookie: owner.cookie } });
    expect(list.statusCode).toBe(403);
    const form = await formSession(t.app, owner.cookie, teamPath(id));
    const create = await submitForm(t.app, form, staffPath(id), sessionFields());
    expect(create.statusCode).toBe(403);
    const session = await db()
      .selectFrom('support_sessions')
      .select('id')
      .where('plan_id', '=', planA)
      .executeTakeFirstOrThrow();
    const edit = await submitForm(t.app, form, `${staffPath(id)}/${session.id}`, sessionFields());
    expect(edit.statusCode).toBe(403);
    const remove = await submitForm(t.app, form, `${staffPath(id)}/${session.id}/supprimer`, {});
    expect(remove.statusCode).toBe(403);

    const stranger = laureates[2].owner;
    const other = await t.app.inject({ method: 'GET', url: teamPath(id), headers: { cookie: stranger.cookie } });
    expect(other.statusCode).toBe(404);
    const item = await db()
      .selectFrom('support_action_items')
      .select('id')
      .where('plan_id', '=', planA)
      .executeTakeFirstOrThrow();
    const strangerForm = await formSession(t.app, stranger.cookie, teamPath(laureates[2].applicationId));
    // Through its own space's URL, another plan's item is not found either.
    for (const url of [
      `/espace-laureat/${id}/actions/${item.id}`,
      `/espace-laureat/${laureates[2].applicationId}/actions/${item.id}`,
    ]) {
      const tick = await submitForm(t.app, strangerForm, url, { done: '1' });
      expect(tick.statusCode, url).toBe(404);
    }
  });

  it('answers 404 to staff of another track, for the pages and the changes', async () => {
    const id = laureates[0].applicationId;
    const page = await t.app.inject({ method: 'GET', url: staffPath(id), headers: { cookie: otherTrackStaff.cookie } });
    expect(page.statusCode).toBe(404);
    const newForm = await t.app.inject({
      method: 'GET',
      url: `${staffPath(id)}/nouvelle`,
      headers: { cookie: otherTrackStaff.cookie },
    });
    expect(newForm.statusCode).toBe(404);
    const before = await db().selectFrom('support_sessions').select('id').execute();
    const created = await createSession(sessionFields(), otherTrackStaff, laureates[2].applicationId).then(() =>
      formSession(t.app, otherTrackStaff.cookie, staffPath(laureates[2].applicationId)).then((s) =>
        submitForm(t.app, s, staffPath(id), sessionFields()),
      ),
    );
    expect(created.statusCode).toBe(404);
    // Their own track's laureate opens (and got the one session created just above).
    const own = await t.app.inject({
      method: 'GET',
      url: staffPath(laureates[2].applicationId),
      headers: { cookie: otherTrackStaff.cookie },
    });
    expect(own.statusCode).toBe(200);
    expect(await db().selectFrom('support_sessions').select('id').execute()).toHaveLength(before.length + 1);
  });
});

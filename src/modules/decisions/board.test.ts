import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateReviewScores } from '../../../test/support/factories/review.js';
import { DEFAULT_CRITERIA } from '../../../test/support/factories/seasons.js';
import { type FormFields, formSession, postForm, submitForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import { type DecisionSeason, seedDecisionSeason } from './board-testing.js';
import { closeDeliberation, DeliberationRefused, type FrozenDeliberation } from './index.js';

/**
 * The decision board through HTTP on a real database: a season of five applications (three in the
 * digital track, two in the other), three jurors whose scores put them in the order A…E, a citizen panel
 * whose opinions put them the other way round, two laureates sought and an envelope of 100 000 €.
 */
describe('the decision board', () => {
  let t: TestApp;
  let staff: SignedInUser;
  let limited: SignedInUser;
  let f: DecisionSeason;
  let board: string;
  const id: Record<string, string> = {};

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (person: SignedInUser, path: string, fields: FormFields, page = board) =>
    postForm(t.app, person.cookie, page, `${board}${path}`, fields);
  const decide = (key: string, fields: FormFields, person = staff) =>
    post(person, `/candidatures/${id[key]}`, fields, `${board}/candidatures/${id[key]}`);
  const orderOf = (html: string) =>
    Object.entries(id)
      .map(([key, appId]) => [key, html.indexOf(`id="row-${appId}"`)] as const)
      .filter(([, at]) => at >= 0)
      .sort((a, b) => a[1] - b[1])
      .map(([key]) => key)
      .join('');
  const version = async () =>
    (
      await t.app.services.db
        .selectFrom('deliberations')
        .select('version')
        .where('season_id', '=', f.seasonId)
        .executeTakeFirstOrThrow()
    ).version;
  const auditCount = async (action?: string) => {
    let query = t.app.services.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n'));
    if (action) query = query.where('action', '=', action);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const weights = async (jury: number, panel: number, extra: FormFields = {}) =>
    post(staff, '/ponderations', {
      jury_weight: String(jury),
      panel_weight: String(panel),
      'criterion_interet-general': '1',
      criterion_impact: '1',
      version: String(await version()),
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-04-20T10:00:00Z');
    const { db } = t.app.services;
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    limited = await createSignedInUser(db, t.clock, [{ role: 'staff', track: 'numerique' }], 'dinum');
    f = await seedDecisionSeason(t.app.services, t.clock);
    Object.assign(id, f.ids);
    board = `/admin/decisions/${f.seasonId}`;
  }, 120_000);
  afterAll(() => t.close());

  it('lists the seasons with the state of their deliberation, and opens one', async () => {
    const list = await get(staff.cookie, '/admin/decisions');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(board);
    expect(list.body).toContain('Pas encore ouverte');
    const preview = await get(staff.cookie, board);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('aperçu');
    expect(orderOf(preview.body)).toHaveLength(5);
    expect((await post(staff, '/ouvrir', {})).statusCode).toBe(303);
    const opened = await get(staff.cookie, board);
    expect(opened.body).toContain('En cours');
    expect(opened.body).toContain('name="jury_weight" value="70"');
    expect(opened.body).toContain('name="panel_weight" value="30"');
    expect((await get(staff.cookie, '/admin/decisions')).body).toContain('En cours');
  });

  it('answers odd input on every form with a 4xx or a redirect, never a 500', async () => {
    const fields = [
      'jury_weight',
      'panel_weight',
      'criterion_impact',
      'version',
      'outcome',
      'waitlist_position',
      'reason_budget',
      'reason_text',
      'amount_euros',
      'confirm',
      `present_${f.memberIds[0]}`,
    ];
    const bodies: FormFields[] = [
      Object.fromEntries(fields.map((k) => [k, ['1', '2']])),
      Object.fromEntries(fields.map((k) => [k, 'x'.repeat(20_000)])),
      Object.fromEntries(fields.map((k) => [k, '-1e309'])),
      { outcome: 'waiting_list', waitlist_position: '0', amount_euros: '1,999' },
      {},
    ];
    const session = await formSession(t.app, staff.cookie, board);
    for (const path of ['/ponderations', '/presences', `/candidatures/${id.A}`, '/cloture'])
      for (const body of bodies) {
        const response = await submitForm(t.app, session, `${board}${path}`, body);
        expect(response.statusCode, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBeLessThan(500);
      }
    expect(await t.app.services.db.selectFrom('decisions').selectAll().execute()).toEqual([]);
  });

  it('shows each row’s scores, the amount requested, the selection line and the budget', async () => {
    const page = (await get(staff.cookie, board)).body;
    expect(page).toContain('Ligne de sélection : 2 lauréats recherchés');
    expect(page).toContain('3 évaluations');
    expect(page).toContain('3 panélistes, dispersion');
    expect(page).toContain('Intérêt général : ');
    expect(page).toMatch(/10[\s\u202f]000[\s\u202f]€/);
    expect(page).toMatch(/Enveloppe de la saison : 100[\s\u202f]000[\s\u202f]€/);
    expect(page).toMatch(/Reste du budget : 100[\s\u202f]000[\s\u202f]€/);
    const english = (await get(`${staff.cookie}; lang=en`, board)).body;
    expect(english).toContain('Selection line: 2 laureates sought');
    expect(english).toContain('Save the weights and reorder');
    expect(english).not.toContain('Ligne de sélection');
  });

  it('reorders when the weights change, records each change, and refuses a stale or wrong form', async () => {
    const before = await auditCount('decisions.weights-changed');
    expect((await weights(100, 0)).statusCode).toBe(303);
    expect(orderOf((await get(staff.cookie, board)).body)).toBe('ABCDE');
    expect((await weights(0, 100)).statusCode).toBe(303);
    const panelFirst = (await get(staff.cookie, board)).body;
    expect(orderOf(panelFirst)).toBe('EDCBA');
    // The line sits after the second row of the new order.
    const line = panelFirst.indexOf('Ligne de sélection');
    expect(panelFirst.indexOf(`id="row-${id.D}"`)).toBeLessThan(line);
    expect(panelFirst.indexOf(`id="row-${id.C}"`)).toBeGreaterThan(line);
    expect(await auditCount('decisions.weights-changed')).toBe(before + 2);
    const changes = await t.app.services.db.selectFrom('deliberation_weight_changes').selectAll().execute();
    expect(changes.map((c) => [c.jury_weight, c.panel_weight])).toEqual([
      [100, 0],
      [0, 100],
    ]);

    const stale = await weights(50, 50, { version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('La délibération a changé depuis que vous avez ouvert la page');
    const wrong = await weights(150, 0, { criterion_impact: 'beaucoup <b>' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('id="jury_weight-error"');
    expect(wrong.body).toContain('id="criterion_impact-error"');
    expect(wrong.body).toContain('value="beaucoup <b>"');
    const zero = await weights(0, 0);
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('ne peuvent pas peser zéro tous les deux');
    expect(await auditCount('decisions.weights-changed')).toBe(before + 2);
    expect((await weights(100, 0)).statusCode).toBe(303);
  });

  it('shows staff limited to a track only their track’s rows, and lets them decide only those', async () => {
    const page = await get(limited.cookie, board);
    expect(page.statusCode).toBe(200);
    expect(orderOf(page.body)).toBe('ABC');
    expect(page.body).not.toContain('Données D');
    expect(page.body).not.toContain('École E');
    // Ranks stay those of the whole season's combination.
    expect(page.body).toContain('Ligne de sélection');
    expect((await get(limited.cookie, `${board}/candidatures/${id.D}`)).statusCode).toBe(404);
    const before = await auditCount();
    const other = await postForm(t.app, limited.cookie, board, `${board}/candidatures/${id.D}`, {
      outcome: 'laureate',
    });
    expect(other.statusCode).toBe(404);
    expect((await post(limited, '/ponderations', { jury_weight: '50', panel_weight: '50' })).statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
    const own = await decide('A', { outcome: 'laureate', amount_euros: '25 000' }, limited);
    expect(own.statusCode).toBe(303);
  });

  it('requires reasons for "not selected" and for a departure from the order, and flags the departure', async () => {
    const notSelected = await decide('D', { outcome: 'not_selected' });
    expect(notSelected.statusCode).toBe(400);
    expect(notSelected.body).toContain('id="reasons-error"');
    expect(notSelected.body).toContain('obligatoire pour une candidature non retenue');
    expect(
      (await decide('D', { outcome: 'not_selected', reason_criterion_impact: 'on', reason_text: '' })).statusCode,
    ).toBe(303);

    // C is third with two laureates sought: making it a laureate departs from the order.
    const departure = await decide('C', { outcome: 'laureate' });
    expect(departure.statusCode).toBe(400);
    expect(departure.body).toContain('cette décision s’écarte du classement combiné');
    expect(departure.body).toContain('id="reason_text-error"');
    expect(departure.body).toContain('value="laureate" checked');
    const explained = await decide('C', {
      outcome: 'laureate',
      reason_maturity: 'on',
      reason_text: 'Projet prêt à déployer tout de suite.',
      amount_euros: '30000,50',
    });
    expect(explained.statusCode).toBe(303);
    const row = await t.app.services.db
      .selectFrom('decisions')
      .selectAll()
      .where('application_id', '=', id.C)
      .executeTakeFirstOrThrow();
    expect(row.departs_from_order).toBe(true);
    expect(Number(row.amount_cents)).toBe(3_000_050);
    const page = (await get(staff.cookie, board)).body;
    const cRow = page.slice(page.indexOf(`id="row-${id.C}"`), page.indexOf('</tr>', page.indexOf(`id="row-${id.C}"`)));
    expect(cRow).toContain('Écart au classement');
    expect(page).toMatch(/Reste du budget : 44[\s\u202f]999,50[\s\u202f]€/);

    // "Other" needs its text; an unknown reason, a negative or absurd amount are refused on their field.
    const other = await decide('E', { outcome: 'not_selected', reason_other: 'on' });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Expliquez le motif « Autre »');
    const negative = await decide('E', { outcome: 'laureate', amount_euros: '-5' });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('id="amount_euros-error"');
    const absurd = await decide('E', { outcome: 'waiting_list', waitlist_position: '2', amount_euros: '99999999999' });
    expect(absurd.statusCode).toBe(400);
    expect(absurd.body).toContain('Le montant ne peut pas dépasser');
    const noPosition = await decide('E', { outcome: 'waiting_list', waitlist_position: 'premier' });
    expect(noPosition.statusCode).toBe(400);
    expect(noPosition.body).toContain('id="waitlist_position-error"');
  });

  it('keeps waiting-list positions unique, and refuses to close while something is missing', async () => {
    const unconfirmed = await post(staff, '/cloture', {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('id="confirm-error"');
    const early = await post(staff, '/cloture', { confirm: 'on' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('2 candidatures n’ont pas de décision');

    // B is above the line: the waiting list departs from the order and must say why.
    expect(
      (
        await decide('B', {
          outcome: 'waiting_list',
          waitlist_position: '1',
          reason_budget: 'on',
          reason_text: 'Enveloppe consommée par C.',
        })
      ).statusCode,
    ).toBe(303);
    const taken = await decide('E', { outcome: 'waiting_list', waitlist_position: '1', reason_budget: 'on' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('La position 1 est déjà prise par « Bibliothèque B »');
    expect(
      (await decide('E', { outcome: 'not_selected', reason_out_of_scope: 'on', reason_text: 'Hors champ.' }))
        .statusCode,
    ).toBe(303);

    const nobody = await post(staff, '/cloture', { confirm: 'on' });
    expect(nobody.statusCode).toBe(409);
    expect(nobody.body).toContain('aucun membre n’est noté présent');
    expect(
      (
        await post(staff, '/presences', {
          [`present_${f.memberIds[0]}`]: 'on',
          [`present_${f.memberIds[1]}`]: 'on',
        })
      ).statusCode,
    ).toBe(303);
    const page = (await get(staff.cookie, board)).body;
    const bRow = page.slice(page.indexOf(`id="row-${id.B}"`), page.indexOf('</tr>', page.indexOf(`id="row-${id.B}"`)));
    expect(bRow).toContain('Membre déporté : jure0 Test');
    expect(page).not.toMatch(new RegExp(`id="row-${id.A}"[^]*?Membres? déporté[^]*?id="row-${id.B}"`));
  });

  let frozen: FrozenDeliberation;
  let closedBoard: string;

  it('closes in one audited step: frozen record, minutes in French and English with their SHA-256 in the audit log', async () => {
    const closed = await post(staff, '/cloture', { confirm: 'on', version: String(await version()) });
    expect(closed.statusCode).toBe(303);
    const row = await t.app.services.db
      .selectFrom('deliberations')
      .selectAll()
      .where('season_id', '=', f.seasonId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('closed');
    expect(row.closed_by).toBe(staff.id);
    frozen = row.frozen as FrozenDeliberation;
    expect(frozen.result.rows.map((r) => r.application)).toEqual(['A', 'B', 'C', 'D', 'E'].map((k) => id[k]));
    expect(frozen.inputs.weights).toEqual({ jury: 100, panel: 0 });
    expect(frozen.decisions.find((d) => d.application === id.B)).toMatchObject({
      outcome: 'waiting_list',
      waitlistPosition: 1,
      departsFromOrder: true,
    });
    expect(frozen.attendance.filter((a) => a.present).map((a) => a.memberId)).toEqual(
      [f.memberIds[0], f.memberIds[1]].filter(Boolean),
    );
    expect(frozen.recusals).toEqual([{ memberId: f.memberIds[0], applicationId: id.B, source: 'staff' }]);
    expect(Object.keys(frozen.publicRefs).sort()).toEqual([...f.applications].sort());

    const event = await t.app.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'decisions.deliberation-closed')
      .executeTakeFirstOrThrow();
    const summary = (typeof event.summary === 'string' ? JSON.parse(event.summary) : event.summary) as Record<
      string,
      unknown
    >;
    for (const [path, key] of [
      ['proces-verbal.pdf', 'minutesSha256'],
      ['minutes.pdf', 'minutesSha256En'],
    ] as const) {
      const pdf = await get(staff.cookie, `${board}/${path}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const hash = createHash('sha256').update(pdf.rawPayload).digest('hex');
      expect(summary[key]).toBe(hash);
    }
    expect((await get(limited.cookie, `${board}/proces-verbal.pdf`)).statusCode).toBe(403);
    closedBoard = (await get(staff.cookie, board)).body;
    expect(closedBoard).toContain('Délibération close le');
    expect(closedBoard).toContain(row.minutes_sha256!);
    expect((await get(staff.cookie, '/admin/decisions')).body).toContain('Close');
  });

  it('does not move when a review changes after the close', async () => {
    await updateReviewScores(
      t.app.services.db,
      f.memberIds[0],
      id.E,
      Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.code, 5])),
    );
    const after = (await get(staff.cookie, board)).body;
    expect(orderOf(after)).toBe('ABCDE');
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(strip(after)).toBe(strip(closedBoard));
    const row = await t.app.services.db
      .selectFrom('deliberations')
      .select('frozen')
      .where('season_id', '=', f.seasonId)
      .executeTakeFirstOrThrow();
    expect(row.frozen).toEqual(frozen);
  });

  it('refuses every write once closed, with a message, and records nothing', async () => {
    const before = await auditCount();
    const session = await formSession(t.app, staff.cookie, board);
    const writes: [string, FormFields][] = [
      ['/ouvrir', {}],
      ['/ponderations', { jury_weight: '50', panel_weight: '50', version: String(await version()) }],
      ['/presences', { [`present_${f.memberIds[2]}`]: 'on' }],
      [`/candidatures/${id.E}`, { outcome: 'laureate' }],
      ['/cloture', { confirm: 'on' }],
    ];
    for (const [path, fields] of writes) {
      const refused = await submitForm(t.app, session, `${board}${path}`, fields);
      expect(refused.statusCode, path).toBe(409);
      expect(refused.body, path).toContain('La délibération est close');
    }
    expect((await get(staff.cookie, `${board}/candidatures/${id.E}`)).statusCode).toBe(409);
    expect(await auditCount()).toBe(before);
    await expect(
      closeDeliberation(t.app.services, { id: staff.id, label: 'test' }, { seasonId: f.seasonId }),
    ).rejects.toBeInstanceOf(DeliberationRefused);
  });

  it('answers 404 for a season that does not exist and for a malformed id', async () => {
    expect((await get(staff.cookie, '/admin/decisions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get(staff.cookie, '/admin/decisions/pas-un-id')).statusCode).toBe(404);
  });
});

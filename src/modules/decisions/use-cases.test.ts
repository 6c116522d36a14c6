import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser } from '../../../test/support/users.js';
import type { Actor } from '../../core/audit/audit.js';
import { closeSampleDeliberation, type DecisionSeason, seedDecisionSeason } from './board-testing.js';
import {
  closeDeliberation,
  DeliberationRefused,
  loadBoard,
  openDeliberation,
  recordDecision,
  setAttendance,
  setWeights,
} from './index.js';

/** The text a PDF draws with the standard fonts: its content streams inflated, each `<hex> Tj` decoded. */
function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g))
      parts.push(
        Buffer.from(text[1], 'hex')
          .toString('latin1')
          .replace(/\u0092/g, '’'),
      );
  }
  return parts.join('\n');
}

/** The use cases other parts (the demo, notices, transparency) call: (services, actor, input). */
describe('deliberation use cases', () => {
  let t: TestApp;
  let actor: Actor;
  let season: DecisionSeason;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-04-20T10:00:00Z');
    const staff = await createSignedInUser(t.app.services.db, t.clock, [{ role: 'staff' }], 'staff');
    actor = { id: staff.id, label: `user:${staff.id}` };
    season = await seedDecisionSeason(t.app.services, t.clock);
  }, 120_000);
  afterAll(() => t.close());

  it('refuses changes before the deliberation opens', async () => {
    const { seasonId, ids } = season;
    const refusal = recordDecision(t.app.services, actor, { seasonId, applicationId: ids.A, outcome: 'laureate' });
    await expect(refusal).rejects.toBeInstanceOf(DeliberationRefused);
    await expect(refusal).rejects.toMatchObject({ status: 409 });
    await expect(setAttendance(t.app.services, actor, { seasonId, present: [] })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('checks its inputs: stale version, unknown member, wrong weights, waiting-list gaps at the close', async () => {
    const { seasonId, ids, memberIds } = season;
    const opened = await openDeliberation(t.app.services, actor, seasonId);
    expect(opened).toMatchObject({ juryWeight: 70, panelWeight: 30, version: 1 });
    await expect(
      setWeights(t.app.services, actor, {
        seasonId,
        juryWeight: 50,
        panelWeight: 50,
        panelCriteriaWeights: {},
        version: 7,
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      setWeights(t.app.services, actor, { seasonId, juryWeight: 0, panelWeight: 0, panelCriteriaWeights: {} }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      setWeights(t.app.services, actor, {
        seasonId,
        juryWeight: 50,
        panelWeight: 50,
        panelCriteriaWeights: { 'interet-general': 0, impact: 0 },
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      setAttendance(t.app.services, actor, { seasonId, present: ['00000000-0000-4000-8000-000000000000'] }),
    ).rejects.toMatchObject({ status: 400 });
    const wrong = await recordDecision(t.app.services, actor, {
      seasonId,
      applicationId: ids.E,
      outcome: 'waiting_list',
      reasonCodes: ['criterion:nope'],
      amountCents: -1,
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(Object.keys(wrong.errors).sort()).toEqual(['amount_euros', 'reasons', 'waitlist_position']);
    // Another track's application, for someone limited to theirs, is as if it did not exist.
    await expect(
      recordDecision(
        t.app.services,
        actor,
        { seasonId, applicationId: ids.D, outcome: 'laureate' },
        { tracks: ['numerique'] },
      ),
    ).rejects.toMatchObject({ status: 404 });

    // Everything decided, someone present, but the waiting list starts at 2.
    await setWeights(t.app.services, actor, {
      seasonId,
      juryWeight: 100,
      panelWeight: 0,
      panelCriteriaWeights: {},
    });
    await setAttendance(t.app.services, actor, { seasonId, present: [memberIds[0]] });
    for (const [key, input] of [
      ['A', { outcome: 'laureate' }],
      ['B', { outcome: 'laureate' }],
      ['C', { outcome: 'waiting_list', waitlistPosition: 2 }],
      ['D', { outcome: 'not_selected', reasonCodes: ['maturity'] }],
      ['E', { outcome: 'not_selected', reasonCodes: ['maturity'] }],
    ] as const)
      expect(
        (await recordDecision(t.app.services, actor, { seasonId, applicationId: ids[key], ...input })).ok,
        key,
      ).toBe(true);
    await expect(closeDeliberation(t.app.services, actor, { seasonId })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('liste d’attente'),
    });
    // Changing the weights can make a decision depart from the order: the close then asks for its reasons.
    await recordDecision(t.app.services, actor, {
      seasonId,
      applicationId: ids.C,
      outcome: 'waiting_list',
      waitlistPosition: 1,
    });
    await setWeights(t.app.services, actor, { seasonId, juryWeight: 0, panelWeight: 100, panelCriteriaWeights: {} });
    const board = await loadBoard(t.app.services.db, seasonId, undefined);
    expect(board!.rows.map((r) => r.application.id)).toEqual([ids.E, ids.D, ids.C, ids.B, ids.A]);
    // A and B, laureates now below the line, depart from the order without reasons; D and E give theirs.
    expect([...board!.unexplained].sort()).toEqual([ids.A, ids.B].sort());
    expect(
      board!.rows
        .filter((r) => r.departs)
        .map((r) => r.application.id)
        .sort(),
    ).toEqual([ids.A, ids.B, ids.D, ids.E].sort());
    await expect(closeDeliberation(t.app.services, actor, { seasonId })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/^Impossible de clore : \d+ décisions doivent donner leurs motifs/),
    });
  });

  it('gives a waiting-list position to one application only, even under parallel requests', async () => {
    const { seasonId, ids } = season;
    const results = await Promise.all(
      (['A', 'B', 'D', 'E'] as const).map((key) =>
        recordDecision(t.app.services, actor, {
          seasonId,
          applicationId: ids[key],
          outcome: 'waiting_list',
          waitlistPosition: 5,
          reasonCodes: ['budget'],
          reasonText: 'Place libérée si un lauréat renonce.',
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(r.ok ? [] : Object.keys(r.errors)).toEqual(['waitlist_position']);
    const held = await t.app.services.db
      .selectFrom('decisions')
      .select('application_id')
      .where('waitlist_position', '=', 5)
      .execute();
    expect(held).toHaveLength(1);
  });
});

describe('a deliberation closed through the use cases', () => {
  let t: TestApp;
  let actor: Actor;
  let season: DecisionSeason;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-04-21T15:30:00Z');
    actor = { id: null, label: 'system' };
    season = await seedDecisionSeason(t.app.services, t.clock, { slug: 'saison-close', number: 32 });
  }, 120_000);
  afterAll(() => t.close());

  it('writes minutes in French and English from the frozen record, with who sat, who was recused and every reason', async () => {
    const closed = await closeSampleDeliberation(t.app.services, actor, season);
    expect(
      closed.frozen.decisions
        .filter((d) => d.departsFromOrder)
        .map((d) => d.application)
        .sort(),
    ).toEqual([season.ids.B, season.ids.C].sort());
    const row = await t.app.services.db
      .selectFrom('deliberations')
      .select(['minutes_pdf', 'minutes_pdf_en', 'minutes_sha256'])
      .where('season_id', '=', season.seasonId)
      .executeTakeFirstOrThrow();
    const fr = pdfText(row.minutes_pdf!);
    for (const expected of [
      'Procès-verbal de délibération',
      'jure0 Test, jure1 Test',
      'jure2 Test',
      'jure0 Test : déport pour Bibliothèque B',
      'Poids du jury : 100 % ; poids du panel citoyen : 0 %.',
      'Coopérative C : Lauréat',
      'S’écarte du classement combiné.',
      'Motifs : Projet pas assez mûr',
      'Explication : Projet prêt à déployer tout de suite.',
      'Motifs : Insuffisant sur : Impact',
      'Bibliothèque B : Liste d’attente (n° 1)',
    ])
      expect(fr, expected).toContain(expected);
    const en = pdfText(row.minutes_pdf_en!);
    for (const expected of [
      'Minutes of the deliberation',
      'jure0 Test, recused for: Bibliothèque B',
      'Reasons: Outside the scope of the call ; Other reason (explained in the text)',
      'Waiting list (no. 1)',
    ])
      expect(en, expected).toContain(expected);
    expect(fr).not.toContain('Minutes of the deliberation');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import {
  type DecisionToPublish,
  type DeliberationToPublish,
  pseudonyms,
  publicationDrift,
  publish,
  resultAsPublished,
} from './bundle.js';
import { combineSelection, type SelectionInputs } from './combine.js';
import { parseCsv, writeCsv } from './csv.js';
import { departures, FILES, type MethodFile, type Outcome } from './format.js';
import { verify } from './verify.js';
import { readZip } from './zip.js';
import { crc32 } from './zip-format.js';

/** A generated season: a few applications, reviewers and panelists, complete scores, random weights and seed. */
const seasonArb = fc
  .record({
    apps: fc.integer({ min: 2, max: 7 }),
    reviewers: fc.integer({ min: 2, max: 4 }),
    panelists: fc.integer({ min: 1, max: 4 }),
    juryWeights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    panelWeights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    weights: fc.record({ jury: fc.integer({ min: 1, max: 100 }), panel: fc.integer({ min: 1, max: 100 }) }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    selection: fc.integer({ min: 1, max: 4 }),
    scores: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 400, maxLength: 400 }),
    coverage: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    /** One application reviewed but no longer competing (withdrawn): its reviews still calibrate. */
    withdrawn: fc.boolean(),
  })
  .map((g): DeliberationToPublish => {
    let s = 0;
    const score = () => g.scores[s++ % g.scores.length];
    let c = 0;
    const covers = () => g.coverage[c++ % g.coverage.length];
    const appIds = Array.from({ length: g.apps }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const juryCriteria = g.juryWeights.map((weight, i) => ({ code: `j${i}`, weight }));
    const panelCriteria = g.panelWeights.map((weight, i) => ({ code: `p${i}`, weight }));
    const reviews = appIds.flatMap((application, a) =>
      Array.from({ length: g.reviewers }, (_, r) => `member-${r}`)
        .filter((_, r) => r === a % g.reviewers || covers())
        .map((reviewer) => ({
          application,
          reviewer,
          scores: Object.fromEntries(juryCriteria.map((k) => [k.code, score()])),
        })),
    );
    const candidates = g.withdrawn ? appIds.slice(1) : appIds;
    const opinions = candidates.flatMap((application, a) =>
      Array.from({ length: g.panelists }, (_, p) => `panelist-${p}`)
        .filter((_, p) => p === a % g.panelists || covers())
        .map((panelist) => ({
          application,
          panelist,
          scores: Object.fromEntries(panelCriteria.map((k) => [k.code, score()])),
        })),
    );
    const inputs: SelectionInputs = {
      juryCriteria,
      juryScale: { min: 1, max: 5 },
      panelCriteria,
      panelScale: { min: 1, max: 5 },
      weights: g.weights,
      seed: g.seed,
      replicates: 20,
      level: 0.9,
      ridge: 1,
      selectionSize: Math.min(g.selection, candidates.length),
      candidates,
      reviews,
      opinions,
    };
    const result = combineSelection(inputs);
    return {
      seasonId: 'season-1',
      frozenAt: '2026-12-06T21:00:00.000Z',
      inputs,
      result,
      decisions: decisionsFollowing(
        result.rows.map((r) => r.application),
        inputs.selectionSize,
      ),
      publicRefs: Object.fromEntries(candidates.map((id, i) => [id, `ref-${(i * 7919) % 1000}-${id.slice(-4)}`])),
    };
  });

/** Decisions that follow the order: the top laureates, two on the waiting list, the others not selected. */
function decisionsFollowing(order: string[], laureates: number): DecisionToPublish[] {
  return order.map((application, i) => {
    const outcome: Outcome = i < laureates ? 'laureate' : i < laureates + 2 ? 'waiting_list' : 'not_selected';
    return {
      application,
      outcome,
      waitlistPosition: outcome === 'waiting_list' ? i - laureates + 1 : null,
      reasonCodes: outcome === 'not_selected' ? ['criteria_weaker'] : [],
      departsFromOrder: false,
      amountCents: outcome === 'laureate' ? 1_000_000 + i : null,
    };
  });
}

const names = (d: DeliberationToPublish) =>
  Object.fromEntries(
    d.decisions
      .filter((x) => x.outcome === 'laureate')
      .map((x) => [x.application, `Projet ${x.application.slice(-2)}`]),
  );

function withFile(files: Map<string, string>, name: string, text: string): Map<string, string> {
  return new Map(files).set(name, text);
}

/** The file with one cell changed (line index among data lines, column index). */
function changeCell(text: string, row: number, column: number, change: (value: string) => string): string {
  const lines = parseCsv(text).map((l) => l.cells);
  lines[row + 1][column] = change(lines[row + 1][column]);
  return writeCsv(lines[0], lines.slice(1));
}

function changeMethod(files: Map<string, string>, change: (m: MethodFile) => void): Map<string, string> {
  const method = JSON.parse(files.get(FILES.method)!) as MethodFile;
  change(method);
  return withFile(files, FILES.method, JSON.stringify(method));
}

const bump = (value: string) => String(Number(value) === 5 ? 4 : Number(value) + 1);

describe('publish and verify', () => {
  it('verify(publish(x)) passes for generated seasons', () => {
    fc.assert(
      fc.property(seasonArb, (season) => {
        const result = verify(publish(season, names(season)));
        expect(result, JSON.stringify(!result.ok && result.difference)).toMatchObject({ ok: true });
      }),
      { numRuns: 60 },
    );
  });

  it('detects any single changed review score', () => {
    fc.assert(
      fc.property(seasonArb, fc.nat(), fc.nat(), (season, r, c) => {
        const files = publish(season, names(season));
        const rows = parseCsv(files.get(FILES.reviews)!).length - 1;
        const criteria = season.inputs.juryCriteria.length;
        const changed = withFile(
          files,
          FILES.reviews,
          changeCell(files.get(FILES.reviews)!, r % rows, 2 + (c % criteria), bump),
        );
        const result = verify(changed);
        expect(result.ok).toBe(false);
        if (!result.ok) expect([FILES.calibration, FILES.results]).toContain(result.difference.file);
      }),
      { numRuns: 60 },
    );
  });

  it('detects any single changed panel opinion', () => {
    fc.assert(
      fc.property(seasonArb, fc.nat(), fc.nat(), (season, r, c) => {
        const files = publish(season, names(season));
        const rows = parseCsv(files.get(FILES.opinions)!).length - 1;
        const criteria = season.inputs.panelCriteria.length;
        const changed = withFile(
          files,
          FILES.opinions,
          changeCell(files.get(FILES.opinions)!, r % rows, 2 + (c % criteria), bump),
        );
        expect(verify(changed).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('detects a changed seed', () => {
    fc.assert(
      fc.property(seasonArb, fc.integer({ min: 1, max: 1000 }), (season, delta) => {
        const changed = changeMethod(publish(season, names(season)), (m) => (m.seed += delta));
        expect(verify(changed).ok).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('detects a changed weight whenever it changes the combination', () => {
    const which = fc.constantFrom('jury', 'panel', 'juryCriterion', 'panelCriterion');
    let detected = 0;
    fc.assert(
      fc.property(seasonArb, which, fc.nat(), (season, kind, i) => {
        const files = publish(season, names(season));
        const change = (m: MethodFile | SelectionInputs) => {
          if (kind === 'jury') m.weights.jury += 1;
          else if (kind === 'panel') m.weights.panel += 1;
          else if (kind === 'juryCriterion') m.juryCriteria[i % m.juryCriteria.length].weight += 1;
          else m.panelCriteria[i % m.panelCriteria.length].weight += 1;
        };
        // The same change on the inputs: when the numbers move, the verifier must see it.
        const inputs = structuredClone(season.inputs);
        change(inputs);
        const before = combineSelection(season.inputs).rows;
        const after = combineSelection(inputs).rows;
        const moved = before.some(
          (r, k) =>
            Math.abs((r.combined ?? 0) - (after[k].combined ?? 0)) > 1e-6 ||
            Math.abs((r.jury?.calibrated ?? 0) - (after[k].jury?.calibrated ?? 0)) > 1e-6 ||
            Math.abs((r.panel?.score ?? 0) - (after[k].panel?.score ?? 0)) > 1e-6,
        );
        fc.pre(moved);
        detected++;
        expect(verify(changeMethod(files, change)).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
    expect(detected).toBeGreaterThan(30);
  });

  it('reports the first difference with its file, line, column, expected and found values', () => {
    const season = fc.sample(seasonArb, { numRuns: 1, seed: 7 })[0];
    const files = publish(season, names(season));
    const results = files.get(FILES.results)!;
    const column = parseCsv(results)[0].cells.indexOf('combined');
    const tampered = changeCell(results, 0, column, () => '99.000000');
    const result = verify(withFile(files, FILES.results, tampered));
    expect(result).toMatchObject({
      ok: false,
      difference: { file: FILES.results, line: 2, column: 'combined', found: '99.000000' },
    });
    if (!result.ok) expect(result.difference.expected).toMatch(/^\d+\.\d{6}$/);
    expect(verify(new Map([...files].filter(([n]) => n !== FILES.opinions)))).toMatchObject({
      ok: false,
      difference: { file: FILES.opinions, expected: 'present', found: 'missing' },
    });
  });

  it('checks the decisions: reasons for a refusal, a departure declared, only laureates named', () => {
    const sampled = fc.sample(
      seasonArb.filter((s) => s.inputs.candidates.length >= 4),
      { numRuns: 1, seed: 3 },
    )[0];
    // Frozen as the close should freeze it, so the decisions below follow the very order that is published.
    const season = { ...sampled, result: resultAsPublished(sampled) };
    const decisions = parseCsv(publish(season, names(season)).get(FILES.decisions)!).map((l) => l.cells);
    const header = decisions[0];
    const col = (name: string) => header.indexOf(name);
    const files = publish(season, names(season));
    const edit = (row: number, name: string, value: string) =>
      verify(
        withFile(
          files,
          FILES.decisions,
          changeCell(files.get(FILES.decisions)!, row, col(name), () => value),
        ),
      );
    const last = decisions.length - 2;
    expect(edit(last, 'reason_codes', '')).toMatchObject({ ok: false, difference: { column: 'reason_codes' } });
    expect(edit(last, 'project', 'Someone')).toMatchObject({ ok: false, difference: { column: 'project' } });
    // The last one made laureate over the others: a departure it does not declare.
    const promoted = verify(
      withFile(
        files,
        FILES.decisions,
        changeCell(files.get(FILES.decisions)!, last, col('outcome'), () => 'laureate'),
      ),
    );
    // Either the first passed-over decision or the promoted one is reported, never a silent pass.
    expect(promoted).toMatchObject({ ok: false, difference: { column: 'departs_from_order' } });
    // Declared with reasons on every decision it touches, the departure verifies.
    const order = season.result.rows.map((r) => r.application);
    const departed = decisionsFollowing(order, season.inputs.selectionSize);
    departed[departed.length - 1] = { ...departed[departed.length - 1], outcome: 'laureate', amountCents: 5 };
    const flagged = departures(
      departed.map((d) => {
        const row = season.result.rows.find((r) => r.application === d.application)!;
        return { ...d, rank: row.rank, combined: row.combined, complete: row.complete };
      }),
    );
    const declared = departed.map((d) =>
      flagged.has(d.application) ? { ...d, departsFromOrder: true, reasonCodes: ['committee_choice'] } : d,
    );
    const bundle = publish({ ...season, decisions: declared }, names({ ...season, decisions: declared }));
    expect(verify(bundle)).toMatchObject({ ok: true });
    // Marking only the decision that passed the others is enough for the verifier.
    const onlyPromoted = departed.map((d, i) =>
      i === departed.length - 1 ? { ...d, departsFromOrder: true, reasonCodes: ['committee_choice'] } : d,
    );
    const partial = publish({ ...season, decisions: onlyPromoted }, names({ ...season, decisions: onlyPromoted }));
    expect(verify(partial)).toMatchObject({ ok: true });
  });
});

describe('the frozen result and the published one', () => {
  it('are the same when the close freezes resultAsPublished: same ranks, same intervals', () => {
    fc.assert(
      fc.property(seasonArb, (season) => {
        const frozen = { ...season, result: resultAsPublished(season) };
        expect(publicationDrift(frozen)).toEqual([]);
        const results = parseCsv(publish(frozen, names(frozen)).get(FILES.results)!);
        const column = (name: string) => results[0].cells.indexOf(name);
        frozen.result.rows.forEach((row, i) => {
          const cells = results[i + 1].cells;
          expect(cells[column('rank')]).toBe(String(row.rank));
          expect(cells[column('rank_low')]).toBe(String(row.rankLow));
          expect(cells[column('rank_high')]).toBe(String(row.rankHigh));
          expect(cells[column('application')]).toBe(season.publicRefs[row.application] ?? cells[column('application')]);
        });
      }),
      { numRuns: 30 },
    );
  });
});

describe('privacy of the bundle', () => {
  it('holds no internal id, no reviewer or panelist id, and names only the laureates', () => {
    fc.assert(
      fc.property(seasonArb, (season) => {
        const text = [...publish(season, names(season)).values()].join('\n');
        for (const id of season.inputs.reviews.map((r) => r.application)) expect(text).not.toContain(id);
        for (const r of season.inputs.reviews) expect(text).not.toContain(r.reviewer);
        for (const o of season.inputs.opinions) expect(text).not.toContain(o.panelist);
        const named = season.decisions.filter((d) => d.outcome === 'laureate').length;
        expect(text.match(/Projet /g)?.length ?? 0).toBe(named);
      }),
      { numRuns: 30 },
    );
  });

  it('numbers pseudonyms in a seeded random order, not in the order of the ids', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `id-${String(i).padStart(2, '0')}`);
    const a = pseudonyms(ids, 'R', 'key-a');
    expect(pseudonyms([...ids].reverse(), 'R', 'key-a')).toEqual(a);
    expect([...new Set(a.values())]).toHaveLength(40);
    expect(a.get('id-00')).toMatch(/^R\d{2}$/);
    const inOrder = ids.filter((id, i) => a.get(id) === `R${String(i + 1).padStart(2, '0')}`).length;
    expect(inOrder).toBeLessThan(10);
    expect(pseudonyms(ids, 'R', 'key-b')).not.toEqual(a);
  });
});

function zipOf(files: Map<string, string>, compress: boolean): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of files) zip.addBuffer(Buffer.from(text, 'utf8'), `selection/${name}`, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    zip.outputStream.on('error', reject);
  });
}

describe('the ZIP reader', () => {
  it('reads stored and deflated archives written by yazl, and refuses a damaged one', async () => {
    const season = fc.sample(seasonArb, { numRuns: 1, seed: 11 })[0];
    const files = publish(season, names(season));
    for (const compress of [true, false]) {
      const read = await readZip(await zipOf(files, compress));
      expect(read).toEqual(files);
      expect(verify(read).ok).toBe(true);
    }
    const bytes = await zipOf(files, false);
    const at = Buffer.from(bytes).indexOf('application,');
    bytes[at] = 'A'.charCodeAt(0);
    await expect(readZip(bytes)).rejects.toThrow(/CRC/);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineSelection, type SelectionInputs } from './combine.js';

/** A season in miniature: applications, jurors scoring each on two criteria, panelists giving opinions. */
const season = fc
  .record({
    applications: fc.integer({ min: 2, max: 7 }),
    reviewers: fc.integer({ min: 2, max: 4 }),
    panelists: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    selectionSize: fc.integer({ min: 0, max: 4 }),
    weights: fc.record({ jury: fc.integer({ min: 0, max: 100 }), panel: fc.integer({ min: 0, max: 100 }) }),
  })
  .filter((s) => s.weights.jury + s.weights.panel > 0)
  .chain((s) =>
    fc.record({
      shape: fc.constant(s),
      jury: fc.array(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), {
          minLength: s.applications,
          maxLength: s.applications,
        }),
        { minLength: s.reviewers, maxLength: s.reviewers },
      ),
      panel: fc.array(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), {
          minLength: s.applications,
          maxLength: s.applications,
        }),
        { minLength: s.panelists, maxLength: s.panelists },
      ),
    }),
  )
  .map(({ shape, jury, panel }): SelectionInputs => {
    const ids = Array.from({ length: shape.applications }, (_, i) => `app-${String(i).padStart(2, '0')}`);
    return {
      juryCriteria: [
        { code: 'quality', weight: 2 },
        { code: 'impact', weight: 1 },
      ],
      juryScale: { min: 0, max: 5 },
      panelCriteria: [
        { code: 'interest', weight: 1 },
        { code: 'impact', weight: 1 },
      ],
      panelScale: { min: 1, max: 5 },
      weights: shape.weights,
      seed: shape.seed,
      replicates: 20,
      level: 0.9,
      ridge: 1,
      selectionSize: shape.selectionSize,
      candidates: ids,
      reviews: jury.flatMap((row, r) =>
        row.map(([quality, impact], a) => ({
          application: ids[a],
          reviewer: `juror-${r}`,
          scores: { quality, impact },
        })),
      ),
      opinions: panel.flatMap((row, p) =>
        row.map(([interest, impact], a) => ({
          application: ids[a],
          panelist: `panelist-${p}`,
          scores: { interest, impact },
        })),
      ),
    };
  });

/** A seeded shuffle (fast-check gives the permutation's seed, so a failure replays). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('combineSelection (properties)', () => {
  it('follows the jury’s calibrated order when the jury weighs 100 and the panel 0', () => {
    fc.assert(
      fc.property(season, (inputs) => {
        const { rows } = combineSelection({ ...inputs, weights: { jury: 100, panel: 0 } });
        expect(rows.every((r) => r.complete && r.jury !== null)).toBe(true);
        for (let i = 1; i < rows.length; i++)
          expect(rows[i - 1].jury!.calibrated).toBeGreaterThanOrEqual(rows[i].jury!.calibrated - 1e-12);
        // The combined score is then the jury's normalised score out of 100.
        for (const r of rows) expect(r.combined).toBeCloseTo(100 * r.jury!.normalised, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('follows the panel’s mean opinion when the panel weighs 100 and the jury 0', () => {
    fc.assert(
      fc.property(
        season.filter((s) => s.opinions.length > 0),
        (inputs) => {
          const { rows } = combineSelection({ ...inputs, weights: { jury: 0, panel: 100 } });
          for (let i = 1; i < rows.length; i++)
            expect(rows[i - 1].panel!.score).toBeGreaterThanOrEqual(rows[i].panel!.score - 1e-12);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is deterministic: the same inputs give the same result, intervals included', () => {
    fc.assert(
      fc.property(season, (inputs) => {
        expect(combineSelection(inputs)).toEqual(combineSelection(structuredClone(inputs)));
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on the order in which candidates, reviews and opinions are given', () => {
    fc.assert(
      fc.property(season, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (inputs, seed) => {
        const permuted: SelectionInputs = {
          ...inputs,
          candidates: shuffled(inputs.candidates, seed),
          reviews: shuffled(inputs.reviews, seed + 1),
          opinions: shuffled(inputs.opinions, seed + 2),
        };
        expect(combineSelection(permuted)).toEqual(combineSelection(inputs));
      }),
      { numRuns: 60 },
    );
  });

  it('gives every rank once, an interval around it, and marks exactly the rows whose interval crosses the line', () => {
    fc.assert(
      fc.property(season, (inputs) => {
        const { rows } = combineSelection(inputs);
        expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
        for (const r of rows) {
          expect(r.rankLow).toBeLessThanOrEqual(r.rank);
          expect(r.rankHigh).toBeGreaterThanOrEqual(r.rank);
          expect(r.crossesLine).toBe(r.rankLow <= inputs.selectionSize && r.rankHigh > inputs.selectionSize);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses weights that are both zero', () => {
    fc.assert(
      fc.property(season, (inputs) => {
        expect(() => combineSelection({ ...inputs, weights: { jury: 0, panel: 0 } })).toThrow(/weights/);
      }),
      { numRuns: 5 },
    );
  });
});

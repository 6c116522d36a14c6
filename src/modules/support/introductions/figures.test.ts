import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateFigures, type IntroductionFact, isPositive } from './figures.js';
import { OUTCOMES } from './queries.js';

const fact: fc.Arbitrary<IntroductionFact> = fc.record({
  lever: fc.constantFrom('donnees-outils', 'coaching', 'experimentations'),
  organisation: fc.constantFrom('Insee', 'Ademe', 'DINUM'),
  seasonId: fc.constantFrom('s1', 's2'),
  outcomes: fc.array(fc.constantFrom(...OUTCOMES), { maxLength: 4 }),
});

describe('introduction figures', () => {
  it('add up: every grouping sums to the total, positives never exceed those made', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), (facts) => {
        const figures = aggregateFigures(facts);
        expect(figures.total.made).toBe(facts.length);
        expect(figures.total.positive).toBe(facts.filter((f) => isPositive(f.outcomes)).length);
        for (const rows of [figures.byLever, figures.byOrganisation, figures.bySeason]) {
          expect(rows.reduce((n, r) => n + r.made, 0)).toBe(figures.total.made);
          expect(rows.reduce((n, r) => n + r.positive, 0)).toBe(figures.total.positive);
          for (const row of rows) {
            expect(row.positive).toBeLessThanOrEqual(row.made);
            for (const o of OUTCOMES) expect(row.byOutcome[o]).toBeLessThanOrEqual(row.made);
          }
        }
      }),
    );
  });

  it('counts an introduction once per kind, and "no follow-up" alone is not positive', () => {
    const figures = aggregateFigures([
      { lever: 'coaching', organisation: 'Insee', seasonId: 's1', outcomes: ['meeting', 'meeting', 'no_follow_up'] },
      { lever: 'coaching', organisation: 'Insee', seasonId: 's1', outcomes: ['no_follow_up'] },
      { lever: 'coaching', organisation: 'Insee', seasonId: 's1', outcomes: [] },
    ]);
    expect(figures.total).toMatchObject({ made: 3, positive: 1 });
    expect(figures.total.byOutcome).toMatchObject({ meeting: 1, no_follow_up: 2 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateFigures, type ContactFact, type FigureFacts, type NeedFact } from './figures.js';
import { CONTACT_OUTCOMES, USE_CASE_STATUSES } from './labels.js';

const ADMINISTRATIONS = [
  { id: 'a1', name: 'Ville de Rennes' },
  { id: 'a2', name: 'Ministère de l’Intérieur' },
  { id: 'a3', name: 'Région Bretagne' },
];
const administrationId = fc.constantFrom('a1', 'a2', 'a3', 'a-unknown');
const lever = fc.option(fc.constantFrom('donnees-outils', 'coaching', 'levier-inconnu'), { nil: null });

const need: fc.Arbitrary<NeedFact> = fc.record({
  side: fc.constantFrom('administration' as const, 'commons' as const),
  lever,
  administrationId: fc.option(administrationId, { nil: null }),
  open: fc.boolean(),
});
const contact: fc.Arbitrary<ContactFact> = fc.record({
  lever,
  administrationIds: fc.array(administrationId, { maxLength: 3 }),
  answered: fc.boolean(),
  followedUp: fc.boolean(),
  outcome: fc.option(fc.constantFrom(...CONTACT_OUTCOMES), { nil: null }),
});
const facts: fc.Arbitrary<FigureFacts> = fc.record({
  commons: fc.nat(50),
  administrations: fc.constant(ADMINISTRATIONS),
  useCases: fc.array(fc.constantFrom(...USE_CASE_STATUSES), { maxLength: 20 }),
  experiments: fc.nat(10),
  needs: fc.array(need, { maxLength: 30 }),
  contacts: fc.array(contact, { maxLength: 30 }),
});

describe('cooperation figures (properties)', () => {
  it('adds up: levers share the total exactly; outcomes and answers never exceed the contacts', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const figures = aggregateFigures(f);
        const sum = (key: 'needsOpen' | 'needsClosed' | 'contacts' | 'answered') =>
          figures.byLever.reduce((s, r) => s + r[key], 0);
        expect(sum('needsOpen')).toBe(figures.total.needsOpen);
        expect(sum('needsClosed')).toBe(figures.total.needsClosed);
        expect(sum('contacts')).toBe(figures.contacts.made);
        expect(sum('answered')).toBe(figures.contacts.answered);
        expect(figures.total.needsOpen + figures.total.needsClosed).toBe(f.needs.length);
        expect(
          figures.needs.administration.open +
            figures.needs.administration.closed +
            figures.needs.commons.open +
            figures.needs.commons.closed,
        ).toBe(f.needs.length);
        const outcomes = CONTACT_OUTCOMES.reduce((s, o) => s + figures.contacts.outcomes[o], 0);
        expect(outcomes + figures.contacts.noOutcome).toBe(figures.contacts.made);
        expect(USE_CASE_STATUSES.reduce((s, st) => s + figures.useCases[st], 0)).toBe(figures.useCasesTotal);
        for (const row of [...figures.byLever, ...figures.byAdministration]) {
          expect(row.answered).toBeLessThanOrEqual(row.contacts);
          expect(CONTACT_OUTCOMES.reduce((s, o) => s + row.outcomes[o], 0)).toBeLessThanOrEqual(row.contacts);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts a contact once per administration taking part, and only known administrations', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const figures = aggregateFigures(f);
        for (const row of figures.byAdministration) {
          const expected = f.contacts.filter((c) => c.administrationIds.includes(row.key)).length;
          expect(row.contacts).toBe(expected);
          expect(ADMINISTRATIONS.some((a) => a.id === row.key)).toBe(true);
          expect(row.needsOpen + row.needsClosed + row.contacts).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lists every programme lever, in the programme’s order, unknown codes then “no lever” after', () => {
    const figures = aggregateFigures({
      commons: 0,
      administrations: [],
      useCases: [],
      experiments: 0,
      needs: [
        { side: 'administration', lever: null, administrationId: null, open: true },
        { side: 'commons', lever: 'levier-inconnu', administrationId: null, open: false },
      ],
      contacts: [],
    });
    const keys = figures.byLever.map((r) => r.key);
    expect(keys.slice(-2)).toEqual(['levier-inconnu', '']);
    expect(keys.length).toBe(10);
  });
});

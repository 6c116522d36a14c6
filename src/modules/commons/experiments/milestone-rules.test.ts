import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MilestoneState } from '../../support/index.js';
import { movesFrom, PARTY_MOVES } from './milestone-rules.js';
import { milestoneProgress } from './queries.js';
import { isTerritory, territoryLabel, territoryOptions } from './territories.js';

const STATES: MilestoneState[] = ['upcoming', 'in_progress', 'submitted', 'validated', 'returned'];

/** The milestone cycle and the progress, as rules: parties never reach "validated", staff only review "submitted". */
describe('experiment milestone rules', () => {
  it('lets parties move only towards submitted, never out of submitted or validated', () => {
    for (const state of STATES) {
      for (const move of movesFrom(state)) expect(['in_progress', 'submitted']).toContain(PARTY_MOVES[move].to);
    }
    expect(movesFrom('submitted')).toEqual([]);
    expect(movesFrom('validated')).toEqual([]);
    expect(movesFrom('returned')).toEqual(['start', 'submit']);
  });

  it('walks any sequence of moves and reviews into a known state, validated only through staff', () => {
    const step = fc.constantFrom('start', 'submit', 'validate', 'return');
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state: MilestoneState = 'upcoming';
        let validatedByStaff = false;
        for (const s of steps) {
          if (s === 'start' || s === 'submit') {
            if (PARTY_MOVES[s].from.includes(state)) state = PARTY_MOVES[s].to;
          } else if (state === 'submitted') {
            state = s === 'validate' ? 'validated' : 'returned';
            validatedByStaff ||= s === 'validate';
          }
          expect(STATES).toContain(state);
        }
        expect(state === 'validated').toBe(validatedByStaff);
      }),
    );
  });

  it('counts progress as validated milestones over all, 100 % only when every one is validated', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATES), { maxLength: 40 }), (states) => {
        const { percent } = milestoneProgress(states);
        const validated = states.filter((s) => s === 'validated').length;
        expect(percent).toBe(states.length === 0 ? 0 : Math.floor((validated * 100) / states.length));
        expect(percent === 100).toBe(states.length > 0 && validated === states.length);
      }),
    );
  });

  it('knows every territory it offers, and no other code', () => {
    for (const option of territoryOptions('fr')) expect(isTerritory(option.value), option.value).toBe(true);
    expect(territoryOptions('fr')).toHaveLength(1 + 18 + 101);
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (code) => {
        if (isTerritory(code)) expect(territoryLabel('fr', code)).not.toBe(code);
      }),
    );
    expect(['D00', 'R99', 'fr', 'D7', 'FRA'].some(isTerritory)).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MilestoneState } from '../tables.js';
import { addDays, addMonths, planPeriodOk, progressOf } from './progress.js';

const STATES: MilestoneState[] = ['upcoming', 'in_progress', 'submitted', 'validated', 'returned'];
const milestone = fc.record({ weight: fc.integer({ min: 1, max: 100 }), state: fc.constantFrom(...STATES) });

describe('progress of a plan', () => {
  it('is 0 without milestones', () => {
    expect(progressOf([])).toEqual({ percent: 0, validatedWeight: 0, totalWeight: 0 });
  });

  it('is the validated share of the weight, between 0 and 100, 100 only when everything is validated', () => {
    fc.assert(
      fc.property(fc.array(milestone, { maxLength: 30 }), (list) => {
        const p = progressOf(list);
        const total = list.reduce((s, m) => s + m.weight, 0);
        const validated = list.filter((m) => m.state === 'validated').reduce((s, m) => s + m.weight, 0);
        expect(p.totalWeight).toBe(total);
        expect(p.validatedWeight).toBe(validated);
        expect(p.percent).toBeGreaterThanOrEqual(0);
        expect(p.percent).toBeLessThanOrEqual(100);
        expect(p.percent === 100).toBe(list.length > 0 && validated === total);
        if (total > 0) expect(Math.abs(p.percent - (100 * validated) / total)).toBeLessThan(1);
      }),
    );
  });

  it('never goes down when a milestone is validated, and does not depend on the order', () => {
    fc.assert(
      fc.property(fc.array(milestone, { minLength: 1, maxLength: 30 }), fc.nat(), (list, pick) => {
        const i = pick % list.length;
        const after = list.map((m, j) => (j === i ? { ...m, state: 'validated' as const } : m));
        expect(progressOf(after).percent).toBeGreaterThanOrEqual(progressOf(list).percent);
        expect(progressOf([...list].reverse())).toEqual(progressOf(list));
      }),
    );
  });

  it('counts only validated milestones: submitted or future ones add nothing', () => {
    expect(
      progressOf([
        { weight: 30, state: 'validated' },
        { weight: 50, state: 'submitted' },
        { weight: 20, state: 'upcoming' },
      ]).percent,
    ).toBe(30);
  });
});

describe('plan period', () => {
  it('accepts 3 to 12 months, month ends included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(planPeriodOk('2026-09-01', '2026-12-01')).toBe(true);
    expect(planPeriodOk('2026-09-01', '2026-11-30')).toBe(false);
    expect(planPeriodOk('2026-09-01', '2027-09-01')).toBe(true);
    expect(planPeriodOk('2026-09-01', '2027-09-02')).toBe(false);
  });

  it('holds for any start: start + n months is accepted exactly for n in 3…12', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 24 }),
        (d, n) => {
          const start = d.toISOString().slice(0, 10);
          expect(planPeriodOk(start, addMonths(start, n))).toBe(n >= 3 && n <= 12);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import { parisClockTime } from '../../../core/time/paris-time.js';
import { formatMinutes } from './durations.js';
import { addDays, isoWeek, isoWeekday, nextParisTime } from './schedule.js';

const instants = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2035-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('Paris schedule of the reminders and the digest', () => {
  it('puts the digest at the next Monday 08:00 in Paris, within a week, summer and winter alike', () => {
    fc.assert(
      fc.property(instants, (now) => {
        const at = nextParisTime(now, '08:00', [1]);
        expect(at.getTime()).toBeGreaterThan(now.getTime());
        expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(7 * 24 * 3600_000);
        expect(parisClockTime(at)).toBe('08:00:00');
        expect(isoWeekday(isoDateParis(at))).toBe(1);
      }),
    );
  });

  it('puts the daily reminders at the next 07:30 in Paris, within a day', () => {
    fc.assert(
      fc.property(instants, (now) => {
        const at = nextParisTime(now, '07:30');
        expect(at.getTime()).toBeGreaterThan(now.getTime());
        expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3600_000);
        expect(parisClockTime(at)).toBe('07:30:00');
      }),
    );
  });

  it('names ISO weeks as the calendar does, the seven days of a week alike', () => {
    expect(isoWeek('2026-12-07')).toBe('2026-W50');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    fc.assert(
      fc.property(instants, (now) => {
        const day = isoDateParis(now);
        const monday = addDays(day, 1 - isoWeekday(day));
        for (let i = 0; i < 7; i++) expect(isoWeek(addDays(monday, i))).toBe(isoWeek(day));
        expect(isoWeek(addDays(monday, 7))).not.toBe(isoWeek(day));
      }),
    );
  });

  it('writes durations as people read them', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(90)).toBe('1 h 30');
    expect(formatMinutes(-30)).toBe('−30 min');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const [, h, min] = /^(?:(\d+) h(?: (\d\d))?|(\d+) min)$/.exec(formatMinutes(n)) ?? [];
        const back = h ? Number(h) * 60 + Number(min ?? 0) : Number(/^(\d+)/.exec(formatMinutes(n))?.[1]);
        expect(back).toBe(n);
      }),
    );
  });
});

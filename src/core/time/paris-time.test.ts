import { describe, expect, it } from 'vitest';
import { parisClockTime, parisDateTime, parisEndOfDay, parisStartOfDay } from './paris-time.js';

describe('parisEndOfDay', () => {
  it('uses the winter offset (+01:00) for a winter date', () => {
    expect(parisEndOfDay('2022-01-29').toISOString()).toBe('2022-01-29T22:59:59.000Z');
  });

  it('uses the summer offset (+02:00) for a summer date', () => {
    expect(parisEndOfDay('2023-05-02').toISOString()).toBe('2023-05-02T21:59:59.000Z');
  });

  it('uses the offset of the day itself on the days clocks change', () => {
    // 26 March 2023: clocks go forward at 02:00, so the evening is already summer time.
    expect(parisEndOfDay('2023-03-26').toISOString()).toBe('2023-03-26T21:59:59.000Z');
    expect(parisStartOfDay('2023-03-26').toISOString()).toBe('2023-03-25T23:00:00.000Z');
    // 29 October 2023: clocks go back at 03:00, so the evening is winter time again.
    expect(parisEndOfDay('2023-10-29').toISOString()).toBe('2023-10-29T22:59:59.000Z');
    expect(parisStartOfDay('2023-10-29').toISOString()).toBe('2023-10-28T22:00:00.000Z');
  });

  it('handles the last day of the year', () => {
    expect(parisEndOfDay('2025-12-31').toISOString()).toBe('2025-12-31T22:59:59.000Z');
  });
});

describe('parisDateTime', () => {
  it('reads an explicit time in Paris', () => {
    expect(parisDateTime('2024-07-14', '12:00').toISOString()).toBe('2024-07-14T10:00:00.000Z');
    expect(parisDateTime('2024-02-14', '18:30').toISOString()).toBe('2024-02-14T17:30:00.000Z');
  });

  it('round-trips with the Paris clock time', () => {
    expect(parisClockTime(parisDateTime('2024-07-14', '12:34:56'))).toBe('12:34:56');
    expect(parisClockTime(parisEndOfDay('2022-01-29'))).toBe('23:59:59');
  });

  it('refuses malformed input', () => {
    expect(() => parisDateTime('2024-7-14')).toThrow(RangeError);
    expect(() => parisDateTime('2024-07-14', '25:00')).toThrow(RangeError);
  });
});

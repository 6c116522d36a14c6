import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeReport,
  formatGapPercent,
  gapTenths,
  LINE_SPECS,
  MAX_LINE_CENTS,
  needsExplanation,
  parseStoredLines,
  type ReportLine,
  storedLines,
} from './report-lines.js';

const cents = fc.integer({ min: 0, max: MAX_LINE_CENTS });
const line = fc.record({
  code: fc.constantFrom(...LINE_SPECS.map((s) => s.code)),
  funder: fc.string({ maxLength: 20 }),
  forecastCents: cents,
  actualCents: cents,
  explanation: fc.string({ maxLength: 20 }),
});
/** Lines with distinct codes (a report has one line per code). */
const lines = fc.uniqueArray(line, { selector: (l) => l.code, maxLength: LINE_SPECS.length });

describe('financial report lines', () => {
  it('totals are the sums of their side’s lines, gaps are actual − forecast', () => {
    fc.assert(
      fc.property(lines, (input: ReportLine[]) => {
        const report = computeReport(input);
        expect(report.lines).toHaveLength(LINE_SPECS.length);
        for (const side of ['charge', 'income'] as const) {
          const of = report.lines.filter((l) => l.spec.side === side);
          const totals = side === 'charge' ? report.charges : report.income;
          expect(totals.forecastCents).toBe(of.reduce((s, l) => s + l.forecastCents, 0));
          expect(totals.actualCents).toBe(of.reduce((s, l) => s + l.actualCents, 0));
          expect(totals.gapCents).toBe(totals.actualCents - totals.forecastCents);
        }
        for (const l of report.lines) {
          expect(l.gapCents).toBe(l.actualCents - l.forecastCents);
          const given = input.find((i) => i.code === l.code);
          expect(l.forecastCents).toBe(given?.forecastCents ?? 0);
        }
      }),
    );
  });

  it('rounds the gap percent to the nearest tenth, half away from zero, and has none for a zero forecast', () => {
    fc.assert(
      fc.property(cents, cents, (forecast, actual) => {
        const tenths = gapTenths(actual - forecast, forecast);
        if (forecast === 0) {
          expect(tenths).toBeNull();
          return;
        }
        const exact = ((actual - forecast) * 1000) / forecast;
        expect(Math.abs(tenths! - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        // Half away from zero: the rounded value is never nearer zero than the exact one by half a tenth.
        expect(Math.sign(tenths!) === Math.sign(exact) || tenths === 0).toBe(true);
      }),
    );
    expect(gapTenths(15, 100)).toBe(150);
    expect(gapTenths(1, 2000)).toBe(1); // 0.05 % → 0,1 % (half away from zero)
    expect(gapTenths(-1, 2000)).toBe(-1);
    expect(gapTenths(1, 3000)).toBe(0);
    expect(formatGapPercent('fr', 153)).toBe('+15,3 %');
    expect(formatGapPercent('en', -5)).toBe('−0.5 %');
    expect(formatGapPercent('fr', null)).toBe('—');
  });

  it('asks for an explanation exactly beyond 15 % either way, and for an actual without forecast', () => {
    expect(needsExplanation(10_000, 11_500)).toBe(false); // exactly 15 %
    expect(needsExplanation(10_000, 11_501)).toBe(true);
    expect(needsExplanation(10_000, 8_500)).toBe(false);
    expect(needsExplanation(10_000, 8_499)).toBe(true);
    expect(needsExplanation(0, 0)).toBe(false);
    expect(needsExplanation(0, 1)).toBe(true);
    fc.assert(
      fc.property(cents, cents, (forecast, actual) => {
        const gap = Math.abs(actual - forecast);
        expect(needsExplanation(forecast, actual)).toBe(forecast === 0 ? actual > 0 : gap / forecast > 0.15);
      }),
    );
  });

  it('reads back what it stores, and drops malformed lines', () => {
    fc.assert(
      fc.property(lines, (input: ReportLine[]) => {
        const kept = input.filter((l) => l.forecastCents || l.actualCents || l.explanation || l.funder);
        expect(parseStoredLines(storedLines(input))).toEqual(kept);
      }),
    );
    expect(
      parseStoredLines({
        version: 1,
        lines: [
          { code: 'nope', forecastCents: 1, actualCents: 1 },
          { code: '60', forecastCents: -1, actualCents: 1 },
          { code: '60', forecastCents: 1.5, actualCents: 1 },
          { code: '61', forecastCents: 100, actualCents: 200, explanation: 'ok' },
        ],
      }),
    ).toEqual([{ code: '61', funder: '', forecastCents: 100, actualCents: 200, explanation: 'ok' }]);
    expect(parseStoredLines('not json')).toEqual([]);
  });
});

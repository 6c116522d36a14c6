import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureToInput, formatFigure, parseFigure } from './numbers.js';

describe('figures typed in French or English', () => {
  it('reads what a French user types, and refuses what is ambiguous', () => {
    expect(parseFigure('1 234,5')).toBe('1234.5');
    expect(parseFigure('1\u00a0234,50')).toBe('1234.5');
    expect(parseFigure('2\u202f000')).toBe('2000');
    expect(parseFigure('1234.5')).toBe('1234.5');
    expect(parseFigure('-0,25')).toBe('-0.25');
    expect(parseFigure('-0')).toBe('0');
    expect(parseFigure('007')).toBe('7');
    for (const bad of [
      '',
      '1,234.5',
      '1.234,5',
      '1 23',
      '12 3456',
      'deux',
      '1e3',
      '1,',
      ',5',
      '1 234 ,5',
      '--1',
      '1'.repeat(16),
    ])
      expect(parseFigure(bad), bad).toBeNull();
  });

  it('reads back every figure it shows, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9999 }), (whole, cents) => {
        const canonical = parseFigure(`${whole}.${String(cents).padStart(4, '0')}`);
        expect(canonical).not.toBeNull();
        for (const locale of ['fr', 'en'] as const) {
          expect(parseFigure(figureToInput(locale, canonical!))).toBe(canonical);
          if (locale === 'fr')
            expect(parseFigure(formatFigure(locale, canonical!))).toBe(parseFigure(String(Number(canonical))));
        }
      }),
    );
  });
});

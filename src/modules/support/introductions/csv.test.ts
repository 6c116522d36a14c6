import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, detectSeparator, parseCsvText } from './csv.js';

const cell = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\r'));

describe('reading a CSV as French spreadsheets write it', () => {
  it('reads back any table written with either separator, quotes and line breaks inside cells included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<';' | ','>(';', ','),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (separator, width, rows, crlf) => {
          // The header names the separator: its cells hold none of either.
          const header = Array.from({ length: width + 1 }, (_, i) => `col${i}`);
          const table = [
            header,
            ...rows.map((r) => r.slice(0, width + 1).concat(Array(Math.max(0, width + 1 - r.length)).fill(''))),
          ];
          const kept = table.filter((r, i) => i === 0 || !(r.length === 1 && r[0].trim() === ''));
          const text = `\ufeff${kept.map((r) => csvLine(r, separator)).join(crlf ? '\r\n' : '\n')}`;
          const reading = parseCsvText(text);
          expect(reading.separator).toBe(separator === ',' && width === 0 ? ';' : separator);
          expect(reading.unclosedQuote).toBe(false);
          expect(reading.records.map((r) => r.cells)).toEqual(kept);
        },
      ),
    );
  });

  it('says on which line each record starts, counting line breaks inside quoted cells', () => {
    const reading = parseCsvText('a;b\r\n"un\ndeux";x\r\n\r\nc;d\r\n');
    expect(reading.records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['un\ndeux', 'x']],
      [5, ['c', 'd']],
    ]);
  });

  it('picks the separator of the header line, ignoring quoted ones', () => {
    expect(detectSeparator('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectSeparator('"a;b",c,d\n')).toBe(',');
    expect(detectSeparator('seul')).toBe(';');
  });

  it('reports a quote never closed', () => {
    expect(parseCsvText('a;b\n"ouvert;x\n').unclosedQuote).toBe(true);
  });
});

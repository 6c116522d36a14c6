import { csvCell } from '../applications/index.js';
import type { CsvColumn, Item } from './datasets/dataset.js';

/**
 * The CSV downloads, for French spreadsheet users: UTF-8 with a BOM (Excel reads the accents), `;` between
 * cells, CRLF line ends, a header of labels, cells quoted when needed and guarded against formulas (the
 * project's csvCell), dates and times in Europe/Paris, decimal commas. Pure code.
 */
export function csvFile<T extends Item>(columns: readonly CsvColumn<T>[], items: readonly T[]): string {
  const lines = [
    columns.map((c) => csvCell(c.label)).join(';'),
    ...items.map((item) => columns.map((c) => csvCell(c.value(item))).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as French spreadsheets read it, in Paris time: "29/01/2022 23:59". Empty for none. */
export function parisDateTimeCell(iso: string | null | undefined): string {
  if (!iso) return '';
  return PARIS.format(new Date(iso)).replace(',', '');
}

/** A day (YYYY-MM-DD) as French spreadsheets read it: "29/01/2022". Empty for none. */
export function dayCell(day: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** A number with a decimal comma and no grouping ("1234,5"), which French Excel reads as a number. */
export function numberCell(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}

/** Euros from cents with a decimal comma: 3000050 → "30000,50". */
export function eurosCell(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A list in one cell: "a, b, c". */
export function listCell(values: readonly string[]): string {
  return values.join(', ');
}

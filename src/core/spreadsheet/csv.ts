/**
 * The one CSV writer of the platform, for French spreadsheet users (the open data on /donnees, the staff
 * exports): UTF-8 with a BOM (Excel reads the accents), `;` between cells, CRLF line ends, a header of labels,
 * cells quoted when needed and guarded against formulas, dates and times in Europe/Paris, decimal commas.
 * Pure code.
 */
import type { SheetCell, SheetTable } from './table.js';

/** A column of a CSV file: its label (the header) and the cell of one item, labels rather than codes. */
export interface CsvColumn<T> {
  label: string;
  value(item: T): string;
}

/**
 * A CSV cell quoted per RFC 4180. A cell a spreadsheet would read as a formula (=, +, -, @, tab,
 * CR) gets a leading apostrophe: exported text is people's text, never commands.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(guarded) || guarded !== value ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Lines of cells as a file: each cell quoted and guarded (csvCell), `;`, CRLF, the BOM first. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** A table (table.ts) as CSV: its header, then its rows, each cell as French spreadsheets read it. */
export function tableCsv(table: SheetTable): string {
  return csvLines([table.header, ...table.rows.map((row) => row.map(cellText))]);
}

/** A header of the columns' labels, then one line per item. */
export function csvFile<T>(columns: readonly CsvColumn<T>[], items: readonly T[]): string {
  return csvLines([columns.map((c) => c.label), ...items.map((item) => columns.map((c) => c.value(item)))]);
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
export function parisDateTimeCell(iso: string | Date | null | undefined): string {
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

/** A cell of a table as CSV text: Paris date and time "29/01/2022 23:59", day "29/01/2022", decimal comma. */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return numberCell(cell);
  if ('instant' in cell) return parisDateTimeCell(cell.instant);
  return dayCell(cell.day);
}

import { parisOffsetMinutes } from '../time/paris-time.js';
import type { SheetCell, SheetTable } from './table.js';

/**
 * A workbook (XLSX) of tables, one sheet each, for French spreadsheet users: a bold, frozen header of labels,
 * text cells as text (never formulas), numbers as numbers, instants as dates shown in Europe/Paris
 * (dd/mm/yyyy hh:mm) and days as dates (dd/mm/yyyy). Written by write-excel-file (decision 0015), loaded
 * only when a workbook is asked for.
 */
export async function xlsxFile(tables: readonly SheetTable[]): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const sheets = tables.map((table) => ({
    sheet: sheetName(table.name),
    stickyRowsCount: 1,
    columns: table.header.map((label) => ({ width: Math.min(60, Math.max(12, label.length + 2)) })),
    data: [
      table.header.map((label) => ({ value: label, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map(xlsxCell)),
    ],
  }));
  return writeXlsxFile(sheets).toBuffer();
}

/** A spreadsheet has no time zone: an instant is written as the wall clock Paris showed then. */
function parisWallClock(instant: Date): Date {
  return new Date(instant.getTime() + parisOffsetMinutes(instant) * 60_000);
}

function xlsxCell(cell: SheetCell) {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string') return { value: cell, type: String };
  if (typeof cell === 'number') return { value: cell, type: Number };
  if ('instant' in cell) return { value: parisWallClock(cell.instant), type: Date, format: 'dd/mm/yyyy hh:mm' };
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.day);
  if (!day) return { value: cell.day, type: String };
  return { value: new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])), type: Date, format: 'dd/mm/yyyy' };
}

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Feuille';
}

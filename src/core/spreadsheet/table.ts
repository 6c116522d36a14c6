/**
 * A table for people's spreadsheets, written once and sent as CSV (csv.ts) or XLSX (xlsx.ts). A cell is text,
 * a number, an instant (shown in Europe/Paris), a calendar day, or empty; labels rather than codes are the
 * caller's business.
 */
export type SheetCell = string | number | null | { instant: Date } | { day: string };

export interface SheetTable {
  /** The sheet's name in a workbook (at most 31 characters, none of []:*?/\). */
  name: string;
  header: string[];
  rows: SheetCell[][];
}

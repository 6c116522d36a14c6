/**
 * The CSV of the transparency bundle: comma-separated, UTF-8 without BOM, one header line, LF line ends,
 * `.` as the decimal point, so a program reads it back exactly. Pure, no dependency (the standalone and
 * browser verifiers bundle this file).
 */

/** A cell quoted per RFC 4180 when it holds a comma, a quote or a line break. */
export function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(cell).join(','))
    .join('\n')
    .concat('\n');
}

/** One parsed line: its cells and its line number in the file (1 = the header). */
export interface CsvLine {
  line: number;
  cells: string[];
}

/** Parses RFC 4180 CSV (a BOM, CRLF or LF line ends accepted); blank lines are skipped. */
export function parseCsv(text: string): CsvLine[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines: CsvLine[] = [];
  let cells: string[] = [];
  let current = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRow = () => {
    if (touched || cells.length > 0) {
      cells.push(current);
      lines.push({ line: start, cells });
    }
    cells = [];
    current = '';
    touched = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          current += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        current += c;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      touched = true;
    } else if (c === ',') {
      cells.push(current);
      current = '';
      touched = true;
    } else if (c === '\r' && source[i + 1] === '\n') {
      // the \n ends the row
    } else if (c === '\n') {
      endRow();
      line++;
      start = line;
    } else {
      current += c;
      touched = true;
    }
  }
  if (quoted) throw new Error(`unterminated quoted cell at line ${start}`);
  endRow();
  return lines;
}

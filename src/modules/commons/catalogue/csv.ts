/**
 * Reading a CSV file as French spreadsheets write it: `;` separators (`,` accepted when the header line has
 * more of them), RFC 4180 quotes, CRLF or LF line ends, a BOM or not. Each record keeps the line it starts
 * on, so the import's report points where the person will look.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export function parseCsv(input: string): { records: CsvRecord[]; unclosedQuote: boolean } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const separator = (firstLine.match(/,/g)?.length ?? 0) > (firstLine.match(/;/g)?.length ?? 0) ? ',' : ';';
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { records, unclosedQuote: quoted };
}

/** One record written for a French spreadsheet (tests, examples): `;`, quoted only when needed. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/["\r\n;]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
}

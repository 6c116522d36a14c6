/**
 * Reading a CSV file as French spreadsheets save it: `;` separators (`,` when the header line holds more of
 * them), RFC 4180 quotes, CRLF or LF line ends, a byte-order mark or not. Each record keeps the line it starts
 * on, so every problem is reported where the person will look for it. Pure: tested with properties.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvReading {
  separator: ';' | ',';
  records: CsvRecord[];
  /** A quote was never closed: the rest of the file was read as one cell. */
  unclosedQuote: boolean;
}

function headerSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

export function parseCsv(input: string): CsvReading {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const separator = headerSeparator(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    // A blank line (one empty cell, or only empty cells) is no record.
    if (cells.some((c) => c.trim() !== '')) records.push({ line: start, cells });
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
  return { separator, records, unclosedQuote: quoted };
}

/** One record written back (tests, examples): quoted only when needed. */
export function csvLine(cells: readonly string[], separator: ';' | ',' = ';'): string {
  return cells.map((c) => (/["\r\n;,]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c)).join(separator);
}

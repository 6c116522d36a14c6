/**
 * Reading the engine's CSV inputs (`application,reviewer,score`, `application,reviewer`, and the topic lists
 * `application,topic` / `reviewer,topic`): RFC 4180
 * quoting, BOM and CRLF tolerated, and every problem reported with its line number in French and English.
 */

export class CsvInputError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(`${fr} / ${en}`);
  }
}

export function parseCsvRows(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

function checkHeader(rows: string[][], expected: string[], file: string): void {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  if (expected.some((name, i) => header[i] !== name)) {
    throw new CsvInputError(
      `${file} : l’en-tête doit être « ${expected.join(',')} » (trouvé « ${header.join(',')} »).`,
      `${file}: the header must be "${expected.join(',')}" (found "${header.join(',')}").`,
    );
  }
}

function ids(row: string[], line: number, file: string): [string, string] {
  const a = row[0]?.trim() ?? '';
  const r = row[1]?.trim() ?? '';
  if (a === '' || r === '') {
    throw new CsvInputError(
      `${file}, ligne ${line} : candidature et évaluateur sont obligatoires.`,
      `${file}, line ${line}: application and reviewer are required.`,
    );
  }
  return [a, r];
}

export interface ScoredPair {
  application: string;
  reviewer: string;
  score: number;
}

export interface Pair {
  application: string;
  reviewer: string;
}

export function readAffinityCsv(text: string, file = 'affinities.csv'): ScoredPair[] {
  const rows = parseCsvRows(text);
  checkHeader(rows, ['application', 'reviewer', 'score'], file);
  return rows.slice(1).map((row, i) => {
    const line = i + 2;
    const [application, reviewer] = ids(row, line, file);
    const raw = (row[2] ?? '').trim();
    const score = Number(raw);
    if (raw === '' || !Number.isFinite(score)) {
      throw new CsvInputError(
        `${file}, ligne ${line} : le score « ${raw} » n’est pas un nombre.`,
        `${file}, line ${line}: the score "${raw}" is not a number.`,
      );
    }
    return { application, reviewer, score };
  });
}

export function readPairCsv(text: string, file = 'conflicts.csv'): Pair[] {
  const rows = parseCsvRows(text);
  checkHeader(rows, ['application', 'reviewer'], file);
  return rows.slice(1).map((row, i) => {
    const [application, reviewer] = ids(row, i + 2, file);
    return { application, reviewer };
  });
}

export interface TopicLine {
  /** The application (required topics) or the reviewer (topics they have). */
  owner: string;
  topic: string;
}

/**
 * `application,topic` (the topics an application requires: at least one assigned reviewer must have EACH of
 * them) or `reviewer,topic` (the topics a reviewer has), one line per pair.
 */
export function readTopicCsv(
  text: string,
  owner: 'application' | 'reviewer',
  file = `${owner}-topics.csv`,
): TopicLine[] {
  const rows = parseCsvRows(text);
  checkHeader(rows, [owner, 'topic'], file);
  return rows.slice(1).map((row, i) => {
    const who = row[0]?.trim() ?? '';
    const topic = row[1]?.trim() ?? '';
    if (who === '' || topic === '') {
      throw new CsvInputError(
        `${file}, ligne ${i + 2} : ${owner === 'application' ? 'candidature' : 'évaluateur'} et thème sont obligatoires.`,
        `${file}, line ${i + 2}: ${owner} and topic are required.`,
      );
    }
    return { owner: who, topic };
  });
}

/** Topic lines grouped by owner. */
export function topicsByOwner(lines: TopicLine[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { owner, topic } of lines) {
    out[owner] ??= [];
    if (!out[owner].includes(topic)) out[owner].push(topic);
  }
  return out;
}

import type { ReviewScores } from '../ranking/ranking.js';
import { checkInputs, combineSelection, type PanelOpinion, type SelectionInputs } from './combine.js';
import { type CsvLine, parseCsv } from './csv.js';
import {
  calibrationTable,
  DECISION_COLUMNS,
  FILES,
  FORMAT,
  FORMAT_VERSION,
  inversions,
  type MethodFile,
  OPINION_COLUMNS,
  type OrderedDecision,
  OUTCOMES,
  type Outcome,
  REASON_SEPARATOR,
  REVIEW_COLUMNS,
  resultsTable,
} from './format.js';

/**
 * Recomputes a published selection from its own files: the combination (calibration, bootstrap intervals
 * with the published seed, combined order) from method.json, reviews.csv and opinions.csv, compared cell
 * by cell with results.csv; then the consistency of decisions.csv with that order. Pure, no dependency:
 * the CLI, the standalone file and the browser run this same function.
 */

export interface Difference {
  file: string;
  /** Line in the file (1 = header); 0 when the whole file is at fault. */
  line: number;
  column: string;
  expected: string;
  found: string;
  message: string;
}

export interface VerificationSummary {
  candidates: number;
  reviews: number;
  opinions: number;
  laureates: number;
  waitingList: number;
}

export type Verification = { ok: true; summary: VerificationSummary } | { ok: false; difference: Difference };

class Mismatch extends Error {
  constructor(readonly difference: Difference) {
    super(difference.message);
  }
}

function fail(file: string, line: number, column: string, expected: string, found: string, message: string): never {
  throw new Mismatch({ file, line, column, expected, found, message });
}

export function verify(input: ReadonlyMap<string, string> | Readonly<Record<string, string>>): Verification {
  const files = input instanceof Map ? input : new Map(Object.entries(input));
  try {
    return { ok: true, summary: check(files as ReadonlyMap<string, string>) };
  } catch (error) {
    if (error instanceof Mismatch) return { ok: false, difference: error.difference };
    return {
      ok: false,
      difference: {
        file: '',
        line: 0,
        column: '',
        expected: '',
        found: '',
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

/** One line to print for a failed verification, in French and English. */
export function describeDifference(d: Difference): string {
  const where = [d.file, d.line > 0 ? `ligne/line ${d.line}` : '', d.column ? `colonne/column ${d.column}` : '']
    .filter(Boolean)
    .join(', ');
  return `${where ? `${where}: ` : ''}${d.message}${d.expected || d.found ? ` — attendu/expected « ${d.expected} », trouvé/found « ${d.found} »` : ''}`;
}

function read(files: ReadonlyMap<string, string>, name: string): string {
  const text = files.get(name);
  if (text === undefined) fail(name, 0, '', 'present', 'missing', 'file missing / fichier absent');
  return text;
}

function csv(files: ReadonlyMap<string, string>, name: string): CsvLine[] {
  try {
    return parseCsv(read(files, name));
  } catch (error) {
    if (error instanceof Mismatch) throw error;
    return fail(name, 0, '', '', '', error instanceof Error ? error.message : String(error));
  }
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function parseMethod(text: string): MethodFile {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return fail(FILES.method, 0, '', 'JSON', 'not JSON', 'method.json is not JSON / n’est pas du JSON');
  }
  const field = (name: string, ok: boolean, expected: string) => {
    if (!ok) fail(FILES.method, 0, name, expected, JSON.stringify(data[name]) ?? '', `invalid ${name}`);
  };
  field('format', data.format === FORMAT, FORMAT);
  field('version', data.version === FORMAT_VERSION, String(FORMAT_VERSION));
  const weights = data.weights as Record<string, unknown> | undefined;
  field('weights', isNumber(weights?.jury) && isNumber(weights?.panel), '{"jury": n, "panel": n}');
  const criteria = (value: unknown) =>
    Array.isArray(value) &&
    value.every((c) => typeof c?.code === 'string' && c.code !== '' && isNumber(c?.weight)) &&
    new Set(value.map((c) => c.code)).size === value.length;
  field('juryCriteria', criteria(data.juryCriteria), '[{"code": text, "weight": n}]');
  field('panelCriteria', criteria(data.panelCriteria), '[{"code": text, "weight": n}]');
  const scale = (value: unknown) =>
    isNumber((value as { min?: unknown })?.min) && isNumber((value as { max?: unknown })?.max);
  field('juryScale', scale(data.juryScale), '{"min": n, "max": n}');
  field('panelScale', scale(data.panelScale), '{"min": n, "max": n}');
  for (const name of ['seed', 'level', 'ridge']) field(name, isNumber(data[name]), 'a number');
  for (const name of ['replicates', 'selectionSize', 'candidates'])
    field(name, Number.isInteger(data[name]) && (data[name] as number) >= 0, 'a whole number');
  field('replicates', (data.replicates as number) <= 100_000, 'at most 100000');
  return data as unknown as MethodFile;
}

function checkHeader(file: string, lines: CsvLine[], expected: readonly string[]): void {
  const header = lines[0]?.cells ?? [];
  for (let i = 0; i < Math.max(header.length, expected.length); i++) {
    if (header[i] !== expected[i])
      fail(
        file,
        1,
        expected[i] ?? header[i] ?? '',
        expected[i] ?? '',
        header[i] ?? '',
        'unexpected header / en-tête inattendu',
      );
  }
}

/** Rows of scores (reviews.csv, opinions.csv) with the given criteria columns. */
function parseScores(
  file: string,
  lines: CsvLine[],
  fixedColumns: readonly [string, string],
  codes: readonly string[],
): { application: string; who: string; scores: Record<string, number> }[] {
  checkHeader(file, lines, [...fixedColumns, ...codes]);
  return lines.slice(1).map(({ line, cells }) => {
    if (cells.length !== 2 + codes.length)
      fail(
        file,
        line,
        '',
        `${2 + codes.length} cells`,
        `${cells.length} cells`,
        'wrong number of cells / nombre de cellules',
      );
    if (cells[0] === '') fail(file, line, fixedColumns[0], 'a reference', '', 'empty reference / référence vide');
    if (cells[1] === '') fail(file, line, fixedColumns[1], 'a pseudonym', '', 'empty pseudonym / pseudonyme vide');
    const scores: Record<string, number> = {};
    codes.forEach((code, i) => {
      const text = cells[2 + i].trim();
      if (text === '') return;
      const value = Number(text);
      if (!Number.isFinite(value)) fail(file, line, code, 'a number', text, 'not a number / pas un nombre');
      scores[code] = value;
    });
    return { application: cells[0], who: cells[1], scores };
  });
}

/** A published table against the recomputed one, cell by cell. */
function compareTable(file: string, lines: CsvLine[], expected: { header: string[]; rows: string[][] }): void {
  checkHeader(file, lines, expected.header);
  if (lines.length - 1 !== expected.rows.length)
    fail(
      file,
      0,
      '',
      `${expected.rows.length} lines`,
      `${lines.length - 1} lines`,
      'wrong number of lines / nombre de lignes',
    );
  expected.rows.forEach((row, i) => {
    const found = lines[i + 1];
    row.forEach((value, c) => {
      const cell = found.cells[c] ?? '';
      if (cell !== value)
        fail(
          file,
          found.line,
          expected.header[c],
          value,
          cell,
          'recomputed value differs / valeur recalculée différente',
        );
    });
    if (found.cells.length !== row.length)
      fail(file, found.line, '', `${row.length} cells`, `${found.cells.length} cells`, 'extra cells');
  });
}

function check(files: ReadonlyMap<string, string>): VerificationSummary {
  const method = parseMethod(read(files, FILES.method));
  const juryCodes = method.juryCriteria.map((c) => c.code);
  const panelCodes = method.panelCriteria.map((c) => c.code);
  const reviews: ReviewScores[] = parseScores(FILES.reviews, csv(files, FILES.reviews), REVIEW_COLUMNS, juryCodes).map(
    (r) => ({ application: r.application, reviewer: r.who, scores: r.scores }),
  );
  const opinions: PanelOpinion[] = parseScores(
    FILES.opinions,
    csv(files, FILES.opinions),
    OPINION_COLUMNS,
    panelCodes,
  ).map((o) => ({ application: o.application, panelist: o.who, scores: o.scores }));

  const results = csv(files, FILES.results);
  const applicationColumn = (results[0]?.cells ?? []).indexOf('application');
  if (applicationColumn < 0) fail(FILES.results, 1, 'application', 'application', '', 'no application column');
  const candidates = results.slice(1).map((l) => l.cells[applicationColumn] ?? '');
  if (new Set(candidates).size !== candidates.length)
    fail(FILES.results, 0, 'application', 'distinct references', 'a repeated reference', 'repeated application');
  if (candidates.length !== method.candidates)
    fail(FILES.results, 0, '', `${method.candidates} lines (method.json)`, `${candidates.length} lines`, 'candidates');

  const inputs: SelectionInputs = {
    juryCriteria: method.juryCriteria,
    juryScale: method.juryScale,
    panelCriteria: method.panelCriteria,
    panelScale: method.panelScale,
    weights: method.weights,
    seed: method.seed,
    replicates: method.replicates,
    level: method.level,
    ridge: method.ridge,
    selectionSize: method.selectionSize,
    candidates,
    reviews,
    opinions,
  };
  const problem = checkInputs(inputs);
  if (problem) fail(FILES.method, 0, '', '', '', problem);
  compareTable(FILES.calibration, csv(files, FILES.calibration), calibrationTable(inputs));
  const result = combineSelection(inputs);
  compareTable(FILES.results, results, resultsTable(inputs, result));

  // decisions.csv: one per candidate at most, well-formed, reasons where required, departures declared.
  const decisions = csv(files, FILES.decisions);
  checkHeader(FILES.decisions, decisions, DECISION_COLUMNS);
  const rowOf = new Map(result.rows.map((r) => [r.application, r]));
  const seen = new Set<string>();
  const positions = new Set<number>();
  const ordered: (OrderedDecision & { line: number; departs: boolean })[] = [];
  let laureates = 0;
  let waitingList = 0;
  for (const { line, cells } of decisions.slice(1)) {
    const at = (column: (typeof DECISION_COLUMNS)[number]) => cells[DECISION_COLUMNS.indexOf(column)] ?? '';
    const bad = (column: string, expectedValue: string, message: string) =>
      fail(FILES.decisions, line, column, expectedValue, at(column as (typeof DECISION_COLUMNS)[number]), message);
    if (cells.length !== DECISION_COLUMNS.length)
      fail(
        FILES.decisions,
        line,
        '',
        `${DECISION_COLUMNS.length} cells`,
        `${cells.length} cells`,
        'wrong number of cells',
      );
    const application = at('application');
    const row = rowOf.get(application);
    if (!row) return bad('application', 'a reference of results.csv', 'decision on an application not in results.csv');
    if (seen.has(application)) bad('application', 'one decision per application', 'repeated decision');
    seen.add(application);
    const outcome = at('outcome') as Outcome;
    if (!OUTCOMES.includes(outcome)) bad('outcome', OUTCOMES.join(' | '), 'unknown outcome / décision inconnue');
    const positionText = at('waitlist_position');
    let position: number | null = null;
    if (outcome === 'waiting_list') {
      position = Number(positionText);
      if (!(Number.isInteger(position) && position >= 1)) bad('waitlist_position', 'a position ≥ 1', 'no position');
      if (positions.has(position)) bad('waitlist_position', 'a free position', 'repeated waiting-list position');
      positions.add(position);
      waitingList++;
    } else if (positionText !== '') bad('waitlist_position', '', 'a position outside the waiting list');
    const reasons = at('reason_codes').split(REASON_SEPARATOR).filter(Boolean);
    const departsText = at('departs_from_order');
    if (departsText !== 'true' && departsText !== 'false') bad('departs_from_order', 'true | false', 'not a boolean');
    const departs = departsText === 'true';
    if (outcome === 'not_selected' && reasons.length === 0)
      bad('reason_codes', 'at least one reason', 'a decision not to select gives its reasons / motifs requis');
    if (departs && reasons.length === 0)
      bad('reason_codes', 'at least one reason', 'a departure from the order gives its reasons / motifs requis');
    if (outcome === 'laureate') laureates++;
    else {
      if (at('project') !== '') bad('project', '', 'only laureates are named / seuls les lauréats sont nommés');
      if (at('amount_eur') !== '') bad('amount_eur', '', 'an amount for a non-laureate');
    }
    if (at('amount_eur') !== '' && !/^\d+\.\d{2}$/.test(at('amount_eur')))
      bad('amount_eur', '1234.00', 'not an amount');
    ordered.push({
      application,
      outcome,
      waitlistPosition: position,
      rank: row.rank,
      combined: row.combined,
      complete: row.complete,
      line,
      departs,
    });
  }
  // Every decision that goes against the order is said to depart from it: at least one of each inverted pair
  // (the deliberation may mark the one that passed, the one passed over, or both).
  const declared = new Map(ordered.map((d) => [d.application, d]));
  for (const [a, b] of inversions(ordered)) {
    if (declared.get(a.application)!.departs || declared.get(b.application)!.departs) continue;
    fail(
      FILES.decisions,
      declared.get(b.application)!.line,
      'departs_from_order',
      'true',
      'false',
      `this decision passes ${a.application}, ranked ahead, and does not say it departs from the order / cette décision passe devant une candidature mieux classée sans le dire`,
    );
  }
  return { candidates: candidates.length, reviews: reviews.length, opinions: opinions.length, laureates, waitingList };
}

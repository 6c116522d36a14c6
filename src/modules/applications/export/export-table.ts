import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import type { SheetCell, SheetTable } from '../../../core/spreadsheet/table.js';
import type { SeasonRecord } from '../../seasons/index.js';
import type { AnswerMap, AnswerValue, Question, QuestionKind } from '../form/model.js';
import { kindLabel, pick, stateLabel } from '../views/text.js';
import type { ExportData } from './export-applications.js';
import { exportMessages as m } from './messages.js';

/** What turns an answer into a cell: the question, the page's language, the attached files' names. */
interface CellInput {
  question: Question;
  value: AnswerValue | undefined;
  locale: Locale;
  fileNames: ReadonlyMap<string, string>;
}

const text = ({ value }: CellInput): SheetCell =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

function optionLabel({ question, locale }: CellInput, code: string): string {
  const option = question.options?.find((o) => o.value === code);
  return option ? pick(locale, option.label.fr, option.label.en) : code;
}

/**
 * Each kind's cell, labels rather than codes: a choice by its option's label, a file by its name, a number as a
 * number, a date as a day. A `Record` of every kind, so a new kind does not compile without its cell. A
 * repeatable block is spread over numbered columns (see `answerColumns`), never JSON in a cell.
 */
const CELLS: Record<QuestionKind, (input: CellInput) => SheetCell> = {
  short_text: text,
  long_text: text,
  url: text,
  email: text,
  siret: text,
  rna: text,
  number: ({ value }) => {
    if (typeof value === 'number') return value;
    const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value.replace(',', '.')) : Number.NaN;
    return Number.isFinite(parsed) ? parsed : typeof value === 'string' && value !== '' ? value : null;
  },
  date: ({ value }) => (typeof value === 'string' && value !== '' ? { day: value } : null),
  single_choice: (input) => (typeof input.value === 'string' && input.value ? optionLabel(input, input.value) : null),
  multiple_choice: (input) =>
    Array.isArray(input.value)
      ? input.value
          .filter((v): v is string => typeof v === 'string')
          .map((v) => optionLabel(input, v))
          .join(', ')
      : null,
  file: ({ value, fileNames }) =>
    value && typeof value === 'object' && !Array.isArray(value) && Array.isArray(value.fileIds)
      ? value.fileIds.map((id) => fileNames.get(id) ?? id).join(', ')
      : null,
  repeatable: () => null,
};

interface AnswerColumn {
  label: string;
  cell(answers: AnswerMap, locale: Locale, fileNames: ReadonlyMap<string, string>): SheetCell;
}

function rowsOf(value: AnswerValue | undefined): AnswerMap[] {
  return Array.isArray(value)
    ? (value.filter((row) => row && typeof row === 'object' && !Array.isArray(row)) as AnswerMap[])
    : [];
}

/**
 * One column per question; a repeatable block gets, for each of its rows up to the most any exported
 * application filled, one column per sub-question (« Membres de l’équipe 1 : Nom », « … 2 : Nom »).
 */
function answerColumns(locale: Locale, data: ExportData): AnswerColumn[] {
  const columns: AnswerColumn[] = [];
  for (const question of data.questions) {
    const label = pick(locale, question.label.fr, question.label.en);
    if (question.kind !== 'repeatable') {
      columns.push({
        label,
        cell: (answers, l, fileNames) =>
          CELLS[question.kind]({ question, value: answers[question.id], locale: l, fileNames }),
      });
      continue;
    }
    const most = Math.max(0, ...data.rows.map((row) => rowsOf(row.answers[question.id]).length));
    for (let n = 1; n <= most; n += 1) {
      for (const child of question.children ?? []) {
        if (child.kind === 'repeatable') continue;
        columns.push({
          label: t(locale, m.repeated, { block: label, n, question: pick(locale, child.label.fr, child.label.en) }),
          cell: (answers, l, fileNames) =>
            CELLS[child.kind]({
              question: child,
              value: rowsOf(answers[question.id])[n - 1]?.[child.id],
              locale: l,
              fileNames,
            }),
        });
      }
    }
  }
  // Two questions worded alike stay two columns a reader can tell apart.
  const seen = new Map<string, number>();
  for (const column of columns) {
    const count = (seen.get(column.label) ?? 0) + 1;
    seen.set(column.label, count);
    if (count > 1) column.label = `${column.label} (${count})`;
  }
  return columns;
}

/**
 * The staff export as a table for people: labels rather than codes (season and track names, applicant kind,
 * state, choices' labels, files' names), one column per question, dates in Europe/Paris. Sent as CSV or XLSX.
 */
export function exportTable(
  locale: Locale,
  data: ExportData,
  seasons: readonly SeasonRecord[],
  fileNames: ReadonlyMap<string, string>,
): SheetTable {
  const seasonsById = new Map(seasons.map((s) => [s.id, s]));
  const answers = answerColumns(locale, data);
  const header = [
    t(locale, m.id),
    t(locale, m.season),
    t(locale, m.track),
    t(locale, m.applicantKind),
    t(locale, m.state),
    t(locale, m.title),
    t(locale, m.ownerEmail),
    t(locale, m.territory),
    t(locale, m.createdAt),
    t(locale, m.submittedAt),
    t(locale, m.version),
    t(locale, m.answersSha256),
    ...answers.map((c) => c.label),
  ];
  const rows = data.rows.map((row): SheetCell[] => {
    const season = seasonsById.get(row.seasonId);
    const track = season?.tracks.find((tr) => tr.code === row.track);
    return [
      row.id,
      season ? pick(locale, season.name, season.nameEn) : row.season,
      track ? pick(locale, track.name, track.nameEn) : row.track,
      kindLabel(locale, row.applicantKind),
      stateLabel(locale, row.state),
      row.title,
      row.ownerEmail,
      row.territory,
      { instant: new Date(row.createdAt) },
      row.submittedAt ? { instant: new Date(row.submittedAt) } : null,
      row.version > 0 ? row.version : null,
      row.answersSha256,
      ...answers.map((c) => c.cell(row.answers, locale, fileNames)),
    ];
  });
  return { name: t(locale, m.sheet), header, rows };
}

/** The original names of the files these applications' answers point to, by file id. */
export async function exportedFileNames(
  db: Kysely<DB>,
  applicationIds: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  // In batches, so a large export never builds one huge IN list.
  for (let start = 0; start < applicationIds.length; start += 1000) {
    const rows = await db
      .selectFrom('application_files')
      .innerJoin('files', 'files.id', 'application_files.file_id')
      .select(['application_files.file_id', 'files.original_name'])
      .where('application_files.application_id', 'in', applicationIds.slice(start, start + 1000))
      .execute();
    for (const row of rows) names.set(row.file_id, row.original_name);
  }
  return names;
}

import { FormReader, formMessages } from '../../core/http/forms.js';
import { rowIndexes } from '../../core/http/row-fields.js';
import type { Message } from '../../core/i18n/i18n.js';
import { parisEndOfDay } from '../../core/time/paris-time.js';
import { panelMessages as m } from './messages.js';
import { deleteAfterOf, type PanelRecord, type PanelStage, type QuotaRecord } from './queries.js';
import type { PanelCriterion } from './tables.js';

export interface PanelInput {
  seasonId: string | null;
  name: string;
  nameEn: string;
  /** Shown to volunteers; empty when none. */
  description?: string;
  descriptionEn?: string;
  size: number;
  recruitUntil: Date;
  endsAt: Date;
  retentionDays: number;
  onePerHousehold: boolean;
  criteria: PanelCriterion[];
  opinionWeight: number;
}

export const DESCRIPTION_MAX = 2000;

const CODE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

function integerField(form: FormReader, field: string, min: number, max: number, required = true): number {
  const text = form.text(field, { required, max: 9 });
  if (form.errors[field] || text === '') return min;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) form.fail(field, m.badNumber, { min, max });
  return value;
}

/** How many empty rows a table editor shows, and how many more "Ajouter des lignes" gives. */
export const BLANK_ROWS = 3;
const MAX_ROWS = 200;

/** The rows of a table editor as typed (or as saved), and how many empty rows to show after them. */
export interface RowsState {
  rows: { index: number; cells: Record<string, string> }[];
  blank: number;
  /** The index the first empty row takes (after every posted one, so field names stay unique). */
  nextIndex: number;
}

/** The flat name of one cell: `quotas.3.min`. */
export const rowField = (prefix: string, index: number, column: string) => `${prefix}.${index}.${column}`;

/**
 * The rows a table editor posted, each cell read (and kept) by `form`; rows left entirely empty are
 * dropped, and counted so that "Ajouter des lignes" gives more than there were.
 */
export function readRows(
  form: FormReader,
  body: unknown,
  prefix: string,
  columns: readonly string[],
): { rows: RowsState['rows']; empty: number; nextIndex: number } {
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(?:${columns.join('|')})$`);
  const indexes = rowIndexes(body, pattern, MAX_ROWS);
  const rows: RowsState['rows'] = [];
  let empty = 0;
  for (const index of indexes) {
    const cells: Record<string, string> = {};
    for (const column of columns) cells[column] = form.text(rowField(prefix, index, column), { max: 200 });
    if (Object.values(cells).every((v) => v === '')) {
      empty++;
      for (const column of columns) {
        delete form.values[rowField(prefix, index, column)];
        delete form.errors[rowField(prefix, index, column)];
      }
    } else rows.push({ index, cells });
  }
  return { rows, empty, nextIndex: indexes.length ? indexes[indexes.length - 1] + 1 : 0 };
}

/** Saved records as rows of a table editor, numbered from 0. */
export function rowsOf<T>(records: T[], cells: (record: T) => Record<string, string>, blank = BLANK_ROWS): RowsState {
  return { rows: records.map((r, index) => ({ index, cells: cells(r) })), blank, nextIndex: records.length };
}

/** The rows a form holds in `values` (what was typed), with `blank` empty rows after them. */
export function rowsFromValues(values: Record<string, string>, prefix: string, blank = BLANK_ROWS): RowsState {
  const byIndex = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [name, value] of Object.entries(values)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    byIndex.set(index, { ...(byIndex.get(index) ?? {}), [match[2]]: value });
  }
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  return {
    rows: indexes.map((index) => ({ index, cells: byIndex.get(index)! })),
    blank,
    nextIndex: indexes.length ? indexes[indexes.length - 1] + 1 : 0,
  };
}

/** "Ajouter des lignes": the table comes back with what was typed and more empty rows; nothing is saved. */
export function addsRows(body: unknown): boolean {
  return !!body && typeof body === 'object' && (body as Record<string, unknown>).action === 'add-rows';
}

/** How many empty rows to show after "Ajouter des lignes": those posted empty, plus a few. */
export function blankAfterAdding(body: unknown, prefix: string, columns: readonly string[]): number {
  const { empty } = readRows(new FormReader(body), body, prefix, columns);
  return Math.max(empty, BLANK_ROWS) + BLANK_ROWS;
}

export const CRITERIA_COLUMNS = ['code', 'label', 'label_en'] as const;

/** The criteria table: one row per criterion (code, French label, English label); errors on the cell. */
function readCriteria(form: FormReader, body: unknown): PanelCriterion[] {
  const criteria: PanelCriterion[] = [];
  const cell = (index: number, column: string) => rowField('criteria', index, column);
  for (const { index, cells } of readRows(form, body, 'criteria', CRITERIA_COLUMNS).rows) {
    const { code, label, label_en: labelEn } = cells;
    if (!CODE.test(code) || code.length > 60) form.fail(cell(index, 'code'), code ? m.badCode : formMessages.required);
    else if (criteria.some((c) => c.code === code)) form.fail(cell(index, 'code'), m.duplicateCode, { code });
    if (label === '') form.fail(cell(index, 'label'), formMessages.required);
    criteria.push({ code, label, labelEn });
  }
  return criteria;
}

export function readPanelForm(body: unknown, seasonIds: string[]): { form: FormReader; input: PanelInput } {
  const form = new FormReader(body);
  const name = form.text('name', { required: true, max: 200 });
  const nameEn = form.text('name_en', { max: 200 });
  const description = form.text('description', { max: DESCRIPTION_MAX });
  const descriptionEn = form.text('description_en', { max: DESCRIPTION_MAX });
  const season = form.choice('season_id', ['', ...seasonIds]);
  const size = integerField(form, 'size', 1, 1000);
  const recruitDay = form.date('recruit_until', { required: true });
  const endsDay = form.date('ends_on', { required: true });
  const retentionDays = integerField(form, 'retention_days', 0, 3650);
  const onePerHousehold = form.checkbox('one_per_household');
  const criteria = readCriteria(form, body);
  const opinionWeight = integerField(form, 'opinion_weight', 0, 100);
  const recruitUntil = recruitDay ? parisEndOfDay(recruitDay) : new Date(0);
  const endsAt = endsDay ? parisEndOfDay(endsDay) : new Date(0);
  if (recruitDay && endsDay && endsAt <= recruitUntil) form.fail('ends_on', m.endsBeforeRecruit);
  return {
    form,
    input: {
      seasonId: season || null,
      name,
      nameEn,
      description,
      descriptionEn,
      size,
      recruitUntil,
      endsAt,
      retentionDays,
      onePerHousehold,
      criteria,
      opinionWeight,
    },
  };
}

export function newPanelFormValues(): Record<string, string> {
  return {
    name: '',
    name_en: '',
    description: '',
    description_en: '',
    season_id: '',
    size: '15',
    recruit_until: '',
    ends_on: '',
    retention_days: '90',
    one_per_household: 'on',
    opinion_weight: '30',
    ...rowValues(
      'criteria',
      criteriaRows([
        { code: 'interet-general', label: 'Objectif d’intérêt général', labelEn: 'General-interest objective' },
        { code: 'impact', label: 'Impact pour toutes et tous', labelEn: 'Impact for all' },
      ]),
    ),
  };
}

/** Words that name special categories of data (GDPR art. 9): refused as quota categories. */
const SENSITIVE =
  /sant[eé]|health|handicap|disab|relig|ethni|origine|race|politi|sexu|orientation|syndica|union|croyance|belief|g[eé]n[eé]tique|genetic|biom[eé]tri/i;

export const QUOTA_COLUMNS = [
  'category',
  'category_label',
  'category_label_en',
  'value',
  'label',
  'label_en',
  'min',
  'max',
] as const;

const quotaCell = (index: number, column: (typeof QUOTA_COLUMNS)[number]) => rowField('quotas', index, column);

/** A bound typed in a cell: a whole number from 0 to 9999, or null (the error is on the cell). */
function boundCell(form: FormReader, name: string, text: string): number | null {
  if (form.errors[name]) return null;
  if (!/^\d{1,4}$/.test(text)) {
    form.fail(name, text === '' ? formMessages.required : m.badBound);
    return null;
  }
  return Number(text);
}

/** A quota row as read: its record, and whether its bounds could be read (for the feasibility check). */
interface ReadQuota {
  index: number;
  quota: QuotaRecord;
  bounded: boolean;
}

/** One row of the quotas table: each problem on its cell, every problem of the row reported. */
function readQuotaRow(form: FormReader, index: number, cells: Record<string, string>, before: ReadQuota[]): ReadQuota {
  const cell = (column: (typeof QUOTA_COLUMNS)[number]) => quotaCell(index, column);
  const { category, value: feature, label } = cells;
  for (const column of ['category', 'value'] as const) {
    const code = cells[column];
    if (!form.errors[cell(column)] && (!CODE.test(code) || code.length > 60))
      form.fail(cell(column), code ? m.badCode : formMessages.required);
  }
  if (label === '') form.fail(cell('label'), formMessages.required);
  const min = boundCell(form, cell('min'), cells.min);
  const max = boundCell(form, cell('max'), cells.max);
  if (min !== null && max !== null && min > max) form.fail(cell('max'), m.minAboveMax, { min });
  // Art. 9 GDPR: named on the cell that says it, whatever else is wrong with the row.
  for (const column of ['category', 'category_label', 'category_label_en', 'label', 'label_en'] as const)
    if (SENSITIVE.test(cells[column])) form.fail(cell(column), m.sensitiveCell, { text: cells[column] });
  if (feature && before.some((r) => r.quota.category === category && r.quota.feature === feature))
    form.fail(cell('value'), m.duplicateValue, { category, feature });
  const quota: QuotaRecord = {
    category,
    categoryLabel: cells.category_label,
    categoryLabelEn: cells.category_label_en,
    feature,
    label,
    labelEn: cells.label_en,
    min: min ?? 0,
    max: max ?? 0,
  };
  return { index, quota, bounded: min !== null && max !== null };
}

/** Rules across the rows of one category: one question, and at least two values. */
function checkCategories(form: FormReader, read: ReadQuota[]): void {
  for (const category of new Set(read.map((r) => r.quota.category).filter(Boolean))) {
    const rows = read.filter((r) => r.quota.category === category);
    const first = rows[0].index;
    if (rows.length < 2) form.fail(quotaCell(first, 'category'), m.singleValueCategory, { category });
    for (const [column, key] of [
      ['category_label', 'categoryLabel'],
      ['category_label_en', 'categoryLabelEn'],
    ] as const) {
      const named = rows.filter((r) => r.quota[key] !== '');
      const differing = named.find((r) => r.quota[key] !== named[0].quota[key]);
      if (differing) form.fail(quotaCell(differing.index, column), m.categoryLabelDiffers, { category });
    }
    if (!rows.some((r) => r.quota.categoryLabel !== ''))
      form.fail(quotaCell(first, 'category_label'), m.categoryLabelMissing, { category });
  }
}

/** The quotas table into `form`: every row's and every category's problems at once, each on its cell. */
function readQuotaRows(form: FormReader, body: unknown, required: boolean): ReadQuota[] {
  const read: ReadQuota[] = [];
  for (const { index, cells } of readRows(form, body, 'quotas', QUOTA_COLUMNS).rows)
    read.push(readQuotaRow(form, index, cells, read));
  if (required && read.length === 0) form.fail('quotas', formMessages.required);
  checkCategories(form, read);
  // The question is the same on every row of a category: saved on each, from the rows that give it.
  for (const r of read) {
    const same = read.filter((o) => o.quota.category === r.quota.category);
    r.quota.categoryLabel = same.find((o) => o.quota.categoryLabel)?.quota.categoryLabel ?? '';
    r.quota.categoryLabelEn = same.find((o) => o.quota.categoryLabelEn)?.quota.categoryLabelEn ?? '';
  }
  return read;
}

/**
 * Quotas a panel of `size` can meet, category by category: the minimums add up to at most the size
 * (error on the category's first minimum) and the maximums to at least the size (on its first maximum).
 * Checked whatever else is wrong, on the categories whose bounds could all be read.
 */
function checkRowsFit(form: FormReader, size: number, read: ReadQuota[]): void {
  for (const category of new Set(read.map((r) => r.quota.category))) {
    const rows = read.filter((r) => r.quota.category === category);
    if (!rows.every((r) => r.bounded)) continue;
    const minSum = rows.reduce((s, r) => s + r.quota.min, 0);
    const maxSum = rows.reduce((s, r) => s + r.quota.max, 0);
    if (minSum > size)
      form.fail(quotaCell(rows[0].index, 'min'), m.quotaMinsAboveSize, { category, sum: minSum, k: size });
    if (maxSum < size)
      form.fail(quotaCell(rows[0].index, 'max'), m.quotaMaxesBelowSize, { category, sum: maxSum, k: size });
  }
}

/** The quotas form of the staff page; with the panel's size, quotas it cannot meet are refused. */
export function readQuotasForm(body: unknown, size?: number): { form: FormReader; quotas: QuotaRecord[] } {
  const form = new FormReader(body);
  const read = readQuotaRows(form, body, true);
  if (size !== undefined) checkRowsFit(form, size, read);
  return { form, quotas: read.map((r) => r.quota) };
}

/** Saved quotas as the rows of the table editor. */
export function quotaRows(quotas: QuotaRecord[], blank = BLANK_ROWS): RowsState {
  return rowsOf(
    quotas,
    (q) => ({
      category: q.category,
      category_label: q.categoryLabel,
      category_label_en: q.categoryLabelEn,
      value: q.feature,
      label: q.label,
      label_en: q.labelEn,
      min: String(q.min),
      max: String(q.max),
    }),
    blank,
  );
}

/** Saved criteria as the rows of the table editor. */
export function criteriaRows(criteria: PanelCriterion[], blank = BLANK_ROWS): RowsState {
  return rowsOf(criteria, (c) => ({ code: c.code, label: c.label, label_en: c.labelEn }), blank);
}

/** Rows as the flat form values the table editor posts (`quotas.0.min`), for the forms' values. */
export function rowValues(prefix: string, state: RowsState): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { index, cells } of state.rows)
    for (const [column, value] of Object.entries(cells)) values[rowField(prefix, index, column)] = value;
  return values;
}

const parisDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Paris calendar day of an instant, as YYYY-MM-DD (what a date field shows). */
export function parisDay(instant: Date): string {
  return parisDayFormat.format(instant);
}

/** The fields of the edit form, in the order they are shown. */
export const EDIT_FIELDS = [
  'name',
  'name_en',
  'description',
  'description_en',
  'season_id',
  'size',
  'recruit_until',
  'ends_on',
  'retention_days',
  'one_per_household',
  'criteria',
  'opinion_weight',
  'quotas',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** The edit form filled with what is saved. */
export function panelFormValues(panel: PanelRecord, quotas: QuotaRecord[]): Record<EditField, string> {
  return {
    name: panel.name,
    name_en: panel.nameEn,
    description: panel.description,
    description_en: panel.descriptionEn,
    season_id: panel.seasonId ?? '',
    size: String(panel.size),
    recruit_until: parisDay(panel.recruitUntil),
    ends_on: parisDay(panel.endsAt),
    retention_days: String(panel.retentionDays),
    one_per_household: panel.onePerHousehold ? 'on' : '',
    criteria: panel.criteria.map((c) => `${c.code} : ${c.label} / ${c.labelEn}`).join('\n'),
    opinion_weight: String(panel.opinionWeight),
    quotas: quotas
      .map(
        (q) => `${q.category} « ${q.categoryLabel} » = ${q.feature} « ${q.label} » / ${q.labelEn} : ${q.min}–${q.max}`,
      )
      .join('\n'),
  };
}

/** The tables of the edit form: their prefix is the field they stand for. */
const TABLES = { criteria: CRITERIA_COLUMNS, quotas: QUOTA_COLUMNS } as const;
type TableField = keyof typeof TABLES;
const isTable = (field: EditField): field is TableField => field in TABLES;

/** The edit form's inputs filled with what is saved: the scalar fields, then the cells of both tables. */
export function panelEditValues(panel: PanelRecord, quotas: QuotaRecord[]): Record<string, string> {
  const { criteria: _c, quotas: _q, ...scalars } = panelFormValues(panel, quotas);
  return {
    ...scalars,
    ...rowValues('criteria', criteriaRows(panel.criteria)),
    ...rowValues('quotas', quotaRows(quotas)),
  };
}

/** A table as compared for "did this locked table change": the non-empty rows, cells in column order. */
function tableText(field: TableField, body: unknown): string {
  return readRows(new FormReader(body), body, field, TABLES[field])
    .rows.map((r) => TABLES[field].map((c) => r.cells[c]).join(';'))
    .join('\n');
}

const postsTable = (posted: Record<string, unknown>, field: TableField) =>
  Object.keys(posted).some((key) => key.startsWith(`${field}.`));

/**
 * The fields that no longer change at the panel's stage, each with the reason shown beside it. Once a
 * draw is under way, everything that feeds the draw or the panelists' work is fixed; once people have
 * answered the call, the household rule is fixed (addresses were asked or not); while applications of
 * the season are shortlisted, the season is fixed.
 */
export function lockedFields(stage: PanelStage): Partial<Record<EditField, Message>> {
  if (stage.drawStarted) {
    const reason = m.lockedByDraw;
    return {
      season_id: reason,
      size: reason,
      recruit_until: reason,
      one_per_household: reason,
      criteria: reason,
      opinion_weight: reason,
      quotas: reason,
    };
  }
  const locks: Partial<Record<EditField, Message>> = {};
  if (stage.answered) locks.one_per_household = m.lockedByAnswers;
  if (stage.shortlisted) locks.season_id = m.lockedByShortlist;
  return locks;
}

/** Text as compared for "did this locked field change". */
function normalised(field: EditField, value: string): string {
  if (field === 'one_per_household') return value === 'on' || value === 'true' || value === '1' ? 'on' : '';
  return value.trim();
}

export interface PanelEdit {
  form: FormReader;
  input: PanelInput;
  quotas: QuotaRecord[];
  /** The version the form was opened at; -1 when missing or malformed. */
  version: number;
  /** A locked field was posted with another value: refused as a whole (409). */
  lockedChanged: boolean;
}

/**
 * Reads the edit form with the creation form's rules, then the rules of the panel's stage: locked
 * fields keep their saved value (a different posted value is an error on that field); once people
 * answered, the categories and values stay the same (labels and bounds may change); the quotas must
 * fit the size; and the deletion date of the answers already given never moves later than what those
 * volunteers were told.
 */
export function readPanelEditForm(
  body: unknown,
  current: PanelRecord,
  currentQuotas: QuotaRecord[],
  stage: PanelStage,
  seasonIds: string[],
): PanelEdit {
  const posted = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const saved = panelFormValues(current, currentQuotas);
  const locks = lockedFields(stage);
  const violations: EditField[] = [];
  const merged: Record<string, unknown> = { ...posted };
  const savedInputs = panelEditValues(current, currentQuotas);
  for (const field of Object.keys(locks) as EditField[]) {
    if (isTable(field)) {
      // A locked table keeps its saved rows; posted rows that differ are refused.
      if (postsTable(posted, field) && tableText(field, posted) !== tableText(field, savedInputs))
        violations.push(field);
      for (const key of Object.keys(merged)) if (key.startsWith(`${field}.`)) delete merged[key];
      for (const [key, value] of Object.entries(savedInputs)) if (key.startsWith(`${field}.`)) merged[key] = value;
      continue;
    }
    const raw = posted[field];
    if (raw !== undefined && (typeof raw !== 'string' || normalised(field, raw) !== normalised(field, saved[field])))
      violations.push(field);
    if (field === 'one_per_household') {
      if (saved.one_per_household) merged.one_per_household = 'on';
      else delete merged.one_per_household;
    } else merged[field] = saved[field];
  }
  const { form, input } = readPanelForm(
    merged,
    current.seasonId && !seasonIds.includes(current.seasonId) ? [...seasonIds, current.seasonId] : seasonIds,
  );
  // A date shown and sent back unchanged keeps its exact instant (the demo's are not at the end of a day).
  if (form.values.recruit_until === saved.recruit_until) input.recruitUntil = current.recruitUntil;
  if (form.values.ends_on === saved.ends_on) input.endsAt = current.endsAt;
  if (!form.errors.ends_on && form.values.recruit_until && form.values.ends_on && input.endsAt <= input.recruitUntil)
    form.fail('ends_on', m.endsBeforeRecruit);
  for (const field of violations) {
    if (!isTable(field))
      form.values[field] = typeof posted[field] === 'string' ? (posted[field] as string) : saved[field];
    delete form.errors[field];
    form.fail(field, locks[field]!);
  }

  const versionText = typeof posted.version === 'string' ? posted.version.trim() : '';
  // A missing or altered version is handled as a stale form (409 with the saved values).
  const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1;

  let quotas = currentQuotas;
  if (!locks.quotas) {
    const read = readQuotaRows(form, merged, stage.answered);
    quotas = read.map((r) => r.quota);
    const cellErrors = Object.keys(form.errors).some((key) => key.startsWith('quotas.'));
    if (!cellErrors && stage.answered) {
      const key = (q: QuotaRecord) => `${q.category}\u0000${q.feature}`;
      const before = new Set(currentQuotas.map(key));
      const after = new Set(quotas.map(key));
      const same = before.size === after.size && [...before].every((k) => after.has(k));
      if (!same) form.fail('quotas', m.quotaValuesFixed);
    }
    // Whatever else is wrong, quotas the size cannot meet are reported in the same answer.
    if (!form.errors.size) checkRowsFit(form, input.size, read);
  }

  const deleteAfter = deleteAfterOf(input.endsAt, input.retentionDays);
  if (
    stage.keptAnswers > 0 &&
    !form.errors.ends_on &&
    !form.errors.retention_days &&
    deleteAfter > current.deleteAfter
  ) {
    const maxDays = Math.floor((current.deleteAfter.getTime() - input.endsAt.getTime()) / (24 * 3600_000));
    if (maxDays < 0) form.fail('ends_on', m.endsAfterDeletion, { date: parisDay(current.deleteAfter) });
    else form.fail('retention_days', m.retentionTooLong, { date: parisDay(current.deleteAfter), days: maxDays });
  }
  return { form, input, quotas, version, lockedChanged: violations.length > 0 };
}

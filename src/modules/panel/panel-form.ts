import { FormReader } from '../../core/http/forms.js';
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

/** `code;label;English label` lines; errors name the line. */
function readCriteria(form: FormReader): PanelCriterion[] {
  const text = form.text('criteria', { max: 4000 });
  const criteria: PanelCriterion[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || form.errors.criteria) return;
    const [code = '', label = '', labelEn = ''] = line.split(';').map((p) => p.trim());
    if (!CODE.test(code) || label === '' || code.length > 60 || label.length > 200 || labelEn.length > 200)
      form.fail('criteria', m.badCriteriaLine, { line: index + 1 });
    else if (criteria.some((c) => c.code === code))
      form.fail('criteria', m.duplicateCriterion, { line: index + 1, code });
    else criteria.push({ code, label, labelEn });
  });
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
  const criteria = readCriteria(form);
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
    criteria:
      'interet-general;Objectif d’intérêt général;General-interest objective\nimpact;Impact pour toutes et tous;Impact for all',
    opinion_weight: '30',
  };
}

/** Words that name special categories of data (GDPR art. 9): refused as quota categories. */
const SENSITIVE =
  /sant[eé]|health|handicap|disab|relig|ethni|origine|race|politi|sexu|orientation|syndica|union|croyance|belief|g[eé]n[eé]tique|genetic|biom[eé]tri/i;

/** `category;value;label;English label;min;max` lines into `form`; errors name the line. */
function readQuotas(form: FormReader, required: boolean): QuotaRecord[] {
  const text = form.text('quotas', { required, max: 20_000 });
  const quotas: QuotaRecord[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '' || form.errors.quotas) return;
    const parts = line.split(';').map((p) => p.trim());
    const [category = '', feature = '', label = '', labelEn = '', minText = '', maxText = ''] = parts;
    const min = /^\d{1,4}$/.test(minText) ? Number(minText) : NaN;
    const max = /^\d{1,4}$/.test(maxText) ? Number(maxText) : NaN;
    const lineNo = index + 1;
    if (
      parts.length !== 6 ||
      !CODE.test(category) ||
      !CODE.test(feature) ||
      category.length > 60 ||
      feature.length > 60 ||
      label === '' ||
      label.length > 200 ||
      labelEn.length > 200 ||
      !(min <= max)
    ) {
      form.fail('quotas', m.badQuotaLine, { line: lineNo });
    } else if (SENSITIVE.test(category) || SENSITIVE.test(label) || SENSITIVE.test(labelEn)) {
      form.fail('quotas', m.sensitiveCategory, { line: lineNo, category: label || category });
    } else if (quotas.some((q) => q.category === category && q.feature === feature)) {
      form.fail('quotas', m.duplicateQuota, { line: lineNo, category, feature });
    } else quotas.push({ category, categoryLabel: '', categoryLabelEn: '', feature, label, labelEn, min, max });
  });
  if (form.ok) {
    for (const category of new Set(quotas.map((q) => q.category))) {
      if (quotas.filter((q) => q.category === category).length < 2)
        form.fail('quotas', m.singleValueCategory, { category });
    }
  }
  return quotas;
}

/**
 * Quotas a panel of `size` can meet, category by category: the minimums add up to at most the size
 * and the maximums to at least the size. The first problem goes on the quotas field.
 */
export function checkQuotasFit(form: FormReader, size: number, quotas: QuotaRecord[]): void {
  for (const category of new Set(quotas.map((q) => q.category))) {
    const values = quotas.filter((q) => q.category === category);
    const minSum = values.reduce((s, q) => s + q.min, 0);
    const maxSum = values.reduce((s, q) => s + q.max, 0);
    if (minSum > size) form.fail('quotas', m.quotaMinsAboveSize, { category, sum: minSum, k: size });
    else if (maxSum < size) form.fail('quotas', m.quotaMaxesBelowSize, { category, sum: maxSum, k: size });
  }
}

/** The quotas form of the staff page; with the panel's size, quotas it cannot meet are refused. */
export function readQuotasForm(body: unknown, size?: number): { form: FormReader; quotas: QuotaRecord[] } {
  const form = new FormReader(body);
  const quotas = readQuotas(form, true);
  if (form.ok && size !== undefined) checkQuotasFit(form, size, quotas);
  return { form, quotas };
}

export function quotasText(quotas: QuotaRecord[]): string {
  return quotas.map((q) => [q.category, q.feature, q.label, q.labelEn, q.min, q.max].join(';')).join('\n');
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
    criteria: panel.criteria.map((c) => [c.code, c.label, c.labelEn].join(';')).join('\n'),
    opinion_weight: String(panel.opinionWeight),
    quotas: quotasText(quotas),
  };
}

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

/** Text as compared for "did this locked field change": lines and `;` parts trimmed, empty lines dropped. */
function normalised(field: EditField, value: string): string {
  if (field === 'one_per_household') return value === 'on' || value === 'true' || value === '1' ? 'on' : '';
  return value
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(';')
        .map((p) => p.trim())
        .join(';'),
    )
    .filter((line) => line !== '')
    .join('\n');
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
  for (const field of Object.keys(locks) as EditField[]) {
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
    form.values[field] = typeof posted[field] === 'string' ? (posted[field] as string) : saved[field];
    delete form.errors[field];
    form.fail(field, locks[field]!);
  }

  const versionText = typeof posted.version === 'string' ? posted.version.trim() : '';
  // A missing or altered version is handled as a stale form (409 with the saved values).
  const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1;

  let quotas = currentQuotas;
  if (!locks.quotas) {
    quotas = readQuotas(form, stage.answered);
    if (!form.errors.quotas && stage.answered) {
      const key = (q: QuotaRecord) => `${q.category}\u0000${q.feature}`;
      const before = new Set(currentQuotas.map(key));
      const after = new Set(quotas.map(key));
      const same = before.size === after.size && [...before].every((k) => after.has(k));
      if (!same) form.fail('quotas', m.quotaValuesFixed);
    }
  } else {
    form.values.quotas = violations.includes('quotas') ? form.values.quotas : saved.quotas;
  }
  if (!form.errors.quotas && !form.errors.size && quotas.length > 0) checkQuotasFit(form, input.size, quotas);

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

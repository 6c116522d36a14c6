import { FormReader } from '../../core/http/forms.js';
import { parisEndOfDay } from '../seasons/paris-time.js';
import { panelMessages as m } from './messages.js';
import type { QuotaRecord } from './queries.js';
import type { PanelCriterion } from './tables.js';

export interface PanelInput {
  seasonId: string | null;
  name: string;
  nameEn: string;
  size: number;
  recruitUntil: Date;
  endsAt: Date;
  retentionDays: number;
  onePerHousehold: boolean;
  criteria: PanelCriterion[];
  opinionWeight: number;
}

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
    if (!CODE.test(code) || label === '' || code.length > 60 || label.length > 200 || labelEn.length > 200) form.fail('criteria', m.badCriteriaLine, { line: index + 1 });
    else if (criteria.some((c) => c.code === code)) form.fail('criteria', m.duplicateCriterion, { line: index + 1, code });
    else criteria.push({ code, label, labelEn });
  });
  return criteria;
}

export function readPanelForm(body: unknown, seasonIds: string[]): { form: FormReader; input: PanelInput } {
  const form = new FormReader(body);
  const name = form.text('name', { required: true, max: 200 });
  const nameEn = form.text('name_en', { max: 200 });
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
    input: { seasonId: season || null, name, nameEn, size, recruitUntil, endsAt, retentionDays, onePerHousehold, criteria, opinionWeight },
  };
}

export function newPanelFormValues(): Record<string, string> {
  return {
    name: '',
    name_en: '',
    season_id: '',
    size: '15',
    recruit_until: '',
    ends_on: '',
    retention_days: '90',
    one_per_household: 'on',
    criteria: 'interet-general;Objectif d’intérêt général;General-interest objective\nimpact;Impact pour toutes et tous;Impact for all',
    opinion_weight: '30',
  };
}

/** Words that name special categories of data (GDPR art. 9): refused as quota categories. */
const SENSITIVE = /sant[eé]|health|handicap|disab|relig|ethni|origine|race|politi|sexu|orientation|syndica|union|croyance|belief|g[eé]n[eé]tique|genetic|biom[eé]tri/i;

/** `category;value;label;English label;min;max` lines; errors name the line. */
export function readQuotasForm(body: unknown): { form: FormReader; quotas: QuotaRecord[] } {
  const form = new FormReader(body);
  const text = form.text('quotas', { required: true, max: 20_000 });
  const quotas: QuotaRecord[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '' || form.errors.quotas) return;
    const parts = line.split(';').map((p) => p.trim());
    const [category = '', feature = '', label = '', labelEn = '', minText = '', maxText = ''] = parts;
    const min = /^\d{1,4}$/.test(minText) ? Number(minText) : NaN;
    const max = /^\d{1,4}$/.test(maxText) ? Number(maxText) : NaN;
    const lineNo = index + 1;
    if (parts.length !== 6 || !CODE.test(category) || !CODE.test(feature) || category.length > 60 || feature.length > 60 || label === '' || label.length > 200 || labelEn.length > 200 || !(min <= max)) {
      form.fail('quotas', m.badQuotaLine, { line: lineNo });
    } else if (SENSITIVE.test(category) || SENSITIVE.test(label) || SENSITIVE.test(labelEn)) {
      form.fail('quotas', m.sensitiveCategory, { line: lineNo, category: label || category });
    } else if (quotas.some((q) => q.category === category && q.feature === feature)) {
      form.fail('quotas', m.duplicateQuota, { line: lineNo, category, feature });
    } else quotas.push({ category, feature, label, labelEn, min, max });
  });
  if (form.ok) {
    for (const category of new Set(quotas.map((q) => q.category))) {
      if (quotas.filter((q) => q.category === category).length < 2) form.fail('quotas', m.singleValueCategory, { category });
    }
  }
  return { form, quotas };
}

export function quotasText(quotas: QuotaRecord[]): string {
  return quotas.map((q) => [q.category, q.feature, q.label, q.labelEn, q.min, q.max].join(';')).join('\n');
}

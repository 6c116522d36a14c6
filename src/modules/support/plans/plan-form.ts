import type { FormReader } from '../../../core/http/forms.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import type { ActionStatus, Need, PlanStatus, ResponsibleKind } from '../tables.js';
import { planMessages as m } from './messages.js';
import { planPeriodOk } from './progress.js';
import type { PlanDetails } from './queries.js';
import { NEEDS, RESPONSIBLE_KINDS } from './templates.js';
import type { PlanInput } from './update-plan.js';

export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'active', 'finished'];
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'dropped'];
/** Empty rows offered after the existing ones, to add actions (or milestones) without JavaScript. */
export const BLANK_ROWS = 2;
export const MAX_ROWS = 40;

export type FormValues = Record<string, string>;

/** The form's values for a plan as stored (the first display). */
export function planFormValues(plan: PlanDetails): FormValues {
  const values: FormValues = {
    version: String(plan.version),
    starts_on: plan.startsOn,
    ends_on: plan.endsOn,
    hours: plan.allocatedMinutes === null ? '' : String(plan.allocatedMinutes / 60).replace('.', ','),
    status: plan.status,
    progress_public: plan.progressPublic ? 'on' : '',
  };
  for (const need of plan.needs) values[`goals_${need.need}`] = need.goals;
  plan.actions.forEach((a, i) => {
    values[`action_${i}_lever`] = a.lever;
    values[`action_${i}_need`] = a.need ?? '';
    values[`action_${i}_text`] = a.action;
    values[`action_${i}_kind`] = a.responsibleKind;
    values[`action_${i}_name`] = a.responsibleName;
    values[`action_${i}_status`] = a.status;
  });
  return values;
}

/** How many action rows a form holds (the posted ones, or the plan's), before the blank ones. */
export function rowCount(values: FormValues, prefix: string): number {
  let n = 0;
  while (n < MAX_ROWS && Object.hasOwn(values, `${prefix}_${n}_${prefix === 'action' ? 'text' : 'title'}`)) n++;
  return n;
}

/** The plan's start and end, checked: 3 to 12 months apart (the error goes on the end date). */
export function readPeriod(form: FormReader): { startsOn: string; endsOn: string } | null {
  const startsOn = form.date('starts_on', { required: true });
  const endsOn = form.date('ends_on', { required: true });
  if (!startsOn || !endsOn) return null;
  if (!planPeriodOk(startsOn, endsOn)) {
    form.fail('ends_on', m.periodError);
    return null;
  }
  return { startsOn, endsOn };
}

/** Hours typed in French or English format ("7,5" or "7.5") to minutes; empty is null (hours not counted). */
export function readHours(form: FormReader): number | null {
  const text = form.text('hours', { max: 10 });
  if (text === '') return null;
  const hours = /^\d{1,4}([.,]\d{1,2})?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(hours) || hours > 1600) {
    form.fail('hours', m.hoursError);
    return null;
  }
  return Math.round(hours * 60);
}

const LEVER_CODES = SUPPORT_LEVERS.map((l) => l.code);

/** Needs (a textarea per need; empty = not concerned) and lever action rows (an empty action = removed). */
export function readNeedsAndActions(form: FormReader, body: unknown): Pick<PlanInput, 'needs' | 'actions'> {
  const needs: PlanInput['needs'] = [];
  for (const need of NEEDS) {
    const goals = form.text(`goals_${need}`, { max: 4000 });
    if (goals) needs.push({ need, goals });
  }
  const actions: PlanInput['actions'] = [];
  const fields = body && typeof body === 'object' ? Object.keys(body as object) : [];
  const rows = new Set(fields.map((f) => /^action_(\d{1,2})_text$/.exec(f)?.[1]).filter((x): x is string => !!x));
  for (const i of [...rows].map(Number).sort((a, b) => a - b)) {
    if (i >= MAX_ROWS) continue;
    const p = `action_${i}`;
    const action = form.text(`${p}_text`, { max: 2000 });
    const lever = form.choice(`${p}_lever`, LEVER_CODES, { required: action !== '' });
    const need = form.choice(`${p}_need`, NEEDS) as Need | null;
    const kind = form.choice(`${p}_kind`, RESPONSIBLE_KINDS, { required: action !== '' }) as ResponsibleKind | null;
    const name = form.text(`${p}_name`, { max: 200 });
    const status = (form.choice(`${p}_status`, ACTION_STATUSES) ?? 'planned') as ActionStatus;
    if (action && lever && kind)
      actions.push({ lever, need, action, responsibleKind: kind, responsibleName: name, status });
  }
  return { needs, actions };
}

/** A whole number in [min, max] from a text field, or a field error. */
export function readInteger(
  form: FormReader,
  field: string,
  min: number,
  max: number,
  message = m.weightError,
): number | null {
  const text = form.text(field, { required: true, max: 6 });
  if (!text) return null;
  const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    form.fail(field, message);
    return null;
  }
  return n;
}

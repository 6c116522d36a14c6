import { FormReader, formMessages } from '../../../core/http/forms.js';
import { badFieldsOf } from '../../../core/http/input-rules.js';
import { isUuid } from '../../../core/ids.js';
import { ENDED, EXPERIMENT_STATUSES, type ExperimentInput, VISIBILITIES } from './experiment-input.js';
import { experimentMessages as m } from './messages.js';
import type { MilestoneInput } from './save-milestone.js';
import { isTerritory } from './territories.js';

/** Every value of a field sent several times (checkboxes); what the input rule cleaned when it marked the body. */
export function listField(body: unknown, field: string): string[] {
  const source = badFieldsOf(body)?.clean ?? body;
  if (!source || typeof source !== 'object') return [];
  const raw = (source as Record<string, unknown>)[field];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string');
}

export const TITLE_MAX = 200;
export const LONG_TEXT_MAX = 5000;

/** The experiment's form, read field by field: the input, or the reader with its errors. */
export function readExperimentForm(
  body: unknown,
  options: { creating: boolean },
): { form: FormReader; input: ExperimentInput; commonsId: string; version: number } {
  const form = new FormReader(body);
  const title = form.text('title', { required: true, max: TITLE_MAX });
  let commonsId = '';
  if (options.creating) {
    commonsId = form.text('commons', { required: true, max: 100 });
    if (commonsId && !form.errors.commons && !isUuid(commonsId)) form.fail('commons', m.unknownCommons);
  }
  const sent = listField(body, 'administrations');
  const administrationIds = [...new Set(sent.map((v) => v.trim()).filter(Boolean))];
  if (!form.errors.administrations) {
    form.values.administrations = administrationIds.filter(isUuid).join(',');
    if (administrationIds.length === 0) form.fail('administrations', m.administrationsRequired);
    else if (administrationIds.length > 50 || !administrationIds.every(isUuid))
      form.fail('administrations', m.unknownAdministration);
  }
  const goal = form.text('goal', { required: true, max: LONG_TEXT_MAX });
  const territory = form.text('territory', { required: true, max: 10 });
  if (territory && !form.errors.territory && !isTerritory(territory)) form.fail('territory', formMessages.choice);
  const startsOn = form.date('starts_on');
  const endsOn = form.date('ends_on');
  if (startsOn && endsOn && endsOn < startsOn) form.fail('ends_on', m.endBeforeStart);
  const status = form.choice('status', EXPERIMENT_STATUSES, { required: true }) ?? 'planned';
  const outcome = form.text('outcome', { max: LONG_TEXT_MAX });
  if (ENDED.includes(status) && outcome === '' && !form.errors.outcome) form.fail('outcome', m.outcomeRequired);
  const visibility = form.choice('visibility', VISIBILITIES, { required: true }) ?? 'public';
  const versionText = options.creating ? '' : form.text('version', { max: 12 });
  const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1;
  return {
    form,
    commonsId,
    version,
    input: {
      title,
      goal,
      territory,
      startsOn,
      endsOn,
      status,
      outcome,
      visibility,
      administrationIds: administrationIds.filter(isUuid),
    },
  };
}

/** A milestone's fields, suffixed by the milestone's id ('new' for one being added). */
export function readMilestoneForm(body: unknown, suffix: string): { form: FormReader; input: MilestoneInput } {
  const form = new FormReader(body);
  const f = (name: string) => `${name}-${suffix}`;
  const title = form.text(f('title'), { required: true, max: TITLE_MAX });
  const description = form.text(f('description'), { max: 2000 });
  const dueOn = form.date(f('due'));
  return { form, input: { title, description, dueOn } };
}

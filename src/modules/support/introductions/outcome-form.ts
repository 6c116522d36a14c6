import { FormReader } from '../../../core/http/forms.js';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import type { IntroductionOutcome } from '../tables.js';
import { introductionMessages as m } from './messages.js';
import { OUTCOMES } from './queries.js';
import type { FormState } from './views/introductions.js';

/**
 * Reads the outcome form of one introduction. Its fields are named after the introduction (`outcome-<id>`…),
 * since each introduction of the page has its own form; the state comes back under the plain names.
 */
export function readOutcome(
  body: unknown,
  introductionId: string,
  now: Date,
):
  | { ok: true; input: { outcome: IntroductionOutcome; occurredOn: string; note: string }; form: FormState }
  | { ok: false; form: FormState } {
  const form = new FormReader(body);
  const name = (field: string) => `${field}-${introductionId}`;
  const outcome = form.choice(name('outcome'), OUTCOMES, { required: true });
  const occurredOn = form.date(name('occurred_on'), { required: true });
  const note = form.text(name('note'), { max: 2000 });
  if (occurredOn && occurredOn > isoDateParis(now)) form.fail(name('occurred_on'), m.futureDate);
  const plain = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k.replace(`-${introductionId}`, ''), v]));
  const state: FormState = { values: plain(form.values), errors: plain(form.errors) };
  if (!form.ok || !outcome || !occurredOn) return { ok: false, form: state };
  return { ok: true, input: { outcome, occurredOn, note }, form: state };
}

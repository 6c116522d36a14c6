import { type FieldError, FormReader } from '../../../core/http/forms.js';
import type { Locale, Message } from '../../../core/i18n/i18n.js';
import { parseEurosToCents } from '../../seasons/index.js';
import type {
  ContributionKind,
  NeedCategory,
  NeedKind,
  NeedOutcome,
  NeedSide,
  UseCaseStatus,
  Visibility,
} from '../tables.js';
import {
  COMMONS_NEED_CATEGORIES,
  CONTRIBUTION_KINDS,
  LEVER_CODES,
  NEED_KINDS,
  NEED_OUTCOMES,
  USE_CASE_STATUSES,
  VISIBILITIES,
} from './labels.js';
import { useCaseMessages as m } from './messages.js';
import type { Named, ServiceOption } from './queries.js';
import { TERRITORY_CODES } from './territories.js';

/**
 * Reading the forms of this part: every problem recorded on its field (French and English), what was typed
 * kept in `values` for the form shown again. The choices offered (administrations, commons, services) are
 * given by the route, from what the person may choose; a value outside them is refused on its field.
 */

export interface Reading<T> {
  input: T;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  ok: boolean;
}

export const MAX_TITLE = 200;
export const MAX_TEXT = 8000;
export const MAX_SHORT = 300;
export const MAX_NOTE = 2000;

/** A form's `version` field: the number the form was read at, or -1 when missing or malformed (then stale). */
export function versionOf(form: FormReader): number {
  const text = form.text('version', { max: 100 });
  return /^\d{1,9}$/.test(text) ? Number(text) : -1;
}

function pickOne(form: FormReader, field: string, allowed: readonly Named[], message: Message): string {
  // With a single choice the form sends it in a hidden field; it is checked all the same.
  const value = form.text(field, { required: true, max: 40 });
  if (!value || form.errors[field]) return '';
  if (!allowed.some((a) => a.id === value)) {
    form.fail(field, message);
    return '';
  }
  return value;
}

/** An http(s) address, or '' when none was typed. */
function webAddress(form: FormReader, field: string, message: Message): string | null {
  const value = form.text(field, { max: 2000 });
  if (!value || form.errors[field]) return null;
  let ok = /^https?:\/\/[^\s<>"]+$/i.test(value);
  if (ok) {
    try {
      const url = new URL(value);
      ok = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    form.fail(field, message);
    return null;
  }
  return value;
}

function territory(form: FormReader): string {
  return form.choice('territory', TERRITORY_CODES, { required: true }) ?? '';
}

function visibility(form: FormReader): Visibility {
  return form.choice('visibility', VISIBILITIES, { required: true }) ?? 'public';
}

// ——— Use cases ———

export interface UseCaseInput {
  administrationId: string;
  commonsId: string;
  serviceId: string | null;
  title: string;
  description: string;
  status: UseCaseStatus;
  abandonReason: string | null;
  serviceUrl: string | null;
  audience: string;
  territory: string;
  startedOn: string | null;
  endedOn: string | null;
  visibility: Visibility;
}

export function readUseCase(
  body: unknown,
  choices: { administrations: Named[]; commons: Named[]; services: ServiceOption[] },
): Reading<UseCaseInput> & { version: number } {
  const form = new FormReader(body);
  const administrationId = pickOne(form, 'administration', choices.administrations, m.notYourAdministration);
  const commonsId = pickOne(form, 'commun', choices.commons, m.commonsUnavailable);
  const serviceText = form.text('service', { max: 40 });
  let serviceId: string | null = null;
  if (serviceText && !form.errors.service) {
    const service = choices.services.find((s) => s.id === serviceText);
    if (!service || (administrationId && service.administrationId !== administrationId))
      form.fail('service', m.serviceNotOfAdministration);
    else serviceId = service.id;
  }
  const title = form.text('title', { required: true, max: MAX_TITLE });
  const description = form.text('description', { required: true, max: MAX_TEXT });
  const status = form.choice('status', USE_CASE_STATUSES, { required: true }) ?? 'exploration';
  const reasonText = form.text('abandon_reason', { max: MAX_NOTE });
  if (status === 'abandoned' && !reasonText && !form.errors.abandon_reason)
    form.fail('abandon_reason', m.abandonReasonRequired);
  const serviceUrl = webAddress(form, 'service_url', m.serviceUrlInvalid);
  const audience = form.text('audience', { max: MAX_SHORT });
  const where = territory(form);
  const startedOn = form.date('started_on');
  const endedOn = form.date('ended_on');
  if (startedOn && endedOn && endedOn < startedOn) form.fail('ended_on', m.endBeforeStart);
  const shown = visibility(form);
  const version = versionOf(form);
  return {
    input: {
      administrationId,
      commonsId,
      serviceId,
      title,
      description,
      status,
      abandonReason: status === 'abandoned' ? reasonText : null,
      serviceUrl,
      audience,
      territory: where,
      startedOn,
      endedOn,
      visibility: shown,
    },
    values: form.values,
    errors: form.errors,
    ok: form.ok,
    version,
  };
}

export function useCaseFieldLabels(locale: Locale): Record<string, string> {
  const pick = (message: Message) => message[locale] || message.fr;
  return {
    administration: pick(m.fieldAdministration),
    commun: pick(m.fieldCommons),
    service: pick(m.fieldService),
    title: pick(m.fieldTitle),
    description: pick(m.fieldDescription),
    status: pick(m.fieldStatus),
    abandon_reason: pick(m.fieldAbandonReason),
    service_url: pick(m.fieldServiceUrl),
    audience: pick(m.fieldAudience),
    territory: pick(m.fieldTerritory),
    started_on: pick(m.fieldStartedOn),
    ended_on: pick(m.fieldEndedOn),
    visibility: pick(m.fieldVisibility),
  };
}

// ——— Contributions ———

export interface ContributionInput {
  kind: ContributionKind;
  description: string;
  amountCents: number | null;
  occurredOn: string | null;
}

/** A contribution; `today` (Paris) bounds its date: one declares what was given, not what is planned. */
export function readContribution(body: unknown, today: string): Reading<ContributionInput> {
  const form = new FormReader(body);
  const kind = form.choice('kind', CONTRIBUTION_KINDS, { required: true }) ?? 'code';
  const description = form.text('contribution_description', { required: true, max: MAX_NOTE });
  const amountText = form.text('amount', { max: 30 });
  let amountCents: number | null = null;
  if (!form.errors.amount && !form.errors.kind) {
    if (kind === 'funding') {
      if (!amountText) form.fail('amount', m.amountRequired);
      else {
        amountCents = parseEurosToCents(amountText);
        if (amountCents === null) form.fail('amount', m.amountInvalid);
      }
    } else if (amountText) form.fail('amount', m.amountOnlyFunding);
  }
  const occurredOn = form.date('occurred_on');
  if (occurredOn && occurredOn > today) form.fail('occurred_on', m.dateInFuture);
  return {
    input: { kind, description, amountCents, occurredOn },
    values: form.values,
    errors: form.errors,
    ok: form.ok,
  };
}

export function contributionFieldLabels(locale: Locale): Record<string, string> {
  const pick = (message: Message) => message[locale] || message.fr;
  return {
    kind: pick(m.fieldContributionKind),
    contribution_description: pick(m.fieldContributionDescription),
    amount: pick(m.fieldAmount),
    occurred_on: pick(m.fieldOccurredOn),
  };
}

// ——— Referents ———

export function readReferent(body: unknown): Reading<{ isExpert: boolean }> {
  const form = new FormReader(body);
  const accepted = form.checkbox('engagement');
  const isExpert = form.checkbox('expert');
  if (!accepted) form.fail('engagement', m.commitmentRequired);
  return { input: { isExpert }, values: form.values, errors: form.errors, ok: form.ok };
}

// ——— Needs and offers ———

export interface NeedInput {
  side: NeedSide;
  /** The administration's id (side administration) or the commons' (side commons). */
  ownerId: string;
  kind: NeedKind;
  category: NeedCategory;
  title: string;
  description: string;
  context: string;
  territory: string;
  lever: string | null;
  deadline: string | null;
  visibility: Visibility;
}

/**
 * A need or an offer. An administration posts needs of category 'problem'; a commons a need or an offer of
 * one of the other categories. `owners` are what the person may post for on that side. The deadline may not
 * be in the past, unless it is the one already stored (`keptDeadline`: an edit of an old need).
 */
export function readNeed(
  body: unknown,
  side: NeedSide,
  owners: Named[],
  today: string,
  keptDeadline?: string | null,
): Reading<NeedInput> & { version: number } {
  const form = new FormReader(body);
  const field = side === 'administration' ? 'administration' : 'commun';
  const ownerId = pickOne(form, field, owners, side === 'administration' ? m.notYourAdministration : m.notYourCommons);
  let kind: NeedKind = 'need';
  let category: NeedCategory = 'problem';
  if (side === 'commons') {
    kind = form.choice('kind', NEED_KINDS, { required: true }) ?? 'need';
    category = form.choice('category', COMMONS_NEED_CATEGORIES, { required: true }) ?? 'other';
  }
  const title = form.text('title', { required: true, max: MAX_TITLE });
  const description = form.text('description', { required: true, max: MAX_TEXT });
  const context = form.text('context', { max: MAX_TEXT });
  const where = territory(form);
  const lever = form.choice('lever', LEVER_CODES);
  const deadline = form.date('deadline');
  if (deadline && deadline < today && deadline !== keptDeadline) form.fail('deadline', m.deadlinePast);
  const shown = visibility(form);
  const version = versionOf(form);
  return {
    input: {
      side,
      ownerId,
      kind,
      category,
      title,
      description,
      context,
      territory: where,
      lever,
      deadline,
      visibility: shown,
    },
    values: form.values,
    errors: form.errors,
    ok: form.ok,
    version,
  };
}

export function needFieldLabels(locale: Locale, side: NeedSide): Record<string, string> {
  const pick = (message: Message) => message[locale] || message.fr;
  return {
    administration: pick(m.fieldAdministration),
    commun: pick(m.fieldNeedCommons),
    kind: pick(m.fieldNeedKind),
    category: pick(m.fieldNeedCategory),
    title: pick(m.fieldTitle),
    description: pick(side === 'administration' ? m.fieldProblem : m.fieldNeedDescription),
    context: pick(m.fieldContext),
    territory: pick(m.fieldTerritory),
    lever: pick(m.fieldLever),
    deadline: pick(m.fieldDeadline),
    visibility: pick(m.fieldVisibility),
  };
}

export interface CloseInput {
  outcome: NeedOutcome;
  note: string;
}

export function readClose(body: unknown): Reading<CloseInput> & { version: number } {
  const form = new FormReader(body);
  const outcome = form.choice('outcome', NEED_OUTCOMES, { required: true }) ?? 'met';
  const note = form.text('outcome_note', { required: true, max: MAX_NOTE });
  const version = versionOf(form);
  return { input: { outcome, note }, values: form.values, errors: form.errors, ok: form.ok, version };
}

export function closeFieldLabels(locale: Locale): Record<string, string> {
  const pick = (message: Message) => message[locale] || message.fr;
  return { outcome: pick(m.fieldOutcome), outcome_note: pick(m.fieldOutcomeNote) };
}

// ——— Moderation ———

export function readModeration(body: unknown): Reading<{ reason: string }> {
  const form = new FormReader(body);
  const reason = form.text('reason', { max: MAX_NOTE });
  if (!reason && !form.errors.reason) form.fail('reason', m.reasonRequired);
  return { input: { reason }, values: form.values, errors: form.errors, ok: form.ok };
}

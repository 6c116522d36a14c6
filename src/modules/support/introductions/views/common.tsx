import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../../core/ui/components.js';
import type { OrganisationCheck } from '../../../applications/index.js';
import { SUPPORT_LEVERS } from '../../../seasons/index.js';
import type { IntroductionOutcome, IntroductionStatus } from '../../tables.js';
import { introductionMessages as m } from '../messages.js';

/** What the pages of the directory and the introductions share: labels, badges, the staff breadcrumb. */

export function leverLabel(locale: Locale, code: string): string {
  const lever = SUPPORT_LEVERS.find((l) => l.code === code);
  return lever ? (locale === 'en' ? lever.labelEn : lever.label) : code;
}

export function leverOptions(locale: Locale): { value: string; label: string }[] {
  return SUPPORT_LEVERS.map((l) => ({ value: l.code, label: locale === 'en' ? l.labelEn : l.label }));
}

export const OUTCOME_LABELS: Record<IntroductionOutcome, (typeof m)[keyof typeof m]> = {
  meeting: m.outcomeMeeting,
  data_access: m.outcomeDataAccess,
  partnership: m.outcomePartnership,
  experiment: m.outcomeExperiment,
  no_follow_up: m.outcomeNoFollowUp,
};

const STATUS: Record<IntroductionStatus, { label: (typeof m)[keyof typeof m]; badge: string }> = {
  requested: { label: m.statusRequested, badge: 'new' },
  introduced: { label: m.statusIntroduced, badge: 'success' },
  declined: { label: m.statusDeclined, badge: 'warning' },
  withdrawn: { label: m.statusWithdrawn, badge: 'info' },
};

export function StatusBadge({ locale, status }: { locale: Locale; status: IntroductionStatus }): JSX.Element {
  return (
    <p class={`fr-badge fr-badge--sm fr-badge--${STATUS[status].badge}`} safe>
      {t(locale, STATUS[status].label)}
    </p>
  );
}

/** What the company register said of a contact's SIRET: verified, closed establishment, or not verified (why). */
export function registerState(
  locale: Locale,
  siret: string | null,
  check: OrganisationCheck | null,
): { kind: 'success' | 'warning' | 'info'; text: string } {
  if (!siret) return { kind: 'info', text: t(locale, m.noSiret) };
  const register = check?.register;
  if (register?.status === 'verified')
    return register.active
      ? { kind: 'success', text: t(locale, m.registerVerified, { name: register.name }) }
      : { kind: 'warning', text: t(locale, m.registerClosed, { name: register.name }) };
  if (register?.status === 'not_found') return { kind: 'warning', text: t(locale, m.registerNotFound) };
  if (register?.status === 'unavailable') return { kind: 'warning', text: t(locale, m.registerUnavailable) };
  return { kind: 'info', text: t(locale, m.registerNotChecked) };
}

export function RegisterBadge(props: {
  locale: Locale;
  siret: string | null;
  check: OrganisationCheck | null;
}): JSX.Element {
  const state = registerState(props.locale, props.siret, props.check);
  return (
    <>
      <p class={`fr-badge fr-badge--sm fr-badge--${state.kind}`} safe>
        {state.text}
      </p>
      {props.check && props.siret ? (
        <p class="fr-text--xs fr-mb-0" safe>
          {`${props.siret} — ${t(props.locale, m.checkedAt, { date: formatDate(props.locale, new Date(props.check.checkedAt)) })}`}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

export function StaffBreadcrumb(props: { locale: Locale; trail: { label: string; href?: string }[] }): JSX.Element {
  return (
    <Breadcrumb
      locale={props.locale}
      items={[{ label: t(props.locale, m.administration), href: '/admin' }, ...props.trail]}
    />
  );
}

/** Text someone typed, kept with its paragraphs (escaped by `safe`, the line breaks by CSS). */
export function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <p class="acc-mail-text" safe>
      {text}
    </p>
  );
}

import { formatDate, type Locale, type Message, t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../../core/ui/components.js';
import type { ExperimentStatus, JoinedVia, NeedCategory, UseCaseStatus } from '../../tables.js';
import { COOPERATION_HREFS } from '../../views/cooperation-layout.js';
import { administrationMessages as m } from '../messages.js';
import type { Administration } from '../queries.js';

/** What the administrations' pages share: labels of the other parts' states, badges, links, the staff breadcrumb. */

/** Addresses of the pages other parts own (brief of issue 15). */
export const hrefs = {
  commons: (slug: string) => `${COOPERATION_HREFS.commons}/${slug}`,
  useCase: (id: string) => `${COOPERATION_HREFS['use-cases']}/${id}`,
  newUseCase: `${COOPERATION_HREFS['use-cases']}/nouveau`,
  need: (id: string) => `${COOPERATION_HREFS.needs}/${id}`,
  newNeed: `${COOPERATION_HREFS.needs}/nouveau`,
  experiment: (id: string) => `${COOPERATION_HREFS.experiments}/${id}`,
};

export const USE_CASE_STATUS: Record<UseCaseStatus, { label: Message; badge: string }> = {
  exploration: { label: m.statusExploration, badge: 'info' },
  experimentation: { label: m.statusExperimentation, badge: 'new' },
  production: { label: m.statusProduction, badge: 'success' },
  abandoned: { label: m.statusAbandoned, badge: 'warning' },
};

export const EXPERIMENT_STATUS: Record<ExperimentStatus, { label: Message; badge: string }> = {
  planned: { label: m.experimentPlanned, badge: 'info' },
  running: { label: m.experimentRunning, badge: 'new' },
  finished: { label: m.experimentFinished, badge: 'success' },
  stopped: { label: m.experimentStopped, badge: 'warning' },
};

export const NEED_CATEGORY: Record<NeedCategory, Message> = {
  problem: m.categoryProblem,
  funding: m.categoryFunding,
  data_access: m.categoryDataAccess,
  testers: m.categoryTesters,
  contributors: m.categoryContributors,
  hosting: m.categoryHosting,
  expertise: m.categoryExpertise,
  other: m.categoryOther,
};

const JOINED_VIA: Record<JoinedVia, Message> = {
  proconnect: m.viaProconnect,
  invitation: m.viaInvitation,
  staff: m.viaStaff,
};

export function joinedText(locale: Locale, via: JoinedVia, at: Date): string {
  return t(locale, JOINED_VIA[via], { date: formatDate(locale, at) });
}

export function Badge(props: { kind: string; text: string }): JSX.Element {
  return (
    <p class={`fr-badge fr-badge--sm fr-badge--${props.kind}`} safe>
      {props.text}
    </p>
  );
}

/** A badge for a closed establishment (the register's `active: false`); nothing otherwise. */
export function ClosedBadge(props: { locale: Locale; active: boolean | null }): JSX.Element {
  return props.active === false ? <Badge kind="warning" text={t(props.locale, m.closed)} /> : '';
}

export function MembersOnlyBadge(props: { locale: Locale; visibility: string }): JSX.Element {
  if (props.visibility !== 'members') return '';
  return (
    <span
      class="fr-badge fr-badge--sm fr-badge--purple-glycine fr-ml-1w"
      title={t(props.locale, m.membersOnlyHint)}
      safe
    >
      {t(props.locale, m.membersOnlyBadge)}
    </span>
  );
}

/** What the register said when last asked: verified (when), unknown, or not verified (why). */
export function registerText(locale: Locale, administration: Pick<Administration, 'registerCheck'>): string {
  const check = administration.registerCheck;
  const status = check?.register?.status;
  if (status === 'verified' && check)
    return t(locale, m.verifiedOn, { date: formatDate(locale, new Date(check.checkedAt)) });
  if (status === 'not_found') return t(locale, m.notFoundInRegister);
  if (status === 'unavailable') return `${t(locale, m.notVerified)} — ${t(locale, m.registerUnavailable)}`;
  if (status === 'not_checked') return `${t(locale, m.notVerified)} — ${t(locale, m.registerNotChecked)}`;
  return t(locale, m.notVerified);
}

/** "130 025 265 00013": a SIRET as people read it. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret)
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}

export function StaffBreadcrumb(props: { locale: Locale; trail: { label: string; href?: string }[] }): JSX.Element {
  const { locale } = props;
  return (
    <Breadcrumb
      locale={locale}
      items={[
        { label: t(locale, m.staffArea), href: '/admin' },
        { label: t(locale, m.cooperation), href: '/admin/cooperation' },
        ...props.trail,
      ]}
    />
  );
}

/** `?ok=…` notices after a redirect: which confirmation the page shows (an unknown value shows none). */
export function noticeFor(
  locale: Locale,
  ok: string | undefined,
  notices: Record<string, Message>,
): { kind: 'success'; title: string } | undefined {
  const message = ok && Object.hasOwn(notices, ok) ? notices[ok] : undefined;
  return message ? { kind: 'success', title: t(locale, message) } : undefined;
}

/** A fact's value: text, or a link (an outside address opens without our referrer). */
export type FactValue = string | { href: string; text: string };

/** A short list of facts (label, value), one per line on small screens, label and value side by side on wide ones. */
export function Facts(props: { items: ([string, FactValue] | false)[] }): JSX.Element {
  return (
    <dl class="fr-mb-4w">
      {props.items
        .filter((item): item is [string, FactValue] => item !== false)
        .map(([label, value]) => (
          <div class="fr-grid-row fr-mb-1w">
            <dt class="fr-col-12 fr-col-md-4 fr-text--bold" safe>
              {label}
            </dt>
            {typeof value === 'string' ? (
              <dd class="fr-col-12 fr-col-md-8 fr-ml-0" safe>
                {value}
              </dd>
            ) : (
              <dd class="fr-col-12 fr-col-md-8 fr-ml-0">
                <a href={value.href} rel="noopener" class="fr-link" safe>
                  {value.text}
                </a>
              </dd>
            )}
          </div>
        ))}
    </dl>
  );
}

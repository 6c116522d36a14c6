import { type Locale, t } from '../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../core/ui/components.js';
import { panelMessages as m } from '../messages.js';
import { categoriesOf, type QuotaRecord, valueLabelOf } from '../queries.js';
import type { AnalysisError, PanelStatus } from '../tables.js';

/** What the panel's staff pages share: breadcrumb, status labels, quota feature labels and the analysis error text. */

export function AdminBreadcrumb({ locale, current }: { locale: Locale; current?: string }): JSX.Element {
  const items = [
    { label: t(locale, m.administration), href: '/admin' },
    { label: t(locale, m.adminTitle), href: '/admin/panels' },
  ];
  if (current) items.push({ label: current, href: '' });
  return <Breadcrumb locale={locale} items={items} />;
}

const STATUS_LABELS = { setup: m.statusSetup, recruiting: m.statusRecruiting, closed: m.statusClosed } as const;
export const MEMBER_LABELS = {
  invited: m.memberInvited,
  accepted: m.memberAccepted,
  declined: m.memberDeclined,
  replaced: m.memberReplaced,
} as const;

export function statusLabel(locale: Locale, status: PanelStatus): string {
  return t(locale, STATUS_LABELS[status]);
}

export function featureLabel(locale: Locale, quotas: QuotaRecord[], category: string, feature: string): string {
  const q = quotas.find((x) => x.category === category && x.feature === feature);
  return q ? valueLabelOf(locale, q) : feature;
}

export function profileLabeller(locale: Locale, quotas: QuotaRecord[]): (features: string[]) => string {
  const categories = categoriesOf(quotas).map((c) => c.category);
  return (features) => features.map((f, i) => featureLabel(locale, quotas, categories[i], f)).join(' · ');
}

export function ErrorExplanation({
  locale,
  error,
  quotas,
}: {
  locale: Locale;
  error: AnalysisError;
  quotas: QuotaRecord[];
}): JSX.Element {
  return (
    <div class="fr-alert fr-alert--error fr-mb-3w">
      <h3 class="fr-alert__title" safe>
        {error.kind === 'infeasible' ? t(locale, m.infeasibleTitle) : t(locale, m.analysisFailed)}
      </h3>
      <ul>
        {error.reasons.map((r) => (
          <li safe>{locale === 'en' ? r.en : r.fr}</li>
        ))}
      </ul>
      {error.relaxation.length > 0 ? (
        <>
          <p class="fr-text--bold" safe>
            {t(locale, m.relaxationTitle)}
          </p>
          <ul>
            {error.relaxation.map((c) => (
              <li safe>
                {t(locale, m.relaxationLine, {
                  category: c.category,
                  feature: featureLabel(locale, quotas, c.category, c.feature),
                  min: c.min,
                  max: c.max,
                  relaxedMin: c.relaxedMin,
                  relaxedMax: c.relaxedMax,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </div>
  );
}

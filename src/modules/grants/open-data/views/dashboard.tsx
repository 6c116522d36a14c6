import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb, DataTable } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { formatEuros } from '../../../seasons/index.js';
import { GRANT_STATUSES, type SeasonDashboard } from '../dashboard-data.js';
import { openDataMessages as m } from '../messages.js';

function Money({ locale, cents }: { locale: Locale; cents: number }): JSX.Element {
  return <td safe>{formatEuros(locale, cents)}</td>;
}

function Season({ locale, season }: { locale: Locale; season: SeasonDashboard }): JSX.Element {
  const name = locale === 'en' && season.nameEn ? season.nameEn : season.name;
  const columns = [
    t(locale, m.envelope),
    t(locale, m.track),
    t(locale, m.amount),
    t(locale, m.committed),
    t(locale, m.signed),
    t(locale, m.paid),
    t(locale, m.remaining),
  ];
  return (
    <section class="fr-mb-6w" aria-labelledby={`season-${season.seasonId}`}>
      <h2 id={`season-${season.seasonId}`} safe>
        {name}
      </h2>
      <p>
        <a class="fr-link" href={`/admin/subventions/saisons/${season.seasonId}`} safe>
          {`${t(locale, m.seasonLink)} — ${name}`}
        </a>
      </p>
      <DataTable caption={t(locale, m.envelopesCaption, { season: name })} columns={columns}>
        {season.envelopes.map((e) => (
          <tr>
            <td safe>{e.label}</td>
            <td safe>{e.trackCode || t(locale, m.allTracks)}</td>
            <Money locale={locale} cents={e.amountCents} />
            <Money locale={locale} cents={e.committedCents} />
            <Money locale={locale} cents={e.signedCents} />
            <Money locale={locale} cents={e.paidCents} />
            <Money locale={locale} cents={e.remainingCents} />
          </tr>
        ))}
        <tr>
          <th scope="row" safe>
            {t(locale, m.total)}
          </th>
          <td />
          <Money locale={locale} cents={season.totals.amountCents} />
          <Money locale={locale} cents={season.totals.committedCents} />
          <Money locale={locale} cents={season.totals.signedCents} />
          <Money locale={locale} cents={season.totals.paidCents} />
          <Money locale={locale} cents={season.totals.remainingCents} />
        </tr>
      </DataTable>
      <h3 class="fr-h6" safe>
        {t(locale, m.byStatus)}
      </h3>
      <ul class="fr-badges-group">
        {GRANT_STATUSES.map((status) => (
          <li>
            <span class="fr-badge fr-badge--sm" safe>
              {`${t(locale, m[`status_${status}`])} : ${season.counts[status]}`}
            </span>
          </li>
        ))}
      </ul>
      <h3 class="fr-h6" safe>
        {t(locale, m.reports)}
      </h3>
      <ul>
        <li safe>{t(locale, m.reportsDue, { n: season.reports.due })}</li>
        <li safe>{t(locale, m.reportsSubmitted, { n: season.reports.submitted })}</li>
        <li>
          <span class={season.reports.late > 0 ? 'fr-badge fr-badge--sm fr-badge--error' : ''} safe>
            {t(locale, m.reportsLate, { n: season.reports.late })}
          </span>
        </li>
      </ul>
    </section>
  );
}

/** The staff's grants dashboard (/admin/subventions). */
export function DashboardPage({ ctx, seasons }: { ctx: ViewContext; seasons: SeasonDashboard[] }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.grants)}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.administration), href: '/admin' }, { label: t(locale, m.grants) }]}
        />
        <h1 safe>{t(locale, m.grants)}</h1>
        <p safe>{t(locale, m.dashboardIntro)}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
          <li>
            <a class="fr-btn" href="/admin/subventions/enveloppes" safe>
              {t(locale, m.envelopesLink)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href="/admin/subventions/export.csv" safe>
              {t(locale, m.exportLink)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--tertiary" href="/donnees" safe>
              {t(locale, m.openDataLink)}
            </a>
          </li>
        </ul>
        {seasons.length === 0 ? (
          <p class="fr-mt-4w" safe>
            {t(locale, m.noEnvelope)}
          </p>
        ) : (
          ''
        )}
        {seasons.map((season) => (
          <Season locale={locale} season={season} />
        ))}
      </div>
    </Page>
  );
}

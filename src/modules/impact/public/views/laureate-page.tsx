import { t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { formatEuros, SUPPORT_LEVERS } from '../../../seasons/index.js';
import type { LaureatePageData } from '../data.js';
import { formatNumber, pick } from '../format.js';
import { publicMessages as m } from '../messages.js';
import { IndicatorFigure, KeyFigure, Testimony } from './indicator-figure.js';

export function leverLabel(locale: ViewContext['locale'], code: string): string {
  const lever = SUPPORT_LEVERS.find((l) => l.code === code);
  return lever ? pick(locale, lever.label, lever.labelEn) : code;
}

/** /laureats/:id — a laureate's presentation, its impact (charts and tables), its support, its testimonies. */
export function LaureatePage({ ctx, data }: { ctx: ViewContext; data: LaureatePageData }): JSX.Element {
  const { locale } = ctx;
  const { laureate, season, support } = data;
  const seasonName = pick(locale, season.name, season.nameEn);
  const summary = pick(locale, laureate.summary, laureate.summaryEn);
  return (
    <Page ctx={ctx} title={laureate.name} description={summary}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.laureates), href: '/laureats' },
            { label: seasonName, href: `/laureats?saison=${encodeURIComponent(season.slug)}` },
            { label: laureate.name },
          ]}
        />
        <h1 safe>{laureate.name}</h1>
        <ul class="fr-tags-group">
          <li>
            <p class="fr-tag" safe>
              {t(locale, m.seasonOf, { season: seasonName })}
            </p>
          </li>
          {laureate.track ? (
            <li>
              <p class="fr-tag" safe>
                {t(locale, m.track, { name: pick(locale, laureate.track.name, laureate.track.nameEn) })}
              </p>
            </li>
          ) : (
            ''
          )}
        </ul>
        <p class="fr-text--lead" safe>
          {summary}
        </p>
        {laureate.organisation ? <p safe>{t(locale, m.organisation, { name: laureate.organisation })}</p> : ''}
        {laureate.website ? (
          <p>
            <a
              class="fr-link"
              href={laureate.website}
              target="_blank"
              rel="noopener"
              title={`${t(locale, m.website)} ${laureate.name} - ${t(locale, m.newWindow)}`}
              safe
            >
              {t(locale, m.website)}
            </a>
          </p>
        ) : (
          ''
        )}

        <h2 class="fr-mt-6w" safe>
          {t(locale, m.impact)}
        </h2>
        {data.indicators.length === 0 ? (
          <p safe>{t(locale, m.noIndicator)}</p>
        ) : (
          <>
            <p class="fr-text--sm" safe>
              {t(locale, m.impactLead)}
            </p>
            {data.indicators.map((indicator) => (
              <IndicatorFigure locale={locale} indicator={indicator} level="h3" />
            ))}
          </>
        )}

        <h2 class="fr-mt-6w" safe>
          {t(locale, m.support)}
        </h2>
        {laureate.progressPercent !== null ? (
          <div class="fr-mb-3w">
            <p class="fr-mb-1v" id="avancement" safe>
              {t(locale, m.progress, { percent: laureate.progressPercent })}
            </p>
            <progress max="100" value={String(laureate.progressPercent)} aria-labelledby="avancement" safe>
              {`${laureate.progressPercent} %`}
            </progress>
          </div>
        ) : (
          ''
        )}
        {support ? (
          <>
            <h3 class="fr-h6" safe>
              {t(locale, m.levers)}
            </h3>
            {support.levers.length === 0 ? (
              <p safe>{t(locale, m.noLever)}</p>
            ) : (
              <ul>
                {support.levers.map((code) => (
                  <li safe>{leverLabel(locale, code)}</li>
                ))}
              </ul>
            )}
            <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mt-2w">
              <li class="fr-col-12 fr-col-md-6">
                <KeyFigure
                  value={formatNumber(locale, support.introductionsMade)}
                  label={t(locale, m.introductionsMade)}
                />
              </li>
              <li class="fr-col-12 fr-col-md-6">
                <KeyFigure
                  value={
                    support.committedCents === null ? t(locale, m.noGrant) : formatEuros(locale, support.committedCents)
                  }
                  label={t(locale, m.grantCommitted)}
                />
              </li>
            </ul>
          </>
        ) : (
          <p safe>{t(locale, m.noSupport)}</p>
        )}

        <h2 class="fr-mt-6w" safe>
          {t(locale, m.testimonies)}
        </h2>
        {data.testimonies.length === 0 ? (
          <p safe>{t(locale, m.noTestimony)}</p>
        ) : (
          data.testimonies.map((testimony) => <Testimony locale={locale} testimony={testimony} />)
        )}

        <p class="fr-mt-6w">
          <a
            class="fr-link fr-icon-arrow-right-line fr-link--icon-right"
            href={`/saisons/${encodeURIComponent(season.slug)}/bilan`}
            safe
          >
            {`${t(locale, m.seeSeasonReport)} — ${seasonName}`}
          </a>
        </p>
      </div>
    </Page>
  );
}

import { t } from '../../../core/i18n/i18n.js';
import { Alert } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { PublicLaureate, PublicSeason } from '../list-public-seasons.js';
import { seasonMessages as m } from '../messages.js';
import { pick } from './text.js';

export interface LaureateGroup {
  season: PublicSeason;
  laureates: PublicLaureate[];
}

function LaureateCard({ ctx, laureate }: { ctx: ViewContext; laureate: PublicLaureate }): JSX.Element {
  const { locale } = ctx;
  return (
    <li class="fr-col-12 fr-col-md-6">
      <div class="fr-card">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h3 class="fr-card__title">
              <a href={`/laureats/${laureate.id}`} safe>
                {laureate.name}
              </a>
            </h3>
            <p class="fr-card__desc" safe>
              {pick(locale, laureate.summary, laureate.summaryEn)}
            </p>
            <div class="fr-card__start">
              {laureate.track ? (
                <p class="fr-tag" safe>
                  {t(locale, m.track, { name: pick(locale, laureate.track.name, laureate.track.nameEn) })}
                </p>
              ) : (
                ''
              )}
              {laureate.organisation ? (
                <p class="fr-card__detail" safe>
                  {t(locale, m.organisation, { name: laureate.organisation })}
                </p>
              ) : (
                ''
              )}
            </div>
            {laureate.progressPercent !== null ? (
              <div class="fr-mt-2w">
                <p class="fr-text--sm fr-mb-1v" id={`progress-${laureate.id}`} safe>
                  {t(locale, m.laureateProgress, { percent: laureate.progressPercent })}
                </p>
                <progress
                  max="100"
                  value={String(laureate.progressPercent)}
                  aria-labelledby={`progress-${laureate.id}`}
                  safe
                >
                  {`${laureate.progressPercent} %`}
                </progress>
              </div>
            ) : (
              ''
            )}
            {laureate.website ? (
              <div class="fr-card__end">
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
              </div>
            ) : (
              ''
            )}
          </div>
        </div>
      </div>
    </li>
  );
}

/** /laureats: laureates grouped by season, newest season first, with a season filter that works without JS. */
export function LaureatesPage(props: {
  ctx: ViewContext;
  seasons: PublicSeason[];
  groups: LaureateGroup[];
  selected: string;
  unknownFilter: boolean;
}): JSX.Element {
  const { ctx, seasons, groups, selected } = props;
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.laureatesTitle)} description={t(locale, m.laureatesLead)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.laureatesTitle)}</h1>
        <p class="fr-text--lead" safe>
          {t(locale, m.laureatesLead)}
        </p>
        {props.unknownFilter ? <Alert kind="info" title={t(locale, m.unknownSeasonFilter)} /> : ''}
        <form method="get" action="/laureats" class="fr-mb-4w">
          <div class="fr-select-group">
            <label class="fr-label" for="saison" safe>
              {t(locale, m.filterSeason)}
            </label>
            <select class="fr-select" id="saison" name="saison">
              <option value="" selected={selected === ''} safe>
                {t(locale, m.allSeasons)}
              </option>
              {seasons.map((s) => (
                <option value={s.slug} selected={s.slug === selected} safe>
                  {pick(locale, s.name, s.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.filter)}
          </button>
        </form>
        {groups.map(({ season, laureates }) => (
          <section class="fr-mb-6w" aria-labelledby={`saison-${season.slug}`}>
            <h2 id={`saison-${season.slug}`}>
              <a href={`/saisons/${season.slug}`} safe>
                {pick(locale, season.name, season.nameEn)}
              </a>
            </h2>
            {laureates.length === 0 ? (
              <p safe>{t(locale, m.noLaureates)}</p>
            ) : (
              <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
                {laureates.map((laureate) => (
                  <LaureateCard ctx={ctx} laureate={laureate} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </Page>
  );
}

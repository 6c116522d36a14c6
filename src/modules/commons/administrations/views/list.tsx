import { t, tCount } from '../../../../core/i18n/i18n.js';
import { Input, Pagination, Select } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { territoryName, territoryOptions } from '../../territories.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { administrationCounts, administrationMessages as m } from '../messages.js';
import { administrationHref, PUBLIC_PATH } from '../policy.js';
import type { AdministrationListItem } from '../queries.js';
import { ClosedBadge } from './common.js';

export const PAGE_SIZE = 24;

function excerpt(text: string, max = 220): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** The public list of administrations, with its filters (search folding accents, territory) and pages. */
export function AdministrationListPage(props: {
  ctx: ViewContext;
  items: AdministrationListItem[];
  total: number;
  page: number;
  search: string;
  territory: string;
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  const href = (n: number) => {
    const params = new URLSearchParams();
    if (props.search) params.set('q', props.search);
    if (props.territory) params.set('territoire', props.territory);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return query ? `${PUBLIC_PATH}?${query}` : PUBLIC_PATH;
  };
  const filtered = props.search !== '' || props.territory !== '';
  return (
    <CooperationPage
      ctx={ctx}
      section="administrations"
      title={t(locale, m.listTitle)}
      description={t(locale, m.listIntro)}
    >
      <p class="fr-text--lead" safe>
        {t(locale, m.listIntro)}
      </p>
      <form method="get" action={PUBLIC_PATH} class="fr-mb-4w" aria-label={t(locale, m.filters)}>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div class="fr-col-12 fr-col-md-5">
            <Input
              locale={locale}
              name="q"
              type="search"
              label={t(locale, m.search)}
              hint={t(locale, m.searchHint)}
              value={props.search}
              maxlength={200}
            />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <Select
              locale={locale}
              name="territoire"
              label={t(locale, m.territory)}
              value={props.territory}
              options={[{ value: '', label: t(locale, m.allTerritories) }, ...territoryOptions(locale)]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-3">
            <ul class="fr-btns-group fr-btns-group--inline">
              <li>
                <button type="submit" class="fr-btn" safe>
                  {t(locale, m.filter)}
                </button>
              </li>
            </ul>
          </div>
        </div>
        {filtered ? (
          <p>
            <a class="fr-link" href={PUBLIC_PATH} safe>
              {t(locale, m.resetFilters)}
            </a>
          </p>
        ) : (
          ''
        )}
      </form>
      <p role="status" safe>
        {tCount(locale, administrationCounts.resultCount, props.total)}
      </p>
      {props.items.length === 0 ? (
        <p safe>{t(locale, m.noResult)}</p>
      ) : (
        <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
          {props.items.map((item) => (
            <li class="fr-col-12 fr-col-lg-6">
              <div class="fr-card fr-enlarge-link">
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h2 class="fr-card__title">
                      <a href={administrationHref(item.slug)} safe>
                        {item.name}
                      </a>
                    </h2>
                    {item.description ? (
                      <p class="fr-card__desc" safe>
                        {excerpt(item.description)}
                      </p>
                    ) : (
                      ''
                    )}
                    <div class="fr-card__start">
                      <p class="fr-card__detail" safe>
                        {territoryName(locale, item.territory)}
                      </p>
                      <ClosedBadge locale={locale} active={item.active} />
                    </div>
                    <div class="fr-card__end">
                      <p class="fr-card__detail" safe>
                        {`${tCount(locale, administrationCounts.useCaseCount, item.useCases)} · ${tCount(locale, administrationCounts.needCount, item.openNeeds)}`}
                      </p>
                    </div>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination locale={locale} page={props.page} pages={pages} href={href} />
      <div class="fr-callout fr-mt-6w">
        <p class="fr-callout__text" safe>
          {t(locale, m.createPrompt)}
        </p>
        <a class="fr-btn fr-btn--secondary" href={`${PUBLIC_PATH}/nouvelle`} safe>
          {t(locale, m.createLink)}
        </a>
      </div>
    </CooperationPage>
  );
}

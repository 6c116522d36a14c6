import { t, tCount } from '../../../../core/i18n/i18n.js';
import { Input, Pagination, Select } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { catalogueCounts, catalogueMessages as m } from '../messages.js';
import type { CataloguePage as CatalogueData, CatalogueFilter } from '../queries.js';
import {
  CATALOGUE_PATH,
  commonsHref,
  kindLabel,
  kindOptions,
  leverLabel,
  leverOptions,
  maturityLabel,
  maturityOptions,
} from './common.js';

/** The catalogue's address with its filters and page, for links that keep them. */
export function catalogueHref(filter: CatalogueFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.category) params.set('categorie', filter.category);
  if (filter.kind) params.set('type', filter.kind);
  if (filter.lever) params.set('levier', filter.lever);
  if (filter.maturity) params.set('maturite', filter.maturity);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${CATALOGUE_PATH}?${query}` : CATALOGUE_PATH;
}

/**
 * The public catalogue of commons: a search and four filters in a GET form (works without JavaScript), the
 * count of what was found, one page of cards, the pagination.
 */
export function CataloguePage(props: {
  ctx: ViewContext;
  filter: CatalogueFilter;
  categories: string[];
  data: CatalogueData;
}): JSX.Element {
  const { ctx, filter, data } = props;
  const { locale } = ctx;
  const any = { value: '', label: t(locale, m.anyOption) };
  const filtered = Boolean(filter.q || filter.category || filter.kind || filter.lever || filter.maturity);
  // A category asked for that no visible commons has any more still shows as chosen.
  const categories =
    filter.category && !props.categories.includes(filter.category)
      ? [filter.category, ...props.categories]
      : props.categories;
  return (
    <CooperationPage
      ctx={ctx}
      section="commons"
      title={t(locale, m.catalogueTitle)}
      description={t(locale, m.catalogueIntro)}
    >
      <p class="fr-text--lead" safe>
        {t(locale, m.catalogueIntro)}
      </p>
      {ctx.user ? (
        <p>
          <a
            class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
            href={`${CATALOGUE_PATH}/nouveau`}
            safe
          >
            {t(locale, m.proposeCommons)}
          </a>
        </p>
      ) : (
        <p class="fr-hint-text" safe>
          {t(locale, m.proposeSignIn)}
        </p>
      )}
      <form method="get" action={CATALOGUE_PATH} class="fr-mb-4w" role="search">
        <Input
          locale={locale}
          name="q"
          type="search"
          label={t(locale, m.searchLabel)}
          hint={t(locale, m.searchHint)}
          value={filter.q}
          maxlength={200}
        />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              locale={locale}
              name="categorie"
              label={t(locale, m.filterCategory)}
              value={filter.category ?? ''}
              options={[any, ...categories.map((c) => ({ value: c, label: c }))]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              locale={locale}
              name="type"
              label={t(locale, m.filterKind)}
              value={filter.kind ?? ''}
              options={[any, ...kindOptions(locale)]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              locale={locale}
              name="levier"
              label={t(locale, m.filterLever)}
              value={filter.lever ?? ''}
              options={[any, ...leverOptions(locale)]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              locale={locale}
              name="maturite"
              label={t(locale, m.filterMaturity)}
              value={filter.maturity ?? ''}
              options={[any, ...maturityOptions(locale)]}
            />
          </div>
        </div>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.applyFilters)}
            </button>
          </li>
          {filtered ? (
            <li>
              <a class="fr-btn fr-btn--tertiary" href={CATALOGUE_PATH} safe>
                {t(locale, m.resetFilters)}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </form>
      <h2 class="fr-h4" id="resultats" safe>
        {t(locale, m.resultsHeading)}
      </h2>
      <p role="status" safe>
        {tCount(locale, catalogueCounts.resultCount, data.total)}
      </p>
      {data.items.length === 0 ? (
        <p safe>{t(locale, m.noResult)}</p>
      ) : (
        <ul class="fr-grid-row fr-grid-row--gutters acc-card-list" aria-labelledby="resultats">
          {data.items.map((item) => (
            <li class="fr-col-12 fr-col-md-6">
              <div class="fr-card fr-enlarge-link">
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h3 class="fr-card__title">
                      <a href={commonsHref(item.slug)} safe>
                        {item.name}
                      </a>
                    </h3>
                    <p class="fr-card__desc" safe>
                      {item.summary}
                    </p>
                    <div class="fr-card__start">
                      <ul class="fr-badges-group">
                        <li>
                          <p class="fr-badge fr-badge--sm fr-badge--blue-ecume" safe>
                            {kindLabel(locale, item.kind)}
                          </p>
                        </li>
                        <li>
                          <p class="fr-badge fr-badge--sm" safe>
                            {maturityLabel(locale, item.maturity)}
                          </p>
                        </li>
                      </ul>
                    </div>
                    <div class="fr-card__end">
                      <p class="fr-card__detail" safe>
                        {[
                          tCount(locale, catalogueCounts.useCaseCount, item.useCases),
                          ...(item.licence ? [item.licence] : []),
                          ...item.categories.slice(0, 3),
                        ].join(' · ')}
                      </p>
                      {item.levers.length > 0 ? (
                        <p class="fr-card__detail" safe>
                          {`${t(locale, m.leversNeeded)} : ${item.levers.map((l) => leverLabel(locale, l)).join(', ')}`}
                        </p>
                      ) : (
                        ''
                      )}
                    </div>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination locale={locale} page={data.page} pages={data.pages} href={(n) => catalogueHref(filter, n)} />
    </CooperationPage>
  );
}

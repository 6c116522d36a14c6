import { contentTypeLabel } from '../../../core/files/sniff.js';
import { formatFileSize } from '../../../core/files/store-file.js';
import { escapeT, type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import { Breadcrumb, Pagination } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { contentCounts, publicMessages as m } from '../messages.js';
import type { AttachmentRow, NewsFilter, NewsRow } from '../queries.js';
import type { PressContact } from '../tables.js';
import { DateText, langOf, MarkdownBody, pick } from './localized.js';

export function newsHref(filter: NewsFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.category) params.set('categorie', filter.category);
  if (filter.tag) params.set('tag', filter.tag);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/actualites${query ? `?${query}` : ''}`;
}

function FeedLinks({ locale }: { locale: Locale }): JSX.Element {
  return (
    <>
      <link rel="alternate" type="application/rss+xml" title={t(locale, m.rssFeed)} href="/actualites/flux.xml" />
      <link rel="alternate" type="application/atom+xml" title={t(locale, m.atomFeed)} href="/actualites/atom.xml" />
    </>
  );
}

/** A news item as a DSFR card (home page and list). */
export function NewsCard({
  locale,
  news,
  headingLevel = 3,
}: {
  locale: Locale;
  news: NewsRow;
  headingLevel?: 2 | 3;
}): JSX.Element {
  const title = pick(locale, news.title, news.title_en);
  const chapeau = news.chapeau ? pick(locale, news.chapeau, news.chapeau_en) : null;
  const href = `/actualites/${encodeURIComponent(news.slug)}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="fr-card fr-enlarge-link">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <Heading class="fr-card__title">
            <a href={href} {...langOf(title)} safe>
              {title.text}
            </a>
          </Heading>
          {chapeau ? (
            <p class="fr-card__desc" {...langOf(chapeau)} safe>
              {chapeau.text}
            </p>
          ) : (
            ''
          )}
          {news.categories.length > 0 ? (
            <div class="fr-card__start">
              <ul class="fr-tags-group">
                {news.categories.map((c) => (
                  <li>
                    <p class="fr-tag fr-tag--sm" lang="fr" safe>
                      {c}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            ''
          )}
          <div class="fr-card__end">
            <p class="fr-card__detail">
              <DateText locale={locale} date={news.published_at} />
            </p>
          </div>
        </div>
      </div>
      {isSiteImage(news.image_url) ? (
        <div class="fr-card__header">
          <div class="fr-card__img">
            <img class="fr-responsive-img" src={news.image_url} alt="" />
          </div>
        </div>
      ) : (
        ''
      )}
    </div>
  );
}

function FilterTags({
  label,
  name,
  values,
  filter,
  active,
}: {
  label: string;
  name: 'category' | 'tag';
  values: string[];
  filter: NewsFilter;
  active?: string;
}): JSX.Element {
  if (values.length === 0) return '';
  return (
    <div class="fr-mb-3w">
      <p class="fr-text--sm fr-mb-1w" safe>
        {label}
      </p>
      <ul class="fr-tags-group">
        {values.map((value) => (
          <li>
            <a
              class="fr-tag"
              href={newsHref({ ...filter, [name]: value === active ? undefined : value })}
              lang="fr"
              {...(value === active ? { 'aria-current': 'true' } : {})}
              safe
            >
              {value}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface NewsListProps {
  ctx: ViewContext;
  items: NewsRow[];
  total: number;
  page: number;
  pages: number;
  filter: NewsFilter;
  facets: { categories: string[]; tags: string[] };
}

export function NewsListPage({ ctx, items, total, page, pages, filter, facets }: NewsListProps): JSX.Element {
  const { locale } = ctx;
  const filtered = Boolean(filter.category || filter.tag);
  return (
    <Page
      ctx={ctx}
      title={t(locale, m.newsTitle)}
      description={t(locale, m.newsIntro)}
      head={<FeedLinks locale={locale} />}
    >
      <div class="fr-container fr-mb-7w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.homeTitle), href: '/' }, { label: t(locale, m.newsTitle) }]}
        />
        <h1 safe>{t(locale, m.newsTitle)}</h1>
        <p class="fr-text--lead" safe>
          {t(locale, m.newsIntro)}
        </p>
        <FilterTags
          label={t(locale, m.filterCategories)}
          name="category"
          values={facets.categories}
          filter={filter}
          active={filter.category}
        />
        <FilterTags
          label={t(locale, m.filterTags)}
          name="tag"
          values={facets.tags}
          filter={filter}
          active={filter.tag}
        />
        {filtered ? (
          <p>
            <a class="fr-link fr-icon-close-line fr-link--icon-left" href="/actualites" safe>
              {t(locale, m.removeFilters)}
            </a>
          </p>
        ) : (
          ''
        )}
        <p role="status" class="fr-mt-2w" safe>
          {tCount(locale, contentCounts.newsCount, total)}
        </p>
        {items.length === 0 ? (
          <div class="fr-mb-4w">
            <p safe>{t(locale, m.newsEmpty)}</p>
            {page > 1 ? (
              <a class="fr-link" href={newsHref(filter)} safe>
                {t(locale, m.backToFirstPage)}
              </a>
            ) : (
              ''
            )}
          </div>
        ) : (
          <ul class="fr-grid-row fr-grid-row--gutters acc-card-list">
            {items.map((news) => (
              <li class="fr-col-12 fr-col-md-6 fr-col-lg-4">
                <NewsCard locale={locale} news={news} headingLevel={2} />
              </li>
            ))}
          </ul>
        )}
        <div class="fr-mt-4w">
          <Pagination locale={locale} page={page} pages={pages} href={(n) => newsHref(filter, n)} />
        </div>
        <p class="fr-mt-4w">
          <a class="fr-link fr-icon-rss-line fr-link--icon-left" href="/actualites/flux.xml" safe>
            {t(locale, m.rssFeed)}
          </a>{' '}
          <a class="fr-link fr-icon-rss-line fr-link--icon-left fr-ml-2w" href="/actualites/atom.xml" safe>
            {t(locale, m.atomFeed)}
          </a>
        </p>
      </div>
    </Page>
  );
}

/** The page's CSP lets images come from this site only: an image elsewhere would show broken. */
export function isSiteImage(url: string | null): url is string {
  return !!url?.startsWith('/') && !url.startsWith('//');
}

function extensionType(url: string): string {
  const match = /\.([A-Za-z0-9]{2,5})(?:[?#].*)?$/.exec(url);
  return match ? match[1].toUpperCase() : '';
}

function AttachmentLink({ locale, attachment }: { locale: Locale; attachment: AttachmentRow }): JSX.Element {
  const type = attachment.content_type ? contentTypeLabel(attachment.content_type) : extensionType(attachment.url);
  const detail = [
    type,
    attachment.size !== null
      ? formatFileSize(locale, attachment.size)
      : attachment.file_id
        ? ''
        : t(locale, m.externalDocument),
  ]
    .filter(Boolean)
    .join(' – ');
  return (
    <a class="fr-link fr-link--download" href={attachment.url} {...(attachment.file_id ? { download: '' } : {})}>
      <span safe>{attachment.label}</span>
      <span class="fr-link__detail" safe>
        {detail}
      </span>
    </a>
  );
}

function PressContactBlock({ locale, contact }: { locale: Locale; contact: PressContact }): JSX.Element {
  if (!contact.name && !contact.organisation && !contact.email && !contact.phone) return '';
  return (
    <div class="fr-callout fr-mt-4w">
      <h2 class="fr-callout__title" safe>
        {t(locale, m.pressContact)}
      </h2>
      <address class="fr-callout__text acc-address">
        {contact.name ? (
          <span class="acc-line" safe>
            {contact.name}
          </span>
        ) : (
          ''
        )}
        {contact.organisation ? (
          <span class="acc-line" safe>
            {contact.organisation}
          </span>
        ) : (
          ''
        )}
        {contact.email ? (
          <span class="acc-line">
            <a href={`mailto:${contact.email}`} safe>
              {contact.email}
            </a>
          </span>
        ) : (
          ''
        )}
        {contact.phone ? (
          <span class="acc-line">
            <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`} safe>
              {contact.phone}
            </a>
          </span>
        ) : (
          ''
        )}
      </address>
    </div>
  );
}

export function NewsDetailPage({
  ctx,
  news,
  attachments,
}: {
  ctx: ViewContext;
  news: NewsRow;
  attachments: AttachmentRow[];
}): JSX.Element {
  const { locale } = ctx;
  const title = pick(locale, news.title, news.title_en);
  const chapeau = news.chapeau ? pick(locale, news.chapeau, news.chapeau_en) : null;
  const body = pick(locale, news.body, news.body_en);
  return (
    <Page ctx={ctx} title={title.text} description={chapeau?.text} head={<FeedLinks locale={locale} />}>
      <div class="fr-container fr-mb-7w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.homeTitle), href: '/' },
            { label: t(locale, m.newsTitle), href: '/actualites' },
            { label: title.text },
          ]}
        />
        <article class="fr-grid-row">
          <div class="fr-col-12 fr-col-lg-10">
            <h1 {...langOf(title)} safe>
              {title.text}
            </h1>
            <p class="fr-text--sm">
              {escapeT(locale, m.publishedOn)} <DateText locale={locale} date={news.published_at} />
            </p>
            {news.categories.length + news.tags.length > 0 ? (
              <ul class="fr-tags-group fr-mb-3w" aria-label={`${t(locale, m.categories)}, ${t(locale, m.tags)}`}>
                {news.categories.map((c) => (
                  <li>
                    <a class="fr-tag" href={newsHref({ category: c })} lang="fr" safe>
                      {c}
                    </a>
                  </li>
                ))}
                {news.tags.map((tag) => (
                  <li>
                    <a class="fr-tag fr-tag--sm" href={newsHref({ tag })} lang="fr" safe>
                      {`#${tag}`}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              ''
            )}
            {chapeau ? (
              <p class="fr-text--lead" {...langOf(chapeau)} safe>
                {chapeau.text}
              </p>
            ) : (
              ''
            )}
            {isSiteImage(news.image_url) ? (
              <figure class="fr-content-media" role="group">
                <img class="fr-responsive-img" src={news.image_url} alt={news.image_alt ?? ''} />
              </figure>
            ) : (
              ''
            )}
            <MarkdownBody value={body} />
            {attachments.length > 0 ? (
              <section class="fr-mt-4w">
                <h2 safe>{t(locale, m.downloads)}</h2>
                <ul class="acc-downloads">
                  {attachments.map((a) => (
                    <li>
                      <AttachmentLink locale={locale} attachment={a} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : (
              ''
            )}
            {news.press_contact ? <PressContactBlock locale={locale} contact={news.press_contact} /> : ''}
          </div>
        </article>
      </div>
    </Page>
  );
}

import { formatDate, type Locale, t } from '../../../core/i18n/i18n.js';
import type { PublicNotice } from '../../../core/module.js';
import { Breadcrumb, PublicNotices } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { CriterionTemplate, PublicSeason, SupportLever } from '../../seasons/index.js';
import { renderMarkdown } from '../markdown.js';
import { publicMessages as m } from '../messages.js';
import type { NewsRow, PageRow } from '../queries.js';
import { DateText, type LocalizedText, langOf, MarkdownBody, pick } from './localized.js';
import { NewsCard } from './news.js';

function crumbs(locale: Locale, label: string) {
  return [{ label: t(locale, m.homeTitle), href: '/' }, { label }];
}

function OpenCall({ locale, seasons }: { locale: Locale; seasons: PublicSeason[] }): JSX.Element {
  const open = seasons.filter((s) => s.status === 'open').at(-1);
  const upcoming = seasons.find((s) => s.status === 'upcoming');
  const season = open ?? upcoming;
  if (!season) {
    return (
      <div class="fr-callout">
        <h2 class="fr-callout__title" safe>
          {t(locale, m.openCallTitle)}
        </h2>
        <p class="fr-callout__text" safe>
          {t(locale, m.noOpenCall)}
        </p>
      </div>
    );
  }
  const name = pick(locale, season.name, season.nameEn);
  const summary = pick(locale, season.summary, season.summaryEn);
  const when = open
    ? t(locale, m.openCallUntil, { date: formatDate(locale, season.closesAt) })
    : t(locale, m.openCallFrom, {
        start: formatDate(locale, season.opensAt),
        end: formatDate(locale, season.closesAt),
      });
  return (
    <div class="fr-callout fr-icon-calendar-line">
      <h2 class="fr-callout__title">
        <span safe>{`${t(locale, m.openCallTitle)} – `}</span>
        <span {...langOf(name)} safe>
          {name.text}
        </span>
      </h2>
      <p class="fr-callout__text" {...langOf(summary)} safe>
        {summary.text}
      </p>
      <p class="fr-callout__text" safe>
        {when}
      </p>
      <a class="fr-btn" href={`/saisons/${encodeURIComponent(season.slug)}`} safe>
        {t(locale, m.seeSeason)}
      </a>
    </div>
  );
}

export function HomePage({
  ctx,
  intro,
  seasons,
  news,
  notices,
}: {
  ctx: ViewContext;
  intro?: PageRow;
  seasons: PublicSeason[];
  news: NewsRow[];
  /** Other modules' announcements (an open call for panel volunteers…). */
  notices: PublicNotice[];
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.homeTitle)} description={t(locale, m.heroText)}>
      <section class="acc-hero fr-py-7w">
        <div class="fr-container">
          <h1 safe>{t(locale, m.heroTitle)}</h1>
          <p class="fr-text--lead" safe>
            {t(locale, m.heroText)}
          </p>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <a class="fr-btn" href="/programme" safe>
                {t(locale, m.discoverProgramme)}
              </a>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href="/manifeste" safe>
                {t(locale, m.readManifesto)}
              </a>
            </li>
          </ul>
        </div>
      </section>
      <div class="fr-container fr-my-6w">
        <OpenCall locale={locale} seasons={seasons} />
        <div class="fr-mt-4w">
          <PublicNotices locale={locale} notices={notices} />
        </div>
        {intro ? <MarkdownBody value={pick(locale, intro.body, intro.body_en)} /> : ''}
        <section class="fr-mt-6w">
          <h2 safe>{t(locale, m.latestNews)}</h2>
          <ul class="fr-grid-row fr-grid-row--gutters acc-card-list">
            {news.map((item) => (
              <li class="fr-col-12 fr-col-md-4">
                <NewsCard locale={locale} news={item} />
              </li>
            ))}
          </ul>
          <p class="fr-mt-3w">
            <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/actualites" safe>
              {t(locale, m.allNews)}
            </a>
          </p>
        </section>
      </div>
    </Page>
  );
}

/** A page whose whole content is its Markdown body (manifesto, partners, other CMS pages). */
export function ContentPage({ ctx, page }: { ctx: ViewContext; page: PageRow }): JSX.Element {
  const { locale } = ctx;
  const title = pick(locale, page.title, page.title_en);
  return (
    <Page ctx={ctx} title={title.text}>
      <div class="fr-container fr-mb-7w">
        <Breadcrumb locale={locale} items={crumbs(locale, title.text)} />
        <h1 {...langOf(title)} safe>
          {title.text}
        </h1>
        <MarkdownBody value={pick(locale, page.body, page.body_en)} />
      </div>
    </Page>
  );
}

function seasonStateLabel(locale: Locale, status: PublicSeason['status']): string {
  return t(locale, status === 'open' ? m.seasonOpen : status === 'upcoming' ? m.seasonUpcoming : m.seasonClosed);
}

export interface ProgrammeProps {
  ctx: ViewContext;
  page?: PageRow;
  seasons: PublicSeason[];
  criteria: readonly CriterionTemplate[];
  levers: readonly SupportLever[];
}

export function ProgrammePage({ ctx, page, seasons, criteria, levers }: ProgrammeProps): JSX.Element {
  const { locale } = ctx;
  const title = page ? pick(locale, page.title, page.title_en) : { text: t(locale, m.programmeTitle) };
  return (
    <Page ctx={ctx} title={title.text}>
      <div class="fr-container fr-mb-7w">
        <Breadcrumb locale={locale} items={crumbs(locale, title.text)} />
        <h1 {...langOf(title)} safe>
          {title.text}
        </h1>
        {page ? <MarkdownBody value={pick(locale, page.body, page.body_en)} /> : ''}
        <section class="fr-mt-4w">
          <h2 safe>{t(locale, m.calendarTitle)}</h2>
          {seasons.length === 0 ? (
            <p safe>{t(locale, m.noSeason)}</p>
          ) : (
            <ol class="fr-timeline acc-timeline">
              {seasons.map((s) => {
                const name = pick(locale, s.name, s.nameEn);
                const summary = pick(locale, s.summary, s.summaryEn);
                return (
                  <li class="fr-mb-3w">
                    <h3 class="fr-h5 fr-mb-1w" {...langOf(name)} safe>
                      {name.text}
                    </h3>
                    <p class="fr-mb-1w">
                      <DateText locale={locale} date={s.opensAt} /> → <DateText locale={locale} date={s.closesAt} />{' '}
                      <span
                        class={`fr-badge fr-badge--sm ${s.status === 'open' ? 'fr-badge--success' : s.status === 'upcoming' ? 'fr-badge--info' : ''}`}
                        safe
                      >
                        {seasonStateLabel(locale, s.status)}
                      </span>
                    </p>
                    <p {...langOf(summary)} safe>
                      {summary.text}
                    </p>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
        <section class="fr-mt-4w">
          <h2 safe>{t(locale, m.criteriaTitle)}</h2>
          <ol>
            {criteria.map((c) => {
              const label = pick(locale, c.label, c.labelEn);
              const description = pick(locale, c.description, c.descriptionEn);
              return (
                <li>
                  <strong {...langOf(label)} safe>
                    {label.text}
                  </strong>
                  {' : '}
                  <span {...langOf(description)} safe>
                    {description.text}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
        <section class="fr-mt-4w">
          <h2 safe>{t(locale, m.leversTitle)}</h2>
          <ul class="fr-grid-row fr-grid-row--gutters acc-card-list">
            {levers.map((lever) => {
              const label = pick(locale, lever.label, lever.labelEn);
              const description = pick(locale, lever.description, lever.descriptionEn);
              return (
                <li class="fr-col-12 fr-col-md-6 fr-col-lg-3">
                  <div class="fr-tile fr-tile--vertical acc-tile">
                    <div class="fr-tile__body">
                      <div class="fr-tile__content">
                        <h3 class="fr-tile__title" {...langOf(label)} safe>
                          {label.text}
                        </h3>
                        <p class="fr-tile__detail" {...langOf(description)} safe>
                          {description.text}
                        </p>
                      </div>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </Page>
  );
}

interface FaqEntry {
  question: string;
  answer: string;
}

/** A FAQ body is Markdown where each "## " heading is a question and what follows is its answer. */
export function splitFaq(markdown: string): { intro: string; entries: FaqEntry[] } {
  const parts = markdown.split(/^##[ \t]+(.+)$/m);
  const intro = parts[0]?.trim() ?? '';
  const entries: FaqEntry[] = [];
  for (let i = 1; i < parts.length; i += 2)
    entries.push({ question: parts[i].trim(), answer: (parts[i + 1] ?? '').trim() });
  return { intro, entries };
}

export function FaqPage({ ctx, page }: { ctx: ViewContext; page: PageRow }): JSX.Element {
  const { locale } = ctx;
  const title = pick(locale, page.title, page.title_en);
  const body: LocalizedText = pick(locale, page.body, page.body_en);
  const { intro, entries } = splitFaq(body.text);
  return (
    <Page ctx={ctx} title={title.text}>
      <div class="fr-container fr-mb-7w">
        <Breadcrumb locale={locale} items={crumbs(locale, title.text)} />
        <h1 {...langOf(title)} safe>
          {title.text}
        </h1>
        {intro ? <MarkdownBody value={{ ...body, text: intro }} /> : ''}
        <div class="fr-accordions-group" {...langOf(body)}>
          {entries.map((entry, i) => {
            const safeAnswer = renderMarkdown(entry.answer);
            return (
              <section class="fr-accordion">
                <h2 class="fr-accordion__title">
                  <button
                    type="button"
                    class="fr-accordion__btn"
                    aria-expanded="false"
                    aria-controls={`faq-${i + 1}`}
                    safe
                  >
                    {entry.question}
                  </button>
                </h2>
                <div class="fr-collapse acc-prose" id={`faq-${i + 1}`}>
                  {safeAnswer}
                </div>
              </section>
            );
          })}
        </div>
      </div>
    </Page>
  );
}

export function SiteMapPage({
  ctx,
  otherPages,
}: {
  ctx: ViewContext;
  otherPages: { slug: string; title: string; title_en: string | null }[];
}): JSX.Element {
  const { locale } = ctx;
  // Every module declares its entries in its manifest (Module.siteMap), in their `order`.
  const main = ctx.site.siteMap.filter((entry) => entry.section === 'main');
  const legal = ctx.site.siteMap.filter((entry) => entry.section === 'legal');
  return (
    <Page ctx={ctx} title={t(locale, m.siteMapTitle)}>
      <div class="fr-container fr-mb-7w">
        <Breadcrumb locale={locale} items={crumbs(locale, t(locale, m.siteMapTitle))} />
        <h1 safe>{t(locale, m.siteMapTitle)}</h1>
        <ul>
          {main.map((l) => (
            <li>
              <a href={l.href} safe>
                {t(locale, l.label)}
              </a>
            </li>
          ))}
        </ul>
        {otherPages.length > 0 ? (
          <>
            <h2 safe>{t(locale, m.otherPages)}</h2>
            <ul>
              {otherPages.map((p) => {
                const title = pick(locale, p.title, p.title_en);
                return (
                  <li>
                    <a href={`/pages/${encodeURIComponent(p.slug)}`} {...langOf(title)} safe>
                      {title.text}
                    </a>
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          ''
        )}
        <h2 safe>{t(locale, m.mandatoryPages)}</h2>
        <ul>
          {legal.map((l) => (
            <li>
              <a href={l.href} safe>
                {t(locale, l.label)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}

import { escapeHtml } from '@kitajs/html';
import type { Feed } from 'feed';
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { type Locale, t } from '../../core/i18n/i18n.js';
import { renderMarkdown } from './markdown.js';
import { publicMessages as m } from './messages.js';
import { listPublishedNews } from './queries.js';
import { pick } from './views/localized.js';

const FEED_SIZE = 50;

/** Feed readers know nothing of this site: links and images in item bodies must be absolute. */
function absolutize(html: string, baseUrl: string): string {
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${baseUrl}/`);
}

/**
 * `feed` writes titles and summaries as HTML (Atom type="html", RSS readers alike) and category
 * labels as raw attributes: plain text must be escaped, and labels kept to harmless characters.
 */
function plainText(text: string): string {
  return escapeHtml(text);
}

function categoryLabel(text: string): string {
  return text.replace(/[<>&"'\u0000-\u001f]/g, '').trim();
}

/** The latest published news as one feed object, rendered as RSS 2.0 or Atom by the caller. */
export async function buildNewsFeed(db: Kysely<DB>, baseUrl: string, locale: Locale): Promise<Feed> {
  const { items } = await listPublishedNews(db, {}, FEED_SIZE, 0);
  // The feed library loads on the first feed asked for, not at every start.
  const { Feed } = await import('feed');
  const feed = new Feed({
    id: `${baseUrl}/actualites`,
    title: t(locale, m.feedTitle),
    description: t(locale, m.feedDescription),
    link: `${baseUrl}/actualites`,
    language: locale,
    updated: items[0]?.published_at ?? new Date(0),
    generator: 'Accélérateur',
    feedLinks: { rss: `${baseUrl}/actualites/flux.xml`, atom: `${baseUrl}/actualites/atom.xml` },
    copyright: t(locale, { fr: 'Licence Etalab 2.0', en: 'Etalab 2.0 licence' }),
    author: {
      name: t(locale, { fr: 'Accélérateur d’initiatives citoyennes', en: 'Citizen Initiatives Accelerator' }),
      link: baseUrl,
    },
  });
  for (const news of items) {
    const link = `${baseUrl}/actualites/${encodeURIComponent(news.slug)}`;
    const chapeau = news.chapeau ? pick(locale, news.chapeau, news.chapeau_en).text : undefined;
    feed.addItem({
      title: plainText(pick(locale, news.title, news.title_en).text),
      id: link,
      link,
      date: news.published_at,
      published: news.published_at,
      description: chapeau === undefined ? undefined : plainText(chapeau),
      content: absolutize(renderMarkdown(pick(locale, news.body, news.body_en).text), baseUrl),
      category: [...news.categories, ...news.tags]
        .map(categoryLabel)
        .filter(Boolean)
        .map((name) => ({ name })),
    });
  }
  return feed;
}

import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { hasPermission } from '../../core/auth/permissions.js';
import { servePublicPage } from '../../core/cache/public-page.js';
import { sniffContentType } from '../../core/files/sniff.js';
import { readStoredFile, urlFileName } from '../../core/files/store-file.js';
import { HttpError } from '../../core/http/errors.js';
import { notFound } from '../../core/http/replies.js';
import { plainViewContext } from '../../core/http/request-context.js';
import { type App, Slug, Uuid } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { publicNoticesFor } from '../../core/site.js';
import { DEFAULT_CRITERIA, listPublicSeasons, SUPPORT_LEVERS } from '../seasons/index.js';
import { buildNewsFeed } from './feeds.js';
import { publicMessages as m } from './messages.js';
import {
  contentFileAccess,
  findPublishedNews,
  findPublishedPage,
  listAttachments,
  listPublishedNews,
  listPublishedPages,
  type NewsFilter,
  publishedNewsFacets,
} from './queries.js';
import { AccessibilityPage, LegalNoticePage, PrivacyPage } from './views/legal.js';
import { NewsDetailPage, NewsListPage } from './views/news.js';
import { ContentPage, FaqPage, HomePage, ProgrammePage, SiteMapPage } from './views/public.js';

export const NEWS_PER_PAGE = 10;
/** A page's or news item's slug: one that does not match is not found. */
const SlugParams = Type.Object({ slug: Slug });
/** Pages that have their own address; any other published page lives under /pages/<slug>. */
const PAGES_WITH_OWN_ROUTE = new Set([
  'accueil',
  'programme',
  'manifeste',
  // Its body introduces the partners page, which the events module builds from the partners.
  'partenaires',
  'faq',
  'mentions-legales',
  'accessibilite',
  'donnees-personnelles',
]);

/** Reads ?categorie=…&tag=…&page=… or refuses the request (400) when a value has the wrong shape. */
export function readNewsQuery(request: FastifyRequest): { filter: NewsFilter; page: number } {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = query[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || value.length > 60) throw new HttpError(400, t(request.locale, m.badFilter));
    return value;
  };
  const rawPage = query.page;
  let page = 1;
  if (rawPage !== undefined && rawPage !== '') {
    if (typeof rawPage !== 'string' || !/^[1-9][0-9]{0,5}$/.test(rawPage))
      throw new HttpError(400, t(request.locale, m.badPage));
    page = Number(rawPage);
  }
  return { filter: { category: text('categorie'), tag: text('tag') }, page };
}

export async function registerPublicRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const config = { permission: 'public' as const };

  app.get('/', { config }, (request, reply) =>
    servePublicPage(request, reply, async () => {
      const [intro, seasons, latest, notices] = await Promise.all([
        findPublishedPage(db, 'accueil'),
        listPublicSeasons(services),
        listPublishedNews(db, {}, 3, 0),
        publicNoticesFor(services, { page: 'home' }, request.locale),
      ]);
      return (
        <HomePage
          ctx={plainViewContext(request)}
          intro={intro}
          seasons={seasons}
          news={latest.items}
          notices={notices}
        />
      );
    }),
  );

  app.get('/programme', { config }, (request, reply) =>
    servePublicPage(request, reply, async () => {
      const [page, seasons] = await Promise.all([findPublishedPage(db, 'programme'), listPublicSeasons(services)]);
      return (
        <ProgrammePage
          ctx={plainViewContext(request)}
          page={page}
          seasons={seasons}
          criteria={DEFAULT_CRITERIA}
          levers={SUPPORT_LEVERS}
        />
      );
    }),
  );

  // Pages whose whole content comes from the CMS: 404 while they are drafts.
  const cmsPage = (path: string, slug: string, View: typeof ContentPage) =>
    app.get(path, { config }, (request, reply) =>
      servePublicPage(request, reply, async () => {
        const page = await findPublishedPage(db, slug);
        return page ? <View ctx={plainViewContext(request)} page={page} /> : null;
      }),
    );
  cmsPage('/manifeste', 'manifeste', ContentPage);
  cmsPage('/faq', 'faq', FaqPage);

  app.get('/pages/:slug', { schema: { params: SlugParams }, config }, async (request, reply) => {
    const { slug } = request.params;
    if (PAGES_WITH_OWN_ROUTE.has(slug)) return notFound(request, reply);
    return servePublicPage(request, reply, async () => {
      const page = await findPublishedPage(db, slug);
      return page ? <ContentPage ctx={plainViewContext(request)} page={page} /> : null;
    });
  });

  // The State's mandatory pages always exist; a published CMS page of the same slug adds to them.
  const mandatory = (path: string, slug: string, View: typeof LegalNoticePage) =>
    app.get(path, { config }, (request, reply) =>
      servePublicPage(request, reply, async () => (
        <View ctx={plainViewContext(request)} extra={await findPublishedPage(db, slug)} />
      )),
    );
  mandatory('/mentions-legales', 'mentions-legales', LegalNoticePage);
  mandatory('/accessibilite', 'accessibilite', AccessibilityPage);
  mandatory('/donnees-personnelles', 'donnees-personnelles', PrivacyPage);

  app.get('/plan-du-site', { config }, (request, reply) =>
    servePublicPage(request, reply, async () => {
      const others = (await listPublishedPages(db)).filter((p) => !PAGES_WITH_OWN_ROUTE.has(p.slug));
      return <SiteMapPage ctx={plainViewContext(request)} otherPages={others} />;
    }),
  );

  app.get('/actualites', { config }, async (request, reply) => {
    const { filter, page } = readNewsQuery(request);
    return servePublicPage(request, reply, async () => {
      const [{ items, total }, facets] = await Promise.all([
        listPublishedNews(db, filter, NEWS_PER_PAGE, (page - 1) * NEWS_PER_PAGE),
        publishedNewsFacets(db),
      ]);
      const pages = Math.max(1, Math.ceil(total / NEWS_PER_PAGE));
      return (
        <NewsListPage
          ctx={plainViewContext(request)}
          items={items}
          total={total}
          page={page}
          pages={pages}
          filter={filter}
          facets={facets}
        />
      );
    });
  });

  const feedSchema = (format: string) => ({
    summary: `News feed (${format})`,
    description: `The programme's published news, newest first, in ${format}.`,
    tags: ['content'],
  });
  const feedConfig = { ...config, openapi: true };

  app.get('/actualites/flux.xml', { schema: feedSchema('RSS 2.0'), config: feedConfig }, (request, reply) =>
    servePublicPage(
      request,
      reply,
      async () => (await buildNewsFeed(db, services.config.baseUrl, request.locale)).rss2(),
      'application/rss+xml; charset=utf-8',
    ),
  );
  app.get('/actualites/atom.xml', { schema: feedSchema('Atom 1.0'), config: feedConfig }, (request, reply) =>
    servePublicPage(
      request,
      reply,
      async () => (await buildNewsFeed(db, services.config.baseUrl, request.locale)).atom1(),
      'application/atom+xml; charset=utf-8',
    ),
  );

  app.get('/actualites/:slug', { schema: { params: SlugParams }, config }, async (request, reply) => {
    const { slug } = request.params;
    return servePublicPage(request, reply, async () => {
      const news = await findPublishedNews(db, slug);
      return news ? (
        <NewsDetailPage ctx={plainViewContext(request)} news={news} attachments={await listAttachments(db, news.id)} />
      ) : null;
    });
  });

  // Content files shown by published content; content editors may also open those of drafts.
  // Application files are never served here, whatever the role: only their application's routes do.
  app.get(
    '/fichiers/:id/:name',
    {
      schema: {
        params: Type.Object({ id: Uuid, name: Type.String({ maxLength: 300, description: 'File name (for people)' }) }),
        summary: 'A file attached to published content',
        description:
          'A document or image attached to a published news item or page (press release PDF, picture). Files of ' +
          'drafts and of applications are never served here to the public: they answer 404.',
        tags: ['content'],
      },
      config: { ...config, openapi: true },
    },
    async (request, reply) => {
      const { id } = request.params;
      const access = await contentFileAccess(db, id);
      const staff = hasPermission(request.user, 'content.manage');
      if (access === null || (access === 'editors' && !staff)) return notFound(request, reply);
      const file = await readStoredFile(db, services.config.filesDir, id);
      if (!file) return notFound(request, reply);
      const image = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'].includes(file.contentType);
      const name = urlFileName(file.originalName, sniffContentType(file.data)?.extension);
      return reply
        .header('content-type', file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `${image ? 'inline' : 'attachment'}; filename="${name}"`)
        .header('cache-control', access === 'public' && !staff ? 'public, max-age=300' : 'private, no-store')
        .send(file.data);
    },
  );
}

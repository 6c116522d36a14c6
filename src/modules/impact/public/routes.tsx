import { Type } from '@sinclair/typebox';
import { servePublicPage } from '../../../core/cache/public-page.js';
import { notFound } from '../../../core/http/replies.js';
import { plainViewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, OptionalText, Query, Slug } from '../../../core/http/route-schemas.js';
import { isLocale } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { laureatePageData, seasonReport } from './data.js';
import { renderReportPdf } from './report-pdf.js';
import { LaureatePage } from './views/laureate-page.js';
import { ReportPage } from './views/report-page.js';

const SlugParams = Type.Object({ slug: Slug });

/**
 * The public laureate page and the season report. Both pages go through the public page cache, like the
 * listing they come from: any public change clears it (announcePublicChange / afterPublicChange), and entries
 * age out after a few minutes for figures whose modules do not announce (grants, applications).
 */
export async function publicRoutes(app: App, services: Services): Promise<void> {
  app.get('/laureats/:id', { schema: { params: IdParams }, config: { permission: 'public' } }, async (request, reply) =>
    servePublicPage(request, reply, async () => {
      // The embargo is the seasons' rule: a laureate not yet visible is not found, like one that does not exist.
      const data = await laureatePageData(services, request.params.id);
      return data ? <LaureatePage ctx={plainViewContext(request)} data={data} /> : null;
    }),
  );

  app.get(
    '/saisons/:slug/bilan',
    { schema: { params: SlugParams }, config: { permission: 'public' } },
    async (request, reply) =>
      servePublicPage(request, reply, async () => {
        const report = await seasonReport(services, request.params.slug);
        return report ? <ReportPage ctx={plainViewContext(request)} report={report} /> : null;
      }),
  );

  app.get(
    '/saisons/:slug/bilan.pdf',
    { schema: { params: SlugParams, querystring: Query({ lang: OptionalText(5) }) }, config: { permission: 'public' } },
    async (request, reply) => {
      const report = await seasonReport(services, request.params.slug);
      if (!report) return notFound(request, reply);
      const lang = request.query.lang;
      const locale = isLocale(lang) ? lang : request.locale;
      const pdf = await renderReportPdf(report, locale);
      return reply
        .type('application/pdf')
        .header('cache-control', 'public, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="bilan-${report.season.slug}-${locale}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
}

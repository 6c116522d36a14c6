import { html } from '../../core/http/replies.js';
import { plainViewContext } from '../../core/http/request-context.js';
import type { App } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { apiRoutes } from './api-routes.js';
import { datasetState } from './dataset-info.js';
import { downloadRoutes } from './download-routes.js';
import { openDataMessages as m } from './messages.js';
import { type OpenApiDocument, operationsByTag } from './openapi-page.js';
import { DATASETS } from './registry.js';
import { type ApiGroup, ApiPage } from './views/api-page.js';
import { DataPage } from './views/data-page.js';

/** The open data: the API and downloads in their own scope (CORS, rate limit, JSON errors), and two pages. */
export async function opendataRoutes(app: App, services: Services): Promise<void> {
  await app.register(async (scope) => {
    await apiRoutes(scope, services);
    await downloadRoutes(scope, services);
  });

  app.get('/donnees', { config: { permission: 'public' } }, async (request, reply) => {
    const states = await Promise.all(DATASETS.map((d) => datasetState(services, d)));
    return html(reply, 200, <DataPage ctx={plainViewContext(request)} states={states} />);
  });

  app.get('/api', { config: { permission: 'public' } }, async (request, reply) => {
    const { locale } = request;
    const byTag = operationsByTag(app.swagger() as OpenApiDocument);
    const groups: ApiGroup[] = [];
    for (const dataset of DATASETS) {
      const operations = byTag.get(dataset.path);
      if (operations) groups.push({ id: dataset.path, title: t(locale, dataset.title), operations });
      byTag.delete(dataset.path);
    }
    const downloads = byTag.get('downloads');
    byTag.delete('downloads');
    if (downloads) groups.push({ id: 'downloads', title: t(locale, m.downloads), operations: downloads });
    const others = [...byTag.values()].flat();
    if (others.length) groups.push({ id: 'other', title: t(locale, m.apiOther), operations: others });
    return html(
      reply,
      200,
      <ApiPage ctx={plainViewContext(request)} groups={groups} rateLimit={services.config.apiRateLimit} />,
    );
  });
}

import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { csvFile } from '../../core/spreadsheet/csv.js';
import { rateLimitConfig } from './api-routes.js';
import { dcatCatalogue } from './catalogue.js';
import { datasetState, jsonHref } from './dataset-info.js';
import { PREFLIGHT_HEADERS, sendCacheable } from './http.js';
import { DATASETS } from './registry.js';

/**
 * The downloads of /donnees: each dataset as JSON (every public record, an array) and as CSV for French
 * spreadsheets (unless another module publishes it in a national schema), and the DCAT-AP catalogue.
 * Registered in the API's scope: same CORS, caching, rate limit and errors.
 */
export async function downloadRoutes(app: App, services: Services): Promise<void> {
  const config = { permission: 'public', openapi: true, rateLimit: rateLimitConfig(services) } as const;
  const preflight = async (_request: unknown, reply: FastifyReply) => reply.code(204).headers(PREFLIGHT_HEADERS).send();

  for (const dataset of DATASETS) {
    app.get(
      jsonHref(dataset),
      {
        schema: {
          summary: `Download (JSON): ${t('en', dataset.title)}`,
          description: `Every public record of ${t('en', dataset.title).toLowerCase()}, as a JSON array, the same records as /api/v1/${dataset.path}. Licence Ouverte 2.0.`,
          tags: ['downloads'],
          response: { 200: Type.Array(dataset.schema) },
        },
        config,
      },
      async (request, reply) => {
        const { records } = await datasetState(services, dataset);
        const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
        const body = String(reply.serialize(sorted));
        reply.header('content-disposition', `inline; filename="${dataset.file}.json"`);
        return sendCacheable(request, reply, body, 'application/json; charset=utf-8');
      },
    );
    app.options(jsonHref(dataset), { config: { permission: 'public' } }, preflight);

    const columns = dataset.columns;
    if (!columns) continue;
    const href = `/donnees/${dataset.file}.csv`;
    app.get(
      href,
      {
        schema: {
          summary: `Download (CSV): ${t('en', dataset.title)}`,
          description:
            `Every public record of ${t('en', dataset.title).toLowerCase()} for spreadsheets: UTF-8 with BOM, ` +
            'semicolon separator, CRLF, a header of French labels, labels rather than codes, dates and times in ' +
            'Europe/Paris (dd/mm/yyyy hh:mm), decimal commas. Licence Ouverte 2.0.',
          tags: ['downloads'],
        },
        config,
      },
      async (request, reply) => {
        const { records } = await datasetState(services, dataset);
        const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
        reply.header('content-disposition', `attachment; filename="${dataset.file}.csv"`);
        return sendCacheable(request, reply, csvFile(columns, sorted), 'text/csv; charset=utf-8');
      },
    );
    app.options(href, { config: { permission: 'public' } }, preflight);
  }

  app.get(
    '/donnees/catalogue.jsonld',
    {
      schema: {
        summary: 'DCAT-AP catalogue (JSON-LD)',
        description:
          'The catalogue of the open data for data.gouv.fr’s harvester: a dcat:Catalog with one dcat:Dataset per ' +
          'dataset (titles and descriptions in French and English, licence, publisher, last change, keywords) and ' +
          'its dcat:Distributions (CSV, JSON, the API collection) with access and download URLs, format and media type.',
        tags: ['downloads'],
      },
      config,
    },
    async (request, reply) => {
      const states = await Promise.all(DATASETS.map((d) => datasetState(services, d)));
      const body = JSON.stringify(dcatCatalogue(services.config.baseUrl.replace(/\/$/, ''), states));
      return sendCacheable(request, reply, body, 'application/ld+json; charset=utf-8');
    },
  );
  app.options('/donnees/catalogue.jsonld', { config: { permission: 'public' } }, preflight);
}

import rateLimit from '@fastify/rate-limit';
import { type TProperties, Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { type App, IdParams, Query } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { parisStartOfDay } from '../../core/time/paris-time.js';
import { apiErrorHandler, sendApiError } from './api-errors.js';
import type { AnyDataset, Item } from './datasets/dataset.js';
import { CORS_HEADERS, PREFLIGHT_HEADERS, sendCacheable } from './http.js';
import { apiErrorMessages as m } from './messages.js';
import { decodeCursor, pageAfter } from './pagination.js';
import { DATASETS } from './registry.js';
import { ApiError } from './schemas.js';

export const API_PREFIX = '/api/v1';
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const JSON_TYPE = 'application/json; charset=utf-8';

/** The rate limit of the API and downloads: per client IP, per minute, counted in this process. */
export function rateLimitConfig(services: Services) {
  return { max: services.config.apiRateLimit, timeWindow: 60_000 };
}

/** The answers every API route documents besides 200. */
const ERRORS = {
  304: Type.Null({ description: 'Not Modified: the ETag sent in If-None-Match still matches' }),
  429: ApiError,
};

/** `updated_since`: a day (from its start, Paris time) or an instant; undefined when malformed. */
export function parseSince(value: string): Date | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = parisStartOfDay(value);
    return Number.isNaN(day.getTime()) ? undefined : day;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** The query string of a collection: paging, `updated_since` when its records are dated, and its filters. */
function listQuery(dataset: AnyDataset) {
  const properties: TProperties = {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_LIMIT, description: `Records per page (default ${DEFAULT_LIMIT})` }),
    ),
    cursor: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'The cursor of the next page, from the previous answer’s links.next',
      }),
    ),
  };
  if (dataset.updatedAt)
    properties.updated_since = Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'Only records changed since this day (Paris time) or instant, ISO 8601',
      }),
    );
  for (const [name, filter] of Object.entries(dataset.filters)) properties[name] = Type.Optional(filter.schema);
  return Query(properties);
}

/** The parameters a `next` link carries over: the filters, `limit` and `updated_since`. */
function carriedOver(dataset: AnyDataset, query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['limit', 'updated_since', ...Object.keys(dataset.filters)]) {
    const value = query[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params;
}

/**
 * The read-only REST API under /api/v1: for each dataset of the registry, its collection with cursor
 * pagination and filters, and one record by id; ETag/304, Cache-Control, CORS for GET/HEAD/OPTIONS, a rate
 * limit with 429 and Retry-After, JSON errors. Registered in its own scope, with its own error handler.
 */
export async function apiRoutes(app: App, services: Services): Promise<void> {
  const base = services.config.baseUrl.replace(/\/$/, '');
  await app.register(rateLimit, { global: false });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(CORS_HEADERS);
  });
  app.setErrorHandler(apiErrorHandler);
  const limits = rateLimitConfig(services);

  for (const dataset of DATASETS) {
    const path = `${API_PREFIX}/${dataset.path}`;
    const Query = listQuery(dataset);
    app.get(
      path,
      {
        schema: {
          summary: `List: ${t('en', dataset.title)}`,
          description: `${t('en', dataset.description)} Sorted by id; follow links.next for the next page (an opaque cursor).`,
          tags: [dataset.path],
          querystring: Query,
          response: {
            200: Type.Object({
              data: Type.Array(dataset.schema),
              links: Type.Object({ self: Type.String(), next: Type.Union([Type.String(), Type.Null()]) }),
              meta: Type.Object({
                total: Type.Integer({ description: 'Records matching the filters, on every page' }),
                limit: Type.Integer(),
                licence: Type.String(),
              }),
            }),
            ...ERRORS,
            400: ApiError,
          },
        },
        config: { permission: 'public', openapi: true, rateLimit: limits },
      },
      async (request, reply) => {
        const query = request.query as Record<string, string | number | undefined>;
        const locale = request.locale;
        let afterId: string | null = null;
        if (typeof query.cursor === 'string') {
          afterId = decodeCursor(query.cursor);
          if (afterId === null) return sendApiError(reply, 400, t(locale, m.badRequest), t(locale, m.badCursor));
        }
        let records: Item[] = await dataset.load(services);
        if (typeof query.updated_since === 'string' && dataset.updatedAt) {
          const since = parseSince(query.updated_since);
          if (!since) return sendApiError(reply, 400, t(locale, m.badRequest), t(locale, m.badDate));
          records = records.filter((r) => new Date(dataset.updatedAt!(r)).getTime() >= since.getTime());
        }
        for (const [name, filter] of Object.entries(dataset.filters)) {
          const value = query[name];
          if (value !== undefined) records = records.filter((r) => filter.test(r, String(value)));
        }
        const limit = typeof query.limit === 'number' ? query.limit : DEFAULT_LIMIT;
        const page = pageAfter(records, afterId, limit);
        const params = carriedOver(dataset, query);
        const self = new URLSearchParams(params);
        if (typeof query.cursor === 'string') self.set('cursor', query.cursor);
        let next: string | null = null;
        if (page.next) {
          params.set('cursor', page.next);
          next = `${base}${path}?${params}`;
          reply.header('link', `<${next}>; rel="next"`);
        }
        const body = String(
          reply.serialize({
            data: page.items,
            links: { self: `${base}${path}${self.size ? `?${self}` : ''}`, next },
            meta: { total: records.length, limit, licence: LICENCE_URL },
          }),
        );
        return sendCacheable(request, reply, body, JSON_TYPE);
      },
    );

    app.get(
      `${path}/:id`,
      {
        schema: {
          summary: `One record: ${t('en', dataset.title)}`,
          description: `One record of the collection ${path} by its id (UUID); 404 when no public record has it.`,
          tags: [dataset.path],
          params: IdParams,
          response: { 200: dataset.schema, ...ERRORS, 404: ApiError },
        },
        config: { permission: 'public', openapi: true, rateLimit: limits },
      },
      async (request, reply) => {
        const { id } = request.params;
        const record = (await dataset.load(services)).find((r) => r.id === id.toLowerCase());
        if (!record) return sendApiError(reply, 404, t(request.locale, m.notFound), t(request.locale, m.noSuchRecord));
        return sendCacheable(request, reply, String(reply.serialize(record)), JSON_TYPE);
      },
    );

    const preflight = async (_request: unknown, reply: FastifyReply) =>
      reply.code(204).headers(PREFLIGHT_HEADERS).send();
    app.options(path, { config: { permission: 'public' } }, preflight);
    app.options(`${path}/:id`, { schema: { params: IdParams }, config: { permission: 'public' } }, preflight);
  }
}

/** Licence Ouverte 2.0 (Etalab-2.0), as data.gouv.fr names it. */
export const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

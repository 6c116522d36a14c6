import { createHash, timingSafeEqual } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { isLocale } from '../i18n/i18n.js';
import type { Services } from '../services.js';
import { type App, OptionalText, Query } from './route-schemas.js';
import { safeReturnPath } from './safe-redirect.js';

export const LOCALE_COOKIE = 'lang';

const METRICS_REFUSED =
  'Accès refusé : METRICS_TOKEN ou interface locale. / Access refused: METRICS_TOKEN or loopback.\n';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Why /metrics is refused (401, 403), or null when it may be read. With METRICS_TOKEN set, only
 * `Authorization: Bearer <token>` opens it; without, only a connection from the loopback interface,
 * read from the socket (never from X-Forwarded-For, which a client writes), that no proxy forwarded.
 */
export function metricsRefusal(request: FastifyRequest, token: string | undefined): 401 | 403 | null {
  if (token) {
    const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const a = createHash('sha256').update(sent).digest();
    const b = createHash('sha256').update(token).digest();
    return timingSafeEqual(a, b) ? null : 401;
  }
  // A request a local proxy forwards comes from loopback too: its forwarding headers mark it as someone else's.
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && !forwarded ? null : 403;
}

/** Routes every deployment has: health, metrics, language switch. */
export async function registerCoreRoutes(app: App, services: Services, registry: Registry): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Health check',
        description:
          'Answers 200 once the database answers, with the engine in use (embedded PGlite or a PostgreSQL server); ' +
          'for load balancers and monitoring.',
        tags: ['operations'],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
          }),
        },
      },
      config: { permission: 'public', openapi: true },
    },
    async (_request, reply) => {
      await services.db.selectFrom('audit_head').select('id').executeTakeFirst();
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: services.engine });
    },
  );

  // Not a page for the public: a bearer token (METRICS_TOKEN), or else the loopback interface only.
  app.get('/metrics', { config: { permission: 'public' } }, async (request, reply) => {
    const refusal = metricsRefusal(request, services.config.metricsToken);
    if (refusal === 401) reply.header('www-authenticate', 'Bearer');
    if (refusal)
      return reply
        .code(refusal)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(METRICS_REFUSED);
    return reply
      .header('cache-control', 'no-store')
      .type(registry.contentType)
      .send(await registry.metrics());
  });

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/langue/:locale',
    {
      // Any locale segment switches (an unknown one to French); the return address stays on this site.
      schema: {
        params: Type.Object({ locale: Type.String({ maxLength: 20 }) }),
        querystring: Query({ retour: OptionalText(10_000) }),
      },
      config: { permission: 'public' },
    },
    async (request, reply) => {
      const locale = isLocale(request.params.locale) ? request.params.locale : 'fr';
      reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, httpOnly: false });
      return reply.redirect(safeReturnPath(request.query.retour), 303);
    },
  );
}

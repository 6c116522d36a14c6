import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { isLocale } from '../i18n/i18n.js';
import type { Services } from '../services.js';
import { safeReturnPath } from './safe-redirect.js';

export const LOCALE_COOKIE = 'lang';

/** Routes every deployment has: health, metrics, language switch. */
export async function registerCoreRoutes(app: FastifyInstance, services: Services, registry: Registry): Promise<void> {
  app.get('/healthz', { config: { permission: 'public' } }, async (_request, reply) => {
    await services.db.selectFrom('audit_head').select('id').executeTakeFirst();
    return reply.header('cache-control', 'no-store').send({ status: 'ok', database: services.engine });
  });

  app.get('/metrics', { config: { permission: 'public' } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get<{ Params: { locale: string }; Querystring: { retour?: string } }>(
    '/langue/:locale',
    { config: { permission: 'public' } },
    async (request, reply) => {
      const locale = isLocale(request.params.locale) ? request.params.locale : 'fr';
      reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, httpOnly: false });
      return reply.redirect(safeReturnPath(request.query.retour), 303);
    },
  );
}

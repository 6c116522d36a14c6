import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  type HookHandlerDoneFunction,
} from 'fastify';
import { coversEveryTrack, hasPermission, isPermission, registerPermissions } from './core/auth/permissions.js';
import { loadSessionUser, SESSION_COOKIE } from './core/auth/sessions.js';
import { PageCache } from './core/cache/page-cache.js';
import type { Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import type { Database } from './core/db/database.js';
import { EMBEDDED_UPKEEP_JOB, embeddedUpkeepJob } from './core/db/maintenance.js';
import { LOCALE_COOKIE, registerCoreRoutes } from './core/http/core-routes.js';
import { closeAfterEarlyAnswers } from './core/http/early-answers.js';
import { sendErrorPage } from './core/http/error-pages.js';
import { HttpError, httpMessages as hm } from './core/http/errors.js';
import { BAD_CHARACTERS, refuseBadCharacters, registerInputRules } from './core/http/input-rules.js';
import { withRedaction } from './core/http/log-redaction.js';
import { isMultipart, multipartCsrfToken, readMultipartCsrf } from './core/http/multipart-csrf.js';
import { statusForValidation } from './core/http/route-schemas.js';
import { securityHeaders } from './core/http/security-headers.js';
import './core/http/request-context.js';
import { registerAuditAnchorRoutes } from './core/audit/anchor-routes.js';
import { PUBLISH_AUDIT_HEAD_JOB, publishAuditHeadJob } from './core/audit/anchors.js';
import { SWEEP_FILES_JOB, sweepFilesJob } from './core/files/file-directory.js';
import { isLocale } from './core/i18n/i18n.js';
import { JobWorker } from './core/jobs/worker.js';
import { SEND_MAIL_JOB, sendMailJob } from './core/mail/mailer.js';
import { registerMetrics } from './core/metrics/metrics.js';
import type { Module } from './core/module.js';
import type { RouteEntry, Services } from './core/services.js';
import { assembleSite, coreManifest } from './core/site.js';
import { fingerprintedRoot } from './core/ui/assets.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

type FastifyRouteError = Error & {
  statusCode?: number;
  code?: string;
  validation?: unknown;
  validationContext?: string;
};

export interface AppOptions {
  config: Config;
  database: Database;
  clock: Clock;
  logger?: FastifyServerOptions['logger'];
  /** The domain modules (src/modules/index.ts): the app names none itself. */
  modules: readonly Module[];
}

/** Builds the whole platform: core plugins, then every module. Starts nothing by itself. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database, clock, modules } = options;
  for (const module of [coreManifest, ...modules]) registerPermissions(module.permissions ?? {}, module.name);
  const app = Fastify({
    logger: withRedaction(options.logger ?? { level: config.logLevel }),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // A module's routes load their files on first registration: on a loaded 2-core machine that took more than
    // Fastify's default 10 s and the app refused to start ("Plugin did not start in time").
    pluginTimeout: 60_000,
    // A path whose percent-encoding is not UTF-8 (`/saisons/%FF`) is refused by the router before
    // any hook: answer it with the input rule's page rather than Fastify's bare JSON.
    frameworkErrors: (error, request, reply) => {
      if (error.code === 'FST_ERR_BAD_URL') return refuseBadCharacters(request, reply, 'URL');
      return sendErrorPage(request, reply, 400, hm.badRequestTitle, hm.badRequestText, { detail: error.message });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services: Services = {
    config,
    db: database.db,
    engine: database.engine,
    clock,
    log: app.log,
    pageCache: new PageCache(),
    jobHandlers: new Map(),
    routes: [],
    personalData: [],
    modules,
    site: assembleSite(modules),
    worker: undefined as unknown as JobWorker,
  };
  services.worker = new JobWorker({ db: services.db, clock, handlers: services.jobHandlers, log: app.log });
  services.jobHandlers.set(
    SEND_MAIL_JOB,
    sendMailJob(services.db, config.smtpUrl, config.mailFrom, () => clock.now(), app.log),
  );
  services.jobHandlers.set(
    PUBLISH_AUDIT_HEAD_JOB,
    publishAuditHeadJob(services.db, () => clock.now(), app.log),
  );
  if (database.engine === 'pglite')
    services.jobHandlers.set(
      EMBEDDED_UPKEEP_JOB,
      embeddedUpkeepJob(services.db, () => clock.now(), app.log),
    );
  if (config.filesDir)
    services.jobHandlers.set(
      SWEEP_FILES_JOB,
      sweepFilesJob(services.db, config.filesDir, () => clock.now(), app.log),
    );
  app.decorate('services', services);

  const secure = config.baseUrl.startsWith('https://');
  const headers = securityHeaders(secure);
  // Hooks that run on every request are written with `done` rather than `async` where they need not wait: an
  // async hook costs a promise and a microtask turn, which a cached page's answer pays several times over.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Pages rendered for each request (signed-in people's, forms, error pages) are compressed as they leave, for
  // browsers that accept it; cached public pages and the assets were compressed once, in brotli, and carry their
  // Content-Encoding already, which the plugin leaves alone. HTML only, never a request body; gzip, which here
  // is as small as brotli's fast settings for less CPU; in one call up to 64 KB (a 24 KB form: ~0.35 ms of CPU)
  // rather than through a stream, as the plugin does above 8 KB on two cores (~1.5 ms). docs/decisions/0017.
  await app.register(compress, {
    encodings: ['gzip'],
    customTypes: /^text\/html/,
    threshold: 1024,
    syncThreshold: 64 * 1024,
    globalDecompression: false,
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10, fields: 200 } });
  await app.register(csrf, {
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure },
    // The token comes from the body (a multipart form's first field, read by multipart-csrf.ts) or a header
    // set by a script; never from the address, where it would stay in the history, the logs and the Referer.
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const field = isMultipart(request) ? multipartCsrfToken(request) : body?._csrf;
      return typeof field === 'string' ? field : (request.headers['x-csrf-token'] as string | undefined);
    },
  });
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 'Accélérateur API', version: '0.1.0' } },
    // The document is the public API's reference: machine-readable routes (JSON, CSV, feeds, files) say so
    // with `config.openapi`; HTML pages and staff routes stay out of it.
    transform: ({ schema, url, route }) => ({
      schema: { ...schema, hide: schema?.hide ?? route.config?.openapi !== true },
      url,
    }),
  });
  // The pages link the fingerprinted copies the build prepared (src/core/ui/assets.ts), /dsfr/<hash>/… and
  // /static/<hash>/…: their URL changes with their content, so browsers keep them a year without asking again,
  // and take the brotli or gzip file beside each one when they accept it. Behind them, the plain addresses answer
  // from the sources (the DSFR package, public/) with a one-hour cache.
  const yearLong = 'public, max-age=31536000, immutable';
  for (const [set, source] of [
    ['dsfr', join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist')],
    ['static', join(root, 'public')],
  ] as const) {
    const fingerprinted = fingerprintedRoot(set);
    await app.register(fastifyStatic, {
      root: fingerprinted ? [fingerprinted, source] : source,
      prefix: `/${set}/`,
      decorateReply: set === 'dsfr',
      preCompressed: true,
      maxAge: '1h',
      setHeaders: (reply, path) => {
        if (fingerprinted && path.startsWith(`${fingerprinted}${sep}`)) reply.header('cache-control', yearLong);
      },
    });
  }

  // Deny by default: a route that names no permission stops the platform at start-up.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/dsfr/') || route.url.startsWith('/static/')) {
      route.config = { ...(route.config as object), permission: 'public' };
      return;
    }
    const permission = (route.config as { permission?: string } | undefined)?.permission;
    if (!isPermission(permission)) {
      throw new Error(`Route ${route.method} ${route.url} names no known permission (config.permission)`);
    }
    const { allTracks = false, tracks } = route.config as { allTracks?: boolean; tracks?: RouteEntry['tracks'] };
    for (const method of [route.method].flat())
      services.routes.push({ method, url: route.url, permission, allTracks, tracks });
  });

  app.decorateRequest('user', null);
  app.decorateRequest('locale', 'fr');
  app.addHook('onRequest', (request, reply, done) => {
    const lang = request.cookies[LOCALE_COOKIE];
    request.locale = isLocale(lang) ? lang : 'fr';
    const token = request.cookies[SESSION_COOKIE];
    // Anonymous visitors (most requests, every cached public page) need no database read: decide at once.
    if (!token) return admitOrRefuse(request, reply, done);
    loadSessionUser(services.db, clock, token).then((user) => {
      request.user = user;
      if (!user) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // Outside Fastify's own call, a throw would be an unhandled rejection: hand it to the error handler.
      try {
        admitOrRefuse(request, reply, done);
      } catch (error) {
        done(error as Error);
      }
    }, done);
  });
  closeAfterEarlyAnswers(app);
  registerInputRules(app);
  app.addHook('preHandler', (request, reply, done) => {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (!unsafe || request.routeOptions.config.csrf === false) return done();
    if (!isMultipart(request)) return app.csrfProtection(request, reply, done);
    readMultipartCsrf(request).then(() => app.csrfProtection(request, reply, done), done);
  });

  app.setErrorHandler((error: FastifyRouteError, request, reply) => {
    const status = error.statusCode ?? 500;
    // A route's TypeBox schema refused the request before its handler ran: a malformed id in the path is a
    // page that does not exist; a malformed query string or JSON body is a bad request, said as such.
    if (error.validation && statusForValidation(error.validationContext) === 404)
      return sendErrorPage(request, reply, 404, hm.notFoundTitle, hm.notFoundText);
    if (error instanceof HttpError && error.code === BAD_CHARACTERS)
      return refuseBadCharacters(request, reply, error.message);
    if (error instanceof HttpError)
      return sendErrorPage(request, reply, error.statusCode, hm.badRequestTitle, hm.badRequestText, {
        detail: error.message,
      });
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return sendErrorPage(request, reply, 403, hm.csrfTitle, hm.csrfText);
    }
    if (status === 429) return sendErrorPage(request, reply, 429, hm.tooManyTitle, hm.tooManyText);
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return sendErrorPage(request, reply, 413, hm.tooLargeTitle, hm.tooLargeText);
    }
    if (status >= 400 && status < 500) {
      return sendErrorPage(request, reply, status, hm.badRequestTitle, hm.badRequestText, { detail: error.message });
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendErrorPage(request, reply, 500, hm.serverErrorTitle, hm.serverErrorText);
  });
  app.setNotFoundHandler((request, reply) => sendErrorPage(request, reply, 404, hm.notFoundTitle, hm.notFoundText));

  const registry = registerMetrics(app, services);
  await registerCoreRoutes(app, services, registry);
  await registerAuditAnchorRoutes(app, services);
  for (const module of modules) {
    for (const [name, handler] of Object.entries(module.jobs?.(services) ?? {}))
      services.jobHandlers.set(name, handler);
    if (module.personalData) services.personalData.push(module.personalData);
    if (module.routes) await app.register(async (scope) => module.routes!(scope, services));
  }
  if (database.engine === 'postgresql' && database.url) {
    app.addHook('onReady', () => services.pageCache.listen(database.url!, app.log));
  }
  app.addHook('onClose', async () => {
    await services.worker.stop();
    await services.pageCache.close();
  });
  return app;
}

/** Lets the request through when its user holds the route's permission; otherwise answers for it (no `done`). */
function admitOrRefuse(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const permission = request.routeOptions.config.permission;
  if (!permission) return done(); // 404 handler
  if (hasPermission(request.user, permission)) {
    // A season-wide action is refused to staff limited to some tracks, before any handler runs.
    if (request.routeOptions.config.allTracks && !coversEveryTrack(request.user)) {
      sendErrorPage(request, reply, 403, hm.allTracksTitle, hm.allTracksText);
      return;
    }
    return done();
  }
  if (!request.user && request.method === 'GET' && !request.url.startsWith('/api/')) {
    reply.redirect(`/connexion?retour=${encodeURIComponent(request.url)}`, 303);
    return;
  }
  sendErrorPage(request, reply, request.user ? 403 : 401, hm.forbiddenTitle, hm.forbiddenText);
}

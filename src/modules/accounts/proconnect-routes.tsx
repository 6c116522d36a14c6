import type { FastifyReply, FastifyRequest } from 'fastify';
import { viewContext } from '../../core/http/request-context.js';
import { type App, OptionalText, Query } from '../../core/http/route-schemas.js';
import { safeReturnPath } from '../../core/http/safe-redirect.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { signInMessages as m } from './messages.js';
import { afterSignIn, shouldAskName } from './name-step.js';
import { openSession } from './open-session.js';
import { finishProconnect, PROCONNECT_COOKIE, type ProconnectOutcome, startProconnect } from './proconnect.js';
import { notifyProconnectSignIn } from './proconnect-listeners.js';
import { SignInProblemPage } from './views/sign-in.js';

const COOKIE_PATH = '/connexion/proconnect';

export async function proconnectRoutes(app: App, services: Services): Promise<void> {
  const secure = services.config.baseUrl.startsWith('https://');

  app.get(
    '/connexion/proconnect',
    { schema: { querystring: Query({ retour: OptionalText(10_000) }) }, config: { permission: 'public' } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!services.config.proconnect) return problem(request, reply, 404, m.proconnectDisabledText);
      const returnPath = safeReturnPath(request.query.retour, '') || null;
      let started: Awaited<ReturnType<typeof startProconnect>>;
      try {
        started = await startProconnect(services, returnPath);
      } catch (err) {
        request.log.warn({ err }, 'ProConnect discovery failed');
        return problem(request, reply, 502, m.proconnectNetworkText);
      }
      // SameSite=Lax: the cookie comes back on ProConnect's top-level redirect to our callback.
      reply.setCookie(PROCONNECT_COOKIE, started.cookie, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: started.expiresAt,
      });
      return reply.redirect(started.url, 303);
    },
  );

  app.get('/connexion/proconnect/retour', { config: { permission: 'public' } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!services.config.proconnect) return problem(request, reply, 404, m.proconnectDisabledText);
    const currentUrl = new URL(request.url, services.config.baseUrl);
    const outcome = await finishProconnect(services, request.cookies[PROCONNECT_COOKIE], currentUrl);
    reply.clearCookie(PROCONNECT_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure });
    if (outcome.kind !== 'ok') return failure(request, reply, outcome);
    // The claims are in the account already (finishProconnect): the name page shows them to confirm.
    const askName = await shouldAskName(services.db, outcome.userId);
    const sessionId = await openSession(request, reply, services, outcome.userId, 'proconnect');
    await services.db
      .insertInto('proconnect_sessions')
      .values({ session_id: sessionId, id_token: outcome.idToken })
      .execute();
    // What other modules do with the sign-in (they log their own failures: the sign-in never fails for them).
    await notifyProconnectSignIn(services, { userId: outcome.userId, siret: outcome.siret });
    return reply.redirect(afterSignIn(askName, safeReturnPath(outcome.returnPath, '/compte')), 303);
  });
}

function failure(request: FastifyRequest, reply: FastifyReply, outcome: Exclude<ProconnectOutcome, { kind: 'ok' }>) {
  switch (outcome.kind) {
    case 'bad-state':
      return problem(request, reply, 400, m.proconnectStateText);
    case 'provider-error':
      return problem(request, reply, 400, m.proconnectProviderText, { detail: outcome.detail || 'error' });
    case 'no-email':
      return problem(request, reply, 400, m.proconnectNoEmailText);
    case 'unavailable':
      return problem(request, reply, 502, m.proconnectNetworkText);
  }
}

async function problem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  text: { fr: string; en: string },
  params?: Record<string, string>,
) {
  const ctx = await viewContext(request, reply);
  const { locale } = ctx;
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(
      <SignInProblemPage
        ctx={ctx}
        title={t(locale, m.proconnectErrorTitle)}
        text={t(locale, text, params)}
        linkLabel={t(locale, m.backToSignIn)}
      />,
    );
}

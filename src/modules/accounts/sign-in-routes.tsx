import type { FastifyReply } from 'fastify';
import { destroySession, hashToken, SESSION_COOKIE } from '../../core/auth/sessions.js';
import { FormReader } from '../../core/http/forms.js';
import { viewContext } from '../../core/http/request-context.js';
import { type App, OptionalText, Query } from '../../core/http/route-schemas.js';
import { safeReturnPath } from '../../core/http/safe-redirect.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import type { ViewContext } from '../../core/ui/view-context.js';
import { consumeMagicLink, DEVICE_COOKIE, rememberDevice, requestMagicLink } from './magic-link.js';
import { signInMessages as m } from './messages.js';
import { afterSignIn, shouldAskName } from './name-step.js';
import { openSession, sessionCookieOptions } from './open-session.js';
import { proconnectEndSessionUrl } from './proconnect.js';
import { ConfirmLinkPage, LinkSentPage, SignedOutPage, SignInPage, SignInProblemPage } from './views/sign-in.js';

/** `?retour=…`: where to go after signing in (safeReturnPath keeps it on this site). */
const ReturnQuery = Query({ retour: OptionalText(10_000) });

/** A return path from a query or form, kept only when it is a path on this site. */
function returnPathOf(value: unknown): string | null {
  const path = safeReturnPath(value, '');
  return path === '' ? null : path;
}

export async function signInRoutes(app: App, services: Services): Promise<void> {
  const proconnect = Boolean(services.config.proconnect);

  app.get(
    '/connexion',
    { schema: { querystring: ReturnQuery }, config: { permission: 'public' } },
    async (request, reply) => {
      const ctx = await viewContext(request, reply);
      reply.header('cache-control', 'no-store');
      return reply
        .type('text/html; charset=utf-8')
        .send(
          <SignInPage
            ctx={ctx}
            email=""
            returnPath={returnPathOf(request.query.retour)}
            errors={{}}
            proconnect={proconnect}
          />,
        );
    },
  );

  app.post('/connexion', { config: { permission: 'public' } }, async (request, reply) => {
    const form = new FormReader(request.body);
    const email = form.email('email', { required: true });
    const raw = (request.body as Record<string, unknown> | undefined)?.retour;
    const returnPath = returnPathOf(raw);
    reply.header('cache-control', 'no-store');
    if (!form.ok) {
      const ctx = await viewContext(request, reply);
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(
          <SignInPage
            ctx={ctx}
            email={form.values.email}
            returnPath={returnPath}
            errors={form.errors}
            proconnect={proconnect}
          />,
        );
    }
    const deviceToken = request.cookies[DEVICE_COOKIE];
    const result = await requestMagicLink(services, {
      email,
      ip: request.ip,
      deviceToken,
      returnPath,
      locale: request.locale,
    });
    const ctx = await viewContext(request, reply);
    if (result === 'rate-limited') {
      return reply
        .status(429)
        .type('text/html; charset=utf-8')
        .send(
          <SignInPage
            ctx={ctx}
            email={form.values.email}
            returnPath={returnPath}
            errors={{}}
            tooMany
            proconnect={proconnect}
          />,
        );
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(<LinkSentPage ctx={ctx} localMail={!services.config.smtpUrl} stillValid={result === 'still-valid'} />);
  });

  app.get(
    '/connexion/lien',
    // A token of the wrong length gets the page that says the link is not valid, not a bare 400.
    { schema: { querystring: Query({ jeton: OptionalText(10_000) }) }, config: { permission: 'public' } },
    async (request, reply) => {
      const ctx = await viewContext(request, reply);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const token = request.query.jeton ?? '';
      if (!token || token.length > 200) return invalidLink(reply, ctx);
      return reply.type('text/html; charset=utf-8').send(<ConfirmLinkPage ctx={ctx} token={token} />);
    },
  );

  app.post('/connexion/lien', { config: { permission: 'public' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = typeof body.jeton === 'string' && body.jeton.length <= 200 ? body.jeton : '';
    const consumed = token ? await consumeMagicLink(services, token) : null;
    if (!consumed) return invalidLink(reply, await viewContext(request, reply));
    const askName = await shouldAskName(services.db, consumed.userId);
    await openSession(request, reply, services, consumed.userId, 'magic-link');
    // This browser has proved it reads the address's mail: its later requests get their own allowance.
    const device = await rememberDevice(services, consumed.userId, request.cookies[DEVICE_COOKIE]);
    reply.setCookie(DEVICE_COOKIE, device.token, {
      ...sessionCookieOptions(services, device.expiresAt),
      path: '/connexion',
    });
    return reply.redirect(afterSignIn(askName, safeReturnPath(consumed.returnPath, '/compte')), 303);
  });

  app.post('/deconnexion', { config: { permission: 'public' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    let endSession: string | null = null;
    if (token) {
      const link = await services.db
        .selectFrom('proconnect_sessions')
        .select('id_token')
        .where('session_id', '=', hashToken(token))
        .executeTakeFirst();
      if (link) endSession = await proconnectEndSessionUrl(services, link.id_token);
      await destroySession(services.db, token);
    }
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(services));
    if (!endSession) return reply.redirect('/', 303);
    // The CSP (form-action 'self') forbids a form submission to redirect to ProConnect: offer a link.
    request.user = null;
    const ctx = await viewContext(request, reply);
    return reply.type('text/html; charset=utf-8').send(<SignedOutPage ctx={ctx} endSessionUrl={endSession} />);
  });
}

/** Unknown, used or expired token: say so, and offer to ask for a new link. */
function invalidLink(reply: FastifyReply, ctx: ViewContext) {
  const { locale } = ctx;
  return reply
    .status(400)
    .type('text/html; charset=utf-8')
    .send(
      <SignInProblemPage
        ctx={ctx}
        title={t(locale, m.invalidLinkTitle)}
        text={t(locale, m.invalidLinkText)}
        linkLabel={t(locale, m.askNewLink)}
      />,
    );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../core/auth/sessions.js';
import { LOCALE_COOKIE } from '../../core/http/core-routes.js';
import { type FieldError, FormReader } from '../../core/http/forms.js';
import { viewContext } from '../../core/http/request-context.js';
import { type App, OptionalText, Query } from '../../core/http/route-schemas.js';
import { safeReturnPath } from '../../core/http/safe-redirect.js';
import type { Services } from '../../core/services.js';
import { accountMessages as m } from './messages.js';
import { eraseAccount, exportUserData, updateProfile } from './my-data.js';
import { sessionCookieOptions } from './open-session.js';
import { LastAdminError } from './roles.js';
import { AccountPage, type AccountView, ErasedPage, NamePage } from './views/account.js';

const html = 'text/html; charset=utf-8';

async function loadAccount(
  services: Services,
  userId: string,
): Promise<{ view: AccountView; profile: Record<string, string> }> {
  const { db } = services;
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('user_roles')
    .select(['role', 'track'])
    .where('user_id', '=', userId)
    .orderBy('role')
    .orderBy('track')
    .execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', services.clock.now())
    .orderBy('created_at', 'desc')
    .execute();
  return {
    view: {
      // Only a signed-in account reaches here, and an erased one has no session.
      email: user.email ?? '',
      siret: user.siret,
      createdAt: new Date(user.created_at),
      roles,
      sessions: sessions.map((s) => ({
        id: s.id,
        createdAt: new Date(s.created_at),
        lastSeenAt: new Date(s.last_seen_at),
        ip: s.ip,
        userAgent: s.user_agent,
      })),
    },
    profile: { given_name: user.given_name ?? '', family_name: user.family_name ?? '', locale: user.locale },
  };
}

async function showAccount(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  options: {
    status?: number;
    profile?: Record<string, string>;
    profileErrors?: Record<string, FieldError>;
    eraseError?: FieldError;
    saved?: boolean;
  } = {},
) {
  const ctx = await viewContext(request, reply);
  const { view, profile } = await loadAccount(services, request.user!.id);
  reply.header('cache-control', 'no-store');
  return reply
    .status(options.status ?? 200)
    .type(html)
    .send(
      <AccountPage
        ctx={ctx}
        account={view}
        profile={options.profile ?? profile}
        profileErrors={options.profileErrors ?? {}}
        eraseError={options.eraseError}
        saved={options.saved}
      />,
    );
}

export async function accountRoutes(app: App, services: Services): Promise<void> {
  app.get(
    '/compte',
    { schema: { querystring: Query({ enregistre: OptionalText() }) }, config: { permission: 'signed-in' } },
    (request, reply) => showAccount(request, reply, services, { saved: request.query.enregistre === '1' }),
  );

  app.post('/compte', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const form = new FormReader(request.body);
    const givenName = form.text('given_name', { max: 100 });
    const familyName = form.text('family_name', { max: 100 });
    const locale = form.choice('locale', ['fr', 'en'] as const, { required: true });
    if (!form.ok || !locale)
      return showAccount(request, reply, services, { status: 400, profile: form.values, profileErrors: form.errors });
    await updateProfile(services.db, request.user!.id, services.clock.now(), { givenName, familyName, locale });
    reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, httpOnly: false });
    return reply.redirect('/compte?enregistre=1', 303);
  });

  // The name step of the first sign-in (name-step.ts): required, asked again at each sign-in until given.
  async function showName(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { status?: number; values?: Record<string, string>; errors?: Record<string, FieldError>; retour: unknown },
  ) {
    const user = await services.db
      .selectFrom('users')
      .select(['given_name', 'family_name', 'proconnect_sub'])
      .where('id', '=', request.user!.id)
      .executeTakeFirstOrThrow();
    const ctx = await viewContext(request, reply);
    return reply
      .status(options.status ?? 200)
      .header('cache-control', 'no-store')
      .type(html)
      .send(
        <NamePage
          ctx={ctx}
          values={options.values ?? { given_name: user.given_name ?? '', family_name: user.family_name ?? '' }}
          errors={options.errors ?? {}}
          returnPath={safeReturnPath(options.retour, '/compte')}
          fromProconnect={user.proconnect_sub !== null && Boolean(user.given_name || user.family_name)}
        />,
      );
  }

  app.get(
    '/compte/nom',
    { schema: { querystring: Query({ retour: OptionalText(10_000) }) }, config: { permission: 'signed-in' } },
    (request, reply) => showName(request, reply, { retour: request.query.retour }),
  );

  app.post('/compte/nom', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const form = new FormReader(request.body);
    const givenName = form.text('given_name', { required: true, max: 100 });
    const familyName = form.text('family_name', { required: true, max: 100 });
    const retour = (request.body as Record<string, unknown> | undefined)?.retour;
    if (!form.ok) return showName(request, reply, { status: 400, values: form.values, errors: form.errors, retour });
    const user = request.user!;
    await updateProfile(services.db, user.id, services.clock.now(), { givenName, familyName, locale: user.locale });
    return reply.redirect(safeReturnPath(retour, '/compte'), 303);
  });

  app.get('/compte/export', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const person = { id: request.user!.id, email: request.user!.email };
    const data = await exportUserData(services.db, person.id, services.clock.now());
    // Each module's part (panel volunteering…) under its own key.
    const parts: Record<string, unknown> = {};
    for (const part of services.personalData) parts[part.name] = await part.export(services, person);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="mes-donnees-accelerateur.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ ...data, ...parts }, null, 2));
  });

  app.post('/compte/supprimer', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const form = new FormReader(request.body);
    const confirmation = form.text('confirmation', { required: true, max: 50 });
    if (form.ok && confirmation.toUpperCase() !== 'SUPPRIMER') form.fail('confirmation', m.eraseConfirmWrong);
    if (!form.ok) return showAccount(request, reply, services, { status: 400, eraseError: form.errors.confirmation });
    try {
      await eraseAccount(services, request.user!.id);
    } catch (error) {
      if (error instanceof LastAdminError)
        return showAccount(request, reply, services, { status: 409, eraseError: { message: m.lastAdmin } });
      // A record that must outlive the account refused a deletion (foreign key): nothing was erased.
      if ((error as { code?: string }).code === '23503') {
        request.log.warn({ err: error }, 'account erasure blocked by linked records');
        return showAccount(request, reply, services, { status: 409, eraseError: { message: m.eraseBlocked } });
      }
      throw error;
    }
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(services));
    request.user = null;
    const ctx = await viewContext(request, reply);
    return reply.type(html).send(<ErasedPage ctx={ctx} />);
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditedTransaction } from '../../core/audit/audit.js';
import { createSession, destroySession, hashToken, SESSION_COOKIE } from '../../core/auth/sessions.js';
import type { Services } from '../../core/services.js';
import { userActor } from './users.js';

export type SignInMethod = 'magic-link' | 'proconnect';

export function sessionCookieOptions(services: Services, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: services.config.baseUrl.startsWith('https://'),
    ...(expires ? { expires } : {}),
  };
}

/**
 * Opens a session for a person who just proved who they are. The session the request came with
 * is dropped first, so a session id planted before sign-in never becomes an authenticated one.
 * Returns the new session id (the token's hash).
 */
export async function openSession(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  userId: string,
  method: SignInMethod,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await destroySession(services.db, previous);
  const now = services.clock.now();
  await auditedTransaction(services.db, userActor(userId), now, async (trx, audit) => {
    await trx.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', userId).execute();
    await audit({
      action: 'accounts.signed-in',
      subjectType: 'user',
      subjectId: userId,
      summary: { method, ...extra },
    });
  });
  const { token, expiresAt } = await createSession(services.db, services.clock, userId, {
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  });
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(services, expiresAt));
  return hashToken(token);
}

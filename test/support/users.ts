import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CurrentUser, Role } from '../../src/core/auth/permissions.js';
import { createSession } from '../../src/core/auth/sessions.js';
import type { Clock } from '../../src/core/clock.js';
import type { DB } from '../../src/core/db/schema.js';

export interface SignedInUser {
  id: string;
  email: string;
  /** `acc_session=<token>`, ready for a `cookie` header. */
  cookie: string;
  /** The CurrentUser the app will load for this session (sessionId left empty). */
  user: CurrentUser;
}

/** Creates a user holding the given role grants and opens a session for them. */
export async function createSignedInUser(
  db: Kysely<DB>,
  clock: Clock,
  grants: { role: Role; track?: string }[],
  label = grants.map((g) => g.role).join('-') || 'nobody',
): Promise<SignedInUser> {
  const email = `${label}.${randomBytes(4).toString('hex')}@example.org`;
  const user = await db
    .insertInto('users')
    .values({ email, given_name: label, family_name: 'Test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const grant of grants) {
    await db
      .insertInto('user_roles')
      .values({ user_id: user.id, role: grant.role, track: grant.track ?? '' })
      .execute();
  }
  const { token } = await createSession(db, clock, user.id);
  return {
    id: user.id,
    email,
    cookie: `acc_session=${token}`,
    user: {
      id: user.id,
      email,
      givenName: label,
      familyName: 'Test',
      locale: 'fr',
      roles: grants.map((g) => ({ role: g.role, track: g.track ?? '' })),
      sessionId: '',
    },
  };
}

/** A signed-in person with the given role (or none), as the cookie header to send. */
export async function signedInAs(
  app: FastifyInstance,
  clock: Clock,
  role: Role | null,
  email: string,
  track = '',
): Promise<string> {
  const { db } = app.services;
  const user = await db.insertInto('users').values({ email }).returning('id').executeTakeFirstOrThrow();
  if (role) await db.insertInto('user_roles').values({ user_id: user.id, role, track }).execute();
  const { token } = await createSession(db, clock, user.id);
  return `acc_session=${token}`;
}

/** One person per role of the authorisation matrix; `null` stands for an anonymous visitor. */
export const MATRIX_ROLES: { name: string; grants: { role: Role; track?: string }[] }[] = [
  { name: 'applicant', grants: [{ role: 'applicant' }] },
  { name: 'reviewer', grants: [{ role: 'reviewer' }] },
  { name: 'panelist', grants: [{ role: 'panelist' }] },
  { name: 'staff', grants: [{ role: 'staff' }] },
  { name: 'staff-one-track', grants: [{ role: 'staff', track: 'communs-numeriques' }] },
  { name: 'partner', grants: [{ role: 'partner' }] },
  { name: 'admin', grants: [{ role: 'admin' }] },
];

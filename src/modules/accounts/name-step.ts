import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';

/** Where a person gives (or confirms) their name right after signing in; `retour` is where they were going. */
export const NAME_PATH = '/compte/nom';

/**
 * Whether to ask the person's name once they are signed in: at their first sign-in (to confirm what
 * ProConnect said, or to give it when signing in by mail), and at each later sign-in while the account still
 * lacks a given or family name. Read before the sign-in is recorded (which sets last_sign_in_at).
 */
export async function shouldAskName(db: Kysely<DB>, userId: string): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select(['given_name', 'family_name', 'last_sign_in_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return false;
  return user.last_sign_in_at === null || !user.given_name || !user.family_name;
}

/** Where to send a person who just signed in: the name page first when it asks, then where they were going. */
export function afterSignIn(askName: boolean, returnPath: string): string {
  return askName ? `${NAME_PATH}?retour=${encodeURIComponent(returnPath)}` : returnPath;
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';

/** A ProConnect sign-in that committed: the account, and the SIRET the agent's organisation claim gave (or null). */
export interface ProconnectSignIn {
  userId: string;
  siret: string | null;
}

export type ProconnectSignInListener = (services: Services, signIn: ProconnectSignIn) => Promise<void>;

const listeners = new Map<string, ProconnectSignInListener>();

/**
 * Registers what another module does after an agent signed in with ProConnect (the cooperation space joins
 * them to their administration), the way decision 0014's registries work: the dependent module registers on
 * import, by name (registering again replaces, never duplicates). A listener audits its own change.
 */
export function addProconnectSignInListener(name: string, listener: ProconnectSignInListener): void {
  listeners.set(name, listener);
}

/**
 * Runs every listener after the sign-in committed. A listener that fails is logged and never fails the
 * sign-in: the person is signed in whatever another module made of it.
 */
export async function notifyProconnectSignIn(services: Services, signIn: ProconnectSignIn): Promise<void> {
  for (const [name, listener] of listeners) {
    try {
      await listener(services, signIn);
    } catch (err) {
      services.log.error({ err, listener: name }, 'a ProConnect sign-in listener failed');
    }
  }
}

/** The SIRET ProConnect gave for this account's organisation, or null (never signed in with ProConnect, or none). */
export async function proconnectSiretOf(db: Kysely<DB> | Transaction<DB>, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select(['siret', 'proconnect_sub'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.proconnect_sub ? (row.siret ?? null) : null;
}

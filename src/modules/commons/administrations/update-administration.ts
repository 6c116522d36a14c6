import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

export interface UpdateAdministrationInput {
  id: string;
  /** The version the form was read at: a save on a stale version is refused, never overwrites. */
  version: number;
  description: string;
  website: string | null;
  territory: string;
}

export type UpdateAdministrationResult = { ok: true; version: number } | { ok: false; problem: 'stale' };

/**
 * A member (or staff) edits what the administration says of itself: its description, website and territory.
 * Its name, SIRET and legal category come from the register and do not change here.
 */
export async function updateAdministration(
  services: Services,
  actor: Actor,
  input: UpdateAdministrationInput,
): Promise<UpdateAdministrationResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const before = await trx
      .selectFrom('commons_administrations')
      .select(['description', 'website', 'territory'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    const updated = await trx
      .updateTable('commons_administrations')
      .set((eb) => ({
        description: input.description,
        website: input.website,
        territory: input.territory,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated || !before) return { ok: false, problem: 'stale' };
    const changed = (['description', 'website', 'territory'] as const).filter(
      (field) => before[field] !== input[field],
    );
    await audit({
      action: 'commons.administration-updated',
      subjectType: 'commons_administration',
      subjectId: input.id,
      summary: { changed, territory: input.territory },
    });
    return { ok: true, version: updated.version };
  });
}

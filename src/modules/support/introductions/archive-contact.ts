import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { isUniqueViolation } from './save-contact.js';

export type ArchiveResult = { ok: true } | { ok: false; problem: 'not_found' | 'email_taken' };

/**
 * Archives a contact (it leaves the directory's list and the suggestions; introductions made keep it), or
 * restores one unless another active contact took its address meanwhile. Archiving twice changes nothing.
 */
export async function setContactArchived(
  services: Services,
  actor: Actor,
  input: { id: string; archived: boolean },
): Promise<ArchiveResult> {
  const now = services.clock.now();
  try {
    return await auditedTransaction(services.db, actor, now, async (trx, audit) => {
      const row = await trx
        .updateTable('support_contacts')
        .set((eb) => ({ archived_at: input.archived ? now : null, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', input.id)
        .where('archived_at', input.archived ? 'is' : 'is not', null)
        .returning('id')
        .executeTakeFirst();
      if (!row) {
        const exists = await trx
          .selectFrom('support_contacts')
          .select('id')
          .where('id', '=', input.id)
          .executeTakeFirst();
        return exists ? { ok: true } : { ok: false, problem: 'not_found' };
      }
      await audit({
        action: input.archived ? 'support.contact-archived' : 'support.contact-restored',
        subjectType: 'support_contact',
        subjectId: input.id,
      });
      return { ok: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'email_taken' };
    throw error;
  }
}

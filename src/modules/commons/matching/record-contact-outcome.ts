import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import type { ContactOutcome } from '../tables.js';
import './tables.js';

/**
 * The sender says what came of a contact (met, experiment, use case, nothing), with a note. Recording it also
 * marks the contact followed up, so the platform does not ask again; a later answer replaces the earlier one
 * (the audit keeps both).
 */
export async function recordContactOutcome(
  services: Services,
  actor: Actor,
  input: { contactId: string; senderId: string; outcome: ContactOutcome; note: string },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const updated = await trx
      .updateTable('commons_contacts')
      .set((eb) => ({
        outcome: input.outcome,
        outcome_note: input.note || null,
        outcome_at: now,
        followed_up_at: eb.fn.coalesce('followed_up_at', eb.val(now)),
      }))
      .where('id', '=', input.contactId)
      .where('sender_id', '=', input.senderId)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await audit({
      action: 'commons.contact-outcome-recorded',
      subjectType: 'commons_contact',
      subjectId: input.contactId,
      summary: { outcome: input.outcome, note: input.note.length > 0 },
    });
    return true;
  });
}

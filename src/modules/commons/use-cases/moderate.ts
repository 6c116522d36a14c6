import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

export type ModeratedType = 'use-case' | 'need';

export type ModerationResult = { ok: true; changed: boolean } | { ok: false; problem: 'not_found' };

/**
 * Staff hide a use case or a need/offer (it leaves lists, pages and feeds; staff still see it with a notice),
 * or restore it, each time with a reason kept in the audit log (the hiding reason also on the record, shown
 * to staff). Hiding what is hidden, or restoring what is shown, changes nothing and records nothing.
 */
export async function setPublicationHidden(
  services: Services,
  actor: Actor,
  target: { type: ModeratedType; id: string },
  hidden: boolean,
  reason: string,
): Promise<ModerationResult> {
  const now = services.clock.now();
  const table = target.type === 'use-case' ? 'commons_use_cases' : 'commons_needs';
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .selectFrom(table)
      .select(['hidden'])
      .where('id', '=', target.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, problem: 'not_found' } as const;
    if (row.hidden === hidden) return { ok: true, changed: false } as const;
    // Moderation does not bump the version: an author's open form stays valid.
    await trx
      .updateTable(table)
      .set({ hidden, hidden_reason: hidden ? reason : null })
      .where('id', '=', target.id)
      .execute();
    await audit({
      action: `commons.${target.type}-${hidden ? 'hidden' : 'unhidden'}`,
      subjectType: target.type === 'use-case' ? 'commons_use_case' : 'commons_need',
      subjectId: target.id,
      summary: { reason },
    });
    return { ok: true, changed: true } as const;
  });
}

import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { administrationById } from './queries.js';
import { checkSiret, registerColumns } from './register-check.js';

/**
 * Staff hide an administration (a fake, an abuse, a request of its own) with the reason, or show it again.
 * A hidden administration is not listed and its page answers 404 to the public; its members and staff still
 * see it, marked hidden. Nobody joins it through ProConnect or an invitation meanwhile.
 */
export async function setAdministrationHidden(
  services: Services,
  actor: Actor,
  input: { id: string; hidden: boolean; reason: string | null },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const updated = await trx
      .updateTable('commons_administrations')
      .set((eb) => ({
        hidden: input.hidden,
        hidden_reason: input.hidden ? input.reason : null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id)
      .where('hidden', '=', !input.hidden)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await audit({
      action: input.hidden ? 'commons.administration-hidden' : 'commons.administration-shown',
      subjectType: 'commons_administration',
      subjectId: input.id,
      summary: input.hidden ? { reason: input.reason } : {},
    });
    return true;
  });
}

/**
 * Asks the company register again about an administration's SIRET (staff, e.g. after the register was
 * unavailable at creation): a verified answer updates the name, legal category and active flag; a failure
 * keeps the last answer.
 */
export async function recheckAdministration(
  services: Services,
  actor: Actor,
  id: string,
): Promise<'verified' | 'not_found' | 'unverified' | 'missing'> {
  const administration = await administrationById(services.db, id);
  if (!administration) return 'missing';
  const result = await checkSiret(services, administration.siret);
  const now = services.clock.now();
  if (result.outcome === 'invalid') return 'unverified';
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const columns = registerColumns(result);
    if (Object.keys(columns).length === 0) return;
    await trx
      .updateTable('commons_administrations')
      .set((eb) => ({
        ...columns,
        ...(result.outcome === 'verified' && result.name ? { name: result.name.slice(0, 200) } : {}),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'commons.administration-rechecked',
      subjectType: 'commons_administration',
      subjectId: id,
      summary: { register: result.outcome, active: result.active, legalCategory: result.legalCategory },
    });
  });
  return result.outcome;
}

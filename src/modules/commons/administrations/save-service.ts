import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

export interface SaveServiceInput {
  administrationId: string;
  /** null: a new service. */
  serviceId: string | null;
  name: string;
  /** A valid SIRET the register knows or could not check (checkSiret), or null. */
  siret: string | null;
}

export type SaveServiceResult =
  | { ok: true; serviceId: string }
  | { ok: false; problem: 'not_found' | 'siret_taken' | 'name_taken' };

/**
 * Adds a service (a directorate, an office, a local unit) to an administration, or renames one and changes its
 * SIRET. A service's SIRET is its own establishment's: agents whose ProConnect SIRET it is join the
 * administration in this service. It may be no other administration's or service's SIRET.
 */
export async function saveService(
  services: Services,
  actor: Actor,
  input: SaveServiceInput,
): Promise<SaveServiceResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveServiceResult> => {
    if (input.siret) {
      const administration = await trx
        .selectFrom('commons_administrations')
        .select('id')
        .where('siret', '=', input.siret)
        .executeTakeFirst();
      const service = await trx
        .selectFrom('commons_services')
        .select('id')
        .where('siret', '=', input.siret)
        .$if(input.serviceId !== null, (q) => q.where('id', '<>', input.serviceId as string))
        .executeTakeFirst();
      if (administration || service) return { ok: false, problem: 'siret_taken' };
    }
    const sameName = await trx
      .selectFrom('commons_services')
      .select('id')
      .where('administration_id', '=', input.administrationId)
      .where('name', '=', input.name)
      .$if(input.serviceId !== null, (q) => q.where('id', '<>', input.serviceId as string))
      .executeTakeFirst();
    if (sameName) return { ok: false, problem: 'name_taken' };
    let serviceId: string;
    if (input.serviceId) {
      const updated = await trx
        .updateTable('commons_services')
        .set({ name: input.name, siret: input.siret })
        .where('id', '=', input.serviceId)
        .where('administration_id', '=', input.administrationId)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return { ok: false, problem: 'not_found' };
      serviceId = updated.id;
    } else {
      const inserted = await trx
        .insertInto('commons_services')
        .values({ administration_id: input.administrationId, name: input.name, siret: input.siret, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return { ok: false, problem: 'siret_taken' };
      serviceId = inserted.id;
    }
    await audit({
      action: input.serviceId ? 'commons.service-updated' : 'commons.service-added',
      subjectType: 'commons_administration',
      subjectId: input.administrationId,
      summary: { serviceId, name: input.name, siret: input.siret },
    });
    return { ok: true, serviceId };
  });
}

/**
 * Removes a service: its members stay members of the administration (without a service), its use cases stay
 * the administration's.
 */
export async function removeService(
  services: Services,
  actor: Actor,
  input: { administrationId: string; serviceId: string },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const removed = await trx
      .deleteFrom('commons_services')
      .where('id', '=', input.serviceId)
      .where('administration_id', '=', input.administrationId)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!removed) return false;
    await audit({
      action: 'commons.service-removed',
      subjectType: 'commons_administration',
      subjectId: input.administrationId,
      summary: { serviceId: removed.id, name: removed.name },
    });
    return true;
  });
}

import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { syncPartnerRole } from '../membership.js';
import { insertMember } from './member-rows.js';
import type { SiretCheck } from './register-check.js';
import { uniqueSlug } from './slugs.js';

export interface CreateAdministrationInput {
  /** The SIRET checked (checkSiret, outside the transaction): valid, and known to the register or not verified. */
  siret: SiretCheck & { siret: string };
  /** The name typed: used only when the register did not give one. */
  name: string;
  territory: string;
  description: string;
  website: string | null;
  /** The agent who creates it becomes its first member (an agent of its SIRET); staff create without joining. */
  firstMember: string | null;
}

export type CreateAdministrationResult =
  | { ok: true; id: string; slug: string }
  | { ok: false; problem: 'exists' | 'service_of'; slug: string };

/**
 * Creates an administration from its SIRET: the register's name when it answered (else the name typed), its
 * legal category, whether it is active, and the register's answer kept as it was. The creator, when an agent
 * of that SIRET, becomes its first member (joined through ProConnect, which proved the SIRET). A SIRET
 * already there (a double click, a colleague faster) creates nothing and names the existing one.
 */
export async function createAdministration(
  services: Services,
  actor: Actor,
  input: CreateAdministrationInput,
): Promise<CreateAdministrationResult> {
  const now = services.clock.now();
  const check = input.siret;
  const name = (check.outcome === 'verified' && check.name ? check.name : input.name).slice(0, 200);
  const result = await auditedTransaction(
    services.db,
    actor,
    now,
    async (trx, audit): Promise<CreateAdministrationResult> => {
      const existing = await trx
        .selectFrom('commons_administrations')
        .select('slug')
        .where('siret', '=', check.siret)
        .executeTakeFirst();
      if (existing) return { ok: false, problem: 'exists', slug: existing.slug };
      // The SIRET of a service of another administration: its agents join that one.
      const service = await trx
        .selectFrom('commons_services as s')
        .innerJoin('commons_administrations as a', 'a.id', 's.administration_id')
        .select('a.slug')
        .where('s.siret', '=', check.siret)
        .executeTakeFirst();
      if (service) return { ok: false, problem: 'service_of', slug: service.slug };
      const values = {
        name,
        siret: check.siret,
        legal_category: check.legalCategory,
        register_check: check.check ? JSON.stringify(check.check) : null,
        active: check.active,
        website: input.website,
        territory: input.territory,
        description: input.description,
        hidden: false,
        hidden_reason: null,
        merged_into: null,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
      };
      const insert = (slug: string) =>
        trx
          .insertInto('commons_administrations')
          .values({ ...values, slug })
          .onConflict((oc) => oc.doNothing())
          .returning(['id', 'slug'])
          .executeTakeFirst();
      // A conflict is the SIRET (someone was faster) or, rarely, the slug another creation took meanwhile.
      let row = await insert(await uniqueSlug(trx, name));
      if (!row) {
        const raced = await trx
          .selectFrom('commons_administrations')
          .select('slug')
          .where('siret', '=', check.siret)
          .executeTakeFirst();
        if (raced) return { ok: false, problem: 'exists', slug: raced.slug };
        row = await insert(`${await uniqueSlug(trx, name)}-${check.siret.slice(-5)}`);
        if (!row) throw new Error('no free slug for the administration');
      }
      const slug = row.slug;
      if (input.firstMember)
        await insertMember(trx, {
          administrationId: row.id,
          userId: input.firstMember,
          serviceId: null,
          joinedVia: 'proconnect',
          invitedBy: null,
          now,
        });
      await audit({
        action: 'commons.administration-created',
        subjectType: 'commons_administration',
        subjectId: row.id,
        summary: {
          siret: check.siret,
          register: check.outcome,
          active: check.active,
          firstMember: input.firstMember !== null,
        },
      });
      return { ok: true, id: row.id, slug };
    },
  );
  if (result.ok && input.firstMember) await syncPartnerRole(services, actor, input.firstMember);
  return result;
}

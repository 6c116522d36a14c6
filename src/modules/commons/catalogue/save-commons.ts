import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { syncPartnerRole } from '../membership.js';
import type { CommonsInput } from './commons-input.js';
import { freeSlug } from './queries.js';

/** Postgres' unique violation (two commons given the same slug at once). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/** The columns a commons' form writes. */
export function commonsColumns(input: CommonsInput) {
  return {
    name: input.name,
    summary: input.summary,
    description: input.description,
    website: input.website,
    repository: input.repository,
    licence: input.licence,
    kind: input.kind,
    maturity: input.maturity,
    governance_name: input.governanceName,
    governance_siret: input.governanceSiret,
    governance_rna: input.governanceRna,
    categories: input.categories,
    keywords: input.keywords,
    levers: input.levers,
    wikidata_id: input.wikidataId,
  };
}

/** What the audit keeps of a commons: public facts only (no person is named in a commons). */
function auditSummary(input: CommonsInput) {
  return { name: input.name, kind: input.kind, maturity: input.maturity, licence: input.licence, levers: input.levers };
}

/**
 * A signed-in person proposes a commons: it is created visible, with a slug made from its name (suffixed when
 * taken), and the person becomes its maintainer; their partner role follows once it has committed.
 */
export async function proposeCommons(
  services: Services,
  actor: Actor,
  userId: string,
  input: CommonsInput,
): Promise<{ id: string; slug: string }> {
  const now = services.clock.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
        const slug = await freeSlug(trx, input.name);
        const row = await trx
          .insertInto('commons')
          .values({
            ...commonsColumns(input),
            slug,
            laureate_application_id: null,
            sill_id: null,
            hidden_reason: null,
            merged_into: null,
            created_at: now,
            created_by: userId,
            updated_at: now,
          })
          .returning(['id', 'slug'])
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('commons_maintainers')
          .values({ commons_id: row.id, user_id: userId, added_at: now, added_by: userId })
          .execute();
        await audit({
          action: 'commons.commons-proposed',
          subjectType: 'commons',
          subjectId: row.id,
          summary: { ...auditSummary(input), slug, maintainer: userId },
        });
        return row;
      });
      await syncPartnerRole(services, actor, userId);
      return created;
    } catch (error) {
      // Two commons of the same name proposed at once: the second takes the next free slug.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

export type UpdateResult = { ok: true } | { ok: false; problem: 'not_found' | 'stale' };

/** A maintainer (or staff) saves the commons at the version the form was read at; its slug never changes. */
export async function updateCommons(
  services: Services,
  actor: Actor,
  target: { id: string; version: number },
  input: CommonsInput,
): Promise<UpdateResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .updateTable('commons')
      .set((eb) => ({ ...commonsColumns(input), updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .where('version', '=', target.version)
      .where('merged_into', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const exists = await trx
        .selectFrom('commons')
        .select('id')
        .where('id', '=', target.id)
        .where('merged_into', 'is', null)
        .executeTakeFirst();
      return { ok: false, problem: exists ? 'stale' : 'not_found' } as const;
    }
    await audit({
      action: 'commons.commons-updated',
      subjectType: 'commons',
      subjectId: target.id,
      summary: { ...auditSummary(input), version: target.version + 1 },
    });
    return { ok: true } as const;
  });
}

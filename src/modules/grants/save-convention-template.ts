import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Locale } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import './tables.js';

/** Saves a season's convention template in both languages. */
export async function saveConventionTemplate(
  services: Services,
  actor: Actor,
  input: { seasonId: string; bodies: Record<Locale, string> },
): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    for (const locale of ['fr', 'en'] as const) {
      const values = { body: input.bodies[locale], updated_at: now, updated_by: actor.id };
      await trx
        .insertInto('grant_convention_templates')
        .values({ season_id: input.seasonId, locale, ...values })
        .onConflict((oc) => oc.columns(['season_id', 'locale']).doUpdateSet(values))
        .execute();
    }
    await audit({
      action: 'grants.convention-template-saved',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: { fr: input.bodies.fr.length, en: input.bodies.en.length },
    });
  });
}

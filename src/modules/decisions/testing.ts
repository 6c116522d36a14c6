import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { DeliberationStatus, Outcome } from './tables.js';

/**
 * Test support for the publication: a season's deliberation (closed, as H1's close leaves it, or still open)
 * with its decisions, written directly — the close and the decisions are tested where they are made.
 */

export interface DecisionForPublication {
  applicationId: string;
  outcome: Outcome;
  waitlistPosition?: number;
  confirmedAt?: Date | null;
  declinedAt?: Date | null;
  lapsedAt?: Date | null;
}

export async function insertClosedDeliberationForPublication(
  db: Kysely<DB>,
  input: {
    seasonId: string;
    now: Date;
    status?: DeliberationStatus;
    decisions: DecisionForPublication[];
  },
): Promise<{ deliberationId: string; publicRefs: Map<string, string> }> {
  const status = input.status ?? 'closed';
  const { id } = await db
    .insertInto('deliberations')
    .values({
      season_id: input.seasonId,
      status,
      jury_weight: 70,
      panel_weight: 30,
      panel_criteria_weights: '{}',
      created_at: input.now,
      updated_at: input.now,
      closed_at: status === 'closed' ? input.now : null,
      frozen: status === 'closed' ? '{}' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const publicRefs = new Map<string, string>();
  for (const d of input.decisions) {
    const row = await db
      .insertInto('decisions')
      .values({
        application_id: d.applicationId,
        deliberation_id: id,
        outcome: d.outcome,
        waitlist_position: d.outcome === 'waiting_list' ? (d.waitlistPosition ?? 1) : null,
        decided_at: input.now,
        confirmed_at: d.confirmedAt ?? null,
        declined_at: d.declinedAt ?? null,
        lapsed_at: d.lapsedAt ?? null,
      })
      .returning('public_ref')
      .executeTakeFirstOrThrow();
    publicRefs.set(d.applicationId, row.public_ref);
  }
  return { deliberationId: id, publicRefs };
}

/** Changes a decision as the confirmation and the waiting list would (a decline, a place offered). */
export async function updateDecisionForPublication(
  db: Kysely<DB>,
  applicationId: string,
  patch: Partial<Pick<DecisionForPublication, 'outcome' | 'confirmedAt' | 'declinedAt' | 'lapsedAt'>>,
): Promise<void> {
  await db
    .updateTable('decisions')
    .set({
      ...(patch.outcome ? { outcome: patch.outcome, waitlist_position: null } : {}),
      ...(patch.confirmedAt !== undefined ? { confirmed_at: patch.confirmedAt } : {}),
      ...(patch.declinedAt !== undefined ? { declined_at: patch.declinedAt } : {}),
      ...(patch.lapsedAt !== undefined ? { lapsed_at: patch.lapsedAt } : {}),
    })
    .where('application_id', '=', applicationId)
    .execute();
}

/** What the publication recorded on the deliberation and the decisions' public texts. */
export async function publicationRecordOf(db: Kysely<DB>, seasonId: string) {
  const deliberation = await db
    .selectFrom('deliberations')
    .select(['id', 'publish_at', 'published_at', 'published_by'])
    .where('season_id', '=', seasonId)
    .executeTakeFirstOrThrow();
  const decisions = await db
    .selectFrom('decisions')
    .select(['application_id', 'public_ref', 'public_summary', 'public_summary_en'])
    .where('deliberation_id', '=', deliberation.id)
    .execute();
  return { deliberation, decisions };
}

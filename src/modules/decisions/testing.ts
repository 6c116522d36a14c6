import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Outcome } from './tables.js';
import './tables.js';

/**
 * Test support: a season's deliberation already closed, with its decisions, written straight into this module's
 * tables (the deliberation board and its close are tested on their own). Notices exist only for a closed
 * deliberation; the frozen JSON is the minimum the check constraint asks for.
 */
export interface DecisionSeed {
  applicationId: string;
  outcome: Outcome;
  waitlistPosition?: number;
  reasonCodes?: string[];
  reasonText?: string;
  amountCents?: number | null;
}

export async function seedClosedDeliberation(
  db: Kysely<DB>,
  options: {
    seasonId: string;
    now: Date;
    decisions: DecisionSeed[];
    confirmDays?: number;
    shareJuryComments?: boolean;
    status?: 'open' | 'closed';
  },
): Promise<{ deliberationId: string }> {
  const closed = (options.status ?? 'closed') === 'closed';
  const deliberation = await db
    .insertInto('deliberations')
    .values({
      season_id: options.seasonId,
      status: closed ? 'closed' : 'open',
      jury_weight: 70,
      panel_weight: 30,
      panel_criteria_weights: '{}',
      created_at: options.now,
      updated_at: options.now,
      closed_at: closed ? options.now : null,
      frozen: closed ? JSON.stringify({ format: 1, seasonId: options.seasonId, decisions: [] }) : null,
      confirm_days: options.confirmDays ?? 15,
      share_jury_comments: options.shareJuryComments ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const decision of options.decisions) {
    await db
      .insertInto('decisions')
      .values({
        application_id: decision.applicationId,
        deliberation_id: deliberation.id,
        outcome: decision.outcome,
        waitlist_position: decision.waitlistPosition ?? null,
        reason_codes: decision.reasonCodes ?? [],
        reason_text: decision.reasonText ?? '',
        amount_cents: decision.amountCents ?? null,
        decided_at: options.now,
      })
      .execute();
  }
  return { deliberationId: deliberation.id };
}

/** A decision's row as stored (to check what a use case wrote). */
export async function decisionRow(db: Kysely<DB>, applicationId: string) {
  return db.selectFrom('decisions').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
}

/** The season's notices as stored. */
export async function noticeRows(db: Kysely<DB>, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('decision_notices')
    .selectAll()
    .where('application_id', 'in', applicationIds)
    .orderBy('created_at')
    .execute();
}

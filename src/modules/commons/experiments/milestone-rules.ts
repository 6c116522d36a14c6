import type { Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { MilestoneState } from '../../support/index.js';
import { ENDED } from './experiment-input.js';

/**
 * How an experiment's milestone moves, in the support's milestone states (à venir, en cours, remis, validé,
 * à revoir). Parties start a milestone and mark it submitted (also again after a return); staff validate a
 * submitted milestone or return it with a comment. Once the experiment is finished or stopped, parties no
 * longer move, add, edit or remove milestones; staff may still review what was submitted.
 */
export type PartyMove = 'start' | 'submit';
export type Verdict = 'validate' | 'return';

export const PARTY_MOVES: Record<PartyMove, { from: readonly MilestoneState[]; to: MilestoneState }> = {
  start: { from: ['upcoming', 'returned'], to: 'in_progress' },
  submit: { from: ['upcoming', 'in_progress', 'returned'], to: 'submitted' },
};

/** The moves a party may make from a state. */
export function movesFrom(state: MilestoneState): PartyMove[] {
  return (Object.keys(PARTY_MOVES) as PartyMove[]).filter((move) => PARTY_MOVES[move].from.includes(state));
}

/** The experiment, locked, or undefined; `ended` when its milestones are frozen for parties. */
export async function lockExperiment(
  trx: Transaction<DB>,
  experimentId: string,
): Promise<{ id: string; ended: boolean } | undefined> {
  const row = await trx
    .selectFrom('commons_experiments')
    .select(['id', 'status'])
    .where('id', '=', experimentId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { id: row.id, ended: ENDED.includes(row.status) } : undefined;
}

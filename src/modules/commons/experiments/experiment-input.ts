import type { Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { ExperimentStatus, Visibility } from '../tables.js';

export const EXPERIMENT_STATUSES = ['planned', 'running', 'finished', 'stopped'] as const satisfies ExperimentStatus[];
export const VISIBILITIES = ['public', 'members'] as const satisfies Visibility[];
/** Statuses that end an experiment: they need an outcome, and the milestones no longer move. */
export const ENDED: readonly ExperimentStatus[] = ['finished', 'stopped'];

/** What a party or staff write about an experiment (its commons is chosen once, at creation). */
export interface ExperimentInput {
  title: string;
  goal: string;
  territory: string;
  startsOn: string | null;
  endsOn: string | null;
  status: ExperimentStatus;
  outcome: string;
  visibility: Visibility;
  administrationIds: string[];
}

export type ExperimentProblem =
  | 'not_found'
  | 'commons'
  | 'administrations'
  | 'not_member'
  | 'would_leave'
  | 'outcome'
  | 'dates'
  | 'stale';

/** The rules the form checks too, checked again here so that no caller writes an inconsistent experiment. */
export function inputProblem(input: ExperimentInput): ExperimentProblem | null {
  if (input.administrationIds.length === 0) return 'administrations';
  if (ENDED.includes(input.status) && input.outcome.trim() === '') return 'outcome';
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) return 'dates';
  return null;
}

/**
 * Whether every chosen administration may take part: it exists, is not merged, and is visible — or it was
 * part of the experiment already (`kept`: staff may have hidden it since).
 */
export async function administrationsExist(
  trx: Transaction<DB>,
  ids: readonly string[],
  kept: readonly string[] = [],
): Promise<boolean> {
  const rows = await trx
    .selectFrom('commons_administrations')
    .select(['id', 'hidden', 'merged_into'])
    .where('id', 'in', [...ids])
    .execute();
  if (rows.length !== new Set(ids).size) return false;
  return rows.every((r) => kept.includes(r.id) || (!r.hidden && r.merged_into === null));
}

/** The administrations, among these, the person is a member of. */
export async function memberOfAny(trx: Transaction<DB>, userId: string, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const row = await trx
    .selectFrom('commons_administration_members')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('administration_id', 'in', [...ids])
    .executeTakeFirst();
  return row !== undefined;
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { MilestoneState } from './tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A milestone as other modules see it (the grants module conditions a tranche on one being validated). */
export interface MilestoneRead {
  id: string;
  planId: string;
  title: string;
  dueOn: string;
  state: MilestoneState;
}

const columns = ['id', 'plan_id', 'title', 'due_on', 'state'] as const;

function toRead(r: {
  id: string;
  plan_id: string;
  title: string;
  due_on: string;
  state: MilestoneState;
}): MilestoneRead {
  // A day may come back as a Date at UTC midnight from the embedded engine: read it as YYYY-MM-DD either way.
  const due: unknown = r.due_on;
  const dueOn = due instanceof Date ? due.toISOString().slice(0, 10) : String(due).slice(0, 10);
  return { id: r.id, planId: r.plan_id, title: r.title, dueOn, state: r.state };
}

/** The milestones of a support plan, in the plan's order. */
export async function milestonesOfPlan(db: Db, planId: string): Promise<MilestoneRead[]> {
  const rows = await db
    .selectFrom('support_milestones')
    .select([...columns])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('due_on')
    .execute();
  return rows.map(toRead);
}

/** These milestones by id (unknown ids left out). */
export async function milestonesByIds(db: Db, ids: readonly string[]): Promise<Map<string, MilestoneRead>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('support_milestones')
    .select([...columns])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, toRead(r)]));
}

/** Whether staff validated this milestone (false for an unknown id). */
export async function isMilestoneValidated(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('support_milestones').select('state').where('id', '=', id).executeTakeFirst();
  return row?.state === 'validated';
}

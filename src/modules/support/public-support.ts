import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What the public may know of a laureate's support: the levers its plan works on and the introductions made. */
export interface PublicSupport {
  /** Lever codes of the plan's actions that are not dropped, each once, in the plan's order. */
  levers: string[];
  /** Introductions made (status introduced) to administration contacts; names never leave. */
  introductionsMade: number;
}

/** The public support of these laureates (by application id); a laureate without a plan is left out. */
export async function publicSupportOf(db: Db, applicationIds: readonly string[]): Promise<Map<string, PublicSupport>> {
  if (applicationIds.length === 0) return new Map();
  const plans = await db
    .selectFrom('support_plans')
    .select(['id', 'application_id'])
    .where('application_id', 'in', applicationIds)
    .execute();
  if (plans.length === 0) return new Map();
  const planIds = plans.map((p) => p.id);
  const [actions, introductions] = await Promise.all([
    db
      .selectFrom('support_lever_actions')
      .select(['plan_id', 'lever'])
      .where('plan_id', 'in', planIds)
      .where('status', '!=', 'dropped')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('support_introductions')
      .select(['plan_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('plan_id', 'in', planIds)
      .where('status', '=', 'introduced')
      .groupBy('plan_id')
      .execute(),
  ]);
  return new Map(
    plans.map((p) => [
      p.application_id,
      {
        levers: [...new Set(actions.filter((a) => a.plan_id === p.id).map((a) => a.lever))],
        introductionsMade: Number(introductions.find((i) => i.plan_id === p.id)?.n ?? 0),
      },
    ]),
  );
}

/** A lever's share of a season's support: laureates whose plan works on it, actions planned and done. */
export interface LeverFigure {
  lever: string;
  laureates: number;
  actions: number;
  done: number;
}

/** Support by lever for a season's plans (dropped actions left out), in no particular order. */
export async function supportByLever(db: Db, seasonId: string): Promise<LeverFigure[]> {
  const rows = await db
    .selectFrom('support_lever_actions as a')
    .innerJoin('support_plans as p', 'p.id', 'a.plan_id')
    .select(['a.lever', 'a.plan_id', 'a.status'])
    .where('p.season_id', '=', seasonId)
    .where('a.status', '!=', 'dropped')
    .execute();
  const byLever = new Map<string, { plans: Set<string>; actions: number; done: number }>();
  for (const row of rows) {
    const entry = byLever.get(row.lever) ?? { plans: new Set<string>(), actions: 0, done: 0 };
    entry.plans.add(row.plan_id);
    entry.actions += 1;
    if (row.status === 'done') entry.done += 1;
    byLever.set(row.lever, entry);
  }
  return [...byLever].map(([lever, e]) => ({ lever, laureates: e.plans.size, actions: e.actions, done: e.done }));
}

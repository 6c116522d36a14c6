import type { Kysely } from 'kysely';
import type { DB } from '../../../src/core/db/schema.js';
import type { MilestoneState } from '../../../src/modules/support/index.js';

/**
 * A support plan with milestones for a confirmed laureate, for tests of other modules (grants: a tranche
 * waiting for a milestone). Support's own use cases create plans in the app; this writes the rows directly.
 */
export async function insertPlanWithMilestones(
  db: Kysely<DB>,
  input: {
    applicationId: string;
    seasonId: string;
    trackCode: string;
    startsOn: string;
    endsOn: string;
    milestones: { title: string; dueOn: string; state?: MilestoneState }[];
  },
): Promise<{ planId: string; milestoneIds: string[] }> {
  const now = new Date();
  const plan = await db
    .insertInto('support_plans')
    .values({
      application_id: input.applicationId,
      season_id: input.seasonId,
      track_code: input.trackCode,
      status: 'active',
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      allocated_minutes: null,
      created_at: now,
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const milestoneIds: string[] = [];
  for (const [index, milestone] of input.milestones.entries()) {
    const row = await db
      .insertInto('support_milestones')
      .values({
        plan_id: plan.id,
        title: milestone.title,
        description: '',
        due_on: milestone.dueOn,
        weight: 1,
        state: milestone.state ?? 'upcoming',
        position: index + 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    milestoneIds.push(row.id);
  }
  return { planId: plan.id, milestoneIds };
}

/** Staff validated the milestone (support's review use case does this in the app). */
export async function setMilestoneState(db: Kysely<DB>, milestoneId: string, state: MilestoneState): Promise<void> {
  await db
    .updateTable('support_milestones')
    .set({ state, ...(state === 'validated' ? { validated_at: new Date() } : {}) })
    .where('id', '=', milestoneId)
    .execute();
}

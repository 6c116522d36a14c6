import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { laureateSpace } from '../laureate-space.js';
import '../tables.js';

/**
 * Test support: a laureate's support plan written straight into the table (the plan's use case belongs to the
 * plans part), with an hours allocation and, optionally, a staff member responsible for one lever's action.
 */
export async function insertPlanForTest(
  db: Kysely<DB>,
  options: {
    applicationId: string;
    now: Date;
    allocatedMinutes?: number | null;
    responsibleStaffId?: string;
    status?: 'draft' | 'active' | 'finished';
  },
): Promise<string> {
  const space = await laureateSpace(db, options.applicationId);
  if (!space) throw new Error(`no laureate space for ${options.applicationId}`);
  const plan = await db
    .insertInto('support_plans')
    .values({
      application_id: options.applicationId,
      season_id: space.application.seasonId,
      track_code: space.application.trackCode,
      status: options.status ?? 'active',
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
      allocated_minutes: options.allocatedMinutes === undefined ? 600 : options.allocatedMinutes,
      created_at: options.now,
      updated_at: options.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.responsibleStaffId)
    await db
      .insertInto('support_lever_actions')
      .values({
        plan_id: plan.id,
        lever: 'coaching',
        need: 'consolider',
        action: 'Séances de coaching',
        responsible_kind: 'staff',
        responsible_user_id: options.responsibleStaffId,
        responsible_name: 'Chargée d’accompagnement',
        position: 0,
        updated_at: options.now,
      })
      .execute();
  return plan.id;
}

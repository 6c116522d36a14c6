import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { type LaureateApplication, laureateApplications } from '../applications/index.js';
import { type ConfirmedLaureate, confirmedLaureates } from '../decisions/index.js';
import type { PlanStatus } from './tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The plan's row as every page of the space needs it (the plan's details are plans/queries.ts'). */
export interface PlanSummary {
  id: string;
  status: PlanStatus;
  startsOn: string;
  endsOn: string;
  allocatedMinutes: number | null;
  progressPublic: boolean;
  version: number;
}

/**
 * A confirmed laureate's space: its application (labels, organisation, owner), its decision and its support
 * plan once staff created one. Every support and grants page starts from this.
 */
export interface LaureateSpace {
  application: LaureateApplication;
  laureate: ConfirmedLaureate;
  plan: PlanSummary | null;
}

async function plansOf(db: Db, applicationIds: readonly string[]): Promise<Map<string, PlanSummary>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('support_plans')
    .select([
      'id',
      'application_id',
      'status',
      'starts_on',
      'ends_on',
      'allocated_minutes',
      'progress_public',
      'version',
    ])
    .where('application_id', 'in', applicationIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.application_id,
      {
        id: r.id,
        status: r.status,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        allocatedMinutes: r.allocated_minutes,
        progressPublic: r.progress_public,
        version: r.version,
      },
    ]),
  );
}

/**
 * The laureate spaces of a season (or of every season), for a staff member's tracks (undefined: every
 * track), in title order. Only confirmed laureates who still hold their place have a space.
 */
export async function laureateSpaces(
  db: Db,
  filter: { seasonId?: string; tracks?: readonly string[]; applicationIds?: readonly string[] },
): Promise<LaureateSpace[]> {
  const laureates = await confirmedLaureates(db, { seasonId: filter.seasonId, applicationIds: filter.applicationIds });
  const ids = laureates.map((l) => l.applicationId);
  const [applications, plans] = await Promise.all([laureateApplications(db, ids), plansOf(db, ids)]);
  const spaces: LaureateSpace[] = [];
  for (const laureate of laureates) {
    const application = applications.get(laureate.applicationId);
    if (!application) continue;
    if (filter.tracks && !filter.tracks.includes(application.trackCode)) continue;
    spaces.push({ application, laureate, plan: plans.get(laureate.applicationId) ?? null });
  }
  return spaces.sort(
    (a, b) =>
      a.application.title.localeCompare(b.application.title, 'fr') || a.application.id.localeCompare(b.application.id),
  );
}

/** One laureate's space by its application's id, or null when that application has none. */
export async function laureateSpace(db: Db, applicationId: string): Promise<LaureateSpace | null> {
  const [space] = await laureateSpaces(db, { applicationIds: [applicationId] });
  return space ?? null;
}

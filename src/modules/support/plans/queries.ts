import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { isUuid } from '../../../core/ids.js';
import type { ActionStatus, MilestoneState, Need, PlanStatus, ResponsibleKind } from '../tables.js';
import '../tables.js';
import { dayOf, type Progress, progressOf } from './progress.js';
import { type TemplateContent, templateContent } from './templates.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface PlanNeed {
  need: Need;
  goals: string;
}

export interface LeverAction {
  id: string;
  lever: string;
  need: Need | null;
  action: string;
  responsibleKind: ResponsibleKind;
  responsibleName: string;
  responsibleUserId: string | null;
  status: ActionStatus;
}

/** A plan with its needs and lever actions, as the overview pages show it. */
export interface PlanDetails {
  id: string;
  applicationId: string;
  seasonId: string;
  trackCode: string;
  status: PlanStatus;
  startsOn: string;
  endsOn: string;
  allocatedMinutes: number | null;
  progressPublic: boolean;
  version: number;
  needs: PlanNeed[];
  actions: LeverAction[];
}

export interface Milestone {
  id: string;
  planId: string;
  title: string;
  description: string;
  dueOn: string;
  weight: number;
  state: MilestoneState;
  reviewComment: string;
  reviewedAt: Date | null;
  submittedAt: Date | null;
  validatedAt: Date | null;
  version: number;
}

export interface Deliverable {
  id: string;
  milestoneId: string;
  round: number;
  kind: 'file' | 'link';
  fileId: string | null;
  fileName: string | null;
  fileSize: number | null;
  url: string | null;
  note: string;
  submittedAt: Date;
}

export async function planOfApplication(db: Db, applicationId: string): Promise<PlanDetails | null> {
  const plan = await db
    .selectFrom('support_plans')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!plan) return null;
  const [needs, actions] = await Promise.all([
    db
      .selectFrom('support_plan_needs')
      .select(['need', 'goals'])
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('support_lever_actions')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  return {
    id: plan.id,
    applicationId: plan.application_id,
    seasonId: plan.season_id,
    trackCode: plan.track_code,
    status: plan.status,
    startsOn: dayOf(plan.starts_on),
    endsOn: dayOf(plan.ends_on),
    allocatedMinutes: plan.allocated_minutes,
    progressPublic: plan.progress_public,
    version: plan.version,
    needs: needs.map((n) => ({ need: n.need, goals: n.goals })),
    actions: actions.map((a) => ({
      id: a.id,
      lever: a.lever,
      need: a.need,
      action: a.action,
      responsibleKind: a.responsible_kind,
      responsibleName: a.responsible_name,
      responsibleUserId: a.responsible_user_id,
      status: a.status,
    })),
  };
}

const MILESTONE_COLUMNS = [
  'id',
  'plan_id',
  'title',
  'description',
  'due_on',
  'weight',
  'state',
  'review_comment',
  'reviewed_at',
  'submitted_at',
  'validated_at',
  'version',
] as const;

type MilestoneRow = {
  id: string;
  plan_id: string;
  title: string;
  description: string;
  due_on: string;
  weight: number;
  state: MilestoneState;
  review_comment: string;
  reviewed_at: Date | null;
  submitted_at: Date | null;
  validated_at: Date | null;
  version: number;
};

const date = (value: Date | string | null): Date | null => (value ? new Date(value) : null);

function toMilestone(r: MilestoneRow): Milestone {
  return {
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    description: r.description,
    dueOn: dayOf(r.due_on),
    weight: Number(r.weight),
    state: r.state,
    reviewComment: r.review_comment,
    reviewedAt: date(r.reviewed_at),
    submittedAt: date(r.submitted_at),
    validatedAt: date(r.validated_at),
    version: Number(r.version),
  };
}

/** A plan's milestones, by due date. */
export async function milestonesOfPlan(db: Db, planId: string): Promise<Milestone[]> {
  const rows = await db
    .selectFrom('support_milestones')
    .select(MILESTONE_COLUMNS)
    .where('plan_id', '=', planId)
    .orderBy('due_on')
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toMilestone);
}

/** These milestones by id (unknown ids left out): a grant's tranches name the milestones they wait for. */
export async function milestonesByIds(db: Db, ids: readonly string[]): Promise<Map<string, Milestone>> {
  const known = ids.filter(isUuid);
  if (known.length === 0) return new Map();
  const rows = await db.selectFrom('support_milestones').select(MILESTONE_COLUMNS).where('id', 'in', known).execute();
  return new Map(rows.map((r) => [r.id, toMilestone(r)]));
}

/** The milestone if it belongs to this laureate's plan (by application id), else null. */
export async function milestoneOfApplication(
  db: Db,
  applicationId: string,
  milestoneId: string,
): Promise<Milestone | null> {
  if (!isUuid(milestoneId)) return null;
  const row = await db
    .selectFrom('support_milestones as m')
    .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
    .select(MILESTONE_COLUMNS.map((c) => `m.${c}` as const))
    .where('m.id', '=', milestoneId)
    .where('p.application_id', '=', applicationId)
    .executeTakeFirst();
  return row ? toMilestone(row as MilestoneRow) : null;
}

/** Whether staff validated this milestone (a grant's tranche may wait for it). */
export async function isMilestoneValidated(db: Db, milestoneId: string): Promise<boolean> {
  if (!isUuid(milestoneId)) return false;
  const row = await db
    .selectFrom('support_milestones')
    .select('state')
    .where('id', '=', milestoneId)
    .executeTakeFirst();
  return row?.state === 'validated';
}

/** Every deliverable of a plan's milestones, latest round first, by milestone. */
export async function deliverablesOfPlan(db: Db, planId: string): Promise<Map<string, Deliverable[]>> {
  const rows = await db
    .selectFrom('support_deliverables as d')
    .innerJoin('support_milestones as m', 'm.id', 'd.milestone_id')
    .leftJoin('files as f', 'f.id', 'd.file_id')
    .select([
      'd.id',
      'd.milestone_id',
      'd.round',
      'd.kind',
      'd.file_id',
      'd.url',
      'd.note',
      'd.submitted_at',
      'f.original_name',
      'f.size',
    ])
    .where('m.plan_id', '=', planId)
    .orderBy('d.round', 'desc')
    .execute();
  const found = new Map<string, Deliverable[]>();
  for (const r of rows) {
    const list = found.get(r.milestone_id) ?? [];
    list.push({
      id: r.id,
      milestoneId: r.milestone_id,
      round: Number(r.round),
      kind: r.kind,
      fileId: r.file_id,
      fileName: r.original_name ?? null,
      fileSize: r.size === null || r.size === undefined ? null : Number(r.size),
      url: r.url,
      note: r.note,
      submittedAt: new Date(r.submitted_at),
    });
    found.set(r.milestone_id, list);
  }
  return found;
}

/** The deliverable's file if it belongs to a milestone of this laureate's plan. */
export async function deliverableFileOfApplication(
  db: Db,
  applicationId: string,
  deliverableId: string,
): Promise<string | null> {
  if (!isUuid(deliverableId)) return null;
  const row = await db
    .selectFrom('support_deliverables as d')
    .innerJoin('support_milestones as m', 'm.id', 'd.milestone_id')
    .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
    .select('d.file_id')
    .where('d.id', '=', deliverableId)
    .where('p.application_id', '=', applicationId)
    .where('d.kind', '=', 'file')
    .executeTakeFirst();
  return row?.file_id ?? null;
}

export interface PlanProgress extends Progress {
  /** Milestones past their due date and not validated. */
  late: number;
  /** Milestones handed in, waiting for staff. */
  toReview: number;
}

/** Progress of the plans of these laureates (by application id); a laureate without a plan is left out. */
export async function planProgress(
  db: Db,
  applicationIds: readonly string[],
  today: string,
): Promise<Map<string, PlanProgress>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('support_plans as p')
    .leftJoin('support_milestones as m', 'm.plan_id', 'p.id')
    .select(['p.application_id', 'm.weight', 'm.state', 'm.due_on'])
    .where('p.application_id', 'in', applicationIds)
    .execute();
  const grouped = new Map<string, { weight: number; state: MilestoneState; dueOn: string }[]>();
  for (const r of rows) {
    const list = grouped.get(r.application_id) ?? [];
    if (r.state && r.due_on) list.push({ weight: Number(r.weight), state: r.state, dueOn: dayOf(r.due_on) });
    grouped.set(r.application_id, list);
  }
  return new Map(
    [...grouped].map(([id, list]) => [
      id,
      {
        ...progressOf(list),
        late: list.filter((m) => m.dueOn < today && m.state !== 'validated').length,
        toReview: list.filter((m) => m.state === 'submitted').length,
      },
    ]),
  );
}

export interface PlanTemplate {
  id: string;
  seasonId: string;
  name: string;
  content: TemplateContent;
  updatedAt: Date;
}

export async function templatesOfSeason(db: Db, seasonId: string): Promise<PlanTemplate[]> {
  const rows = await db
    .selectFrom('support_plan_templates')
    .select(['id', 'season_id', 'name', 'content', 'updated_at'])
    .where('season_id', '=', seasonId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seasonId: r.season_id,
    name: r.name,
    content: templateContent(r.content),
    updatedAt: new Date(r.updated_at),
  }));
}

export async function templateOfSeason(db: Db, seasonId: string, id: string): Promise<PlanTemplate | null> {
  if (!isUuid(id)) return null;
  return (await templatesOfSeason(db, seasonId)).find((t) => t.id === id) ?? null;
}

/**
 * How many submitted milestones wait for staff to validate or return them, in the tracks a staff member covers
 * (undefined: every track): the support tile's count on the dashboard, one count over the milestones.
 */
export async function countMilestonesToReview(db: Db, tracks: readonly string[] | undefined): Promise<number> {
  if (tracks !== undefined && tracks.length === 0) return 0;
  let query = db
    .selectFrom('support_milestones as m')
    .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('m.state', '=', 'submitted');
  if (tracks !== undefined) query = query.where('p.track_code', 'in', [...tracks]);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { type MilestoneState, progressOf } from '../../support/index.js';
import type { ExperimentStatus, Visibility } from '../tables.js';
import '../tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * A `date` column as YYYY-MM-DD: the embedded engine may hand back a Date at UTC midnight, a server the
 * text; read either.
 */
export function dayOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

export interface NamedLink {
  id: string;
  name: string;
  slug: string;
}

export interface ExperimentSummary {
  id: string;
  title: string;
  status: ExperimentStatus;
  visibility: Visibility;
  territory: string;
  startsOn: string | null;
  endsOn: string | null;
  commons: NamedLink & { hidden: boolean };
  administrations: NamedLink[];
  /** Whole percent of validated milestones (support's progressOf, each milestone weighing the same). */
  percent: number;
  milestones: number;
  toReview: number;
}

export interface ExperimentMilestone {
  id: string;
  title: string;
  description: string;
  dueOn: string | null;
  state: MilestoneState;
  comment: string | null;
  position: number;
  updatedAt: Date;
}

export interface ExperimentPerson {
  id: string;
  userId: string | null;
  name: string;
  role: string;
}

export interface ExperimentDocument {
  id: string;
  fileId: string;
  title: string;
  fileName: string;
  size: number;
  addedAt: Date;
}

export interface ExperimentDetail extends ExperimentSummary {
  goal: string;
  outcome: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  milestoneList: ExperimentMilestone[];
  people: ExperimentPerson[];
  documents: ExperimentDocument[];
}

/** The progress of milestones, each weighing the same (the support's rule: only validated ones count). */
export function milestoneProgress(states: readonly MilestoneState[]) {
  return progressOf(states.map((state) => ({ weight: 1, state })));
}

/**
 * Experiments, newest first: `membersToo` includes those reserved to members; `commonsVisible` leaves out
 * those of a commons staff hid (what the public sees). `toReview` keeps those with a submitted milestone.
 */
export async function listExperiments(
  db: Db,
  options: { membersToo: boolean; hiddenCommonsToo: boolean; status?: ExperimentStatus; toReview?: boolean },
): Promise<ExperimentSummary[]> {
  let query = db
    .selectFrom('commons_experiments as e')
    .innerJoin('commons as c', 'c.id', 'e.commons_id')
    .select([
      'e.id',
      'e.title',
      'e.status',
      'e.visibility',
      'e.territory',
      'e.starts_on',
      'e.ends_on',
      'c.id as commons_id',
      'c.name as commons_name',
      'c.slug as commons_slug',
      'c.hidden as commons_hidden',
    ])
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id');
  if (!options.membersToo) query = query.where('e.visibility', '=', 'public');
  if (!options.hiddenCommonsToo) query = query.where('c.hidden', '=', false);
  if (options.status) query = query.where('e.status', '=', options.status);
  if (options.toReview)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('commons_experiment_milestones as m')
          .select('m.id')
          .whereRef('m.experiment_id', '=', 'e.id')
          .where('m.state', '=', 'submitted'),
      ),
    );
  const rows = await query.execute();
  return summaries(db, rows);
}

type SummaryRow = {
  id: string;
  title: string;
  status: ExperimentStatus;
  visibility: Visibility;
  territory: string;
  starts_on: string | null;
  ends_on: string | null;
  commons_id: string;
  commons_name: string;
  commons_slug: string;
  commons_hidden: boolean;
};

async function summaries(db: Db, rows: SummaryRow[]): Promise<ExperimentSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [administrations, milestones] = await Promise.all([
    administrationsOf(db, ids),
    db
      .selectFrom('commons_experiment_milestones')
      .select(['experiment_id', 'state'])
      .where('experiment_id', 'in', ids)
      .execute(),
  ]);
  const states = new Map<string, MilestoneState[]>();
  for (const m of milestones) states.set(m.experiment_id, [...(states.get(m.experiment_id) ?? []), m.state]);
  return rows.map((r) => {
    const list = states.get(r.id) ?? [];
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      visibility: r.visibility,
      territory: r.territory,
      startsOn: dayOf(r.starts_on),
      endsOn: dayOf(r.ends_on),
      commons: { id: r.commons_id, name: r.commons_name, slug: r.commons_slug, hidden: r.commons_hidden },
      administrations: administrations.get(r.id) ?? [],
      percent: milestoneProgress(list).percent,
      milestones: list.length,
      toReview: list.filter((s) => s === 'submitted').length,
    };
  });
}

async function administrationsOf(db: Db, experimentIds: string[]): Promise<Map<string, NamedLink[]>> {
  const rows = await db
    .selectFrom('commons_experiment_administrations as x')
    .innerJoin('commons_administrations as a', 'a.id', 'x.administration_id')
    .select(['x.experiment_id', 'a.id', 'a.name', 'a.slug'])
    .where('x.experiment_id', 'in', experimentIds)
    .orderBy('a.name')
    .execute();
  const found = new Map<string, NamedLink[]>();
  for (const r of rows)
    found.set(r.experiment_id, [...(found.get(r.experiment_id) ?? []), { id: r.id, name: r.name, slug: r.slug }]);
  return found;
}

/** One experiment with everything its page shows, or undefined. */
export async function experimentDetail(db: Db, id: string): Promise<ExperimentDetail | undefined> {
  const row = await db
    .selectFrom('commons_experiments as e')
    .innerJoin('commons as c', 'c.id', 'e.commons_id')
    .select([
      'e.id',
      'e.title',
      'e.status',
      'e.visibility',
      'e.territory',
      'e.starts_on',
      'e.ends_on',
      'e.goal',
      'e.outcome',
      'e.version',
      'e.created_at',
      'e.updated_at',
      'c.id as commons_id',
      'c.name as commons_name',
      'c.slug as commons_slug',
      'c.hidden as commons_hidden',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [[summary], milestones, people, documents] = await Promise.all([
    summaries(db, [row]),
    db
      .selectFrom('commons_experiment_milestones')
      .selectAll()
      .where('experiment_id', '=', id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('commons_experiment_people')
      .selectAll()
      .where('experiment_id', '=', id)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('commons_experiment_documents as d')
      .innerJoin('files as f', 'f.id', 'd.file_id')
      .select(['d.id', 'd.file_id', 'd.title', 'd.added_at', 'f.original_name', 'f.size'])
      .where('d.experiment_id', '=', id)
      .orderBy('d.added_at', 'desc')
      .orderBy('d.id')
      .execute(),
  ]);
  return {
    ...summary!,
    goal: row.goal,
    outcome: row.outcome,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    milestoneList: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      dueOn: dayOf(m.due_on),
      state: m.state,
      comment: m.comment,
      position: m.position,
      updatedAt: m.updated_at,
    })),
    people: people.map((p) => ({ id: p.id, userId: p.user_id, name: p.name, role: p.role })),
    documents: documents.map((d) => ({
      id: d.id,
      fileId: d.file_id,
      title: d.title,
      fileName: d.original_name,
      size: Number(d.size),
      addedAt: d.added_at,
    })),
  };
}

/** The accounts who are parties to an experiment: members of its administrations and maintainers of its commons. */
export async function partyIdsOf(db: Db, experimentId: string): Promise<string[]> {
  const [members, maintainers] = await Promise.all([
    db
      .selectFrom('commons_administration_members as m')
      .innerJoin('commons_experiment_administrations as x', 'x.administration_id', 'm.administration_id')
      .select('m.user_id')
      .where('x.experiment_id', '=', experimentId)
      .execute(),
    db
      .selectFrom('commons_maintainers as m')
      .innerJoin('commons_experiments as e', 'e.commons_id', 'm.commons_id')
      .select('m.user_id')
      .where('e.id', '=', experimentId)
      .execute(),
  ]);
  return [...new Set([...members, ...maintainers].map((r) => r.user_id))];
}

/** Whether a person is a party to the experiment. */
export async function isParty(db: Db, experimentId: string, userId: string): Promise<boolean> {
  const member = await db
    .selectFrom('commons_administration_members as m')
    .innerJoin('commons_experiment_administrations as x', 'x.administration_id', 'm.administration_id')
    .select('m.user_id')
    .where('x.experiment_id', '=', experimentId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  if (member) return true;
  const maintainer = await db
    .selectFrom('commons_maintainers as m')
    .innerJoin('commons_experiments as e', 'e.commons_id', 'm.commons_id')
    .select('m.user_id')
    .where('e.id', '=', experimentId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return maintainer !== undefined;
}

export interface ChoiceOption {
  id: string;
  name: string;
}

/** The commons an experiment may be about: visible ones, not merged into another. */
export async function commonsChoices(db: Db): Promise<ChoiceOption[]> {
  return db
    .selectFrom('commons')
    .select(['id', 'name'])
    .where('hidden', '=', false)
    .where('merged_into', 'is', null)
    .orderBy('name')
    .execute();
}

/** The administrations an experiment may involve: visible ones, not merged into another. */
export async function administrationChoices(db: Db): Promise<ChoiceOption[]> {
  return db
    .selectFrom('commons_administrations')
    .select(['id', 'name'])
    .where('hidden', '=', false)
    .where('merged_into', 'is', null)
    .orderBy('name')
    .execute();
}

/** How many submitted milestones wait for staff, across every experiment (the dashboard tile). */
export async function milestonesToReview(db: Db): Promise<number> {
  const row = await db
    .selectFrom('commons_experiment_milestones')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('state', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The stored file of an experiment's document, or undefined. */
export async function documentFileOf(db: Db, experimentId: string, documentId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('commons_experiment_documents')
    .select('file_id')
    .where('id', '=', documentId)
    .where('experiment_id', '=', experimentId)
    .executeTakeFirst();
  return row?.file_id;
}

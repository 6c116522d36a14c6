import type { Kysely, Transaction } from 'kysely';
import { type CurrentUser, staffTracks, tracksInclude } from '../../../core/auth/permissions.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import { loadLaureates } from '../../seasons/index.js';
import type { IndicatorDirection, ValueState } from '../tables.js';
import '../tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** An indicator as staff and the team see it (archived ones included for staff). */
export interface Indicator {
  id: string;
  laureateId: string;
  name: string;
  nameEn: string;
  description: string;
  unit: string;
  unitEn: string;
  direction: IndicatorDirection;
  baselineValue: string | null;
  baselineDate: string | null;
  irisId: string | null;
  lever: string | null;
  isPublic: boolean;
  position: number;
  version: number;
  archivedAt: Date | null;
  targets: { value: string; date: string }[];
}

/** A reported value, in any state. */
export interface ReportedValue {
  id: string;
  indicatorId: string;
  periodStart: string;
  periodEnd: string;
  value: string;
  source: string;
  comment: string;
  fileId: string | null;
  fileName: string | null;
  state: ValueState;
  reviewComment: string;
  reportedBy: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  version: number;
  updatedAt: Date;
}

/** The indicators of some laureates (archived too when asked), in each laureate's order, with their targets. */
export async function indicatorsOf(
  db: Db,
  laureateIds: readonly string[],
  options: { withArchived?: boolean } = {},
): Promise<Indicator[]> {
  if (laureateIds.length === 0) return [];
  let query = db.selectFrom('impact_indicators').selectAll().where('laureate_id', 'in', laureateIds);
  if (!options.withArchived) query = query.where('archived_at', 'is', null);
  const rows = await query.orderBy('laureate_id').orderBy('position').orderBy('created_at').execute();
  return withTargets(db, rows);
}

/** One indicator by id (archived too), or null. */
export async function indicatorById(db: Db, id: string): Promise<Indicator | null> {
  const rows = await db.selectFrom('impact_indicators').selectAll().where('id', '=', id).execute();
  const [indicator] = await withTargets(db, rows);
  return indicator ?? null;
}

async function withTargets(
  db: Db,
  rows: {
    id: string;
    laureate_id: string;
    name: string;
    name_en: string;
    description: string;
    unit: string;
    unit_en: string;
    direction: IndicatorDirection;
    baseline_value: string | number | null;
    baseline_date: string | null;
    iris_id: string | null;
    lever: string | null;
    is_public: boolean;
    position: number;
    version: number;
    archived_at: Date | null;
  }[],
): Promise<Indicator[]> {
  if (rows.length === 0) return [];
  const targets = await db
    .selectFrom('impact_targets')
    .selectAll()
    .where(
      'indicator_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('target_date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    laureateId: r.laureate_id,
    name: r.name,
    nameEn: r.name_en,
    description: r.description,
    unit: r.unit,
    unitEn: r.unit_en,
    direction: r.direction,
    baselineValue: r.baseline_value === null ? null : String(r.baseline_value),
    baselineDate: r.baseline_date === null ? null : String(r.baseline_date),
    irisId: r.iris_id,
    lever: r.lever,
    isPublic: r.is_public,
    position: r.position,
    version: r.version,
    archivedAt: r.archived_at ? new Date(r.archived_at) : null,
    targets: targets
      .filter((t) => t.indicator_id === r.id)
      .map((t) => ({ value: String(t.target_value), date: String(t.target_date) })),
  }));
}

/** The values of some indicators, every state, latest period first. */
export async function valuesOf(db: Db, indicatorIds: readonly string[]): Promise<ReportedValue[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('impact_values as v')
    .leftJoin('files as f', 'f.id', 'v.file_id')
    .selectAll('v')
    .select('f.original_name')
    .where('v.indicator_id', 'in', indicatorIds)
    .orderBy('v.period_end', 'desc')
    .orderBy('v.created_at', 'desc')
    .execute();
  return rows.map(toValue);
}

/** One value by id, or null. */
export async function valueById(db: Db, id: string): Promise<ReportedValue | null> {
  const row = await db
    .selectFrom('impact_values as v')
    .leftJoin('files as f', 'f.id', 'v.file_id')
    .selectAll('v')
    .select('f.original_name')
    .where('v.id', '=', id)
    .executeTakeFirst();
  return row ? toValue(row) : null;
}

function toValue(r: {
  id: string;
  indicator_id: string;
  period_start: string;
  period_end: string;
  value: string | number;
  source: string;
  comment: string;
  file_id: string | null;
  original_name: string | null;
  state: ValueState;
  review_comment: string;
  reported_by: string | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  version: number;
  updated_at: Date;
}): ReportedValue {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    periodStart: String(r.period_start),
    periodEnd: String(r.period_end),
    value: String(r.value),
    source: r.source,
    comment: r.comment,
    fileId: r.file_id,
    fileName: r.original_name,
    state: r.state,
    reviewComment: r.review_comment,
    reportedBy: r.reported_by,
    submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at) : null,
    version: r.version,
    updatedAt: new Date(r.updated_at),
  };
}

/** Values waiting for staff's approval, per laureate (for the staff list) — of some laureates, or all. */
export async function pendingCounts(db: Db, laureateIds?: readonly string[]): Promise<Map<string, number>> {
  if (laureateIds && laureateIds.length === 0) return new Map();
  let query = db
    .selectFrom('impact_values as v')
    .innerJoin('impact_indicators as i', 'i.id', 'v.indicator_id')
    .select(['i.laureate_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('v.state', '=', 'pending')
    .where('i.archived_at', 'is', null);
  if (laureateIds) query = query.where('i.laureate_id', 'in', laureateIds);
  const rows = await query.groupBy('i.laureate_id').execute();
  return new Map(rows.map((r) => [r.laureate_id, Number(r.n)]));
}

/** Indicators per laureate (not archived). */
export async function indicatorCounts(db: Db, laureateIds: readonly string[]): Promise<Map<string, number>> {
  if (laureateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('impact_indicators')
    .select(['laureate_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('laureate_id', 'in', laureateIds)
    .where('archived_at', 'is', null)
    .groupBy('laureate_id')
    .execute();
  return new Map(rows.map((r) => [r.laureate_id, Number(r.n)]));
}

/** A testimony as staff see it. */
export interface Testimony {
  id: string;
  laureateId: string;
  quote: string;
  quoteEn: string;
  authorName: string;
  authorRole: string;
  consentAt: Date;
  consentVersion: number;
  consentRecordedBy: string | null;
  photoFileId: string | null;
  photoAlt: string;
  videoUrl: string | null;
  lever: string | null;
  publishedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type TestimonyRow = {
  id: string;
  laureate_id: string;
  quote: string;
  quote_en: string;
  author_name: string;
  author_role: string;
  consent_at: Date;
  consent_version: number;
  consent_recorded_by: string | null;
  photo_file_id: string | null;
  photo_alt: string;
  video_url: string | null;
  lever: string | null;
  published_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

function toTestimony(r: TestimonyRow): Testimony {
  return {
    id: r.id,
    laureateId: r.laureate_id,
    quote: r.quote,
    quoteEn: r.quote_en,
    authorName: r.author_name,
    authorRole: r.author_role,
    consentAt: new Date(r.consent_at),
    consentVersion: r.consent_version,
    consentRecordedBy: r.consent_recorded_by,
    photoFileId: r.photo_file_id,
    photoAlt: r.photo_alt,
    videoUrl: r.video_url,
    lever: r.lever,
    publishedAt: r.published_at ? new Date(r.published_at) : null,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** Testimonies of some laureates (or all), newest first. */
export async function testimoniesOf(db: Db, laureateIds?: readonly string[]): Promise<Testimony[]> {
  if (laureateIds && laureateIds.length === 0) return [];
  let query = db.selectFrom('impact_testimonies').selectAll();
  if (laureateIds) query = query.where('laureate_id', 'in', laureateIds);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toTestimony);
}

export async function testimonyById(db: Db, id: string): Promise<Testimony | null> {
  const row = await db.selectFrom('impact_testimonies').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTestimony(row) : null;
}

/** The values waiting for approval that a staff member may review (their tracks' laureates), for the dashboard. */
export async function pendingForStaff(services: Services, user: CurrentUser): Promise<number> {
  const tracks = staffTracks(user);
  const ids = tracks
    ? (await loadLaureates(services.db)).filter((l) => tracksInclude(tracks, l.trackCode || undefined)).map((l) => l.id)
    : undefined;
  return [...(await pendingCounts(services.db, ids)).values()].reduce((a, b) => a + b, 0);
}

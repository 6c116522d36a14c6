import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { IndicatorDirection } from './tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** One approved figure of an indicator, for a period. */
export interface IndicatorPoint {
  periodStart: string;
  periodEnd: string;
  value: number;
  source: string;
}

/** A public indicator with what the public pages and the season report draw: approved values only. */
export interface PublicIndicator {
  id: string;
  laureateId: string;
  name: string;
  nameEn: string;
  description: string;
  unit: string;
  unitEn: string;
  direction: IndicatorDirection;
  baseline: { value: number; date: string } | null;
  targets: { value: number; date: string }[];
  irisId: string | null;
  lever: string | null;
  /** Approved values, oldest period first. */
  points: IndicatorPoint[];
}

/**
 * The public indicators (not archived) of some laureates, or of all, in each laureate's order, with their
 * targets and approved values. A draft, pending or returned value never leaves through here.
 */
export async function publicIndicators(
  db: Db,
  filter: { laureateIds?: readonly string[] } = {},
): Promise<PublicIndicator[]> {
  if (filter.laureateIds && filter.laureateIds.length === 0) return [];
  let query = db
    .selectFrom('impact_indicators')
    .selectAll()
    .where('is_public', '=', true)
    .where('archived_at', 'is', null);
  if (filter.laureateIds) query = query.where('laureate_id', 'in', filter.laureateIds);
  const indicators = await query.orderBy('laureate_id').orderBy('position').orderBy('created_at').execute();
  if (indicators.length === 0) return [];
  const ids = indicators.map((i) => i.id);
  const [targets, values] = await Promise.all([
    db.selectFrom('impact_targets').selectAll().where('indicator_id', 'in', ids).orderBy('target_date').execute(),
    db
      .selectFrom('impact_values')
      .select(['indicator_id', 'period_start', 'period_end', 'value', 'source'])
      .where('indicator_id', 'in', ids)
      .where('state', '=', 'approved')
      .orderBy('period_end')
      .execute(),
  ]);
  return indicators.map((i) => ({
    id: i.id,
    laureateId: i.laureate_id,
    name: i.name,
    nameEn: i.name_en,
    description: i.description,
    unit: i.unit,
    unitEn: i.unit_en,
    direction: i.direction,
    baseline:
      i.baseline_value === null || i.baseline_date === null
        ? null
        : { value: Number(i.baseline_value), date: i.baseline_date },
    targets: targets
      .filter((t) => t.indicator_id === i.id)
      .map((t) => ({ value: Number(t.target_value), date: t.target_date })),
    irisId: i.iris_id,
    lever: i.lever,
    points: values
      .filter((v) => v.indicator_id === i.id)
      .map((v) => ({ periodStart: v.period_start, periodEnd: v.period_end, value: Number(v.value), source: v.source })),
  }));
}

/** A published testimony, as the public pages show it. */
export interface PublicTestimony {
  id: string;
  laureateId: string;
  quote: string;
  quoteEn: string;
  authorName: string;
  authorRole: string;
  /** The photo's file id (served by the impact module's public route) and its text alternative. */
  photo: { fileId: string; alt: string } | null;
  videoUrl: string | null;
  lever: string | null;
  publishedAt: Date;
}

/** Published testimonies of some laureates, or of all, newest first. */
export async function publicTestimonies(
  db: Db,
  now: Date,
  filter: { laureateIds?: readonly string[] } = {},
): Promise<PublicTestimony[]> {
  if (filter.laureateIds && filter.laureateIds.length === 0) return [];
  let query = db.selectFrom('impact_testimonies').selectAll().where('published_at', '<=', now);
  if (filter.laureateIds) query = query.where('laureate_id', 'in', filter.laureateIds);
  const rows = await query.orderBy('published_at', 'desc').orderBy('id').execute();
  return rows.map((t) => ({
    id: t.id,
    laureateId: t.laureate_id,
    quote: t.quote,
    quoteEn: t.quote_en,
    authorName: t.author_name,
    authorRole: t.author_role,
    photo: t.photo_file_id ? { fileId: t.photo_file_id, alt: t.photo_alt } : null,
    videoUrl: t.video_url,
    lever: t.lever,
    publishedAt: new Date(t.published_at as Date),
  }));
}

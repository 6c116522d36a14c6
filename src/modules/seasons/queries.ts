import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A season with everything attached, as read from the database. */
export interface SeasonRecord {
  id: string;
  slug: string;
  number: number;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string;
  opensAt: Date;
  closesAt: Date;
  eligibleKinds: string[];
  supportMonths: number;
  grantEnvelopeCents: number;
  laureatesSought: number;
  tracks: TrackRecord[];
  criteria: CriterionRecord[];
  laureateCount: number;
  /** The season row's last change (its tracks and criteria are saved with it). */
  updatedAt: Date;
  /** When staff published it; null while it is a draft (not public, no applying). */
  publishedAt: Date | null;
}

export interface TrackRecord {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  lead: string;
}

export interface CriterionRecord {
  id: string;
  code: string;
  label: string;
  labelEn: string;
  description: string;
  descriptionEn: string;
  weight: number;
}

export interface LaureateRecord {
  id: string;
  seasonId: string;
  trackCode: string;
  name: string;
  organisation: string;
  summary: string;
  summaryEn: string;
  website: string;
  position: number;
  /** Published from the decisions (their public reference), or null when typed by hand. */
  applicationRef: string | null;
  /** Shown on the public pages from then on; null = always. */
  visibleFrom: Date | null;
  /** The support plan's progress shown publicly (0–100), or null. */
  progressPercent: number | null;
}

/** PGlite returns text[] already parsed; node-postgres too, but be safe with '{a,b}' strings. */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}

/**
 * Every season (or the one with this slug / id), with tracks, criteria and laureate count, by opening date.
 * With `laureatesVisibleAt`, the count is of the laureates the public sees then (embargoes passed); with
 * `publishedOnly`, drafts are left out (what the public may see).
 */
export async function loadSeasons(
  db: Db,
  filter: { slug?: string; id?: string; laureatesVisibleAt?: Date; publishedOnly?: boolean } = {},
): Promise<SeasonRecord[]> {
  let query = db.selectFrom('seasons').selectAll().orderBy('opens_at').orderBy('number');
  if (filter.publishedOnly) query = query.where('published_at', 'is not', null);
  if (filter.slug !== undefined) query = query.where('slug', '=', filter.slug);
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [tracks, criteria, counts] = await Promise.all([
    db
      .selectFrom('season_tracks')
      .selectAll()
      .where('season_id', 'in', ids)
      .orderBy('position')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('season_criteria')
      .selectAll()
      .where('season_id', 'in', ids)
      .orderBy('position')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('laureates')
      .select(['season_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('season_id', 'in', ids)
      .$if(filter.laureatesVisibleAt !== undefined, (q) => q.where(visibleAt(filter.laureatesVisibleAt!)))
      .groupBy('season_id')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    number: r.number,
    name: r.name,
    nameEn: r.name_en,
    summary: r.summary,
    summaryEn: r.summary_en,
    opensAt: new Date(r.opens_at),
    closesAt: new Date(r.closes_at),
    eligibleKinds: textArray(r.eligible_kinds),
    supportMonths: r.support_months,
    grantEnvelopeCents: Number(r.grant_envelope_cents),
    laureatesSought: r.laureates_sought,
    tracks: tracks
      .filter((t) => t.season_id === r.id)
      .map((t) => ({ id: t.id, code: t.code, name: t.name, nameEn: t.name_en, lead: t.lead })),
    criteria: criteria
      .filter((c) => c.season_id === r.id)
      .map((c) => ({
        id: c.id,
        code: c.code,
        label: c.label,
        labelEn: c.label_en,
        description: c.description,
        descriptionEn: c.description_en,
        weight: c.weight,
      })),
    laureateCount: Number(counts.find((c) => c.season_id === r.id)?.n ?? 0),
    updatedAt: new Date(r.updated_at),
    publishedAt: r.published_at ? new Date(r.published_at) : null,
  }));
}

/** Only the laureates whose embargo has passed at `at` (or that have none). */
function visibleAt(at: Date) {
  return (eb: ExpressionBuilder<DB, 'laureates'>) =>
    eb.or([eb('visible_from', 'is', null), eb('visible_from', '<=', at)]);
}

/** A season's laureates (or one); with `visibleAt`, only those the public sees at that instant. */
export async function loadLaureates(
  db: Db,
  filter: { seasonId?: string; id?: string; visibleAt?: Date } = {},
): Promise<LaureateRecord[]> {
  let query = db.selectFrom('laureates').selectAll().orderBy('position').orderBy('name');
  if (filter.seasonId !== undefined) query = query.where('season_id', '=', filter.seasonId);
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  if (filter.visibleAt !== undefined) query = query.where(visibleAt(filter.visibleAt));
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    seasonId: r.season_id,
    trackCode: r.track_code,
    name: r.name,
    organisation: r.organisation,
    summary: r.summary,
    summaryEn: r.summary_en,
    website: r.website,
    position: r.position,
    applicationRef: r.application_ref,
    visibleFrom: r.visible_from ? new Date(r.visible_from) : null,
    progressPercent: r.progress_percent === null ? null : Number(r.progress_percent),
  }));
}

import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface SeasonSummary {
  id: string;
  slug: string;
  number: number;
  name: string;
  nameEn: string;
}

/**
 * Small reads other modules need about seasons (applications: deadlines, names in lists, the season
 * a form belongs to). Other modules call these instead of querying the seasons tables.
 */
export async function seasonClosesAt(db: Db, seasonId: string): Promise<Date | undefined> {
  const row = await db.selectFrom('seasons').select('closes_at').where('id', '=', seasonId).executeTakeFirst();
  return row ? new Date(row.closes_at) : undefined;
}

export async function findSeasonIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  return (await db.selectFrom('seasons').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

export async function seasonTrackCodes(db: Db, seasonId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('season_tracks')
    .select('code')
    .where('season_id', '=', seasonId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.code);
}

/**
 * Every track the seasons have, once per code (named as in the latest season that has it), in the order of
 * that season: what a staff member's rights can be limited to.
 */
export async function knownTracks(db: Db): Promise<{ code: string; name: string; nameEn: string }[]> {
  const rows = await db
    .selectFrom('season_tracks')
    .innerJoin('seasons', 'seasons.id', 'season_tracks.season_id')
    .select(['season_tracks.code', 'season_tracks.name', 'season_tracks.name_en'])
    .orderBy('seasons.number', 'desc')
    .orderBy('season_tracks.position')
    .execute();
  const byCode = new Map<string, { code: string; name: string; nameEn: string }>();
  for (const r of rows) if (!byCode.has(r.code)) byCode.set(r.code, { code: r.code, name: r.name, nameEn: r.name_en });
  return [...byCode.values()];
}

/** Summaries of the given seasons (all seasons when `ids` is omitted), newest season first. */
export async function seasonSummaries(db: Db, ids?: readonly string[]): Promise<SeasonSummary[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('seasons').select(['id', 'slug', 'number', 'name', 'name_en']);
  if (ids) query = query.where('id', 'in', [...ids]);
  const rows = await query.orderBy('number', 'desc').execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, number: r.number, name: r.name, nameEn: r.name_en }));
}

/** The summaries keyed by id, for labelling rows of another module's lists. */
export async function seasonSummariesById(db: Db, ids: readonly string[]): Promise<Map<string, SeasonSummary>> {
  return new Map((await seasonSummaries(db, [...new Set(ids)])).map((s) => [s.id, s]));
}

/**
 * Locks the season's row until the caller's transaction ends, so that changes hanging on a season (its
 * application form) are serialised. Returns false when there is no such season.
 */
export async function lockSeason(trx: Transaction<DB>, seasonId: string): Promise<boolean> {
  return (
    (await trx.selectFrom('seasons').select('id').where('id', '=', seasonId).forUpdate().executeTakeFirst()) !==
    undefined
  );
}

/** The (French) name of the season a row points to, as a fragment another module embeds in its own statement. */
export function seasonNameColumn(seasonIdColumn: string): RawBuilder<string> {
  return sql<string>`(select s.name from seasons s where s.id = ${sql.ref(seasonIdColumn)})`;
}

import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../../src/core/db/schema.js';
import type {
  LaureatesTable,
  SeasonCriteriaTable,
  SeasonsTable,
  SeasonTracksTable,
} from '../../../src/modules/seasons/tables.js';

/**
 * The seasons module's test factory: the one place outside src/modules/seasons where tests write or read its
 * tables directly. Another module's test makes its seasons here (or through the seasons' use cases), so that a
 * change of these tables is mended in one file.
 */

export { createLaureate } from '../../../src/modules/seasons/create-laureate.js';
export { createSeason } from '../../../src/modules/seasons/create-season.js';
export { DEFAULT_CRITERIA } from '../../../src/modules/seasons/index.js';

/** Inserts a season row; published from its creation unless `published_at` says otherwise (null: a draft). */
export async function insertSeason(db: Kysely<DB>, values: Insertable<SeasonsTable>): Promise<{ id: string }> {
  return db
    .insertInto('seasons')
    .values({ published_at: values.created_at, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateSeason(db: Kysely<DB>, id: string, patch: Updateable<SeasonsTable>): Promise<void> {
  await db.updateTable('seasons').set(patch).where('id', '=', id).execute();
}

export async function insertTracks(
  db: Kysely<DB>,
  tracks: Insertable<SeasonTracksTable> | Insertable<SeasonTracksTable>[],
): Promise<void> {
  await db.insertInto('season_tracks').values(tracks).execute();
}

export async function insertCriteria(
  db: Kysely<DB>,
  criteria: Insertable<SeasonCriteriaTable> | Insertable<SeasonCriteriaTable>[],
): Promise<void> {
  await db.insertInto('season_criteria').values(criteria).execute();
}

export async function seasonById(db: Kysely<DB>, id: string): Promise<Selectable<SeasonsTable>> {
  return db.selectFrom('seasons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function seasonBySlug(db: Kysely<DB>, slug: string): Promise<Selectable<SeasonsTable>> {
  return db.selectFrom('seasons').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}

/** The season with the highest number (the demo's latest). */
export async function latestSeason(db: Kysely<DB>): Promise<Selectable<SeasonsTable>> {
  return db.selectFrom('seasons').selectAll().orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
}

/** A season's tracks in their order. */
export async function seasonTracks(db: Kysely<DB>, seasonId: string): Promise<Selectable<SeasonTracksTable>[]> {
  return db.selectFrom('season_tracks').selectAll().where('season_id', '=', seasonId).orderBy('position').execute();
}

/** Every laureate row of a season (hand-typed and published from the decisions), embargoed ones included. */
export async function laureateRowsOf(db: Kysely<DB>, seasonId: string): Promise<Selectable<LaureatesTable>[]> {
  return db
    .selectFrom('laureates')
    .selectAll()
    .where('season_id', '=', seasonId)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

/** The job that moves a season across its status boundaries (and refreshes what is published at a date). */
export { STATUS_BOUNDARY_JOB } from '../../../src/modules/seasons/status-boundaries.js';

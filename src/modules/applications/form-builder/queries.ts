import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { isUuid } from '../../../core/ids.js';
import { seasonSummaries } from '../../seasons/season-lookups.js';
import type { FormDefinition } from '../form/model.js';

type Db = Kysely<DB> | Transaction<DB>;

/** One version of a season's application form. */
export interface FormVersion {
  id: string;
  seasonId: string;
  version: number;
  definition: FormDefinition;
  createdAt: Date;
  createdBy: string | null;
}

type FormRow = {
  id: string;
  season_id: string;
  version: number;
  definition: unknown;
  created_at: Date;
  created_by: string | null;
};

function toFormVersion(row: FormRow): FormVersion {
  // Both drivers return jsonb parsed; a string is tolerated in case a driver hands back the text.
  const raw = typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition;
  const definition =
    raw && typeof raw === 'object' && Array.isArray((raw as FormDefinition).sections)
      ? (raw as FormDefinition)
      : { sections: [] };
  return {
    id: row.id,
    seasonId: row.season_id,
    version: row.version,
    definition,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
  };
}

const columns = ['id', 'season_id', 'version', 'definition', 'created_at', 'created_by'] as const;

/** The season's current form: its newest version, or null when the season has none yet. */
export async function getCurrentForm(db: Db, seasonId: string): Promise<FormVersion | null> {
  const row = await db
    .selectFrom('application_forms')
    .select(columns)
    .where('season_id', '=', seasonId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toFormVersion(row) : null;
}

/** A form version by id (the version an application's answers were given against). */
export async function getFormVersion(db: Db, formId: string): Promise<FormVersion | null> {
  if (!isUuid(formId)) return null;
  const row = await db.selectFrom('application_forms').select(columns).where('id', '=', formId).executeTakeFirst();
  return row ? toFormVersion(row) : null;
}

/** Every version of a season's form, newest first (without definitions). */
export async function listFormVersions(
  db: Db,
  seasonId: string,
): Promise<{ id: string; version: number; createdAt: Date }[]> {
  const rows = await db
    .selectFrom('application_forms')
    .select(['id', 'version', 'created_at'])
    .where('season_id', '=', seasonId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, createdAt: new Date(r.created_at) }));
}

/**
 * Whether any application references this form version. The applications table belongs to the
 * application lifecycle and may not exist yet in a database migrated before it, hence to_regclass.
 */
export async function isFormReferenced(db: Db, formId: string): Promise<boolean> {
  const exists = await sql<{ table: string | null }>`select to_regclass('applications')::text as table`.execute(db);
  if (!exists.rows[0]?.table) return false;
  const found = await sql<{ one: number }>`select 1 as one from applications where form_id = ${formId} limit 1`.execute(
    db,
  );
  return found.rows.length > 0;
}

/** Other seasons that have a form, to copy one from (newest season first). */
export async function listSeasonsWithForms(
  db: Db,
  exceptSeasonId: string,
): Promise<{ id: string; name: string; nameEn: string; number: number }[]> {
  const withForms = await db
    .selectFrom('application_forms')
    .select('season_id')
    .distinct()
    .where('season_id', '!=', exceptSeasonId)
    .execute();
  const seasons = await seasonSummaries(
    db,
    withForms.map((r) => r.season_id),
  );
  return seasons.map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, number: s.number }));
}

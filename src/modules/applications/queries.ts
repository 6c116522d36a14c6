import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { CurrentUser } from '../../core/auth/permissions.js';
import { addressOrPseudonym } from '../../core/auth/pseudonym.js';
import type { DB } from '../../core/db/schema.js';
import { isUuid } from '../../core/ids.js';
import { personColumn } from '../accounts/index.js';
import {
  parseSeasonForSubmit,
  type SeasonForSubmit,
  seasonForSubmitColumn,
  seasonSummariesById,
} from '../seasons/index.js';
import type { AnswerMap, FormDefinition } from './form/model.js';
import { type ApplicationState, isApplicationState } from './states.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ApplicationRecord {
  id: string;
  seasonId: string;
  trackCode: string;
  formId: string;
  ownerId: string;
  applicantKind: string;
  title: string;
  state: ApplicationState;
  draftAnswers: AnswerMap;
  draftSavedAt: Date | null;
  submittedAt: Date | null;
  currentVersion: number;
  territory: string;
  createdAt: Date;
  updatedAt: Date;
}

type ApplicationRow = {
  id: string;
  season_id: string;
  track_code: string;
  form_id: string;
  owner_id: string;
  applicant_kind: string;
  title: string;
  state: string;
  draft_answers: unknown;
  draft_saved_at: Date | string | null;
  submitted_at: Date | string | null;
  current_version: number;
  territory: string;
  created_at: Date | string;
  updated_at: Date | string;
};

const COLUMNS = [
  'applications.id',
  'applications.season_id',
  'applications.track_code',
  'applications.form_id',
  'applications.owner_id',
  'applications.applicant_kind',
  'applications.title',
  'applications.state',
  'applications.draft_answers',
  'applications.draft_saved_at',
  'applications.submitted_at',
  'applications.current_version',
  'applications.territory',
  'applications.created_at',
  'applications.updated_at',
] as const;

export function parseJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

export function toApplication(row: ApplicationRow): ApplicationRecord {
  return {
    id: row.id,
    seasonId: row.season_id,
    trackCode: row.track_code,
    formId: row.form_id,
    ownerId: row.owner_id,
    applicantKind: row.applicant_kind,
    title: row.title,
    state: isApplicationState(row.state) ? row.state : 'draft',
    draftAnswers: parseJson<AnswerMap>(row.draft_answers, {}),
    draftSavedAt: row.draft_saved_at ? new Date(row.draft_saved_at) : null,
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
    currentVersion: Number(row.current_version),
    territory: row.territory,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export async function loadApplication(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApplicationRecord | null> {
  if (!isUuid(id)) return null;
  let query = db.selectFrom('applications').select(COLUMNS).where('applications.id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toApplication(row) : null;
}

/** A file an application holds (not removed), with its size: what the per-application quota counts. */
export interface HeldFile {
  fileId: string;
  size: number;
}

/** An application locked for a change by its applicant, with what the change needs to read. */
export interface LockedApplication {
  application: ApplicationRecord;
  definition: FormDefinition;
  /** The owner, or a member invited at the address the person signs in with. */
  isMember: boolean;
  /** The version an earlier request with this idempotency key created (on any application). */
  previous: { applicationId: string; version: number; submittedAt: Date } | null;
  held: HeldFile[];
  /** The season's deadline and names (read by the seasons module's expression). */
  season: SeasonForSubmit | undefined;
}

/**
 * Everything a submit (or a save that stores files) reads before it writes, usually in one round
 * trip: the application locked for this transaction with its form, its season's deadline and
 * whether this person may submit it, the version an earlier request with the same key already
 * created, and the files it holds.
 *
 * A statement that waited for the row lock still sees the other rows as they were when it started
 * (READ COMMITTED): the locked row itself is read again at its latest version, nothing else is. So
 * the key and the files are taken from that statement only if the row it locked is the one its
 * snapshot saw (same xmin): then no change to the application committed after the statement began,
 * and every transaction that adds a version or changes the files also updates the application's
 * row (a submit writes its version and state, a save that stores files touches `updated_at`).
 * Otherwise a concurrent replay or upload committed while this one waited, and they are read again
 * after the lock. Null for an unknown id.
 */
export async function lockApplicationForChange(
  trx: Transaction<DB>,
  id: string,
  user: CurrentUser,
  idempotencyKey: string | null,
): Promise<LockedApplication | null> {
  if (!isUuid(id)) return null;
  const row = await trx
    .selectFrom('applications')
    .leftJoin('application_forms', 'application_forms.id', 'applications.form_id')
    .select([
      ...COLUMNS,
      'application_forms.definition',
      mayWorkOn(user).as('is_member'),
      seasonForSubmitColumn('applications.season_id').as('season'),
      sql<boolean>`applications.xmin = (select a.xmin from applications a where a.id = applications.id)`.as(
        'unchanged_since_snapshot',
      ),
      previousVersionOf(idempotencyKey).as('previous'),
      heldFilesOf(id).as('held'),
    ])
    .where('applications.id', '=', id)
    .forUpdate('applications')
    .executeTakeFirst();
  if (!row) return null;
  const application = toApplication(row);
  const definition = parseJson<FormDefinition>(row.definition, { sections: [] });
  const season = parseSeasonForSubmit(row.season);
  if (row.is_member !== true) return { application, definition, isMember: false, previous: null, held: [], season };
  const fresh = row.unchanged_since_snapshot
    ? row
    : (
        await sql<{
          previous: unknown;
          held: unknown;
        }>`select ${previousVersionOf(idempotencyKey)} as previous, ${heldFilesOf(id)} as held`.execute(trx)
      ).rows[0];
  const previous = parseJson<{ application_id: string; version: number; submitted_at: string } | null>(
    fresh?.previous,
    null,
  );
  return {
    application,
    definition,
    isMember: true,
    previous: previous
      ? {
          applicationId: previous.application_id,
          version: previous.version,
          submittedAt: new Date(previous.submitted_at),
        }
      : null,
    held: parseJson<{ file_id: string; size: number }[]>(fresh?.held, []).map((f) => ({
      fileId: f.file_id,
      size: Number(f.size),
    })),
    season,
  };
}

/** What the rules of an upload are decided on, before its body is read. */
export interface UploadTarget {
  application: ApplicationRecord;
  definition: FormDefinition;
  held: HeldFile[];
}

/**
 * In one round trip, without a lock: the application if this person may work on it (else null,
 * as for an unknown id), its form and the files it holds. Read before a posted form's body, so
 * that a stranger's upload is refused unread and an applicant's is read within the quota left;
 * the change itself checks again with the application locked.
 */
export async function loadUploadTarget(db: Db, id: string, user: CurrentUser): Promise<UploadTarget | null> {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('applications')
    .leftJoin('application_forms', 'application_forms.id', 'applications.form_id')
    .select([...COLUMNS, 'application_forms.definition', heldFilesOf(id).as('held')])
    .where('applications.id', '=', id)
    .where(mayWorkOn(user))
    .executeTakeFirst();
  if (!row) return null;
  return {
    application: toApplication(row),
    definition: parseJson<FormDefinition>(row.definition, { sections: [] }),
    held: parseJson<{ file_id: string; size: number }[]>(row.held, []).map((f) => ({
      fileId: f.file_id,
      size: Number(f.size),
    })),
  };
}

/** The version a request with this idempotency key created, on any application (JSON, or null). */
function previousVersionOf(idempotencyKey: string | null): RawBuilder<unknown> {
  return sql`(select json_build_object('application_id', v.application_id, 'version', v.version, 'submitted_at', v.submitted_at)
    from application_versions v where v.idempotency_key = ${idempotencyKey})`;
}

/** The files an application holds with their sizes (a JSON array). */
function heldFilesOf(applicationId: string): RawBuilder<unknown> {
  return sql`coalesce((select json_agg(json_build_object('file_id', af.file_id, 'size', f.size))
    from application_files af join files f on f.id = af.file_id
    where af.application_id = ${applicationId} and af.removed_at is null), '[]'::json)`;
}

/**
 * The application if this person may work on it: its owner, or a member invited at the address
 * they are signed in with. Anyone else gets null, exactly as for an id that does not exist.
 */
export async function loadApplicationFor(
  db: Db,
  id: string,
  user: CurrentUser,
  options: { forUpdate?: boolean } = {},
): Promise<ApplicationRecord | null> {
  if (!isUuid(id)) return null;
  let query = db.selectFrom('applications').select(COLUMNS).where('applications.id', '=', id).where(mayWorkOn(user));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toApplication(row) : null;
}

/** The condition on `applications` that this person may work on it: its owner, or a member invited at their address. */
function mayWorkOn(user: CurrentUser): RawBuilder<boolean> {
  return sql<boolean>`(applications.owner_id = ${user.id} or exists (
    select 1 from application_members m
     where m.application_id = applications.id and (m.user_id = ${user.id} or m.email = ${user.email.toLowerCase()})))`;
}

export interface FormVersion {
  id: string;
  seasonId: string;
  version: number;
  definition: FormDefinition;
}

function toForm(row: { id: string; season_id: string; version: number; definition: unknown }): FormVersion {
  return {
    id: row.id,
    seasonId: row.season_id,
    version: row.version,
    definition: parseJson<FormDefinition>(row.definition, { sections: [] }),
  };
}

/** The form version an application was created against (answers are always read with it). */
export async function loadFormVersion(db: Db, formId: string): Promise<FormVersion | null> {
  const row = await db
    .selectFrom('application_forms')
    .select(['id', 'season_id', 'version', 'definition'])
    .where('id', '=', formId)
    .executeTakeFirst();
  return row ? toForm(row) : null;
}

/** The newest form version of a season: the one new drafts are created against. */
export async function loadCurrentFormVersion(db: Db, seasonId: string): Promise<FormVersion | null> {
  const row = await db
    .selectFrom('application_forms')
    .select(['id', 'season_id', 'version', 'definition'])
    .where('season_id', '=', seasonId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toForm(row) : null;
}

export interface MyApplicationRow {
  id: string;
  title: string;
  state: ApplicationState;
  seasonName: string;
  seasonNameEn: string;
  currentVersion: number;
  updatedAt: Date;
}

/** The applications a person owns or was invited to (by account or by the address they sign in with). */
export async function listApplicationsOf(db: Db, user: CurrentUser): Promise<MyApplicationRow[]> {
  const rows = await db
    .selectFrom('applications')
    .select([
      'applications.id',
      'applications.title',
      'applications.state',
      'applications.current_version',
      'applications.updated_at',
      'applications.season_id',
    ])
    .where((eb) =>
      eb.or([
        eb('applications.owner_id', '=', user.id),
        eb(
          'applications.id',
          'in',
          eb
            .selectFrom('application_members')
            .select('application_id')
            .where((m) => m.or([m('user_id', '=', user.id), m('email', '=', user.email.toLowerCase())])),
        ),
      ]),
    )
    .orderBy('applications.updated_at', 'desc')
    .execute();
  const seasons = await seasonSummariesById(
    db,
    rows.map((r) => r.season_id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    state: isApplicationState(r.state) ? r.state : 'draft',
    seasonName: seasons.get(r.season_id)?.name ?? '',
    seasonNameEn: seasons.get(r.season_id)?.nameEn ?? '',
    currentVersion: Number(r.current_version),
    updatedAt: new Date(r.updated_at),
  }));
}

export interface MemberRow {
  email: string;
  role: 'owner' | 'co-applicant';
  accepted: boolean;
}

export async function listMembers(db: Db, applicationId: string): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('application_members')
    .select(['email', 'role', 'accepted_at'])
    .where('application_id', '=', applicationId)
    .orderBy('invited_at')
    .execute();
  return rows.map((r) => ({ email: r.email, role: r.role, accepted: r.accepted_at !== null }));
}

export interface VersionRecord {
  version: number;
  formId: string;
  answers: AnswerMap;
  answersSha256: string;
  submittedAt: Date;
  submittedBy: string;
}

export async function loadVersion(db: Db, applicationId: string, version: number): Promise<VersionRecord | null> {
  const row = await db
    .selectFrom('application_versions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  return {
    version: row.version,
    formId: row.form_id,
    answers: parseJson<AnswerMap>(row.answers, {}),
    answersSha256: row.answers_sha256,
    submittedAt: new Date(row.submitted_at),
    submittedBy: row.submitted_by,
  };
}

export interface TransitionRow {
  fromState: string;
  toState: string;
  reason: string;
  at: Date;
}

export async function listTransitions(db: Db, applicationId: string): Promise<TransitionRow[]> {
  const rows = await db
    .selectFrom('application_transitions')
    .select(['from_state', 'to_state', 'reason', 'at'])
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .execute();
  return rows.map((r) => ({ fromState: r.from_state, toState: r.to_state, reason: r.reason, at: new Date(r.at) }));
}

export interface StaffFilters {
  seasonId?: string;
  trackCode?: string;
  state?: ApplicationState;
  kind?: string;
  territory?: string;
  q?: string;
  /** Keyset cursor: the last row of the previous page (created_at, id). */
  after?: { createdAt: Date; id: string };
  /** undefined = every track; otherwise only these tracks (staff limited to a track). */
  tracks?: string[];
}

export interface StaffListRow {
  id: string;
  title: string;
  state: ApplicationState;
  trackCode: string;
  applicantKind: string;
  seasonName: string;
  ownerEmail: string;
  createdAt: Date;
  submittedAt: Date | null;
}

/**
 * The text search configuration of staff search, for the stored vectors and the query alike: French stems of
 * words whose accents are folded (`unaccent`), so « etudiant » and « étudiant » find each other (migration
 * 20261210T0300 creates it). A literal, not a parameter: it names a catalogue object.
 */
export const SEARCH_CONFIG = sql.lit('french_unaccent');

/**
 * The staff filters as one SQL condition on `applications`, shared by the list and the exports so both
 * always select the same applications. Search uses the stored French tsvector (GIN index).
 */
export function staffFilterCondition(filters: Omit<StaffFilters, 'after'>): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (filters.tracks)
    parts.push(
      filters.tracks.length === 0 ? sql`false` : sql`applications.track_code in (${sql.join(filters.tracks)})`,
    );
  if (filters.seasonId) parts.push(sql`applications.season_id = ${filters.seasonId}`);
  if (filters.trackCode) parts.push(sql`applications.track_code = ${filters.trackCode}`);
  if (filters.state) parts.push(sql`applications.state = ${filters.state}`);
  if (filters.kind) parts.push(sql`applications.applicant_kind = ${filters.kind}`);
  if (filters.territory) parts.push(sql`applications.territory = ${filters.territory}`);
  // A never-submitted draft's words are the applicant's: a search never finds it by them.
  if (filters.q?.trim()) parts.push(sql`applications.current_version > 0`);
  if (filters.q?.trim())
    parts.push(sql`applications.search @@ websearch_to_tsquery(${SEARCH_CONFIG}, ${filters.q.trim()})`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

export const STAFF_PAGE_SIZE = 50;

/**
 * One page of the staff list, newest first, by keyset (created_at, id): the cost of a page does
 * not grow with its depth. Search uses the stored French tsvector (GIN index).
 */
export async function listForStaff(
  db: Db,
  filters: StaffFilters,
): Promise<{ rows: StaffListRow[]; next?: { createdAt: Date; id: string } }> {
  let query = db
    .selectFrom('applications')
    .select([
      'applications.id',
      'applications.title',
      'applications.state',
      'applications.track_code',
      'applications.applicant_kind',
      'applications.created_at',
      'applications.submitted_at',
      'applications.current_version',
      'applications.season_id',
      'applications.owner_id',
      personColumn('applications.owner_id', 'email').as('owner_email'),
    ]);
  query = query.where(staffFilterCondition(filters));
  if (filters.after) {
    const { createdAt, id } = filters.after;
    query = query.where(sql<boolean>`(applications.created_at, applications.id) < (${createdAt}, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('applications.created_at', 'desc')
    .orderBy('applications.id', 'desc')
    .limit(STAFF_PAGE_SIZE + 1)
    .execute();
  const seasons = await seasonSummariesById(
    db,
    rows.map((r) => r.season_id),
  );
  const page = rows.slice(0, STAFF_PAGE_SIZE).map((r) => ({
    id: r.id,
    // A never-submitted draft is the applicant's: staff see that it exists, not what it says (its title included).
    title: Number(r.current_version) > 0 ? r.title : '',
    state: (isApplicationState(r.state) ? r.state : 'draft') as ApplicationState,
    trackCode: r.track_code,
    applicantKind: r.applicant_kind,
    seasonName: seasons.get(r.season_id)?.name ?? '',
    ownerEmail: addressOrPseudonym(r.owner_email, r.owner_id),
    createdAt: new Date(r.created_at),
    submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
  }));
  const last = page[page.length - 1];
  return {
    rows: page,
    ...(rows.length > STAFF_PAGE_SIZE && last ? { next: { createdAt: last.createdAt, id: last.id } } : {}),
  };
}

/**
 * Drafts still in progress (not yet submitted), within the tracks this staff member sees. Read from
 * application_open_drafts, which a trigger keeps in step with the applications' states.
 */
export async function countDrafts(db: Db, filters: { seasonId?: string; tracks?: string[] }): Promise<number> {
  if (filters.tracks?.length === 0) return 0;
  const season = filters.seasonId ? sql`and season_id = ${filters.seasonId}` : sql``;
  const tracks = filters.tracks ? sql`and track_code in (${sql.join(filters.tracks)})` : sql``;
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from application_open_drafts where true ${season} ${tracks}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** States that wait for staff: submitted and not yet decided eligible or not. */
const AWAITING_INSTRUCTION: ApplicationState[] = ['submitted', 'in_instruction'];

/**
 * How many applications wait for instruction in the tracks a staff member covers (undefined: every
 * track), for the dashboard's tile: one count over the state index, whatever the season.
 */
export async function countAwaitingInstruction(db: Kysely<DB>, tracks: readonly string[] | undefined): Promise<number> {
  if (tracks !== undefined && tracks.length === 0) return 0;
  let query = db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('state', 'in', AWAITING_INSTRUCTION);
  if (tracks !== undefined) query = query.where('track_code', 'in', [...tracks]);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { isUuid } from '../../core/ids.js';
import type { Services } from '../../core/services.js';
import type { AnswerMap, AnswerValue } from './form/model.js';
import { queueStateNotice } from './instruction/state-notices.js';
import { parseJson } from './queries.js';
import { type ApplicationState, checkTransition } from './states.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * What the expert jury (review module) may read about a season's applications: the title, track,
 * organisation, the text of the submitted answers (for the affinity), and what conflict detection needs
 * (SIREN, member emails and accounts). Contact data stays here: the review module never shows it to reviewers.
 */
export interface ApplicationForReview {
  id: string;
  title: string;
  trackCode: string;
  state: ApplicationState;
  organisationName: string;
  /** The 9-digit SIREN from a SIREN or SIRET answer; '' when the application has none. */
  siren: string;
  /** The submitted answers' free text (title first), for text similarity. */
  text: string;
  /** Choice answers (e.g. the support levers asked for) and the track: the application's topics. */
  topics: string[];
  /** Every email known for the application: its members and the emails given in its answers. */
  emails: string[];
  /** Accounts of the application's members (owner and co-applicants). */
  memberUserIds: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function walk(
  value: AnswerValue | undefined,
  key: string,
  out: { texts: string[]; choices: string[]; emails: string[]; ids: string[] },
): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') {
    const v = value.trim();
    if (!v) return;
    if (/sire[nt]/i.test(key)) out.ids.push(v);
    else if (EMAIL.test(v)) out.emails.push(v.toLowerCase());
    else if (/^https?:\/\//i.test(v)) return;
    else if (/^[a-z0-9_-]+$/.test(v) && v.length <= 40) out.choices.push(v);
    else out.texts.push(v);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') {
        if (/^[a-z0-9_-]+$/.test(item)) out.choices.push(item);
        else out.texts.push(item);
      } else if (item && typeof item === 'object') {
        for (const [k, v] of Object.entries(item as AnswerMap)) walk(v, k, out);
      }
    }
  }
}

/** The season's applications in the given states, with their latest submitted answers. */
export async function listApplicationsForReview(
  db: Db,
  seasonId: string,
  states: readonly ApplicationState[],
): Promise<ApplicationForReview[]> {
  return applicationsForReview(db, seasonId, states, null);
}

/**
 * The same as listApplicationsForReview, for the given applications only (one being opened or saved, the
 * pairs of a run): an id of another season, in another state, unknown or malformed is left out.
 */
export async function listApplicationsForReviewByIds(
  db: Db,
  seasonId: string,
  states: readonly ApplicationState[],
  ids: readonly string[],
): Promise<ApplicationForReview[]> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return [];
  return applicationsForReview(db, seasonId, states, wanted);
}

/** The season's applications in the given states (only `ids` when given), in title order. */
async function applicationsForReview(
  db: Db,
  seasonId: string,
  states: readonly ApplicationState[],
  ids: string[] | null,
): Promise<ApplicationForReview[]> {
  if (states.length === 0) return [];
  const rows = await db
    .selectFrom('applications as a')
    .leftJoin('application_versions as v', (j) =>
      j.onRef('v.application_id', '=', 'a.id').onRef('v.version', '=', 'a.current_version'),
    )
    .select(['a.id', 'a.title', 'a.track_code', 'a.state', 'v.answers'])
    .where('a.season_id', '=', seasonId)
    .where('a.state', 'in', [...states])
    .$if(ids !== null, (q) => q.where('a.id', 'in', ids!))
    .orderBy('a.title')
    .orderBy('a.id')
    .execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('application_members')
    .select(['application_id', 'email', 'user_id'])
    .where(
      'application_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => {
    const answers = parseJson<AnswerMap>(r.answers, {});
    const out = { texts: [] as string[], choices: [] as string[], emails: [] as string[], ids: [] as string[] };
    for (const [k, v] of Object.entries(answers)) walk(v, k, out);
    const mine = members.filter((m) => m.application_id === r.id);
    const digits = out.ids.map((id) => id.replace(/\D/g, '')).find((d) => d.length === 9 || d.length === 14);
    const name = answers.organisation_name;
    return {
      id: r.id,
      title: r.title,
      trackCode: r.track_code,
      state: r.state as ApplicationState,
      organisationName: typeof name === 'string' ? name.trim() : '',
      siren: digits ? digits.slice(0, 9) : '',
      text: [r.title, ...out.texts].join('\n'),
      topics: [...new Set([r.track_code, ...out.choices])],
      emails: [...new Set([...mine.map((m) => m.email.toLowerCase()), ...out.emails])],
      memberUserIds: [...new Set(mine.map((m) => m.user_id).filter((id): id is string => id !== null))],
    };
  });
}

/**
 * Moves eligible applications to `in_review` inside the caller's transaction (the jury publishing its
 * assignment), recorded in each application's history. Applications in another state are left as they are.
 * Returns the ids that moved.
 */
export async function moveApplicationsToReview(
  trx: Transaction<DB>,
  ids: readonly string[],
  actorUserId: string | null,
  now: Date,
  reason: string,
  /** Given, the applicants are told (mail and thread message), unless the season switched it off. */
  notify?: Pick<Services, 'config'>,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('applications')
    .select(['id', 'state', 'title', 'season_id'])
    .where('id', 'in', [...ids])
    .forUpdate()
    .execute();
  const moving = rows
    .filter((r) => checkTransition(r.state as ApplicationState, 'in_review', 'staff').ok)
    .map((r) => r.id);
  if (moving.length === 0) return [];
  await trx
    .updateTable('applications')
    .set({ state: 'in_review', updated_at: now })
    .where('id', 'in', moving)
    .execute();
  await trx
    .insertInto('application_transitions')
    .values(
      moving.map((id) => ({
        application_id: id,
        from_state: 'eligible',
        to_state: 'in_review',
        reason,
        at: now,
        actor_id: actorUserId,
      })),
    )
    .execute();
  if (notify)
    for (const row of rows.filter((r) => moving.includes(r.id)))
      await queueStateNotice(trx, notify, now, {
        application: { id: row.id, title: row.title, seasonId: row.season_id },
        from: row.state as ApplicationState,
        to: 'in_review',
        reason: '',
        authorId: actorUserId,
      });
  return moving;
}

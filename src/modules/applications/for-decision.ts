import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../core/auth/permissions.js';
import type { DB } from '../../core/db/schema.js';
import type { AnswerMap } from './form/model.js';
import { loadApplicationFor, parseJson } from './queries.js';
import type { ApplicationState } from './states.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The form question whose answer is the grant amount requested, in euros (see form/default-form.ts). */
export const REQUESTED_AMOUNT_QUESTION = 'needs_amount';

/** States in which a season's application is before the deliberation, or was decided by it. */
export const DELIBERATION_STATES = ['eligible', 'in_review', 'laureate', 'not_selected'] as const;

/**
 * What the decisions module reads about a season's applications: labels for the board and the figures
 * for the transparency page. No contact data: notices go through the applications' own mail and thread.
 */
export interface ApplicationForDecision {
  id: string;
  title: string;
  trackCode: string;
  state: ApplicationState;
  applicantKind: string;
  /** The region or territory the applicant gave ('' when none). */
  territory: string;
  organisationName: string;
  /** The project's summary as submitted (the public text starts from it). */
  summary: string;
  website: string;
  /** In cents; null when the form has no amount or the applicant left it empty. */
  requestedCents: number | null;
  submittedAt: Date | null;
  ownerId: string;
}

/** The season's submitted applications (every state but draft), in title order. */
export async function listApplicationsForDecision(db: Db, seasonId: string): Promise<ApplicationForDecision[]> {
  const rows = await db
    .selectFrom('applications as a')
    .leftJoin('application_versions as v', (join) =>
      join.onRef('v.application_id', '=', 'a.id').onRef('v.version', '=', 'a.current_version'),
    )
    .select([
      'a.id',
      'a.title',
      'a.track_code',
      'a.state',
      'a.applicant_kind',
      'a.territory',
      'a.submitted_at',
      'a.owner_id',
      'v.answers',
    ])
    .where('a.season_id', '=', seasonId)
    .where('a.state', '<>', 'draft')
    .orderBy('a.title')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => {
    const answers = parseJson<AnswerMap>(r.answers, {});
    const text = (key: string) => (typeof answers[key] === 'string' ? (answers[key] as string).trim() : '');
    const amount = answers[REQUESTED_AMOUNT_QUESTION];
    return {
      id: r.id,
      title: r.title,
      trackCode: r.track_code,
      state: r.state as ApplicationState,
      applicantKind: r.applicant_kind,
      territory: r.territory,
      organisationName: text('organisation_name'),
      summary: text('project_summary'),
      website: text('project_website'),
      requestedCents: typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * 100) : null,
      submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
      ownerId: r.owner_id,
    };
  });
}

/** An application as its applicant's decision page needs it. */
export interface ApplicationOfApplicant {
  id: string;
  title: string;
  seasonId: string;
  state: ApplicationState;
}

/**
 * The application if this person may see it as an applicant (its owner or a co-applicant), else null, exactly
 * as for an id that does not exist (see loadApplicationFor).
 */
export async function applicationOfApplicant(
  db: Db,
  id: string,
  user: CurrentUser,
): Promise<ApplicationOfApplicant | null> {
  const application = await loadApplicationFor(db, id, user);
  return application
    ? { id: application.id, title: application.title, seasonId: application.seasonId, state: application.state }
    : null;
}

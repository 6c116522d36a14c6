import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { personById, personName } from '../accounts/index.js';
import { formForExpert } from './experts/expert-opinions.js';
import { kindSpec } from './form/kinds.js';
import type { AnswerMap, FormDefinition, Question } from './form/model.js';
import { loadApplication, loadFormVersion, loadVersion } from './queries.js';
import { isInTheRunning } from './states.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What a jury reviewer may read of an application: its submitted answers, never contact details. */
export interface ApplicationForScoring {
  id: string;
  seasonId: string;
  title: string;
  trackCode: string;
  /** The form of the submitted version, without contact details and files (and identities when blind). */
  definition: FormDefinition;
  answers: AnswerMap;
  /** The organisation named in the answers; '' when blind or none. */
  organisationName: string;
  /** The owner's name as given on their account; '' when blind or not given. Never the email. */
  applicantName: string;
}

/** Whether a kind's answers name who applies (kinds.ts); a kind it does not know is taken to. */
const namesApplicant = (kind: string): boolean => kindSpec(kind)?.identifiesApplicant ?? true;
/** Question ids that name who applies (the default form's organisation and team questions). */
const IDENTITY_ID = /(^|_)(organisation|organization|structure|member|team|porteur|nom|name)(_|$)/;

/**
 * The form as a reviewer reads it: as for an outside expert (no email answers, no files), and in a blind
 * review also without the questions that identify the applicants (organisation, identifiers, team, links).
 * The project's own name stays: it is the application's title.
 */
export function formForReviewer(definition: FormDefinition, blind: boolean): FormDefinition {
  const open = formForExpert(definition);
  if (!blind) return open;
  const keep = (questions: Question[]): Question[] =>
    questions.filter((q) => q.id === 'project_name' || (!namesApplicant(q.kind) && !IDENTITY_ID.test(q.id)));
  return {
    sections: open.sections.map((s) => ({ ...s, questions: keep(s.questions) })).filter((s) => s.questions.length > 0),
  };
}

/** Answers limited to the questions of `definition` (top level), so nothing hidden reaches a page. */
function answersFor(definition: FormDefinition, answers: AnswerMap): AnswerMap {
  const ids = new Set(definition.sections.flatMap((s) => s.questions.map((q) => q.id)));
  return Object.fromEntries(Object.entries(answers).filter(([k]) => ids.has(k)));
}

/** The application's latest submitted version as a reviewer reads it; null when none was submitted. */
export async function loadApplicationForScoring(
  db: Db,
  id: string,
  options: { blind: boolean },
): Promise<ApplicationForScoring | null> {
  const application = await loadApplication(db, id);
  if (!application || application.currentVersion < 1) return null;
  const version = await loadVersion(db, application.id, application.currentVersion);
  const form = version ? await loadFormVersion(db, version.formId) : null;
  const definition = formForReviewer(form?.definition ?? { sections: [] }, options.blind);
  const answers = answersFor(definition, version?.answers ?? {});
  let organisationName = '';
  let applicantName = '';
  if (!options.blind) {
    const name = version?.answers.organisation_name;
    organisationName = typeof name === 'string' ? name.trim() : '';
    const owner = await personById(db, application.ownerId);
    applicantName = owner ? personName(owner) : '';
  }
  return {
    id: application.id,
    seasonId: application.seasonId,
    title: application.title,
    trackCode: application.trackCode,
    definition,
    answers,
    organisationName,
    applicantName,
  };
}

/** Title and track of each application, for the jury's lists and the ranking. */
export async function applicationLabels(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { title: string; trackCode: string; state: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'title', 'track_code', 'state'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { title: r.title, trackCode: r.track_code, state: r.state }]));
}

/** Among `ids`, the applications no longer in the running (withdrawn, ineligible): the jury leaves them aside. */
export async function applicationsOutOfTheRunning(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const labels = await applicationLabels(db, ids);
  return new Set([...labels].filter(([, label]) => !isInTheRunning(label.state)).map(([id]) => id));
}

import type { Kysely } from 'kysely';
import { addressOrPseudonym } from '../../../core/auth/pseudonym.js';
import type { DB } from '../../../core/db/schema.js';
import { personColumn } from '../../accounts/index.js';
import { seasonSummariesById } from '../../seasons/index.js';
import type { AnswerMap, FormDefinition, Question } from '../form/model.js';
import { parseJson, type StaffFilters, staffFilterCondition } from '../queries.js';

export interface ExportRow {
  id: string;
  seasonId: string;
  season: string;
  track: string;
  applicantKind: string;
  state: string;
  title: string;
  ownerEmail: string;
  territory: string;
  createdAt: string;
  submittedAt: string | null;
  version: number;
  answersSha256: string | null;
  /** The submitted answers of the latest version, or the draft's when never submitted. */
  answers: AnswerMap;
}

export interface ExportColumn {
  id: string;
  label: string;
  kind: Question['kind'];
}

export interface ExportData {
  rows: ExportRow[];
  columns: ExportColumn[];
  /** The questions of the columns, as the latest form version involved words them, with every version's options and sub-questions. */
  questions: Question[];
}

/** Hard cap on one export, so a request cannot hold the process with an unbounded result. */
export const EXPORT_LIMIT = 20_000;

/**
 * Every application matching the staff filters (the same as the list, without pages), each with
 * the answers staff instruct: the latest submitted version's, or the draft's. Columns are the
 * questions of the form versions involved, in form order, one per question.
 */
export async function exportApplications(db: Kysely<DB>, filters: Omit<StaffFilters, 'after'>): Promise<ExportData> {
  let query = db
    .selectFrom('applications')
    .leftJoin('application_versions as v', (join) =>
      join.onRef('v.application_id', '=', 'applications.id').onRef('v.version', '=', 'applications.current_version'),
    )
    .select([
      'applications.id',
      'applications.season_id',
      'applications.track_code',
      'applications.applicant_kind',
      'applications.state',
      'applications.title',
      personColumn('applications.owner_id', 'email').as('owner_email'),
      'applications.owner_id',
      'applications.territory',
      'applications.created_at',
      'applications.submitted_at',
      'applications.current_version',
      'applications.form_id',
      'v.answers',
      'v.answers_sha256',
      'v.form_id as version_form_id',
    ]);
  query = query.where(staffFilterCondition(filters));
  const raw = await query.orderBy('applications.created_at').orderBy('applications.id').limit(EXPORT_LIMIT).execute();

  const formIds = [...new Set(raw.map((r) => r.version_form_id ?? r.form_id))];
  const forms = formIds.length
    ? await db
        .selectFrom('application_forms')
        .select(['id', 'definition', 'version'])
        .where('id', 'in', formIds)
        .orderBy('version')
        .execute()
    : [];
  const columns: ExportColumn[] = [];
  const questions = new Map<string, Question>();
  for (const form of forms) {
    const definition = parseJson<FormDefinition>(form.definition, { sections: [] });
    for (const question of definition.sections.flatMap((s) => s.questions)) {
      if (!columns.some((c) => c.id === question.id))
        columns.push({ id: question.id, label: question.label.fr, kind: question.kind });
      questions.set(question.id, mergeVersions(questions.get(question.id), question));
    }
  }
  const seasons = await seasonSummariesById(
    db,
    raw.map((r) => r.season_id),
  );
  const rows = raw.map((r) => ({
    id: r.id,
    seasonId: r.season_id,
    season: seasons.get(r.season_id)?.slug ?? '',
    track: r.track_code,
    applicantKind: r.applicant_kind,
    state: r.state,
    title: r.title,
    ownerEmail: addressOrPseudonym(r.owner_email, r.owner_id),
    territory: r.territory,
    createdAt: new Date(r.created_at).toISOString(),
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    version: Number(r.current_version),
    answersSha256: r.answers_sha256 ?? null,
    // A draft is the applicant's until submitted: a never-submitted one is exported without its answers.
    answers: parseJson<AnswerMap>(r.answers, {}),
  }));
  return { rows, columns, questions: columns.map((c) => questions.get(c.id)!) };
}

/**
 * A question as its later version words it, keeping the options and sub-questions only an earlier version
 * had: an answer given against that version still reads as a label.
 */
function mergeVersions(earlier: Question | undefined, later: Question): Question {
  if (!earlier) return later;
  const options = [...(later.options ?? [])];
  for (const option of earlier.options ?? []) if (!options.some((o) => o.value === option.value)) options.push(option);
  const children = [...(later.children ?? [])];
  for (const child of earlier.children ?? []) if (!children.some((c) => c.id === child.id)) children.push(child);
  return { ...later, options, children };
}

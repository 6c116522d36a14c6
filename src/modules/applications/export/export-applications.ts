import type { Kysely } from 'kysely';
import { addressOrPseudonym } from '../../../core/auth/pseudonym.js';
import type { DB } from '../../../core/db/schema.js';
import { personColumn } from '../../accounts/index.js';
import { seasonSummariesById } from '../../seasons/index.js';
import type { AnswerMap, AnswerValue, FormDefinition, Question } from '../form/model.js';
import { parseJson, type StaffFilters, staffFilterCondition } from '../queries.js';

export interface ExportRow {
  id: string;
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

/** Hard cap on one export, so a request cannot hold the process with an unbounded result. */
export const EXPORT_LIMIT = 20_000;

/**
 * Every application matching the staff filters (the same as the list, without pages), each with
 * the answers staff instruct: the latest submitted version's, or the draft's. Columns are the
 * questions of the form versions involved, in form order, one per question.
 */
export async function exportApplications(
  db: Kysely<DB>,
  filters: Omit<StaffFilters, 'after'>,
): Promise<{ rows: ExportRow[]; columns: ExportColumn[] }> {
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
  for (const form of forms) {
    const definition = parseJson<FormDefinition>(form.definition, { sections: [] });
    for (const question of definition.sections.flatMap((s) => s.questions)) {
      if (!columns.some((c) => c.id === question.id))
        columns.push({ id: question.id, label: question.label.fr, kind: question.kind });
    }
  }
  const seasons = await seasonSummariesById(
    db,
    raw.map((r) => r.season_id),
  );
  const rows = raw.map((r) => ({
    id: r.id,
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
  return { rows, columns };
}

/** One answer as a spreadsheet cell: choices joined, files by id, repeatable blocks as JSON. */
export function answerCell(value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string') ? (value as string[]).join('; ') : JSON.stringify(value);
  if (typeof value === 'object' && 'fileIds' in value && Array.isArray(value.fileIds)) return value.fileIds.join('; ');
  return JSON.stringify(value);
}

/**
 * A CSV cell quoted per RFC 4180. A cell a spreadsheet would read as a formula (=, +, -, @, tab,
 * CR) gets a leading apostrophe: exported answers are applicants' text, never commands.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(guarded) || guarded !== value ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const FIXED = [
  'id',
  'saison',
  'parcours',
  'type_porteur',
  'etat',
  'titre',
  'porteur_email',
  'territoire',
  'creee_le',
  'soumise_le',
  'version',
  'empreinte_sha256',
];

export function toCsv(data: { rows: ExportRow[]; columns: ExportColumn[] }): string {
  const header = [...FIXED, ...data.columns.map((c) => c.id)];
  const lines = [header.map(csvCell).join(',')];
  for (const row of data.rows) {
    const fixed = [
      row.id,
      row.season,
      row.track,
      row.applicantKind,
      row.state,
      row.title,
      row.ownerEmail,
      row.territory,
      row.createdAt,
      row.submittedAt ?? '',
      String(row.version),
      row.answersSha256 ?? '',
    ];
    lines.push([...fixed, ...data.columns.map((c) => answerCell(row.answers[c.id]))].map(csvCell).join(','));
  }
  // BOM so spreadsheet software reads the accents as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

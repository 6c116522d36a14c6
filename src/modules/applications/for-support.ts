import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { normaliseRna, normaliseSiret } from './form/identifiers.js';
import type { AnswerMap, FormDefinition } from './form/model.js';
import { organisationAnswers } from './organisation/check-organisation.js';
import { parseJson } from './queries.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * What the support and grants modules read about a laureate's application: its labels, its organisation
 * (the grant's beneficiary: name, SIRET, RNA as submitted) and its owner. Team members come from
 * `teamRecipients` (mail) and `applicationOfApplicant` (access).
 */
export interface LaureateApplication {
  id: string;
  seasonId: string;
  title: string;
  trackCode: string;
  applicantKind: string;
  territory: string;
  organisationName: string;
  /** Normalised (14 digits) as the applicant gave it, or null. */
  siret: string | null;
  /** Normalised (W + 9 digits) as the applicant gave it, or null. */
  rna: string | null;
  summary: string;
  ownerId: string;
}

/** These applications (submitted ones only), by id; unknown ids are left out. */
export async function laureateApplications(db: Db, ids: readonly string[]): Promise<Map<string, LaureateApplication>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('application_versions as v', (join) =>
      join.onRef('v.application_id', '=', 'a.id').onRef('v.version', '=', 'a.current_version'),
    )
    .innerJoin('application_forms as f', 'f.id', 'a.form_id')
    .select([
      'a.id',
      'a.season_id',
      'a.title',
      'a.track_code',
      'a.applicant_kind',
      'a.territory',
      'a.owner_id',
      'v.answers',
      'f.definition',
    ])
    .where('a.id', 'in', ids)
    .where('a.state', '<>', 'draft')
    .execute();
  const found = new Map<string, LaureateApplication>();
  for (const r of rows) {
    const answers = parseJson<AnswerMap>(r.answers, {});
    const definition = parseJson<FormDefinition>(r.definition, { sections: [] } as unknown as FormDefinition);
    const text = (key: string) => (typeof answers[key] === 'string' ? (answers[key] as string).trim() : '');
    const identifiers = organisationAnswers(definition, answers);
    found.set(r.id, {
      id: r.id,
      seasonId: r.season_id,
      title: r.title,
      trackCode: r.track_code,
      applicantKind: r.applicant_kind,
      territory: r.territory,
      organisationName: text('organisation_name'),
      siret: identifiers.siret ? normaliseSiret(identifiers.siret) : null,
      rna: identifiers.rna ? normaliseRna(identifiers.rna) : null,
      summary: text('project_summary'),
      ownerId: r.owner_id,
    });
  }
  return found;
}

/**
 * The applications this person works on (owner, or co-applicant by account or by invited e-mail: the same
 * rule as `applicationOfApplicant`), submitted ones only: the team home lists the laureate spaces among them.
 */
export async function applicationIdsOfMember(db: Db, user: { id: string; email: string }): Promise<string[]> {
  const email = user.email.toLowerCase();
  const rows = await db
    .selectFrom('applications as a')
    .select('a.id')
    .where('a.state', '<>', 'draft')
    .where((eb) =>
      eb.or([
        eb('a.owner_id', '=', user.id),
        eb.exists(
          eb
            .selectFrom('application_members as m')
            .select('m.application_id')
            .whereRef('m.application_id', '=', 'a.id')
            .where((inner) => inner.or([inner('m.user_id', '=', user.id), inner('m.email', '=', email)])),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

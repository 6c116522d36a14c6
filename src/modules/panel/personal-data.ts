import type { Transaction } from 'kysely';
import { type Actor, type AuditRecorder, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { pseudonymsOf } from './queries.js';

export interface PanelPersonalData {
  panel: string;
  email: string;
  givenName: string;
  familyName: string;
  phone: string;
  availability: string;
  consentAt: Date;
  consentVersion: string;
  /** null once deleted on schedule. */
  demographics: Record<string, string> | null;
  /** The person's pseudonym in the published pool.csv; null before the commitment and after its withdrawal. */
  pseudonym: string | null;
  memberStatus: string | null;
  opinions: { applicationId: string; scores: Record<string, number>; comment: string }[];
}

/**
 * Everything the panel holds about one email address (GDPR access and portability), for the
 * accounts module's "my data" export.
 */
export async function panelDataOf(db: Services['db'], email: string): Promise<PanelPersonalData[]> {
  const rows = await db
    .selectFrom('panel_volunteers as v')
    .innerJoin('panels as p', 'p.id', 'v.panel_id')
    .leftJoin('panel_demographics as d', 'd.volunteer_id', 'v.id')
    .leftJoin('panel_members as m', 'm.volunteer_id', 'v.id')
    .select([
      'v.id',
      'v.panel_id',
      'v.email',
      'v.given_name',
      'v.family_name',
      'v.phone',
      'v.availability',
      'v.consent_at',
      'v.consent_version',
      'p.name',
      'd.answers',
      'm.id as member_id',
      'm.status',
    ])
    .where('v.email', '=', email.toLowerCase())
    .orderBy('v.created_at')
    .execute();
  const result: PanelPersonalData[] = [];
  for (const r of rows) {
    const opinions = r.member_id
      ? await db
          .selectFrom('panel_opinions')
          .select(['application_id', 'scores', 'comment'])
          .where('member_id', '=', r.member_id)
          .execute()
      : [];
    result.push({
      panel: r.name,
      email: r.email,
      givenName: r.given_name,
      familyName: r.family_name,
      phone: r.phone,
      availability: r.availability,
      consentAt: new Date(r.consent_at),
      consentVersion: r.consent_version,
      demographics: r.answers ?? null,
      pseudonym: (await pseudonymsOf(db, r.panel_id)).get(r.id) ?? null,
      memberStatus: r.status ?? null,
      opinions: opinions.map((o) => ({ applicationId: o.application_id, scores: o.scores, comment: o.comment })),
    });
  }
  return result;
}

/**
 * Erases a person from every panel (GDPR erasure): volunteer row, demographic answers, membership and the
 * opinions' comments; the opinions' scores stay under a key that no longer leads to anyone (they are part of
 * the selection's record). Published draw files keep only the pseudonymous row id and profile, which no longer
 * lead to anyone. Returns how many volunteer rows were erased.
 */
export async function erasePanelData(services: Services, actor: Actor, email: string): Promise<number> {
  return auditedTransaction(services.db, actor, services.clock.now(), (trx, audit) =>
    erasePanelVolunteers(trx, audit, email),
  );
}

/** The same, inside a transaction already open (the account erasure's). */
export async function erasePanelVolunteers(trx: Transaction<DB>, audit: AuditRecorder, email: string): Promise<number> {
  // The opinions stay (the selection's record) without their free text; the membership's deletion unlinks them.
  await trx
    .updateTable('panel_opinions')
    .set({ comment: '' })
    .where('member_id', 'in', (eb) =>
      eb
        .selectFrom('panel_members as m')
        .innerJoin('panel_volunteers as v', 'v.id', 'm.volunteer_id')
        .select('m.id')
        .where('v.email', '=', email.toLowerCase()),
    )
    .execute();
  const erased = await trx
    .deleteFrom('panel_volunteers')
    .where('email', '=', email.toLowerCase())
    .returning(['id', 'panel_id'])
    .execute();
  for (const row of erased)
    await audit({
      action: 'panel.volunteer-erased',
      subjectType: 'panel_volunteer',
      subjectId: row.id,
      summary: { panel: row.panel_id },
    });
  return erased.length;
}

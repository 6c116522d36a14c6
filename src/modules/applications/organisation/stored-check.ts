import type { Kysely, Transaction } from 'kysely';
import { type Actor, auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { WriteBatch } from '../../../core/db/write-batch.js';
import { enqueueJob } from '../../../core/jobs/queue.js';
import type { Services } from '../../../core/services.js';
import { loadApplication, loadFormVersion, loadVersion } from '../queries.js';
import { checkOrganisationAnswers, type OrganisationCheck } from './check-organisation.js';
import type { StoredCheckStatus } from './check-tables.js';
import { companyRegisterFor } from './company-register.js';
import './check-tables.js';

export const ORGANISATION_CHECK_JOB = 'applications.check_organisation';

/**
 * Enqueues the register check of an application's organisation, in the caller's transaction (the
 * submit): the check runs after COMMIT, in the background, so the register never slows nor blocks a
 * submission. One pending check per application.
 */
export async function enqueueOrganisationCheck(
  trx: Transaction<DB> | Kysely<DB> | WriteBatch,
  applicationId: string,
  now: Date,
): Promise<void> {
  await enqueueJob(
    trx,
    ORGANISATION_CHECK_JOB,
    { applicationId },
    { runAt: now, singletonKey: `${ORGANISATION_CHECK_JOB}:${applicationId}`, maxAttempts: 3 },
  );
}

/** What staff see: the stored check, as the summary view reads it, with when it was made. */
export interface StoredOrganisationCheck {
  status: StoredCheckStatus;
  checkedAt: Date;
  check: Pick<OrganisationCheck, 'register' | 'rnaMismatch'>;
}

/** The status column for one check. */
export function storedStatus(check: Pick<OrganisationCheck, 'register'>): StoredCheckStatus {
  const register = check.register;
  switch (register.status) {
    case 'verified':
      return register.active ? 'verified' : 'inactive';
    case 'not_found':
    case 'unavailable':
      return register.status;
    case 'not_checked':
      return register.reason === 'disabled' ? 'not_configured' : 'not_checked';
  }
}

/**
 * Checks the organisation named in an application's answers (the last submitted version, else the
 * draft) against the register and stores the result. Never throws because of the register: an
 * unavailable register is stored as such. Returns null when the answers name no organisation.
 */
export async function recheckOrganisation(
  services: Services,
  actor: Actor,
  applicationId: string,
): Promise<StoredOrganisationCheck | null | 'not_found'> {
  const application = await loadApplication(services.db, applicationId);
  if (!application) return 'not_found';
  const version =
    application.currentVersion > 0 ? await loadVersion(services.db, application.id, application.currentVersion) : null;
  const form = await loadFormVersion(services.db, version?.formId ?? application.formId);
  // A draft is the applicant's until submitted: nothing of it is checked or shown to staff.
  const answers = version?.answers ?? {};
  const check = await checkOrganisationAnswers(services, form?.definition ?? { sections: [] }, answers);
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    if (!check) {
      await trx.deleteFrom('application_organisation_checks').where('application_id', '=', application.id).execute();
      return null;
    }
    const status = storedStatus(check);
    const register = check.register;
    const verified = register.status === 'verified' ? register : null;
    const row = {
      checked_at: now,
      status,
      siret: check.siret,
      rna: check.rna,
      name: verified?.name ?? null,
      legal_form: verified?.legalForm ?? null,
      active: verified?.active ?? null,
      is_association: verified?.isAssociation ?? null,
      detail: JSON.stringify({ register: check.register, rnaMismatch: check.rnaMismatch }),
    };
    await trx
      .insertInto('application_organisation_checks')
      .values({ application_id: application.id, ...row })
      .onConflict((oc) => oc.column('application_id').doUpdateSet(row))
      .execute();
    await audit({
      action: 'application.check_organisation',
      subjectType: 'application',
      subjectId: application.id,
      summary: { status },
    });
    return { status, checkedAt: now, check: { register: check.register, rnaMismatch: check.rnaMismatch } };
  });
}

/** The last stored check of an application, or null when none was made (or the answers named no organisation). */
export async function loadOrganisationCheck(
  db: Kysely<DB>,
  applicationId: string,
): Promise<StoredOrganisationCheck | null> {
  const row = await db
    .selectFrom('application_organisation_checks')
    .select(['status', 'checked_at', 'detail'])
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!row) return null;
  const detail = (
    typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail
  ) as StoredOrganisationCheck['check'];
  return { status: row.status, checkedAt: new Date(row.checked_at), check: detail };
}

/** The job run after each submission. */
export function organisationCheckJob(services: Services) {
  return async (payload: Record<string, unknown>): Promise<void> => {
    const applicationId = typeof payload.applicationId === 'string' ? payload.applicationId : '';
    if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return;
    // With no register configured there is nothing to learn: no row, no audit event, no cost in a deadline rush.
    if (!companyRegisterFor(services.config)) return;
    await recheckOrganisation(services, systemActor, applicationId);
  };
}

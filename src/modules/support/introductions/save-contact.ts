import type { Transaction } from 'kysely';
import { type Actor, type AuditRecorder, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import type { OrganisationCheck } from '../../applications/index.js';
import type { ContactInput } from './contact-input.js';
import { activeContactByEmail } from './queries.js';

export type SaveContactResult =
  | { ok: true; id: string; created: boolean }
  | { ok: false; problem: 'not_found' | 'stale' | 'email_taken' };

/** Postgres' unique violation: two saves of the same address at once (the partial unique index decides). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/** What the audit keeps of a contact: no e-mail nor name (the log outlives an erasure), the organisation is public. */
function auditSummary(input: ContactInput, check: OrganisationCheck | null) {
  return {
    organisation: input.organisation,
    siret: input.siret,
    register: check?.register.status ?? null,
    levers: input.levers,
    topics: input.topics.length,
    legalBasis: input.legalBasis,
  };
}

/**
 * Writes a contact in the caller's transaction: a new one (`id` absent), or an update of `id` at the version the
 * form was read at. The address must not be another active contact's.
 */
export async function saveContactIn(
  trx: Transaction<DB>,
  audit: AuditRecorder,
  actor: Actor,
  now: Date,
  input: ContactInput,
  check: OrganisationCheck | null,
  target?: { id: string; version: number | null },
): Promise<SaveContactResult> {
  const other = await activeContactByEmail(trx, input.email);
  if (other && other.id !== target?.id) return { ok: false, problem: 'email_taken' };
  const values = {
    organisation: input.organisation,
    siret: input.siret,
    siret_check: check ? JSON.stringify(check) : null,
    service: input.service,
    person_name: input.personName,
    role: input.role,
    email: input.email,
    topics: input.topics,
    levers: input.levers,
    legal_basis: input.legalBasis,
    consent_note: input.consentNote,
    updated_at: now,
  };
  if (!target) {
    const row = await trx
      .insertInto('support_contacts')
      .values({ ...values, created_at: now, created_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'support.contact-created',
      subjectType: 'support_contact',
      subjectId: row.id,
      summary: auditSummary(input, check),
    });
    return { ok: true, id: row.id, created: true };
  }
  let update = trx
    .updateTable('support_contacts')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', target.id);
  if (target.version !== null) update = update.where('version', '=', target.version);
  const row = await update.returning('id').executeTakeFirst();
  if (!row) {
    const exists = await trx.selectFrom('support_contacts').select('id').where('id', '=', target.id).executeTakeFirst();
    return { ok: false, problem: exists ? 'stale' : 'not_found' };
  }
  await audit({
    action: 'support.contact-updated',
    subjectType: 'support_contact',
    subjectId: target.id,
    summary: auditSummary(input, check),
  });
  return { ok: true, id: target.id, created: false };
}

/**
 * Creates or updates a contact of the directory. The company register's answer (checked before, outside the
 * transaction: it may take two seconds) is kept with it; an unavailable register never blocks the save.
 */
export async function saveContact(
  services: Services,
  actor: Actor,
  input: ContactInput,
  check: OrganisationCheck | null,
  target?: { id: string; version: number },
): Promise<SaveContactResult> {
  const now = services.clock.now();
  try {
    return await auditedTransaction(services.db, actor, now, (trx, audit) =>
      saveContactIn(trx, audit, actor, now, input, check, target),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'email_taken' };
    throw error;
  }
}

import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { isUuid } from '../ids.js';
import type { FormReader } from './forms.js';

export const SUBMISSION_FIELD = 'submission_key';

/** A fresh one-time key for a create form. */
export function newSubmissionKey(): string {
  return randomUUID();
}

/** The form's one-time key, or null when absent or malformed (the create then simply has no replay guard). */
export function readSubmissionKey(form: FormReader): string | null {
  const key = form.text(SUBMISSION_FIELD, { max: 36 });
  return isUuid(key) ? key.toLowerCase() : null;
}

/**
 * Serialises the transactions that carry the same key, so the second send of a form waits for
 * the first one and then finds its row instead of inserting another.
 */
export async function lockSubmissionKey(trx: Transaction<DB>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Postgres "unique_violation": a concurrent writer took the same slug or number first. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

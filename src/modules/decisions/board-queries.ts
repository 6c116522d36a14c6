import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { FrozenDeliberation } from './inputs.js';
import type { Outcome } from './tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A recorded decision, as the board and the close read it. */
export interface DecisionRecord {
  applicationId: string;
  outcome: Outcome;
  waitlistPosition: number | null;
  reasonCodes: string[];
  reasonText: string;
  departsFromOrder: boolean;
  amountCents: number | null;
  publicRef: string;
  decidedAt: Date;
  decidedBy: string | null;
}

/** PGlite returns text[] parsed; a driver may give '{a,b}'. */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean)
      .map((v) => v.replace(/^"|"$/g, ''));
  return [];
}

export async function loadDecisions(db: Db, deliberationId: string): Promise<DecisionRecord[]> {
  const rows = await db
    .selectFrom('decisions')
    .select([
      'application_id',
      'outcome',
      'waitlist_position',
      'reason_codes',
      'reason_text',
      'departs_from_order',
      'amount_cents',
      'public_ref',
      'decided_at',
      'decided_by',
    ])
    .where('deliberation_id', '=', deliberationId)
    .orderBy('application_id')
    .execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    outcome: r.outcome,
    waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
    reasonCodes: textArray(r.reason_codes),
    reasonText: r.reason_text,
    departsFromOrder: Boolean(r.departs_from_order),
    amountCents: r.amount_cents === null ? null : Number(r.amount_cents),
    publicRef: r.public_ref,
    decidedAt: new Date(r.decided_at),
    decidedBy: r.decided_by,
  }));
}

/** Member id → present, for the members staff marked (the others are not present). */
export async function loadAttendance(db: Db, deliberationId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('deliberation_attendance')
    .select(['member_id', 'present'])
    .where('deliberation_id', '=', deliberationId)
    .execute();
  return new Map(rows.map((r) => [r.member_id, Boolean(r.present)]));
}

/** What the close froze; null while the deliberation is open. */
export async function loadFrozen(db: Db, seasonId: string): Promise<FrozenDeliberation | null> {
  const row = await db
    .selectFrom('deliberations')
    .select('frozen')
    .where('season_id', '=', seasonId)
    .executeTakeFirst();
  if (!row?.frozen) return null;
  const value = typeof row.frozen === 'string' ? JSON.parse(row.frozen) : row.frozen;
  return value as FrozenDeliberation;
}

/** Season id → its deliberation's status and publication, for the list of seasons. */
export async function deliberationStatuses(
  db: Db,
): Promise<Map<string, { status: 'open' | 'closed'; publishedAt: Date | null; closedAt: Date | null }>> {
  const rows = await db
    .selectFrom('deliberations')
    .select(['season_id', 'status', 'published_at', 'closed_at'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.season_id,
      {
        status: r.status,
        publishedAt: r.published_at ? new Date(r.published_at) : null,
        closedAt: r.closed_at ? new Date(r.closed_at) : null,
      },
    ]),
  );
}

/** The stored minutes of a closed deliberation in one language. */
export async function loadMinutes(db: Db, seasonId: string, locale: 'fr' | 'en'): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('deliberations')
    .select(['minutes_pdf', 'minutes_pdf_en'])
    .where('season_id', '=', seasonId)
    .where('status', '=', 'closed')
    .executeTakeFirst();
  const bytes = locale === 'en' ? row?.minutes_pdf_en : row?.minutes_pdf;
  return bytes ? new Uint8Array(bytes) : null;
}

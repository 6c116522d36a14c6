import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What an envelope holds, committed, signed and paid, in cents. */
export interface EnvelopeFigures {
  envelopeId: string;
  seasonId: string;
  /** '' for every track of the season. */
  trackCode: string;
  label: string;
  amountCents: number;
  /** Grants committed on it and not cancelled (committed, signed, suspended, closed). */
  committedCents: number;
  /** Of which signed by both parties (a suspended grant counts when its convention was signed). */
  signedCents: number;
  /** Payments recorded on its grants. */
  paidCents: number;
  /** amount − committed: what may still be committed. */
  remainingCents: number;
}

/** Grant statuses that hold money on their envelope. */
export const HOLDING_STATUSES = ['committed', 'signed', 'suspended', 'closed'] as const;
/** Statuses a grant may have once its convention is signed (suspension keeps the convention; closing ends it paid). */
export const SIGNED_STATUSES = ['signed', 'suspended', 'closed'] as const;

/**
 * The figures of every envelope (of one season, or all), by season then label: the staff's envelopes page,
 * the grants dashboard and the transparency page read the same sums.
 */
export async function envelopeFigures(db: Db, filter: { seasonId?: string } = {}): Promise<EnvelopeFigures[]> {
  let query = db.selectFrom('grant_envelopes as e').select([
    'e.id',
    'e.season_id',
    'e.track_code',
    'e.label',
    'e.amount_cents',
    sql<string>`coalesce((select sum(g.amount_cents) from grants g where g.envelope_id = e.id
        and g.status in ('committed', 'signed', 'suspended', 'closed')), 0)`.as('committed'),
    sql<string>`coalesce((select sum(g.amount_cents) from grants g where g.envelope_id = e.id
        and (g.status in ('signed', 'closed') or (g.status = 'suspended' and exists (select 1 from grant_conventions c
        where c.grant_id = g.id and c.signed_on is not null)))), 0)`.as('signed'),
    sql<string>`coalesce((select sum(p.amount_cents) from grant_payments p join grants g on g.id = p.grant_id
        where g.envelope_id = e.id), 0)`.as('paid'),
  ]);
  if (filter.seasonId) query = query.where('e.season_id', '=', filter.seasonId);
  const rows = await query.orderBy('e.season_id').orderBy('e.label').orderBy('e.id').execute();
  return rows.map((r) => {
    const amountCents = Number(r.amount_cents);
    const committedCents = Number(r.committed);
    return {
      envelopeId: r.id,
      seasonId: r.season_id,
      trackCode: r.track_code,
      label: r.label,
      amountCents,
      committedCents,
      signedCents: Number(r.signed),
      paidCents: Number(r.paid),
      remainingCents: amountCents - committedCents,
    };
  });
}

export interface FiguresTotals {
  amountCents: number;
  committedCents: number;
  signedCents: number;
  paidCents: number;
  remainingCents: number;
}

/** The sums of a list of envelopes' figures (a season's, every season's). */
export function sumFigures(list: readonly EnvelopeFigures[]): FiguresTotals {
  const sum = (pick: (f: EnvelopeFigures) => number) => list.reduce((total, f) => total + pick(f), 0);
  return {
    amountCents: sum((f) => f.amountCents),
    committedCents: sum((f) => f.committedCents),
    signedCents: sum((f) => f.signedCents),
    paidCents: sum((f) => f.paidCents),
    remainingCents: sum((f) => f.remainingCents),
  };
}

/**
 * The amount committed to each of these laureates (by application id): its grants that hold money (committed,
 * signed, suspended, closed), summed. A laureate without such a grant is left out. The public laureate page
 * shows it; nothing else of the grant leaves through here.
 */
export async function committedCentsOf(db: Db, applicationIds: readonly string[]): Promise<Map<string, number>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('grants')
    .select(['application_id', (eb) => eb.fn.sum<string>('amount_cents').as('cents')])
    .where('application_id', 'in', applicationIds)
    .where('status', 'in', HOLDING_STATUSES)
    .groupBy('application_id')
    .execute();
  return new Map(rows.map((r) => [r.application_id, Number(r.cents)]));
}

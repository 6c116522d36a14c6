import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { GrantStatus } from '../tables.js';
import '../tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * NOTE for the merge: the grants helper exports the same read model from grants/figures.ts; this one has
 * exactly its name and shape so the dashboard and the transparency section switch to it by import only.
 */

/** The grants that commit an envelope's money: everything but drafts and cancelled grants. */
export const COMMITTING: readonly GrantStatus[] = ['committed', 'signed', 'suspended', 'closed'];
/** The grants whose convention is signed (suspension keeps the convention, closing ends it paid). */
export const SIGNED: readonly GrantStatus[] = ['signed', 'suspended', 'closed'];

export interface EnvelopeFigures {
  envelopeId: string;
  seasonId: string;
  trackCode: string;
  label: string;
  amountCents: number;
  /** Sum of the envelope's committed, signed, suspended and closed grants. */
  committedCents: number;
  /** Sum of its signed, suspended and closed grants (their convention is signed). */
  signedCents: number;
  /** Sum of the payments recorded on its grants. */
  paidCents: number;
  /** amountCents − committedCents. */
  remainingCents: number;
}

/** Per envelope (of a season, or of every season): its amount and what is committed, signed, paid and left. */
export async function envelopeFigures(db: Db, filter: { seasonId?: string } = {}): Promise<EnvelopeFigures[]> {
  let query = db
    .selectFrom('grant_envelopes as e')
    .select([
      'e.id',
      'e.season_id',
      'e.track_code',
      'e.label',
      'e.amount_cents',
      sql<string>`coalesce((select sum(g.amount_cents) from grants g where g.envelope_id = e.id and g.status in ('committed', 'signed', 'suspended', 'closed')), 0)`.as(
        'committed',
      ),
      sql<string>`coalesce((select sum(g.amount_cents) from grants g where g.envelope_id = e.id and g.status in ('signed', 'suspended', 'closed')), 0)`.as(
        'signed',
      ),
      sql<string>`coalesce((select sum(p.amount_cents) from grant_payments p join grants g on g.id = p.grant_id where g.envelope_id = e.id), 0)`.as(
        'paid',
      ),
    ])
    .orderBy('e.season_id')
    .orderBy('e.track_code')
    .orderBy('e.label')
    .orderBy('e.id');
  if (filter.seasonId) query = query.where('e.season_id', '=', filter.seasonId);
  const rows = await query.execute();
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

/** The sums of a list of envelopes' figures. */
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

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** How many applications a season received, by track and applicant kind, and how many passed eligibility. */
export interface ApplicationFigures {
  /** Submitted at least once (drafts never count). */
  submitted: number;
  /** One row per track and kind that has any, by track then kind. */
  byTrackAndKind: { trackCode: string; kind: string; count: number }[];
  /** Found eligible at instruction (eligible, then reviewed, laureate or not selected). */
  eligible: number;
  ineligible: number;
  withdrawn: number;
}

const PASSED_ELIGIBILITY = ['eligible', 'in_review', 'laureate', 'not_selected'];

/** Counts only: no title, no name, nothing that identifies an applicant (the season report publishes them). */
export async function applicationFigures(db: Db, seasonId: string): Promise<ApplicationFigures> {
  const rows = await db
    .selectFrom('applications')
    .select(['track_code', 'applicant_kind', 'state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('season_id', '=', seasonId)
    .where('submitted_at', 'is not', null)
    .groupBy(['track_code', 'applicant_kind', 'state'])
    .execute();
  const cells = new Map<string, { trackCode: string; kind: string; count: number }>();
  let submitted = 0;
  let eligible = 0;
  let ineligible = 0;
  let withdrawn = 0;
  for (const row of rows) {
    const n = Number(row.n);
    submitted += n;
    if (PASSED_ELIGIBILITY.includes(row.state)) eligible += n;
    if (row.state === 'ineligible') ineligible += n;
    if (row.state === 'withdrawn') withdrawn += n;
    const key = `${row.track_code}\u0000${row.applicant_kind}`;
    const cell = cells.get(key) ?? { trackCode: row.track_code, kind: row.applicant_kind, count: 0 };
    cell.count += n;
    cells.set(key, cell);
  }
  const byTrackAndKind = [...cells.values()].sort(
    (a, b) => a.trackCode.localeCompare(b.trackCode) || a.kind.localeCompare(b.kind),
  );
  return { submitted, byTrackAndKind, eligible, ineligible, withdrawn };
}

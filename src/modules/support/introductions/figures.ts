import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { IntroductionOutcome } from '../tables.js';
import { OUTCOMES } from './queries.js';
import '../tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** One introduction made, as the figures count it. */
export interface IntroductionFact {
  lever: string;
  organisation: string;
  seasonId: string;
  /** The kinds of outcome recorded (repeats allowed). */
  outcomes: IntroductionOutcome[];
}

/** Counts of one group: introductions made, those with a positive outcome, and how many had each kind. */
export interface FigureRow {
  key: string;
  made: number;
  positive: number;
  byOutcome: Record<IntroductionOutcome, number>;
}

export interface IntroductionFigures {
  total: FigureRow;
  byLever: FigureRow[];
  byOrganisation: FigureRow[];
  bySeason: FigureRow[];
}

/** Anything but "no follow-up" means the introduction led to something. */
export const isPositive = (outcomes: readonly IntroductionOutcome[]) => outcomes.some((o) => o !== 'no_follow_up');

const emptyRow = (key: string): FigureRow => ({
  key,
  made: 0,
  positive: 0,
  byOutcome: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<IntroductionOutcome, number>,
});

function add(row: FigureRow, fact: IntroductionFact): void {
  row.made += 1;
  if (isPositive(fact.outcomes)) row.positive += 1;
  // An introduction counts once per kind, however many outcomes of that kind were recorded.
  for (const outcome of new Set(fact.outcomes)) row.byOutcome[outcome] += 1;
}

function grouped(facts: readonly IntroductionFact[], keyOf: (f: IntroductionFact) => string): FigureRow[] {
  const rows = new Map<string, FigureRow>();
  for (const fact of facts) {
    const key = keyOf(fact);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptyRow(key)));
    add(row, fact);
  }
  return [...rows.values()].sort((a, b) => b.made - a.made || a.key.localeCompare(b.key, 'fr'));
}

/** The figures of some introductions made (pure: the tests check its sums with properties). */
export function aggregateFigures(facts: readonly IntroductionFact[]): IntroductionFigures {
  const total = emptyRow('total');
  for (const fact of facts) add(total, fact);
  return {
    total,
    byLever: grouped(facts, (f) => f.lever),
    byOrganisation: grouped(facts, (f) => f.organisation),
    bySeason: grouped(facts, (f) => f.seasonId),
  };
}

/** The introductions made (status introduced), of a season and of some tracks (undefined: all), with their outcomes. */
export async function introductionFacts(
  db: Db,
  filter: { seasonId?: string; tracks?: readonly string[] } = {},
): Promise<IntroductionFact[]> {
  if (filter.tracks && filter.tracks.length === 0) return [];
  let query = db
    .selectFrom('support_introductions as i')
    .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('support_contacts as c', 'c.id', 'i.contact_id')
    .select(['i.id', 'i.lever', 'c.organisation', 'p.season_id'])
    .where('i.status', '=', 'introduced');
  if (filter.seasonId) query = query.where('p.season_id', '=', filter.seasonId);
  if (filter.tracks) query = query.where('p.track_code', 'in', filter.tracks);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const outcomes = await db
    .selectFrom('support_introduction_outcomes')
    .select(['introduction_id', 'outcome'])
    .where(
      'introduction_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byIntroduction = new Map<string, IntroductionOutcome[]>();
  for (const o of outcomes)
    byIntroduction.set(o.introduction_id, [...(byIntroduction.get(o.introduction_id) ?? []), o.outcome]);
  return rows.map((r) => ({
    lever: r.lever,
    organisation: r.organisation.trim(),
    seasonId: r.season_id,
    outcomes: byIntroduction.get(r.id) ?? [],
  }));
}

/**
 * Figures of the introductions: per lever, per administration (the contact's organisation), per season —
 * introductions made, those with at least one positive outcome (anything but "no follow-up"), and by kind.
 * `tracks` keeps to a track-limited staff member's laureates.
 */
export async function introductionFigures(
  db: Db,
  filter: { seasonId?: string; tracks?: readonly string[] } = {},
): Promise<IntroductionFigures> {
  return aggregateFigures(await introductionFacts(db, filter));
}

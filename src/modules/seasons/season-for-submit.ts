import { type RawBuilder, sql } from 'kysely';

/**
 * What a submit needs of its season: when its call closes (the deadline check), its names (the
 * acknowledgement mail) and the kinds of applicant it accepts (the applicant kind the form holds). The submit path runs under the deadline rush, where every round trip
 * counts, so this module hands the read as an expression the applications module puts in the
 * query that locks the application; the separate reads in season-lookups.ts remain for everything
 * else.
 */
export interface SeasonForSubmit {
  closesAt: Date;
  name: string;
  nameEn: string;
  eligibleKinds: string[];
}

/** The season of the row whose season id is `seasonIdColumn`, as one JSON value (see parseSeasonForSubmit). */
export function seasonForSubmitColumn(seasonIdColumn: string): RawBuilder<unknown> {
  return sql`(select json_build_object('closes_at', s.closes_at, 'name', s.name, 'name_en', s.name_en, 'eligible_kinds', s.eligible_kinds) from seasons s where s.id = ${sql.ref(seasonIdColumn)})`;
}

export function parseSeasonForSubmit(value: unknown): SeasonForSubmit | undefined {
  const row = (typeof value === 'string' ? JSON.parse(value) : value) as {
    closes_at: string;
    name: string;
    name_en: string;
    eligible_kinds?: string[] | null;
  } | null;
  return row
    ? {
        closesAt: new Date(row.closes_at),
        name: row.name,
        nameEn: row.name_en,
        eligibleKinds: row.eligible_kinds ?? [],
      }
    : undefined;
}

import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One level of a criterion's rubric for a season (0–5), with what it means in French and English. */
export interface ReviewRubricLevelsTable {
  season_id: string;
  criterion_code: string;
  level: number;
  description: string;
  description_en: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** A reminder mailed to a jury member about unfinished reviews of a phase ('scheduled': the job's, once per phase). */
export interface ReviewRemindersTable {
  id: ColumnType<string, string | undefined, never>;
  phase_id: string;
  member_id: string;
  kind: 'scheduled' | 'manual';
  unfinished: number;
  sent_at: Timestamp;
}

/** The seed recorded for a season's ranking: it breaks ties and drives the bootstrap, so the ranking can be redone. */
export interface ReviewRankingSeedsTable {
  season_id: string;
  seed: number;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

// Added to the review module's table interface from here, so scoring stays in its own folder.
declare module '../tables.js' {
  interface ReviewTables {
    review_rubric_levels: ReviewRubricLevelsTable;
    review_reminders: ReviewRemindersTable;
    review_ranking_seeds: ReviewRankingSeedsTable;
  }
}

import { type Kysely, sql } from 'kysely';

/**
 * Jury scoring (see ../scoring/tables.ts): the rubric of each season criterion (levels 0–5 with their
 * meaning; the default texts apply until staff change a level), reminders sent to reviewers, and the seed
 * recorded for a season's ranking.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table review_rubric_levels (
      season_id uuid not null references seasons(id) on delete cascade,
      criterion_code text not null,
      level smallint not null check (level between 0 and 5),
      description text not null,
      description_en text not null default '',
      updated_at timestamptz not null,
      updated_by uuid references users(id) on delete set null,
      primary key (season_id, criterion_code, level)
    );

    create table review_reminders (
      id uuid primary key default gen_random_uuid(),
      phase_id uuid not null references review_phases(id) on delete cascade,
      member_id uuid not null references jury_members(id) on delete cascade,
      kind text not null check (kind in ('scheduled', 'manual')),
      unfinished integer not null,
      sent_at timestamptz not null
    );
    create unique index review_reminders_scheduled_once on review_reminders(phase_id, member_id) where kind = 'scheduled';

    create table review_ranking_seeds (
      season_id uuid primary key references seasons(id) on delete cascade,
      seed integer not null check (seed >= 0),
      recorded_at timestamptz not null,
      recorded_by uuid references users(id) on delete set null
    );
  `.execute(db);
}

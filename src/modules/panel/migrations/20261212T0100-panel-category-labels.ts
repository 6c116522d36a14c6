import { type Kysely, sql } from 'kysely';

/**
 * A quota category is a question of the volunteers' form: it needs a question label in French and in
 * English, as its values have. Kept on each quota row (the rows of one category carry the same label);
 * empty on existing panels, where the form falls back to the category code until staff name it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table panel_quotas add column category_label text not null default '';
    alter table panel_quotas add column category_label_en text not null default '';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table panel_quotas drop column category_label_en, drop column category_label;`.execute(db);
}

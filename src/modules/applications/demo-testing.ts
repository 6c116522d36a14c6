import { sql, type Kysely } from 'kysely';
import { createSession } from '../../core/auth/sessions.js';
import type { Clock } from '../../core/clock.js';
import type { DB } from '../../core/db/schema.js';

/** Test support: the number of rows of every table of the public schema, by table name. */
export async function tableCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
     order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(row.rows[0].n);
  }
  return counts;
}

/** Test support: a session cookie for the account with this address (the demo admin, a demo reviewer). */
export async function sessionOf(db: Kysely<DB>, clock: Clock, email: string): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const { token } = await createSession(db, clock, user.id);
  return `acc_session=${token}`;
}

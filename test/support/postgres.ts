import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server to use: DATABASE_URL, else the local default, or undefined when none answers. */
export async function findPostgresServer(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL || DEFAULT_POSTGRES_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates an empty database on the server; `drop` removes it even while connections remain. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = 'acc_scratch',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropDatabaseWhenIdle(serverUrl, name),
  };
}

/**
 * Drops a test database once the connections its pool just closed are really gone. pg's
 * `pool.end()` resolves before the server has seen every client leave; dropping `with (force)`
 * at that moment terminates those backends, and the FATAL message reaches a client that no
 * longer has an error listener — an uncaught error in whichever test runs next.
 */
export async function dropDatabaseWhenIdle(serverUrl: string, name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: serverUrl });
  await dropper.connect();
  try {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const { rows } = await dropper.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
        name,
      ]);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await dropper.query(`drop database if exists ${name} with (force)`);
  } finally {
    await dropper.end();
  }
}

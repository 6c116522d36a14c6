import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type Database, EMBEDDED_OPTIONS, kyselyOnEmbedded } from '../../src/core/db/database.js';

/**
 * Embedded test databases handed from test file to test file within a worker, reset in between.
 *
 * Opening PGlite from the migrated dump costs 1 to 2 s of CPU (the WebAssembly runtime starts, the 40-odd MB
 * cluster is unpacked into its memory file system, PostgreSQL starts), paid by each of the ~180 test files. The
 * workers run with `isolate: false` (vitest.config.ts), so this module lives as long as the worker: a closed test
 * database goes back to the pool, and the next file gets it after a reset that empties every table and copies back
 * the rows its dump started with (captured once per worker, in binary COPY form), puts the sequences back, and
 * discards the session's state. The reset costs a fraction of an opening.
 *
 * Safety: an instance whose schema or triggers differ from the dump's when it comes back (a test altered a table,
 * left a trigger disabled, or ran a test-only module's migrations) is closed instead of reused, and a reset that
 * fails closes it too. Only databases opened from a dump come from here; the rest open as before.
 */

type Kind = string; // the dump file's path: the plain migrated database or the one with the demo

interface Snapshot {
  tables: { name: string; rows: Blob }[];
  sequences: { name: string; value: string; called: boolean }[];
  fingerprint: string;
}

interface Entry {
  pglite: PGlite;
  busy: boolean;
}

const idle: Entry[] = [];
const snapshots = new Map<Kind, Snapshot>();
/** Every table of the schemas the application owns, in one statement's list. */
let allTables: string | undefined;

const USER_TABLES = `
  select format('%I.%I', n.nspname, c.relname) as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
  order by 1`;

/** What must be identical for an instance to be reused: relations, columns, constraints, triggers and their state. */
const FINGERPRINT = `
  select md5(string_agg(item, ',' order by item)) as fingerprint from (
    select format('%s.%s:%s:%s', n.nspname, c.relname, c.relkind, c.relnatts) as item
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    union all
    select format('t:%s:%s:%s', tgrelid::regclass, tgname, tgenabled) from pg_trigger
    union all
    select format('c:%s:%s', conrelid::regclass, conname) from pg_constraint where connamespace <> 'pg_catalog'::regnamespace
    union all
    select format('a:%s.%s:%s', attrelid::regclass, attname, atttypid) from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
  ) items`;

async function fingerprintOf(pglite: PGlite): Promise<string> {
  const result = await pglite.query<{ fingerprint: string }>(FINGERPRINT);
  return result.rows[0].fingerprint;
}

async function open(dumpFile: string): Promise<PGlite> {
  const pglite = new PGlite({ ...EMBEDDED_OPTIONS, loadDataDir: new Blob([readFileSync(dumpFile)]) });
  await pglite.waitReady;
  return pglite;
}

/** The rows and sequence values of a freshly opened instance: what a reset puts back. */
async function capture(pglite: PGlite): Promise<Snapshot> {
  const names = (await pglite.query<{ name: string }>(USER_TABLES)).rows.map((r) => r.name);
  allTables ??= names.join(', ');
  const tables: Snapshot['tables'] = [];
  for (const name of names) {
    const count = await pglite.query<{ n: number }>(`select count(*)::int as n from ${name}`);
    if (count.rows[0].n === 0) continue;
    const copied = await pglite.query(`copy ${name} to '/dev/blob' with (format binary)`);
    if (copied.blob) tables.push({ name, rows: copied.blob });
  }
  const sequences = (
    await pglite.query<{ name: string; value: string; called: boolean }>(
      `select format('%I.%I', schemaname, sequencename) as name, coalesce(last_value, 1)::text as value,
              last_value is not null as called
       from pg_sequences`,
    )
  ).rows;
  return { tables, sequences, fingerprint: await fingerprintOf(pglite) };
}

/** Puts an instance back in the state its kind's dump opened in. */
async function reset(pglite: PGlite, snapshot: Snapshot): Promise<void> {
  if (pglite.isInTransaction()) await pglite.exec('rollback');
  await pglite.exec('discard all');
  // Replica mode: no trigger fires (the audit log refuses deletions; foreign keys are checked by triggers).
  await pglite.exec(`set session_replication_role = replica; truncate ${allTables}`);
  for (const table of snapshot.tables)
    await pglite.query(`copy ${table.name} from '/dev/blob' with (format binary)`, [], { blob: table.rows });
  for (const s of snapshot.sequences)
    await pglite.query('select setval($1::regclass, $2::bigint, $3)', [s.name, s.value, s.called]);
  await pglite.exec('set session_replication_role = origin');
}

function handOut(entry: Entry, kind: Kind): Database {
  entry.busy = true;
  const db = kyselyOnEmbedded(entry.pglite, { closeOnDestroy: false });
  let closed = false;
  return {
    db,
    engine: 'pglite',
    dumpDataDir: () => entry.pglite.dumpDataDir('none'),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      entry.busy = false;
      const reusable =
        !entry.pglite.closed &&
        (await fingerprintOf(entry.pglite).catch(() => undefined)) === snapshots.get(kind)?.fingerprint;
      if (reusable) idle.push(entry);
      else if (!entry.pglite.closed) await entry.pglite.close();
    },
  };
}

/** A database in the state of `dumpFile`: an idle instance reset to it, or a new one opened from it. */
export async function pooledDatabase(dumpFile: string): Promise<Database> {
  const snapshot = snapshots.get(dumpFile);
  while (snapshot && idle.length > 0) {
    const entry = idle.pop()!;
    try {
      await reset(entry.pglite, snapshot);
      return handOut(entry, dumpFile);
    } catch {
      await entry.pglite.close().catch(() => {});
    }
  }
  const pglite = await open(dumpFile);
  if (!snapshot) snapshots.set(dumpFile, await capture(pglite));
  return handOut({ pglite, busy: false }, dumpFile);
}

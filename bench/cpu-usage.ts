/**
 * CPU time spent by the platform and by its PostgreSQL backends, read from /proc (Linux): on a
 * machine shared with other work, milliseconds of CPU per request say more about the code than a
 * throughput that depends on how much of the two cores the other work left. Returns undefined
 * elsewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** utime + stime (ms) of one process, or 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Every process of a process group (the platform started with `detached: true`). */
function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export interface CpuSnapshot {
  app: number;
  database: number;
}

/** CPU so far of the platform (its process group, or one pid) and of the backends of one database. */
export async function cpuSnapshot(options: {
  appGroup?: number;
  appPid?: number;
  /** The PostgreSQL server and database whose backends count; none for the embedded database (in the app). */
  serverUrl?: string;
  database?: string;
}): Promise<CpuSnapshot | undefined> {
  if (process.platform !== 'linux') return undefined;
  const appPids = options.appGroup ? groupPids(options.appGroup) : options.appPid ? [options.appPid] : [];
  const app = appPids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  if (!options.serverUrl || !options.database) return { app, database: 0 };
  const client = new pg.Client({ connectionString: options.serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [options.database],
    );
    return {
      app,
      database: rows.reduce((sum, row) => sum + processCpuMs(row.pid), 0),
    };
  } finally {
    await client.end();
  }
}

/** CPU milliseconds per request between two snapshots (backends that ended meanwhile are not counted). */
export function cpuPerRequest(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, requests: number) {
  if (!before || !after || requests === 0) return undefined;
  const round = (ms: number) => Number((ms / requests).toFixed(2));
  return {
    app: round(after.app - before.app),
    database: round(after.database - before.database),
    total: round(after.app - before.app + after.database - before.database),
  };
}

/**
 * Staff list and search at scale: 100,000 applications (the `applications seed` command), then the
 * list pages staff use most, each requested one after another as one staff member would.
 *
 *   npx tsx bench/staff-list.ts           (COUNT=100000 REQUESTS=100 by default)
 *
 * Needs PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres); a scratch database
 * is created and dropped at the end (KEEP_DATABASE=1 keeps it). Prints one JSON line with p50, p95 and
 * the CPU milliseconds (platform + PostgreSQL backends) per request of each page.
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { createSession } from '../src/core/auth/sessions.js';
import { systemClock } from '../src/core/clock.js';
import { openDatabase } from '../src/core/db/database.js';
import type { Services } from '../src/core/services.js';
import { applicationsModule } from '../src/modules/applications/index.js';
import { createScratchDatabase, findPostgresServer } from '../test/support/postgres.js';
import { type AppProcess, startAppProcess } from '../test/support/processes.js';
import { cpuPerRequest, cpuSnapshot } from './cpu-usage.js';

const COUNT = Number(process.env.COUNT ?? 100_000);
const REQUESTS = Number(process.env.REQUESTS ?? 100);

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

async function seed(url: string): Promise<string> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const { db } = database;
  try {
    const now = new Date();
    const season = await db
      .insertInto('seasons')
      .values({
        slug: 'mesure',
        number: 98,
        name: 'Saison de mesure',
        name_en: 'Measurement season',
        summary: '',
        summary_en: '',
        opens_at: new Date(now.getTime() - 86_400_000),
        closes_at: new Date(now.getTime() + 30 * 86_400_000),
        eligible_kinds: ['citizen', 'association', 'administration', 'company'],
        support_months: 6,
        grant_envelope_cents: 0,
        laureates_sought: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('season_tracks')
      .values([
        { season_id: season.id, code: 'numerique', name: 'Numérique', name_en: 'Digital', lead: 'DINUM', position: 0 },
        {
          season_id: season.id,
          code: 'autres',
          name: 'Autres communs',
          name_en: 'Other commons',
          lead: 'DITP',
          position: 1,
        },
      ])
      .execute();
    const definition = {
      sections: [
        {
          id: 'p',
          title: { fr: 'Projet', en: 'Project' },
          questions: [
            { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom', en: 'Name' } },
            { id: 'project_summary', kind: 'long_text', required: true, label: { fr: 'Résumé', en: 'Summary' } },
          ],
        },
      ],
    };
    await db
      .insertInto('application_forms')
      .values({ season_id: season.id, version: 1, definition: JSON.stringify(definition), created_at: now })
      .execute();
    const code = await applicationsModule.commands!['applications seed'].run(['mesure', String(COUNT)], {
      db,
      clock: systemClock,
    } as unknown as Services);
    if (code !== 0) throw new Error('seeding failed');
    // The state autovacuum brings a table to after such a load (PostgreSQL 13+ vacuums after bulk
    // inserts too): fresh statistics and visibility map. Without it the autovacuum that the seed
    // triggers runs during the first measured page.
    await sql`vacuum analyze`.execute(db);
    const staff = await db
      .insertInto('users')
      .values({ email: 'staff-bench@example.org' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: staff.id, role: 'staff', track: '' }).execute();
    const { token } = await createSession(db, systemClock, staff.id);
    return `acc_session=${token}`;
  } finally {
    await database.close();
  }
}

async function measure(
  baseUrl: string,
  cookie: string,
  path: string,
): Promise<{ p50_ms: number; p95_ms: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < REQUESTS + 5; i++) {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    status = response.status;
    if (i >= 5) times.push(performance.now() - t0); // the first five warm up
  }
  times.sort((a, b) => a - b);
  return { p50_ms: percentile(times, 50), p95_ms: percentile(times, 95), status };
}

async function main(): Promise<void> {
  const serverUrl = await findPostgresServer();
  if (!serverUrl) throw new Error('No PostgreSQL server answers (set DATABASE_URL)');
  const scratch = await createScratchDatabase(serverUrl, 'acc_list');
  let platform: AppProcess | undefined;
  try {
    platform = await startAppProcess({ DATABASE_URL: scratch.url, DEMO: '0', RUN_JOBS: '0', DATA_DIR: '/nonexistent' });
    const cookie = await seed(scratch.url);
    const first = await fetch(`${platform.baseUrl}/admin/candidatures`, { headers: { cookie } });
    const deep = /href="\/admin\/candidatures\?([^"]*apres=[^"]+)"/
      .exec(await first.text())?.[1]
      ?.replace(/&amp;/g, '&');
    const loadBefore = Number(loadavg()[0].toFixed(2));
    const pages: Record<string, string> = {
      list: '/admin/candidatures',
      next_page: `/admin/candidatures?${deep ?? ''}`,
      filtered: '/admin/candidatures?saison=mesure&parcours=autres&etat=submitted&type=association',
      search: `/admin/candidatures?q=${encodeURIComponent('énergie solaire')}`,
      search_filtered: `/admin/candidatures?q=${encodeURIComponent('cartographie')}&etat=eligible`,
    };
    const results: Record<string, unknown> = {};
    const cpuOf = { appGroup: platform.child.pid, serverUrl, database: new URL(scratch.url).pathname.slice(1) };
    for (const [name, path] of Object.entries(pages)) {
      const before = await cpuSnapshot(cpuOf);
      const timing = await measure(platform.baseUrl, cookie, path);
      // CPU of the platform and its PostgreSQL backends per request: holds on a shared machine.
      results[name] = { ...timing, cpu_ms: cpuPerRequest(before, await cpuSnapshot(cpuOf), REQUESTS + 5)?.total };
    }
    console.log(
      JSON.stringify({
        bench: 'staff-list',
        machine: `${cpus().length} cores, ${cpus()[0]?.model.trim()}, Node ${process.version}`,
        date: new Date().toISOString(),
        load_avg_1m: { before: loadBefore, after: Number(loadavg()[0].toFixed(2)) },
        applications: COUNT,
        requests_per_page: REQUESTS,
        ...results,
      }),
    );
  } finally {
    await platform?.stop();
    // KEEP_DATABASE=1 leaves the seeded database in place (to EXPLAIN its queries); drop it by hand.
    if (process.env.KEEP_DATABASE === '1') console.error(`database kept: ${scratch.url}`);
    else await scratch.drop();
  }
}

await main();

/**
 * Deadline rush: many distinct applicants submit a complete application at once, 10 % of them
 * twice (double click / retry with the same form), against the platform in its own process on
 * PostgreSQL. Prints one JSON line: submitted, acknowledged, stored, duplicates, lost, latency.
 *
 *   npx tsx bench/deadline-rush.ts            (APPLICANTS=2000 CONCURRENCY=64 ATTACHMENT_KB=200 by default)
 *   FILES=directory npx tsx bench/deadline-rush.ts   (the files' bytes in a FILES_DIR instead of the database)
 *   ENGINE=embedded npx tsx bench/deadline-rush.ts   (PGlite in a scratch DATA_DIR, as `npm start` runs it)
 *
 * The form has a required PDF question, so each submit is the page's own multipart form carrying
 * one ATTACHMENT_KB attachment (ATTACHMENT_KB=0: no file question, the form is sent urlencoded).
 * Needs PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres): a scratch database
 * is created and dropped at the end. ENGINE=embedded needs none: the platform runs on PGlite in a scratch
 * data folder with its default files folder (DATA_DIR/files); the folder is seeded while the platform is
 * stopped (one process at a time may open it) and counted after it stops. ROOT=<checkout> runs another
 * checkout's compiled server (a "before"). Setup (people, sessions, drafts, one page view each for its
 * CSRF token and submit key) is not measured.
 *
 * To profile the platform, start it yourself and name it: APP_URL=http://127.0.0.1:3100 with
 * DATABASE_URL=<its empty, migrated database> (e.g. `node --cpu-prof --import tsx src/main.ts`) and
 * APP_PID=<its pid>; the bench then seeds that database and leaves both in place.
 *
 * `cpu_ms_per_submit` is the CPU time the platform and its PostgreSQL backends spent per request
 * sent (from /proc): on a shared machine it measures the code where `per_second` measures the
 * machine's spare time as much.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createSession } from '../src/core/auth/sessions.js';
import { systemClock } from '../src/core/clock.js';
import { type Database, openDatabase } from '../src/core/db/database.js';
import { createScratchDatabase, findPostgresServer } from '../test/support/postgres.js';
import { type AppProcess, startAppProcess } from '../test/support/processes.js';
import { cpuPerRequest, cpuSnapshot } from './cpu-usage.js';

const APPLICANTS = Number(process.env.APPLICANTS ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
const DUPLICATE_SHARE = 0.1;
const ATTACHMENT_BYTES = Number(process.env.ATTACHMENT_KB ?? 200) * 1024;
const ATTACHMENT_CONTENT = process.env.ATTACHMENT_CONTENT === 'repeated' ? 'repeated' : 'random';
/** Where the platform keeps the files' bytes: FILES=directory starts it with a scratch FILES_DIR. */
const FILES = process.env.FILES === 'directory' ? 'directory' : 'database';
/** ENGINE=embedded: PGlite in a scratch data folder, as `npm start` runs; else a PostgreSQL server. */
const EMBEDDED = process.env.ENGINE === 'embedded';
/** Another checkout whose compiled server runs instead of this one's (a benchmark's "before"). */
const ROOT = process.env.ROOT || undefined;

const FILE_QUESTION = {
  id: 'dossier',
  kind: 'file',
  required: true,
  label: { fr: 'Dossier (PDF)', en: 'File (PDF)' },
  file: { contentTypes: ['application/pdf'], maxBytes: 1024 * 1024 },
};

const FORM = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        { id: 'project_summary', kind: 'long_text', required: true, label: { fr: 'Résumé', en: 'Summary' } },
        ...(ATTACHMENT_BYTES > 0 ? [FILE_QUESTION] : []),
      ],
    },
  ],
};

/** The file questions of the form: each submit attaches one file to each of them. */
const FILE_QUESTIONS = FORM.sections
  .flatMap((s) => s.questions)
  .filter((q) => q.kind === 'file')
  .map((q) => q.id);

/**
 * A PDF of the requested size (a minimal document padded with a comment), the same for everyone. By
 * default the padding is random bytes, as incompressible as the deflated streams that make up most
 * of a real PDF; ATTACHMENT_CONTENT=repeated pads with one repeated letter, which PostgreSQL
 * compresses to almost nothing (flattering when the bytes are stored in the database).
 */
function attachment(bytes: number): Buffer {
  const head = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n%',
  );
  const tail = Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  return Buffer.concat([
    head,
    ATTACHMENT_CONTENT === 'repeated'
      ? Buffer.alloc(Math.max(0, bytes - head.length - tail.length), 'x')
      : randomBytes(Math.max(0, bytes - head.length - tail.length)),
    tail,
  ]);
}
const PDF = ATTACHMENT_BYTES > 0 ? attachment(ATTACHMENT_BYTES) : Buffer.alloc(0);

interface Prepared {
  id: string;
  /** Where the page's submit button posts (with the CSRF token in its query for a multipart form). */
  url: string;
  cookie: string;
  fields: Record<string, string>;
}

/**
 * The request body as the chunks it is sent in, built at send time: the shared attachment is sent
 * as it is, never copied into one buffer per request (2,000 copies of 200 kB kept this load
 * generator's garbage collector busy on the cores the platform needs). Multipart with one file per
 * file question, else urlencoded.
 */
function requestBody(send: Prepared): { chunks: (Buffer | string)[]; contentType: string } {
  if (FILE_QUESTIONS.length === 0)
    return { chunks: [new URLSearchParams(send.fields).toString()], contentType: 'application/x-www-form-urlencoded' };
  const boundary = `----rush${randomUUID().replaceAll('-', '')}`;
  const chunks: (Buffer | string)[] = Object.entries(send.fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  for (const question of FILE_QUESTIONS) {
    chunks.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${question}"; filename="dossier.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      PDF,
      '\r\n',
    );
  }
  chunks.push(`--${boundary}--\r\n`);
  return { chunks, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** One POST; resolves with the status once the whole answer is read (redirects are not followed). */
function post(
  agent: http.Agent,
  url: string,
  headers: Record<string, string>,
  chunks: (Buffer | string)[],
): Promise<number> {
  const length = chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(length) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

/** Where the platform's database is: a server's scratch database, or a scratch embedded data folder. */
type Store = { databaseUrl: string } | { dataDir: string };

function open(store: Store, poolSize: number): Promise<Database> {
  return 'dataDir' in store
    ? openDatabase({ dataDir: store.dataDir, role: 'benchmark' })
    : openDatabase({ databaseUrl: store.databaseUrl, poolSize });
}

async function seed(store: Store): Promise<{ id: string; token: string }[]> {
  const database = await open(store, 4);
  const { db } = database;
  try {
    const now = new Date();
    const season = await db
      .insertInto('seasons')
      .values({
        slug: 'rush',
        number: 99,
        name: 'Saison de charge',
        name_en: 'Load season',
        summary: '',
        summary_en: '',
        opens_at: new Date(now.getTime() - 86_400_000),
        closes_at: new Date(now.getTime() + 30 * 86_400_000),
        eligible_kinds: ['citizen'],
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
      .values({
        season_id: season.id,
        code: 'numerique',
        name: 'Numérique',
        name_en: 'Digital',
        lead: 'DINUM',
        position: 0,
      })
      .execute();
    const form = await db
      .insertInto('application_forms')
      .values({ season_id: season.id, version: 1, definition: JSON.stringify(FORM), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const people: { id: string; token: string }[] = [];
    for (let start = 0; start < APPLICANTS; start += 500) {
      const count = Math.min(500, APPLICANTS - start);
      const users = await db
        .insertInto('users')
        .values(Array.from({ length: count }, (_, i) => ({ email: `rush-${start + i}@example.org` })))
        .returning(['id', 'email'])
        .$narrowType<{ email: string }>()
        .execute();
      const apps = await db
        .insertInto('applications')
        .values(
          users.map((u) => ({
            season_id: season.id,
            track_code: 'numerique',
            form_id: form.id,
            owner_id: u.id,
            applicant_kind: 'citizen',
            title: '',
            state: 'draft',
            draft_answers: '{}',
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'owner_id'])
        .execute();
      await db
        .insertInto('application_members')
        .values(
          users.map((u) => ({
            application_id: apps.find((a) => a.owner_id === u.id)!.id,
            email: u.email,
            user_id: u.id,
            role: 'owner' as const,
            invited_at: now,
            accepted_at: now,
          })),
        )
        .execute();
      for (const app of apps) {
        const { token } = await createSession(db, systemClock, app.owner_id);
        people.push({ id: app.id, token });
      }
    }
    return people;
  } finally {
    await database.close();
  }
}

/** One page view per applicant, as a browser would before submitting: its CSRF token and submit key. */
async function prepare(baseUrl: string, people: { id: string; token: string }[]): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  await pool(people, 16, async (person) => {
    const response = await fetch(`${baseUrl}/mes-candidatures/${person.id}`, {
      headers: { cookie: `acc_session=${person.token}` },
    });
    const html = await response.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    const key = /name="idempotency_key" value="([^"]+)"/.exec(html)?.[1];
    const csrfCookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('_csrf='));
    const action = /formaction="([^"]*\/soumettre[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    if (!csrf || !key || !csrfCookie || !action)
      throw new Error(`no form on /mes-candidatures/${person.id} (${response.status})`);
    const fields = {
      _csrf: csrf,
      idempotency_key: key,
      project_name: `Projet ${person.id.slice(0, 8)}`,
      project_summary: `Un projet d’intérêt général ${randomUUID()} `.repeat(20),
    };
    prepared.push({
      id: person.id,
      url: `${baseUrl}${action}`,
      cookie: `acc_session=${person.token}; ${csrfCookie}`,
      fields,
    });
  });
  return prepared;
}

/** The platform as the benchmark runs it: where its database is, and how to start it. */
async function platformUnderTest(): Promise<{
  store: Store;
  serverUrl?: string;
  start: () => Promise<Pick<AppProcess, 'baseUrl' | 'stop'> & { pid?: number; group?: number }>;
  cleanUp: () => Promise<void>;
}> {
  if (EMBEDDED) {
    const dataDir = mkdtempSync(join(tmpdir(), 'acc-rush-data-'));
    const start = async () => {
      const app = await startAppProcess(
        { DATABASE_URL: '', DATA_DIR: dataDir, DEMO: '0', RUN_JOBS: '0' },
        { root: ROOT },
      );
      return { ...app, group: app.child.pid };
    };
    // A first start migrates the folder; the seed then opens it while no server holds it.
    await (await start()).stop();
    return { store: { dataDir }, start, cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const serverUrl = await findPostgresServer();
  if (!serverUrl) throw new Error('No PostgreSQL server answers (set DATABASE_URL)');
  const external = process.env.APP_URL;
  const scratch = external
    ? { url: serverUrl, drop: async () => undefined }
    : await createScratchDatabase(serverUrl, 'acc_rush');
  const filesDir = FILES === 'directory' && !external ? mkdtempSync(join(tmpdir(), 'acc-rush-files-')) : undefined;
  const start = async () => {
    if (external)
      return { baseUrl: external, stop: async () => undefined, pid: Number(process.env.APP_PID) || undefined };
    const app = await startAppProcess(
      {
        DATABASE_URL: scratch.url,
        DEMO: '0',
        RUN_JOBS: '0',
        DATA_DIR: '/nonexistent',
        ...(filesDir ? { FILES_DIR: filesDir } : {}),
      },
      { root: ROOT },
    );
    return { ...app, group: app.child.pid };
  };
  const cleanUp = async () => {
    await scratch.drop();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  };
  return { store: { databaseUrl: scratch.url }, serverUrl, start, cleanUp };
}

async function main(): Promise<void> {
  const external = process.env.APP_URL;
  const under = await platformUnderTest();
  let platform: Awaited<ReturnType<typeof under.start>> | undefined;
  try {
    // Seeded before the platform starts: the embedded folder admits one process at a time.
    const people = await seed(under.store);
    platform = await under.start();
    const prepared = await prepare(platform.baseUrl, people);
    // 10 % send the same form twice at once (a double click), in a shuffled order.
    const sends = prepared.flatMap((p, i) => (i % Math.round(1 / DUPLICATE_SHARE) === 0 ? [p, p] : [p]));
    for (let i = sends.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [sends[i], sends[j]] = [sends[j], sends[i]];
    }
    const latencies: number[] = [];
    const acknowledged = new Set<string>();
    let failures = 0;
    const loadBefore = Number(loadavg()[0].toFixed(2));
    const cpuOf = {
      appGroup: platform.group,
      appPid: platform.pid,
      serverUrl: under.serverUrl,
      database: 'databaseUrl' in under.store ? new URL(under.store.databaseUrl).pathname.slice(1) : undefined,
    };
    const cpuBefore = await cpuSnapshot(cpuOf);
    const started = performance.now();
    // node:http with kept-alive connections, not fetch: undici cost this process 4–5 times the CPU per
    // request (1.3–1.8 ms against 0.3 ms), CPU the two cores then could not give the platform.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const clientBefore = process.cpuUsage();
    const window = { from_us: Number(process.hrtime.bigint() / 1000n), to_us: 0 };
    await pool(sends, CONCURRENCY, async (send) => {
      const t0 = performance.now();
      try {
        const { chunks, contentType } = requestBody(send);
        const status = await post(agent, send.url, { cookie: send.cookie, 'content-type': contentType }, chunks);
        if (status === 303) acknowledged.add(send.id);
        else failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
    });
    const elapsedS = (performance.now() - started) / 1000;
    window.to_us = Number(process.hrtime.bigint() / 1000n);
    const client = process.cpuUsage(clientBefore);
    agent.destroy();
    // For a profile of a platform started by hand: the submits' window on the monotonic clock V8's profiles use.
    if (external) console.error(JSON.stringify({ rush_window: window }));
    const cpuAfter = await cpuSnapshot(cpuOf);

    // Counted once the platform has stopped (the embedded folder admits one process at a time).
    await platform.stop();
    const database = await open(under.store, 2);
    const counts = await database.db
      .selectFrom('application_versions')
      .select(['application_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('application_id')
      .execute();
    const withFile =
      ATTACHMENT_BYTES > 0
        ? await database.db
            .selectFrom('application_versions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(sql<boolean>`coalesce(jsonb_array_length(answers -> ${FILE_QUESTION.id} -> 'fileIds'), 0) > 0`)
            .executeTakeFirstOrThrow()
        : { n: 0 };
    // A double submit carries the file twice: how many uploads were kept for the applications.
    const files = await database.db
      .selectFrom('application_files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Where the bytes went, as the platform chose (FILES_DIR, its embedded default, or the database).
    const storedIn = await database.db
      .selectFrom('files')
      .select(['stored_in', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('stored_in')
      .execute();
    await database.close();
    const versions = new Map(counts.map((c) => [c.application_id, Number(c.n)]));
    latencies.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: 'deadline-rush',
        machine: `${cpus().length} cores, ${cpus()[0]?.model.trim()}, Node ${process.version}`,
        date: new Date().toISOString(),
        load_avg_1m: { before: loadBefore, after: Number(loadavg()[0].toFixed(2)) },
        applicants: APPLICANTS,
        concurrency: CONCURRENCY,
        submitted: sends.length,
        acknowledged: acknowledged.size,
        stored: versions.size,
        duplicates: [...versions.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
        lost: [...acknowledged].filter((id) => !versions.has(id)).length,
        failed_requests: failures,
        p50_ms: percentile(latencies, 50),
        p99_ms: percentile(latencies, 99),
        per_second: Math.round(sends.length / elapsedS),
        cpu_ms_per_submit: cpuPerRequest(cpuBefore, cpuAfter, sends.length),
        // This load generator's own CPU per request: it shares the two cores with the platform.
        client_cpu_ms_per_submit: Number(((client.user + client.system) / 1000 / sends.length).toFixed(2)),
        attachment_bytes: ATTACHMENT_BYTES,
        attachment_content: ATTACHMENT_CONTENT,
        engine: EMBEDDED ? 'embedded' : 'postgresql',
        code: ROOT ?? 'this checkout',
        files_stored_in: Object.fromEntries(storedIn.map((row) => [row.stored_in, Number(row.n)])),
        stored_with_attachment: Number(withFile.n),
        files_stored: Number(files.n),
      }),
    );
  } finally {
    await platform?.stop();
    await under.cleanUp();
  }
}

await main();

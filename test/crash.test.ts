import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { systemActor } from '../src/core/audit/audit.js';
import { createSession, loadSessionUser } from '../src/core/auth/sessions.js';
import { systemClock } from '../src/core/clock.js';
import { readConfig } from '../src/core/config.js';
import { type Database, openDatabase } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { bytesPath } from '../src/core/files/file-directory.js';
import type { AnswerMap } from '../src/modules/applications/index.js';
import { modules } from '../src/modules/index.js';
import { loadSeasons, publishSeason } from '../src/modules/seasons/index.js';
import { runsEngineIndependentSuites } from './support/engine-independent.js';
import { answersSha256, createApplication, SUBMITTED_MAIL, saveForm } from './support/factories/applications.js';
import { createSeason } from './support/factories/seasons.js';
import { multipartBody } from './support/forms.js';
import { createScratchDatabase, findPostgresServer } from './support/postgres.js';
import { type AppProcess, startAppProcess } from './support/processes.js';

/**
 * Crash test: the app process is killed with SIGKILL in the middle of a burst of submits. Every
 * submit that was acknowledged (303 to the receipt) before the kill must be in the database after
 * a restart, with the answers it carried; nothing is stored twice; sending the unacknowledged
 * forms again (same idempotency key) completes each of them exactly once. It runs twice: a form
 * of text answers (sent urlencoded), then a form with a required PDF whose bytes the platform
 * keeps in a files directory (sent multipart, as the page sends it): there every acknowledged
 * version's file must also be on disk with the SHA-256 its row records.
 */
const serverUrl = await findPostgresServer();
if (!serverUrl)
  console.log(
    'crash test skipped: no PostgreSQL server answers (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)',
  );

const APPLICANTS = 120;
const CONCURRENCY = 12;
/** The kill comes once this many submits were acknowledged: well inside the burst. */
const KILL_AFTER_ACKS = 30;

const TEXT_QUESTIONS = [
  { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
  { id: 'project_summary', kind: 'long_text', required: true, label: { fr: 'Résumé', en: 'Summary' } },
];
const FILE_QUESTION = {
  id: 'dossier',
  kind: 'file',
  required: true,
  label: { fr: 'Dossier (PDF)', en: 'File (PDF)' },
  file: { contentTypes: ['application/pdf'], maxBytes: 1024 * 1024 },
};

function formOf(withFile: boolean) {
  return {
    sections: [
      {
        id: 'project',
        title: { fr: 'Le projet', en: 'The project' },
        questions: withFile ? [...TEXT_QUESTIONS, FILE_QUESTION] : TEXT_QUESTIONS,
      },
    ],
  };
}

/** A small PDF with incompressible padding, different for each applicant. */
function pdfFor(applicationId: string): Buffer {
  return Buffer.concat([
    Buffer.from(`%PDF-1.4\n% ${applicationId}\n%`),
    randomBytes(20_000),
    Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  ]);
}

interface Applicant {
  applicationId: string;
  cookie: string;
  key: string;
  answers: { project_name: string; project_summary: string };
  /** Where the page's submit button posts. */
  url: string;
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** The SHA-256 of the PDF sent with the form (file variant). */
  pdfSha256?: string;
}

type Outcome = 'acknowledged' | 'refused' | 'no-answer';

const env = (url: string, filesDir: string | undefined) => ({
  DATABASE_URL: url,
  DEMO: '0',
  RUN_JOBS: '0',
  DATA_DIR: '/nonexistent',
  ...(filesDir ? { FILES_DIR: filesDir } : {}),
});

/** The season, its form and one draft per applicant, written through the use cases. */
async function seedDrafts(
  database: Database,
  url: string,
  withFile: boolean,
): Promise<{ applicationId: string; token: string }[]> {
  const probe = await buildApp({
    config: readConfig({ PORT: '0', DATABASE_URL: url }),
    database,
    clock: systemClock,
    logger: false,
    modules,
  });
  await probe.ready();
  try {
    const services = probe.services;
    const now = Date.now();
    const season = await createSeason(services, systemActor, {
      number: 42,
      slug: 'crash',
      name: 'Saison du crash-test',
      nameEn: 'Crash-test season',
      summary: '',
      summaryEn: '',
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 30 * 86_400_000),
      eligibleKinds: ['citizen'],
      supportMonths: 6,
      grantEnvelopeCents: 0,
      laureatesSought: 1,
      tracks: [{ code: 'numerique', name: 'Numérique', nameEn: 'Digital', lead: 'DINUM' }],
      criteria: [
        {
          code: 'interet',
          label: 'Intérêt général',
          labelEn: 'General interest',
          description: '',
          descriptionEn: '',
          weight: 1,
        },
      ],
    });
    if (!season.ok) throw new Error(`season refused: ${JSON.stringify(season.errors)}`);
    const form = await saveForm(services, systemActor, season.id, formOf(withFile));
    if (!form.ok) throw new Error(`form refused: ${JSON.stringify(form)}`);
    // A new season is a draft: published once its form exists, as staff do.
    const published = await publishSeason(services, systemActor, season.id, async () => true);
    if (!published.ok) throw new Error(`season not published: ${published.reason}`);
    const [record] = await loadSeasons(services.db, { id: season.id });

    const people: { applicationId: string; token: string }[] = [];
    for (let i = 0; i < APPLICANTS; i++) {
      const user = await services.db
        .insertInto('users')
        .values({ email: `crash-${i}@example.org` })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { token } = await createSession(services.db, systemClock, user.id);
      const current = (await loadSessionUser(services.db, systemClock, token))!;
      const created = await createApplication(services, { id: user.id, label: current.email }, current, record, {
        trackCode: 'numerique',
        applicantKind: 'citizen',
      });
      if (!created.ok) throw new Error(`draft refused: ${JSON.stringify(created.errors)}`);
      people.push({ applicationId: created.id, token });
    }
    return people;
  } finally {
    await probe.close();
  }
}

/** One page view per applicant, as a browser does before submitting: CSRF token and the form's submit key. */
async function prepare(
  baseUrl: string,
  people: { applicationId: string; token: string }[],
  withFile: boolean,
): Promise<Applicant[]> {
  const prepared: Applicant[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < people.length) {
        const person = people[next++];
        const response = await fetch(`${baseUrl}/mes-candidatures/${person.applicationId}`, {
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
          throw new Error(`no form on /mes-candidatures/${person.applicationId} (${response.status})`);
        const answers = {
          project_name: `Projet ${person.applicationId.slice(0, 8)}`,
          project_summary: `Résumé ${randomUUID()} `.repeat(30).trim(),
        };
        const fields = { _csrf: csrf, idempotency_key: key, ...answers };
        const common = {
          applicationId: person.applicationId,
          cookie: `acc_session=${person.token}; ${csrfCookie}`,
          key,
          answers,
          url: `${baseUrl}${action}`,
        };
        if (!withFile) {
          prepared.push({
            ...common,
            body: new URLSearchParams(fields).toString(),
            contentType: 'application/x-www-form-urlencoded',
          });
          continue;
        }
        const pdf = pdfFor(person.applicationId);
        const multipart = multipartBody(fields, {
          field: 'dossier',
          name: 'dossier.pdf',
          type: 'application/pdf',
          data: pdf,
        });
        prepared.push({
          ...common,
          body: new Uint8Array(multipart.payload),
          contentType: multipart.contentType,
          pdfSha256: createHash('sha256').update(pdf).digest('hex'),
        });
      }
    }),
  );
  return prepared;
}

async function submit(baseUrl: string, applicant: Applicant): Promise<Outcome> {
  try {
    // The page's form action, on whichever process answers now.
    const url = new URL(applicant.url);
    const response = await fetch(`${baseUrl}${url.pathname}${url.search}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: applicant.cookie, 'content-type': applicant.contentType },
      body: applicant.body,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    const location = response.headers.get('location') ?? '';
    return response.status === 303 && location === `/mes-candidatures/${applicant.applicationId}?ok=soumis`
      ? 'acknowledged'
      : 'refused';
  } catch {
    // Connection reset or refused: the process died before answering.
    return 'no-answer';
  }
}

/** Kills the app's whole process group with SIGKILL: no shutdown hook runs. */
async function killHard(app: AppProcess): Promise<void> {
  const exited = new Promise<void>((resolve) =>
    app.child.exitCode !== null || app.child.signalCode !== null ? resolve() : app.child.once('exit', () => resolve()),
  );
  process.kill(-app.child.pid!, 'SIGKILL');
  await exited;
}

describe.skipIf(!serverUrl || !runsEngineIndependentSuites).each([
  { variant: 'text answers', withFile: false },
  { variant: 'a PDF kept in a files directory', withFile: true },
])('kill -9 during a burst of submissions with $variant', ({ withFile }) => {
  let scratch: { url: string; drop(): Promise<void> };
  const filesDir = withFile ? mkdtempSync(join(tmpdir(), 'acc-crash-files-')) : undefined;
  let database: Database;
  let applicants: Applicant[] = [];
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!, 'acc_crash');
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 3 });
    await migrateToLatest(database.db, modules);
    const people = await seedDrafts(database, scratch.url, withFile);
    processes.push(await startAppProcess(env(scratch.url, filesDir)));
    applicants = await prepare(processes[0].baseUrl, people, withFile);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await database?.close();
    await scratch?.drop();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  }, 60_000);

  async function versionsByApplication(): Promise<
    Map<
      string,
      { version: number; answers: Record<string, unknown>; answers_sha256: string; idempotency_key: string | null }[]
    >
  > {
    const rows = await database.db
      .selectFrom('application_versions')
      .select(['application_id', 'version', 'answers', 'answers_sha256', 'idempotency_key'])
      .execute();
    const map = new Map<string, typeof rows>();
    for (const row of rows) map.set(row.application_id, [...(map.get(row.application_id) ?? []), row]);
    return map;
  }

  type StoredVersion = NonNullable<ReturnType<Awaited<ReturnType<typeof versionsByApplication>>['get']>>[number];

  /** The stored version carries what the applicant sent: the text answers and, with a file, its bytes on disk as sent. */
  async function expectStoredAsSent(stored: StoredVersion, applicant: Applicant): Promise<void> {
    const { dossier, ...text } = stored.answers;
    expect(text).toEqual(applicant.answers);
    expect(stored.answers_sha256).toBe(answersSha256(stored.answers as AnswerMap));
    if (!withFile) {
      expect(stored.answers_sha256).toBe(answersSha256(applicant.answers));
      return;
    }
    const fileIds = (dossier as { fileIds?: string[] } | undefined)?.fileIds ?? [];
    expect(fileIds, `${applicant.applicationId} carries its file`).toHaveLength(1);
    const row = await database.db
      .selectFrom('files')
      .select(['sha256', 'stored_in'])
      .where('id', '=', fileIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ sha256: applicant.pdfSha256, stored_in: 'directory' });
    const bytes = readFileSync(bytesPath(filesDir!, fileIds[0]!));
    expect(createHash('sha256').update(bytes).digest('hex'), `${applicant.applicationId}'s file on disk`).toBe(
      applicant.pdfSha256,
    );
  }

  it('keeps every acknowledged submission, stores none twice, and completes the others once re-sent', async () => {
    const first = processes[0];
    const outcomes = new Map<string, Outcome>();
    let acknowledgedCount = 0;
    let inFlight = 0;
    let inFlightAtKill = 0;
    let killed: Promise<void> | undefined;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < applicants.length) {
          const applicant = applicants[next++];
          // Once the process is dead every later send fails at once: record it as unanswered.
          inFlight++;
          const outcome = await submit(first.baseUrl, applicant);
          inFlight--;
          outcomes.set(applicant.applicationId, outcome);
          if (outcome === 'acknowledged' && ++acknowledgedCount === KILL_AFTER_ACKS) {
            inFlightAtKill = inFlight;
            killed = killHard(first);
          }
        }
      }),
    );
    expect(killed, 'the process was killed during the burst').toBeDefined();
    expect(inFlightAtKill, 'submits were in flight when the process was killed').toBeGreaterThan(0);
    await killed;

    const acknowledged = applicants.filter((a) => outcomes.get(a.applicationId) === 'acknowledged');
    const unanswered = applicants.filter((a) => outcomes.get(a.applicationId) !== 'acknowledged');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(unanswered.length, 'some submits were cut off by the kill').toBeGreaterThan(0);
    expect(
      applicants.filter((a) => outcomes.get(a.applicationId) === 'refused'),
      'no submit was refused before the kill',
    ).toHaveLength(0);

    // After the crash, before any restart: the database alone holds every acknowledged submission.
    const afterCrash = await versionsByApplication();
    for (const applicant of acknowledged) {
      const versions = afterCrash.get(applicant.applicationId) ?? [];
      expect(versions, `acknowledged ${applicant.applicationId} is stored once`).toHaveLength(1);
      const [stored] = versions;
      expect(stored.version).toBe(1);
      expect(stored.idempotency_key).toBe(applicant.key);
      await expectStoredAsSent(stored, applicant);
    }
    for (const versions of afterCrash.values()) expect(versions).toHaveLength(1);
    const committedUnanswered = unanswered.filter((a) => afterCrash.has(a.applicationId)).length;

    // Restart and send every form again with its own key: the acknowledged ones are replays, the
    // others complete now — each application ends with exactly one version.
    const second = await startAppProcess(env(scratch.url, filesDir));
    processes.push(second);
    const resent = new Map<string, Outcome>();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (cursor < applicants.length) {
          const applicant = applicants[cursor++];
          resent.set(applicant.applicationId, await submit(second.baseUrl, applicant));
        }
      }),
    );
    for (const applicant of applicants)
      expect(resent.get(applicant.applicationId), `re-sent ${applicant.applicationId}`).toBe('acknowledged');

    const afterRestart = await versionsByApplication();
    expect(afterRestart.size).toBe(APPLICANTS);
    for (const applicant of applicants) {
      const versions = afterRestart.get(applicant.applicationId) ?? [];
      expect(versions, `${applicant.applicationId} has exactly one version`).toHaveLength(1);
      expect(versions[0].idempotency_key).toBe(applicant.key);
      await expectStoredAsSent(versions[0], applicant);
    }
    // A replay stores no second copy of its file.
    const files = await database.db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(files.n)).toBe(withFile ? APPLICANTS : 0);
    const states = await database.db.selectFrom('applications').select('state').execute();
    expect(states.every((s) => s.state === 'submitted')).toBe(true);
    // The acknowledgement mail is written in the submit's transaction: one per version, no more.
    const mails = await database.db
      .selectFrom('mails')
      .select('to_address')
      .where('template', '=', SUBMITTED_MAIL)
      .execute();
    expect(mails).toHaveLength(APPLICANTS);
    expect(new Set(mails.map((m) => m.to_address)).size).toBe(APPLICANTS);

    console.log(
      `crash test (${withFile ? 'with a file' : 'text only'}): ${APPLICANTS} submits, kill -9 after ${acknowledged.length} acknowledged with ${inFlightAtKill} in flight; ${committedUnanswered} committed but unanswered, ` +
        `${unanswered.length - committedUnanswered} not committed; after restart ${APPLICANTS} stored once each, 0 lost, 0 duplicated`,
    );
  }, 90_000);
});

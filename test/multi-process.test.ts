import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createSession } from '../src/core/auth/sessions.js';
import { systemClock } from '../src/core/clock.js';
import { readConfig } from '../src/core/config.js';
import { type Database, openDatabase } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { queueMail } from '../src/core/mail/mailer.js';
import { mailHtml, registerMailTemplate } from '../src/core/mail/templates.js';
import { modules } from '../src/modules/index.js';
import { runsEngineIndependentSuites } from './support/engine-independent.js';
import { createScratchDatabase, findPostgresServer } from './support/postgres.js';
import { type AppProcess, startAppProcess } from './support/processes.js';
import { hasParams } from './support/routes.js';

/**
 * App processes are stateless: two real processes on one PostgreSQL share sessions, and their two
 * job workers deliver each queued mail exactly once.
 */
const serverUrl = await findPostgresServer();
if (!serverUrl)
  console.log(
    'multi-process test skipped: no PostgreSQL server answers (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)',
  );

const MAILS = 24;
registerMailTemplate('test.multi-process', {
  fr: (d) => ({ subject: `Essai ${d.ref}`, text: `Essai ${d.ref}`, html: mailHtml('fr', [`Essai ${d.ref}`]) }),
  en: (d) => ({ subject: `Test ${d.ref}`, text: `Test ${d.ref}`, html: mailHtml('en', [`Test ${d.ref}`]) }),
});

describe.skipIf(!serverUrl || !runsEngineIndependentSuites)('two app processes on one PostgreSQL', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let database: Database;
  let smtp: SMTPServer;
  let smtpPort = 0;
  const received: string[] = [];
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!, 'acc_multi');
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 3 });
    await migrateToLatest(database.db, modules);

    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(/^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '(no subject)');
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as { port: number }).port;

    const env = {
      DATABASE_URL: scratch.url,
      DEMO: '0',
      RUN_JOBS: '1',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      DATA_DIR: '/nonexistent',
    };
    // Started one after the other: two start-ups at once on a 2-core machine only slow both.
    processes.push(await startAppProcess(env));
    processes.push(await startAppProcess(env));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await database?.close();
    await scratch?.drop();
  }, 60_000);

  it('both processes are healthy on PostgreSQL', async () => {
    for (const p of processes) {
      const response = await fetch(`${p.baseUrl}/healthz`);
      expect(await response.json()).toMatchObject({ status: 'ok', database: 'postgresql' });
    }
  });

  it('a session opened once is valid on both processes', async () => {
    const user = await database.db
      .insertInto('users')
      .values({ email: `multi.${randomUUID().slice(0, 8)}@example.org`, given_name: 'Multi', family_name: 'Process' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('user_roles').values({ user_id: user.id, role: 'admin', track: '' }).execute();
    const { token } = await createSession(database.db, systemClock, user.id);

    // The routes that need a session, as the processes have them.
    const probe = await buildApp({
      config: readConfig({ PORT: '0', DATABASE_URL: scratch.url }),
      database,
      clock: systemClock,
      logger: false,
      modules,
    });
    await probe.ready();
    const candidates = probe.services.routes
      .filter((r) => r.method === 'GET' && r.permission !== 'public' && !hasParams(r.url))
      .map((r) => r.url);
    await probe.close();

    let page: string | undefined;
    for (const url of candidates) {
      const response = await fetch(`${processes[0].baseUrl}${url}`, {
        headers: { cookie: `acc_session=${token}` },
        redirect: 'manual',
      });
      if (response.status === 200) {
        page = url;
        break;
      }
    }
    if (!page) {
      // No signed-in page exists yet: the session must still be recognised, which /connexion-free
      // protected routes would show; with none at all there is nothing more to check over HTTP.
      console.log(
        `multi-process: no signed-in GET page answers 200 yet (candidates: ${candidates.join(', ') || 'none'})`,
      );
      return;
    }
    for (const p of processes) {
      const signedIn = await fetch(`${p.baseUrl}${page}`, {
        headers: { cookie: `acc_session=${token}` },
        redirect: 'manual',
      });
      expect(signedIn.status, `${page} on port ${p.port} with the session`).toBe(200);
      const anonymous = await fetch(`${p.baseUrl}${page}`, { redirect: 'manual' });
      expect(anonymous.status, `${page} on port ${p.port} without a session`).toBe(303);
    }
    console.log(`multi-process: session valid on both processes (${page})`);

    // Signing out on process A ends the session on process B too.
    const [a, b] = processes;
    const form = await fetch(`${a.baseUrl}/connexion`, { headers: { cookie: `acc_session=${token}` } });
    const csrfCookie = form.headers
      .getSetCookie()
      .find((c) => c.startsWith('_csrf='))
      ?.split(';')[0];
    const csrfToken = /name="_csrf"\s+value="([^"]+)"/.exec(await form.text())?.[1];
    if (!csrfCookie || !csrfToken) {
      console.log('multi-process: sign-out check skipped, /connexion hands out no CSRF token');
      return;
    }
    const signOut = await fetch(`${a.baseUrl}/deconnexion`, {
      method: 'POST',
      headers: { cookie: `acc_session=${token}; ${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfToken }).toString(),
      redirect: 'manual',
    });
    expect(signOut.status, 'sign-out on process A').toBe(303);
    const afterSignOut = await fetch(`${b.baseUrl}${page}`, {
      headers: { cookie: `acc_session=${token}` },
      redirect: 'manual',
    });
    expect(afterSignOut.status, `${page} on process B after signing out on A`).toBe(303);
    console.log('multi-process: signing out on one process ends the session on the other');
  });

  it('delivers each of many queued mails exactly once although both processes run workers', async () => {
    const refs = Array.from({ length: MAILS }, (_, i) => `mp-${i}-${randomUUID().slice(0, 8)}`);
    await database.db.transaction().execute(async (trx) => {
      for (const ref of refs)
        await queueMail(
          trx,
          { to: `${ref}@example.org`, template: 'test.multi-process', locale: 'fr', data: { ref } },
          new Date(),
        );
    });

    const deadline = Date.now() + 60_000;
    for (;;) {
      const pending = await database.db.selectFrom('mails').select('id').where('status', '!=', 'sent').execute();
      if (pending.length === 0 && received.length >= MAILS) break;
      if (Date.now() > deadline)
        throw new Error(`after 60 s: ${pending.length} mails not sent, ${received.length} received`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Leave time for a duplicate delivery to show up.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const counts = new Map<string, number>();
    for (const subject of received) counts.set(subject, (counts.get(subject) ?? 0) + 1);
    for (const ref of refs) expect(counts.get(`Essai ${ref}`), ref).toBe(1);
    expect(received.length).toBe(MAILS);
    const jobs = await database.db
      .selectFrom('jobs')
      .select(['state', 'attempts'])
      .where('name', '=', 'mail.send')
      .execute();
    expect(jobs.every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
    console.log(`multi-process: ${MAILS} mails delivered exactly once by two workers`);
  });
});

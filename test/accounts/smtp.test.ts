import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, submitForm } from '../support/forms.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let t: TestApp;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({
    baseUrl: 'https://accelerateur.example',
    smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe('magic link through a real SMTP server', () => {
  it('sends the mail with the link once the worker runs', async () => {
    const form = await formSession(t.app, '', '/connexion');
    const asked = await submitForm(t.app, form, '/connexion', { email: 'smtp-user@example.org', retour: '/compte' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).not.toContain('conservé dans la base de données');
    expect(await t.app.services.worker.drain()).toBeGreaterThan(0);

    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['smtp-user@example.org']);
    const unfolded = received[0].raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /https:\/\/accelerateur\.example\/connexion\/lien\?jeton=[A-Za-z0-9_-]+&retour=%2Fcompte/.exec(
      unfolded,
    );
    expect(link).not.toBeNull();
    const mail = await t.database.db
      .selectFrom('mails')
      .select(['status', 'sent_at'])
      .where('to_address', '=', 'smtp-user@example.org')
      .executeTakeFirstOrThrow();
    expect(mail.status).toBe('sent');

    // The link from the real mail signs the person in, with a Secure cookie on https.
    const url = new URL(link![0]);
    const confirm = await formSession(t.app, form.cookie, url.pathname + url.search);
    const done = await submitForm(t.app, confirm, '/connexion/lien', { jeton: url.searchParams.get('jeton')! });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/compte/nom?retour=%2Fcompte');
    expect(done.cookies.find((c) => c.name === 'acc_session')?.secure).toBe(true);
  });
});

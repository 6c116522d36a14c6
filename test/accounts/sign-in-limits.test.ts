import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/core/auth/sessions.js';
import { formSession, submitForm } from '../support/forms.js';
import { latestSignInLink } from '../support/sign-in.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { cookieHeader, cookiesIn, cookiesOf } from './helpers.js';

/**
 * Sign-in limits (docs/decisions/0010-sign-in-limits.md): others can slow down the mails sent to an
 * address, never keep its owner out.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ baseUrl: 'http://localhost:3000' });
});
afterAll(async () => {
  await t?.close();
});

async function mailsTo(email: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('mails')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('to_address', '=', email)
    .where('template', '=', 'accounts.magic-link')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Asks for a link as a browser with these cookies from this IP. */
async function ask(email: string, ip: string, cookie = '') {
  const start = await formSession(t.app, cookie, '/connexion');
  return submitForm(t.app, start, '/connexion', { email }, { remoteAddress: ip });
}

/**
 * Uses the latest link in the mailbox of `email` (the latest one not in `usedByMe`, the links the
 * person remembers having used, when given); returns the response of the confirmation.
 */
async function useLatestLink(email: string, cookie = '', usedByMe?: Set<string>) {
  const link = usedByMe
    ? (await allLinks(email)).reverse().find((l) => !usedByMe.has(l.href))!
    : (await latestSignInLink(t.database.db, email))!;
  usedByMe?.add(link.href);
  const confirm = await formSession(t.app, cookie, link.pathname + link.search);
  return submitForm(t.app, confirm, '/connexion/lien', { jeton: link.searchParams.get('jeton')! });
}

describe('sign-in limits', () => {
  it('five requests for one address from five IPs do not lock its owner out', async () => {
    t.clock.advance(3600_000);
    const email = 'target@example.org';
    for (let i = 0; i < 5; i++) expect((await ask(email, `203.0.113.${i + 1}`)).statusCode).toBe(200);
    const own = await ask(email, '198.51.100.7');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Si l’adresse est valide');
    expect(await mailsTo(email)).toBe(6);
    expect((await useLatestLink(email)).statusCode).toBe(303);
  });

  it('past the per-address ceiling sends nothing new, says a link already sent stays valid, and that link signs in', async () => {
    t.clock.advance(3600_000);
    const email = 'flooded@example.org';
    for (let i = 0; i < 30; i++) {
      t.clock.advance(1000);
      expect((await ask(email, `203.0.113.${i + 1}`)).statusCode).toBe(200);
    }
    // The ceiling bounds the mails others can make this person receive.
    expect(await mailsTo(email)).toBe(10);
    const own = await ask(email, '198.51.100.8');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('reste valable');
    expect(await mailsTo(email)).toBe(10);
    const done = await useLatestLink(email);
    expect(done.statusCode).toBe(303);
    // A first sign-in asks for the person's name, then goes on to the account page.
    expect(done.headers.location).toBe('/compte/nom?retour=%2Fcompte');
  });

  it('limits one address from one IP to 3 mails per 15 minutes, then sends again once the links are used', async () => {
    t.clock.advance(3600_000);
    const email = 'eager@example.org';
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      expect((await ask(email, '198.51.100.9')).statusCode).toBe(200);
    }
    const fourth = await ask(email, '198.51.100.9');
    expect(fourth.statusCode).toBe(200);
    expect(fourth.body).toContain('reste valable');
    expect(await mailsTo(email)).toBe(3);
    // Only the mailbox's holder can use the links; once none is left unused, a new one goes out.
    for (const link of await allLinks(email)) {
      const confirm = await formSession(t.app, '', link.pathname + link.search);
      expect(
        (await submitForm(t.app, confirm, '/connexion/lien', { jeton: link.searchParams.get('jeton')! })).statusCode,
      ).toBe(303);
    }
    t.clock.advance(1000);
    const again = await ask(email, '198.51.100.9');
    expect(again.statusCode).toBe(200);
    expect(await mailsTo(email)).toBe(4);
    expect((await useLatestLink(email)).statusCode).toBe(303);
  });

  it('in the last hour before a deadline, whatever others send, the owner can always sign in', async () => {
    t.clock.advance(3600_000);
    const email = 'deadline@example.org';
    // A first sign-in on the person's own browser leaves a device cookie there.
    const start = await formSession(t.app, '', '/connexion');
    await submitForm(t.app, start, '/connexion', { email }, { remoteAddress: '198.51.100.10' });
    const browser = cookiesIn(start.cookie);
    const signedIn = await useLatestLink(email, cookieHeader(browser));
    expect(signedIn.statusCode).toBe(303);
    const own: Record<string, string> = { ...browser, ...cookiesOf(signedIn) };
    delete own[SESSION_COOKIE];
    expect(own.acc_device).toBeTruthy();

    let attackerIp = 0;
    let deviceMails = 0;
    const usedByMe = new Set<string>();
    for (let minute = 0; minute < 60; minute++) {
      t.clock.advance(60_000);
      // Others ask for links for this address from ever new IPs, several a minute.
      for (let k = 0; k < 3; k++)
        expect((await ask(email, `192.0.2.${(attackerIp++ % 250) + 1}`)).statusCode).toBe(200);
      // From a new browser, the person either gets a fresh link or is told one they hold is still valid,
      // and the latest link in the mailbox they have not used themselves works.
      if (minute % 10 === 3) {
        const fresh = await ask(email, `198.51.100.${100 + minute}`);
        expect(fresh.statusCode).toBe(200);
        expect((await useLatestLink(email, '', usedByMe)).statusCode).toBe(303);
      }
      // From the browser they signed in with before, a fresh mail always goes out (3 per 15 minutes).
      if (minute % 5 === 0) {
        t.clock.advance(1000);
        const before = await mailsTo(email);
        const mine = await ask(email, '198.51.100.10', cookieHeader(own));
        expect(mine.statusCode).toBe(200);
        expect(await mailsTo(email)).toBe(before + 1);
        deviceMails++;
        const again = await useLatestLink(email, cookieHeader(own), usedByMe);
        expect(again.statusCode).toBe(303);
        // The browser keeps the device cookie it is given back at each sign-in.
        own.acc_device = cookiesOf(again).acc_device;
      }
    }
    // Others' requests added at most 10 mails per 15 minutes (4 windows in the hour), plus the person's own.
    expect(await mailsTo(email)).toBeLessThanOrEqual(1 + 4 * 10 + 6 + deviceMails);
  });

  it('a device cookie speaks only for the address that signed in with it', async () => {
    t.clock.advance(3600_000);
    const start = await formSession(t.app, '', '/connexion');
    await submitForm(
      t.app,
      start,
      '/connexion',
      { email: 'owner-device@example.org' },
      { remoteAddress: '198.51.100.20' },
    );
    const browser = cookiesIn(start.cookie);
    const signedIn = await useLatestLink('owner-device@example.org', cookieHeader(browser));
    const device = cookiesOf(signedIn).acc_device;
    expect(device).toBeTruthy();
    for (let i = 0; i < 3; i++) await ask('other@example.org', '198.51.100.21', cookieHeader({ acc_device: device }));
    const held = await ask('other@example.org', '198.51.100.21', cookieHeader({ acc_device: device }));
    expect(held.body).toContain('reste valable');
    expect(await mailsTo('other@example.org')).toBe(3);
  });

  it('keeps the per-IP limit (20 addresses per 15 minutes) with 429 and the typed address', async () => {
    t.clock.advance(3600_000);
    for (let i = 0; i < 20; i++) expect((await ask(`spray${i}@example.org`, '192.0.2.250')).statusCode).toBe(200);
    const refused = await ask('spray-last@example.org', '192.0.2.250');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('value="spray-last@example.org"');
  });
});

/** Every sign-in link mailed to this address. */
async function allLinks(email: string): Promise<URL[]> {
  const mails = await t.database.db
    .selectFrom('mails')
    .select('text_body')
    .where('to_address', '=', email)
    .where('template', '=', 'accounts.magic-link')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return mails.map((m) => new URL(/https?:\/\/\S+\/connexion\/lien\?\S+/.exec(m.text_body)![0]));
}

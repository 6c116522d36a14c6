import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, SESSION_COOKIE } from '../../src/core/auth/sessions.js';
import { formSession, submitForm } from '../support/forms.js';
import { latestSignInLink } from '../support/sign-in.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { cookieHeader, cookiesOf, signInByMail } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ baseUrl: 'http://localhost:3000' });
});
afterAll(async () => {
  await t?.close();
});

describe('sign-in by magic link', () => {
  it('shows the sign-in form, without ProConnect when it is not configured', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/connexion' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="email"');
    expect(page.body).not.toContain('fr-connect');
  });

  it('signs a new person in: mail with a link, confirmation page, session, audit', async () => {
    const email = 'camille@example.org';
    const start = await formSession(t.app, '', '/connexion');
    const asked = await submitForm(t.app, start, '/connexion', { email: 'Camille@Example.org' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('si l’adresse est valide'.replace('si', 'Si'));
    expect(asked.body).toContain('conservé dans la base de données');

    const link = (await latestSignInLink(t.database.db, email))!;
    expect(link.origin).toBe('http://localhost:3000');
    const token = link.searchParams.get('jeton')!;
    const stored = await t.database.db
      .selectFrom('sign_in_tokens')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(stored.id).toBe(hashToken(token));
    expect(new Date(stored.expires_at).getTime() - new Date(stored.created_at).getTime()).toBe(15 * 60_000);

    // A mail scanner fetching the link does not consume it.
    const confirm = await formSession(t.app, start.cookie, link.pathname + link.search);
    await formSession(t.app, start.cookie, link.pathname + link.search);
    expect(confirm.html).toContain('name="jeton"');
    const done = await submitForm(t.app, confirm, '/connexion/lien', { jeton: token });
    expect(done.statusCode).toBe(303);
    // A first sign-in asks for the person's name first (see 'asks for a name at the first sign-in').
    expect(done.headers.location).toBe('/compte/nom?retour=%2Fcompte');
    const cookie = done.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeFalsy();
    expect(new Date(cookie.expires!).getTime()).toBe(
      Math.floor((t.clock.now().getTime() + 12 * 3600_000) / 1000) * 1000,
    );

    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const session = await t.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', hashToken(cookie.value))
      .executeTakeFirstOrThrow();
    expect(session.user_id).toBe(user.id);
    const roles = await t.database.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['applicant']);
    const events = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['accounts.created', 'accounts.signed-in']);
    expect(JSON.stringify(events)).not.toContain(email);

    // The token works once.
    const again = await submitForm(t.app, confirm, '/connexion/lien', { jeton: token });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Demander un nouveau lien');
  });

  it('refuses an unknown token and an expired one (after 15 minutes)', async () => {
    const start = await formSession(t.app, '', '/connexion/lien?jeton=x');
    const unknown = await submitForm(t.app, start, '/connexion/lien', { jeton: 'not-a-token' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('href="/connexion"');
    const empty = await submitForm(t.app, start, '/connexion/lien', {});
    expect(empty.statusCode).toBe(400);

    t.clock.advance(1000);
    const ask = await formSession(t.app, '', '/connexion');
    await submitForm(t.app, ask, '/connexion', { email: 'late@example.org' });
    const link = (await latestSignInLink(t.database.db, 'late@example.org'))!;
    t.clock.advance(15 * 60_000 + 1);
    const late = await submitForm(t.app, ask, '/connexion/lien', { jeton: link.searchParams.get('jeton')! });
    expect(late.statusCode).toBe(400);
    expect(
      await t.database.db.selectFrom('users').select('id').where('email', '=', 'late@example.org').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('keeps the typed value with a clear message on a bad address', async () => {
    const start = await formSession(t.app, '', '/connexion');
    const bad = await submitForm(t.app, start, '/connexion', { email: 'pas-une-adresse' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="pas-une-adresse"');
    expect(bad.body).toContain('Saisissez une adresse électronique valide');
  });

  it('past 10 links per address per 15 minutes, sends no new mail and says the last one is still valid', async () => {
    t.clock.advance(3600_000);
    const start = await formSession(t.app, '', '/connexion');
    for (let i = 0; i < 10; i++) {
      const ok = await submitForm(
        t.app,
        start,
        '/connexion',
        { email: 'busy@example.org' },
        { remoteAddress: `10.0.0.${i + 1}` },
      );
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('un lien de connexion vous a été envoyé');
    }
    const held = await submitForm(
      t.app,
      start,
      '/connexion',
      { email: 'busy@example.org' },
      { remoteAddress: '10.0.0.99' },
    );
    expect(held.statusCode).toBe(200);
    expect(held.body).toContain('reste valable');
    const count = async () =>
      (await t.database.db.selectFrom('mails').select('id').where('to_address', '=', 'busy@example.org').execute())
        .length;
    expect(await count()).toBe(10);
    t.clock.advance(15 * 60_000 + 1);
    const later = await submitForm(
      t.app,
      start,
      '/connexion',
      { email: 'busy@example.org' },
      { remoteAddress: '10.0.0.99' },
    );
    expect(later.statusCode).toBe(200);
    expect(await count()).toBe(11);
  });

  it('holds the limit under concurrent requests', async () => {
    t.clock.advance(3600_000);
    const start = await formSession(t.app, '', '/connexion');
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        submitForm(t.app, start, '/connexion', { email: 'rush@example.org' }, { remoteAddress: `10.1.0.${i + 1}` }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(16);
    expect(answers.filter((a) => a.body.includes('reste valable'))).toHaveLength(6);
    expect(
      await t.database.db.selectFrom('mails').select('id').where('to_address', '=', 'rush@example.org').execute(),
    ).toHaveLength(10);
  });

  it('limits requests to 20 per IP address per 15 minutes', async () => {
    t.clock.advance(3600_000);
    const start = await formSession(t.app, '', '/connexion');
    for (let i = 0; i < 20; i++) {
      const ok = await submitForm(
        t.app,
        start,
        '/connexion',
        { email: `person${i}@example.org` },
        { remoteAddress: '192.0.2.7' },
      );
      expect(ok.statusCode).toBe(200);
    }
    const refused = await submitForm(
      t.app,
      start,
      '/connexion',
      { email: 'one-more@example.org' },
      { remoteAddress: '192.0.2.7' },
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('value="one-more@example.org"');
    const elsewhere = await submitForm(
      t.app,
      start,
      '/connexion',
      { email: 'one-more@example.org' },
      { remoteAddress: '192.0.2.8' },
    );
    expect(elsewhere.statusCode).toBe(200);
  });

  it('drops the session the browser came with (session fixation)', async () => {
    const first = await signInByMail(t, 'fixation@example.org');
    const planted = first.cookies[SESSION_COOKIE];
    const second = await signInByMail(t, 'fixation@example.org', { cookies: { [SESSION_COOKIE]: planted } });
    const fresh = cookiesOf(second.response)[SESSION_COOKIE];
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(planted);
    expect(
      await t.database.db.selectFrom('sessions').select('id').where('id', '=', hashToken(planted)).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('asks for a name at the first sign-in, then continues to where the person was going', async () => {
    const email = 'premiere.fois@example.org';
    const first = await signInByMail(t, email, { retour: '/saisons?vue=liste' });
    expect(first.response.statusCode).toBe(303);
    const namePath = first.response.headers.location as string;
    expect(namePath).toBe(`/compte/nom?retour=${encodeURIComponent('/saisons?vue=liste')}`);

    const page = await formSession(t.app, cookieHeader(first.cookies), namePath);
    expect(page.html).toContain('Comment vous appelez-vous ?');
    expect(page.html).toContain('name="given_name"');
    expect(page.html).toContain('value="/saisons?vue=liste"');
    // No way around it on the page: the name is required (no "later" button).
    expect(page.html).not.toMatch(/plus tard|later/i);

    const empty = await submitForm(t.app, page, '/compte/nom', {
      given_name: ' Camille ',
      family_name: '',
      retour: '/saisons?vue=liste',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Ce champ est obligatoire.');
    expect(empty.body).toContain('value="Camille"');
    expect(empty.body).toContain('value="/saisons?vue=liste"');

    const saved = await submitForm(t.app, page, '/compte/nom', {
      given_name: 'Camille',
      family_name: 'Durand',
      retour: '/saisons?vue=liste',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/saisons?vue=liste');
    const user = await t.database.db
      .selectFrom('users')
      .select(['id', 'given_name', 'family_name'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ given_name: 'Camille', family_name: 'Durand' });
    const event = await t.database.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'accounts.profile-updated')
      .where('subject_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(event.summary).toEqual({ fields: ['given_name', 'family_name'] });

    // Named, and signed in before: the next sign-in goes straight on; an off-site return is never followed.
    const again = await signInByMail(t, email, { retour: '/saisons' });
    expect(again.response.headers.location).toBe('/saisons');
    const offsite = await submitForm(t.app, page, '/compte/nom', {
      given_name: 'Camille',
      family_name: 'Durand',
      retour: '//evil.example',
    });
    expect(offsite.headers.location).toBe('/compte');
  });

  it('asks again at each sign-in while the name is missing', async () => {
    const email = 'sans.nom@example.org';
    await signInByMail(t, email);
    const second = await signInByMail(t, email);
    expect(second.response.headers.location).toBe('/compte/nom?retour=%2Fcompte');
    const anonymous = await t.app.inject({ method: 'GET', url: '/compte/nom' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/connexion?retour=${encodeURIComponent('/compte/nom')}`);
  });

  it('follows only local return paths', async () => {
    const ok = await signInByMail(t, 'return@example.org', { retour: '/compte?onglet=1' });
    expect(ok.response.headers.location).toBe(`/compte/nom?retour=${encodeURIComponent('/compte?onglet=1')}`);
    for (const retour of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const page = await t.app.inject({ method: 'GET', url: `/connexion?retour=${encodeURIComponent(retour)}` });
      expect(page.body).not.toContain('evil.example');
      const signedIn = await signInByMail(t, 'return@example.org', { retour });
      const location = signedIn.response.headers.location as string;
      expect(location.startsWith('/')).toBe(true);
      expect(location.startsWith('//')).toBe(false);
      expect(location).not.toContain('evil');
    }
  });

  it('ends a session after 2 hours idle and after 12 hours in any case', async () => {
    const idle = await signInByMail(t, 'idle@example.org');
    const cookie = { [SESSION_COOKIE]: idle.cookies[SESSION_COOKIE] };
    expect(
      (await t.app.inject({ method: 'GET', url: '/compte', headers: { cookie: cookieHeader(cookie) } })).statusCode,
    ).toBe(200);
    t.clock.advance(2 * 3600_000 + 1000);
    const expired = await t.app.inject({ method: 'GET', url: '/compte', headers: { cookie: cookieHeader(cookie) } });
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe('/connexion?retour=%2Fcompte');

    const busy = await signInByMail(t, 'busy-all-day@example.org');
    const busyCookie = { [SESSION_COOKIE]: busy.cookies[SESSION_COOKIE] };
    for (let hour = 1; hour < 12; hour++) {
      t.clock.advance(3600_000);
      expect(
        (await t.app.inject({ method: 'GET', url: '/compte', headers: { cookie: cookieHeader(busyCookie) } }))
          .statusCode,
      ).toBe(200);
    }
    t.clock.advance(3600_000);
    expect(
      (await t.app.inject({ method: 'GET', url: '/compte', headers: { cookie: cookieHeader(busyCookie) } })).statusCode,
    ).toBe(303);
  });

  it('signs out: session destroyed, cookie cleared', async () => {
    const signedIn = await signInByMail(t, 'leaving@example.org');
    const page = await formSession(t.app, cookieHeader(signedIn.cookies), '/connexion');
    const out = await submitForm(t.app, page, '/deconnexion', {});
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/');
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cleared.value).toBe('');
    expect(
      await t.database.db
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', hashToken(signedIn.cookies[SESSION_COOKIE]))
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('answers odd input with 4xx pages, never 500', async () => {
    const start = await formSession(t.app, '', '/connexion');
    const arrays = await t.app.inject({
      method: 'POST',
      url: '/connexion',
      headers: { cookie: start.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=a%40b.fr&email=c%40d.fr&_csrf=${encodeURIComponent(start.csrf)}`,
    });
    expect(arrays.statusCode).toBe(400);
    const longToken = await submitForm(t.app, start, '/connexion/lien', { jeton: 'x'.repeat(5000) });
    expect(longToken.statusCode).toBe(400);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/connexion', payload: { email: 'a@b.fr' } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/connexion/lien' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/connexion/proconnect' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/connexion/proconnect/retour?code=x&state=y' })).statusCode).toBe(
      404,
    );
  });

  it('speaks English to English readers, in the page and in the mail', async () => {
    t.clock.advance(3600_000);
    const start = await formSession(t.app, cookieHeader({ lang: 'en' }), '/connexion');
    expect(start.html).toContain('Get a sign-in link');
    const sent = await submitForm(t.app, start, '/connexion', { email: 'english@example.org' });
    expect(sent.body).toContain('If the address is valid');
    const mail = await t.database.db
      .selectFrom('mails')
      .select(['subject', 'text_body'])
      .where('to_address', '=', 'english@example.org')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Your sign-in link');
    expect(mail.text_body).toContain('valid for 15 minutes');
  });
});

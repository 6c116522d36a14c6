import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/core/auth/sessions.js';
import { formSession, submitForm } from '../support/forms.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { cookieHeader, personWithRoles, signInByMail } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('my space', () => {
  it('shows identity, roles and sessions, and saves names and language', async () => {
    const { cookies } = await signInByMail(t, 'alex@example.org');
    const page = await formSession(t.app, cookieHeader(cookies), '/compte');
    expect(page.html).toContain('alex@example.org');
    expect(page.html).toContain('Porteur de projet');
    expect(page.html).toContain('cette session');

    const tooLong = await submitForm(t.app, page, '/compte', {
      given_name: 'x'.repeat(101),
      family_name: 'Durand',
      locale: 'fr',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('value="Durand"');
    expect(tooLong.body).toContain('ne doit pas dépasser 100 caractères');
    const badLocale = await submitForm(t.app, page, '/compte', {
      given_name: 'Alex',
      family_name: 'Durand',
      locale: 'de',
    });
    expect(badLocale.statusCode).toBe(400);

    const saved = await submitForm(t.app, page, '/compte', { given_name: 'Alex', family_name: 'Durand', locale: 'en' });
    expect(saved.statusCode).toBe(303);
    expect(saved.cookies.find((c) => c.name === 'lang')?.value).toBe('en');
    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'alex@example.org')
      .executeTakeFirstOrThrow();
    expect([user.given_name, user.family_name, user.locale]).toEqual(['Alex', 'Durand', 'en']);
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['summary'])
      .where('action', '=', 'accounts.profile-updated')
      .executeTakeFirstOrThrow();
    expect(event.summary).toEqual({ fields: ['given_name', 'family_name', 'locale'] });
    expect(JSON.stringify(event)).not.toContain('Durand');

    // The next link is written in the person's language.
    t.clock.advance(1000);
    const ask = await formSession(t.app, '', '/connexion');
    await submitForm(t.app, ask, '/connexion', { email: 'alex@example.org' });
    const mail = await t.database.db
      .selectFrom('mails')
      .select(['locale', 'subject'])
      .where('to_address', '=', 'alex@example.org')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail).toEqual({ locale: 'en', subject: 'Your sign-in link' });
  });

  it('exports everything about the person, without secrets', async () => {
    const { cookies } = await signInByMail(t, 'export@example.org');
    const response = await t.app.inject({
      method: 'GET',
      url: '/compte/export',
      headers: { cookie: cookieHeader(cookies) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json();
    expect(data.user.email).toBe('export@example.org');
    expect(data.roles.map((r: { role: string }) => r.role)).toEqual(['applicant']);
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0].id).toBeUndefined();
    expect(data.mails[0].subject).toBe('Votre lien de connexion');
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toEqual([
      'accounts.created',
      'accounts.signed-in',
    ]);
    expect(response.body).not.toContain(cookies[SESSION_COOKIE]);
    expect(response.body).not.toMatch(/jeton=[A-Za-z0-9_-]{20,}/);
  });

  it('erases the account after confirmation, leaving a pseudonym; the audit log keeps only ids', async () => {
    const { cookies } = await signInByMail(t, 'gone@example.org');
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'gone@example.org')
      .executeTakeFirstOrThrow();
    const page = await formSession(t.app, cookieHeader(cookies), '/compte');
    const unconfirmed = await submitForm(t.app, page, '/compte/supprimer', { confirmation: 'oui' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('SUPPRIMER');

    const erased = await submitForm(t.app, page, '/compte/supprimer', { confirmation: 'supprimer' });
    expect(erased.statusCode).toBe(200);
    expect(erased.body).toContain('Compte supprimé');
    // The row stays for the records that may point at it, with nothing that leads to the person.
    const left = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(left).toMatchObject({
      email: null,
      given_name: `Personne effacée n° ${user.id.replace(/-/g, '').slice(0, 8)}`,
      family_name: null,
      siret: null,
      proconnect_sub: null,
      last_sign_in_at: null,
    });
    expect(left.erased_at).not.toBeNull();
    expect(
      await t.database.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute(),
    ).toEqual([]);
    expect(await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
    expect(
      await t.database.db.selectFrom('mails').select('id').where('to_address', '=', 'gone@example.org').execute(),
    ).toEqual([]);
    const events = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['accounts.created', 'accounts.signed-in', 'accounts.erased']);
    expect(JSON.stringify(events)).not.toContain('gone@example.org');

    const afterwards = await t.app.inject({
      method: 'GET',
      url: '/compte',
      headers: { cookie: cookieHeader(cookies) },
    });
    expect(afterwards.statusCode).toBe(303);

    const admin = await personWithRoles(t, 'auditor@example.org', [{ role: 'admin' }]);
    const journal = await t.app.inject({
      method: 'GET',
      url: '/admin/journal',
      headers: { cookie: cookieHeader(admin.cookies) },
    });
    expect(journal.body).toContain('compte supprimé');
  });

  it('refuses to erase the last administrator', async () => {
    const solo = await createTestApp();
    try {
      const admin = await personWithRoles(solo, 'only-admin@example.org', [{ role: 'admin' }]);
      const page = await formSession(solo.app, cookieHeader(admin.cookies), '/compte');
      const refused = await submitForm(solo.app, page, '/compte/supprimer', { confirmation: 'SUPPRIMER' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('dernier administrateur');
      expect(
        await solo.database.db.selectFrom('users').select('id').where('id', '=', admin.userId).executeTakeFirst(),
      ).toBeDefined();
    } finally {
      await solo.close();
    }
  });
});

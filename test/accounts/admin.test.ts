import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsModule } from '../../src/modules/accounts/index.js';
import { insertSeason, insertTracks } from '../support/factories/seasons.js';
import { formSession, submitForm } from '../support/forms.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { cookieHeader, personWithRoles } from './helpers.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof personWithRoles>>;
let staff: Awaited<ReturnType<typeof personWithRoles>>;
let applicant: Awaited<ReturnType<typeof personWithRoles>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await personWithRoles(t, 'root@example.org', [{ role: 'admin' }]);
  staff = await personWithRoles(t, 'staff@example.org', [{ role: 'staff', track: 'numerique' }]);
  applicant = await personWithRoles(t, 'porteur@example.org', [{ role: 'applicant' }]);
  // A staff role can be limited only to a track one of the seasons has.
  const now = new Date();
  const season = await insertSeason(t.database.db, {
    slug: 'saison-1',
    number: 1,
    name: 'Saison 1',
    name_en: 'Season 1',
    summary: '',
    summary_en: '',
    eligible_kinds: [],
    support_months: 0,
    grant_envelope_cents: 0,
    laureates_sought: 0,
    opens_at: now,
    closes_at: new Date(now.getTime() + 86_400_000),
    created_at: now,
    updated_at: now,
  });
  await insertTracks(t.database.db, [
    { season_id: season.id, code: 'numerique', name: 'Numérique', name_en: 'Digital', lead: 'DINUM', position: 0 },
    { season_id: season.id, code: 'ditp', name: 'Autres communs', name_en: 'Other commons', lead: 'DITP', position: 1 },
  ]);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, cookies: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(cookies) } });

describe('administration pages', () => {
  const pages = ['/admin', '/admin/comptes', '/admin/courriels', '/admin/journal', '/admin/journal/verification'];

  it('send anonymous visitors to sign in and refuse applicants', async () => {
    for (const url of pages) {
      const anonymous = await get(url);
      expect(anonymous.statusCode, url).toBe(303);
      expect(anonymous.headers.location).toBe(`/connexion?retour=${encodeURIComponent(url)}`);
      expect((await get(url, applicant.cookies)).statusCode, url).toBe(403);
    }
    const target = `/admin/comptes/${applicant.userId}`;
    expect((await get(target, applicant.cookies)).statusCode).toBe(403);
    const post = await t.app.inject({
      method: 'POST',
      url: `/admin/comptes/${applicant.userId}/attribuer`,
      headers: { cookie: cookieHeader(applicant.cookies) },
      payload: { role: 'admin' },
    });
    expect(post.statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/admin/comptes/${applicant.userId}/attribuer`,
          payload: { role: 'admin' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('show staff the dashboard with only the tools they may use', async () => {
    const page = await get('/admin', staff.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/admin/contenus"');
    expect(page.body).not.toContain('href="/admin/comptes"');
    expect(page.body).not.toContain('href="/admin/journal"');
    expect((await get('/admin/comptes', staff.cookies)).statusCode).toBe(403);
    const full = await get('/admin', admin.cookies);
    for (const href of [
      '/admin/contenus',
      '/admin/saisons',
      '/admin/candidatures',
      '/admin/jury',
      '/admin/evaluations',
      '/admin/panels',
      '/admin/comptes',
      '/admin/courriels',
      '/admin/journal',
    ])
      expect(full.body).toContain(`href="${href}"`);
  });

  it('give reviewers and panelists a way to their own area from every page header', async () => {
    const both = await personWithRoles(t, 'jury-et-panel@example.org', [{ role: 'reviewer' }, { role: 'panelist' }]);
    const page = await get('/', both.cookies);
    expect(page.body).toContain('href="/jury"');
    expect(page.body).toContain('href="/panel"');
    expect(page.body).not.toContain('href="/admin"');
    const plain = await get('/', applicant.cookies);
    expect(plain.body).not.toContain('href="/jury"');
    expect(plain.body).not.toContain('href="/panel"');
  });

  it('find people by email, literally', async () => {
    const found = await get('/admin/comptes?q=PORTEUR', admin.cookies);
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('porteur@example.org');
    expect(found.body).not.toContain('staff@example.org');
    const wildcard = await get('/admin/comptes?q=%25', admin.cookies);
    expect(wildcard.body).not.toContain('porteur@example.org');
  });

  it('show people by the name they gave, and find them by it', async () => {
    const named = await personWithRoles(t, 'dominique.nom@example.org', [{ role: 'reviewer' }]);
    await t.database.db
      .updateTable('users')
      .set({ given_name: 'Dominique', family_name: 'Lefèvre' })
      .where('id', '=', named.userId)
      .execute();
    const found = await get('/admin/comptes?q=lef%C3%A8vre', admin.cookies);
    expect(found.body).toContain(
      `<a href="/admin/comptes/${named.userId}" title="Gérer les rôles - Dominique Lefèvre">`,
    );
    expect(found.body).toContain('Dominique Lefèvre</a>');
    expect(found.body).toContain('dominique.nom@example.org');
    expect(found.body).not.toContain('porteur@example.org');
    const page = await get(`/admin/comptes/${named.userId}`, admin.cookies);
    expect(page.body).toContain('<h1>Compte de Dominique Lefèvre</h1>');
    // Without a name, the address stands in.
    const unnamed = await get(`/admin/comptes/${applicant.userId}`, admin.cookies);
    expect(unnamed.body).toContain('<h1>Compte porteur@example.org</h1>');
  });

  it('grant and remove roles through the pages, with CSRF and audit', async () => {
    const url = `/admin/comptes/${applicant.userId}`;
    const form = await formSession(t.app, cookieHeader(admin.cookies), url);
    const noToken = await t.app.inject({
      method: 'POST',
      url: `${url}/attribuer`,
      headers: { cookie: form.cookie },
      payload: { role: 'reviewer' },
    });
    expect(noToken.statusCode).toBe(403);

    const wrongTrack = await submitForm(t.app, form, `${url}/attribuer`, { role: 'reviewer', track: 'numerique' });
    expect(wrongTrack.statusCode).toBe(400);
    expect(wrongTrack.body).toContain('Seul le rôle');
    expect(wrongTrack.body).toContain('value="numerique"');
    // A track no season has is refused on its field, with the tracks that exist; the form offers only those.
    const page = await get(url, admin.cookies);
    expect(page.body).toContain('<option value="numerique"');
    expect(page.body).toContain('Numérique (numerique)');
    expect(page.body).not.toContain('par exemple numerique');
    const unknownTrack = await submitForm(t.app, form, `${url}/attribuer`, { role: 'staff', track: 'numerik' });
    expect(unknownTrack.statusCode).toBe(400);
    expect(unknownTrack.body).toContain(
      'Ce parcours n’existe dans aucune saison. Parcours possibles : numerique, ditp.',
    );
    expect(unknownTrack.body).toContain('href="#track"');
    expect(unknownTrack.body).toContain('value="staff" selected');
    const badRole = await submitForm(t.app, form, `${url}/attribuer`, { role: 'emperor' });
    expect(badRole.statusCode).toBe(400);

    const granted = await submitForm(t.app, form, `${url}/attribuer`, { role: 'staff', track: 'numerique' });
    expect(granted.statusCode).toBe(303);
    expect(granted.headers.location).toBe(`${url}?fait=granted`);
    const again = await submitForm(t.app, form, `${url}/attribuer`, { role: 'staff', track: 'numerique' });
    expect(again.headers.location).toBe(`${url}?fait=already`);
    const roles = await t.database.db
      .selectFrom('user_roles')
      .select(['role', 'track', 'granted_by'])
      .where('user_id', '=', applicant.userId)
      .orderBy('role')
      .execute();
    expect(roles).toEqual([
      { role: 'applicant', track: '', granted_by: null },
      { role: 'staff', track: 'numerique', granted_by: admin.userId },
    ]);
    const shown = await get(`${url}?fait=granted`, admin.cookies);
    expect(shown.body).toContain('parcours numerique');

    const revoked = await submitForm(t.app, form, `${url}/retirer`, { role: 'staff', track: 'numerique' });
    expect(revoked.statusCode).toBe(303);
    const after = await t.database.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', applicant.userId)
      .execute();
    expect(after.map((r) => r.role)).toEqual(['applicant']);

    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'summary'])
      .where('subject_id', '=', applicant.userId)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['accounts.role-granted', 'accounts.role-revoked']);
    expect(events.every((e) => e.actor_id === admin.userId)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('@');
  });

  it('refuse removing the last administrator', async () => {
    const url = `/admin/comptes/${admin.userId}`;
    const form = await formSession(t.app, cookieHeader(admin.cookies), url);
    const refused = await submitForm(t.app, form, `${url}/retirer`, { role: 'admin', track: '' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('dernier administrateur');
    expect(
      await t.database.db
        .selectFrom('user_roles')
        .select('role')
        .where('user_id', '=', admin.userId)
        .where('role', '=', 'admin')
        .executeTakeFirst(),
    ).toBeDefined();
  });

  it('answer 404 for an unknown or malformed account id', async () => {
    expect((await get('/admin/comptes/not-a-uuid', admin.cookies)).statusCode).toBe(404);
    expect((await get('/admin/comptes/00000000-0000-4000-8000-000000000000', admin.cookies)).statusCode).toBe(404);
    expect((await get('/admin/courriels/nope', admin.cookies)).statusCode).toBe(404);
  });

  it('list mails and show one, its text escaped', async () => {
    const form = await formSession(t.app, '', '/connexion');
    await submitForm(t.app, form, '/connexion', { email: 'reader@example.org' });
    await t.app.services.worker.drain();
    await t.database.db
      .insertInto('mails')
      .values({
        to_address: 'x@example.org',
        subject: 'Hostile <b>',
        text_body: '<script>alert(1)</script>',
        html_body: '',
        template: 'test',
        locale: 'fr',
      })
      .execute();
    const list = await get('/admin/courriels', admin.cookies);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('reader@example.org');
    expect(list.body).toContain('conservé (pas de SMTP)');
    expect(list.body).toContain('Hostile &lt;b>');
    const hostile = await t.database.db
      .selectFrom('mails')
      .select('id')
      .where('template', '=', 'test')
      .executeTakeFirstOrThrow();
    const one = await get(`/admin/courriels/${hostile.id}`, admin.cookies);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(one.body).not.toContain('<script>alert(1)');
  });

  it('show a mail with its live links masked, and resend it to its recipient instead (audited)', async () => {
    const form = await formSession(t.app, '', '/connexion');
    await submitForm(t.app, form, '/connexion', { email: 'masque@example.org' });
    await t.app.services.worker.drain();
    const stored = await t.database.db
      .selectFrom('mails')
      .select(['id', 'text_body'])
      .where('to_address', '=', 'masque@example.org')
      .executeTakeFirstOrThrow();
    const token = /jeton=([A-Za-z0-9_-]+)/.exec(stored.text_body)![1]!;
    await t.database.db
      .insertInto('mails')
      .values({
        to_address: 'expert@example.org',
        subject: 'Avis',
        text_body: `Lien : http://localhost/avis/${'E'.repeat(43)} ; et http://localhost/panel-citoyen/invitation?jeton=INVIT${'I'.repeat(40)}`,
        html_body: '',
        template: 'test-links',
        locale: 'fr',
      })
      .execute();
    const expertMail = await t.database.db
      .selectFrom('mails')
      .select('id')
      .where('template', '=', 'test-links')
      .executeTakeFirstOrThrow();

    const page = await get(`/admin/courriels/${stored.id}`, admin.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(token);
    expect(page.body).toContain('/connexion/lien?jeton=[masqué]');
    expect(page.body).toContain(`action="/admin/courriels/${stored.id}/renvoyer"`);
    const other = await get(`/admin/courriels/${expertMail.id}`, admin.cookies);
    expect(other.body).not.toContain('E'.repeat(43));
    expect(other.body).not.toContain('INVIT');

    const resendForm = await formSession(t.app, cookieHeader(admin.cookies), `/admin/courriels/${stored.id}`);
    const resent = await submitForm(t.app, resendForm, `/admin/courriels/${stored.id}/renvoyer`, {});
    expect(resent.statusCode).toBe(303);
    const copies = await t.database.db
      .selectFrom('mails')
      .select(['id', 'text_body', 'to_address'])
      .where('to_address', '=', 'masque@example.org')
      .orderBy('created_at')
      .execute();
    expect(copies).toHaveLength(2);
    // The recipient gets the same working link; the admin never saw it.
    expect(copies[1]!.text_body).toBe(stored.text_body);
    expect(resent.headers.location).toBe(`/admin/courriels/${copies[1]!.id}?ok=renvoye`);
    const shown = await get(resent.headers.location as string, admin.cookies);
    expect(shown.body).toContain('Courriel renvoyé');
    expect(shown.body).not.toContain(token);
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('action', '=', 'mail.resend')
      .executeTakeFirstOrThrow();
    expect(event.summary).toMatchObject({ mailId: stored.id, copyId: copies[1]!.id });
    expect(JSON.stringify(event.summary)).not.toContain(token);
    const refused = await submitForm(
      t.app,
      await formSession(t.app, cookieHeader(staff.cookies), '/admin'),
      `/admin/courriels/${stored.id}/renvoyer`,
      {},
    );
    expect(refused.statusCode).toBe(403);
  });

  it('page the audit log by sequence and verify its chain', async () => {
    for (let i = 0; i < 60; i++) {
      await t.database.db.transaction().execute(async (trx) => {
        const { recordAudit } = await import('../../src/core/audit/audit.js');
        await recordAudit(trx, { id: null, label: 'system' }, t.clock.now(), {
          action: 'test.event',
          subjectType: 'test',
          subjectId: String(i),
        });
      });
    }
    const first = await get('/admin/journal', admin.cookies);
    expect(first.statusCode).toBe(200);
    const older = /href="\/admin\/journal\?avant=(\d+)"/.exec(first.body);
    expect(older).not.toBeNull();
    const second = await get(`/admin/journal?avant=${older![1]}`, admin.cookies);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('accounts.role-granted');
    expect(second.body).toContain('href="/admin/journal"');
    expect((await get('/admin/journal?avant=abc', admin.cookies)).statusCode).toBe(200);

    const verified = await get('/admin/journal/verification', admin.cookies);
    expect(verified.statusCode).toBe(200);
    expect(verified.body).toMatch(/Chaîne intacte : \d+ événements vérifiés/);

    // A chain head that no longer matches the log is reported, not hidden.
    await t.database.db
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 5) }))
      .where('id', '=', 1)
      .execute();
    try {
      const broken = await get('/admin/journal/verification', admin.cookies);
      expect(broken.statusCode).toBe(200);
      expect(broken.body).toMatch(/Chaîne ALTÉRÉE : (1 problème trouvé|\d+ problèmes trouvés)\./);
    } finally {
      await t.database.db
        .updateTable('audit_head')
        .set((eb) => ({ seq: eb('seq', '-', 5) }))
        .where('id', '=', 1)
        .execute();
    }
  });
});

describe('CLI admin grant / revoke', () => {
  const grant = accountsModule.commands!['admin grant'];
  const revoke = accountsModule.commands!['admin revoke'];

  it('creates the account if needed, grants, and refuses bad arguments', async () => {
    expect(await grant.run(['New.Staff@example.org', 'staff', '--track', 'ditp'], t.app.services)).toBe(0);
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'new.staff@example.org')
      .executeTakeFirstOrThrow();
    const roles = await t.database.db
      .selectFrom('user_roles')
      .select(['role', 'track'])
      .where('user_id', '=', user.id)
      .execute();
    expect(roles).toEqual([{ role: 'staff', track: 'ditp' }]);
    expect(await grant.run(['new.staff@example.org', 'staff', '--track', 'ditp'], t.app.services)).toBe(0);
    expect(await grant.run(['not-an-email', 'staff'], t.app.services)).toBe(2);
    expect(await grant.run(['a@example.org', 'king'], t.app.services)).toBe(2);
    expect(await grant.run(['a@example.org', 'admin', '--track', 'ditp'], t.app.services)).toBe(2);
    expect(await grant.run(['a@example.org', 'staff', '--track', 'inexistant'], t.app.services)).toBe(2);
    expect(await t.database.db.selectFrom('users').select('id').where('email', '=', 'a@example.org').execute()).toEqual(
      [],
    );

    expect(await revoke.run(['new.staff@example.org', 'staff', '--track', 'ditp'], t.app.services)).toBe(0);
    expect(
      await t.database.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute(),
    ).toEqual([]);
    expect(await revoke.run(['nobody@example.org', 'staff'], t.app.services)).toBe(1);
    expect(await revoke.run(['root@example.org', 'admin'], t.app.services)).toBe(1);
  });

  it('loads the demo team idempotently', async () => {
    await accountsModule.loadDemo!(t.app.services);
    await accountsModule.loadDemo!(t.app.services);
    const rows = await t.database.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['email', 'role'])
      .where('email', 'like', '%@accelerateur.localhost')
      .orderBy('email')
      .execute();
    expect(rows).toEqual([
      { email: 'admin@accelerateur.localhost', role: 'admin' },
      { email: 'equipe@accelerateur.localhost', role: 'staff' },
    ]);
  });
});

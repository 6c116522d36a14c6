import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedTransaction, verifyAuditChain } from '../../src/core/audit/audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { cookieHeader, personWithRoles } from './helpers.js';

/** Mails and the audit log: search and filters sent by GET forms, pages that keep them, a readable event (issue 17). */
let t: TestApp;
let admin: Awaited<ReturnType<typeof personWithRoles>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await personWithRoles(t, 'journal-admin@example.org', [{ role: 'admin' }]);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(admin.cookies) } });

async function mail(to: string, subject: string, status: 'sent' | 'failed' | 'stored', createdAt: string) {
  await t.database.db
    .insertInto('mails')
    .values({
      to_address: to,
      subject,
      text_body: 'x',
      html_body: '',
      template: 'test',
      locale: 'fr',
      status,
      created_at: createdAt,
    })
    .execute();
}

describe('the mails page', () => {
  beforeAll(async () => {
    // Paris time: 2026-03-01 00:30 in Paris is 2026-02-28 23:30 UTC.
    await mail('camille.martin@example.org', 'Votre candidature est reçue', 'sent', '2026-02-28T23:30:00Z');
    await mail('dominique@example.org', 'Votre lien de connexion', 'failed', '2026-03-05T10:00:00Z');
    await mail('camille.martin@example.org', 'Votre lien de connexion', 'stored', '2026-03-10T10:00:00Z');
    for (let i = 0; i < 55; i++)
      await mail(`lot${i}@example.org`, `Relance ${i}`, 'stored', `2026-04-01T10:${String(i).padStart(2, '0')}:00Z`);
  });

  it('offers a search form sent with GET, working without JavaScript', async () => {
    const page = await get('/admin/courriels');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<form method="get" action="\/admin\/courriels"/);
    for (const name of ['destinataire', 'objet', 'statut', 'du', 'au']) expect(page.body).toContain(`name="${name}"`);
  });

  it('filters by recipient, subject and status, literally', async () => {
    const byRecipient = await get('/admin/courriels?destinataire=CAMILLE.MARTIN');
    expect(byRecipient.body).toContain('Votre candidature est reçue');
    expect(byRecipient.body).not.toContain('dominique@example.org');
    expect(byRecipient.body).toContain('Courriels trouvés : 2');
    const bySubject = await get('/admin/courriels?objet=lien+de+connexion&statut=failed');
    expect(bySubject.body).toContain('dominique@example.org');
    expect(bySubject.body).not.toContain('camille.martin@example.org');
    expect(bySubject.body).toContain('value="lien de connexion"');
    expect(bySubject.body).toMatch(/<option value="failed" selected/);
    const wildcard = await get('/admin/courriels?destinataire=%25');
    expect(wildcard.body).toContain('Aucun courriel ne correspond à ces filtres.');
  });

  it('filters by a period of Paris days, both included', async () => {
    const march1 = await get('/admin/courriels?du=2026-03-01&au=2026-03-01');
    expect(march1.body).toContain('Votre candidature est reçue');
    expect(march1.body).toContain('Courriels trouvés : 1');
    const fromMarch5 = await get('/admin/courriels?du=2026-03-05&au=2026-03-10');
    expect(fromMarch5.body).toContain('Courriels trouvés : 2');
  });

  it('keeps the filters in the links of its pages', async () => {
    const first = await get('/admin/courriels?objet=Relance');
    expect(first.body).toContain('Courriels trouvés : 55');
    expect(first.body).toContain('href="/admin/courriels?objet=Relance&page=2"');
    const second = await get('/admin/courriels?objet=Relance&page=2');
    expect(second.body).toContain('Relance 4<');
    expect(second.body).not.toContain('Relance 54<');
  });

  it('says on the field what is wrong with a filter, and keeps what was typed', async () => {
    const badDay = await get('/admin/courriels?du=2026-02-30&destinataire=camille');
    expect(badDay.statusCode).toBe(400);
    expect(badDay.body).toContain('Saisissez une date au format AAAA-MM-JJ.');
    expect(badDay.body).toContain('value="2026-02-30"');
    expect(badDay.body).toContain('value="camille"');
    const reversed = await get('/admin/courriels?du=2026-03-10&au=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('La date de fin doit être le même jour que la date de début ou après.');
    const badStatus = await get('/admin/courriels?statut=lost');
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.body).toContain('Choisissez une des valeurs proposées.');
  });
});

describe('the audit log', () => {
  let seq: number;

  beforeAll(async () => {
    const editor = await personWithRoles(t, 'claire.redactrice@example.org', [{ role: 'staff' }]);
    await t.database.db
      .updateTable('users')
      .set({ given_name: 'Claire', family_name: 'Rédactrice' })
      .where('id', '=', editor.userId)
      .execute();
    const actor = { id: editor.userId, label: 'claire.redactrice@example.org' };
    t.clock.set('2026-05-04T08:00:00Z');
    await auditedTransaction(t.database.db, actor, t.clock.now(), async (_trx, audit) => {
      await audit({
        action: 'content.page-updated',
        subjectType: 'page',
        subjectId: '6f1c1a52-0000-4000-8000-000000000001',
        summary: { before: { slug: 'faq', title: 'FAQ' }, after: { slug: 'faq', title: 'Questions fréquentes' } },
      });
    });
    t.clock.set('2026-05-06T08:00:00Z');
    await auditedTransaction(t.database.db, { id: null, label: 'system' }, t.clock.now(), async (_trx, audit) => {
      await audit({
        action: 'panel.status-changed',
        subjectType: 'panel',
        summary: { before: 'open', after: 'closed' },
      });
    });
    const row = await t.database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'content.page-updated')
      .executeTakeFirstOrThrow();
    seq = Number(row.seq);
  });

  it('filters by actor (address or name), action, object type and period, with a GET form', async () => {
    const page = await get('/admin/journal');
    expect(page.body).toMatch(/<form method="get" action="\/admin\/journal"/);
    for (const name of ['acteur', 'action', 'type', 'du', 'au']) expect(page.body).toContain(`name="${name}"`);

    const byName = await get('/admin/journal?acteur=r%C3%A9dactrice');
    expect(byName.body).toContain('content.page-updated');
    expect(byName.body).not.toContain('panel.status-changed');
    const byAddress = await get('/admin/journal?acteur=claire.redac');
    expect(byAddress.body).toContain('content.page-updated');
    const byAction = await get('/admin/journal?action=panel.status');
    expect(byAction.body).toContain('panel.status-changed');
    expect(byAction.body).not.toContain('content.page-updated');
    const byType = await get('/admin/journal?type=page');
    expect(byType.body).toContain('content.page-updated');
    expect(byType.body).not.toContain('panel.status-changed');
    const byDay = await get('/admin/journal?du=2026-05-05&au=2026-05-06');
    expect(byDay.body).toContain('panel.status-changed');
    expect(byDay.body).not.toContain('content.page-updated');
    const none = await get('/admin/journal?acteur=personne');
    expect(none.body).toContain('Aucun événement ne correspond à ces filtres.');
    const bad = await get('/admin/journal?au=05/06/2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Saisissez une date au format AAAA-MM-JJ.');
    expect(bad.body).toContain('value="05/06/2026"');
  });

  it('keeps the filters in the link to older events', async () => {
    for (let i = 0; i < 55; i++)
      await auditedTransaction(t.database.db, { id: null, label: 'system' }, t.clock.now(), async (_trx, audit) => {
        await audit({ action: 'test.batch', subjectType: 'test', subjectId: String(i) });
      });
    const first = await get('/admin/journal?action=test.batch');
    const older = /href="\/admin\/journal\?action=test.batch&avant=(\d+)"/.exec(first.body);
    expect(older).not.toBeNull();
    const second = await get(`/admin/journal?action=test.batch&avant=${older![1]}`);
    expect(second.body).toContain('test.batch');
    expect(second.body).not.toContain('content.page-updated');
    expect(second.body).toContain('href="/admin/journal?action=test.batch"');
  });

  it('shows an event readably: who, what, when, and the changed fields before → after', async () => {
    const list = await get('/admin/journal?type=page');
    expect(list.body).toContain(`href="/admin/journal/${seq}"`);
    const page = await get(`/admin/journal/${seq}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Événement n° ${seq}`);
    expect(page.body).toContain('Claire Rédactrice');
    expect(page.body).toContain('content.page-updated');
    expect(page.body).toContain('4 mai 2026');
    // Only the field that changed, before and after, in a table.
    expect(page.body).toMatch(
      /<tr>\s*<td>\s*<code>title<\/code>\s*<\/td>\s*<td>\s*<span[^>]*>FAQ<\/span>\s*<\/td>\s*<td>\s*<span[^>]*>Questions fréquentes<\/span>/,
    );
    expect(page.body).not.toContain('<code>slug</code>');
    // The stored JSON stays available, folded.
    expect(page.body).toMatch(/<details[^>]*>\s*<summary>Résumé brut \(JSON\)<\/summary>/);

    const other = await t.database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'panel.status-changed')
      .executeTakeFirstOrThrow();
    const status = await get(`/admin/journal/${other.seq}`);
    expect(status.body).toContain('la plateforme');
    expect(status.body).toMatch(/<span[^>]*>open<\/span>[\s\S]*<span[^>]*>closed<\/span>/);
  });

  it('answers 404 for an unknown or malformed event, and reading leaves the chain intact', async () => {
    expect((await get('/admin/journal/999999999')).statusCode).toBe(404);
    expect((await get('/admin/journal/abc')).statusCode).toBe(404);
    expect((await get('/admin/journal/0')).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/admin/journal/${seq}` });
    expect(anonymous.statusCode).toBe(303);
    expect((await verifyAuditChain(t.database.db)).problems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, formSession, multipartBody, TINY_PNG } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

describe('news attachments', () => {
  let t: TestApp;
  let staff: SignedInUser;
  let newsId: string;
  let editUrl: string;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await createSignedInUser(t.database.db, t.clock, [{ role: 'admin' }]);
    const row = await t.database.db
      .insertInto('news')
      .values({
        slug: 'communique',
        title: 'Communiqué',
        published_at: new Date('2026-01-10T10:00:00Z'),
        status: 'published',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    newsId = row.id;
    editUrl = `/admin/contenus/actualites/${newsId}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function upload(file: { name: string; type: string; data: Buffer } | undefined, label = '', withToken = true) {
    const session = await formSession(t.app, staff.cookie, editUrl);
    const fields: Record<string, string> = withToken ? { _csrf: session.csrf, label } : { label };
    const { payload, contentType } = multipartBody(fields, file ? { field: 'file', ...file } : undefined);
    return t.app.inject({
      method: 'POST',
      url: `${editUrl}/fichiers`,
      headers: { cookie: session.cookie, 'content-type': contentType },
      payload,
    });
  }
  const attachments = () =>
    t.database.db
      .selectFrom('news_attachments as a')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .select(['a.id', 'a.url', 'a.label', 'f.content_type', 'f.original_name', 'f.id as file_id'])
      .where('a.news_id', '=', newsId)
      .orderBy('a.position')
      .execute();

  it('a PNG named .pdf is stored and served as PNG', async () => {
    const response = await upload({ name: 'affiche.pdf', type: 'application/pdf', data: TINY_PNG }, 'Affiche');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toContain('ok=file-added');
    const [attachment] = await attachments();
    expect(attachment.content_type).toBe('image/png');
    expect(attachment.url).toMatch(/^\/fichiers\/[0-9a-f-]{36}\/affiche\.png$/);
    const served = await t.app.inject({ method: 'GET', url: attachment.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toMatch(/^inline;/);
    const page = await t.app.inject({ method: 'GET', url: '/actualites/communique' });
    expect(page.body).toContain('PNG – ');

    // Used as the news image, it shows with its text alternative; an image elsewhere is not shown (CSP).
    await t.database.db
      .updateTable('news')
      .set({ image_url: attachment.url, image_alt: 'Affiche de la saison' })
      .where('id', '=', newsId)
      .execute();
    t.app.services.pageCache.clear();
    const withImage = await t.app.inject({ method: 'GET', url: '/actualites/communique' });
    expect(withImage.body).toContain(
      `<img class="fr-responsive-img" src="${attachment.url}" alt="Affiche de la saison"/>`,
    );
    await t.database.db
      .updateTable('news')
      .set({ image_url: 'https://ailleurs.example/a.png' })
      .where('id', '=', newsId)
      .execute();
    t.app.services.pageCache.clear();
    expect((await t.app.inject({ method: 'GET', url: '/actualites/communique' })).body).not.toContain(
      'ailleurs.example',
    );
    await t.database.db
      .updateTable('news')
      .set({ image_url: null, image_alt: null })
      .where('id', '=', newsId)
      .execute();
  });

  it('a text file named .png is refused with a field error', async () => {
    const before = (await attachments()).length;
    const response = await upload({
      name: 'image.png',
      type: 'image/png',
      data: Buffer.from('ceci est du texte, pas une image'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="file-error"');
    expect(response.body).toContain('n’est ni une image PNG, JPEG ou WebP ni un PDF');
    expect((await attachments()).length).toBe(before);
  });

  it('a request without a file is a field error', async () => {
    const response = await upload(undefined, 'sans fichier');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Choisissez un fichier à envoyer.');
    expect(response.body).toContain('value="sans fichier"');
  });

  it('a file over 10 MB is refused with 413 and a message', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const response = await upload({ name: 'gros.pdf', type: 'application/pdf', data: big });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Le fichier dépasse 10 Mo.');
    expect((await attachments()).some((a) => a.original_name === 'gros.pdf')).toBe(false);
  });

  it('a hostile file name is shown escaped and never used as a path', async () => {
    const name = '<script>alert(1)</script>../../etc/passwd.pdf';
    const response = await upload({ name, type: 'application/pdf', data: PDF });
    expect(response.statusCode).toBe(303);
    const attachment = (await attachments()).find((a) => a.original_name === name)!;
    expect(attachment.content_type).toBe('application/pdf');
    expect(attachment.url).toMatch(/^\/fichiers\/[0-9a-f-]{36}\/[a-z0-9-]+\.pdf$/);
    expect(attachment.url).not.toContain('..');
    const admin = await t.app.inject({ method: 'GET', url: editUrl, headers: { cookie: staff.cookie } });
    const site = await t.app.inject({ method: 'GET', url: '/actualites/communique' });
    for (const body of [admin.body, site.body]) {
      expect(body).toContain('&lt;script>alert(1)&lt;/script>../../etc/passwd.pdf');
      // Inside a quoted attribute value (where `"` is escaped) markup is inert: look at the rest.
      expect(body.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert(1)');
    }
    const served = await t.app.inject({ method: 'GET', url: attachment.url });
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.pdf"$/);
  });

  it('an upload without CSRF token is refused', async () => {
    const response = await upload({ name: 'a.png', type: 'image/png', data: TINY_PNG }, '', false);
    expect(response.statusCode).toBe(403);
  });

  it('deleting an attachment removes it and its file; the address then answers 404', async () => {
    const [first] = await attachments();
    const session = await formSession(t.app, staff.cookie, editUrl);
    const response = await t.app.inject({
      method: 'POST',
      url: `${editUrl}/fichiers/${first.id}/supprimer`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: session.csrf }).payload,
    });
    expect(response.statusCode).toBe(303);
    expect((await attachments()).some((a) => a.id === first.id)).toBe(false);
    expect(
      await t.database.db.selectFrom('files').select('id').where('id', '=', first.file_id).executeTakeFirst(),
    ).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: first.url })).statusCode).toBe(404);
    const again = await t.app.inject({
      method: 'POST',
      url: `${editUrl}/fichiers/${first.id}/supprimer`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: session.csrf }).payload,
    });
    expect(again.statusCode).toBe(404);
  });

  it('files of a draft are served to staff only', async () => {
    const [attachment] = await attachments();
    await t.database.db.updateTable('news').set({ status: 'draft' }).where('id', '=', newsId).execute();
    expect((await t.app.inject({ method: 'GET', url: attachment.url })).statusCode).toBe(404);
    const asStaff = await t.app.inject({ method: 'GET', url: attachment.url, headers: { cookie: staff.cookie } });
    expect(asStaff.statusCode).toBe(200);
    expect(asStaff.headers['cache-control']).toBe('private, no-store');
  });
});

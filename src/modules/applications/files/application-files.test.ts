import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNews, insertNewsAttachment } from '../../../../test/support/factories/content.js';
import { insertSeason, insertTracks } from '../../../../test/support/factories/seasons.js';
import { EICAR, type FakeClamd, startFakeClamd } from '../../../../test/support/fake-clamd.js';
import { formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import { sweepFileDirectory } from '../../../core/files/file-directory.js';
import type { FormDefinition } from '../form/model.js';
import { seedOpenSeason } from '../testing.js';
import { fileQuestionAt } from './application-files.js';

const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        {
          id: 'dossier',
          kind: 'file',
          required: true,
          label: { fr: 'Dossier (PDF)', en: 'File (PDF)' },
          file: { contentTypes: ['application/pdf'], maxBytes: 4000 },
        },
        {
          id: 'photos',
          kind: 'file',
          required: false,
          label: { fr: 'Photos', en: 'Photos' },
          file: { contentTypes: ['image/png', 'application/pdf'], maxBytes: 30 * 1024 * 1024 },
        },
      ],
    },
  ],
};

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

let t: TestApp;
let clamd: FakeClamd;

interface FilePart {
  field: string;
  name: string;
  data: Buffer;
  type?: string;
}

function multipart(
  fields: [string, string][],
  files: FilePart[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----acc${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields)
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts the application page's own multipart form, with the hidden fields it holds (the CSRF token first, as a browser does). */
async function postPage(
  cookie: string,
  id: string,
  fields: [string, string][],
  files: FilePart[] = [],
  submit = false,
) {
  const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(session.html)?.[1];
  expect(action).toBe(`/mes-candidatures/${id}`);
  const url = submit ? `${action}/soumettre` : action!;
  const hidden: [string, string][] = [
    ['_csrf', session.csrf],
    ...[
      ...session.html.matchAll(/<input type="hidden" name="([^"]+\[fileIds\]|idempotency_key)" value="([^"]+)"/g),
    ].map((m) => [m[1]!, m[2]!] as [string, string]),
  ];
  const body = multipart([...hidden, ...fields], files);
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: session.cookie },
  });
}

async function newDraft(email: string, slug = 'saison-9'): Promise<{ cookie: string; id: string }> {
  const cookie = await signedInAs(t.app, t.clock, null, email);
  const session = await formSession(t.app, cookie, `/candidater/${slug}`);
  const response = await t.app.inject({
    method: 'POST',
    url: `/candidater/${slug}`,
    payload: new URLSearchParams({
      track_code: 'numerique',
      applicant_kind: 'association',
      _csrf: session.csrf,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
  });
  expect(response.statusCode).toBe(303);
  return { cookie, id: /([0-9a-f-]{36})$/.exec(response.headers.location as string)![1]! };
}

/** A draft, and a function that sends again and again one same submit of its page (same key, same file). */
async function replayableSubmit(email: string, name: string) {
  const { cookie, id } = await newDraft(email);
  const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(session.html)![1]!;
  const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)![1]!;
  const body = multipart(
    [
      ['_csrf', session.csrf],
      ['idempotency_key', key],
      ['project_name', name],
    ],
    [{ field: 'dossier', name: 'Dossier.pdf', data: PDF }],
  );
  const send = () =>
    t.app.inject({
      method: 'POST',
      url: `${action}/soumettre`,
      payload: body.payload,
      headers: { ...body.headers, cookie: session.cookie },
    });
  return { id, send };
}

async function filesOf(id: string) {
  return t.app.services.db
    .selectFrom('application_files')
    .selectAll()
    .where('application_id', '=', id)
    .orderBy('created_at')
    .execute();
}

// Every test runs twice: file bytes in the database (the default with DATABASE_URL), then in a files directory
// (FILES_DIR, and always on the embedded database: decision 0009).
const directory = mkdtempSync(join(tmpdir(), 'acc-files-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each([
  { storage: 'the database', filesDir: undefined },
  { storage: 'a files directory', filesDir: directory },
])('file questions, bytes in $storage', ({ filesDir }) => {
  beforeAll(async () => {
    clamd = await startFakeClamd();
    t = await createTestApp({ clamdUrl: clamd.url, filesDir });
    t.clock.set('2026-03-01T10:00:00Z');
    const { db } = t.app.services;
    await seedOpenSeason(db, { slug: 'saison-9', number: 9, form: FORM });
  });
  afterAll(async () => {
    await t?.close();
    await clamd?.close();
  });
  it('refuses a PNG renamed .pdf on a PDF-only question, keeping what was typed', async () => {
    const { cookie, id } = await newDraft('png@example.fr');
    const response = await postPage(
      cookie,
      id,
      [['project_name', 'Jardin <partagé>']],
      [{ field: 'dossier', name: 'dossier.pdf', data: PNG, type: 'application/pdf' }],
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Jardin &lt;partagé>');
    expect(response.body).toContain('id="dossier-error"');
    expect(response.body).toContain('de type PNG');
    expect(await filesOf(id)).toHaveLength(0);
  });

  it('accepts a real PDF, stores it pending a scan, and submits a required file question', async () => {
    const { cookie, id } = await newDraft('pdf@example.fr');
    const saved = await postPage(
      cookie,
      id,
      [['project_name', 'Atelier']],
      [{ field: 'dossier', name: 'Présentation.pdf', data: PDF }],
    );
    expect(saved.statusCode).toBe(303);
    const [row] = await filesOf(id);
    expect(row).toMatchObject({ scan_status: 'pending', question_path: 'dossier' });
    const app = await t.app.services.db
      .selectFrom('applications')
      .select('draft_answers')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(app.draft_answers).toMatchObject({ dossier: { fileIds: [row!.file_id] } });
    const page = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${id}`, headers: { cookie } });
    expect(page.body).toContain('Présentation.pdf');
    expect(page.body).toContain(`href="/mes-candidatures/${id}/fichiers/${row!.file_id}"`);

    const submitted = await postPage(cookie, id, [['project_name', 'Atelier']], [], true);
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`/mes-candidatures/${id}?ok=soumis`);
    // The applicants follow the staff rule: not while the scan is pending, then once found clean.
    const pending = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}/fichiers/${row!.file_id}`,
      headers: { cookie },
    });
    expect(pending.statusCode).toBe(409);
    expect(pending.body).toContain('Analyse antivirus en cours');
    expect(pending.body).not.toContain('%PDF');
    await t.app.services.worker.drain();
    const own = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}/fichiers/${row!.file_id}`,
      headers: { cookie },
    });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PDF)).toBe(true);
  });

  it('stores the file of a replayed submit once (retry or double click with the same key)', async () => {
    const { id, send } = await replayableSubmit('rejeu@example.fr', 'Rejeu');
    const first = await send();
    const again = await send();
    expect(first.headers.location).toBe(`/mes-candidatures/${id}?ok=soumis`);
    expect(again.headers.location).toBe(`/mes-candidatures/${id}?ok=soumis`);
    expect(await filesOf(id)).toHaveLength(1);
  });

  it('removes the copy stored by the losing one of simultaneous replays of a submit with a file', async () => {
    const { id, send } = await replayableSubmit('rejeu-simultane@example.fr', 'Rejeux simultanés');
    // The application is held locked while the replays arrive, so that every one of them gets past the
    // check for an earlier version and stores its file before any has submitted (on PostgreSQL; the
    // embedded engine runs one statement at a time and mostly serialises them anyway).
    const { db } = t.app.services;
    let pending: Promise<Awaited<ReturnType<typeof send>>[]> | undefined;
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('applications').select('id').where('id', '=', id).forUpdate().execute();
      pending = Promise.all(Array.from({ length: 8 }, send));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });
    const answers = await pending!;
    expect(answers.map((a) => a.headers.location)).toEqual(Array(8).fill(`/mes-candidatures/${id}?ok=soumis`));
    const versions = await db
      .selectFrom('application_versions')
      .select('answers')
      .where('application_id', '=', id)
      .execute();
    expect(versions).toHaveLength(1);
    // Exactly the file the version refers to is left, with its bytes; the copies are gone with theirs.
    const left = await filesOf(id);
    expect(left).toHaveLength(1);
    expect(versions[0]!.answers).toMatchObject({ dossier: { fileIds: [left[0]!.file_id] } });
    const stored = await db
      .selectFrom('files')
      .select('id')
      .where('original_name', '=', 'Dossier.pdf')
      .where('owner_id', '=', left[0]!.uploaded_by)
      .execute();
    expect(stored.map((f) => f.id)).toEqual([left[0]!.file_id]);
  });

  it('refuses a submit whose required file is missing, on the field', async () => {
    const { cookie, id } = await newDraft('sans-fichier@example.fr');
    const response = await postPage(cookie, id, [['project_name', 'Sans fichier']], [], true);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#dossier"');
    expect(response.body).toContain('Sans fichier');
  });

  it('refuses a file over the limit with 413, the typed text kept and saved', async () => {
    const { cookie, id } = await newDraft('gros@example.fr');
    const big = Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]);
    const response = await postPage(
      cookie,
      id,
      [['project_name', 'Texte gardé']],
      [{ field: 'dossier', name: 'gros.pdf', data: big }],
    );
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Texte gardé');
    expect(response.body).toContain('dépasse la taille maximale');
    const row = await t.app.services.db
      .selectFrom('applications')
      .select('title')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe('Texte gardé');
    expect(await filesOf(id)).toHaveLength(0);
  });

  it('enforces the per-application quota of files', async () => {
    const { cookie, id } = await newDraft('quota@example.fr');
    const twenty = Array.from({ length: 20 }, (_, i) => ({
      field: 'photos',
      name: `photo-${i}.png`,
      data: PNG,
      type: 'image/png',
    }));
    expect((await postPage(cookie, id, [['project_name', 'Quota']], twenty)).statusCode).toBe(303);
    expect(await filesOf(id)).toHaveLength(20);
    const more = await postPage(
      cookie,
      id,
      [['project_name', 'Quota encore']],
      [{ field: 'photos', name: 'de-trop.png', data: PNG, type: 'image/png' }],
    );
    expect(more.statusCode).toBe(413);
    expect(more.body).toContain('au plus 20 fichiers');
    expect(more.body).toContain('Quota encore');
    expect(await filesOf(id)).toHaveLength(20);
  });

  // 36 MB of bytes in PGlite's tables took 43 s where a folder took 1.5 s: a combination no installation runs any more,
  // since the embedded database always keeps new files' bytes in a folder (config.ts). The quota is checked before
  // any byte is stored, so the folder's run and the PostgreSQL server's runs cover it.
  it.skipIf(!filesDir && !process.env.DATABASE_URL)(
    'enforces the per-application quota of bytes',
    async () => {
      const { cookie, id } = await newDraft('octets@example.fr');
      const large = () => ({
        field: 'photos',
        name: 'grand.png',
        data: Buffer.concat([PNG, Buffer.alloc(18 * 1024 * 1024)]),
        type: 'image/png',
      });
      expect((await postPage(cookie, id, [['project_name', 'Octets']], [large(), large()])).statusCode).toBe(303);
      const refused = await postPage(cookie, id, [['project_name', 'Octets gardés']], [large()]);
      expect(refused.statusCode).toBe(413);
      expect(refused.body).toContain('ne peuvent dépasser');
      expect(refused.body).toContain('Octets gardés');
      expect(await filesOf(id)).toHaveLength(2);
    },
    120_000,
  ); // 54 MB through the multipart reader: slow on a busy machine, not a timing check

  it('stores nothing from a refused request: 25 files answer 413 and keep none, in the database or the files directory', async () => {
    const { cookie, id } = await newDraft('vingt-cinq@example.fr');
    const stored = () =>
      filesDir
        ? readdirSync(filesDir, { recursive: true }).filter((name) => /[0-9a-f-]{36}$/.test(String(name))).length
        : 0;
    const before = stored();
    const rows = async () =>
      (
        await t.app.services.db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const rowsBefore = Number(await rows());
    const many = Array.from({ length: 25 }, (_, i) => ({
      field: 'photos',
      name: `photo-${i}.png`,
      data: PNG,
      type: 'image/png',
    }));
    const response = await postPage(cookie, id, [['project_name', 'Vingt-cinq']], many);
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('au plus 20 fichiers');
    expect(response.body).toContain('Vingt-cinq');
    expect(await filesOf(id)).toHaveLength(0);
    expect(Number(await rows())).toBe(rowsBefore);
    expect(stored()).toBe(before);
  });

  it('stores nothing and removes nothing when one file of a form is refused (too large, wrong type), on save and on submit', async () => {
    const { cookie, id } = await newDraft('un-refus@example.fr');
    expect(
      (
        await postPage(
          cookie,
          id,
          [['project_name', 'Un refus']],
          [{ field: 'photos', name: 'garde.png', data: PNG, type: 'image/png' }],
        )
      ).statusCode,
    ).toBe(303);
    const [kept] = await filesOf(id);
    const big = Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]);
    const tooLarge = await postPage(
      cookie,
      id,
      [
        ['remove_files', kept!.file_id],
        ['project_name', 'Un refus'],
      ],
      [
        { field: 'photos', name: 'bon.png', data: PNG, type: 'image/png' },
        { field: 'dossier', name: 'gros.pdf', data: big },
      ],
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).toContain('aucun fichier de cet envoi n’a été enregistré');
    const wrongType = await postPage(
      cookie,
      id,
      [['project_name', 'Un refus']],
      [
        { field: 'dossier', name: 'dossier.pdf', data: PDF },
        { field: 'photos', name: 'faux.png', data: Buffer.from('pas une image'), type: 'image/png' },
      ],
      true,
    );
    expect(wrongType.statusCode).toBe(400);
    const rows = await filesOf(id);
    expect(rows.map((row) => [row.file_id, row.removed_at])).toEqual([[kept!.file_id, null]]);
    const versions = await t.app.services.db
      .selectFrom('application_versions')
      .select('version')
      .where('application_id', '=', id)
      .execute();
    expect(versions).toHaveLength(0);
  });

  it('finds file questions by field path, children of repeatable blocks included', () => {
    const definition: FormDefinition = {
      sections: [
        {
          id: 's',
          title: { fr: 'S', en: 'S' },
          questions: [
            {
              id: 'cv_block',
              kind: 'repeatable',
              required: false,
              maxItems: 3,
              label: { fr: 'É', en: 'T' },
              children: [
                {
                  id: 'cv',
                  kind: 'file',
                  required: false,
                  label: { fr: 'CV', en: 'CV' },
                  file: { contentTypes: ['application/pdf'], maxBytes: 10 },
                },
                { id: 'name', kind: 'short_text', required: false, label: { fr: 'Nom', en: 'Name' } },
              ],
            },
            {
              id: 'doc',
              kind: 'file',
              required: false,
              label: { fr: 'D', en: 'D' },
              file: { contentTypes: ['application/pdf'], maxBytes: 10 },
            },
          ],
        },
      ],
    };
    expect(fileQuestionAt(definition, 'doc')?.id).toBe('doc');
    expect(fileQuestionAt(definition, 'cv_block[2][cv]')?.id).toBe('cv');
    for (const path of ['cv_block[3][cv]', 'cv_block[0][name]', 'cv_block', '../../doc', 'doc[0][x]', '__proto__'])
      expect(fileQuestionAt(definition, path)).toBeNull();
  });

  it('removes a file from a draft', async () => {
    const { cookie, id } = await newDraft('retrait@example.fr');
    await postPage(
      cookie,
      id,
      [['project_name', 'Retrait']],
      [{ field: 'photos', name: 'a.png', data: PNG, type: 'image/png' }],
    );
    const [row] = await filesOf(id);
    const removed = await postPage(cookie, id, [
      ['project_name', 'Retrait'],
      ['remove_files', row!.file_id],
    ]);
    expect(removed.statusCode).toBe(303);
    expect(await filesOf(id)).toHaveLength(0);
    const app = await t.app.services.db
      .selectFrom('applications')
      .select('draft_answers')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(app.draft_answers).toMatchObject({ photos: { fileIds: [] } });
  });

  it('shows hostile file names escaped and never uses them as a path', async () => {
    const { cookie, id } = await newDraft('hostile@example.fr');
    const response = await postPage(
      cookie,
      id,
      [['project_name', 'Noms']],
      [
        { field: 'photos', name: '<script>alert(1)</script>.png', data: PNG, type: 'image/png' },
        { field: 'dossier', name: '../../../etc/passwd', data: PDF },
      ],
    );
    expect(response.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${id}`, headers: { cookie } });
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>.png');
    expect(page.body).toContain('../../../etc/passwd');
    const rows = await filesOf(id);
    const passwd = rows.find((r) => r.question_path === 'dossier')!;
    await t.app.services.worker.drain();
    const download = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}/fichiers/${passwd.file_id}`,
      headers: { cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="passwd.pdf"');
  });

  it('scans through the job: EICAR is flagged and not downloadable, a clean file is, for staff only', async () => {
    const { cookie, id } = await newDraft('virus@example.fr');
    // The EICAR string behind a PDF header: it passes the type check, only the antivirus can catch it.
    const { db } = t.app.services;
    const eicarPdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), EICAR]);
    // Submitted: staff read only what was submitted (a draft's files are the applicant's).
    const response = await postPage(
      cookie,
      id,
      [['project_name', 'Virus']],
      [
        { field: 'photos', name: 'virus.pdf', data: eicarPdf },
        { field: 'dossier', name: 'sain.pdf', data: PDF },
      ],
      true,
    );
    expect(response.statusCode).toBe(303);
    const rows = await filesOf(id);
    expect(rows.map((r) => r.scan_status)).toEqual(['pending', 'pending']);
    const jobs = await db.selectFrom('jobs').select('payload').where('name', '=', 'applications.scan_file').execute();
    expect(jobs.length).toBeGreaterThanOrEqual(2);

    const staff = await signedInAs(t.app, t.clock, 'staff', 'instruction-fichiers@example.fr');
    const virus = rows.find((r) => r.question_path === 'photos')!;
    const clean = rows.find((r) => r.question_path === 'dossier')!;
    const pending = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures/${id}/fichiers/${clean.file_id}`,
      headers: { cookie: staff },
    });
    expect(pending.statusCode).toBe(409);

    await t.app.services.worker.drain();
    const after = await filesOf(id);
    expect(after.find((r) => r.file_id === virus.file_id)).toMatchObject({
      scan_status: 'infected',
      scan_detail: expect.stringContaining('Eicar'),
    });
    expect(after.find((r) => r.file_id === clean.file_id)?.scan_status).toBe('clean');

    const detail = await t.app.inject({ method: 'GET', url: `/admin/candidatures/${id}`, headers: { cookie: staff } });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('infecté');
    expect(detail.body).toContain(`href="/admin/candidatures/${id}/fichiers/${clean.file_id}"`);
    expect(detail.body).not.toContain(`href="/admin/candidatures/${id}/fichiers/${virus.file_id}"`);

    const blocked = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures/${id}/fichiers/${virus.file_id}`,
      headers: { cookie: staff },
    });
    expect(blocked.statusCode).toBe(409);
    const ownBlocked = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}/fichiers/${virus.file_id}`,
      headers: { cookie },
    });
    expect(ownBlocked.statusCode).toBe(409);
    expect(ownBlocked.body).toContain('Fichier bloqué');
    const ownBlockedJson = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}/fichiers/${virus.file_id}`,
      headers: { cookie, accept: 'application/json' },
    });
    expect(ownBlockedJson.json()).toMatchObject({ statusCode: 409, error: 'Fichier bloqué' });
    expect(blocked.body).toContain('Fichier bloqué');
    expect(pending.body).toContain('Analyse antivirus en cours');

    const ok = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures/${id}/fichiers/${clean.file_id}`,
      headers: { cookie: staff },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.headers['content-disposition']).toBe('attachment; filename="sain.pdf"');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toContain('sandbox');
    expect(ok.rawPayload.equals(PDF)).toBe(true);

    // Staff limited to another track, another applicant, and a file of another application: 404.
    const limited = await signedInAs(t.app, t.clock, 'staff', 'autre-parcours@example.fr', 'autres');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/admin/candidatures/${id}/fichiers/${clean.file_id}`,
          headers: { cookie: limited },
        })
      ).statusCode,
    ).toBe(404);
    const other = await newDraft('curieux@example.fr');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/mes-candidatures/${id}/fichiers/${clean.file_id}`,
          headers: { cookie: other.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/mes-candidatures/${other.id}/fichiers/${clean.file_id}`,
          headers: { cookie: other.cookie },
        })
      ).statusCode,
    ).toBe(404);
    // A posted file id of another application is not taken into one's own answers.
    await postPage(other.cookie, other.id, [
      ['project_name', 'Vol'],
      ['dossier[fileIds]', clean.file_id],
    ]);
    const stolen = await db
      .selectFrom('applications')
      .select('draft_answers')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(stolen.draft_answers).toMatchObject({ dossier: { fileIds: [] } });
  });

  it('serves an application file only through its application routes, audited: never /fichiers, whatever the role or the news that names it', async () => {
    const { cookie, id } = await newDraft('cloison@example.fr');
    expect(
      (
        await postPage(
          cookie,
          id,
          [['project_name', 'Cloison']],
          [{ field: 'dossier', name: 'prive.pdf', data: PDF }],
          true,
        )
      ).statusCode,
    ).toBe(303);
    await t.app.services.worker.drain();
    const [row] = await filesOf(id);
    expect(row?.scan_status).toBe('clean');
    const fileId = row!.file_id;
    const viaContent = `/fichiers/${fileId}/prive.pdf`;

    const admin = await signedInAs(t.app, t.clock, 'admin', 'admin-cloison@example.fr');
    const staff = await signedInAs(t.app, t.clock, 'staff', 'staff-cloison@example.fr');
    const limited = await signedInAs(t.app, t.clock, 'staff', 'limite-cloison@example.fr', 'autres');
    for (const who of [admin, staff, limited, cookie, '']) {
      const res = await t.app.inject({ method: 'GET', url: viaContent, headers: { cookie: who } });
      expect(res.statusCode).toBe(404);
      expect(res.rawPayload.equals(PDF)).toBe(false);
    }

    // A published news item naming the file (image, body, a link row) does not make it public.
    const { db } = t.app.services;
    const news = await insertNews(db, {
      slug: `fuite-${id.slice(0, 8)}`,
      title: 'Fuite',
      body: `[pièce](${viaContent})`,
      published_at: t.clock.now(),
      categories: [],
      tags: [],
      image_url: viaContent,
      image_alt: 'x',
      status: 'published',
    });
    await insertNewsAttachment(db, { news_id: news.id, label: 'Pièce', url: viaContent, file_id: fileId });
    for (const who of ['', staff]) {
      const res = await t.app.inject({ method: 'GET', url: viaContent, headers: { cookie: who } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['cache-control'] ?? '').not.toContain('public');
    }

    // Staff limited to another track: no route gives it (detail, download, export).
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/admin/candidatures/${id}/fichiers/${fileId}`,
          headers: { cookie: limited },
        })
      ).statusCode,
    ).toBe(404);
    const zip = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.zip',
      headers: { cookie: limited },
    });
    expect(zip.rawPayload.includes(PDF)).toBe(false);

    // Through the application's route, the download is allowed and recorded.
    const before = await db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'application.download_file')
      .execute();
    const ok = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures/${id}/fichiers/${fileId}`,
      headers: { cookie: staff },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).not.toContain('public');
    const events = await db
      .selectFrom('audit_events')
      .select(['subject_id', 'summary'])
      .where('action', '=', 'application.download_file')
      .orderBy('seq')
      .execute();
    expect(events.length).toBe(before.length + 1);
    expect(events.at(-1)).toMatchObject({ subject_id: id, summary: { fileId } });
  });

  it('marks files not_scanned when no antivirus is configured, and lets staff download them', async () => {
    const off = await createTestApp({ filesDir });
    try {
      const { db } = off.app.services;
      const applicant = await signedInAs(off.app, off.clock, null, 'porteur-off@example.fr');
      const staff = await signedInAs(off.app, off.clock, 'staff', 'staff-off@example.fr');
      const season = await insertSeason(db, {
        slug: 'saison-off',
        number: 10,
        name: 'Saison',
        name_en: 'Season',
        opens_at: new Date('2020-01-01T00:00:00Z'),
        closes_at: new Date('2100-01-01T00:00:00Z'),
        summary: '',
        summary_en: '',
        eligible_kinds: ['association'],
        support_months: 6,
        grant_envelope_cents: 0,
        laureates_sought: 1,
        created_at: new Date(),
        updated_at: new Date(),
      });
      await insertTracks(db, {
        season_id: season.id,
        code: 'numerique',
        name: 'N',
        name_en: 'N',
        lead: 'DINUM',
        position: 0,
      });
      await db
        .insertInto('application_forms')
        .values({ season_id: season.id, version: 1, definition: JSON.stringify(FORM), created_at: new Date() })
        .execute();
      const start = await formSession(off.app, applicant, '/candidater/saison-off');
      const created = await off.app.inject({
        method: 'POST',
        url: '/candidater/saison-off',
        payload: new URLSearchParams({
          track_code: 'numerique',
          applicant_kind: 'association',
          _csrf: start.csrf,
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: start.cookie },
      });
      const id = /([0-9a-f-]{36})$/.exec(created.headers.location as string)![1]!;
      const session = await formSession(off.app, applicant, `/mes-candidatures/${id}`);
      const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(session.html)![1]!;
      const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)![1]!;
      const submitted = multipart(
        [
          ['_csrf', session.csrf],
          ['idempotency_key', key],
          ['project_name', 'Sans antivirus'],
        ],
        [{ field: 'dossier', name: 'dossier.pdf', data: PDF }],
      );
      const saved = await off.app.inject({
        method: 'POST',
        url: `${action.split('?')[0]}/soumettre`,
        payload: submitted.payload,
        headers: { ...submitted.headers, cookie: session.cookie },
      });
      expect(saved.statusCode).toBe(303);
      const row = await db
        .selectFrom('application_files')
        .selectAll()
        .where('application_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.scan_status).toBe('not_scanned');
      expect(
        await db.selectFrom('jobs').select('id').where('name', '=', 'applications.scan_file').execute(),
      ).toHaveLength(0);
      const download = await off.app.inject({
        method: 'GET',
        url: `/admin/candidatures/${id}/fichiers/${row.file_id}`,
        headers: { cookie: staff },
      });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
    } finally {
      await off.close();
    }
  });

  it.runIf(filesDir)(
    'keeps the bytes in the files directory under the file id, never in the database, and sweeps those no row names',
    async () => {
      const { cookie, id } = await newDraft('dossier-disque@example.fr');
      const saved = await postPage(
        cookie,
        id,
        [['project_name', 'Sur disque']],
        [{ field: 'dossier', name: '../../../etc/passwd.pdf', data: PDF }],
      );
      expect(saved.statusCode).toBe(303);
      const [row] = await filesOf(id);
      const { db } = t.app.services;
      const file = await db
        .selectFrom('files')
        .select(['data', 'stored_in', 'sha256'])
        .where('id', '=', row!.file_id)
        .executeTakeFirstOrThrow();
      expect(file).toMatchObject({ data: null, stored_in: 'directory' });
      const path = join(filesDir!, row!.file_id.slice(0, 2), row!.file_id);
      expect(readFileSync(path).equals(PDF)).toBe(true);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(file.sha256);
      // The sender's name is display text only: nothing named after it exists anywhere under the directory.
      expect(
        readdirSync(filesDir!, { recursive: true })
          .map(String)
          .some((entry) => entry.includes('passwd')),
      ).toBe(false);

      // A file taken off a draft (never submitted) loses its row; its bytes go at the next sweep, not before an hour.
      const removed = await postPage(cookie, id, [
        ['project_name', 'Sur disque'],
        ['remove_files', row!.file_id],
      ]);
      expect(removed.statusCode).toBe(303);
      expect(await filesOf(id)).toHaveLength(0);
      const orphan = join(filesDir!, 'ab', 'abababab-abab-4bab-8bab-abababababab.tmp-123456');
      mkdirSync(join(filesDir!, 'ab'), { recursive: true });
      writeFileSync(orphan, 'interrupted write');
      const now = t.clock.now();
      expect(await sweepFileDirectory(db, filesDir!, now)).toBe(0);
      const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
      const kept = new Set(
        (await db.selectFrom('files').select('id').where('stored_in', '=', 'directory').execute()).map((f) => f.id),
      );
      const onDisk = () =>
        readdirSync(filesDir!, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name);
      const orphans = onDisk().filter((name) => !kept.has(name));
      expect(orphans).toContain(row!.file_id); // and those of other tests' removed files
      expect(await sweepFileDirectory(db, filesDir!, later)).toBe(orphans.length);
      expect(existsSync(path)).toBe(false);
      expect(existsSync(orphan)).toBe(false);
      // Exactly the files still named by a row keep their bytes.
      expect(onDisk().sort()).toEqual([...kept].sort());
    },
  );
});

/** A form with text, a SIRET and a file, all required: what one submit can get wrong at once. */
const FULL_FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        { id: 'project_summary', kind: 'long_text', required: true, label: { fr: 'Résumé', en: 'Summary' } },
        { id: 'organisation_siret', kind: 'siret', required: true, label: { fr: 'SIRET', en: 'SIRET' } },
        {
          id: 'dossier',
          kind: 'file',
          required: true,
          label: { fr: 'Dossier (PDF)', en: 'File (PDF)' },
          file: { contentTypes: ['application/pdf'], maxBytes: 4000 },
        },
      ],
    },
  ],
};

describe('the CSRF token of a multipart form travels in its body, never in the address; a refused submit tells every error', () => {
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-01T10:00:00Z');
    await seedOpenSeason(t.app.services.db, { slug: 'saison-9', number: 9, form: FORM });
    await seedOpenSeason(t.app.services.db, { slug: 'saison-10', number: 10, form: FULL_FORM });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (url: string, cookie: string, fields: [string, string][], files: FilePart[]) => {
    const body = multipart(fields, files);
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie } });
  };
  const dossier: FilePart = { field: 'dossier', name: 'dossier.pdf', data: PDF };

  it('renders the form with no token in its action, the token as its first field', async () => {
    const { cookie, id } = await newDraft('sans-url@example.fr');
    const page = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
    expect(page.html).not.toContain('_csrf=');
    const form = /<form method="post" action="[^"]+" enctype="multipart\/form-data"[^>]*>\s*(<[^>]+>)/.exec(page.html);
    expect(form?.[1]).toContain('name="_csrf"');
  });

  it('saves a multipart form whose body carries the token first, and stores its file', async () => {
    const { cookie, id } = await newDraft('jeton-corps@example.fr');
    const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
    const saved = await post(
      `/mes-candidatures/${id}`,
      session.cookie,
      [
        ['_csrf', session.csrf],
        ['project_name', 'Atelier'],
      ],
      [dossier],
    );
    expect(saved.statusCode).toBe(303);
    expect(await filesOf(id)).toHaveLength(1);
  });

  it('refuses with 403, storing nothing, a form without the token, with a wrong one, with it after a file, or only in the address', async () => {
    const { cookie, id } = await newDraft('jeton-absent@example.fr');
    const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
    const url = `/mes-candidatures/${id}`;
    const cases: [string, string, [string, string][], FilePart[]][] = [
      ['no token', url, [['project_name', 'Intrus']], [dossier]],
      [
        'a wrong token',
        url,
        [
          ['_csrf', `${session.csrf}x`],
          ['project_name', 'Intrus'],
        ],
        [dossier],
      ],
      ['the token after a file', url, [], [dossier, { field: '_csrf', name: '', data: Buffer.from(session.csrf) }]],
      [
        'the token after another field',
        url,
        [
          ['project_name', 'Intrus'],
          ['_csrf', session.csrf],
        ],
        [dossier],
      ],
      ['the token in the address only', `${url}?_csrf=${encodeURIComponent(session.csrf)}`, [], [dossier]],
      ['no token, on submit', `${url}/soumettre`, [['project_name', 'Intrus']], [dossier]],
    ];
    for (const [what, target, fields, files] of cases) {
      const response = await post(target, session.cookie, fields, files);
      expect(response.statusCode, what).toBe(403);
      expect(response.body, what).toContain('Formulaire expiré');
    }
    expect(await filesOf(id)).toHaveLength(0);
    const row = await t.app.services.db
      .selectFrom('applications')
      .select('draft_answers')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row.draft_answers)).not.toContain('Intrus');
  });

  it('reports a refused file together with every other error of the submission, each linked to its field, what was typed kept', async () => {
    const { cookie, id } = await newDraft('toutes-erreurs@example.fr', 'saison-10');
    const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
    const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)![1]!;
    const response = await post(
      `/mes-candidatures/${id}/soumettre`,
      session.cookie,
      [
        ['_csrf', session.csrf],
        ['idempotency_key', key],
        ['project_name', 'Jardin partagé'],
        ['organisation_siret', '732 829 320 00075'],
      ],
      [{ field: 'dossier', name: 'dossier.pdf', data: PNG, type: 'application/pdf' }],
    );
    expect(response.statusCode).toBe(400);
    const summary = [...response.body.matchAll(/role="alert">([\s\S]*?)<\/div>/g)]
      .map((m) => m[1]!)
      .find((alert) => alert.includes('<ul>'));
    // In the form's order: the missing summary, the SIRET's wrong key, the refused file.
    expect([...(summary ?? '').matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual([
      'project_summary',
      'organisation_siret',
      'dossier',
      'remove_files', // "no file of this form was stored": the refusal's consequence, last
    ]);
    for (const field of ['project_summary', 'organisation_siret', 'dossier'])
      expect(response.body).toContain(`id="${field}-error"`);
    expect(response.body).toContain('value="Jardin partagé"');
    expect(response.body).toMatch(/value="732 ?829 ?320 ?00075"/);
    expect(await filesOf(id)).toHaveLength(0);
  });
});

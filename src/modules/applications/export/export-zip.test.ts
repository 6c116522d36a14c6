import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVersion } from '../../../../test/support/factories/applications.js';
import { formBody, formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import { readZip } from '../../../../test/support/zip.js';
import { storeFile } from '../../../core/files/store-file.js';
import type { FormDefinition } from '../form/model.js';
import type { FileScanStatus } from '../tables.js';
import { seedOpenSeason } from '../testing.js';

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
          required: false,
          label: { fr: 'Dossier', en: 'File' },
          file: { contentTypes: ['application/pdf'], maxBytes: 100_000 },
        },
      ],
    },
  ],
};

let t: TestApp;
let staff: string;
const ids: Record<string, string> = {};

async function newApplication(email: string, track: string, title: string): Promise<string> {
  const cookie = await signedInAs(t.app, t.clock, null, email);
  const session = await formSession(t.app, cookie, '/candidater/saison-zip');
  const body = formBody({ track_code: track, applicant_kind: 'association', _csrf: session.csrf });
  const created = await t.app.inject({
    method: 'POST',
    url: '/candidater/saison-zip',
    payload: body.payload,
    headers: { ...body.headers, cookie: session.cookie },
  });
  expect(created.statusCode).toBe(303);
  const id = /([0-9a-f-]{36})$/.exec(created.headers.location as string)![1]!;
  await t.app.services.db.updateTable('applications').set({ title }).where('id', '=', id).execute();
  return id;
}

async function attach(applicationId: string, name: string, status: FileScanStatus, text: string): Promise<string> {
  const { db } = t.app.services;
  const file = await storeFile(db, undefined, {
    data: Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`),
    originalName: name,
    purpose: 'application',
  });
  await db
    .insertInto('application_files')
    .values({
      file_id: file.id,
      application_id: applicationId,
      question_path: 'dossier',
      uploaded_by: null,
      scan_status: status,
      created_at: new Date(),
    })
    .execute();
  return file.id;
}

/** Version 1 of the application, submitted with these files: staff export only what was submitted. */
async function submitWith(applicationId: string, fileIds: string[]): Promise<void> {
  const { db } = t.app.services;
  const application = await db
    .selectFrom('applications')
    .select(['form_id', 'owner_id'])
    .where('id', '=', applicationId)
    .executeTakeFirstOrThrow();
  const now = t.clock.now();
  await insertVersion(db, {
    application_id: applicationId,
    version: 1,
    form_id: application.form_id,
    answers: JSON.stringify({ project_name: 'Projet', dossier: { fileIds } }),
    answers_sha256: 'x',
    submitted_at: now,
    submitted_by: application.owner_id,
  });
  await db
    .updateTable('applications')
    .set({ current_version: 1, state: 'submitted', submitted_at: now })
    .where('id', '=', applicationId)
    .execute();
}

beforeAll(async () => {
  // Scanning on (an address nothing answers on: no scan runs in this test), so the antivirus rule applies.
  t = await createTestApp({ clamdUrl: 'tcp://127.0.0.1:9' });
  t.clock.set('2026-03-01T10:00:00Z');
  const { db } = t.app.services;
  const _season = await seedOpenSeason(db, { slug: 'saison-zip', number: 8, form: FORM });
  ids.a = await newApplication('zip-a@example.fr', 'numerique', 'Épicerie solidaire');
  ids.b = await newApplication('zip-b@example.fr', 'autres', 'Atelier vélo');
  await submitWith(ids.a, [
    await attach(ids.a, 'Budget prévisionnel.pdf', 'clean', 'budget 1'),
    await attach(ids.a, 'budget prévisionnel.PDF', 'clean', 'budget 2'),
    await attach(ids.a, '../../../etc/passwd', 'clean', 'traversal'),
    await attach(ids.a, 'virus.pdf', 'infected', 'infected'),
    await attach(ids.a, 'en-attente.pdf', 'pending', 'pending'),
  ]);
  await submitWith(ids.b, [await attach(ids.b, 'statuts.pdf', 'clean', 'statuts')]);
  // Attached to a draft since, never submitted: the applicant's, never exported.
  await attach(ids.a, 'brouillon-en-cours.pdf', 'clean', 'brouillon');
  const draftOnly = await newApplication('zip-c@example.fr', 'numerique', 'Brouillon secret');
  await attach(draftOnly, 'secret.pdf', 'clean', 'secret');
  staff = await signedInAs(t.app, t.clock, 'staff', 'zip-staff@example.fr');
});
afterAll(() => t?.close());

describe('ZIP export of attachments', () => {
  it('streams the allowed files under safe unique names, with the list filters, and records it', async () => {
    const all = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.zip',
      headers: { cookie: staff },
    });
    expect(all.statusCode, all.body.slice(0, 500)).toBe(200);
    expect(all.headers['content-type']).toBe('application/zip');
    expect(all.headers['content-disposition']).toBe('attachment; filename="pieces-jointes-2026-03-01.zip"');
    const entries = readZip(all.rawPayload);
    const folderA = `epicerie-solidaire-${ids.a!.slice(0, 8)}`;
    const folderB = `atelier-velo-${ids.b!.slice(0, 8)}`;
    expect([...entries.keys()].sort()).toEqual(
      [
        `${folderA}/budget-previsionnel.pdf`,
        `${folderA}/budget-previsionnel-2.pdf`,
        `${folderA}/passwd`,
        `${folderB}/statuts.pdf`,
      ].sort(),
    );
    expect(entries.get(`${folderA}/budget-previsionnel-2.pdf`)!.toString()).toContain('budget 2');
    expect(entries.get(`${folderB}/statuts.pdf`)!.toString()).toContain('statuts');

    const list = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures?parcours=autres',
      headers: { cookie: staff },
    });
    expect(list.body).toContain('href="/admin/candidatures/export.zip?parcours=autres"');
    const filtered = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.zip?parcours=autres',
      headers: { cookie: staff },
    });
    expect([...readZip(filtered.rawPayload).keys()]).toEqual([`${folderB}/statuts.pdf`]);
    const audit = await t.app.services.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'application.export')
      .execute();
    expect(audit.map((a) => a.summary)).toContainEqual({ format: 'zip', applications: 3, files: 4, withheld: 2 });
  });

  it('gives track-limited staff only their track, and refuses applicants', async () => {
    const limited = await signedInAs(t.app, t.clock, 'staff', 'zip-ditp@example.fr', 'autres');
    const response = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.zip',
      headers: { cookie: limited },
    });
    expect([...readZip(response.rawPayload).keys()]).toEqual([`atelier-velo-${ids.b!.slice(0, 8)}/statuts.pdf`]);
    const applicant = await signedInAs(t.app, t.clock, null, 'zip-curieux@example.fr');
    expect(
      (await t.app.inject({ method: 'GET', url: '/admin/candidatures/export.zip', headers: { cookie: applicant } }))
        .statusCode,
    ).toBe(403);
  });
});

import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { sendUnreadUpload } from '../../../../test/support/uploads.js';
import { signedInAs } from '../../../../test/support/users.js';
import type { FormDefinition } from '../form/model.js';
import { seedOpenSeason } from '../testing.js';

const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        {
          id: 'photos',
          kind: 'file',
          required: false,
          label: { fr: 'Photos', en: 'Photos' },
          file: { contentTypes: ['application/pdf'], maxBytes: 1024 * 1024 },
        },
      ],
    },
  ],
};

const MB = 1024 * 1024;
/** 20 parts of 20 MB, as in the review; the sender stops long before. */
const HOSTILE = { parts: 20, partBytes: 20 * MB, capBytes: 64 * MB };
/** A few socket buffers on loopback plus the 2 MB a signed-out form may send: far below the 400 MB declared. */
const READ_AT_MOST = 24 * MB;

let t: TestApp;
let port: number;
let applicationId: string;

async function newDraft(email: string): Promise<{ cookie: string; id: string }> {
  const cookie = await signedInAs(t.app, t.clock, null, email);
  const session = await formSession(t.app, cookie, '/candidater/saison-9');
  const response = await t.app.inject({
    method: 'POST',
    url: '/candidater/saison-9',
    payload: new URLSearchParams({
      track_code: 'numerique',
      applicant_kind: 'association',
      _csrf: session.csrf,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
  });
  return { cookie, id: /([0-9a-f-]{36})$/.exec(response.headers.location as string)![1]! };
}

describe('hostile uploads are refused before their body is read', () => {
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-01T10:00:00Z');
    await seedOpenSeason(t.app.services.db, { slug: 'saison-9', number: 9, form: FORM });
    applicationId = (await newDraft('titulaire@example.fr')).id;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers a signed-out 400 MB upload with its sign-in redirect after reading at most 2 MB of it, and closes the connection', async () => {
    const session = await formSession(t.app, '', '/connexion');
    const result = await sendUnreadUpload({
      port,
      path: `/mes-candidatures/${applicationId}`,
      csrf: session.csrf,
      cookie: session.cookie,
      ...HOSTILE,
    });
    expect(result.status).toBe(303);
    expect(result.head).toContain('location: /connexion');
    expect(result.head).toContain('connection: close');
    expect(result.sent).toBeLessThan(READ_AT_MOST);
  }, 60_000);

  it('answers 404 to a signed-in person who is not a member of the application, without reading the upload (save and submit)', async () => {
    const stranger = await signedInAs(t.app, t.clock, null, 'etranger@example.fr');
    const session = await formSession(t.app, stranger, '/candidater/saison-9');
    for (const path of [`/mes-candidatures/${applicationId}`, `/mes-candidatures/${applicationId}/soumettre`]) {
      const result = await sendUnreadUpload({
        port,
        path: `${path}`,
        csrf: session.csrf,
        cookie: session.cookie,
        ...HOSTILE,
      });
      expect(result.status, path).toBe(404);
      expect(result.head).toContain('connection: close');
      expect(result.sent, path).toBeLessThan(READ_AT_MOST);
    }
  }, 60_000);

  it('answers 403 to an upload without its CSRF token, without reading it', async () => {
    const owner = await newDraft('sans-jeton@example.fr');
    const result = await sendUnreadUpload({
      port,
      path: `/mes-candidatures/${owner.id}`,
      cookie: owner.cookie,
      ...HOSTILE,
    });
    expect(result.status).toBe(403);
    expect(result.head).toContain('connection: close');
    expect(result.sent).toBeLessThan(READ_AT_MOST);
  }, 60_000);

  it('answers 401 to a signed-out upload to a staff route (news attachments), without reading it', async () => {
    const session = await formSession(t.app, '', '/connexion');
    const path = '/admin/contenus/actualites/00000000-0000-4000-8000-000000000000/fichiers';
    const result = await sendUnreadUpload({ port, path, csrf: session.csrf, cookie: session.cookie, ...HOSTILE });
    expect(result.status).toBe(401);
    expect(result.head).toContain('connection: close');
    expect(result.sent).toBeLessThan(READ_AT_MOST);
  }, 60_000);

  it('stops reading an applicant’s own upload soon after the first file over its limit, answers 413 and stores nothing', async () => {
    const owner = await newDraft('gros-envoi@example.fr');
    const session = await formSession(t.app, owner.cookie, `/mes-candidatures/${owner.id}`);
    const result = await sendUnreadUpload({
      port,
      path: `/mes-candidatures/${owner.id}`,
      csrf: session.csrf,
      cookie: session.cookie,
      ...HOSTILE,
    });
    // The first file is over its question's 1 MB: never kept, and reading stops 2 MB later.
    expect(result.status).toBe(413);
    expect(result.sent).toBeLessThan(READ_AT_MOST);
    const files = await t.app.services.db
      .selectFrom('application_files')
      .select('file_id')
      .where('application_id', '=', owner.id)
      .execute();
    expect(files).toHaveLength(0);
  }, 120_000);
});

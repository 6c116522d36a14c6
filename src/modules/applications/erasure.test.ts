import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUserByEmail, userById, userIdByEmail } from '../../../test/support/factories/accounts.js';
import { formSession, multipartBody, postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser, signedInAs } from '../../../test/support/users.js';
import type { FormDefinition } from './form/model.js';
import { seedOpenSeason } from './testing.js';
import { newApplication } from './ux-testing.js';

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
          label: { fr: 'Dossier (PDF)', en: 'File (PDF)' },
          file: { contentTypes: ['application/pdf'], maxBytes: 4000 },
        },
      ],
    },
  ],
};

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * An applicant or a co-applicant erases their account (/compte/supprimer): drafts never submitted go with
 * their files; submitted applications stay, with the person pseudonymised (no name, no email); the other
 * members keep their access; staff pages and exports show the pseudonym; the audit holds no name or email.
 */
describe('erasing an applicant’s account', () => {
  let t: TestApp;
  let staff: SignedInUser;
  const OWNER = 'porteuse.effacee@exemple.fr';
  const CO = 'co.porteur@exemple.fr';
  let owner: string;
  let co: string;
  let submitted: string;
  let draft: string;
  let coDraft: string;
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const userIdOf = async (email: string) => await userIdByEmail(t.app.services.db, email);

  /** Saves the draft page's multipart form with a PDF on the file question. */
  async function attachPdf(cookie: string, id: string) {
    const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(session.html)![1]!;
    // The CSRF token travels as the first field of the body, never in the address.
    const { payload, contentType } = multipartBody(
      { _csrf: session.csrf, project_name: 'Brouillon secret' },
      { field: 'dossier', name: 'Dossier.pdf', type: 'application/pdf', data: PDF },
    );
    const response = await t.app.inject({
      method: 'POST',
      url: action,
      payload,
      headers: { 'content-type': contentType, cookie: session.cookie },
    });
    expect(response.statusCode).toBe(303);
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-01T10:00:00Z');
    const { db } = t.app.services;
    await seedOpenSeason(db, { slug: 'saison-effacement', number: 12, form: FORM });
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    owner = await signedInAs(t.app, t.clock, 'applicant', OWNER);
    co = await signedInAs(t.app, t.clock, 'applicant', CO);
    await updateUserByEmail(db, OWNER, { given_name: 'Camille', family_name: 'Effacée' });

    // A submitted application with an accepted co-applicant; a draft with a file, never submitted.
    submitted = await newApplication(t, owner, 'saison-effacement', { project_name: 'Jardins partagés' });
    expect(
      (
        await postForm(t.app, owner, `/mes-candidatures/${submitted}`, `/mes-candidatures/${submitted}/membres`, {
          email: CO,
        })
      ).statusCode,
    ).toBe(303);
    expect((await get(co, `/mes-candidatures/${submitted}`)).statusCode).toBe(200);
    draft = await newApplication(
      t,
      owner,
      'saison-effacement',
      { project_name: 'Brouillon secret' },
      { submit: false },
    );
    await attachPdf(owner, draft);
    // The co-applicant's own draft, where the owner was invited: it is not the owner's to delete.
    coDraft = await newApplication(
      t,
      co,
      'saison-effacement',
      { project_name: 'Atelier du co-porteur' },
      { submit: false },
    );
    expect(
      (
        await postForm(t.app, co, `/mes-candidatures/${coDraft}`, `/mes-candidatures/${coDraft}/membres`, {
          email: OWNER,
        })
      ).statusCode,
    ).toBe(303);
  });
  afterAll(() => t?.close());

  it('deletes the owner’s unsubmitted drafts and their files, keeps the submitted application with the owner pseudonymised', async () => {
    const { db } = t.app.services;
    const ownerId = await userIdOf(OWNER);
    const draftFiles = await db
      .selectFrom('application_files')
      .select('file_id')
      .where('application_id', '=', draft)
      .execute();
    expect(draftFiles).toHaveLength(1);

    const erased = await postForm(t.app, owner, '/compte', '/compte/supprimer', { confirmation: 'SUPPRIMER' });
    expect(erased.statusCode).toBe(200);
    expect(erased.body).toContain('Compte supprimé');

    expect(await db.selectFrom('applications').select('id').where('id', '=', draft).executeTakeFirst()).toBeUndefined();
    expect(
      await db.selectFrom('files').select('id').where('id', '=', draftFiles[0]!.file_id).executeTakeFirst(),
    ).toBeUndefined();
    const kept = await db
      .selectFrom('applications')
      .select(['owner_id', 'state', 'current_version'])
      .where('id', '=', submitted)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ owner_id: ownerId, state: 'submitted', current_version: 1 });
    expect(
      await db.selectFrom('application_versions').select('version').where('application_id', '=', submitted).execute(),
    ).toHaveLength(1);

    const user = await userById(db, ownerId);
    expect(user).toMatchObject({
      email: null,
      family_name: null,
      given_name: `Personne effacée n° ${ownerId.slice(0, 8)}`,
    });
    const members = await db
      .selectFrom('application_members')
      .select(['email', 'role'])
      .where('application_id', '=', submitted)
      .orderBy('role', 'desc')
      .execute();
    expect(members).toEqual([
      { email: `personne effacée n° ${ownerId.slice(0, 8)}`, role: 'owner' },
      { email: CO, role: 'co-applicant' },
    ]);
    // The invitation to the co-applicant's draft is gone with the person it was for.
    expect(
      await db
        .selectFrom('application_members')
        .select('email')
        .where('application_id', '=', coDraft)
        .where('role', '=', 'co-applicant')
        .execute(),
    ).toEqual([]);

    // The co-applicant keeps their access; staff pages and exports show the pseudonym.
    const coView = await get(co, `/mes-candidatures/${submitted}`);
    expect(coView.statusCode).toBe(200);
    expect(coView.body).not.toContain(OWNER);
    for (const url of [
      `/admin/candidatures/${submitted}`,
      '/admin/candidatures',
      '/admin/candidatures/export.csv',
      '/admin/candidatures/export.json',
    ]) {
      const page = await get(staff.cookie, url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain(`Personne effacée n° ${ownerId.slice(0, 8)}`);
      expect(page.body, url).not.toContain(OWNER);
      expect(page.body, url).not.toContain('Camille');
    }

    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'accounts.erased')
      .where('subject_id', '=', ownerId)
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(ownerId);
    expect(event.summary).toMatchObject({
      parts: {
        applications: {
          draftsDeleted: 1,
          filesDeleted: 1,
          applicationsKept: 1,
          membershipsPseudonymised: 1,
          invitationsDeleted: 1,
        },
      },
    });
    const all = JSON.stringify(await db.selectFrom('audit_events').selectAll().execute());
    expect(all).not.toContain(OWNER);
    expect(all).not.toContain('Camille');
  });

  it('pseudonymises a co-applicant on the submitted application and leaves it to its members', async () => {
    const { db } = t.app.services;
    const coId = await userIdOf(CO);
    const erased = await postForm(t.app, co, '/compte', '/compte/supprimer', { confirmation: 'SUPPRIMER' });
    expect(erased.statusCode).toBe(200);
    expect(
      await db.selectFrom('applications').select('id').where('id', '=', submitted).executeTakeFirst(),
    ).toBeDefined();
    expect(
      await db.selectFrom('applications').select('id').where('id', '=', coDraft).executeTakeFirst(),
    ).toBeUndefined();
    const member = await db
      .selectFrom('application_members')
      .select(['email', 'user_id'])
      .where('application_id', '=', submitted)
      .where('role', '=', 'co-applicant')
      .executeTakeFirstOrThrow();
    expect(member).toEqual({ email: `personne effacée n° ${coId.slice(0, 8)}`, user_id: coId });
    const page = await get(staff.cookie, `/admin/candidatures/${submitted}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(CO);
    const event = await db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'accounts.erased')
      .where('subject_id', '=', coId)
      .executeTakeFirstOrThrow();
    expect(event.summary).toMatchObject({
      parts: { applications: { draftsDeleted: 1, applicationsKept: 0, membershipsPseudonymised: 1 } },
    });
    expect(JSON.stringify(await db.selectFrom('audit_events').selectAll().execute())).not.toContain(CO);
  });
});

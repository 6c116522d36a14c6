import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser, userIdByEmail } from '../../../../test/support/factories/accounts.js';
import { seedOpenSeason } from '../../../../test/support/factories/applications.js';
import { formSession, multipartBody, postIdempotentForm } from '../../../../test/support/forms.js';
import { pdfText } from '../../../../test/support/pdf-text.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import type { FormDefinition } from '../form/model.js';

/*
 * How submitted answers are read (issue 17): staff read a summary (question → answer, labels, files as links,
 * only the questions that apply) instead of a disabled copy of the form; a draft is the applicant's until
 * submitted (staff see its progress, never its answers or files); the receipt PDF copies the answers.
 */

const FORM: FormDefinition = {
  sections: [
    {
      id: 'projet',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        {
          id: 'levers',
          kind: 'multiple_choice',
          required: false,
          label: { fr: 'Leviers souhaités', en: 'Levers wanted' },
          options: [
            { value: 'data', label: { fr: 'Accès aux données publiques', en: 'Access to public data' } },
            { value: 'coaching', label: { fr: 'Accompagnement stratégique', en: 'Coaching' } },
            { value: 'legal', label: { fr: 'Montage juridique', en: 'Legal set-up' } },
          ],
        },
      ],
    },
    {
      id: 'structure',
      title: { fr: 'La structure', en: 'The organisation' },
      questions: [
        {
          id: 'structure_type',
          kind: 'single_choice',
          required: true,
          label: { fr: 'Forme de la structure', en: 'Kind of organisation' },
          options: [
            { value: 'asso', label: { fr: 'Une association loi 1901', en: 'A non-profit' } },
            { value: 'societe', label: { fr: 'Une société commerciale', en: 'A company' } },
            { value: 'collectif', label: { fr: 'Un collectif informel', en: 'An informal group' } },
          ],
        },
        {
          id: 'organisation_rna',
          kind: 'rna',
          required: true,
          label: { fr: 'Numéro RNA de l’association', en: 'RNA number' },
          condition: { questionId: 'structure_type', equals: ['asso'] },
        },
        {
          id: 'organisation_siret',
          kind: 'siret',
          required: true,
          label: { fr: 'SIRET de la société commerciale', en: 'SIRET of the company' },
          condition: { questionId: 'structure_type', equals: ['societe'] },
        },
        {
          id: 'team',
          kind: 'repeatable',
          required: false,
          label: { fr: 'Membre de l’équipe', en: 'Team member' },
          children: [
            { id: 'member_name', kind: 'short_text', required: true, label: { fr: 'Nom et prénom', en: 'Name' } },
          ],
        },
      ],
    },
    {
      id: 'pieces',
      title: { fr: 'Pièces jointes', en: 'Attachments' },
      questions: [
        {
          id: 'dossier',
          kind: 'file',
          required: false,
          label: { fr: 'Dossier de présentation', en: 'Presentation' },
          file: { contentTypes: ['application/pdf'], maxBytes: 100_000 },
        },
      ],
    },
  ],
};

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PDF_SHA256 = createHash('sha256').update(PDF).digest('hex');

const ANSWERS: Record<string, string> = {
  project_name: 'Fontaines partagées',
  levers: 'data',
  structure_type: 'asso',
  organisation_rna: 'W751234567',
  'team[0][member_name]': 'Camille Dupont',
};

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-01T10:00:00Z'));
  await seedOpenSeason(t.app.services.db, { slug: 'saison-lecture', number: 41, form: FORM });
  staff = await signedInAs(t.app, t.clock, 'staff', 'instructrice-lecture@example.fr');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** A draft created through the apply page; its answers and the file posted as its page's multipart form. */
async function draftWithFile(cookie: string, answers: Record<string, string>): Promise<string> {
  const created = await postIdempotentForm(t.app, cookie, '/candidater/saison-lecture', '/candidater/saison-lecture', {
    track_code: 'numerique',
    applicant_kind: 'association',
  });
  expect(created.statusCode).toBe(303);
  const id = /([0-9a-f-]{36})$/.exec(created.headers.location as string)![1]!;
  const saved = await postPage(cookie, id, answers, false);
  expect(saved.statusCode).toBe(303);
  return id;
}

/** Posts the application page's own multipart form (save, or submit), with the presentation file. */
async function postPage(cookie: string, id: string, answers: Record<string, string>, submit: boolean) {
  const session = await formSession(t.app, cookie, `/mes-candidatures/${id}`);
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(session.html)![1]!;
  const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)![1]!;
  const held = [...session.html.matchAll(/<input type="hidden" name="(dossier\[fileIds\])" value="([^"]+)"/g)];
  const fields = {
    _csrf: session.csrf,
    idempotency_key: key,
    ...answers,
    ...Object.fromEntries(held.map((m) => [m[1]!, m[2]!])),
  };
  const body = multipartBody(
    fields,
    held.length ? undefined : { field: 'dossier', name: 'presentation.pdf', type: 'application/pdf', data: PDF },
  );
  return t.app.inject({
    method: 'POST',
    url: submit ? `${action}/soumettre` : action,
    payload: body.payload,
    headers: { 'content-type': body.contentType, cookie: session.cookie },
  });
}

async function fileIdOf(id: string): Promise<string> {
  const row = await t.app.services.db
    .selectFrom('application_files')
    .select('file_id')
    .where('application_id', '=', id)
    .executeTakeFirstOrThrow();
  return row.file_id;
}

describe('staff read submitted answers as a summary', () => {
  it('shows the chosen options by label (not the others), leaves out what does not apply, links the file, near the top', async () => {
    const applicant = await signedInAs(t.app, t.clock, null, 'porteuse-resume@example.fr');
    const id = await draftWithFile(applicant, ANSWERS);
    expect((await postPage(applicant, id, ANSWERS, true)).statusCode).toBe(303);
    const fileId = await fileIdOf(id);

    const page = await t.app.inject({ method: 'GET', url: `/admin/candidatures/${id}`, headers: { cookie: staff } });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    // Labels, not codes; only the option chosen.
    expect(html).toContain('Une association loi 1901');
    expect(html).not.toContain('Une société commerciale');
    expect(html).not.toContain('Un collectif informel');
    expect(html).toContain('Accès aux données publiques');
    expect(html).not.toContain('Accompagnement stratégique');
    // The conditional question that applies is there, the one that does not is left out.
    expect(html).toContain('Numéro RNA de l’association');
    expect(html).toContain('W751234567');
    expect(html).not.toContain('SIRET de la société commerciale');
    // A repeatable block as its entries.
    expect(html).toContain('Membre de l’équipe n° 1');
    expect(html).toContain('Camille Dupont');
    // The file as a link staff may open.
    expect(html).toContain(`href="/admin/candidatures/${id}/fichiers/${fileId}"`);
    // The disabled copy of the form is gone: no disabled fieldset, no form control of the answers.
    expect(html).not.toMatch(/<fieldset[^>]*disabled/);
    expect(html).not.toContain('name="structure_type"');
    expect(html).not.toContain('type="radio"');
    // A table of contents of the sections, and the answers before the history and the instruction.
    expect(html).toContain('class="fr-summary');
    expect(html).toContain('href="#reponses-structure"');
    expect(html.indexOf('id="answers-title"')).toBeGreaterThan(-1);
    expect(html.indexOf('id="answers-title"')).toBeLessThan(html.indexOf('id="history-title"'));
    expect(html.indexOf('id="answers-title"')).toBeLessThan(html.indexOf('id="state-title"'));
  });
});

describe('a draft is the applicant’s until submitted', () => {
  it('shows staff that a draft exists and how far it is, never its answers or files, until it is submitted', async () => {
    const applicant = await signedInAs(t.app, t.clock, null, 'porteur-brouillon@example.fr');
    const draft = { project_name: 'Jardin secret du brouillon', structure_type: 'societe' };
    const id = await draftWithFile(applicant, draft);
    const fileId = await fileIdOf(id);

    const page = await t.app.inject({ method: 'GET', url: `/admin/candidatures/${id}`, headers: { cookie: staff } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Brouillon de candidature');
    expect(page.body).toContain('il appartient au porteur jusqu’au dépôt');
    // Required questions that apply to the draft: name, kind, SIRET (a company) — two of them answered.
    expect(page.body).toContain('Questions obligatoires remplies : 2 sur 3');
    expect(page.body).toContain('Dernier enregistrement');
    expect(page.body).not.toContain('Jardin secret du brouillon');
    expect(page.body).not.toContain('Une société commerciale');
    expect(page.body).not.toContain('presentation.pdf');
    expect(page.body).not.toContain(fileId);

    // Nor in the list (its title is one of its answers), nor through the file route.
    const list = await t.app.inject({ method: 'GET', url: '/admin/candidatures', headers: { cookie: staff } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/admin/candidatures/${id}`);
    expect(list.body).not.toContain('Jardin secret du brouillon');
    const download = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures/${id}/fichiers/${fileId}`,
      headers: { cookie: staff },
    });
    expect(download.statusCode).toBe(404);
    expect(download.rawPayload.equals(PDF)).toBe(false);
    // The applicant still opens their own file.
    const own = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}/fichiers/${fileId}`,
      headers: { cookie: applicant },
    });
    expect(own.statusCode).toBe(200);

    // Once submitted, staff read it all.
    const submitted = { ...draft, structure_type: 'asso', organisation_rna: 'W751234567' };
    expect((await postPage(applicant, id, submitted, true)).statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: `/admin/candidatures/${id}`, headers: { cookie: staff } });
    expect(after.body).toContain('Jardin secret du brouillon');
    expect(after.body).toContain('presentation.pdf');
    const allowed = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures/${id}/fichiers/${fileId}`,
      headers: { cookie: staff },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.rawPayload.equals(PDF)).toBe(true);
  });
});

describe('the receipt PDF is the applicant’s proof', () => {
  it('copies the submitted answers, each file with its SHA-256, and names the address once', async () => {
    const email = 'camille.recu@example.org';
    const applicant = await signedInAs(t.app, t.clock, null, email);
    const id = await draftWithFile(applicant, ANSWERS);
    expect((await postPage(applicant, id, ANSWERS, true)).statusCode).toBe(303);

    const response = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}/recu.pdf`,
      headers: { cookie: applicant },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    const joined = text.replace(/\n/g, '');
    // An account without a name: the address once, not "address <address>".
    expect(text.split(email)).toHaveLength(2);
    expect(text).not.toContain('<');
    expect(text).toContain('Adresse électronique');
    // The season, the version, the answers' fingerprint.
    expect(text).toContain('Saison 41');
    const version = await t.app.services.db
      .selectFrom('application_versions')
      .select(['answers_sha256', 'version'])
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(joined).toContain(version.answers_sha256);
    // The answers, question → answer, with labels and only the questions that apply.
    expect(text).toContain('Réponses déposées');
    expect(text).toContain('Forme de la structure');
    expect(text).toContain('Une association loi 1901');
    expect(text).not.toContain('Une société commerciale');
    expect(text).toContain('W751234567');
    expect(text).not.toContain('SIRET de la société commerciale');
    expect(text).toContain('Camille Dupont');
    // The file by name with the SHA-256 of its bytes.
    expect(text).toContain('presentation.pdf');
    expect(joined).toContain(PDF_SHA256);

    // An account with a name: the name on one line, the address on another.
    await updateUser(t.app.services.db, await userIdByEmail(t.app.services.db, email), {
      given_name: 'Camille',
      family_name: 'Martin',
    });
    const named = pdfText(
      (
        await t.app.inject({
          method: 'GET',
          url: `/mes-candidatures/${id}/recu.pdf`,
          headers: { cookie: applicant },
        })
      ).rawPayload,
    );
    expect(named.split('\n')).toContain('Camille Martin');
    expect(named.split('\n')).toContain(email);
  });
});

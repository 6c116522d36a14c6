import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
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
        { id: 'project_summary', kind: 'long_text', required: true, label: { fr: 'Résumé', en: 'Summary' } },
        {
          id: 'contact_email',
          kind: 'email',
          required: false,
          label: { fr: 'Courriel de contact', en: 'Contact email' },
        },
      ],
    },
  ],
};

let t: TestApp;
let staff: string;
let applicationId: string;
let draftId: string;

/** GETs a page with a form (signed in or not), then posts the fields with its CSRF token. */
async function postFrom(cookie: string, pageUrl: string, url: string, fields: Record<string, string>) {
  const session = await formSession(t.app, cookie, pageUrl);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)?.[1];
  const body = formBody({ ...(key ? { idempotency_key: key } : {}), ...fields, _csrf: session.csrf });
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: session.cookie.replace(/^; /, '') },
  });
}

async function linkSentTo(email: string): Promise<string> {
  const mail = await t.app.services.db
    .selectFrom('mails')
    .select('text_body')
    .where('to_address', '=', email)
    .executeTakeFirstOrThrow();
  const path = /\/avis\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)?.[0];
  expect(path).toBeTruthy();
  return path!;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  const { db } = t.app.services;
  const _season = await seedOpenSeason(db, { slug: 'saison-avis', number: 7, form: FORM });

  const applicant = await signedInAs(t.app, t.clock, null, 'porteuse-avis@example.fr');
  const create = async () => {
    const created = await postFrom(applicant, '/candidater/saison-avis', '/candidater/saison-avis', {
      track_code: 'numerique',
      applicant_kind: 'association',
    });
    expect(created.statusCode).toBe(303);
    return /([0-9a-f-]{36})$/.exec(created.headers.location as string)![1];
  };
  applicationId = await create();
  const fields = {
    project_name: 'Jardin <partagé>',
    project_summary: 'Des bacs en bois',
    contact_email: 'secret.contact@example.fr',
  };
  const submitted = await postFrom(
    applicant,
    `/mes-candidatures/${applicationId}`,
    `/mes-candidatures/${applicationId}/soumettre`,
    fields,
  );
  expect(submitted.statusCode).toBe(303);
  draftId = await create();
  staff = await signedInAs(t.app, t.clock, 'staff', 'instruction-avis@example.fr');
});
afterAll(() => t?.close());

describe('outside expert opinions', () => {
  it('checks the request form on its fields and keeps the values', async () => {
    const page = `/admin/candidatures/${applicationId}`;
    const bad = await postFrom(staff, page, `${page}/avis`, {
      expert_email: 'pas-une-adresse',
      question: '',
      due_on: '2026-02-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="pas-une-adresse"');
    expect(bad.body).toContain('id="expert_email-error"');
    expect(bad.body).toContain('id="question-error"');
    expect(bad.body).toContain('La date limite ne peut pas être passée.');

    const onDraft = await postFrom(staff, `/admin/candidatures/${draftId}`, `/admin/candidatures/${draftId}/avis`, {
      expert_email: 'x@example.fr',
      question: 'Q',
      due_on: '2026-03-10',
    });
    expect(onDraft.statusCode).toBe(409);
    expect(await t.app.services.db.selectFrom('application_expert_requests').select('id').execute()).toEqual([]);
  });

  it('sends a single-use link; the expert reads the answers without contact details, saves, edits, then submits', async () => {
    const page = `/admin/candidatures/${applicationId}`;
    const asked = await postFrom(staff, page, `${page}/avis`, {
      expert_email: 'Experte@Example.fr',
      question: 'Le modèle économique tient-il ?',
      due_on: '2026-03-10',
    });
    expect(asked.statusCode).toBe(303);
    const staffView = await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } });
    expect(staffView.body).toContain('Le modèle économique tient-il ?');
    expect(staffView.body).toContain('En attente');

    const link = await linkSentTo('experte@example.fr');
    const row = await t.app.services.db
      .selectFrom('application_expert_requests')
      .select(['token_hash', 'expires_at'])
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(link.slice(6));
    // The end of 17 March in Paris (winter time, UTC+1): seven days after the due day.
    expect(new Date(row.expires_at).toISOString()).toBe('2026-03-17T22:59:59.999Z');

    const view = await t.app.inject({ method: 'GET', url: link });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Jardin &lt;partagé>');
    expect(view.body).toContain('Des bacs en bois');
    expect(view.body).not.toContain('secret.contact@example.fr');
    expect(view.body).not.toContain('porteuse-avis@example.fr');

    // No opinion is chosen for the expert: one click must not send one.
    expect(view.body).not.toMatch(/<option[^>]*value="(favourable|reserved|unfavourable)"[^>]*selected/);
    expect(view.body).toMatch(/<option[^>]*value=""[^>]*selected/);
    const noChoice = await postFrom('', link, link, { comment: 'Mon commentaire tapé', action: 'submit' });
    expect(noChoice.statusCode).toBe(400);
    expect(noChoice.body).toContain('id="opinion-error"');
    expect(noChoice.body).toContain('Mon commentaire tapé');
    const invalid = await postFrom('', link, link, { opinion: 'enthousiaste', comment: 'Très bien', action: 'save' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('id="opinion-error"');
    expect(invalid.body).toContain('Très bien');

    const saved = await postFrom('', link, link, { opinion: 'reserved', comment: 'À revoir', action: 'save' });
    expect(saved.statusCode).toBe(303);
    const draft = await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } });
    expect(draft.body).toContain('Brouillon de l’expert (non envoyé)');
    expect(draft.body).toContain('En attente');

    // The expert's open page (its CSRF token) is kept to try a change after sending.
    const open = await formSession(t.app, '', link);
    const postOpen = (fields: Record<string, string>) => {
      const body = formBody({ ...fields, _csrf: open.csrf });
      return t.app.inject({
        method: 'POST',
        url: link,
        payload: body.payload,
        headers: { ...body.headers, cookie: open.cookie.replace(/^; /, '') },
      });
    };
    const sent = await postOpen({ opinion: 'favourable', comment: 'Solide <b>vraiment</b>', action: 'submit' });
    expect(sent.statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: link });
    expect(after.body).toContain('Cet avis a déjà été envoyé');
    expect(after.body).not.toContain('name="opinion"');
    const again = await postOpen({ opinion: 'unfavourable', comment: 'Changement', action: 'submit' });
    expect(again.statusCode).toBe(409);

    const answered = await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } });
    expect(answered.body).toContain('Répondu');
    expect(answered.body).toContain('Favorable');
    expect(answered.body).toContain('Solide &lt;b>vraiment&lt;/b>');
    const audits = await t.app.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'application.expert%')
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual([
      'application.expert_opinion_save',
      'application.expert_opinion_submit',
      'application.expert_request',
    ]);

    const twice = await postFrom(staff, page, `${page}/avis`, {
      expert_email: 'experte@example.fr',
      question: 'Encore ?',
      due_on: '2026-03-12',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Un avis a déjà été demandé à cette adresse');
  });

  it('refuses unknown and expired links, and hides requests from staff of another track', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/avis/inconnu' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/avis/${'a'.repeat(43)}` })).statusCode).toBe(404);
    const page = `/admin/candidatures/${applicationId}`;
    const asked = await postFrom(staff, page, `${page}/avis`, {
      expert_email: 'tardif@example.fr',
      question: 'Avis ?',
      due_on: '2026-03-02',
    });
    expect(asked.statusCode).toBe(303);
    const link = await linkSentTo('tardif@example.fr');
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(200);
    t.clock.set('2026-03-10T00:00:00Z');
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(404);
    const staffAgain = await signedInAs(t.app, t.clock, 'staff', 'instruction-avis-2@example.fr');
    const staffView = await t.app.inject({ method: 'GET', url: page, headers: { cookie: staffAgain } });
    expect(staffView.body).toContain('Expiré');

    const limited = await signedInAs(t.app, t.clock, 'staff', 'autre-parcours-avis@example.fr', 'autres');
    expect((await t.app.inject({ method: 'GET', url: `${page}/avis`, headers: { cookie: limited } })).statusCode).toBe(
      404,
    );
    const applicant = await signedInAs(t.app, t.clock, null, 'curieux-avis@example.fr');
    expect(
      (await t.app.inject({ method: 'GET', url: `${page}/avis`, headers: { cookie: applicant } })).statusCode,
    ).toBe(403);
  });
  it('judges due days in Europe/Paris: a day is past once Paris has moved on, and shows when a request is past due', async () => {
    const page = `/admin/candidatures/${applicationId}`;
    // 23:30 UTC on 20 March is already 00:30 on 21 March in Paris: 20 March is past.
    t.clock.set('2026-03-20T23:30:00Z');
    const paris = await signedInAs(t.app, t.clock, 'staff', 'instruction-paris@example.fr');
    const late = await postFrom(paris, page, `${page}/avis`, {
      expert_email: 'paris-1@example.fr',
      question: 'Avis ?',
      due_on: '2026-03-20',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('id="due_on-error"');
    const today = await postFrom(paris, page, `${page}/avis`, {
      expert_email: 'paris-1@example.fr',
      question: 'Avis ?',
      due_on: '2026-03-21',
    });
    expect(today.statusCode).toBe(303);
    // 22:30 UTC on 21 March is 23:30 in Paris: still the due day, not past due.
    t.clock.set('2026-03-21T22:30:00Z');
    const reader = await signedInAs(t.app, t.clock, 'staff', 'instruction-paris-2@example.fr');
    const onTime = await t.app.inject({ method: 'GET', url: page, headers: { cookie: reader } });
    expect(onTime.body).toContain('paris-1@example.fr');
    expect(onTime.body).not.toContain('Échéance dépassée');
    t.clock.set('2026-03-21T23:30:00Z');
    const past = await t.app.inject({ method: 'GET', url: page, headers: { cookie: reader } });
    expect(past.body).toContain('Échéance dépassée');
    // The link works until the end of the seventh day after, in Paris (summer time from 29 March: UTC+2).
    const row = await t.app.services.db
      .selectFrom('application_expert_requests')
      .select('expires_at')
      .where('expert_email', '=', 'paris-1@example.fr')
      .executeTakeFirstOrThrow();
    expect(new Date(row.expires_at).toISOString()).toBe('2026-03-28T22:59:59.999Z');
  });

  let versionsLink = '';
  it('shows the expert the version the request was made for, not a later submit', async () => {
    t.clock.set('2026-03-22T09:00:00Z');
    const applicant = await signedInAs(t.app, t.clock, null, 'porteuse-versions@example.fr');
    const created = await postFrom(applicant, '/candidater/saison-avis', '/candidater/saison-avis', {
      track_code: 'numerique',
      applicant_kind: 'association',
    });
    const id = /([0-9a-f-]{36})$/.exec(created.headers.location as string)![1]!;
    const submit = (summary: string) =>
      postFrom(applicant, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
        project_name: 'Versions',
        project_summary: summary,
      });
    expect((await submit('Première version du résumé')).statusCode).toBe(303);
    const reader = await signedInAs(t.app, t.clock, 'staff', 'instruction-versions@example.fr');
    const page = `/admin/candidatures/${id}`;
    expect(
      (
        await postFrom(reader, page, `${page}/avis`, {
          expert_email: 'versions@example.fr',
          question: 'Avis ?',
          due_on: '2026-03-23',
        })
      ).statusCode,
    ).toBe(303);
    const link = await linkSentTo('versions@example.fr');
    versionsLink = link;
    // The applicant submits again while the call is open: the expert still reads what they were asked about.
    expect((await submit('Deuxième version du résumé')).statusCode).toBe(303);
    const view = await t.app.inject({ method: 'GET', url: link });
    expect(view.body).toContain('Première version du résumé');
    expect(view.body).not.toContain('Deuxième version du résumé');
  });

  it('closes an expert link at its expiry whatever its state, answered included', async () => {
    const link = versionsLink;
    expect(link).toBeTruthy();

    const open = await formSession(t.app, '', link);
    const body = formBody({ opinion: 'reserved', comment: 'Réservé', action: 'submit', _csrf: open.csrf });
    const sent = await t.app.inject({
      method: 'POST',
      url: link,
      payload: body.payload,
      headers: { ...body.headers, cookie: open.cookie.replace(/^; /, '') },
    });
    expect(sent.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(200);
    // Expiry: the end of 30 March in Paris (summer time, UTC+2), answered or not.
    t.clock.set('2026-03-30T21:59:59Z');
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(200);
    t.clock.set('2026-03-30T22:00:01Z');
    const expired = await t.app.inject({ method: 'GET', url: link });
    expect(expired.statusCode).toBe(404);
    expect(expired.body).not.toContain('Première version du résumé');
    const late = await t.app.inject({
      method: 'POST',
      url: link,
      payload: body.payload,
      headers: { ...body.headers, cookie: open.cookie.replace(/^; /, '') },
    });
    expect(late.statusCode).toBe(404);
  });
});

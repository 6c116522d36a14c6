import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdempotentForm } from '../../../../test/support/forms.js';
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
      ],
    },
  ],
};

let t: TestApp;
let staff: string;
let limitedStaff: string;

async function applicant(email: string): Promise<string> {
  return signedInAs(t.app, t.clock, null, email);
}

/** A draft created through the apply page, optionally submitted through the application page. */
async function application(
  cookie: string,
  name: string,
  options: { submit?: boolean; track?: string } = {},
): Promise<string> {
  const created = await postIdempotentForm(t.app, cookie, '/candidater/saison-5', '/candidater/saison-5', {
    track_code: options.track ?? 'numerique',
    applicant_kind: 'association',
  });
  expect(created.statusCode).toBe(303);
  const id = /\/mes-candidatures\/([0-9a-f-]{36})$/.exec(created.headers.location as string)![1];
  const url = `/mes-candidatures/${id}`;
  const answers = { project_name: name, project_summary: `Résumé de ${name}` };
  const done = await postIdempotentForm(
    t.app,
    cookie,
    url,
    options.submit === false ? url : `${url}/soumettre`,
    answers,
  );
  expect(done.statusCode).toBe(303);
  return id;
}

async function stateOf(id: string): Promise<string> {
  const row = await t.app.services.db
    .selectFrom('applications')
    .select('state')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.state;
}

async function mailsTo(address: string, template: string) {
  return t.app.services.db
    .selectFrom('mails')
    .select(['subject', 'text_body'])
    .where('to_address', '=', address)
    .where('template', '=', template)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  const { db } = t.app.services;
  const _season = await seedOpenSeason(db, { slug: 'saison-5', number: 5, form: FORM });
  staff = await signedInAs(t.app, t.clock, 'staff', 'instructrice@example.fr');
  limitedStaff = await signedInAs(t.app, t.clock, 'staff', 'ditp@example.fr', 'autres');
});
afterAll(() => t?.close());

describe('batch actions on the staff list', () => {
  it('moves ticked applications through the state rules and says what was refused and why', async () => {
    const owner = await applicant('lot@example.fr');
    const a = await application(owner, 'Lot A');
    const b = await application(owner, 'Lot B');
    const draft = await application(owner, 'Lot brouillon', { submit: false });

    const list = await t.app.inject({ method: 'GET', url: '/admin/candidatures', headers: { cookie: staff } });
    expect(list.body).toContain('action="/admin/candidatures/lot"');
    expect(list.body).toContain(`name="ids" value="${a}"`);
    // Each checkbox sits in its application's table row and belongs to the batch form below the table.
    const row = list.body.split('<tr>').find((r) => r.includes(`href="/admin/candidatures/${a}"`)) ?? '';
    expect(row).toContain(`name="ids" value="${a}" form="batch-form"`);
    expect(list.body).toContain('id="batch-form"');
    expect(list.body).not.toContain('<legend class="fr-fieldset__legend">Candidatures de cette page');

    const moved = await postIdempotentForm(t.app, staff, '/admin/candidatures', '/admin/candidatures/lot', [
      ['action', 'instruction'],
      ['ids', a],
      ['ids', b],
      ['ids', draft],
    ]);
    expect(moved.statusCode).toBe(200);
    expect(moved.body).toContain('2 candidatures traitées');
    expect(moved.body).toContain('1 candidature refusée');
    expect(moved.body).toContain('Lot brouillon : action impossible depuis l’état « Brouillon »');
    expect([await stateOf(a), await stateOf(b), await stateOf(draft)]).toEqual([
      'in_instruction',
      'in_instruction',
      'draft',
    ]);

    const eligible = await postIdempotentForm(t.app, staff, '/admin/candidatures', '/admin/candidatures/lot', [
      ['action', 'eligible'],
      ['ids', a],
    ]);
    expect(eligible.statusCode).toBe(200);
    expect(await stateOf(a)).toBe('eligible');
    // Already eligible: refused by the same rules, nothing changed.
    const again = await postIdempotentForm(t.app, staff, '/admin/candidatures', '/admin/candidatures/lot', [
      ['action', 'eligible'],
      ['ids', a],
    ]);
    expect(again.body).toContain('0 candidature traitée');

    const audited = await t.app.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', b)
      .where('action', '=', 'application.change_state')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('sends one message to many: a thread message and a mail for each application', async () => {
    const one = await applicant('un@example.fr');
    const two = await applicant('deux@example.fr');
    const x = await application(one, 'Projet X');
    const y = await application(two, 'Projet Y');
    const sent = await postIdempotentForm(t.app, staff, '/admin/candidatures', '/admin/candidatures/lot', [
      ['action', 'message'],
      ['body', 'Merci de préciser le budget.'],
      ['ids', x],
      ['ids', y],
    ]);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('2 candidatures traitées');
    expect(await mailsTo('un@example.fr', 'applications.staff-message')).toHaveLength(1);
    expect(await mailsTo('deux@example.fr', 'applications.staff-message')).toHaveLength(1);
    const page = await t.app.inject({ method: 'GET', url: `/mes-candidatures/${y}`, headers: { cookie: two } });
    expect(page.body).toContain('Merci de préciser le budget.');
  });

  it('refuses a batch with nothing ticked or a message without text, on the field (400)', async () => {
    const none = await postIdempotentForm(t.app, staff, '/admin/candidatures', '/admin/candidatures/lot', {
      action: 'instruction',
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Cochez au moins une candidature.');
    const owner = await applicant('vide@example.fr');
    const id = await application(owner, 'Sans message');
    const empty = await postIdempotentForm(t.app, staff, '/admin/candidatures', '/admin/candidatures/lot', [
      ['action', 'message'],
      ['body', ''],
      ['ids', id],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Écrivez le message à envoyer.');
    expect(empty.body).toContain(`value="${id}" checked`);
  });

  it('leaves applications of other tracks untouched for track-limited staff', async () => {
    const owner = await applicant('piste@example.fr');
    const id = await application(owner, 'Numérique', { track: 'numerique' });
    const response = await postIdempotentForm(t.app, limitedStaff, '/admin/candidatures', '/admin/candidatures/lot', [
      ['action', 'instruction'],
      ['ids', id],
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('introuvable ou hors de vos parcours');
    expect(await stateOf(id)).toBe('submitted');
  });
});

describe('messages and private notes', () => {
  it('threads messages between staff and applicants, with a mail to the other side', async () => {
    const owner = await applicant('fil@example.fr');
    const id = await application(owner, 'Fil de discussion');
    const staffPage = `/admin/candidatures/${id}`;
    const asked = await postIdempotentForm(t.app, staff, staffPage, `${staffPage}/messages`, {
      body: 'Pouvez-vous joindre vos statuts <b>?</b>',
    });
    expect(asked.statusCode).toBe(303);
    const mails = await mailsTo('fil@example.fr', 'applications.staff-message');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain('Pouvez-vous joindre vos statuts');

    const mine = `/mes-candidatures/${id}`;
    const page = await t.app.inject({ method: 'GET', url: mine, headers: { cookie: owner } });
    expect(page.body).toContain('Pouvez-vous joindre vos statuts &lt;b>?&lt;/b>');
    const answered = await postIdempotentForm(t.app, owner, mine, `${mine}/messages`, {
      body: 'Les voici, en pièce jointe.',
    });
    expect(answered.statusCode).toBe(303);
    expect(answered.headers.location).toBe(`${mine}?ok=message#messages-title`);
    const confirmed = await t.app.inject({ method: 'GET', url: `${mine}?ok=message`, headers: { cookie: owner } });
    expect(confirmed.body).toContain('Message envoyé.');
    expect(await mailsTo('instructrice@example.fr', 'applications.applicant-message')).toHaveLength(1);
    const staffView = await t.app.inject({ method: 'GET', url: staffPage, headers: { cookie: staff } });
    expect(staffView.body).toContain('Les voici, en pièce jointe.');

    const empty = await postIdempotentForm(t.app, owner, mine, `${mine}/messages`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('fr-error-text');
    const audited = await t.app.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .where('action', '=', 'application.message')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('sends an applicant’s first message to the staff of the application’s track', async () => {
    const owner = await applicant('premier@example.fr');
    const id = await application(owner, 'Autres communs', { track: 'autres' });
    const mine = `/mes-candidatures/${id}`;
    const sent = await postIdempotentForm(t.app, owner, mine, `${mine}/messages`, {
      body: 'Une question sur le calendrier',
    });
    expect(sent.statusCode).toBe(303);
    const toTrack = await mailsTo('ditp@example.fr', 'applications.applicant-message');
    const toAll = await mailsTo('instructrice@example.fr', 'applications.applicant-message');
    expect(toTrack.filter((mail) => mail.text_body.includes('calendrier'))).toHaveLength(1);
    expect(toAll.filter((mail) => mail.text_body.includes('calendrier'))).toHaveLength(1);
    // Track-limited staff of that track see and answer it.
    const page = `/admin/candidatures/${id}`;
    const answered = await postIdempotentForm(t.app, limitedStaff, page, `${page}/messages`, {
      body: 'Réponse de la DITP',
    });
    expect(answered.statusCode).toBe(303);
    expect(await mailsTo('premier@example.fr', 'applications.staff-message')).toHaveLength(1);
    // Each line typed is its own paragraph.
    await postIdempotentForm(t.app, owner, mine, `${mine}/messages`, { body: 'Ligne un\r\n\r\nLigne <deux>' });
    const shown = await t.app.inject({ method: 'GET', url: mine, headers: { cookie: owner } });
    expect(shown.body).toContain('<p class="fr-mb-1w">Ligne un</p><p class="fr-mb-1w">Ligne &lt;deux></p>');
  });

  it('keeps staff notes private: on the staff page, never on the applicant page', async () => {
    const owner = await applicant('note@example.fr');
    const id = await application(owner, 'Projet noté');
    const staffPage = `/admin/candidatures/${id}`;
    const added = await postIdempotentForm(t.app, staff, staffPage, `${staffPage}/notes`, {
      body: 'Note confidentielle : budget fragile',
    });
    expect(added.statusCode).toBe(303);
    const staffView = await t.app.inject({
      method: 'GET',
      url: added.headers.location as string,
      headers: { cookie: staff },
    });
    expect(staffView.body).toContain('Note ajoutée.');
    expect(staffView.body).toContain('Note confidentielle : budget fragile');
    const applicantView = await t.app.inject({
      method: 'GET',
      url: `/mes-candidatures/${id}`,
      headers: { cookie: owner },
    });
    expect(applicantView.statusCode).toBe(200);
    expect(applicantView.body).not.toContain('budget fragile');
    expect(applicantView.body).not.toContain('notes-title');
    // No mail carries a note.
    const mails = await t.app.services.db.selectFrom('mails').select('text_body').execute();
    expect(mails.some((mail) => mail.text_body.includes('budget fragile'))).toBe(false);

    const empty = await postIdempotentForm(t.app, staff, staffPage, `${staffPage}/notes`, { body: '' });
    expect(empty.statusCode).toBe(400);
    // An applicant cannot write a note, nor write in someone else's thread.
    const forbidden = await postIdempotentForm(t.app, owner, `/mes-candidatures/${id}`, `${staffPage}/notes`, {
      body: 'intrus',
    });
    expect(forbidden.statusCode).toBe(403);
    const stranger = await applicant('autre@example.fr');
    const other = await application(stranger, 'Autre projet');
    const refused = await postIdempotentForm(
      t.app,
      owner,
      `/mes-candidatures/${id}`,
      `/mes-candidatures/${other}/messages`,
      { body: 'intrus' },
    );
    expect(refused.statusCode).toBe(404);
    // Track-limited staff do not reach an application of another track.
    const limited = await t.app.inject({ method: 'GET', url: staffPage, headers: { cookie: limitedStaff } });
    expect(limited.statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '../../../../test/support/factories/accounts.js';
import {
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertMember,
  insertVersion,
  seedOpenSeason,
} from '../../../../test/support/factories/applications.js';
import { formSession, postForm, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { moveApplicationsToReview } from '../index.js';
import { STATE_NOTICE_MAIL } from './mails.js';
import { queueStateNotice } from './state-notices.js';

let t: TestApp;
let staff: SignedInUser;
let limited: SignedInUser;
let owner: SignedInUser;
let english: SignedInUser;
let season: { id: string };
let otherSeason: { id: string };

/** A submitted application in `state`, with a French-speaking owner and an English-speaking co-applicant. */
async function application(title: string, state = 'in_instruction', seasonId = season.id): Promise<string> {
  const { db } = t.app.services;
  const form = await currentForm(db, seasonId);
  const now = t.clock.now();
  const answers = { project_name: title, project_summary: `Résumé de ${title}` };
  const row = await insertApplication(db, {
    season_id: seasonId,
    track_code: 'numerique',
    form_id: form.id,
    owner_id: owner.id,
    applicant_kind: 'association',
    title,
    state,
    draft_answers: JSON.stringify(answers),
    current_version: 1,
    submitted_at: now,
    created_at: now,
    updated_at: now,
  });
  await insertVersion(db, {
    application_id: row.id,
    version: 1,
    form_id: form.id,
    answers: JSON.stringify(answers),
    answers_sha256: 'x',
    submitted_at: now,
    submitted_by: owner.id,
  });
  await insertMember(db, {
    application_id: row.id,
    email: owner.email,
    user_id: owner.id,
    role: 'owner',
    invited_at: now,
    accepted_at: now,
  });
  await insertMember(db, {
    application_id: row.id,
    email: english.email,
    user_id: english.id,
    role: 'co-applicant',
    invited_at: now,
    accepted_at: now,
  });
  return row.id;
}

async function noticesTo(email: string, title: string) {
  return t.app.services.db
    .selectFrom('mails')
    .select(['subject', 'text_body', 'locale', 'created_at'])
    .where('to_address', '=', email)
    .where('template', '=', STATE_NOTICE_MAIL)
    .where('subject', 'like', `%${title}%`)
    .execute();
}

async function threadOf(applicationId: string) {
  return t.app.services.db
    .selectFrom('application_messages')
    .select(['body', 'from_staff', 'author_id'])
    .where('application_id', '=', applicationId)
    .execute();
}

async function moveByHand(id: string, to: string, reason = '') {
  return postForm(t.app, staff.cookie, `/admin/candidatures/${id}`, `/admin/candidatures/${id}/etat`, {
    to,
    reason,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-04-15T10:00:00Z');
  const { db } = t.app.services;
  staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
  limited = await createSignedInUser(db, t.clock, [{ role: 'staff', track: 'numerique' }], 'limited');
  owner = await createSignedInUser(db, t.clock, [], 'owner');
  english = await createSignedInUser(db, t.clock, [], 'english');
  await updateUser(db, english.id, { locale: 'en' });
  season = await seedOpenSeason(db, { slug: 'saison-avis', number: 4, form: DEFAULT_FORM });
  otherSeason = await seedOpenSeason(db, { slug: 'saison-autre', number: 5, form: DEFAULT_FORM });
});

afterAll(async () => {
  await t?.close();
});

describe('state-change notices to the applicants', () => {
  it('eligible: each member gets a mail in their language and the thread says it, with the move', async () => {
    const id = await application('Jardins ouverts');
    const res = await moveByHand(id, 'eligible');
    expect(res.statusCode).toBe(303);
    const [fr] = await noticesTo(owner.email, 'Jardins ouverts');
    expect(fr.locale).toBe('fr');
    expect(fr.subject).toBe('Votre candidature « Jardins ouverts » est recevable');
    expect(fr.text_body).toContain('Saison 4');
    expect(fr.text_body).toContain(`/mes-candidatures/${id}`);
    const [en] = await noticesTo(english.email, 'Jardins ouverts');
    expect(en.locale).toBe('en');
    expect(en.subject).toBe('Your application “Jardins ouverts” is eligible');
    expect(en.text_body).toContain('Season 4');
    const thread = await threadOf(id);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ from_staff: true, author_id: staff.id });
    // Members speak both languages: the thread message holds both.
    expect(thread[0].body).toContain('Votre candidature est recevable');
    expect(thread[0].body).toContain('Your application is eligible');
    // Written at the instant of the move: the same transaction as the state change.
    const move = await t.app.services.db
      .selectFrom('application_transitions')
      .select('at')
      .where('application_id', '=', id)
      .where('to_state', '=', 'eligible')
      .executeTakeFirstOrThrow();
    expect(new Date(fr.created_at).getTime()).toBe(new Date(move.at).getTime());
  });

  it('ineligible: the notice gives the reason typed', async () => {
    const id = await application('Projet hors champ');
    const res = await moveByHand(id, 'ineligible', 'Le projet poursuit un but lucratif exclusif.');
    expect(res.statusCode).toBe(303);
    const [fr] = await noticesTo(owner.email, 'Projet hors champ');
    expect(fr.subject).toBe('Votre candidature « Projet hors champ » n’est pas recevable');
    expect(fr.text_body).toContain('Le projet poursuit un but lucratif exclusif.');
    const [en] = await noticesTo(english.email, 'Projet hors champ');
    expect(en.subject).toBe('Your application “Projet hors champ” is not eligible');
    expect(en.text_body).toContain('for the following reason');
    expect(en.text_body).toContain('Le projet poursuit un but lucratif exclusif.');
    expect((await threadOf(id))[0].body).toContain('Le projet poursuit un but lucratif exclusif.');
  });

  it('in review: moved by hand or by the jury’s assignment, the applicants hear of it', async () => {
    const id = await application('Atelier vélo', 'eligible');
    expect((await moveByHand(id, 'in_review')).statusCode).toBe(303);
    const [fr] = await noticesTo(owner.email, 'Atelier vélo');
    expect(fr.subject).toBe('Votre candidature « Atelier vélo » est examinée par le jury');
    const byJury = await application('Réseau de bornes', 'eligible');
    await auditedTransaction(t.app.services.db, systemActor, t.clock.now(), (trx) =>
      moveApplicationsToReview(trx, [byJury], null, t.clock.now(), 'test', t.app.services),
    );
    expect(await noticesTo(english.email, 'Réseau de bornes')).toHaveLength(1);
  });

  it('back to eligible from the jury is a correction, and tells nobody', async () => {
    const id = await application('Retour arrière', 'in_review');
    expect((await moveByHand(id, 'eligible', 'Affecté par erreur')).statusCode).toBe(303);
    expect(await noticesTo(owner.email, 'Retour arrière')).toEqual([]);
    expect(await threadOf(id)).toEqual([]);
  });

  it('a failed change leaves no notice: the mail lives and dies with the transaction', async () => {
    const id = await application('Annulée');
    await expect(
      auditedTransaction(t.app.services.db, systemActor, t.clock.now(), async (trx) => {
        const queued = await queueStateNotice(trx, t.app.services, t.clock.now(), {
          application: { id, title: 'Annulée', seasonId: season.id },
          from: 'in_instruction',
          to: 'eligible',
          reason: '',
          authorId: null,
        });
        expect(queued).toBe(true);
        throw new Error('the change fails after the notice was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await noticesTo(owner.email, 'Annulée')).toEqual([]);
    expect(await threadOf(id)).toEqual([]);
    // A move the state machine refuses sends nothing either.
    const refused = await moveByHand(id, 'in_review');
    expect(refused.statusCode).toBe(400);
    expect(await noticesTo(owner.email, 'Annulée')).toEqual([]);
  });

  it('batch moves notify each application', async () => {
    const ids = [await application('Lot un'), await application('Lot deux')];
    const session = await formSession(t.app, staff.cookie, '/admin/candidatures');
    const res = await submitForm(t.app, session, '/admin/candidatures/lot', { action: 'eligible', ids });
    expect(res.statusCode).toBeLessThan(400);
    expect(await noticesTo(owner.email, 'Lot un')).toHaveLength(1);
    expect(await noticesTo(english.email, 'Lot deux')).toHaveLength(1);
  });
});

describe('switching a notice off for a season', () => {
  it('the applications list shows the season’s switches, all on by default', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures?saison=saison-avis',
      headers: { cookie: staff.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`action="/admin/saisons/${season.id}/avis-candidats"`);
    expect(res.body.match(/name="notice_\w+" checked/g)).toHaveLength(3);
  });

  it('is refused to staff limited to one track (a season-wide setting)', async () => {
    const res = await postForm(
      t.app,
      limited.cookie,
      '/admin/candidatures',
      `/admin/saisons/${season.id}/avis-candidats`,
      { notice_ineligible: 'on' },
    );
    expect(res.statusCode).toBe(403);
  });

  it('a state switched off sends nothing; the others still do; another season is untouched', async () => {
    const res = await postForm(
      t.app,
      staff.cookie,
      '/admin/candidatures?saison=saison-avis',
      `/admin/saisons/${season.id}/avis-candidats`,
      { notice_ineligible: 'on', notice_in_review: 'on' },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/candidatures?saison=saison-avis&avis=enregistre#avis-candidats');
    const page = await t.app.inject({ method: 'GET', url: res.headers.location!, headers: { cookie: staff.cookie } });
    expect(page.body).toContain('Réglage des avis enregistré.');
    expect(page.body).toContain('name="notice_eligible"/>');
    expect(page.body.match(/name="notice_\w+" checked/g)).toHaveLength(2);
    const silent = await application('Sans avis');
    expect((await moveByHand(silent, 'eligible')).statusCode).toBe(303);
    expect(await noticesTo(owner.email, 'Sans avis')).toEqual([]);
    expect(await noticesTo(english.email, 'Sans avis')).toEqual([]);
    expect(await threadOf(silent)).toEqual([]);
    const told = await application('Avec avis');
    expect((await moveByHand(told, 'ineligible', 'Hors délai')).statusCode).toBe(303);
    expect(await noticesTo(owner.email, 'Avec avis')).toHaveLength(1);
    const elsewhere = await application('Autre saison', 'in_instruction', otherSeason.id);
    expect((await moveByHand(elsewhere, 'eligible')).statusCode).toBe(303);
    expect(await noticesTo(owner.email, 'Autre saison')).toHaveLength(1);
    const audit = await t.app.services.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'application.state-notices-set')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, submitForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import { ERASED_MESSAGE } from './personal-data.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from './testing.js';

/**
 * A person's part of the cooperation space, through the account's "my data" routes: what the export holds, and
 * what erasure removes (memberships, maintainerships, referent commitments, their words) and keeps (what
 * administrations and commons published, the contacts' records).
 */
describe('the cooperation space in a person’s data', () => {
  let t: TestApp;
  let agent: SignedInUser;
  let other: SignedInUser;
  let administrationId: string;
  let commonsId: string;
  let useCaseId: string;
  let contactId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.database;
    const now = t.clock.now();
    agent = await createSignedInUser(db, t.clock, [{ role: 'partner' }], 'agent');
    other = await createSignedInUser(db, t.clock, [{ role: 'partner' }], 'other');
    administrationId = await insertAdministration(db, now, {
      name: 'Direction de test',
      siret: VALID_SIRETS[0],
      members: [agent.id, other.id],
    });
    commonsId = await insertCommons(db, now, { name: 'Commun de test', maintainers: [agent.id] });
    useCaseId = await insertUseCase(db, now, {
      administrationId,
      commonsId,
      title: 'Cartes des écoles',
      referents: [agent.id],
    });
    await db.updateTable('commons_use_cases').set({ created_by: agent.id }).where('id', '=', useCaseId).execute();
    await insertNeed(db, now, {
      side: 'administration',
      ownerId: administrationId,
      title: 'Besoin de données ouvertes',
      createdBy: agent.id,
    });
    const contact = await db
      .insertInto('commons_contacts')
      .values({
        target: 'commons_referents',
        commons_id: commonsId,
        need_id: null,
        sender_id: agent.id,
        sender_administration_id: administrationId,
        subject: 'Prendre contact',
        created_at: now,
        follow_up_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    contactId = contact.id;
    await db.insertInto('commons_contact_recipients').values({ contact_id: contactId, user_id: other.id }).execute();
    await db
      .insertInto('commons_contact_messages')
      .values({ contact_id: contactId, author_id: agent.id, body: 'Bonjour, parlons de vos cartes.', created_at: now })
      .execute();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('exports the person’s administrations, commons, commitments, publications and messages', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/compte/export', headers: { cookie: agent.cookie } });
    expect(response.statusCode).toBe(200);
    const part = response.json().cooperation;
    expect(part.memberships.map((m: { name: string }) => m.name)).toEqual(['Direction de test']);
    expect(part.maintained.map((m: { name: string }) => m.name)).toEqual(['Commun de test']);
    expect(part.referents.map((r: { title: string }) => r.title)).toEqual(['Cartes des écoles']);
    expect(part.useCasesCreated.map((u: { title: string }) => u.title)).toEqual(['Cartes des écoles']);
    expect(part.needsCreated.map((n: { title: string }) => n.title)).toEqual(['Besoin de données ouvertes']);
    expect(part.contactsSent.map((c: { subject: string }) => c.subject)).toEqual(['Prendre contact']);
    expect(part.messages.map((m: { body: string }) => m.body)).toEqual(['Bonjour, parlons de vos cartes.']);
    // The other person's export holds the contact they received, not the sender's words.
    const theirs = (
      await t.app.inject({ method: 'GET', url: '/compte/export', headers: { cookie: other.cookie } })
    ).json().cooperation;
    expect(theirs.contactsReceived.map((c: { subject: string }) => c.subject)).toEqual(['Prendre contact']);
    expect(theirs.messages).toEqual([]);
  });

  it('erases the person from the space and their words, keeping what the administration published', async () => {
    const page = await formSession(t.app, agent.cookie, '/compte');
    const erased = await submitForm(t.app, page, '/compte/supprimer', { confirmation: 'supprimer' });
    expect(erased.statusCode).toBe(200);
    const { db } = t.database;
    const rows = async (table: 'commons_administration_members' | 'commons_maintainers' | 'commons_referents') =>
      db.selectFrom(table).select('user_id').where('user_id', '=', agent.id).execute();
    expect(await rows('commons_administration_members')).toEqual([]);
    expect(await rows('commons_maintainers')).toEqual([]);
    expect(await rows('commons_referents')).toEqual([]);
    const messages = await db
      .selectFrom('commons_contact_messages')
      .select('body')
      .where('contact_id', '=', contactId)
      .execute();
    expect(messages).toEqual([{ body: ERASED_MESSAGE }]);
    // The use case stays with its administration, and the contact's record for the programme's figures.
    expect(await db.selectFrom('commons_use_cases').select('id').where('id', '=', useCaseId).execute()).toHaveLength(1);
    expect(await db.selectFrom('commons_contacts').select('id').where('id', '=', contactId).execute()).toHaveLength(1);
    // The other member is untouched.
    expect(
      await db
        .selectFrom('commons_administration_members')
        .select('user_id')
        .where('administration_id', '=', administrationId)
        .execute(),
    ).toEqual([{ user_id: other.id }]);
  });
});

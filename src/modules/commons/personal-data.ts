import type { DataSubject, ErasureContext, ErasureCounts } from '../../core/module.js';
import type { Services } from '../../core/services.js';

/** What a person's words become in an exchange they were part of, once they erased their data. */
export const ERASED_MESSAGE = '[message supprimé à la demande de son auteur / message erased at its author’s request]';

/**
 * A person's part of the cooperation space, for the "my data" export: the administrations they belong to, the
 * commons they maintain, the use cases they are a referent of, the invitations they sent, and the contacts
 * they sent or received with the messages they wrote, the use cases and needs they published, and the experiments
 * they take part in.
 */
export async function commonsDataOf(services: Services, person: DataSubject): Promise<unknown> {
  const { db } = services;
  const [memberships, maintained, referents, invitations, contactsSent, contactsReceived, messages] = await Promise.all(
    [
      db
        .selectFrom('commons_administration_members as m')
        .innerJoin('commons_administrations as a', 'a.id', 'm.administration_id')
        .select(['a.name', 'a.siret', 'm.joined_via', 'm.joined_at'])
        .where('m.user_id', '=', person.id)
        .execute(),
      db
        .selectFrom('commons_maintainers as m')
        .innerJoin('commons as c', 'c.id', 'm.commons_id')
        .select(['c.name', 'm.added_at'])
        .where('m.user_id', '=', person.id)
        .execute(),
      db
        .selectFrom('commons_referents as r')
        .innerJoin('commons_use_cases as u', 'u.id', 'r.use_case_id')
        .select(['u.title', 'r.is_expert', 'r.commitment_version', 'r.accepted_at'])
        .where('r.user_id', '=', person.id)
        .execute(),
      db
        .selectFrom('commons_invitations')
        .select(['email', 'created_at', 'accepted_at'])
        .where('invited_by', '=', person.id)
        .execute(),
      db
        .selectFrom('commons_contacts')
        .select(['id', 'subject', 'created_at', 'outcome', 'outcome_note'])
        .where('sender_id', '=', person.id)
        .execute(),
      db
        .selectFrom('commons_contact_recipients as r')
        .innerJoin('commons_contacts as c', 'c.id', 'r.contact_id')
        .select(['c.id', 'c.subject', 'c.created_at'])
        .where('r.user_id', '=', person.id)
        .execute(),
      db
        .selectFrom('commons_contact_messages')
        .select(['contact_id', 'body', 'created_at'])
        .where('author_id', '=', person.id)
        .orderBy('created_at')
        .execute(),
    ],
  );
  const departures = await db
    .selectFrom('commons_administration_departures as d')
    .innerJoin('commons_administrations as a', 'a.id', 'd.administration_id')
    .select(['a.name', 'd.reason', 'd.left_at'])
    .where('d.user_id', '=', person.id)
    .execute();
  // What they published for an administration or a commons, and the experiments they take part in.
  const useCasesCreated = await db
    .selectFrom('commons_use_cases')
    .select(['id', 'title', 'status', 'created_at'])
    .where('created_by', '=', person.id)
    .execute();
  const needsCreated = await db
    .selectFrom('commons_needs')
    .select(['id', 'kind', 'title', 'created_at', 'closed_at'])
    .where('created_by', '=', person.id)
    .execute();
  const experiments = await db
    .selectFrom('commons_experiment_people as p')
    .innerJoin('commons_experiments as e', 'e.id', 'p.experiment_id')
    .select(['e.title', 'p.name', 'p.role'])
    .where('p.user_id', '=', person.id)
    .execute();
  return {
    memberships,
    departures,
    maintained,
    referents,
    invitations,
    contactsSent,
    contactsReceived,
    messages,
    useCasesCreated,
    needsCreated,
    experiments,
  };
}

/**
 * Erases a person from the cooperation space: they leave every administration and commons, stop being a
 * referent, their pending invitations (sent by them or to their address) are withdrawn, and the messages they
 * wrote are replaced by a notice. What administrations and commons published stays (it is theirs), as do the
 * contacts' records, attributed to the pseudonymous account, for the programme's figures.
 */
export async function eraseCommonsData({ trx }: ErasureContext, person: DataSubject): Promise<ErasureCounts> {
  const memberships = await trx
    .deleteFrom('commons_administration_members')
    .where('user_id', '=', person.id)
    .executeTakeFirst();
  // Departures (administrations/tables.ts) only keep ProConnect from joining the person again: nothing to keep.
  await trx.deleteFrom('commons_administration_departures').where('user_id', '=', person.id).execute();
  const maintainers = await trx.deleteFrom('commons_maintainers').where('user_id', '=', person.id).executeTakeFirst();
  const referents = await trx.deleteFrom('commons_referents').where('user_id', '=', person.id).executeTakeFirst();
  const invitations = await trx
    .deleteFrom('commons_invitations')
    .where('accepted_at', 'is', null)
    .where((eb) => eb.or([eb('invited_by', '=', person.id), eb('email', '=', person.email)]))
    .executeTakeFirst();
  const messages = await trx
    .updateTable('commons_contact_messages')
    .set({ body: ERASED_MESSAGE })
    .where('author_id', '=', person.id)
    .executeTakeFirst();
  await trx
    .updateTable('commons_experiment_people')
    .set({ user_id: null, name: '' })
    .where('user_id', '=', person.id)
    .execute();
  return {
    memberships: Number(memberships.numDeletedRows),
    maintainers: Number(maintainers.numDeletedRows),
    referents: Number(referents.numDeletedRows),
    invitations: Number(invitations.numDeletedRows),
    messages: Number(messages.numUpdatedRows),
  };
}

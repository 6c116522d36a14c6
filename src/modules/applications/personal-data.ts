import { pseudonymOf } from '../../core/auth/pseudonym.js';
import type { DataSubject, ErasureContext, ErasureCounts } from '../../core/module.js';
import type { Services } from '../../core/services.js';
import { seasonNameColumn } from '../seasons/index.js';

/**
 * What the applications module holds about a person, for their "my data" export (right of access): every
 * application they own or were invited to, with its draft, each submitted version, its state history and the
 * messages exchanged with staff. Staff's private notes are not the applicant's data and stay out.
 */
export async function applicationsDataOf(services: Services, person: DataSubject) {
  const { db } = services;
  const ids = await db
    .selectFrom('applications')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('owner_id', '=', person.id),
        eb(
          'id',
          'in',
          eb
            .selectFrom('application_members')
            .select('application_id')
            .where((m) => m.or([m('user_id', '=', person.id), m('email', '=', person.email.toLowerCase())])),
        ),
      ]),
    )
    .execute();
  const result = [];
  for (const { id } of ids) {
    const application = await db
      .selectFrom('applications')
      .select([
        'applications.id',
        'applications.title',
        'applications.state',
        'applications.track_code',
        'applications.applicant_kind',
        'applications.created_at',
        'applications.submitted_at',
        'applications.draft_answers',
        'applications.owner_id',
        seasonNameColumn('applications.season_id').as('season'),
      ])
      .where('applications.id', '=', id)
      .executeTakeFirstOrThrow();
    const [versions, transitions, messages, members] = await Promise.all([
      db
        .selectFrom('application_versions')
        .select(['version', 'answers', 'answers_sha256', 'submitted_at'])
        .where('application_id', '=', id)
        .orderBy('version')
        .execute(),
      db
        .selectFrom('application_transitions')
        .select(['from_state', 'to_state', 'reason', 'at'])
        .where('application_id', '=', id)
        .orderBy('at')
        .execute(),
      db
        .selectFrom('application_messages')
        .select(['from_staff', 'body', 'at'])
        .where('application_id', '=', id)
        .orderBy('at')
        .execute(),
      db
        .selectFrom('application_members')
        .select(['email', 'role', 'invited_at', 'accepted_at'])
        .where('application_id', '=', id)
        .execute(),
    ]);
    const { owner_id, draft_answers, ...rest } = application;
    result.push({
      ...rest,
      role: owner_id === person.id ? 'owner' : 'co-applicant',
      draftAnswers: draft_answers,
      versions,
      transitions,
      messages,
      members,
    });
  }
  return result;
}

/**
 * Erasure of an applicant or co-applicant. Applications never submitted are nobody's record but their
 * owner's: they go, with their files. A submitted application belongs to the programme's file too: it stays,
 * owned by the pseudonymous account, and its other members keep their access. The person's place among the
 * members of a submitted application keeps its role under the pseudonym (no address); an invitation they
 * never accepted, or a place on someone else's draft, goes. Their reading positions in threads go too.
 */
export async function eraseApplicationsData({ trx }: ErasureContext, person: DataSubject): Promise<ErasureCounts> {
  const address = person.email.toLowerCase();
  const drafts = (
    await trx
      .selectFrom('applications')
      .select('id')
      .where('owner_id', '=', person.id)
      .where('current_version', '=', 0)
      .execute()
  ).map((d) => d.id);
  let filesDeleted = 0;
  if (drafts.length > 0) {
    // The bytes live in the core files table (or a directory, swept for rows that are gone).
    const files = (
      await trx.selectFrom('application_files').select('file_id').where('application_id', 'in', drafts).execute()
    ).map((f) => f.file_id);
    if (files.length > 0)
      filesDeleted = Number((await trx.deleteFrom('files').where('id', 'in', files).executeTakeFirst()).numDeletedRows);
    await trx.deleteFrom('applications').where('id', 'in', drafts).execute();
  }
  const unaccepted = await trx
    .deleteFrom('application_members')
    .where('email', '=', address)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  const othersDrafts = await trx
    .deleteFrom('application_members')
    .where('user_id', '=', person.id)
    .where('application_id', 'in', (eb) => eb.selectFrom('applications').select('id').where('current_version', '=', 0))
    .executeTakeFirst();
  const kept = await trx
    .updateTable('application_members')
    .set({ email: pseudonymOf(person.id).toLowerCase() })
    .where('user_id', '=', person.id)
    .executeTakeFirst();
  await trx.deleteFrom('application_thread_reads').where('user_id', '=', person.id).execute();
  const owned = await trx
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('owner_id', '=', person.id)
    .executeTakeFirstOrThrow();
  return {
    draftsDeleted: drafts.length,
    filesDeleted,
    applicationsKept: Number(owned.n),
    membershipsPseudonymised: Number(kept.numUpdatedRows),
    invitationsDeleted: Number(unaccepted.numDeletedRows) + Number(othersDrafts.numDeletedRows),
  };
}

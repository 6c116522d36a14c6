import type { Services } from '../../core/services.js';
import type { DataSubject } from '../../core/module.js';

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
        eb('id', 'in', eb.selectFrom('application_members').select('application_id').where((m) => m.or([m('user_id', '=', person.id), m('email', '=', person.email.toLowerCase())]))),
      ]),
    )
    .execute();
  const result = [];
  for (const { id } of ids) {
    const application = await db
      .selectFrom('applications')
      .innerJoin('seasons', 'seasons.id', 'applications.season_id')
      .select(['applications.id', 'applications.title', 'applications.state', 'applications.track_code', 'applications.applicant_kind', 'applications.created_at', 'applications.submitted_at', 'applications.draft_answers', 'applications.owner_id', 'seasons.name as season'])
      .where('applications.id', '=', id)
      .executeTakeFirstOrThrow();
    const [versions, transitions, messages, members] = await Promise.all([
      db.selectFrom('application_versions').select(['version', 'answers', 'answers_sha256', 'submitted_at']).where('application_id', '=', id).orderBy('version').execute(),
      db.selectFrom('application_transitions').select(['from_state', 'to_state', 'reason', 'at']).where('application_id', '=', id).orderBy('at').execute(),
      db.selectFrom('application_messages').select(['from_staff', 'body', 'at']).where('application_id', '=', id).orderBy('at').execute(),
      db.selectFrom('application_members').select(['email', 'role', 'invited_at', 'accepted_at']).where('application_id', '=', id).execute(),
    ]);
    const { owner_id, draft_answers, ...rest } = application;
    result.push({ ...rest, role: owner_id === person.id ? 'owner' : 'co-applicant', draftAnswers: draft_answers, versions, transitions, messages, members });
  }
  return result;
}

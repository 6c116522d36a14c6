import type { Kysely, Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { Locale } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { peopleByIds, staffOfTrack } from '../../accounts/index.js';
import { teamRecipients } from '../../applications/index.js';
import type { LaureateSpace } from '../laureate-space.js';
import { spaceHref } from '../views/space-layout.js';
import { STAFF_MESSAGE_MAIL, TEAM_MESSAGE_MAIL } from './mails.js';
import '../tables.js';

export const MESSAGE_MAX = 5000;

/**
 * The staff responsible for actions of the plan (support_lever_actions with a staff member named): who
 * follows this laureate and hears of the team's messages. None: no mail, the weekly digest and the
 * portfolio still show the laureate.
 */
export async function responsibleStaff(
  db: Kysely<DB> | Transaction<DB>,
  planId: string,
): Promise<{ email: string; locale: Locale }[]> {
  const rows = await db
    .selectFrom('support_lever_actions')
    .select('responsible_user_id')
    .distinct()
    .where('plan_id', '=', planId)
    .where('responsible_kind', '=', 'staff')
    .where('responsible_user_id', 'is not', null)
    .execute();
  const people = await peopleByIds(
    db,
    rows.flatMap((r) => (r.responsible_user_id ? [r.responsible_user_id] : [])),
  );
  return [...people.values()]
    .filter((p) => !p.erased && p.email)
    .map((p) => ({ email: p.email!, locale: p.locale }))
    .sort((a, b) => a.email.localeCompare(b.email));
}

/** Who hears of a team's message: the staff responsible in the plan, else every staff member of its track. */
async function staffToTell(
  db: Kysely<DB> | Transaction<DB>,
  planId: string,
  trackCode: string,
): Promise<{ email: string; locale: Locale }[]> {
  const responsible = await responsibleStaff(db, planId);
  if (responsible.length > 0) return responsible;
  return (await staffOfTrack(db, trackCode))
    .filter((p) => !p.erased && p.email)
    .map((p) => ({ email: p.email!, locale: p.locale }));
}

/**
 * A message between the laureate's team and the staff, in the laureate space (plain text, already checked
 * by the form). A team message mails the staff responsible in the plan; a staff message mails the team.
 * The mails go out only if the message commits.
 */
export async function postSpaceMessage(
  services: Services,
  actor: Actor,
  input: { space: LaureateSpace; planId: string; side: 'team' | 'staff'; body: string },
): Promise<string> {
  const now = services.clock.now();
  const body = input.body.trim().slice(0, MESSAGE_MAX);
  const { application } = input.space;
  return auditedTransaction(services.db, actor, now, async (trx, audit, atCommit) => {
    const message = await trx
      .insertInto('support_messages')
      .values({ plan_id: input.planId, author_id: actor.id, side: input.side, body, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const recipients =
      input.side === 'team'
        ? await staffToTell(trx, input.planId, application.trackCode)
        : await teamRecipients(trx, application.id);
    const to = input.side === 'team' ? 'staff' : 'team';
    const url = `${services.config.baseUrl.replace(/\/$/, '')}${spaceHref(to, application.id, 'timeline')}#message-${message.id}`;
    for (const recipient of recipients)
      await queueMail(
        atCommit,
        {
          to: recipient.email,
          template: input.side === 'team' ? TEAM_MESSAGE_MAIL : STAFF_MESSAGE_MAIL,
          locale: recipient.locale,
          data: { title: application.title || '—', body, url },
        },
        now,
      );
    await audit({
      action: 'support.message-posted',
      subjectType: 'support_message',
      subjectId: message.id,
      summary: { planId: input.planId, side: input.side, length: body.length, recipients: recipients.length },
    });
    return message.id;
  });
}

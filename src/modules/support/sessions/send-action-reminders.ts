import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { peopleByIds } from '../../accounts/index.js';
import { teamRecipients } from '../../applications/index.js';
import { laureateSpaces } from '../laureate-space.js';
import { spaceHref } from '../views/space-layout.js';
import { dayText } from './durations.js';
import { ACTION_REMINDER_MAIL } from './mails.js';
import { addDays } from './schedule.js';
import '../tables.js';

/** An action item's owner is reminded this many days before it is due. */
export const REMIND_DAYS_BEFORE = 2;
export const ACTION_REMINDER_KIND = 'action-item-due';

/**
 * Reminds the owner of each open action item due within the next two days (the person named, else the
 * laureate's team), once per item and due date: a row of support_reminders_sent claims it in the mail's
 * transaction, so a retried or concurrent run never reminds twice, and a new due date reminds again.
 * Returns how many items were reminded.
 */
export async function sendActionReminders(services: Services): Promise<number> {
  const now = services.clock.now();
  const today = isoDateParis(now);
  const items = await services.db
    .selectFrom('support_action_items as i')
    .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
    .select(['i.id', 'i.text', 'i.due_on', 'i.owner_user_id', 'p.application_id'])
    .where('i.done_at', 'is', null)
    .where('i.due_on', '>=', today)
    .where('i.due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))
    .where('p.status', '<>', 'finished')
    .orderBy('i.due_on')
    .orderBy('i.id')
    .execute();
  if (items.length === 0) return 0;
  const spaces = new Map(
    (await laureateSpaces(services.db, { applicationIds: [...new Set(items.map((i) => i.application_id))] })).map(
      (s) => [s.application.id, s],
    ),
  );
  const owners = await peopleByIds(
    services.db,
    items.flatMap((i) => (i.owner_user_id ? [i.owner_user_id] : [])),
  );
  const base = services.config.baseUrl.replace(/\/$/, '');
  let reminded = 0;
  for (const row of items) {
    const item = { ...row, due_on: dayText(row.due_on)! };
    const space = spaces.get(item.application_id);
    if (!space) continue;
    const sent = await auditedTransaction(services.db, systemActor, now, async (trx, audit, atCommit) => {
      const claimed = await trx
        .insertInto('support_reminders_sent')
        .values({ subject_id: item.id, kind: ACTION_REMINDER_KIND, due_key: item.due_on!, sent_at: now })
        .onConflict((oc) => oc.columns(['subject_id', 'kind', 'due_key']).doNothing())
        .returning('subject_id')
        .executeTakeFirst();
      if (!claimed) return false;
      const team = await teamRecipients(trx, item.application_id);
      const owner = item.owner_user_id ? owners.get(item.owner_user_id) : undefined;
      const person = owner && !owner.erased && owner.email ? { email: owner.email, locale: owner.locale } : null;
      // A person of the team reads it in the team's space; anyone else (staff, a mentor with an account) in the staff's.
      const ofTeam = !person || team.some((r) => r.email === person.email.toLowerCase());
      const recipients = person ? [person] : team;
      const url = `${base}${spaceHref(ofTeam ? 'team' : 'staff', item.application_id, 'sessions')}#action-${item.id}`;
      for (const recipient of recipients)
        await queueMail(
          atCommit,
          {
            to: recipient.email,
            template: ACTION_REMINDER_MAIL,
            locale: recipient.locale,
            data: { title: space.application.title || '—', text: item.text, dueOn: item.due_on!, url },
          },
          now,
        );
      await audit({
        action: 'support.action-item-reminded',
        subjectType: 'support_action_item',
        subjectId: item.id,
        summary: { dueOn: item.due_on, recipients: recipients.length },
      });
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}

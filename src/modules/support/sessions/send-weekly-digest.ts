import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { PERMISSIONS, tracksInclude } from '../../../core/auth/permissions.js';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { staffWithPermission } from '../../accounts/index.js';
import { laureateSpaces } from '../laureate-space.js';
import { type LateItem, timelineSources } from '../timeline-sources.js';
import { spaceHref } from '../views/space-layout.js';
import { type DigestGroup, WEEKLY_DIGEST_MAIL } from './mails.js';
import { isoWeek } from './schedule.js';
import '../tables.js';

export const DIGEST_KIND = 'weekly-digest';

/** Everything late today across every source that has due dates (milestones, action items, reports…). */
export async function lateItems(services: Pick<Services, 'db'>, today: string): Promise<LateItem[]> {
  const lists = await Promise.all(
    timelineSources().flatMap((source) => (source.late ? [source.late(services.db, today)] : [])),
  );
  return lists.flat();
}

/**
 * The weekly digest: each staff member holding support.manage gets one mail listing what is late in the
 * laureates of their tracks, grouped by laureate; nobody gets a mail when nothing of theirs is late. Once per
 * person and ISO week (a row of support_reminders_sent claims it with the mail), whatever the retries.
 * Returns how many mails were sent.
 */
export async function sendWeeklyDigest(services: Services): Promise<number> {
  const now = services.clock.now();
  const today = isoDateParis(now);
  const week = isoWeek(today);
  const late = await lateItems(services, today);
  if (late.length === 0) return 0;
  const spaces = new Map(
    (await laureateSpaces(services.db, { applicationIds: [...new Set(late.map((l) => l.applicationId))] })).map((s) => [
      s.application.id,
      s,
    ]),
  );
  const staff = await staffWithPermission(services.db, PERMISSIONS['support.manage'] ?? []);
  // Late money (tranches, procedures, reports) goes only to who may see it.
  const finance = new Set(
    (await staffWithPermission(services.db, PERMISSIONS['grants.manage'] ?? [])).map((member) => member.id),
  );
  const base = services.config.baseUrl.replace(/\/$/, '');
  let sent = 0;
  for (const member of staff) {
    const groups = new Map<string, DigestGroup>();
    for (const item of late) {
      const space = spaces.get(item.applicationId);
      if (!space || !tracksInclude(member.tracks, space.application.trackCode)) continue;
      if (item.restricted === 'grants' && !finance.has(member.id)) continue;
      const group = groups.get(item.applicationId) ?? {
        title: space.application.title || '—',
        url: `${base}${spaceHref('staff', item.applicationId, 'timeline')}`,
        items: [],
      };
      group.items.push({ kind: item.kind, title: item.title, dueOn: item.dueOn });
      groups.set(item.applicationId, group);
    }
    if (groups.size === 0) continue;
    const list = [...groups.values()].sort((a, b) => a.title.localeCompare(b.title, 'fr'));
    for (const group of list)
      group.items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
    const mailed = await auditedTransaction(services.db, systemActor, now, async (trx, audit, atCommit) => {
      const claimed = await trx
        .insertInto('support_reminders_sent')
        .values({ subject_id: member.id, kind: DIGEST_KIND, due_key: week, sent_at: now })
        .onConflict((oc) => oc.columns(['subject_id', 'kind', 'due_key']).doNothing())
        .returning('subject_id')
        .executeTakeFirst();
      if (!claimed) return false;
      await queueMail(
        atCommit,
        {
          to: member.email,
          template: WEEKLY_DIGEST_MAIL,
          locale: member.locale,
          data: { groups: JSON.stringify(list), url: `${base}/admin/accompagnement` },
        },
        now,
      );
      await audit({
        action: 'support.weekly-digest-sent',
        subjectType: 'user',
        subjectId: member.id,
        summary: { week, laureates: list.length, items: list.reduce((n, g) => n + g.items.length, 0) },
      });
      return true;
    });
    if (mailed) sent++;
  }
  return sent;
}

import { parisStartOfDay } from '../../../core/time/paris-time.js';
import { addTimelineSource, type LateItem, type TimelineEntry } from '../timeline-sources.js';
import { spaceHref } from '../views/space-layout.js';
import { planMessages as m } from './messages.js';
import { dayOf } from './progress.js';
import { deliverablesOfPlan, milestonesOfPlan } from './queries.js';

/**
 * The milestones' part of a laureate's timeline (due dates, deliverables handed in, validations and
 * returns) and of the staff's weekly digest (milestones past due and not validated). Registered on import:
 * support/index.ts imports this file.
 */
addTimelineSource({
  name: 'milestones',
  async entries(db, applicationId) {
    const plan = await db
      .selectFrom('support_plans')
      .select('id')
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (!plan) return [];
    const [milestones, deliverables] = await Promise.all([
      milestonesOfPlan(db, plan.id),
      deliverablesOfPlan(db, plan.id),
    ]);
    const staffHref = spaceHref('staff', applicationId, 'milestones');
    const teamHref = spaceHref('team', applicationId, 'milestones');
    const entries: TimelineEntry[] = [];
    for (const milestone of milestones) {
      const params = { title: milestone.title };
      const common = { kind: 'milestone' as const, staffHref, teamHref };
      entries.push({ ...common, at: parisStartOfDay(milestone.dueOn), title: m.tlDue, params, text: '' });
      for (const d of deliverables.get(milestone.id) ?? [])
        entries.push({
          ...common,
          at: d.submittedAt,
          title: m.tlSubmitted,
          params: { ...params, round: d.round },
          text: d.note,
        });
      if (milestone.state === 'validated' && milestone.validatedAt)
        entries.push({
          ...common,
          at: milestone.validatedAt,
          title: m.tlValidated,
          params,
          text: milestone.reviewComment,
        });
      if (milestone.state === 'returned' && milestone.reviewedAt)
        entries.push({
          ...common,
          at: milestone.reviewedAt,
          title: m.tlReturned,
          params,
          text: milestone.reviewComment,
        });
    }
    return entries;
  },
  async late(db, today) {
    const rows = await db
      .selectFrom('support_milestones as m')
      .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
      .select(['m.title', 'm.due_on', 'p.application_id'])
      .where('m.due_on', '<', today)
      .where('m.state', '<>', 'validated')
      .where('p.status', '<>', 'finished')
      .orderBy('m.due_on')
      .execute();
    return rows.map(
      (r): LateItem => ({
        applicationId: r.application_id,
        kind: 'milestone',
        title: r.title,
        dueOn: dayOf(r.due_on),
        staffHref: spaceHref('staff', r.application_id, 'milestones'),
      }),
    );
  },
});

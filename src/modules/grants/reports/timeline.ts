import { t } from '../../../core/i18n/i18n.js';
import { addTimelineSource, type TimelineEntry } from '../../support/index.js';
import { reportMessages as m } from './messages.js';
import { lateReports, reportingGrantOf, reportOfGrant } from './queries.js';

/**
 * The financial report in a laureate's timeline (its due day, its submission, its review) and in the staff's
 * weekly digest (late: past its due day and not approved). Registered on import: grants/index.ts imports
 * this file. Money stays with who may see it (restricted 'grants').
 */
addTimelineSource({
  name: 'grants.report',
  async entries(db, applicationId) {
    const grant = await reportingGrantOf(db, applicationId);
    const report = grant ? await reportOfGrant(db, grant.id) : null;
    if (!grant || !report) return [];
    const links = {
      staffHref: `/admin/subventions/laureats/${applicationId}/compte-rendu`,
      teamHref: `/espace-laureat/${applicationId}/subvention/compte-rendu`,
      restricted: 'grants' as const,
    };
    const entries: TimelineEntry[] = [
      { kind: 'report', at: new Date(`${report.dueOn}T12:00:00Z`), title: m.timelineDue, text: '', ...links },
    ];
    if (report.submittedAt)
      entries.push({ kind: 'report', at: report.submittedAt, title: m.timelineSubmitted, text: '', ...links });
    if (report.reviewedAt)
      entries.push({
        kind: 'report',
        at: report.reviewedAt,
        title: m.timelineReviewed,
        text: report.reviewComment,
        ...links,
      });
    return entries;
  },
  async late(db, today) {
    return (await lateReports(db, today)).map((r) => ({
      applicationId: r.applicationId,
      kind: 'report' as const,
      title: t('fr', m.lateItem, { reference: r.reference }),
      dueOn: r.dueOn,
      staffHref: `/admin/subventions/laureats/${r.applicationId}/compte-rendu`,
      restricted: 'grants' as const,
    }));
  },
});

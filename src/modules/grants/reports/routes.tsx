import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormReader } from '../../../core/http/forms.js';
import { readMultipartForm } from '../../../core/http/multipart.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery } from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { type LaureateSpace, type SpaceSide, spaceForStaff, spaceForTeam } from '../../support/index.js';
import { reportMessages as m } from './messages.js';
import { openReport, type ReportGrant, type ReportRecord, reportingGrantOf } from './queries.js';
import { readReportForm, reportFormValues } from './report-form.js';
import type { ReportLine } from './report-lines.js';
import { reviewReport } from './review-report.js';
import { MAX_REPORT_FILE_BYTES, saveReport } from './save-report.js';
import { sendAttachment } from './send-file.js';
import { type ReportForm, ReportPage } from './views/report-page.js';

const NOTICES = { saved: m.saved, submitted: m.submitted, approved: m.approved, returned: m.returned } as const;

const teamBase = (id: string) => `/espace-laureat/${id}/subvention/compte-rendu`;
const staffBase = (id: string) => `/admin/subventions/laureats/${id}/compte-rendu`;

interface Loaded {
  space: LaureateSpace;
  grant: ReportGrant | null;
  report: ReportRecord | null;
}

/** The financial report: the team's form, the staff's review. */
export async function reportRoutes(app: App, services: Services): Promise<void> {
  async function load(space: LaureateSpace): Promise<Loaded> {
    const grant = await reportingGrantOf(services.db, space.application.id);
    // The report is created on first sight of a signed grant (see queries.ts' ensureFinancialReport).
    const report = grant ? await openReport(services.db, grant, services.clock.now()) : null;
    return { space, grant, report };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    side: SpaceSide,
    loaded: Loaded,
    options: { status?: number; form?: ReportForm; lines?: ReportLine[]; notice?: string; problem?: string } = {},
  ): Promise<FastifyReply> {
    const ctx = await viewContext(request, reply);
    const form = options.form ?? (loaded.report ? { values: reportFormValues(loaded.report), errors: {} } : undefined);
    return html(
      reply,
      options.status ?? 200,
      <ReportPage
        ctx={ctx}
        side={side}
        space={loaded.space}
        grant={loaded.grant}
        report={loaded.report}
        form={form}
        lines={options.lines}
        notice={options.notice}
        problem={options.problem}
        today={isoDateParis(services.clock.now())}
      />,
    );
  }

  const noticeOf = (request: FastifyRequest & { query: NoticeQuery }) => {
    const key = request.query.ok;
    return key && Object.hasOwn(NOTICES, key) ? t(request.locale, NOTICES[key as keyof typeof NOTICES]) : undefined;
  };

  app.get(
    '/espace-laureat/:id/subvention/compte-rendu',
    { config: { permission: 'signed-in' }, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForTeam(services, request, reply);
      if (!space) return reply;
      return render(request, reply, 'team', await load(space), { notice: noticeOf(request) });
    },
  );

  app.post(
    '/espace-laureat/:id/subvention/compte-rendu',
    // The CSRF token of a multipart form comes in the query string (the body is read only below).
    { config: { permission: 'signed-in' }, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForTeam(services, request, reply);
      if (!space) return reply;
      const loaded = await load(space);
      if (!loaded.grant || !loaded.report) return notFound(request, reply);
      let fields: Record<string, unknown> = {};
      let file: { data: Buffer; name: string } | null = null;
      let tooLarge = false;
      if (request.isMultipart()) {
        // Read only now, the team and its grant checked: one file, streamed within its limit.
        const multipart = await readMultipartForm(request, {
          maxFileBytes: (field) => (field === 'report_file' ? MAX_REPORT_FILE_BYTES : 0),
          quota: () => ({ files: 1, bytes: MAX_REPORT_FILE_BYTES }),
          bodyBytes: MAX_REPORT_FILE_BYTES + 1024 * 1024,
          afterRefusalBytes: 1024 * 1024,
        });
        fields = multipart.fields;
        const sent = multipart.files.find((f) => f.field === 'report_file');
        if (sent) file = { data: sent.data, name: sent.name };
        tooLarge = multipart.refusal !== null && multipart.refusal.reason !== 'not_a_file_field';
      } else if (request.body && typeof request.body === 'object') {
        fields = request.body as Record<string, unknown>;
      }
      const form = new FormReader(fields);
      const submit = form.text('action', { max: 20 }) === 'submit';
      const versionText = form.text('version', { max: 12 });
      const { lines, comment } = readReportForm(form, {
        submit,
        hasFile: file !== null || loaded.report.fileId !== null,
      });
      if (tooLarge) form.fail('report_file', m.fileTooLarge);
      const again = (status: number, problem?: string) =>
        render(request, reply, 'team', loaded, {
          status,
          form: { values: { ...form.values, version: versionText }, errors: form.errors },
          lines,
          problem,
        });
      if (!form.ok) return again(tooLarge ? 413 : 400);
      const result = await saveReport(services, actorOf(request), {
        grantId: loaded.grant.id,
        applicationId: space.application.id,
        title: space.application.title,
        reference: loaded.grant.reference,
        trackCode: space.application.trackCode,
        version: /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1,
        lines,
        comment,
        file,
        submit,
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'file_type') {
          form.fail('report_file', m.fileType);
          return again(400);
        }
        return again(409, t(request.locale, result.problem === 'stale' ? m.stale : m.notEditable));
      }
      return reply.redirect(
        `${teamBase(space.application.id)}?ok=${result.status === 'submitted' ? 'submitted' : 'saved'}`,
        303,
      );
    },
  );

  app.get(
    '/espace-laureat/:id/subvention/compte-rendu/fichier',
    { config: { permission: 'signed-in' }, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForTeam(services, request, reply);
      if (!space) return reply;
      const { report } = await load(space);
      if (!report?.fileId) return notFound(request, reply);
      return sendAttachment(request, reply, services, report.fileId);
    },
  );

  app.get(
    '/admin/subventions/laureats/:id/compte-rendu',
    {
      config: { permission: 'grants.manage', tracks: 'one' },
      schema: { params: IdParams, querystring: NoticeQuery },
    },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      return render(request, reply, 'staff', await load(space), { notice: noticeOf(request) });
    },
  );

  app.post(
    '/admin/subventions/laureats/:id/compte-rendu',
    { config: { permission: 'grants.manage', tracks: 'one' }, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const loaded = await load(space);
      if (!loaded.grant || !loaded.report) return notFound(request, reply);
      const form = new FormReader(request.body);
      const decision = form.choice('decision', ['approve', 'return'] as const, { required: true });
      const comment = form.text('review_comment', { max: 5000 });
      const versionText = form.text('version', { max: 12 });
      if (decision === 'return' && comment === '' && !form.errors.review_comment)
        form.fail('review_comment', m.reviewCommentHint);
      const again = (status: number, problem?: string) =>
        render(request, reply, 'staff', loaded, {
          status,
          form: { values: { ...form.values, version: versionText }, errors: form.errors },
          problem,
        });
      if (!form.ok || !decision) return again(400);
      const result = await reviewReport(services, actorOf(request), {
        grantId: loaded.grant.id,
        applicationId: space.application.id,
        title: space.application.title,
        reference: loaded.grant.reference,
        decision,
        comment,
        version: /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1,
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'comment_required') {
          form.fail('review_comment', m.reviewCommentHint);
          return again(400);
        }
        return again(409, t(request.locale, result.problem === 'stale' ? m.stale : m.notReviewable));
      }
      return reply.redirect(`${staffBase(space.application.id)}?ok=${result.status}`, 303);
    },
  );

  app.get(
    '/admin/subventions/laureats/:id/compte-rendu/fichier',
    { config: { permission: 'grants.manage', tracks: 'one' }, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const { grant, report } = await load(space);
      if (!grant || !report?.fileId) return notFound(request, reply);
      return sendAttachment(request, reply, services, report.fileId);
    },
  );
}

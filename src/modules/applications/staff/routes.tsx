import type { FastifyReply, FastifyRequest } from 'fastify';
import { addressOrPseudonym } from '../../../core/auth/pseudonym.js';
import { type FieldError, FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams } from '../../../core/http/route-schemas.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { personById } from '../../accounts/index.js';
import { applicationForStaff } from '../access.js';
import { changeState } from '../change-state.js';
import { listExpertRequests } from '../experts/expert-opinions.js';
import { listApplicationFiles, staffMayDownload, submittedFileIds } from '../files/application-files.js';
import { fileViews } from '../files/attachments.js';
import { draftProgress } from '../form/summary.js';
import { instructionNotice } from '../instruction/notices.js';
import { listNotes, listThread } from '../instruction/queries.js';
import { stateNoticeSettings } from '../instruction/state-notices.js';
import { applicationsWithUnread, readThread } from '../instruction/thread-reads.js';
import { applicationMessages as m } from '../messages.js';
import { organisationMessages } from '../organisation/messages.js';
import { loadOrganisationCheck, recheckOrganisation } from '../organisation/stored-check.js';
import {
  type ApplicationRecord,
  countDrafts,
  listForStaff,
  listTransitions,
  loadApplication,
  loadFormVersion,
  loadVersion,
} from '../queries.js';
import { NoticeQuery } from '../schemas.js';
import { nextStates } from '../states.js';
import { ListQuery, readListFilters } from './list-filters.js';
import { AdminDetailPage, AdminListPage } from './views/admin-pages.js';

/** The staff list of applications, one application's file, its state and its organisation check. */
export async function staffRoutes(app: App, services: Services): Promise<void> {
  app.get(
    '/admin/candidatures',
    { config: { permission: 'applications.instruct' }, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const { shown, seasons, filters } = await readListFilters(request, services);
      const { rows, next } = await listForStaff(services.db, filters);
      const [drafts, unread] = await Promise.all([
        countDrafts(services.db, { seasonId: filters.seasonId, tracks: filters.tracks }),
        applicationsWithUnread(
          services.db,
          request.user!.id,
          'staff',
          rows.map((row) => row.id),
        ),
      ]);
      const season = seasons.find((s) => s.id === filters.seasonId);
      const stateNotices = season && {
        seasonId: season.id,
        seasonName: request.locale === 'en' && season.nameEn ? season.nameEn : season.name,
        settings: await stateNoticeSettings(services.db, season.id),
        saved: request.query.avis === 'enregistre',
      };
      const params = new URLSearchParams(Object.entries(shown).filter(([, v]) => v !== ''));
      const exportQuery = params.toString();
      if (next) params.set('apres', `${next.createdAt.toISOString()}_${next.id}`);
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <AdminListPage
          ctx={ctx}
          seasons={seasons}
          filters={shown}
          rows={rows}
          drafts={drafts}
          exportQuery={exportQuery}
          unread={unread}
          stateNotices={stateNotices}
          nextHref={next ? `/admin/candidatures?${params.toString()}` : undefined}
        />,
      );
    },
  );

  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    application: ApplicationRecord,
    status: number,
    state: { values?: Record<string, string>; errors?: Record<string, FieldError>; notice?: string } = {},
  ): Promise<FastifyReply> {
    // Staff read what was submitted (the latest version). A draft is the applicant's until submitted: of a
    // never-submitted draft staff see only that it exists and how far it is, never its answers or files.
    const submitted = application.currentVersion > 0;
    const version = submitted ? await loadVersion(services.db, application.id, application.currentVersion) : null;
    const form = await loadFormVersion(services.db, version?.formId ?? application.formId);
    const definition = form?.definition ?? { sections: [] };
    const answers = version?.answers ?? {};
    const draft = submitted
      ? undefined
      : { ...draftProgress(definition, application.draftAnswers), savedAt: application.draftSavedAt };
    // The register check is read as stored by the job run after submit: opening a page never waits on the register.
    const [owner, transitions, organisation, allFiles, shownFiles, thread, notes, expertRequests] = await Promise.all([
      personById(services.db, application.ownerId),
      listTransitions(services.db, application.id),
      loadOrganisationCheck(services.db, application.id),
      listApplicationFiles(services.db, application.id),
      submittedFileIds(services.db, [application.id]).then((ids) => ids.get(application.id) ?? new Set<string>()),
      listThread(services.db, application.id),
      listNotes(services.db, application.id),
      listExpertRequests(services.db, application.id),
    ]);
    // Opening the page reads the thread: the applicant messages new to this staff member are marked, then read.
    const fresh = await readThread(services.db, request.user!.id, 'staff', application.id, thread);
    const files = allFiles.filter((file) => shownFiles.has(file.fileId));
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <AdminDetailPage
        ctx={ctx}
        application={application}
        ownerEmail={addressOrPseudonym(owner?.email ?? null, application.ownerId)}
        definition={definition}
        answers={answers}
        draft={draft}
        transitions={transitions}
        organisation={organisation}
        registerEnabled={Boolean(services.config.companyRegisterUrl)}
        values={state.values ?? {}}
        errors={state.errors ?? {}}
        notice={state.notice}
        instruction={{ thread, notes, fresh }}
        experts={{ requests: expertRequests, now: services.clock.now() }}
        files={files.map((file) => ({
          ...fileViews(request.locale, [file], `/admin/candidatures/${application.id}/fichiers`, false)[file.fileId]!,
          fileId: file.fileId,
          questionPath: file.questionPath,
          downloadable: staffMayDownload(services, file.status),
          removed: file.removed,
        }))}
      />,
    );
  }

  app.get(
    '/admin/candidatures/:id',
    { config: { permission: 'applications.instruct' }, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const application = await applicationForStaff(services, request, reply);
      if (!application) return reply;
      const ok = request.query.ok;
      const notice =
        ok === 'etat'
          ? t(request.locale, m.stateChanged)
          : ok === 'organisation'
            ? t(request.locale, organisationMessages.rechecked)
            : instructionNotice(request.locale, ok);
      return renderDetail(request, reply, application, 200, { notice });
    },
  );

  app.post(
    '/admin/candidatures/:id/organisation',
    { config: { permission: 'applications.instruct' }, schema: { params: IdParams } },
    async (request, reply) => {
      const application = await applicationForStaff(services, request, reply);
      if (!application) return reply;
      // Bounded by the register client's own timeout; an unavailable register is stored as such.
      const result = await recheckOrganisation(services, actorOf(request), application.id);
      if (result === 'not_found') return notFound(request, reply);
      if (result === null)
        return renderDetail(request, reply, application, 200, {
          notice: t(request.locale, organisationMessages.nothingToCheck),
        });
      return reply.redirect(`/admin/candidatures/${application.id}?ok=organisation`, 303);
    },
  );

  app.post(
    '/admin/candidatures/:id/etat',
    { config: { permission: 'applications.instruct' }, schema: { params: IdParams } },
    async (request, reply) => {
      const application = await applicationForStaff(services, request, reply);
      if (!application) return reply;
      const form = new FormReader(request.body);
      const to = form.choice('to', nextStates(application.state, 'staff'), { required: true });
      const reason = form.text('reason', { max: 2000 });
      if (form.ok && to) {
        const result = await changeState(services, actorOf(request), {
          applicationId: application.id,
          to,
          by: 'staff',
          reason,
          actorUserId: request.user!.id,
          tracks: tracksOf(request),
        });
        if (result.ok) return reply.redirect(`/admin/candidatures/${application.id}?ok=etat`, 303);
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'reason_required') form.fail('reason', m.reasonRequired);
        else form.fail('to', m.transitionNotAllowed);
      }
      const fresh = (await loadApplication(services.db, application.id)) ?? application;
      return renderDetail(request, reply, fresh, 400, { values: form.values, errors: form.errors });
    },
  );
}

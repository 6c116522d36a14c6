import type { Static } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from '../../../core/http/error-pages.js';
import { httpMessages } from '../../../core/http/errors.js';
import { FormReader } from '../../../core/http/forms.js';
import { html } from '../../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams } from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { applicationForStaff, expertRequestFor, invalidExpertLink, openExpertRequest } from '../access.js';
import { type ApplicationRecord, loadApplication, loadFormVersion, loadVersion } from '../queries.js';
import { NoticeQuery, type RequestWithParams, TokenParams } from '../schemas.js';
import { EXPERT_OPINIONS, type ExpertRequestRecord, formForExpert } from './expert-opinions.js';
import { expertMessages as em } from './messages.js';
import { requestExpertOpinion } from './request-expert-opinion.js';
import { saveExpertOpinion } from './save-expert-opinion.js';
import { ExpertOpinionPage, ExpertRequestPage, type RequestFormState } from './views/expert-pages.js';

type TokenRequest = RequestWithParams<Static<typeof TokenParams>>;

export async function expertRoutes(app: App, services: Services): Promise<void> {
  async function renderRequestPage(
    request: FastifyRequest,
    reply: FastifyReply,
    application: ApplicationRecord,
    status: number,
    state: RequestFormState,
    notice?: string,
  ) {
    const ctx = await viewContext(request, reply);
    return html(reply, status, <ExpertRequestPage ctx={ctx} application={application} state={state} notice={notice} />);
  }

  app.get(
    '/admin/candidatures/:id/avis',
    { config: { permission: 'applications.instruct' }, schema: { params: IdParams } },
    async (request, reply) => {
      const application = await applicationForStaff(services, request, reply);
      if (!application) return reply;
      return renderRequestPage(request, reply, application, 200, { values: {}, errors: {} });
    },
  );

  app.post(
    '/admin/candidatures/:id/avis',
    { config: { permission: 'applications.instruct' }, schema: { params: IdParams } },
    async (request, reply) => {
      const application = await applicationForStaff(services, request, reply);
      if (!application) return reply;
      const form = new FormReader(request.body);
      const expertEmail = form.email('expert_email', { required: true });
      const question = form.text('question', { required: true, max: 5000 });
      const dueOn = form.date('due_on', { required: true });
      if (dueOn && dueOn < isoDateParis(services.clock.now())) form.fail('due_on', em.dueInPast);
      if (!form.ok || !dueOn)
        return renderRequestPage(request, reply, application, 400, { values: form.values, errors: form.errors });
      const result = await requestExpertOpinion(services, actorOf(request), {
        applicationId: application.id,
        expertEmail,
        question,
        dueOn,
        requestedBy: request.user!.id,
        tracks: tracksOf(request),
        locale: request.locale,
      });
      if (result.ok) return reply.redirect(`/admin/candidatures/${application.id}#experts-title`, 303);
      if (result.problem === 'not_found')
        return sendErrorPage(request, reply, 404, httpMessages.notFoundTitle, httpMessages.notFoundText);
      if (result.problem === 'already_asked') form.fail('expert_email', em.alreadyAsked);
      const notice = result.problem === 'not_submitted' ? t(request.locale, em.requestNeedsSubmission) : undefined;
      return renderRequestPage(
        request,
        reply,
        application,
        result.problem === 'not_submitted' ? 409 : 400,
        { values: form.values, errors: form.errors },
        notice,
      );
    },
  );

  async function renderOpinionPage(
    request: TokenRequest,
    reply: FastifyReply,
    expert: ExpertRequestRecord,
    status: number,
    state: RequestFormState,
    notice?: { kind: 'success' | 'error'; text: string },
  ) {
    const application = await loadApplication(services.db, expert.applicationId);
    if (!application) return invalidExpertLink(request, reply);
    // The expert reads the version they were asked about: never the draft being edited, nor a later submit.
    const version = await loadVersion(services.db, application.id, expert.version);
    const form = version ? await loadFormVersion(services.db, version.formId) : null;
    const ctx = await viewContext(request, reply);
    reply.header('referrer-policy', 'no-referrer');
    return html(
      reply,
      status,
      <ExpertOpinionPage
        ctx={ctx}
        token={request.params.token}
        title={application.title}
        request={expert}
        definition={formForExpert(form?.definition ?? { sections: [] })}
        answers={version?.answers ?? {}}
        state={state}
        notice={notice}
      />,
    );
  }

  app.get(
    '/avis/:token',
    { config: { permission: 'public' }, schema: { params: TokenParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const expert = await expertRequestFor(services, request, reply);
      if (!expert) return reply;
      const query = request.query;
      const notice =
        query.ok === 'envoye'
          ? { kind: 'success' as const, text: t(request.locale, em.thanks) }
          : query.ok === 'enregistre'
            ? { kind: 'success' as const, text: t(request.locale, em.savedDraft) }
            : undefined;
      return renderOpinionPage(
        request,
        reply,
        expert,
        200,
        { values: { opinion: expert.opinion ?? '', comment: expert.comment }, errors: {} },
        notice,
      );
    },
  );

  app.post(
    '/avis/:token',
    { config: { permission: 'public' }, schema: { params: TokenParams } },
    async (request, reply) => {
      const expert = await expertRequestFor(services, request, reply);
      if (!expert) return reply;
      const form = new FormReader(request.body);
      const final = form.choice('action', ['save', 'submit'] as const) !== 'save';
      const opinion = form.choice('opinion', EXPERT_OPINIONS, { required: true });
      const comment = form.text('comment', { max: 10_000 });
      if (form.ok && opinion) {
        const result = await saveExpertOpinion(services, { token: request.params.token, opinion, comment, final });
        if (result.ok)
          return reply.redirect(`/avis/${request.params.token}?ok=${final ? 'envoye' : 'enregistre'}`, 303);
        if (result.problem === 'invalid_link') return invalidExpertLink(request, reply);
        const fresh = (await openExpertRequest(services, request.params.token)) ?? expert;
        return renderOpinionPage(
          request,
          reply,
          fresh,
          409,
          { values: form.values, errors: {} },
          { kind: 'error', text: t(request.locale, em.alreadySubmitted) },
        );
      }
      return renderOpinionPage(request, reply, expert, 400, { values: form.values, errors: form.errors });
    },
  );
}

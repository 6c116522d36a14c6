import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, Uuid } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { type ApplicationOfApplicant, applicationOfApplicant } from '../applications/index.js';
import { respondToPlace } from './confirm-place.js';
import { noticeMessages as m } from './notice-messages.js';
import { sendPdf } from './notice-pdf.js';
import { type DecisionRow, decisionOf, noticePdf, sentNoticesOf } from './notice-queries.js';
import { ApplicantDecisionPage } from './views/applicant-decision.js';
import type { PageNotice } from './views/outbox.js';

const NoticePdfParams = Type.Object({ id: Uuid, noticeId: Uuid });

/**
 * The application and its decision if this person is one of its applicants and a notice was sent; otherwise
 * 404, the same answer as for an application that does not exist (a decision is not shown before its notice).
 */
async function decisionForApplicant(
  services: Services,
  request: FastifyRequest & { params: { id: string } },
): Promise<{ application: ApplicationOfApplicant; decision: DecisionRow } | null> {
  if (!request.user) return null;
  const application = await applicationOfApplicant(services.db, request.params.id, request.user);
  if (!application) return null;
  const decision = await decisionOf(services.db, application.id);
  if (!decision?.notifiedAt) return null;
  return { application, decision };
}

function canAnswer(decision: DecisionRow, now: Date): boolean {
  return (
    decision.outcome === 'laureate' &&
    decision.confirmBy !== null &&
    decision.confirmBy.getTime() > now.getTime() &&
    !decision.confirmedAt &&
    !decision.declinedAt &&
    !decision.lapsedAt
  );
}

/** The applicant's side of the decision: the outcome, the notices and their PDF, confirming or declining a place. */
export async function applicantRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: { application: ApplicationOfApplicant; decision: DecisionRow },
    status: number,
    alert?: PageNotice,
  ) {
    const notices = await sentNoticesOf(db, found.application.id);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <ApplicantDecisionPage
        ctx={ctx}
        application={found.application}
        decision={found.decision}
        notices={notices.map((n) => ({
          id: n.id,
          kind: n.kind,
          locale: n.locale,
          subject: n.subject,
          text: n.body,
          sentAt: n.sentAt ?? n.updatedAt,
        }))}
        canAnswer={canAnswer(found.decision, services.clock.now())}
        alert={alert}
      />,
    );
  }

  app.get(
    '/mes-candidatures/:id/decision',
    { config: { permission: 'signed-in' }, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const found = await decisionForApplicant(services, request);
      if (!found) return notFound(request, reply);
      const alert: PageNotice | undefined =
        request.query.ok === 'reponse' ? { kind: 'success', title: t(request.locale, m.answerSaved) } : undefined;
      return render(request, reply, found, 200, alert);
    },
  );

  app.post(
    '/mes-candidatures/:id/decision',
    { config: { permission: 'signed-in' }, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await decisionForApplicant(services, request);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const answer = form.choice('reponse', ['confirmer', 'renoncer'] as const, { required: true });
      if (!answer)
        return render(request, reply, found, 400, { kind: 'error', title: t(request.locale, m.answerRefused) });
      const result = await respondToPlace(services, actorOf(request), {
        applicationId: found.application.id,
        answer: answer === 'confirmer' ? 'confirm' : 'decline',
      });
      if (!result.ok) {
        const fresh = (await decisionForApplicant(services, request)) ?? found;
        return render(request, reply, fresh, 409, { kind: 'error', title: t(request.locale, m.answerRefused) });
      }
      return reply.redirect(`/mes-candidatures/${found.application.id}/decision?ok=reponse`, 303);
    },
  );

  app.get(
    '/mes-candidatures/:id/decision/:noticeId/avis.pdf',
    { config: { permission: 'signed-in' }, schema: { params: NoticePdfParams } },
    async (request, reply) => {
      const found = await decisionForApplicant(services, request);
      if (!found) return notFound(request, reply);
      const notice = (await sentNoticesOf(db, found.application.id)).find((n) => n.id === request.params.noticeId);
      const pdf = notice ? await noticePdf(db, notice.id) : null;
      if (!notice || !pdf) return notFound(request, reply);
      return sendPdf(reply, pdf, found.application.id, notice.kind);
    },
  );
}

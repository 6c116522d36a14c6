import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission } from '../../../core/auth/permissions.js';
import { sniffContentType } from '../../../core/files/sniff.js';
import { readStoredFile, urlFileName } from '../../../core/files/store-file.js';
import { FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, Uuid } from '../../../core/http/route-schemas.js';
import { formatDateTime, type Message, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { visibleCommons } from '../../commons/index.js';
import { renderMarkdown } from '../../content/index.js';
import { getPublicLaureate } from '../../seasons/index.js';
import { agendaMessages as m } from './messages.js';
import { EVENTS_PATH, eventHref, registrationHref } from './paths.js';
import { hashIp, registrationClosedReason } from './places.js';
import {
  attendedCounts,
  documentsOf,
  eventById,
  listEvents,
  placeCounts,
  questionsOf,
  registrationById,
  registrationOfUser,
  toPublicEvent,
  waitingPositionOf,
} from './queries.js';
import {
  acceptOffer,
  cancelRegistration,
  confirmRegistration,
  registerSignedIn,
  requestRegistration,
} from './register.js';
import { registrationIdOfToken, TOKEN_PATTERN } from './tokens.js';
import {
  EventPage,
  type EventPageData,
  EventsListPage,
  MailSentPage,
  type RegistrationFormState,
  RegistrationPage,
  type RegistrationView,
} from './views/public.js';

const TokenParams = Type.Object({ token: Type.String({ pattern: TOKEN_PATTERN }) });
const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid });

const CLOSED_MESSAGES: Record<string, Message> = {
  cancelled: m.cancelledTitle,
  closed: m.registrationClosed,
  unpublished: m.closedProblem,
  not_found: m.closedProblem,
  not_open: m.closedProblem,
};

function isStaff(request: FastifyRequest): boolean {
  return request.user !== null && hasPermission(request.user, 'events.manage');
}

/** The public side: list, event page, registration by a signed-in person or by email, the secret-link pages. */
export async function publicRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get(EVENTS_PATH, { config: { permission: 'public' } }, async (request, reply) => {
    const now = services.clock.now();
    const events = await listEvents(db, { all: false });
    const counts = await placeCounts(
      db,
      events.map((e) => e.id),
    );
    const cards = events.map((e) => {
      const c = counts.get(e.id);
      return { event: toPublicEvent(e), taken: (c?.registered ?? 0) + (c?.offered ?? 0) };
    });
    const upcoming = cards.filter((c) => c.event.endsAt >= now);
    const past = cards.filter((c) => c.event.endsAt < now).reverse();
    return html(reply, 200, <EventsListPage ctx={plainViewContext(request)} upcoming={upcoming} past={past} />);
  });

  async function linkedItems(laureateIds: string[], commonsIds: string[]) {
    // Only the event's few laureates, each as the public sees it (one under embargo is left out).
    const found = await Promise.all(laureateIds.map((id) => getPublicLaureate(services, id)));
    const laureates = found.flatMap((f) => (f ? [{ name: f.laureate.name, href: `/laureats/${f.laureate.id}` }] : []));
    const commons =
      commonsIds.length > 0
        ? (await visibleCommons(db))
            .filter((c) => commonsIds.includes(c.id))
            .map((c) => ({ name: c.name, href: `/cooperation/communs/${c.slug}` }))
        : [];
    return { laureates, commons };
  }

  async function renderEvent(
    request: FastifyRequest & { params: { id: string } },
    reply: FastifyReply,
    status: number,
    form: RegistrationFormState = { values: {}, errors: {} },
    notice?: string,
  ): Promise<FastifyReply> {
    const event = await eventById(db, request.params.id);
    const staff = isStaff(request);
    if (!event || (!event.published && !staff)) return notFound(request, reply);
    const now = services.clock.now();
    const counts = (await placeCounts(db, [event.id])).get(event.id);
    const attended = event.report_published_at ? ((await attendedCounts(db, [event.id])).get(event.id) ?? 0) : 0;
    const publicEvent = toPublicEvent(event, attended);
    const closed = registrationClosedReason(event, now);
    const closedText =
      closed === null || (closed === 'unpublished' && staff)
        ? null
        : closed === 'not_open' && event.registration_opens_at
          ? t(request.locale, m.notOpenYet, { date: formatDateTime(request.locale, event.registration_opens_at) })
          : t(request.locale, CLOSED_MESSAGES[closed]);
    const mine = request.user ? await registrationOfUser(db, event.id, request.user.id) : undefined;
    const values = {
      name: request.user ? [request.user.givenName, request.user.familyName].filter(Boolean).join(' ') : '',
      ...form.values,
    };
    const data: EventPageData = {
      event: publicEvent,
      draft: !event.published,
      taken: (counts?.registered ?? 0) + (counts?.offered ?? 0),
      descriptionHtml: renderMarkdown(event.description),
      reportHtml: publicEvent.report ? renderMarkdown(publicEvent.report.minutes) : '',
      documents: publicEvent.report ? await documentsOf(db, event.id) : [],
      ...(await linkedItems(event.laureate_ids, event.commons_ids)),
      questions: questionsOf(event),
      closedText,
      mine: mine ? { status: mine.status } : null,
      form: { ...form, values },
      notice,
    };
    return html(reply, status, <EventPage ctx={await viewContext(request, reply)} data={data} />);
  }

  app.get(
    `${EVENTS_PATH}/:id`,
    { config: { permission: 'public' }, schema: { params: IdParams } },
    async (request, reply) => renderEvent(request, reply, 200),
  );

  app.post(
    `${EVENTS_PATH}/:id/inscription`,
    { config: { permission: 'public' }, schema: { params: IdParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event?.published) return notFound(request, reply);
      const form = new FormReader(request.body);
      const name = form.text('name', { required: true, max: 200 });
      const email = request.user ? request.user.email : form.email('email', { required: true });
      const answers: Record<string, string> = {};
      for (const q of questionsOf(event)) {
        const field = `q_${q.id}`;
        const value = q.kind === 'choice' ? (form.choice(field, q.options) ?? '') : form.text(field, { max: 500 });
        if (value) answers[q.id] = value;
      }
      if (!form.ok) return renderEvent(request, reply, 400, { values: form.values, errors: form.errors });
      if (request.user) {
        const result = await registerSignedIn(
          services,
          { ...actorOf(request), id: request.user.id },
          {
            eventId: event.id,
            name,
            email,
            answers,
            locale: request.locale,
          },
        );
        if (!result.ok) {
          if (result.problem === 'not_found') return notFound(request, reply);
          if (result.problem === 'already') return reply.redirect(`${eventHref(event.id)}/mon-inscription`, 303);
          form.fail('name', CLOSED_MESSAGES[result.problem] ?? m.closedProblem);
          return renderEvent(request, reply, 409, { values: form.values, errors: form.errors });
        }
        return reply.redirect(`${eventHref(event.id)}/mon-inscription?ok=${result.status}`, 303);
      }
      const result = await requestRegistration(services, actorOf(request), {
        eventId: event.id,
        name,
        email,
        answers,
        locale: request.locale,
        ipHash: hashIp(request.ip),
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'rate_limited')
          return renderEvent(request, reply, 429, { values: form.values, errors: {}, tooMany: true });
        form.fail('email', CLOSED_MESSAGES[result.problem] ?? m.closedProblem);
        return renderEvent(request, reply, 409, { values: form.values, errors: form.errors });
      }
      return html(
        reply,
        200,
        <MailSentPage
          ctx={plainViewContext(request)}
          event={toPublicEvent(event)}
          email={email}
          localMail={!services.config.smtpUrl}
        />,
      );
    },
  );

  // A registration's own page: by the secret link of its mails, or for its signed-in owner.
  async function registrationView(registrationId: string, action: string): Promise<RegistrationView | undefined> {
    const registration = await registrationById(db, registrationId);
    if (!registration) return undefined;
    const event = await eventById(db, registration.eventId);
    if (!event) return undefined;
    return {
      event: toPublicEvent(event),
      status: registration.status,
      name: registration.name,
      position: await waitingPositionOf(db, registration),
      offerExpiresAt: registration.offerExpiresAt,
      onlineLink: event.kind === 'in_person' ? null : event.online_link,
      action,
    };
  }

  function noticeOf(locale: 'fr' | 'en', ok: string | undefined) {
    const message = (m as Record<string, Message>)[`ok_${ok ?? ''}`];
    return message ? { kind: 'success' as const, title: t(locale, message) } : undefined;
  }

  async function showRegistration(
    request: FastifyRequest,
    reply: FastifyReply,
    registrationId: string | undefined,
    action: string,
    options: { status?: number; notice?: { kind: 'success' | 'error'; title: string }; confirmCancel?: boolean } = {},
  ): Promise<FastifyReply> {
    const view = registrationId ? await registrationView(registrationId, action) : undefined;
    if (!view) return notFound(request, reply);
    reply.header('referrer-policy', 'no-referrer');
    return html(
      reply,
      options.status ?? 200,
      <RegistrationPage
        ctx={await viewContext(request, reply)}
        view={view}
        notice={options.notice}
        confirmCancel={options.confirmCancel}
      />,
    );
  }

  type Act = (
    services: Services,
    actor: ReturnType<typeof actorOf>,
    id: string,
  ) => Promise<{ ok: boolean; problem?: string; status?: string }>;
  const ACTS: Record<string, Act> = {
    confirmer: confirmRegistration,
    accepter: acceptOffer,
    annuler: async (s, a, id) => {
      const done = await cancelRegistration(s, a, id);
      return done.ok ? { ok: true, status: 'cancelled' } : { ok: false, problem: 'not_pending' };
    },
  };

  async function act(
    request: FastifyRequest,
    reply: FastifyReply,
    registrationId: string | undefined,
    action: string,
    verb: string,
  ): Promise<FastifyReply> {
    if (!registrationId) return notFound(request, reply);
    const result = await ACTS[verb](services, actorOf(request), registrationId);
    const locale = request.locale;
    if (!result.ok) {
      const message =
        result.problem === 'expired'
          ? m.offerExpired
          : result.problem === 'closed' || result.problem === 'cancelled'
            ? m.registrationClosed
            : m.notPending;
      return showRegistration(request, reply, registrationId, action, {
        status: 409,
        notice: { kind: 'error', title: t(locale, message) },
      });
    }
    const notice =
      result.status === 'cancelled' ? m.cancelledDone : result.status === 'waiting' ? m.ok_waiting : m.ok_registered;
    return showRegistration(request, reply, registrationId, action, {
      notice: { kind: 'success', title: t(locale, notice) },
    });
  }

  app.get(
    `${EVENTS_PATH}/inscriptions/:token`,
    { config: { permission: 'public' }, schema: { params: TokenParams } },
    async (request, reply) =>
      showRegistration(
        request,
        reply,
        await registrationIdOfToken(db, request.params.token),
        registrationHref(request.params.token),
      ),
  );
  app.get(
    `${EVENTS_PATH}/inscriptions/:token/annuler`,
    { config: { permission: 'public' }, schema: { params: TokenParams } },
    async (request, reply) =>
      showRegistration(
        request,
        reply,
        await registrationIdOfToken(db, request.params.token),
        registrationHref(request.params.token),
        {
          confirmCancel: true,
        },
      ),
  );
  for (const verb of Object.keys(ACTS))
    app.post(
      `${EVENTS_PATH}/inscriptions/:token/${verb}`,
      { config: { permission: 'public' }, schema: { params: TokenParams } },
      async (request, reply) =>
        act(
          request,
          reply,
          await registrationIdOfToken(db, request.params.token),
          registrationHref(request.params.token),
          verb,
        ),
    );

  // The signed-in person's own registration.
  const mineOf = async (request: FastifyRequest & { params: { id: string } }) =>
    (await registrationOfUser(db, request.params.id, request.user!.id))?.id;
  app.get(
    `${EVENTS_PATH}/:id/mon-inscription`,
    { config: { permission: 'signed-in' }, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) =>
      showRegistration(request, reply, await mineOf(request), `${eventHref(request.params.id)}/mon-inscription`, {
        notice: noticeOf(request.locale, request.query.ok),
      }),
  );
  app.get(
    `${EVENTS_PATH}/:id/mon-inscription/annuler`,
    { config: { permission: 'signed-in' }, schema: { params: IdParams } },
    async (request, reply) =>
      showRegistration(request, reply, await mineOf(request), `${eventHref(request.params.id)}/mon-inscription`, {
        confirmCancel: true,
      }),
  );
  for (const verb of Object.keys(ACTS))
    app.post(
      `${EVENTS_PATH}/:id/mon-inscription/${verb}`,
      { config: { permission: 'signed-in' }, schema: { params: IdParams } },
      async (request, reply) =>
        act(request, reply, await mineOf(request), `${eventHref(request.params.id)}/mon-inscription`, verb),
    );

  // The closing report's documents: public once the report is published, staff always.
  app.get(
    `${EVENTS_PATH}/:id/documents/:documentId`,
    { config: { permission: 'public' }, schema: { params: DocumentParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event || (!isStaff(request) && !(event.published && event.report_published_at)))
        return notFound(request, reply);
      const document = (await documentsOf(db, event.id)).find((d) => d.id === request.params.documentId);
      if (!document) return notFound(request, reply);
      const file = await readStoredFile(db, services.config.filesDir, document.fileId);
      if (!file) return notFound(request, reply);
      const extension = sniffContentType(file.data)?.extension;
      return reply
        .status(200)
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${urlFileName(file.originalName, extension)}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );
}

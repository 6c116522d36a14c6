import { type Static, Type } from '@sinclair/typebox';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission } from '../../../core/auth/permissions.js';
import { type FieldError, FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, OptionalText, Query, Uuid } from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import type { LaureateSpace } from '../laureate-space.js';
import { spaceForStaff, spaceForTeam } from '../policy.js';
import { type SpaceSide, spaceHref } from '../views/space-layout.js';
import { deleteSession } from './delete-session.js';
import { sessionMessages as m } from './messages.js';
import { MESSAGE_MAX, postSpaceMessage } from './post-space-message.js';
import { actionItemsOfPlan, candidatesFor, hoursOfPlan, sessionOfPlan, sessionsOfPlan } from './queries.js';
import { createSession, updateSession } from './save-session.js';
import {
  blankSessionForm,
  offeredPeople,
  readSessionForm,
  rowsOf,
  type SessionFormState,
  sessionFormOf,
} from './session-form.js';
import { setActionItemDone } from './set-action-item-done.js';
import { GRANT_KINDS, parseKinds, TIMELINE_KINDS, timelineOf } from './timeline-entries.js';
import type { PageNotice } from './views/common.js';
import { SessionFormPage } from './views/session-form-page.js';
import { SessionsPage } from './views/sessions-page.js';
import { TimelinePage } from './views/timeline-page.js';
import './timeline.js';

const SessionParams = Type.Object({ id: Uuid, sessionId: Uuid });
const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });
const NoticeQuery = Query({ ok: OptionalText(40) });
const TimelineQuery = Query({
  ok: OptionalText(40),
  type: Type.Optional(
    Type.Union([Type.String({ maxLength: 20 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 })]),
  ),
});
type TimelineQuery = Static<typeof TimelineQuery>;

const NOTICES: Record<string, { kind: PageNotice['kind']; text: (typeof m)[keyof typeof m] }> = {
  enregistree: { kind: 'success', text: m.okSaved },
  depassement: { kind: 'warning', text: m.okSavedOver },
  supprimee: { kind: 'success', text: m.okDeleted },
  action: { kind: 'success', text: m.okItem },
  message: { kind: 'success', text: m.okMessage },
};

function noticeOf(request: FastifyRequest, key: string | undefined): PageNotice | undefined {
  const notice = key && Object.hasOwn(NOTICES, key) ? NOTICES[key] : undefined;
  return notice ? { kind: notice.kind, title: t(request.locale, notice.text) } : undefined;
}

/** The team always sees its grant's section; staff when they hold grants.manage. */
const seesGrants = (request: FastifyRequest, side: SpaceSide) =>
  side === 'team' || hasPermission(request.user, 'grants.manage');

/** Sessions, action items, messages and the timeline (helper: sessions). */
export async function sessionRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const spaceOf = (side: SpaceSide) => (side === 'team' ? spaceForTeam : spaceForStaff);

  async function sendSessions(
    request: FastifyRequest,
    reply: FastifyReply,
    side: SpaceSide,
    space: LaureateSpace,
    notice?: PageNotice,
  ): Promise<FastifyReply> {
    const plan = space.plan;
    const data = plan
      ? await Promise.all([hoursOfPlan(db, plan), sessionsOfPlan(db, plan.id), actionItemsOfPlan(db, plan.id)]).then(
          ([hours, sessions, items]) => ({ hours, sessions, items }),
        )
      : null;
    return html(
      reply,
      200,
      <SessionsPage
        ctx={await viewContext(request, reply)}
        side={side}
        space={space}
        showGrant={seesGrants(request, side)}
        data={data}
        today={isoDateParis(services.clock.now())}
        notice={notice}
      />,
    );
  }

  async function sendTimeline(
    request: FastifyRequest & { query: TimelineQuery },
    reply: FastifyReply,
    side: SpaceSide,
    space: LaureateSpace,
    options: {
      status?: number;
      composer?: { values: Record<string, string>; errors: Record<string, FieldError> };
    } = {},
  ): Promise<FastifyReply> {
    const grants = seesGrants(request, side);
    const kinds = TIMELINE_KINDS.filter((k) => grants || !GRANT_KINDS.includes(k));
    const chosen = parseKinds(request.query.type).filter((k) => kinds.includes(k));
    const entries = await timelineOf(db, space.application.id, { kinds: chosen, seesGrants: grants });
    return html(
      reply,
      options.status ?? 200,
      <TimelinePage
        ctx={await viewContext(request, reply)}
        side={side}
        space={space}
        showGrant={grants}
        entries={entries}
        kinds={kinds}
        chosen={chosen}
        composer={options.composer}
        notice={noticeOf(request, request.query.ok)}
      />,
    );
  }

  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    form: SessionFormState,
    options: { status?: number; sessionId?: string; problem?: string } = {},
  ): Promise<FastifyReply> {
    const plan = space.plan!;
    const session = options.sessionId ? await sessionOfPlan(db, plan.id, options.sessionId) : null;
    const offered = offeredPeople(await candidatesFor(db, space.application.id, space.application.trackCode), session);
    return html(
      reply,
      options.status ?? 200,
      <SessionFormPage
        ctx={await viewContext(request, reply)}
        space={space}
        showGrant={seesGrants(request, 'staff')}
        hours={await hoursOfPlan(db, plan)}
        offered={offered}
        form={form}
        sessionId={options.sessionId}
        problem={options.problem}
      />,
    );
  }

  /** Reads a posted session form; sends the form back (400) when it is wrong, else returns the input. */
  async function readForm(request: FastifyRequest, space: LaureateSpace, sessionId?: string) {
    const plan = space.plan!;
    const session = sessionId ? await sessionOfPlan(db, plan.id, sessionId) : null;
    const offered = offeredPeople(await candidatesFor(db, space.application.id, space.application.trackCode), session);
    const form = new FormReader(request.body);
    const input = readSessionForm(
      form,
      offered,
      (session?.items ?? []).map((i) => i.id),
    );
    const versionText = form.text('version', { max: 12 });
    const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : undefined;
    return { form, input, version, session };
  }

  const formState = (form: FormReader): SessionFormState => ({
    values: form.values,
    errors: form.errors,
    itemRows: rowsOf(form.values),
  });

  // ——— Staff: sessions ———

  const staff = { permission: 'support.manage', tracks: 'one' } as const;
  const staffBase = '/admin/accompagnement/laureats/:id';

  app.get(
    `${staffBase}/seances`,
    { config: staff, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      return sendSessions(request, reply, 'staff', space, noticeOf(request, request.query.ok));
    },
  );

  app.get(`${staffBase}/seances/nouvelle`, { config: staff, schema: { params: IdParams } }, async (request, reply) => {
    const space = await spaceForStaff(services, request, reply);
    if (!space) return reply;
    if (!space.plan) return reply.redirect(spaceHref('staff', space.application.id, 'sessions'), 303);
    return sendForm(request, reply, space, blankSessionForm(services.clock.now()));
  });

  app.post(`${staffBase}/seances`, { config: staff, schema: { params: IdParams } }, async (request, reply) => {
    const space = await spaceForStaff(services, request, reply);
    if (!space) return reply;
    if (!space.plan) return reply.redirect(spaceHref('staff', space.application.id, 'sessions'), 303);
    const { form, input } = await readForm(request, space);
    if (!input) return sendForm(request, reply, space, formState(form), { status: 400 });
    const result = await createSession(services, actorOf(request), space.plan, input);
    if (!result.ok) return notFound(request, reply);
    const ok = result.over ? 'depassement' : 'enregistree';
    return reply.redirect(
      `${spaceHref('staff', space.application.id, 'sessions')}?ok=${ok}#seance-${result.sessionId}`,
      303,
    );
  });

  app.get(
    `${staffBase}/seances/:sessionId/modifier`,
    { config: staff, schema: { params: SessionParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const session = space.plan ? await sessionOfPlan(db, space.plan.id, request.params.sessionId) : null;
      if (!session) return notFound(request, reply);
      return sendForm(request, reply, space, sessionFormOf(session), { sessionId: session.id });
    },
  );

  app.post(
    `${staffBase}/seances/:sessionId`,
    { config: staff, schema: { params: SessionParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const { sessionId } = request.params;
      if (!space.plan) return notFound(request, reply);
      const { form, input, version, session } = await readForm(request, space, sessionId);
      if (!session) return notFound(request, reply);
      if (!input) return sendForm(request, reply, space, formState(form), { status: 400, sessionId });
      const result = await updateSession(services, actorOf(request), space.plan, sessionId, version, input);
      if (!result.ok && result.reason === 'not_found') return notFound(request, reply);
      if (!result.ok)
        return sendForm(request, reply, space, formState(form), {
          status: 409,
          sessionId,
          problem: t(request.locale, m.stale),
        });
      const ok = result.over ? 'depassement' : 'enregistree';
      return reply.redirect(
        `${spaceHref('staff', space.application.id, 'sessions')}?ok=${ok}#seance-${sessionId}`,
        303,
      );
    },
  );

  app.post(
    `${staffBase}/seances/:sessionId/supprimer`,
    { config: staff, schema: { params: SessionParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const deleted = space.plan
        ? await deleteSession(services, actorOf(request), space.plan.id, request.params.sessionId)
        : false;
      if (!deleted) return notFound(request, reply);
      return reply.redirect(`${spaceHref('staff', space.application.id, 'sessions')}?ok=supprimee`, 303);
    },
  );

  // ——— Both sides: action items, the sessions page, the timeline and its messages ———

  for (const side of ['team', 'staff'] as const) {
    const base = side === 'team' ? '/espace-laureat/:id' : staffBase;
    const config: FastifyContextConfig = side === 'team' ? { permission: 'signed-in' } : staff;
    const loadSpace = spaceOf(side);

    if (side === 'team')
      app.get(
        `${base}/seances`,
        { config, schema: { params: IdParams, querystring: NoticeQuery } },
        async (request, reply) => {
          const space = await loadSpace(services, request, reply);
          if (!space) return reply;
          return sendSessions(request, reply, side, space, noticeOf(request, request.query.ok));
        },
      );

    app.post(`${base}/actions/:itemId`, { config, schema: { params: ItemParams } }, async (request, reply) => {
      const space = await loadSpace(services, request, reply);
      if (!space) return reply;
      const form = new FormReader(request.body);
      const done = form.choice('done', ['0', '1'] as const, { required: true });
      const changed =
        space.plan && done !== null
          ? await setActionItemDone(services, actorOf(request), {
              planId: space.plan.id,
              itemId: request.params.itemId,
              done: done === '1',
              side,
            })
          : false;
      if (!changed) return notFound(request, reply);
      return reply.redirect(
        `${spaceHref(side, space.application.id, 'sessions')}?ok=action#action-${request.params.itemId}`,
        303,
      );
    });

    app.get(
      `${base}/fil`,
      { config, schema: { params: IdParams, querystring: TimelineQuery } },
      async (request, reply) => {
        const space = await loadSpace(services, request, reply);
        if (!space) return reply;
        return sendTimeline(request, reply, side, space);
      },
    );

    app.post(
      `${base}/fil`,
      { config, schema: { params: IdParams, querystring: TimelineQuery } },
      async (request, reply) => {
        const space = await loadSpace(services, request, reply);
        if (!space) return reply;
        if (!space.plan) return sendTimeline(request, reply, side, space, { status: 409 });
        const form = new FormReader(request.body);
        const body = form.text('body', { required: true, max: MESSAGE_MAX });
        if (!form.ok)
          return sendTimeline(request, reply, side, space, {
            status: 400,
            composer: { values: form.values, errors: form.errors },
          });
        const id = await postSpaceMessage(services, actorOf(request), { space, planId: space.plan.id, side, body });
        return reply.redirect(`${spaceHref(side, space.application.id, 'timeline')}?ok=message#message-${id}`, 303);
      },
    );
  }
}

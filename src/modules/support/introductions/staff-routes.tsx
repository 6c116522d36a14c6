import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { displayName, hasPermission } from '../../../core/auth/permissions.js';
import { FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, OptionalText, Query, Uuid } from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { teamRecipients } from '../../applications/index.js';
import { type LaureateSpace, laureateSpaces } from '../laureate-space.js';
import { spaceForStaff } from '../policy.js';
import { declineIntroduction } from './decline-introduction.js';
import { draftIntroductionMail } from './draft-mail.js';
import { makeIntroduction } from './make-introduction.js';
import { introductionMessages as m } from './messages.js';
import { readOutcome } from './outcome-form.js';
import {
  type Contact,
  type Introduction,
  introductionOfPlan,
  introductionsOf,
  openRequests,
  suggestedContacts,
} from './queries.js';
import { recordOutcome } from './record-outcome.js';
import {
  type FormState,
  HandlePage,
  IntroductionsPage,
  type PageNotice,
  staffIntroductionHref,
} from './views/introductions.js';
import { QUEUE_PATH, QueuePage } from './views/staff-pages.js';

/** One laureate's introductions: an object of one track. */
const ONE = { permission: 'support.manage', tracks: 'one' } as const;
const PATH = '/admin/accompagnement/laureats/:id/mises-en-relation';
const IntroParams = Type.Object({ id: Uuid, introId: Uuid });
const HandleQuery = Query({ contact: OptionalText(64), ok: OptionalText(20) });

const NOTICES: Record<string, { kind: PageNotice['kind']; message: (typeof m)[keyof typeof m] }> = {
  presentee: { kind: 'success', message: m.introducedDone },
  refusee: { kind: 'success', message: m.declinedDone },
  suite: { kind: 'success', message: m.outcomeSaved },
  traitee: { kind: 'warning', message: m.alreadyHandled },
};

function noticeOf(request: FastifyRequest, ok: string | undefined): PageNotice | undefined {
  const found = ok && Object.hasOwn(NOTICES, ok) ? NOTICES[ok] : undefined;
  return found ? { kind: found.kind, title: t(request.locale, found.message) } : undefined;
}

/** Staff's side: a laureate's introductions, handling a request (introduce or decline), outcomes, the queue. */
export async function staffIntroductionRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const showGrant = (request: FastifyRequest) => hasPermission(request.user, 'grants.manage');

  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    status: number,
    extra: { outcomeForm?: { id: string; form: FormState }; notice?: PageNotice } = {},
  ) {
    const ctx = await viewContext(request, reply);
    const introductions = space.plan ? await introductionsOf(db, { planIds: [space.plan.id] }) : [];
    return html(
      reply,
      status,
      <IntroductionsPage
        ctx={ctx}
        side="staff"
        space={space}
        showGrant={showGrant(request)}
        introductions={introductions}
        today={isoDateParis(services.clock.now())}
        {...extra}
      />,
    );
  }

  async function renderHandle(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    introduction: Introduction,
    status: number,
    extra: {
      chosenId?: string;
      mailForm?: FormState;
      declineForm?: FormState;
      outcomeForm?: { id: string; form: FormState };
      notice?: PageNotice;
    } = {},
  ) {
    const ctx = await viewContext(request, reply);
    const contacts =
      introduction.status === 'requested' ? await suggestedContacts(db, introduction.lever, introduction.request) : [];
    const chosen: Contact | null = contacts.find((c) => c.id === extra.chosenId) ?? null;
    const team = (await teamRecipients(db, space.application.id)).map((r) => r.email);
    let mailForm = extra.mailForm;
    if (chosen && !mailForm) {
      const draft = draftIntroductionMail({
        title: space.application.title,
        summary: space.application.summary,
        lever: introduction.lever,
        request: introduction.request,
        contact: chosen,
        team,
        staffName: request.user ? displayName(request.user) : '',
      });
      mailForm = { values: draft, errors: {} };
    }
    return html(
      reply,
      status,
      <HandlePage
        ctx={ctx}
        space={space}
        showGrant={showGrant(request)}
        introduction={introduction}
        contacts={contacts}
        chosen={chosen}
        recipients={chosen ? [chosen.email, ...team.filter((e) => e !== chosen.email.toLowerCase())] : team}
        mailForm={mailForm}
        declineForm={extra.declineForm}
        outcomeForm={extra.outcomeForm}
        notice={extra.notice}
        today={isoDateParis(services.clock.now())}
      />,
    );
  }

  /** The space and the introduction the URL names, within the staff member's tracks; else 404 sent. */
  async function load(
    request: FastifyRequest & { params: { id: string; introId: string } },
    reply: FastifyReply,
  ): Promise<{
    space: LaureateSpace & { plan: NonNullable<LaureateSpace['plan']> };
    introduction: Introduction;
  } | null> {
    const space = await spaceForStaff(services, request, reply);
    if (!space) return null;
    const introduction = space.plan ? await introductionOfPlan(db, space.plan.id, request.params.introId) : null;
    if (!space.plan || !introduction) {
      notFound(request, reply);
      return null;
    }
    return { space: { ...space, plan: space.plan }, introduction };
  }

  app.get(PATH, { config: ONE, schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) => {
    const space = await spaceForStaff(services, request, reply);
    if (!space) return reply;
    return renderList(request, reply, space, 200, { notice: noticeOf(request, request.query.ok) });
  });

  app.get(
    `${PATH}/:introId`,
    { config: ONE, schema: { params: IntroParams, querystring: HandleQuery } },
    async (request, reply) => {
      const loaded = await load(request, reply);
      if (!loaded) return reply;
      return renderHandle(request, reply, loaded.space, loaded.introduction, 200, {
        chosenId: request.query.contact,
        notice: noticeOf(request, request.query.ok),
      });
    },
  );

  app.post(`${PATH}/:introId/presenter`, { config: ONE, schema: { params: IntroParams } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { space, introduction } = loaded;
    const form = new FormReader(request.body);
    const contactId = form.text('contact_id', { required: true, max: 64 });
    const versionText = form.text('version', { max: 12 });
    const subject = form.text('subject', { required: true, max: 200 });
    const body = form.text('body', { required: true, max: 10_000 });
    if (!form.ok)
      return renderHandle(request, reply, space, introduction, 400, {
        chosenId: contactId,
        mailForm: { values: form.values, errors: form.errors },
      });
    const result = await makeIntroduction(services, actorOf(request), {
      applicationId: space.application.id,
      planId: space.plan.id,
      id: introduction.id,
      version: /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1,
      contactId: /^[0-9a-f-]{36}$/i.test(contactId) ? contactId : '00000000-0000-0000-0000-000000000000',
      subject,
      body,
    });
    if (result.ok)
      return reply.redirect(`${staffIntroductionHref(space.application.id, introduction.id)}?ok=presentee`, 303);
    if (result.problem === 'contact_gone')
      return renderHandle(request, reply, space, introduction, 409, {
        mailForm: { values: form.values, errors: { contact_id: { message: m.contactGone } } },
      });
    return reply.redirect(`${staffIntroductionHref(space.application.id, introduction.id)}?ok=traitee`, 303);
  });

  app.post(`${PATH}/:introId/refuser`, { config: ONE, schema: { params: IntroParams } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { space, introduction } = loaded;
    const form = new FormReader(request.body);
    const note = form.text('note', { required: true, max: 2000 });
    const versionText = form.text('version', { max: 12 });
    if (!form.ok)
      return renderHandle(request, reply, space, introduction, 400, {
        declineForm: { values: form.values, errors: form.errors },
      });
    const done = await declineIntroduction(services, actorOf(request), {
      applicationId: space.application.id,
      title: space.application.title,
      planId: space.plan.id,
      id: introduction.id,
      version: /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1,
      note,
    });
    return reply.redirect(
      `${staffIntroductionHref(space.application.id, introduction.id)}?ok=${done ? 'refusee' : 'traitee'}`,
      303,
    );
  });

  app.post(`${PATH}/:introId/suites`, { config: ONE, schema: { params: IntroParams } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { space, introduction } = loaded;
    const reading = readOutcome(request.body, introduction.id, services.clock.now());
    if (!reading.ok || introduction.status !== 'introduced') {
      if (introduction.status !== 'introduced') reading.form.errors.outcome ??= { message: m.notIntroduced };
      return renderHandle(request, reply, space, introduction, introduction.status !== 'introduced' ? 409 : 400, {
        outcomeForm: { id: introduction.id, form: reading.form },
      });
    }
    await recordOutcome(services, actorOf(request), {
      planId: space.plan.id,
      id: introduction.id,
      ...reading.input,
      side: 'staff',
    });
    return reply.redirect(`${staffIntroductionHref(space.application.id, introduction.id)}?ok=suite`, 303);
  });

  app.get(QUEUE_PATH, { config: { permission: 'support.manage', tracks: 'filtered' } }, async (request, reply) => {
    const tracks = tracksOf(request);
    const requests = await openRequests(db, tracks);
    const spaces = await laureateSpaces(db, {
      applicationIds: [...new Set(requests.map((r) => r.applicationId))],
      tracks,
    });
    const titles = new Map(spaces.map((s) => [s.application.id, s.application.title]));
    const rows = requests
      .filter((r) => titles.has(r.applicationId))
      .map((r) => ({ ...r, title: titles.get(r.applicationId) ?? '' }));
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <QueuePage ctx={ctx} rows={rows} />);
  });
}

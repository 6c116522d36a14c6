import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, Uuid } from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import type { LaureateSpace } from '../laureate-space.js';
import { spaceForTeam } from '../policy.js';
import { spaceHref } from '../views/space-layout.js';
import { introductionMessages as m } from './messages.js';
import { readOutcome } from './outcome-form.js';
import { introductionOfPlan, introductionsOf } from './queries.js';
import { recordOutcome } from './record-outcome.js';
import { requestIntroduction } from './request-introduction.js';
import { type FormState, IntroductionsPage, type PageNotice } from './views/introductions.js';
import { withdrawIntroduction } from './withdraw-introduction.js';

const TEAM = { permission: 'signed-in' } as const;
const IntroParams = Type.Object({ id: Uuid, introId: Uuid });
const PATH = '/espace-laureat/:id/mises-en-relation';

/** The team's side: ask for an introduction, see what came of it, record outcomes, withdraw a waiting request. */
export async function teamIntroductionRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    status: number,
    extra: { requestForm?: FormState; outcomeForm?: { id: string; form: FormState }; notice?: PageNotice } = {},
  ) {
    const ctx = await viewContext(request, reply);
    const introductions = space.plan ? await introductionsOf(db, { planIds: [space.plan.id] }) : [];
    return html(
      reply,
      status,
      <IntroductionsPage
        ctx={ctx}
        side="team"
        space={space}
        showGrant
        introductions={introductions}
        today={isoDateParis(services.clock.now())}
        {...extra}
      />,
    );
  }

  const notices: Record<string, { kind: PageNotice['kind']; message: (typeof m)[keyof typeof m] }> = {
    demande: { kind: 'success', message: m.requested },
    retiree: { kind: 'success', message: m.withdrawn },
    suite: { kind: 'success', message: m.outcomeSaved },
    traitee: { kind: 'warning', message: m.notWithdrawable },
  };

  app.get(PATH, { config: TEAM, schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) => {
    const space = await spaceForTeam(services, request, reply);
    if (!space) return reply;
    const key = request.query.ok ?? '';
    const found = Object.hasOwn(notices, key) ? notices[key] : undefined;
    return render(request, reply, space, 200, {
      notice: found ? { kind: found.kind, title: t(request.locale, found.message) } : undefined,
    });
  });

  app.post(PATH, { config: TEAM, schema: { params: IdParams } }, async (request, reply) => {
    const space = await spaceForTeam(services, request, reply);
    if (!space) return reply;
    if (!space.plan) return render(request, reply, space, 409);
    const form = new FormReader(request.body);
    const lever = form.choice(
      'lever',
      SUPPORT_LEVERS.map((l) => l.code),
      { required: true },
    );
    const text = form.text('request', { required: true, max: 2000 });
    if (!form.ok || !lever)
      return render(request, reply, space, 400, { requestForm: { values: form.values, errors: form.errors } });
    await requestIntroduction(services, actorOf(request), { planId: space.plan.id, lever, request: text });
    return reply.redirect(`${spaceHref('team', space.application.id, 'introductions')}?ok=demande`, 303);
  });

  app.post(`${PATH}/:introId/retirer`, { config: TEAM, schema: { params: IntroParams } }, async (request, reply) => {
    const space = await spaceForTeam(services, request, reply);
    if (!space) return reply;
    const introduction = space.plan ? await introductionOfPlan(db, space.plan.id, request.params.introId) : null;
    if (!space.plan || !introduction) return notFound(request, reply);
    const done = await withdrawIntroduction(services, actorOf(request), { planId: space.plan.id, id: introduction.id });
    return reply.redirect(
      `${spaceHref('team', space.application.id, 'introductions')}?ok=${done ? 'retiree' : 'traitee'}`,
      303,
    );
  });

  app.post(`${PATH}/:introId/suites`, { config: TEAM, schema: { params: IntroParams } }, async (request, reply) => {
    const space = await spaceForTeam(services, request, reply);
    if (!space) return reply;
    const introduction = space.plan ? await introductionOfPlan(db, space.plan.id, request.params.introId) : null;
    if (!space.plan || !introduction) return notFound(request, reply);
    const reading = readOutcome(request.body, introduction.id, services.clock.now());
    if (!reading.ok || introduction.status !== 'introduced') {
      if (introduction.status !== 'introduced') reading.form.errors.outcome ??= { message: m.notIntroduced };
      return render(request, reply, space, introduction.status !== 'introduced' ? 409 : 400, {
        outcomeForm: { id: introduction.id, form: reading.form },
      });
    }
    await recordOutcome(services, actorOf(request), {
      planId: space.plan.id,
      id: introduction.id,
      ...reading.input,
      side: 'team',
    });
    return reply.redirect(
      `${spaceHref('team', space.application.id, 'introductions')}?ok=suite#intro-${introduction.id}`,
      303,
    );
  });
}

import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission } from '../../../core/auth/permissions.js';
import { FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, Uuid } from '../../../core/http/route-schemas.js';
import { isoDateParis, type Message, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { seasonSummariesById } from '../../seasons/index.js';
import type { LaureateSpace } from '../laureate-space.js';
import { laureateSpaces } from '../laureate-space.js';
import { spaceForStaff } from '../policy.js';
import { spaceHref } from '../views/space-layout.js';
import { createPlan } from './create-plan.js';
import { deleteTemplate } from './delete-template.js';
import { sendDeliverableFile } from './download.js';
import { planMessages as m } from './messages.js';
import {
  type FormValues,
  PLAN_STATUSES,
  planFormValues,
  readHours,
  readInteger,
  readNeedsAndActions,
  readPeriod,
} from './plan-form.js';
import {
  deliverableFileOfApplication,
  milestoneOfApplication,
  type PlanTemplate,
  planProgress,
  templateOfSeason,
  templatesOfSeason,
} from './queries.js';
import { removeMilestone } from './remove-milestone.js';
import { reviewMilestone } from './review-milestone.js';
import { saveMilestone } from './save-milestone.js';
import { saveTemplate } from './save-template.js';
import { startMilestone } from './start-milestone.js';
import { planPageData } from './team-routes.js';
import type { TemplateContent } from './templates.js';
import { updatePlan } from './update-plan.js';
import { PortfolioPage, SeasonsPage, TemplatesPage } from './views/lists.js';
import { type MilestoneForm, MilestonesPage } from './views/milestones.js';
import { OverviewPage } from './views/overview.js';
import { CreatePlanForm, EditPlanForm, type FormState } from './views/plan-forms.js';

const MilestoneParams = Type.Object({ id: Uuid, milestoneId: Uuid });
const DeliverableParams = Type.Object({ id: Uuid, deliverableId: Uuid });
const TemplateParams = Type.Object({ id: Uuid, templateId: Uuid });

type Notice = { kind: 'success' | 'error'; title: string };
const NOTICES: Record<string, Message> = {
  cree: m.created,
  enregistre: m.saved,
  retire: m.removed,
  examine: m.reviewed,
  supprime: m.templateDeleted,
};
function noticeOf(request: FastifyRequest & { query: { ok?: string } }): Notice | undefined {
  const ok = request.query.ok;
  return ok && Object.hasOwn(NOTICES, ok) ? { kind: 'success', title: t(request.locale, NOTICES[ok]!) } : undefined;
}

function templateFormValues(template: PlanTemplate): FormValues {
  const values: FormValues = { name: template.name };
  for (const n of template.content.needs) values[`goals_${n.need}`] = n.goals;
  template.content.actions.forEach((a, i) => {
    Object.assign(values, {
      [`action_${i}_text`]: a.action,
      [`action_${i}_lever`]: a.lever,
      [`action_${i}_need`]: a.need ?? '',
      [`action_${i}_kind`]: a.responsibleKind,
      [`action_${i}_name`]: a.responsibleName,
    });
  });
  template.content.milestones.forEach((x, i) => {
    Object.assign(values, {
      [`milestone_${i}_title`]: x.title,
      [`milestone_${i}_description`]: x.description,
      [`milestone_${i}_days`]: String(x.dueAfterDays),
      [`milestone_${i}_weight`]: String(x.weight),
    });
  });
  return values;
}

function readTemplateForm(form: FormReader, body: unknown): { name: string; content: TemplateContent } {
  const name = form.text('name', { required: true, max: 200 });
  const { needs, actions } = readNeedsAndActions(form, body);
  const milestones: TemplateContent['milestones'] = [];
  const fields = body && typeof body === 'object' ? Object.keys(body as object) : [];
  const rows = [
    ...new Set(fields.map((f) => /^milestone_(\d{1,2})_title$/.exec(f)?.[1]).filter((x): x is string => !!x)),
  ];
  for (const i of rows.map(Number).sort((a, b) => a - b)) {
    const p = `milestone_${i}`;
    const title = form.text(`${p}_title`, { max: 200 });
    const description = form.text(`${p}_description`, { max: 4000 });
    if (!title) {
      form.text(`${p}_days`, { max: 6 });
      form.text(`${p}_weight`, { max: 6 });
      continue;
    }
    const days = readInteger(form, `${p}_days`, 0, 400, m.dueAfterError);
    const weight = readInteger(form, `${p}_weight`, 1, 100);
    if (days !== null && weight !== null) milestones.push({ title, description, dueAfterDays: days, weight });
  }
  return {
    name,
    content: { needs, actions: actions.map(({ status: _status, ...a }) => a), milestones },
  };
}

/** The staff's side: the portfolio, the follow-up of each laureate, its milestones, the season's templates. */
export async function staffPlanRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const one = { permission: 'support.manage' as const, tracks: 'one' as const };
  const showGrant = (request: FastifyRequest) => hasPermission(request.user, 'grants.manage');

  app.get(
    '/admin/accompagnement',
    { config: { permission: 'support.manage', tracks: 'filtered' }, schema: { querystring: NoticeQuery } },
    async (request, reply) => {
      const spaces = await laureateSpaces(db, { tracks: tracksOf(request) });
      const counts = new Map<string, number>();
      for (const s of spaces) counts.set(s.laureate.seasonId, (counts.get(s.laureate.seasonId) ?? 0) + 1);
      const summaries = await seasonSummariesById(db, [...counts.keys()]);
      const seasons = [...summaries.values()]
        .sort((a, b) => b.number - a.number)
        .map((s) => ({
          id: s.id,
          name: request.locale === 'en' ? s.nameEn || s.name : s.name,
          laureates: counts.get(s.id) ?? 0,
        }));
      return html(reply, 200, <SeasonsPage ctx={await viewContext(request, reply)} seasons={seasons} />);
    },
  );

  async function seasonOf(request: FastifyRequest, id: string) {
    const season = (await seasonSummariesById(db, [id])).get(id);
    return season
      ? { id: season.id, name: request.locale === 'en' ? season.nameEn || season.name : season.name }
      : null;
  }

  app.get(
    '/admin/accompagnement/saisons/:id',
    { config: { permission: 'support.manage', tracks: 'filtered' }, schema: { params: IdParams } },
    async (request, reply) => {
      const season = await seasonOf(request, request.params.id);
      if (!season) return notFound(request, reply);
      const spaces = await laureateSpaces(db, { seasonId: season.id, tracks: tracksOf(request) });
      const progress = await planProgress(
        db,
        spaces.map((s) => s.application.id),
        isoDateParis(services.clock.now()),
      );
      return html(
        reply,
        200,
        <PortfolioPage
          ctx={await viewContext(request, reply)}
          season={season}
          spaces={spaces}
          progress={progress}
          trackNames={new Map()}
        />,
      );
    },
  );

  // The follow-up: the plan, its creation and its edition.
  async function renderFollowUp(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    status: number,
    forms: { create?: FormState; edit?: FormState; notice?: Notice } = {},
  ) {
    const data = await planPageData(services, space);
    const ctx = await viewContext(request, reply);
    const base = spaceHref('staff', space.application.id);
    const templates = data.plan ? [] : await templatesOfSeason(db, space.application.seasonId);
    return html(
      reply,
      status,
      <OverviewPage
        ctx={ctx}
        side="staff"
        space={space}
        data={data}
        showGrant={showGrant(request)}
        notice={forms.notice}
      >
        {data.plan ? (
          <EditPlanForm
            ctx={ctx}
            action={base}
            form={forms.edit ?? { values: planFormValues(data.plan), errors: {} }}
          />
        ) : (
          <CreatePlanForm
            ctx={ctx}
            action={`${base}/plan`}
            templates={templates}
            form={forms.create ?? { values: {}, errors: {} }}
          />
        )}
      </OverviewPage>,
    );
  }

  app.get(
    '/admin/accompagnement/laureats/:id',
    { config: one, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      return renderFollowUp(request, reply, space, 200, { notice: noticeOf(request) });
    },
  );

  app.post(
    '/admin/accompagnement/laureats/:id/plan',
    { config: one, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const form = new FormReader(request.body);
      const template = form.text('template', { max: 40 });
      const period = readPeriod(form);
      const again = (status: number) =>
        renderFollowUp(request, reply, space, status, { create: { values: form.values, errors: form.errors } });
      if (!form.ok || !period) return again(400);
      const result = await createPlan(services, actorOf(request), {
        space,
        ...period,
        templateId: template && template !== 'blank' ? template : null,
      });
      if (!result.ok) {
        if (result.problem === 'exists')
          return renderFollowUp(request, reply, space, 409, {
            notice: { kind: 'error', title: t(request.locale, m.planExists) },
          });
        form.fail(
          result.problem === 'period' ? 'ends_on' : 'template',
          result.problem === 'period' ? m.periodError : m.formError,
        );
        return again(400);
      }
      return reply.redirect(`${spaceHref('staff', space.application.id)}?ok=cree`, 303);
    },
  );

  app.post(
    '/admin/accompagnement/laureats/:id',
    { config: one, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space?.plan) return space ? notFound(request, reply) : reply;
      const form = new FormReader(request.body);
      const version = Number(form.text('version', { max: 12 }));
      const period = readPeriod(form);
      const allocatedMinutes = readHours(form);
      const status = form.choice('status', PLAN_STATUSES, { required: true });
      const progressPublic = form.checkbox('progress_public');
      const { needs, actions } = readNeedsAndActions(form, request.body);
      const again = (code: number, notice?: Notice) =>
        renderFollowUp(request, reply, space, code, { edit: { values: form.values, errors: form.errors }, notice });
      if (!form.ok || !period || !status) return again(400);
      const result = await updatePlan(services, actorOf(request), space.plan.id, version, {
        ...period,
        allocatedMinutes,
        status,
        progressPublic,
        needs,
        actions,
      });
      if (!result.ok) {
        if (result.problem === 'conflict')
          return renderFollowUp(request, reply, space, 409, {
            notice: { kind: 'error', title: t(request.locale, m.conflict) },
          });
        if (result.problem === 'status') form.fail('status', m.statusBack);
        else form.fail('ends_on', m.periodError);
        return again(400);
      }
      return reply.redirect(`${spaceHref('staff', space.application.id)}?ok=enregistre`, 303);
    },
  );

  // Milestones.
  async function renderMilestones(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    status: number,
    extra: { form?: MilestoneForm; notice?: Notice } = {},
  ) {
    const data = await planPageData(services, space);
    return html(
      reply,
      status,
      <MilestonesPage
        ctx={await viewContext(request, reply)}
        side="staff"
        space={space}
        data={{ ...data, hasPlan: data.plan !== null }}
        showGrant={showGrant(request)}
        {...extra}
      />,
    );
  }

  app.get(
    '/admin/accompagnement/laureats/:id/jalons',
    { config: one, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      return renderMilestones(request, reply, space, 200, { notice: noticeOf(request) });
    },
  );

  function readMilestone(form: FormReader, suffix: string) {
    const title = form.text(`title-${suffix}`, { required: true, max: 200 });
    const description = form.text(`description-${suffix}`, { max: 4000 });
    const dueOn = form.date(`due-${suffix}`, { required: true });
    const weight = readInteger(form, `weight-${suffix}`, 1, 100);
    return form.ok && dueOn && weight !== null ? { title, description, dueOn, weight } : null;
  }

  const backToMilestones = (reply: FastifyReply, space: LaureateSpace, ok: string) =>
    reply.redirect(`${spaceHref('staff', space.application.id, 'milestones')}?ok=${ok}`, 303);

  app.post(
    '/admin/accompagnement/laureats/:id/jalons',
    { config: one, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space?.plan) return space ? notFound(request, reply) : reply;
      const form = new FormReader(request.body);
      const milestone = readMilestone(form, 'new');
      if (!milestone)
        return renderMilestones(request, reply, space, 400, {
          form: { target: 'new', values: form.values, errors: form.errors },
        });
      await saveMilestone(services, actorOf(request), { planId: space.plan.id, milestoneId: null, milestone });
      return backToMilestones(reply, space, 'enregistre');
    },
  );

  app.post(
    '/admin/accompagnement/laureats/:id/jalons/:milestoneId',
    { config: one, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space?.plan) return space ? notFound(request, reply) : reply;
      const current = await milestoneOfApplication(db, space.application.id, request.params.milestoneId);
      if (!current) return notFound(request, reply);
      const form = new FormReader(request.body);
      const version = Number(form.text('version', { max: 12 }));
      const milestone = readMilestone(form, current.id);
      if (!milestone)
        return renderMilestones(request, reply, space, 400, {
          form: { target: current.id, values: form.values, errors: form.errors },
        });
      const result = await saveMilestone(services, actorOf(request), {
        planId: space.plan.id,
        milestoneId: current.id,
        version,
        milestone,
      });
      if (!result.ok)
        return renderMilestones(request, reply, space, 409, {
          notice: { kind: 'error', title: t(request.locale, m.conflict) },
        });
      return backToMilestones(reply, space, 'enregistre');
    },
  );

  app.post(
    '/admin/accompagnement/laureats/:id/jalons/:milestoneId/retirer',
    { config: one, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space?.plan) return space ? notFound(request, reply) : reply;
      const result = await removeMilestone(services, actorOf(request), {
        planId: space.plan.id,
        milestoneId: request.params.milestoneId,
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        return renderMilestones(request, reply, space, 409, {
          notice: {
            kind: 'error',
            title: t(request.locale, result.problem === 'tranche_waits' ? m.trancheWaits : m.hasDeliverables),
          },
        });
      }
      return backToMilestones(reply, space, 'retire');
    },
  );

  app.post(
    '/admin/accompagnement/laureats/:id/jalons/:milestoneId/en-cours',
    { config: one, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space?.plan) return space ? notFound(request, reply) : reply;
      const current = await milestoneOfApplication(db, space.application.id, request.params.milestoneId);
      if (!current) return notFound(request, reply);
      await startMilestone(services, actorOf(request), { planId: space.plan.id, milestoneId: current.id });
      return backToMilestones(reply, space, 'enregistre');
    },
  );

  app.post(
    '/admin/accompagnement/laureats/:id/jalons/:milestoneId/examen',
    { config: one, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const current = await milestoneOfApplication(db, space.application.id, request.params.milestoneId);
      if (!current) return notFound(request, reply);
      const form = new FormReader(request.body);
      const verdict = form.choice('verdict', ['validate', 'return'] as const, { required: true });
      const field = `comment-${current.id}`;
      const comment = form.text(field, { max: 4000 });
      if (verdict === 'return' && !comment) form.fail(field, m.commentRequired);
      const again = (status: number, notice?: Notice) =>
        renderMilestones(request, reply, space, status, {
          form: { target: current.id, values: { ...form.values, op: 'review' }, errors: form.errors },
          notice,
        });
      if (!form.ok || !verdict) return again(400);
      const result = await reviewMilestone(services, actorOf(request), {
        applicationId: space.application.id,
        milestoneId: current.id,
        verdict,
        comment,
      });
      if (!result.ok) {
        if (result.problem === 'comment_required') {
          form.fail(field, m.commentRequired);
          return again(400);
        }
        return again(409, { kind: 'error', title: t(request.locale, m.notSubmitted) });
      }
      return backToMilestones(reply, space, 'examine');
    },
  );

  app.get(
    '/admin/accompagnement/laureats/:id/livrables/:deliverableId',
    { config: one, schema: { params: DeliverableParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const fileId = await deliverableFileOfApplication(db, space.application.id, request.params.deliverableId);
      if (!fileId) return notFound(request, reply);
      return sendDeliverableFile(request, reply, services, fileId);
    },
  );

  // The season's plan templates: read by any support staff, changed by those with every track (a template serves them all).
  async function renderTemplates(
    request: FastifyRequest,
    reply: FastifyReply,
    season: { id: string; name: string },
    editing: PlanTemplate | null,
    status: number,
    form?: FormState,
    notice?: Notice,
  ) {
    const templates = await templatesOfSeason(db, season.id);
    return html(
      reply,
      status,
      <TemplatesPage
        ctx={await viewContext(request, reply)}
        season={season}
        templates={templates}
        editing={editing}
        form={form ?? { values: editing ? templateFormValues(editing) : {}, errors: {} }}
        notice={notice}
      />,
    );
  }

  app.get(
    '/admin/accompagnement/saisons/:id/modeles',
    {
      config: { permission: 'support.manage', tracks: 'none' },
      schema: { params: IdParams, querystring: NoticeQuery },
    },
    async (request, reply) => {
      const season = await seasonOf(request, request.params.id);
      if (!season) return notFound(request, reply);
      return renderTemplates(request, reply, season, null, 200, undefined, noticeOf(request));
    },
  );

  app.get(
    '/admin/accompagnement/saisons/:id/modeles/:templateId',
    { config: { permission: 'support.manage', tracks: 'none' }, schema: { params: TemplateParams } },
    async (request, reply) => {
      const season = await seasonOf(request, request.params.id);
      const template = season ? await templateOfSeason(db, season.id, request.params.templateId) : null;
      if (!season || !template) return notFound(request, reply);
      return renderTemplates(request, reply, season, template, 200);
    },
  );

  async function postTemplate(
    request: FastifyRequest & { params: { id: string; templateId?: string } },
    reply: FastifyReply,
  ) {
    const season = await seasonOf(request, request.params.id);
    const editing =
      season && request.params.templateId ? await templateOfSeason(db, season.id, request.params.templateId) : null;
    if (!season || (request.params.templateId && !editing)) return notFound(request, reply);
    const form = new FormReader(request.body);
    const { name, content } = readTemplateForm(form, request.body);
    if (!form.ok)
      return renderTemplates(request, reply, season, editing, 400, { values: form.values, errors: form.errors });
    const result = await saveTemplate(services, actorOf(request), {
      seasonId: season.id,
      templateId: editing?.id ?? null,
      name,
      content,
    });
    if (!result.ok) {
      if (result.problem === 'not_found') return notFound(request, reply);
      form.fail('name', m.nameTaken);
      return renderTemplates(request, reply, season, editing, 409, { values: form.values, errors: form.errors });
    }
    return reply.redirect(`/admin/accompagnement/saisons/${season.id}/modeles?ok=enregistre`, 303);
  }

  app.post(
    '/admin/accompagnement/saisons/:id/modeles',
    { config: { permission: 'support.manage', allTracks: true }, schema: { params: IdParams } },
    (request, reply) => postTemplate(request, reply),
  );
  app.post(
    '/admin/accompagnement/saisons/:id/modeles/:templateId',
    { config: { permission: 'support.manage', allTracks: true }, schema: { params: TemplateParams } },
    (request, reply) => postTemplate(request, reply),
  );
  app.post(
    '/admin/accompagnement/saisons/:id/modeles/:templateId/supprimer',
    { config: { permission: 'support.manage', allTracks: true }, schema: { params: TemplateParams } },
    async (request, reply) => {
      const season = await seasonOf(request, request.params.id);
      if (!season) return notFound(request, reply);
      const deleted = await deleteTemplate(services, actorOf(request), {
        seasonId: season.id,
        templateId: request.params.templateId,
      });
      if (!deleted) return notFound(request, reply);
      return reply.redirect(`/admin/accompagnement/saisons/${season.id}/modeles?ok=supprime`, 303);
    },
  );
}

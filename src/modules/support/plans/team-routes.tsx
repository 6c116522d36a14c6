import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { FormReader, formMessages } from '../../../core/http/forms.js';
import { BAD_CHARACTERS } from '../../../core/http/input-rules.js';
import { readMultipartForm } from '../../../core/http/multipart.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, Uuid } from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { applicationIdsOfMember } from '../../applications/index.js';
import { type LaureateSpace, laureateSpaces } from '../laureate-space.js';
import { spaceForTeam } from '../policy.js';
import { spaceHref } from '../views/space-layout.js';
import { sendDeliverableFile } from './download.js';
import { planMessages as m } from './messages.js';
import { progressOf } from './progress.js';
import {
  deliverableFileOfApplication,
  deliverablesOfPlan,
  milestoneOfApplication,
  milestonesOfPlan,
  planOfApplication,
} from './queries.js';
import { MAX_DELIVERABLE_BYTES, submitDeliverable } from './submit-deliverable.js';
import { TeamHomePage } from './views/lists.js';
import { type MilestoneForm, MilestonesPage } from './views/milestones.js';
import { OverviewPage } from './views/overview.js';

const MilestoneParams = Type.Object({ id: Uuid, milestoneId: Uuid });
const DeliverableParams = Type.Object({ id: Uuid, deliverableId: Uuid });
const FIELDS_BYTES = 256 * 1024;

/** What both sides' overview and milestone pages read. */
export async function planPageData(services: Services, space: LaureateSpace) {
  const today = isoDateParis(services.clock.now());
  const plan = await planOfApplication(services.db, space.application.id);
  const milestones = plan ? await milestonesOfPlan(services.db, plan.id) : [];
  const deliverables = plan ? await deliverablesOfPlan(services.db, plan.id) : new Map();
  return { plan, milestones, deliverables, progress: progressOf(milestones), today };
}

/** The team's side: its spaces, the plan's overview, the milestones and the deliverables. */
export async function teamPlanRoutes(app: App, services: Services): Promise<void> {
  const config = { permission: 'signed-in' as const };

  app.get('/espace-laureat', { config, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const ids = await applicationIdsOfMember(services.db, request.user!);
    const spaces = ids.length > 0 ? await laureateSpaces(services.db, { applicationIds: ids }) : [];
    return html(reply, 200, <TeamHomePage ctx={await viewContext(request, reply)} spaces={spaces} />);
  });

  app.get(
    '/espace-laureat/:id',
    { config, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForTeam(services, request, reply);
      if (!space) return reply;
      const data = await planPageData(services, space);
      return html(
        reply,
        200,
        <OverviewPage ctx={await viewContext(request, reply)} side="team" space={space} data={data} showGrant />,
      );
    },
  );

  async function renderMilestones(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    status: number,
    extra: { form?: MilestoneForm; notice?: { kind: 'success' | 'error'; title: string } } = {},
  ) {
    const data = await planPageData(services, space);
    return html(
      reply,
      status,
      <MilestonesPage
        ctx={await viewContext(request, reply)}
        side="team"
        space={space}
        data={{ ...data, hasPlan: data.plan !== null }}
        showGrant
        {...extra}
      />,
    );
  }

  app.get(
    '/espace-laureat/:id/jalons',
    { config, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForTeam(services, request, reply);
      if (!space) return reply;
      const notice =
        request.query.ok === 'remis' ? { kind: 'success' as const, title: t(request.locale, m.submitted) } : undefined;
      return renderMilestones(request, reply, space, 200, { notice });
    },
  );

  app.post(
    '/espace-laureat/:id/jalons/:milestoneId/livrable',
    { config, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const space = await spaceForTeam(services, request, reply);
      if (!space) return reply;
      const milestone = await milestoneOfApplication(services.db, space.application.id, request.params.milestoneId);
      if (!milestone) return notFound(request, reply);
      const id = milestone.id;
      const k = (f: string) => `${f}-${id}`;
      const fields: Record<string, string> = {};
      let file: { data: Buffer; name: string } | undefined;
      let tooLarge = false;
      let badField: string | null = null;
      if (request.isMultipart()) {
        // Read only now, the team and the milestone checked: one file, streamed within its limit.
        try {
          const form = await readMultipartForm(request, {
            maxFileBytes: (field) => (field === k('file') ? MAX_DELIVERABLE_BYTES : 0),
            quota: () => ({ files: 1, bytes: MAX_DELIVERABLE_BYTES }),
            bodyBytes: MAX_DELIVERABLE_BYTES + FIELDS_BYTES,
            afterRefusalBytes: FIELDS_BYTES,
          });
          for (const [name, value] of Object.entries(form.fields)) if (typeof value === 'string') fields[name] = value;
          const sent = form.files.find((f) => f.field === k('file'));
          if (sent) file = { data: sent.data, name: sent.name };
          tooLarge = form.refusal !== null;
        } catch (error) {
          // A field with a NUL byte or a lone surrogate stops the read: the form comes back with that field
          // named (what came after it was never read).
          if (!(error instanceof HttpError) || error.code !== BAD_CHARACTERS) throw error;
          badField = [k('url'), k('note'), k('kind')].includes(error.message) ? error.message : k('note');
        }
      } else if (request.body && typeof request.body === 'object') {
        for (const [name, value] of Object.entries(request.body as Record<string, unknown>))
          if (typeof value === 'string') fields[name] = value;
      }
      const form = new FormReader(fields);
      const kind = form.choice(k('kind'), ['file', 'link'] as const) ?? 'file';
      const url = form.text(k('url'), { max: 2000 });
      const note = form.text(k('note'), { max: 4000 });
      if (badField) form.fail(badField, formMessages.badCharacters);
      const again = (status: number) =>
        renderMilestones(request, reply, space, status, {
          form: { target: id, values: { ...form.values, [k('kind')]: kind }, errors: form.errors },
        });
      if (kind === 'file') {
        if (tooLarge) form.fail(k('file'), m.fileTooLarge);
        else if (!file || file.data.length === 0) form.fail(k('file'), m.fileRequired);
      } else if (!/^https:\/\/[^\s/]+\.[^\s]+$/i.test(url) || url.length > 2000) form.fail(k('url'), m.httpsOnly);
      if (!form.ok) return again(tooLarge ? 413 : 400);
      const result = await submitDeliverable(services, actorOf(request), {
        applicationId: space.application.id,
        milestoneId: id,
        deliverable: kind === 'file' ? { kind, data: file!.data, name: file!.name, note } : { kind, url, note },
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'not_open') {
          form.fail(k('kind'), m.notOpen);
          return again(409);
        }
        form.fail(
          k('file'),
          result.problem === 'too_large' ? m.fileTooLarge : result.problem === 'type' ? m.fileType : m.fileRequired,
        );
        return again(result.problem === 'too_large' ? 413 : 400);
      }
      return reply.redirect(`${spaceHref('team', space.application.id, 'milestones')}?ok=remis`, 303);
    },
  );

  app.get(
    '/espace-laureat/:id/livrables/:deliverableId',
    { config, schema: { params: DeliverableParams } },
    async (request, reply) => {
      const space = await spaceForTeam(services, request, reply);
      if (!space) return reply;
      const fileId = await deliverableFileOfApplication(
        services.db,
        space.application.id,
        request.params.deliverableId,
      );
      if (!fileId) return notFound(request, reply);
      return sendDeliverableFile(request, reply, services, fileId);
    },
  );
}

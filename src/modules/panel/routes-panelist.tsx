import type { FastifyInstance, FastifyRequest } from 'fastify';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { t } from '../../core/i18n/i18n.js';
import { isUuid } from '../../core/ids.js';
import type { Services } from '../../core/services.js';
import { loadApplicationForScoring } from '../applications/index.js';
import { panelMessages as m } from './messages.js';
import {
  opinionsOf,
  panelistMemberships,
  readOpinionForm,
  saveOpinion,
  shortlistIds,
  shortlistWithLabels,
} from './opinions.js';
import { loadPanel } from './queries.js';
import { PanelistApplicationPage, PanelistHomePage, type PanelistPanelView } from './views/panelist.js';

type AppParams = { Params: { id: string; applicationId: string } };

/** The panel, the member and the shortlisted application named in the URL, for the signed-in panelist. */
async function panelistContext(services: Services, request: FastifyRequest<AppParams>) {
  const { id, applicationId } = request.params;
  if (!request.user || !isUuid(id) || !isUuid(applicationId)) return undefined;
  const membership = (await panelistMemberships(services.db, request.user.id)).find((mb) => mb.panelId === id);
  if (!membership) return undefined;
  if (!(await shortlistIds(services.db, id)).includes(applicationId)) return undefined;
  const panel = await loadPanel(services.db, id);
  // Read as an outside expert reads it: submitted answers, no email answers, no files, no contact details.
  const application = await loadApplicationForScoring(services.db, applicationId, { blind: false });
  if (!panel || !application) return undefined;
  return { panel, memberId: membership.memberId, application };
}

export async function panelistRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/panel', { config: { permission: 'panel.participate' } }, async (request, reply) => {
    const memberships = await panelistMemberships(services.db, request.user!.id);
    const panels: PanelistPanelView[] = [];
    for (const { memberId, panelId } of memberships) {
      const panel = await loadPanel(services.db, panelId);
      if (!panel) continue;
      const given = await opinionsOf(services.db, memberId);
      panels.push({
        panel,
        applications: (await shortlistWithLabels(services.db, panelId)).map((a) => ({ ...a, given: given.has(a.id) })),
      });
    }
    return html(reply, 200, <PanelistHomePage ctx={await viewContext(request, reply)} panels={panels} />);
  });

  app.get<AppParams>(
    '/panel/:id/candidatures/:applicationId',
    { config: { permission: 'panel.participate' } },
    async (request, reply) => {
      const found = await panelistContext(services, request);
      if (!found) return notFound(request, reply);
      const { panel, memberId, application } = found;
      const mine = (await opinionsOf(services.db, memberId)).get(application.id);
      const values: Record<string, string> = { panel_comment: mine?.comment ?? '' };
      for (const [code, score] of Object.entries(mine?.scores ?? {})) values[`score_${code}`] = String(score);
      const saved = (request.query as Record<string, string | undefined>).ok === 'avis';
      return html(
        reply,
        200,
        <PanelistApplicationPage
          ctx={await viewContext(request, reply)}
          panel={panel}
          application={application}
          values={values}
          errors={{}}
          notice={saved ? t(request.locale, m.opinionSaved) : undefined}
          ended={services.clock.now() > panel.endsAt}
        />,
      );
    },
  );

  app.post<AppParams>(
    '/panel/:id/candidatures/:applicationId',
    { config: { permission: 'panel.participate' } },
    async (request, reply) => {
      const found = await panelistContext(services, request);
      if (!found) return notFound(request, reply);
      const { panel, memberId, application } = found;
      const { form, scores, comment } = readOpinionForm(request.body, panel.criteria);
      if (form.ok) {
        const result = await saveOpinion(services, actorOf(request), {
          panel,
          memberId,
          applicationId: application.id,
          scores,
          comment,
        });
        if (result.ok) return reply.redirect(`/panel/${panel.id}/candidatures/${application.id}?ok=avis`, 303);
      }
      return html(
        reply,
        form.ok ? 409 : 400,
        <PanelistApplicationPage
          ctx={await viewContext(request, reply)}
          panel={panel}
          application={application}
          values={form.values}
          errors={form.errors}
          ended={services.clock.now() > panel.endsAt}
        />,
      );
    },
  );
}

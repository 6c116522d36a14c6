import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import type { App } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { panelMessages as m } from './messages.js';
import { opinionsOf, panelistMemberships, readOpinionForm, saveOpinion, shortlistWithLabels } from './opinions.js';
import { loadShortlistedApplicationFor } from './policy.js';
import { loadPanel } from './queries.js';
import { NoticeQuery, ShortlistParams } from './schemas.js';
import { PanelistApplicationPage, PanelistHomePage, type PanelistPanelView } from './views/panelist.js';

/** The signed-in panelist's pages (panel.participate): their panels' shortlists and their opinions. */
export async function panelistRoutes(app: App, services: Services): Promise<void> {
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

  app.get(
    '/panel/:id/candidatures/:applicationId',
    { schema: { params: ShortlistParams, querystring: NoticeQuery }, config: { permission: 'panel.participate' } },
    async (request, reply) => {
      const found = await loadShortlistedApplicationFor(services, request, request.params);
      if (!found) return notFound(request, reply);
      const { panel, memberId, application } = found;
      const mine = (await opinionsOf(services.db, memberId)).get(application.id);
      const values: Record<string, string> = { panel_comment: mine?.comment ?? '' };
      for (const [code, score] of Object.entries(mine?.scores ?? {})) values[`score_${code}`] = String(score);
      const saved = request.query.ok === 'avis';
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

  app.post(
    '/panel/:id/candidatures/:applicationId',
    { schema: { params: ShortlistParams }, config: { permission: 'panel.participate' } },
    async (request, reply) => {
      const found = await loadShortlistedApplicationFor(services, request, request.params);
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

import { FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { loadSeasonFor, loadStaffPhaseFor } from './policy.js';
import { listPhases, readPhaseForm, savePhase } from './save-phase.js';
import { NoticeQuery, notice, PhaseParams } from './schemas.js';
import { PhaseEditPage, PhasesPage, phaseFormValues } from './views/phases.js';
import { juryPath } from './views/staff-shell.js';

/** Staff pages of a season's review phases (review.manage); phases cover every track. */
export async function phaseRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get(
    '/admin/saisons/:id/jury/phases',
    { schema: { params: IdParams, querystring: NoticeQuery }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      const state = { values: { visibility: 'assigned', others_reviews: 'after_own' }, errors: {} };
      return html(
        reply,
        200,
        <PhasesPage
          ctx={ctx}
          season={season}
          phases={await listPhases(db, season.id)}
          state={state}
          notice={notice(ctx.locale, request.query)}
        />,
      );
    },
  );

  app.post(
    '/admin/saisons/:id/jury/phases',
    { schema: { params: IdParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const input = readPhaseForm(form);
      if (input) {
        await savePhase(services, actorOf(request), season.id, undefined, input);
        return reply.redirect(`${juryPath(season.id)}/phases?ok=phase`, 303);
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <PhasesPage
          ctx={ctx}
          season={season}
          phases={await listPhases(db, season.id)}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    },
  );

  app.get(
    '/admin/saisons/:id/jury/phases/:phaseId/modifier',
    { schema: { params: PhaseParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await loadStaffPhaseFor(services, request, request.params);
      if (!found) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <PhaseEditPage
          ctx={ctx}
          season={found.season}
          phase={found.phase}
          state={{ values: phaseFormValues(found.phase), errors: {} }}
        />,
      );
    },
  );

  app.post(
    '/admin/saisons/:id/jury/phases/:phaseId',
    { schema: { params: PhaseParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await loadStaffPhaseFor(services, request, request.params);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const input = readPhaseForm(form);
      if (input) {
        await savePhase(services, actorOf(request), found.season.id, found.phase.id, input);
        return reply.redirect(`${juryPath(found.season.id)}/phases?ok=saved`, 303);
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <PhaseEditPage
          ctx={ctx}
          season={found.season}
          phase={found.phase}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    },
  );
}

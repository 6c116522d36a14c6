import type { FastifyReply } from 'fastify';
import { FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { addConflict, liftStaffConflict } from './conflicts.js';
import { listMembers } from './jury.js';
import { readPair } from './jury-forms.js';
import { loadSeasonFor, staffApplications, staffConflicts } from './policy.js';
import { ConflictParams, NoticeQuery, type NoticeRequest, notice } from './schemas.js';
import { ConflictsPage } from './views/conflicts.js';
import { emptyForm, type FormState, juryPath, type SeasonRef } from './views/staff-shell.js';

/** Staff page of a season's conflicts of interest (review.manage), limited to the staff member's tracks. */
export async function conflictRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function conflictsPage(
    request: NoticeRequest,
    reply: FastifyReply,
    season: SeasonRef,
    status: number,
    state: FormState,
  ) {
    const ctx = await viewContext(request, reply);
    const [conflicts, applications, members] = await Promise.all([
      staffConflicts(services, request, season.id),
      staffApplications(services, request, season.id),
      listMembers(db, season.id, { includeRemoved: true }),
    ]);
    return html(
      reply,
      status,
      <ConflictsPage
        ctx={ctx}
        season={season}
        conflicts={conflicts}
        applications={applications}
        members={members.filter((x) => !x.removedAt || conflicts.some((c) => c.memberId === x.id))}
        state={state}
        notice={notice(ctx.locale, request.query)}
      />,
    );
  }

  app.get(
    '/admin/saisons/:id/jury/conflits',
    { schema: { params: IdParams, querystring: NoticeQuery }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      return conflictsPage(request, reply, season, 200, emptyForm);
    },
  );

  app.post(
    '/admin/saisons/:id/jury/conflits',
    { schema: { params: IdParams, querystring: NoticeQuery }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const { applicationId, memberId } = await readPair(services, request, form, season.id);
      const reason = form.text('reason', { required: true, max: 1000 });
      if (form.ok) {
        await addConflict(services, actorOf(request), { applicationId, memberId, source: 'staff', reason });
        return reply.redirect(`${juryPath(season.id)}/conflits?ok=conflict`, 303);
      }
      return conflictsPage(request, reply, season, 400, { values: form.values, errors: form.errors });
    },
  );

  app.post(
    '/admin/saisons/:id/jury/conflits/:conflictId/lever',
    { schema: { params: ConflictParams }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      // A conflict on another track's application is not this staff member's to see or lift.
      if (!(await staffConflicts(services, request, season.id)).some((c) => c.id === request.params.conflictId))
        return notFound(request, reply);
      if (!(await liftStaffConflict(services, actorOf(request), season.id, request.params.conflictId)))
        return notFound(request, reply);
      return reply.redirect(`${juryPath(season.id)}/conflits?ok=lifted`, 303);
    },
  );
}

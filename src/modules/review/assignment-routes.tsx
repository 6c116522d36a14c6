import type { FastifyReply } from 'fastify';
import { tracksInclude } from '../../core/auth/permissions.js';
import { FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import {
  addManualPair,
  applicationOfPair,
  assignmentInputs,
  latestRun,
  publishAssignment,
  removePair,
  runAssignment,
  runPairs,
} from './assignment.js';
import { readPair } from './jury-forms.js';
import { juryMessages as m } from './messages.js';
import { loadSeasonFor, staffConflicts, staffSeesApplication } from './policy.js';
import { NoticeQuery, type NoticeRequest, notice, PairParams } from './schemas.js';
import { AssignmentPage } from './views/assignment.js';
import { emptyForm, type FormState, juryPath, type SeasonRef } from './views/staff-shell.js';

const assignmentPath = (seasonId: string) => `${juryPath(seasonId)}/affectation`;

/**
 * Staff page of a season's assignment (review.manage): running and publishing it covers every track;
 * manual pairs are limited to the staff member's tracks.
 */
export async function assignmentRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function assignmentPage(
    request: NoticeRequest,
    reply: FastifyReply,
    season: SeasonRef,
    status: number,
    extra: {
      state?: FormState;
      pairState?: FormState;
      infeasible?: Array<{ fr: string; en: string }>;
      problem?: string;
    } = {},
  ) {
    const ctx = await viewContext(request, reply);
    const inputs = await assignmentInputs(services, actorOf(request), season.id);
    const tracks = tracksOf(request);
    const applications = inputs.applications.filter((a) => tracksInclude(tracks, a.trackCode));
    const visible = new Set(applications.map((a) => a.id));
    const { members } = inputs;
    const conflicts = tracks
      ? (await staffConflicts(services, request, season.id)).filter((c) => members.some((x) => x.id === c.memberId))
      : inputs.conflicts;
    const run = await latestRun(db, season.id);
    const pairs = run ? (await runPairs(db, run.id)).filter((p) => !tracks || visible.has(p.applicationId)) : [];
    return html(
      reply,
      status,
      <AssignmentPage
        ctx={ctx}
        season={season}
        applications={applications}
        members={members}
        conflictCount={conflicts.length}
        run={run}
        pairs={pairs}
        state={extra.state ?? emptyForm}
        pairState={extra.pairState ?? emptyForm}
        infeasible={extra.infeasible}
        problem={extra.problem}
        trackLimited={tracks !== undefined}
        notice={notice(ctx.locale, request.query)}
      />,
    );
  }

  const schema = { params: IdParams, querystring: NoticeQuery };

  app.get(
    '/admin/saisons/:id/jury/affectation',
    { schema, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      return assignmentPage(request, reply, season, 200);
    },
  );

  app.post(
    '/admin/saisons/:id/jury/affectation',
    { schema, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const raw = form.text('per_application', { required: true, max: 3 });
      const perApplication = Number(raw);
      if (raw && (!/^\d+$/.test(raw) || perApplication < 1 || perApplication > 20))
        form.fail('per_application', m.perApplicationRange);
      const fair = form.checkbox('fair');
      const state = { values: form.values, errors: form.errors };
      if (!form.ok) return assignmentPage(request, reply, season, 400, { state });
      const outcome = await runAssignment(services, actorOf(request), { seasonId: season.id, perApplication, fair });
      if (outcome.ok) return reply.redirect(`${assignmentPath(season.id)}?ok=ran`, 303);
      if (outcome.problem === 'nothing_to_assign')
        return assignmentPage(request, reply, season, 422, { state, problem: t(request.locale, m.nothingToAssign) });
      return assignmentPage(request, reply, season, 422, { state, infeasible: outcome.explanations });
    },
  );

  app.post(
    '/admin/saisons/:id/jury/affectation/paires',
    { schema, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const pair = await readPair(services, request, form, season.id);
      if (form.ok) {
        const result = await addManualPair(services, actorOf(request), { seasonId: season.id, ...pair });
        if (result.ok) return reply.redirect(`${assignmentPath(season.id)}?ok=pair`, 303);
        const problems = {
          conflict: m.pairConflict,
          exists: m.pairExists,
          no_run: m.needRun,
          reviewed: m.pairReviewed,
          not_found: m.chooseOne,
        } as const;
        form.fail('member_id', problems[result.problem]);
      }
      return assignmentPage(request, reply, season, 400, { pairState: { values: form.values, errors: form.errors } });
    },
  );

  app.post(
    '/admin/saisons/:id/jury/affectation/paires/:assignmentId/retirer',
    { schema: { params: PairParams, querystring: NoticeQuery }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      const pairApplication = await applicationOfPair(db, season.id, request.params.assignmentId);
      if (!pairApplication || !(await staffSeesApplication(services, request, pairApplication)))
        return notFound(request, reply);
      const result = await removePair(services, actorOf(request), {
        seasonId: season.id,
        assignmentId: request.params.assignmentId,
      });
      if (result.ok) return reply.redirect(`${assignmentPath(season.id)}?ok=unpaired`, 303);
      if (result.problem === 'reviewed')
        return assignmentPage(request, reply, season, 409, { problem: t(request.locale, m.pairReviewed) });
      return notFound(request, reply);
    },
  );

  app.post(
    '/admin/saisons/:id/jury/affectation/publier',
    { schema, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      const result = await publishAssignment(services, actorOf(request), {
        seasonId: season.id,
        seasonName: season.name,
      });
      if (!result.ok)
        return assignmentPage(request, reply, season, 409, {
          problem: t(request.locale, result.problem === 'no_run' ? m.needRun : m.alreadyPublished),
        });
      return reply.redirect(`${assignmentPath(season.id)}?ok=published&n=${result.notified}`, 303);
    },
  );
}

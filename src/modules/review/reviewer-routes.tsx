import type { FastifyReply } from 'fastify';
import { FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { listApplicationsForReview } from '../applications/for-review.js';
import { seasonSummaries } from '../seasons/season-lookups.js';
import { publishedAssignmentsOf, REVIEWED_STATES } from './assignment.js';
import { addConflict, BIDS, listBids, listConflicts, setBid } from './conflicts.js';
import { type JuryMember, membershipsOfUser, setMemberSiren } from './jury.js';
import { readSiren } from './jury-forms.js';
import { phaseRules } from './phases.js';
import { loadReviewerApplicationFor, loadReviewerSeasonFor } from './policy.js';
import { listPhases } from './save-phase.js';
import { ApplicationParams, NoticeQuery, type NoticeRequest, notice } from './schemas.js';
import { inTheRunning } from './scoring/queries.js';
import { type CardError, DeclarePage, JuryHomePage } from './views/reviewer.js';
import type { FormState, SeasonRef } from './views/staff-shell.js';

/** The reviewer's own pages (review.participate): their juries, and per season the declarations of conflicts and bids. */
export async function reviewerRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get('/jury', { config: { permission: 'review.participate' } }, async (request, reply) => {
    const memberships = await membershipsOfUser(db, request.user!.id);
    const names = new Map(
      (
        await seasonSummaries(
          db,
          memberships.map((x) => x.seasonId),
        )
      ).map((s) => [s.id, request.locale === 'en' && s.nameEn ? s.nameEn : s.name]),
    );
    const seasons = await Promise.all(
      memberships.map(async (x) => ({
        seasonId: x.seasonId,
        name: names.get(x.seasonId) ?? '',
        assigned: (await inTheRunning(db, await publishedAssignmentsOf(db, x.seasonId, x.id))).length,
      })),
    );
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <JuryHomePage ctx={ctx} seasons={seasons} />);
  });

  async function declarePage(
    request: NoticeRequest,
    reply: FastifyReply,
    found: { season: SeasonRef; member: JuryMember },
    status: number,
    extra: { sirenError?: FormState['errors'][string]; siren?: string; cardError?: CardError } = {},
  ) {
    const { season, member } = found;
    const [applications, conflicts, bids, phases, published] = await Promise.all([
      listApplicationsForReview(db, season.id, REVIEWED_STATES),
      listConflicts(db, season.id),
      listBids(db, season.id),
      listPhases(db, season.id),
      publishedAssignmentsOf(db, season.id, member.id),
    ]);
    const now = services.clock.now();
    // Blind when the phase running now (or else the next one) says so.
    const phase =
      phases.find((p) => phaseRules(p, now).status === 'open') ??
      phases.find((p) => phaseRules(p, now).status === 'upcoming');
    const blind = phase ? phaseRules(phase, now).blind : false;
    const assigned = new Set(published.map((p) => p.applicationId));
    const cards = applications.map((a) => ({
      id: a.id,
      title: a.title,
      track: a.trackCode,
      organisation: blind ? '' : a.organisationName,
      assigned: assigned.has(a.id),
      conflicts: conflicts.filter((c) => c.applicationId === a.id && c.memberId === member.id),
      bid: bids.find((b) => b.applicationId === a.id && b.memberId === member.id)?.bid ?? null,
    }));
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <DeclarePage
        ctx={ctx}
        seasonId={season.id}
        seasonName={season.name}
        siren={extra.siren ?? member.siren}
        sirenError={extra.sirenError}
        cards={cards}
        cardError={extra.cardError}
        notice={notice(ctx.locale, request.query)}
      />,
    );
  }

  app.get(
    '/jury/saisons/:id',
    { schema: { params: IdParams, querystring: NoticeQuery }, config: { permission: 'review.participate' } },
    async (request, reply) => {
      const found = await loadReviewerSeasonFor(services, request, request.params.id);
      if (!found) return notFound(request, reply);
      return declarePage(request, reply, found, 200);
    },
  );

  app.post(
    '/jury/saisons/:id/profil',
    { schema: { params: IdParams, querystring: NoticeQuery }, config: { permission: 'review.participate' } },
    async (request, reply) => {
      const found = await loadReviewerSeasonFor(services, request, request.params.id);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const siren = readSiren(form);
      if (!form.ok)
        return declarePage(request, reply, found, 400, { siren: form.values.siren, sirenError: form.errors.siren });
      await setMemberSiren(services, actorOf(request), found.member, siren);
      return reply.redirect(`/jury/saisons/${found.season.id}?ok=saved`, 303);
    },
  );

  const applicationSchema = { params: ApplicationParams, querystring: NoticeQuery };

  app.post(
    '/jury/saisons/:id/candidatures/:applicationId/conflit',
    { schema: applicationSchema, config: { permission: 'review.participate' } },
    async (request, reply) => {
      const found = await loadReviewerApplicationFor(services, request, request.params);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const kind = form.choice('kind', ['declared', 'recusal'] as const, { required: true }) ?? 'declared';
      const reason = form.text('reason', { required: kind === 'declared', max: 1000 });
      if (!form.ok) {
        const error = form.errors.reason ?? form.errors.kind;
        return declarePage(request, reply, found, 400, {
          cardError: { applicationId: found.application.id, field: 'reason', error, value: form.values.reason ?? '' },
        });
      }
      await addConflict(services, actorOf(request), {
        applicationId: found.application.id,
        memberId: found.member.id,
        source: kind,
        reason,
      });
      return reply.redirect(`/jury/saisons/${found.season.id}?ok=${kind}`, 303);
    },
  );

  app.post(
    '/jury/saisons/:id/candidatures/:applicationId/souhait',
    { schema: applicationSchema, config: { permission: 'review.participate' } },
    async (request, reply) => {
      const found = await loadReviewerApplicationFor(services, request, request.params);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const bid = form.choice('bid', BIDS);
      if (!form.ok) return declarePage(request, reply, found, 400);
      await setBid(services, actorOf(request), { applicationId: found.application.id, memberId: found.member.id, bid });
      return reply.redirect(`/jury/saisons/${found.season.id}?ok=bid`, 303);
    },
  );
}

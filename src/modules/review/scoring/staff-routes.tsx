import type { FastifyReply } from 'fastify';
import { auditedTransaction } from '../../../core/audit/audit.js';
import { FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import { t, tCount } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { csvCell } from '../../../core/spreadsheet/csv.js';
import { applicationLabels, isInTheRunning } from '../../applications/index.js';
import { seasonSummaries } from '../../seasons/index.js';
import { listMembers } from '../jury.js';
import { scoringMessages as m, scoringCounts } from './messages.js';
import { listSeasonReviewWork, loadGoverningPhase, reviewState } from './queries.js';
import { remindNow, scheduleReviewReminders } from './reminders.js';
import { loadRubric, saveRubric } from './rubric.js';
import { type LevelText, RUBRIC_LEVELS } from './rubric-defaults.js';
import { OkQuery, SeasonIdParams, type SeasonRequest } from './schemas.js';
import { rankingRows, recordRankingSeed, seasonRanking } from './season-ranking.js';
import { phaseText } from './views/reviewer.js';
import {
  ProgressPage,
  RankingPage,
  type RubricFormState,
  RubricPage,
  rubricValues,
  StaffIndexPage,
} from './views/staff.js';

const LEVEL_TEXT_MAX = 500;

/** The staff's scoring pages (review.manage): progress and reminders, the rubric, the ranking and its CSV. */
export async function staffScoringRoutes(app: App, services: Services): Promise<void> {
  const { db, clock } = services;

  async function seasonOf(request: SeasonRequest) {
    const [season] = await seasonSummaries(db, [request.params.seasonId]);
    return season ?? null;
  }

  app.get('/admin/evaluations', { config: { permission: 'review.manage' } }, async (request, reply) => {
    const seasons = await seasonSummaries(db);
    return html(reply, 200, <StaffIndexPage ctx={await viewContext(request, reply)} seasons={seasons} />);
  });

  async function renderProgress(
    request: SeasonRequest,
    reply: FastifyReply,
    notice?: { kind: 'success' | 'error'; text: string },
  ) {
    const season = await seasonOf(request);
    if (!season) return notFound(request, reply);
    const tracks = tracksOf(request);
    const all = await listSeasonReviewWork(db, season.id);
    const labels = await applicationLabels(
      db,
      all.map((a) => a.applicationId),
    );
    // Staff limited to tracks see the work on their tracks' applications only; a withdrawn or
    // ineligible application is no longer work for the jury.
    const work = all.filter(
      (a) =>
        (!tracks || tracks.includes(labels.get(a.applicationId)?.trackCode ?? '')) &&
        isInTheRunning(labels.get(a.applicationId)?.state ?? ''),
    );
    const members = await listMembers(db, season.id);
    const reviewers = members
      .map((member) => {
        const mine = work.filter((a) => a.memberId === member.id);
        return {
          name: member.name,
          assigned: mine.filter((a) => a.assignmentId !== null).length,
          unassigned: mine.filter((a) => a.assignmentId === null).length,
          drafts: mine.filter((a) => reviewState(a.review) === 'draft').length,
          submitted: mine.filter((a) => reviewState(a.review) === 'submitted').length,
        };
      })
      .filter((r) => r.assigned > 0 || r.unassigned > 0);
    const byApp = new Map<
      string,
      { id: string; title: string; submitted: number; assigned: number; unassignedSubmitted: number }
    >();
    for (const a of work) {
      const row = byApp.get(a.applicationId) ?? {
        id: a.applicationId,
        title: labels.get(a.applicationId)?.title ?? '',
        submitted: 0,
        assigned: 0,
        unassignedSubmitted: 0,
      };
      const submitted = reviewState(a.review) === 'submitted';
      if (a.assignmentId !== null) {
        row.assigned++;
        if (submitted) row.submitted++;
      } else if (submitted) {
        row.unassignedSubmitted++;
      }
      byApp.set(a.applicationId, row);
    }
    const ratio = (x: { submitted: number; assigned: number; unassignedSubmitted: number }) =>
      x.assigned ? x.submitted / x.assigned : x.unassignedSubmitted ? 1 : 0;
    const applications = [...byApp.values()].sort((x, y) => ratio(x) - ratio(y) || x.title.localeCompare(y.title));
    const governing = await loadGoverningPhase(db, season.id, clock.now());
    // The scheduled reminder exists once someone looks at the season's progress (idempotent: one job per phase end).
    if (governing.phase)
      await scheduleReviewReminders(db, { id: governing.phase.id, endsAt: governing.phase.ends_at }, clock.now());
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      200,
      <ProgressPage
        ctx={ctx}
        data={{
          season,
          phase: phaseText(request.locale, governing.phase, governing.rules),
          reviewers,
          applications,
          notice,
        }}
      />,
    );
  }

  app.get(
    '/admin/evaluations/:seasonId',
    { schema: { params: SeasonIdParams, querystring: OkQuery }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const sent = request.query.relances;
      const notice =
        typeof sent === 'string' && /^\d{1,6}$/.test(sent)
          ? { kind: 'success' as const, text: tCount(request.locale, scoringCounts.reminded, Number(sent)) }
          : undefined;
      return renderProgress(request, reply, notice);
    },
  );

  app.post(
    '/admin/evaluations/:seasonId/relances',
    { schema: { params: SeasonIdParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await seasonOf(request);
      if (!season) return notFound(request, reply);
      const result = await remindNow(services, actorOf(request), season.id);
      if (!result.ok)
        return renderProgress(request, reply.status(409), { kind: 'error', text: t(request.locale, m.remindNoPhase) });
      return reply.redirect(`/admin/evaluations/${season.id}?relances=${result.sent}`, 303);
    },
  );

  async function renderRubric(
    request: SeasonRequest,
    reply: FastifyReply,
    status: number,
    state: RubricFormState | null,
    notice?: string,
  ) {
    const rubric = await loadRubric(db, request.params.seasonId);
    if (!rubric) return notFound(request, reply);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <RubricPage
        ctx={ctx}
        rubric={rubric}
        state={state ?? { values: rubricValues(rubric), errors: {} }}
        notice={notice}
      />,
    );
  }

  app.get(
    '/admin/evaluations/:seasonId/bareme',
    { schema: { params: SeasonIdParams, querystring: OkQuery }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const saved = request.query.ok === '1';
      return renderRubric(request, reply, 200, null, saved ? t(request.locale, m.rubricSaved) : undefined);
    },
  );

  app.post(
    '/admin/evaluations/:seasonId/bareme',
    { schema: { params: SeasonIdParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const rubric = await loadRubric(db, request.params.seasonId);
      if (!rubric) return notFound(request, reply);
      const form = new FormReader(request.body);
      const texts: Record<string, LevelText[]> = {};
      for (const c of rubric.criteria) {
        texts[c.code] = RUBRIC_LEVELS.map((level) => ({
          fr: form.text(`level_${c.code}_${level}_fr`, { required: true, max: LEVEL_TEXT_MAX }),
          en: form.text(`level_${c.code}_${level}_en`, { max: LEVEL_TEXT_MAX }),
        }));
      }
      if (!form.ok) return renderRubric(request, reply, 400, { values: form.values, errors: form.errors });
      if (
        !(await saveRubric(services, actorOf(request), { seasonId: rubric.seasonId, userId: request.user!.id, texts }))
      )
        return notFound(request, reply);
      return reply.redirect(`/admin/evaluations/${rubric.seasonId}/bareme?ok=1`, 303);
    },
  );

  app.get(
    '/admin/evaluations/:seasonId/classement',
    { schema: { params: SeasonIdParams, querystring: OkQuery }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const data = await seasonRanking(db, request.params.seasonId, tracksOf(request));
      if (!data) return notFound(request, reply);
      const notice = request.query.ok === 'graine' ? t(request.locale, m.seedRecorded) : undefined;
      return html(reply, 200, <RankingPage ctx={await viewContext(request, reply)} data={data} notice={notice} />);
    },
  );

  app.get(
    '/admin/evaluations/:seasonId/classement.csv',
    { schema: { params: SeasonIdParams }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const data = await seasonRanking(db, request.params.seasonId, tracksOf(request));
      if (!data) return notFound(request, reply);
      const rows = rankingRows(data);
      await auditedTransaction(db, actorOf(request), clock.now(), (_trx, audit) =>
        audit({
          action: 'review.ranking_export',
          subjectType: 'season',
          subjectId: data.rubric.seasonId,
          summary: { rows: rows.length - 1, seed: data.ranking.seed },
        }),
      );
      const csv = `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="classement-jury-${data.rubric.seasonId}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/admin/evaluations/:seasonId/classement/graine',
    { schema: { params: SeasonIdParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await seasonOf(request);
      if (!season) return notFound(request, reply);
      const seed = await recordRankingSeed(services, actorOf(request), {
        seasonId: season.id,
        userId: request.user!.id,
      });
      if (seed === null) return notFound(request, reply);
      return reply.redirect(`/admin/evaluations/${season.id}/classement?ok=graine`, 303);
    },
  );
}

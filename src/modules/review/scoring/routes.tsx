import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditedTransaction } from '../../../core/audit/audit.js';
import { type FieldError, FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../../core/http/request-context.js';
import { t } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { applicationLabels, csvCell, isInTheRunning, loadApplicationForScoring } from '../../applications/index.js';
import { seasonSummaries, seasonSummariesById } from '../../seasons/index.js';
import { listMembers } from '../jury.js';
import { scoringMessages as m } from './messages.js';
import {
  listOtherSubmittedReviews,
  listReviewerTargets,
  listSeasonReviewWork,
  loadGoverningPhase,
  loadReviewerAssignment,
  loadReviewTarget,
  OPINIONS,
  type ReviewTarget,
  reviewPath,
  reviewState,
} from './queries.js';
import { remindNow, scheduleReviewReminders } from './reminders.js';
import { loadRubric, type RubricCriterion, saveRubric } from './rubric.js';
import { type LevelText, RUBRIC_LEVELS } from './rubric-defaults.js';
import { saveReview } from './save-review.js';
import { rankingRows, recordRankingSeed, seasonRanking } from './season-ranking.js';
import { MyReviewsPage, phaseText, type ReviewFormState, ReviewPage, valuesOf } from './views/reviewer-pages.js';
import {
  ProgressPage,
  RankingPage,
  type RubricFormState,
  RubricPage,
  rubricValues,
  StaffIndexPage,
} from './views/staff-pages.js';

type IdParams = { Params: { id: string } };
type ApplicationParams = { Params: { applicationId: string } };
type SeasonParams = { Params: { seasonId: string } };

const COMMENT_MAX = 5000;
const OVERALL_MAX = 10_000;
const LEVEL_TEXT_MAX = 500;

const scoreRange: FieldError['message'] = m.scoreRange;

/** Reads the review form; `final` (submit, or changing a submitted review) makes every score and the opinion required. */
function readReviewForm(body: unknown, criteria: readonly RubricCriterion[], alreadySubmitted: boolean) {
  const form = new FormReader(body);
  const action = form.choice('action', ['save', 'submit'] as const) ?? 'save';
  const final = action === 'submit' || alreadySubmitted;
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const c of criteria) {
    const raw = form.text(`score_${c.code}`, { max: 10 });
    if (form.errors[`score_${c.code}`]) {
      form.errors[`score_${c.code}`] = { message: scoreRange };
    } else if (raw === '') {
      if (final) form.fail(`score_${c.code}`, m.scoreRequired);
    } else if (!/^[0-5]$/.test(raw)) {
      form.fail(`score_${c.code}`, scoreRange);
    } else {
      scores[c.code] = Number(raw);
    }
    const comment = form.text(`comment_${c.code}`, { max: COMMENT_MAX });
    if (comment) comments[c.code] = comment;
  }
  const overall = form.text('overall', { max: OVERALL_MAX });
  const opinion = form.choice('opinion', OPINIONS);
  if (final && !opinion && !form.errors.opinion) form.fail('opinion', m.opinionRequired);
  const confidence = form.choice('confidence', ['1', '2', '3'] as const);
  if (final && !confidence && !form.errors.confidence) form.fail('confidence', m.confidenceRequired);
  return {
    form,
    submit: action === 'submit',
    scores,
    comments,
    overall,
    opinion,
    confidence: confidence ? Number(confidence) : null,
  };
}

export async function scoringRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db, clock } = services;

  async function renderReview(
    request: FastifyRequest,
    reply: FastifyReply,
    target: ReviewTarget,
    status: number,
    state: ReviewFormState | null,
    notice?: { kind: 'success' | 'error'; text: string },
  ): Promise<FastifyReply> {
    const { phase, rules } = await loadGoverningPhase(db, target.seasonId, clock.now());
    const [rubric, application] = await Promise.all([
      loadRubric(db, target.seasonId),
      loadApplicationForScoring(db, target.applicationId, { blind: rules.blind }),
    ]);
    if (!rubric || !application) return notFound(request, reply);
    const ownSubmitted = reviewState(target.review) === 'submitted';
    const others = rules.canSeeOthersReviews(ownSubmitted)
      ? { visible: true as const, reviews: await listOtherSubmittedReviews(db, target) }
      : {
          visible: false as const,
          reason: phase?.others_reviews === 'after_own' ? ('after_own' as const) : ('never' as const),
        };
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <ReviewPage
        ctx={ctx}
        action={reviewPath(target)}
        assigned={target.assignmentId !== null}
        application={application}
        criteria={rubric.criteria}
        review={target.review}
        phase={phase}
        rules={rules}
        state={state ?? { values: valuesOf(target.review, rubric.criteria), errors: {} }}
        notice={notice}
        others={others}
      />,
    );
  }

  app.get('/jury/evaluations', { config: { permission: 'review.participate' } }, async (request, reply) => {
    const targets = await listReviewerTargets(db, request.user!.id, clock.now());
    const seasonIds = [...new Set(targets.map((a) => a.seasonId))];
    const [labels, seasons] = await Promise.all([
      applicationLabels(
        db,
        targets.map((a) => a.applicationId),
      ),
      seasonSummariesById(db, seasonIds),
    ]);
    const phases = new Map(
      await Promise.all(seasonIds.map(async (id) => [id, await loadGoverningPhase(db, id, clock.now())] as const)),
    );
    const locale = request.locale;
    const rows = targets.map((a) => {
      const season = seasons.get(a.seasonId);
      const governing = phases.get(a.seasonId)!;
      return {
        href: reviewPath(a),
        assigned: a.assignmentId !== null,
        title: labels.get(a.applicationId)?.title ?? '',
        seasonName: season ? (locale === 'en' ? season.nameEn || season.name : season.name) : '',
        state: reviewState(a.review),
        phase: phaseText(locale, governing.phase, governing.rules),
      };
    });
    return html(reply, 200, <MyReviewsPage ctx={await viewContext(request, reply)} rows={rows} />);
  });

  function savedNotice(request: FastifyRequest) {
    const ok = (request.query as Record<string, unknown>).ok;
    return ok === 'brouillon'
      ? { kind: 'success' as const, text: t(request.locale, m.savedDraft) }
      : ok === 'soumise'
        ? { kind: 'success' as const, text: t(request.locale, m.submitted) }
        : undefined;
  }

  /** Reads and saves the review form for `target`; errors stay on the fields with what was typed. */
  async function postReview(request: FastifyRequest, reply: FastifyReply, target: ReviewTarget): Promise<FastifyReply> {
    const rubric = await loadRubric(db, target.seasonId);
    if (!rubric) return notFound(request, reply);
    const input = readReviewForm(request.body, rubric.criteria, reviewState(target.review) === 'submitted');
    if (!input.form.ok)
      return renderReview(request, reply, target, 400, { values: input.form.values, errors: input.form.errors });
    const result = await saveReview(
      services,
      actorOf(request),
      {
        userId: request.user!.id,
        ...(target.assignmentId ? { assignmentId: target.assignmentId } : { applicationId: target.applicationId }),
        scores: input.scores,
        comments: input.comments,
        overall: input.overall,
        opinion: input.opinion,
        confidence: input.confidence,
        submit: input.submit,
      },
      rubric.criteria.map((c) => c.code),
    );
    if (result.ok) return reply.redirect(`${reviewPath(target)}?ok=${result.submitted ? 'soumise' : 'brouillon'}`, 303);
    if (result.problem === 'not_found') return notFound(request, reply);
    const state = { values: input.form.values, errors: {} };
    if (result.problem === 'closed')
      return renderReview(request, reply, target, 409, state, { kind: 'error', text: t(request.locale, m.closed) });
    return renderReview(request, reply, target, 400, state);
  }

  app.get<IdParams>(
    '/jury/evaluations/:id',
    { config: { permission: 'review.participate' } },
    async (request, reply) => {
      const assignment = await loadReviewerAssignment(db, request.user!.id, request.params.id);
      if (!assignment) return notFound(request, reply);
      return renderReview(request, reply, assignment, 200, null, savedNotice(request));
    },
  );

  app.post<IdParams>(
    '/jury/evaluations/:id',
    { config: { permission: 'review.participate' } },
    async (request, reply) => {
      const assignment = await loadReviewerAssignment(db, request.user!.id, request.params.id);
      if (!assignment) return notFound(request, reply);
      return postReview(request, reply, assignment);
    },
  );

  // An application reached by its id: assigned, or open to every reviewer without a conflict in an 'all' phase.
  app.get<ApplicationParams>(
    '/jury/evaluations/candidatures/:applicationId',
    { config: { permission: 'review.participate' } },
    async (request, reply) => {
      const target = await loadReviewTarget(db, request.user!.id, request.params.applicationId, clock.now());
      if (!target) return notFound(request, reply);
      return renderReview(request, reply, target, 200, null, savedNotice(request));
    },
  );

  app.post<ApplicationParams>(
    '/jury/evaluations/candidatures/:applicationId',
    { config: { permission: 'review.participate' } },
    async (request, reply) => {
      const target = await loadReviewTarget(db, request.user!.id, request.params.applicationId, clock.now());
      if (!target) return notFound(request, reply);
      return postReview(request, reply, target);
    },
  );

  // Staff

  async function seasonOf(request: FastifyRequest<SeasonParams>) {
    if (!isUuid(request.params.seasonId)) return null;
    const [season] = await seasonSummaries(db, [request.params.seasonId]);
    return season ?? null;
  }

  app.get('/admin/evaluations', { config: { permission: 'review.manage' } }, async (request, reply) => {
    const seasons = await seasonSummaries(db);
    return html(reply, 200, <StaffIndexPage ctx={await viewContext(request, reply)} seasons={seasons} />);
  });

  async function renderProgress(
    request: FastifyRequest<SeasonParams>,
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

  app.get<SeasonParams>(
    '/admin/evaluations/:seasonId',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const sent = (request.query as Record<string, unknown>).relances;
      const notice =
        typeof sent === 'string' && /^\d{1,6}$/.test(sent)
          ? { kind: 'success' as const, text: t(request.locale, m.reminded, { n: Number(sent) }) }
          : undefined;
      return renderProgress(request, reply, notice);
    },
  );

  app.post<SeasonParams>(
    '/admin/evaluations/:seasonId/relances',
    { config: { permission: 'review.manage', allTracks: true } },
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
    request: FastifyRequest<SeasonParams>,
    reply: FastifyReply,
    status: number,
    state: RubricFormState | null,
    notice?: string,
  ) {
    const rubric = isUuid(request.params.seasonId) ? await loadRubric(db, request.params.seasonId) : null;
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

  app.get<SeasonParams>(
    '/admin/evaluations/:seasonId/bareme',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const saved = (request.query as Record<string, unknown>).ok === '1';
      return renderRubric(request, reply, 200, null, saved ? t(request.locale, m.rubricSaved) : undefined);
    },
  );

  app.post<SeasonParams>(
    '/admin/evaluations/:seasonId/bareme',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const rubric = isUuid(request.params.seasonId) ? await loadRubric(db, request.params.seasonId) : null;
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

  app.get<SeasonParams>(
    '/admin/evaluations/:seasonId/classement',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const data = isUuid(request.params.seasonId)
        ? await seasonRanking(db, request.params.seasonId, tracksOf(request))
        : null;
      if (!data) return notFound(request, reply);
      const notice =
        (request.query as Record<string, unknown>).ok === 'graine' ? t(request.locale, m.seedRecorded) : undefined;
      return html(reply, 200, <RankingPage ctx={await viewContext(request, reply)} data={data} notice={notice} />);
    },
  );

  app.get<SeasonParams>(
    '/admin/evaluations/:seasonId/classement.csv',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const data = isUuid(request.params.seasonId)
        ? await seasonRanking(db, request.params.seasonId, tracksOf(request))
        : null;
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

  app.post<SeasonParams>(
    '/admin/evaluations/:seasonId/classement/graine',
    { config: { permission: 'review.manage', allTracks: true } },
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

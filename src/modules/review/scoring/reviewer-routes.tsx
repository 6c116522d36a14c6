import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams } from '../../../core/http/route-schemas.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { applicationLabels, loadApplicationForScoring } from '../../applications/for-scoring.js';
import { seasonSummariesById } from '../../seasons/season-lookups.js';
import { loadAssignmentFor, loadReviewTargetFor } from '../policy.js';
import { scoringMessages as m } from './messages.js';
import {
  listOtherSubmittedReviews,
  listReviewerTargets,
  loadGoverningPhase,
  OPINIONS,
  type ReviewTarget,
  reviewPath,
  reviewState,
} from './queries.js';
import { loadRubric, type RubricCriterion } from './rubric.js';
import { saveReview } from './save-review.js';
import { ApplicationParams, OkQuery, type OkRequest } from './schemas.js';
import { MyReviewsPage, phaseText, type ReviewFormState, ReviewPage, valuesOf } from './views/reviewer.js';

const COMMENT_MAX = 5000;
const OVERALL_MAX = 10_000;

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

/** The reviewer's scoring pages (review.participate): their list, and the review form of an assignment or an open application. */
export async function reviewerScoringRoutes(app: App, services: Services): Promise<void> {
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

  function savedNotice(request: OkRequest) {
    const ok = request.query.ok;
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

  app.get(
    '/jury/evaluations/:id',
    { schema: { params: IdParams, querystring: OkQuery }, config: { permission: 'review.participate' } },
    async (request, reply) => {
      const assignment = await loadAssignmentFor(services, request, request.params.id);
      if (!assignment) return notFound(request, reply);
      return renderReview(request, reply, assignment, 200, null, savedNotice(request));
    },
  );

  app.post(
    '/jury/evaluations/:id',
    { schema: { params: IdParams }, config: { permission: 'review.participate' } },
    async (request, reply) => {
      const assignment = await loadAssignmentFor(services, request, request.params.id);
      if (!assignment) return notFound(request, reply);
      return postReview(request, reply, assignment);
    },
  );

  // An application reached by its id: assigned, or open to every reviewer without a conflict in an 'all' phase.
  app.get(
    '/jury/evaluations/candidatures/:applicationId',
    { schema: { params: ApplicationParams, querystring: OkQuery }, config: { permission: 'review.participate' } },
    async (request, reply) => {
      const target = await loadReviewTargetFor(services, request, request.params.applicationId);
      if (!target) return notFound(request, reply);
      return renderReview(request, reply, target, 200, null, savedNotice(request));
    },
  );

  app.post(
    '/jury/evaluations/candidatures/:applicationId',
    { schema: { params: ApplicationParams }, config: { permission: 'review.participate' } },
    async (request, reply) => {
      const target = await loadReviewTargetFor(services, request, request.params.applicationId);
      if (!target) return notFound(request, reply);
      return postReview(request, reply, target);
    },
  );
}

import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tracksInclude } from '../../core/auth/permissions.js';
import { type FieldError, FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../core/http/request-context.js';
import { type App, NoticeQuery, SeasonIdParams, Uuid } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { centsToInput, parseEurosToCents, seasonSummaries } from '../seasons/index.js';
import { setAttendance } from './attendance.js';
import { attendanceFromForm } from './attendance-form.js';
import { type Board, liveCombination, loadBoard } from './board-data.js';
import { boardMessages as m } from './board-messages.js';
import { deliberationStatuses, loadMinutes } from './board-queries.js';
import { closeDeliberation } from './close-deliberation.js';
import { loadDeliberation, openDeliberation } from './deliberation.js';
import { DeliberationRefused } from './deliberation-guard.js';
import { reasonCodes, reasonField, reasonOptions } from './reasons.js';
import { type DecisionField, OUTCOMES, recordDecision } from './record-decision.js';
import { setWeights, weightsProblem } from './set-weights.js';
import { BoardPage, type BoardPageProps, criterionField } from './views/board.js';
import { DecisionPage } from './views/decision.js';
import { SeasonListPage } from './views/season-list.js';

const NOTICES = {
  ouverte: m.okOpened,
  ponderations: m.okWeights,
  presences: m.okAttendance,
  decision: m.okDecision,
  close: m.okClosed,
} as const;

const DecisionParams = Type.Object({ seasonId: Uuid, applicationId: Uuid });
const WEIGHT = /^\d{1,3}$/;

type BoardOverrides = Partial<Pick<BoardPageProps, 'notice' | 'problem' | 'weightsForm' | 'closeForm'>> & {
  status?: number;
};

/** The refusal of a change on a deliberation that is not open. */
function notOpen(board: Board): DeliberationRefused {
  return new DeliberationRefused(409, board.status === 'none' ? m.notOpened : m.alreadyClosed);
}

/** The board of the deliberation, the decision per application, the close and the minutes (decisions.manage). */
export async function boardRoutes(app: App, services: Services): Promise<void> {
  const board = (request: FastifyRequest, seasonId: string) => loadBoard(services.db, seasonId, tracksOf(request));

  async function sendBoard(
    request: FastifyRequest,
    reply: FastifyReply,
    seasonId: string,
    overrides: BoardOverrides = {},
  ): Promise<FastifyReply> {
    const data = await board(request, seasonId);
    if (!data) return notFound(request, reply);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      overrides.status ?? 200,
      <BoardPage
        ctx={ctx}
        board={data}
        limited={tracksOf(request) !== undefined}
        notice={overrides.notice}
        problem={overrides.problem}
        weightsForm={overrides.weightsForm}
        closeForm={overrides.closeForm}
      />,
    );
  }

  /** A refusal of the whole action: the board again, with its message and status. */
  function refused(request: FastifyRequest, reply: FastifyReply, seasonId: string, error: unknown) {
    if (!(error instanceof DeliberationRefused)) throw error;
    if (error.status === 404) return notFound(request, reply);
    return sendBoard(request, reply, seasonId, {
      status: error.status,
      problem: t(request.locale, error.text, error.params),
    });
  }

  app.get(
    '/admin/decisions',
    { config: { permission: 'decisions.manage', tracks: 'none' } },
    async (request, reply) => {
      const seasons = await seasonSummaries(services.db);
      const statuses = await deliberationStatuses(services.db);
      const rows = seasons.map((s) => {
        const d = statuses.get(s.id);
        return {
          id: s.id,
          name: request.locale === 'en' && s.nameEn ? s.nameEn : s.name,
          status: !d ? ('none' as const) : d.publishedAt ? ('published' as const) : d.status,
          closedAt: d?.closedAt ?? null,
        };
      });
      return html(reply, 200, <SeasonListPage ctx={await viewContext(request, reply)} seasons={rows} />);
    },
  );

  app.get(
    '/admin/decisions/:seasonId',
    {
      schema: { params: SeasonIdParams, querystring: NoticeQuery },
      config: { permission: 'decisions.manage', tracks: 'filtered' },
    },
    async (request, reply) => {
      const key = request.query.ok;
      const notice =
        key && Object.hasOwn(NOTICES, key) ? t(request.locale, NOTICES[key as keyof typeof NOTICES]) : undefined;
      return sendBoard(request, reply, request.params.seasonId, { notice });
    },
  );

  app.post(
    '/admin/decisions/:seasonId/ouvrir',
    { schema: { params: SeasonIdParams }, config: { permission: 'decisions.manage', allTracks: true } },
    async (request, reply) => {
      const { seasonId } = request.params;
      const data = await board(request, seasonId);
      if (!data) return notFound(request, reply);
      if (data.status !== 'none' && data.status !== 'open') return refused(request, reply, seasonId, notOpen(data));
      await openDeliberation(services, actorOf(request), seasonId);
      return reply.redirect(`/admin/decisions/${seasonId}?ok=ouverte`, 303);
    },
  );

  app.post(
    '/admin/decisions/:seasonId/ponderations',
    { schema: { params: SeasonIdParams }, config: { permission: 'decisions.manage', allTracks: true } },
    async (request, reply) => {
      const { seasonId } = request.params;
      const data = await board(request, seasonId);
      if (!data) return notFound(request, reply);
      if (data.status !== 'open') return refused(request, reply, seasonId, notOpen(data));
      const form = new FormReader(request.body);
      const weight = (field: string, required: boolean): number => {
        const text = form.text(field, { required, max: 10 });
        if (!text) return 0;
        if (!WEIGHT.test(text) || Number(text) > 100) {
          form.fail(field, m.weightRange);
          return 0;
        }
        return Number(text);
      };
      const juryWeight = weight('jury_weight', true);
      const panelWeight = weight('panel_weight', true);
      const panelCriteriaWeights: Record<string, number> = {};
      for (const c of data.weights.panelCriteria) panelCriteriaWeights[c.code] = weight(criterionField(c.code), true);
      const versionText = form.text('version', { max: 12 });
      const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : undefined;
      if (form.ok) {
        const problem = weightsProblem({ juryWeight, panelWeight, panelCriteriaWeights });
        if (problem) form.fail('panel_weight', problem);
        else if (!data.hasPanel && juryWeight === 0) form.fail('jury_weight', m.weightsZero);
        const codes = Object.keys(panelCriteriaWeights);
        if (data.hasPanel && panelWeight > 0 && codes.length > 0 && codes.every((c) => panelCriteriaWeights[c] === 0))
          form.fail(criterionField(codes[0]), m.criteriaZero);
      }
      if (!form.ok)
        return sendBoard(request, reply, seasonId, {
          status: 400,
          weightsForm: { values: form.values, errors: form.errors },
        });
      try {
        await setWeights(services, actorOf(request), {
          seasonId,
          juryWeight,
          panelWeight,
          panelCriteriaWeights,
          version,
        });
      } catch (error) {
        return refused(request, reply, seasonId, error);
      }
      return reply.redirect(`/admin/decisions/${seasonId}?ok=ponderations#classement`, 303);
    },
  );

  app.post(
    '/admin/decisions/:seasonId/presences',
    { schema: { params: SeasonIdParams }, config: { permission: 'decisions.manage', allTracks: true } },
    async (request, reply) => {
      const { seasonId } = request.params;
      const data = await board(request, seasonId);
      if (!data) return notFound(request, reply);
      if (data.status !== 'open') return refused(request, reply, seasonId, notOpen(data));
      const present = attendanceFromForm(new FormReader(request.body), data.members);
      try {
        await setAttendance(services, actorOf(request), { seasonId, present });
      } catch (error) {
        return refused(request, reply, seasonId, error);
      }
      return reply.redirect(`/admin/decisions/${seasonId}?ok=presences#presences`, 303);
    },
  );

  /** The decision page of one application the person may decide; null (404 sent) otherwise. */
  async function decisionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    params: { seasonId: string; applicationId: string },
    shown: { status: number; values?: Record<string, string>; errors?: Record<string, FieldError> },
  ): Promise<FastifyReply> {
    const data = await board(request, params.seasonId);
    // The board holds only the person's tracks: another track's application is not found, like a missing one.
    const row = data?.rows.find((r) => r.application.id === params.applicationId);
    if (!data || !row) return notFound(request, reply);
    if (data.status !== 'open') return refused(request, reply, params.seasonId, notOpen(data));
    const d = row.decision;
    const saved: Record<string, string> = d
      ? {
          outcome: d.outcome,
          waitlist_position: d.waitlistPosition === null ? '' : String(d.waitlistPosition),
          reason_text: d.reasonText,
          amount_euros: d.amountCents === null ? '' : centsToInput(d.amountCents),
          ...Object.fromEntries(d.reasonCodes.map((c) => [reasonField(c), 'on'])),
        }
      : {};
    return html(
      reply,
      shown.status,
      <DecisionPage
        ctx={await viewContext(request, reply)}
        board={data}
        row={row}
        reasons={reasonOptions(request.locale, data.juryCriteria)}
        values={shown.values ?? saved}
        errors={shown.errors ?? {}}
      />,
    );
  }

  const decisionRoute = {
    schema: { params: DecisionParams },
    config: { permission: 'decisions.manage' as const, tracks: 'one' as const },
  };

  app.get('/admin/decisions/:seasonId/candidatures/:applicationId', decisionRoute, async (request, reply) =>
    decisionPage(request, reply, request.params, { status: 200 }),
  );

  app.post('/admin/decisions/:seasonId/candidatures/:applicationId', decisionRoute, async (request, reply) => {
    const { seasonId, applicationId } = request.params;
    // Who may decide what, without computing the combination (the use case computes it once, under its lock).
    const deliberation = await loadDeliberation(services.db, seasonId);
    const sources = await liveCombination(
      services.db,
      deliberation ?? { seasonId, juryWeight: 100, panelWeight: 0, panelCriteriaWeights: {} },
      { combine: false },
    );
    const candidate = sources?.sources.candidates.find((a) => a.id === applicationId);
    if (!sources || !candidate || !tracksInclude(tracksOf(request), candidate.trackCode))
      return notFound(request, reply);
    if (deliberation?.status !== 'open')
      return refused(
        request,
        reply,
        seasonId,
        new DeliberationRefused(409, deliberation ? m.alreadyClosed : m.notOpened),
      );
    const juryCriteria = sources.sources.jury.criteria;
    const form = new FormReader(request.body);
    const outcome = form.choice('outcome', OUTCOMES, { required: true });
    const positionText = form.text('waitlist_position', { max: 10 });
    let waitlistPosition: number | null = null;
    if (positionText) {
      if (/^\d{1,3}$/.test(positionText) && Number(positionText) >= 1) waitlistPosition = Number(positionText);
      else form.fail('waitlist_position', m.waitlistRequired);
    }
    const codes = reasonCodes(juryCriteria).filter((code) => form.checkbox(reasonField(code)));
    const reasonText = form.text('reason_text', { max: 5000 });
    const amountText = form.text('amount_euros', { max: 30 });
    let amountCents: number | null = null;
    if (amountText) {
      amountCents = parseEurosToCents(amountText.replace(/^\+/, ''));
      if (amountCents === null) form.fail('amount_euros', m.amountInvalid);
    }
    let errors: Record<string, FieldError> = { ...form.errors };
    if (outcome) {
      try {
        const result = await recordDecision(
          services,
          actorOf(request),
          { seasonId, applicationId, outcome, waitlistPosition, reasonCodes: codes, reasonText, amountCents },
          { tracks: tracksOf(request) },
        );
        if (result.ok && form.ok)
          return reply.redirect(`/admin/decisions/${seasonId}?ok=decision#row-${applicationId}`, 303);
        if (!result.ok) {
          // A field's own reading error comes first; the use case's rules complete it.
          for (const [field, error] of Object.entries(result.errors) as [DecisionField, FieldError][])
            if (!errors[field]) errors = { ...errors, [field]: error };
        }
      } catch (error) {
        return refused(request, reply, seasonId, error);
      }
    }
    return decisionPage(request, reply, request.params, { status: 400, values: form.values, errors });
  });

  app.post(
    '/admin/decisions/:seasonId/cloture',
    { schema: { params: SeasonIdParams }, config: { permission: 'decisions.manage', allTracks: true } },
    async (request, reply) => {
      const { seasonId } = request.params;
      const data: Board | null = await board(request, seasonId);
      if (!data) return notFound(request, reply);
      const form = new FormReader(request.body);
      const confirmed = form.checkbox('confirm');
      const versionText = form.text('version', { max: 12 });
      const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : undefined;
      if (data.status === 'open' && !confirmed) {
        form.fail('confirm', m.closeRequired);
        return sendBoard(request, reply, seasonId, {
          status: 400,
          closeForm: { values: form.values, errors: form.errors },
        });
      }
      try {
        await closeDeliberation(services, actorOf(request), { seasonId, version });
      } catch (error) {
        return refused(request, reply, seasonId, error);
      }
      return reply.redirect(`/admin/decisions/${seasonId}?ok=close`, 303);
    },
  );

  for (const [path, locale] of [
    ['proces-verbal.pdf', 'fr'],
    ['minutes.pdf', 'en'],
  ] as const) {
    app.get(
      `/admin/decisions/:seasonId/${path}`,
      { schema: { params: SeasonIdParams }, config: { permission: 'decisions.manage', allTracks: true } },
      async (request, reply) => {
        const bytes = await loadMinutes(services.db, request.params.seasonId, locale);
        if (!bytes) return notFound(request, reply);
        const [season] = await seasonSummaries(services.db, [request.params.seasonId]);
        const name = `${locale === 'en' ? 'minutes' : 'proces-verbal'}-${season?.slug ?? 'saison'}.pdf`;
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(bytes));
      },
    );
  }
}

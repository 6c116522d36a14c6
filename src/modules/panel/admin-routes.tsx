import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import { isUuid } from '../../core/ids.js';
import type { Services } from '../../core/services.js';
import { seasonSummaries } from '../seasons/index.js';
import { recordDraw, recordReplacementDraw, requestCommitment } from './draw-panel.js';
import { editPanel } from './edit-panel.js';
import { createPanel, saveQuotas, setPanelStatus } from './manage-panel.js';
import { panelMessages as m } from './messages.js';
import { opinionResults, saveShortlist, shortlistChoices } from './opinions.js';
import {
  addsRows,
  blankAfterAdding,
  CRITERIA_COLUMNS,
  lockedFields,
  newPanelFormValues,
  panelEditValues,
  panelFormValues,
  QUOTA_COLUMNS,
  quotaRows,
  readPanelEditForm,
  readPanelForm,
  readQuotasForm,
  rowValues,
} from './panel-form.js';
import { canReadDemographics, loadPanelFor } from './policy.js';
import {
  demographicRows,
  loadPanel,
  loadPanels,
  loadQuotas,
  panelPageData,
  panelStage,
  quotaCounts,
  quotaWarnings,
} from './queries.js';
import { requestAnalyses } from './run-analysis.js';
import { NoticeQuery, type NoticeRequest } from './schemas.js';
import { DemographicsPage } from './views/demographics.js';
import { PanelEditPage } from './views/edit.js';
import { PanelPage, type PanelPageProps } from './views/panel.js';
import { PanelFormPage, PanelsListPage } from './views/panels.js';

const NOTICES = {
  modifie: m.edited,
  inchange: m.unchanged,
  cree: m.created,
  quotas: m.quotasSaved,
  statut: m.statusSaved,
  analyse: m.analysisQueued,
  engagement: m.commitmentQueued,
  tirage: m.drawDone,
  remplacement: m.replacementDone,
  preselection: m.shortlistSaved,
} as const;

function noticeOf(request: NoticeRequest): string | undefined {
  const key = request.query.ok;
  return key && Object.hasOwn(NOTICES, key) ? t(request.locale, NOTICES[key as keyof typeof NOTICES]) : undefined;
}

interface PageOverrides {
  quotaForm?: PanelPageProps['quotaForm'];
  drawForm?: PanelPageProps['drawForm'];
  problem?: string;
  status?: number;
}

/** Renders the staff page of a panel, optionally with a form shown again with its errors. */
async function sendPanelPage(
  services: Services,
  request: NoticeRequest,
  reply: FastifyReply,
  panelId: string,
  overrides: PageOverrides = {},
): Promise<FastifyReply> {
  const panel = await loadPanel(services.db, panelId);
  if (!panel) return notFound(request, reply);
  const quotas = await loadQuotas(services.db, panelId);
  const pool = await quotaCounts(services.db, panelId);
  const { analyses, draw, members } = await panelPageData(services.db, panelId);
  const ctx = await viewContext(request, reply);
  // A panel serves the whole season; staff limited to a track read the shortlist and opinions of their track only.
  const tracks = tracksOf(request);
  const opinions = {
    choices: await shortlistChoices(services.db, panel, tracks),
    results: await opinionResults(services.db, panel, tracks),
  };
  return html(
    reply,
    overrides.status ?? 200,
    <PanelPage
      ctx={ctx}
      panel={panel}
      quotas={quotas}
      pool={pool}
      warnings={quotaWarnings(panel.size, quotas, pool.total, pool.counts)}
      quotaForm={overrides.quotaForm ?? { values: rowValues('quotas', quotaRows(quotas)), errors: {} }}
      analyses={analyses}
      draw={draw}
      drawForm={overrides.drawForm ?? { values: {}, errors: {} }}
      members={members}
      notice={noticeOf(request)}
      problem={overrides.problem}
      canReadDemographics={canReadDemographics(request)}
      opinions={opinions}
    />,
  );
}

function readRandomForm(body: unknown): { form: FormReader; random: string; witnesses: string } {
  const form = new FormReader(body);
  const random = form.text('random', { required: true, max: 500 });
  const witnesses = form.text('witnesses', { required: true, max: 2000 });
  return { form, random, witnesses };
}

/** Staff pages of the citizen panels (panel.manage; the demographics page needs panel.demographics). */
export async function panelAdminRoutes(app: App, services: Services): Promise<void> {
  const schema = { params: IdParams, querystring: NoticeQuery };

  app.get('/admin/panels', { config: { permission: 'panel.manage' } }, async (request, reply) => {
    const panels = await loadPanels(services.db);
    return html(reply, 200, <PanelsListPage ctx={await viewContext(request, reply)} panels={panels} />);
  });

  const seasonOptions = async () => (await seasonSummaries(services.db)).map((s) => ({ id: s.id, name: s.name }));

  app.get(
    '/admin/panels/nouveau',
    { config: { permission: 'panel.manage', allTracks: true } },
    async (request, reply) => {
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <PanelFormPage ctx={ctx} values={newPanelFormValues()} errors={{}} seasons={await seasonOptions()} />,
      );
    },
  );

  app.post('/admin/panels', { config: { permission: 'panel.manage', allTracks: true } }, async (request, reply) => {
    const seasons = await seasonOptions();
    const { form, input } = readPanelForm(
      request.body,
      seasons.map((s) => s.id),
    );
    const ctx = await viewContext(request, reply);
    if (addsRows(request.body)) {
      // "Ajouter des lignes": the form comes back as typed, with more empty criteria rows; nothing is saved.
      const blank = blankAfterAdding(request.body, 'criteria', CRITERIA_COLUMNS);
      return html(
        reply,
        200,
        <PanelFormPage ctx={ctx} values={form.values} errors={{}} seasons={seasons} blank={blank} />,
      );
    }
    if (form.ok) {
      const id = await createPanel(services, actorOf(request), input);
      return reply.redirect(`/admin/panels/${id}?ok=cree`, 303);
    }
    return html(reply, 400, <PanelFormPage ctx={ctx} values={form.values} errors={form.errors} seasons={seasons} />);
  });

  app.get('/admin/panels/:id', { schema, config: { permission: 'panel.manage' } }, async (request, reply) => {
    return sendPanelPage(services, request, reply, request.params.id);
  });

  app.post(
    '/admin/panels/:id/quotas',
    { schema, config: { permission: 'panel.manage', allTracks: true } },
    async (request, reply) => {
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      const { form, quotas } = readQuotasForm(request.body, panel.size);
      if (addsRows(request.body))
        return sendPanelPage(services, request, reply, panel.id, {
          quotaForm: {
            values: form.values,
            errors: {},
            blank: blankAfterAdding(request.body, 'quotas', QUOTA_COLUMNS),
          },
        });
      if (form.ok && (await saveQuotas(services, actorOf(request), panel.id, quotas)))
        return reply.redirect(`/admin/panels/${panel.id}?ok=quotas#quotas-title`, 303);
      return sendPanelPage(services, request, reply, panel.id, {
        status: form.ok ? 409 : 400,
        quotaForm: { values: form.values, errors: form.errors },
        problem: form.ok ? t(request.locale, m.quotasLocked) : undefined,
      });
    },
  );

  /** The edit page: the form at the panel's stage, shown again with errors, a refusal or a conflict. */
  async function sendEditPage(
    request: FastifyRequest,
    reply: FastifyReply,
    panelId: string,
    shown: {
      status: number;
      values?: Record<string, string>;
      errors?: Record<string, FieldError>;
      conflict?: boolean;
      problem?: string;
      blank?: { quotas?: number; criteria?: number };
    } = { status: 200 },
  ): Promise<FastifyReply> {
    const panel = await loadPanel(services.db, panelId);
    if (!panel) return notFound(request, reply);
    const quotas = await loadQuotas(services.db, panelId);
    const stage = await panelStage(services.db, panel);
    const saved = panelFormValues(panel, quotas);
    const locks = lockedFields(stage);
    // Locked fields always show what is saved; the rest shows what was typed, if anything. Typed rows
    // replace the saved ones as a whole (a row emptied is gone).
    const savedInputs = panelEditValues(panel, quotas);
    const base = shown.values
      ? Object.fromEntries(Object.entries(savedInputs).filter(([k]) => !/^(quotas|criteria)\./.test(k)))
      : savedInputs;
    const values: Record<string, string> = { ...base, ...(shown.values ?? {}) };
    return html(
      reply,
      shown.status,
      <PanelEditPage
        ctx={await viewContext(request, reply)}
        panel={panel}
        quotas={quotas}
        stage={stage}
        locks={locks}
        values={values}
        saved={saved}
        errors={shown.errors ?? {}}
        seasons={await seasonOptions()}
        conflict={shown.conflict ?? false}
        problem={shown.problem}
        blank={shown.blank}
      />,
    );
  }

  app.get(
    '/admin/panels/:id/modifier',
    { schema, config: { permission: 'panel.manage', allTracks: true } },
    async (request, reply) => {
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      return sendEditPage(request, reply, panel.id);
    },
  );

  app.post(
    '/admin/panels/:id/modifier',
    { schema, config: { permission: 'panel.manage', allTracks: true } },
    async (request, reply) => {
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      const quotas = await loadQuotas(services.db, panel.id);
      const stage = await panelStage(services.db, panel);
      const seasons = await seasonOptions();
      const edit = readPanelEditForm(
        request.body,
        panel,
        quotas,
        stage,
        seasons.map((s) => s.id),
      );
      const typed = { ...edit.form.values };
      delete typed.version;
      if (edit.version !== panel.version) {
        // Opened before someone else's save: keep what was typed, show what is saved now, and the form now carries the new version.
        return sendEditPage(request, reply, panel.id, {
          status: 409,
          values: typed,
          errors: edit.form.errors,
          conflict: true,
        });
      }
      if (addsRows(request.body))
        return sendEditPage(request, reply, panel.id, {
          status: 200,
          values: typed,
          blank: {
            quotas: blankAfterAdding(request.body, 'quotas', QUOTA_COLUMNS),
            criteria: blankAfterAdding(request.body, 'criteria', CRITERIA_COLUMNS),
          },
        });
      if (edit.lockedChanged)
        return sendEditPage(request, reply, panel.id, {
          status: 409,
          values: typed,
          errors: edit.form.errors,
          problem: t(request.locale, m.lockedRefused),
        });
      if (!edit.form.ok)
        return sendEditPage(request, reply, panel.id, { status: 400, values: typed, errors: edit.form.errors });
      const result = await editPanel(services, actorOf(request), panel.id, {
        version: edit.version,
        input: edit.input,
        quotas: edit.quotas,
        stage,
      });
      if (result === 'not-found') return notFound(request, reply);
      if (result === 'conflict')
        return sendEditPage(request, reply, panel.id, { status: 409, values: typed, conflict: true });
      return reply.redirect(`/admin/panels/${panel.id}?ok=${result === 'saved' ? 'modifie' : 'inchange'}`, 303);
    },
  );

  app.post(
    '/admin/panels/:id/statut',
    { schema, config: { permission: 'panel.manage', allTracks: true } },
    async (request, reply) => {
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      const form = new FormReader(request.body);
      const status = form.choice('status', ['setup', 'recruiting', 'closed'] as const, { required: true });
      if (!status)
        return sendPanelPage(services, request, reply, panel.id, {
          status: 400,
          problem: t(request.locale, m.statusTitle),
        });
      const result = await setPanelStatus(services, actorOf(request), panel.id, status);
      if (result === 'no-quotas')
        return sendPanelPage(services, request, reply, panel.id, {
          status: 409,
          problem: t(request.locale, m.needQuotas),
        });
      return reply.redirect(`/admin/panels/${panel.id}?ok=statut`, 303);
    },
  );

  app.post(
    '/admin/panels/:id/analyses',
    { schema, config: { permission: 'panel.manage', allTracks: true } },
    async (request, reply) => {
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      await requestAnalyses(services, actorOf(request), panel.id);
      return reply.redirect(`/admin/panels/${panel.id}?ok=analyse#analysis-title`, 303);
    },
  );

  app.post(
    '/admin/panels/:id/engagement',
    { schema, config: { permission: 'panel.manage', allTracks: true } },
    async (request, reply) => {
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      if (!(await requestCommitment(services, actorOf(request), panel.id))) {
        return sendPanelPage(services, request, reply, panel.id, {
          status: 409,
          problem: t(request.locale, m.alreadyDrawn),
        });
      }
      return reply.redirect(`/admin/panels/${panel.id}?ok=engagement#draw-title`, 303);
    },
  );

  for (const action of ['tirage', 'remplacement'] as const) {
    app.post(
      `/admin/panels/:id/${action}`,
      { schema, config: { permission: 'panel.manage', allTracks: true } },
      async (request, reply) => {
        const panel = await loadPanelFor(services, request, request.params.id);
        if (!panel) return notFound(request, reply);
        const { form, random, witnesses } = readRandomForm(request.body);
        if (!form.ok)
          return sendPanelPage(services, request, reply, panel.id, {
            status: 400,
            drawForm: { values: form.values, errors: form.errors, action },
          });
        const record = action === 'tirage' ? recordDraw : recordReplacementDraw;
        const result = await record(services, actorOf(request), panel.id, random, witnesses);
        if (result.ok) return reply.redirect(`/admin/panels/${panel.id}?ok=${action}#draw-title`, 303);
        const problem = {
          'no-commitment': m.noCommitment,
          'already-drawn': m.alreadyDrawn,
          'no-replacement': m.noReplacement,
          'nothing-to-replace': m.nothingToReplace,
          'pool-withdrawn': m.poolWithdrawnNoDraw,
        }[result.reason];
        return sendPanelPage(services, request, reply, panel.id, {
          status: 409,
          problem: t(request.locale, problem),
          drawForm: { values: form.values, errors: {}, action },
        });
      },
    );
  }

  app.post(
    '/admin/panels/:id/preselection',
    { schema, config: { permission: 'panel.manage', allTracks: true } },
    async (request, reply) => {
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      const raw = (request.body as Record<string, unknown> | undefined)?.application;
      const requested = (Array.isArray(raw) ? raw : [raw]).filter(
        (v): v is string => typeof v === 'string' && isUuid(v),
      );
      await saveShortlist(services, actorOf(request), panel, requested);
      return reply.redirect(`/admin/panels/${panel.id}?ok=preselection#shortlist-title`, 303);
    },
  );

  app.get(
    '/admin/panels/:id/demographie',
    { schema, config: { permission: 'panel.demographics' } },
    async (request, reply) => {
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      const quotas = await loadQuotas(services.db, panel.id);
      const rows = await demographicRows(services.db, panel.id);
      return html(
        reply,
        200,
        <DemographicsPage ctx={await viewContext(request, reply)} panel={panel} quotas={quotas} rows={rows} />,
      );
    },
  );
}

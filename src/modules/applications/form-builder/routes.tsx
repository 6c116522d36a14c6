import type { Static } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { coversEveryTrack } from '../../../core/auth/permissions.js';
import { sendErrorPage } from '../../../core/http/error-pages.js';
import { httpMessages } from '../../../core/http/errors.js';
import type { FieldError } from '../../../core/http/forms.js';
import { html } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, Query } from '../../../core/http/route-schemas.js';
import { t } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { callStatus, loadSeasons, publishSeason } from '../../seasons/index.js';
import { DEFAULT_FORM } from '../form/default-form.js';
import { checkDefinition, type DefinitionProblem, parseDefinitionJson } from '../form/definition-check.js';
import type { FormDefinition } from '../form/model.js';
import { readAnswers, validateForSubmit } from '../form/validate.js';
import { LenientText, type RequestWithParams, type RequestWithQuery, SeasonIdParams } from '../schemas.js';
import { applyAction, editorFieldOf, parseAction, readEditor } from './editor.js';
import { formsMessages as m } from './messages.js';
import { getCurrentForm, getFormVersion, isFormReferenced, listFormVersions, listSeasonsWithForms } from './queries.js';
import { copyFormFrom, type SaveFormResult, saveForm } from './save-form.js';
import { type BuilderPageProps, FormBuilderPage, FormPreviewPage, type SeasonRef } from './views/builder-pages.js';

/** The builder's query: `?ok=…&v=…` after a save, `?version=<id>` for the preview of an earlier version. */
const BuilderQuery = Query({ ok: LenientText(), v: LenientText(), version: LenientText() });
const SEASON = { params: SeasonIdParams, querystring: BuilderQuery };
type SeasonRequest = RequestWithParams<Static<typeof SeasonIdParams>> & RequestWithQuery<Static<typeof BuilderQuery>>;
const MANAGE = { permission: 'seasons.manage' } as const;
/** A season's form concerns every track: changing it needs rights on every track (refused by the app otherwise). */
const EDIT = { permission: 'seasons.manage', allTracks: true } as const;

async function seasonOf(services: Services, id: string): Promise<SeasonRef | null> {
  const [season] = await loadSeasons(services.db, { id });
  return season
    ? {
        id: season.id,
        name: season.name,
        nameEn: season.nameEn,
        publishedAt: season.publishedAt,
        call: callStatus(season, services.clock.now()),
      }
    : null;
}

const builderUrl = (season: SeasonRef) => `/admin/saisons/${season.id}/formulaire`;

const NOTICES = { enregistre: m.savedInPlace, version: m.savedNewVersion, copie: m.copied } as const;

function noticeOf(request: SeasonRequest): string | undefined {
  const query = request.query;
  const key = query.ok;
  if (key === 'publiee') return t(request.locale, m.published);
  const version = Number(query.v);
  if (!key || !(key in NOTICES) || !Number.isInteger(version) || version < 1) return undefined;
  return t(request.locale, NOTICES[key as keyof typeof NOTICES], { version });
}

function afterSave(
  reply: FastifyReply,
  season: SeasonRef,
  result: Extract<SaveFormResult, { ok: true }>,
  copied = false,
): FastifyReply {
  const key = copied ? 'copie' : result.newVersion ? 'version' : 'enregistre';
  return reply.redirect(`${builderUrl(season)}?ok=${key}&v=${result.version}`, 303);
}

function problemsByEditorField(problems: DefinitionProblem[]): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const problem of problems) {
    const key = editorFieldOf(problem.path);
    if (!errors[key]) errors[key] = { message: problem.message, ...(problem.params ? { params: problem.params } : {}) };
  }
  return errors;
}

export function registerFormBuilderRoutes(app: App, services: Services): void {
  /** Renders the builder; `overrides` carry what the person typed and its problems. */
  async function renderBuilder(
    request: SeasonRequest,
    reply: FastifyReply,
    season: SeasonRef,
    status: number,
    overrides: Partial<BuilderPageProps> = {},
  ): Promise<FastifyReply> {
    const current = await getCurrentForm(services.db, season.id);
    const definition: FormDefinition = current?.definition ?? { sections: [] };
    const props: BuilderPageProps = {
      ctx: await viewContext(request, reply),
      season,
      current,
      referenced: current ? await isFormReferenced(services.db, current.id) : false,
      canEdit: coversEveryTrack(request.user),
      draft: definition,
      errors: {},
      unsaved: false,
      jsonText: JSON.stringify(definition, null, 2),
      jsonErrors: [],
      copySources: await listSeasonsWithForms(services.db, season.id),
      versions: await listFormVersions(services.db, season.id),
      notice: noticeOf(request),
      ...overrides,
    };
    return html(reply, status, <FormBuilderPage {...props} />);
  }

  async function withSeason(request: SeasonRequest, reply: FastifyReply): Promise<SeasonRef | null> {
    const season = await seasonOf(services, request.params.seasonId);
    if (!season) sendErrorPage(request, reply, 404, httpMessages.notFoundTitle, httpMessages.notFoundText);
    return season;
  }

  app.get('/admin/saisons/:seasonId/formulaire', { config: MANAGE, schema: SEASON }, async (request, reply) => {
    const season = await withSeason(request, reply);
    return season ? renderBuilder(request, reply, season, 200) : reply;
  });

  // The structured editor: every button submits the whole draft; only "save" writes it.
  app.post('/admin/saisons/:seasonId/formulaire', { config: EDIT, schema: SEASON }, async (request, reply) => {
    const season = await withSeason(request, reply);
    if (!season) return reply;
    const draft = readEditor(request.body);
    const body = (request.body as Record<string, unknown> | undefined) ?? {};
    const action = parseAction(body.action, body);
    if (action.kind !== 'save') {
      applyAction(draft, action);
      return renderBuilder(request, reply, season, 200, { draft, unsaved: true });
    }
    const result = await saveForm(services, actorOf(request), season.id, draft);
    if (result.ok) return afterSave(reply, season, result);
    if (result.reason === 'no-season')
      return sendErrorPage(request, reply, 404, httpMessages.notFoundTitle, httpMessages.notFoundText);
    return renderBuilder(request, reply, season, 400, {
      draft,
      unsaved: true,
      errors: problemsByEditorField(result.problems),
    });
  });

  app.post('/admin/saisons/:seasonId/formulaire/json', { config: EDIT, schema: SEASON }, async (request, reply) => {
    const season = await withSeason(request, reply);
    if (!season) return reply;
    const raw = (request.body as Record<string, unknown> | undefined)?.definition;
    const text = typeof raw === 'string' ? raw : '';
    const parsed = parseDefinitionJson(text.slice(0, 1_000_000));
    if (parsed.problems.length === 0) {
      const result = await saveForm(services, actorOf(request), season.id, parsed.definition);
      if (result.ok) return afterSave(reply, season, result);
      if (result.reason === 'invalid') parsed.problems.push(...result.problems);
    }
    const jsonErrors = parsed.problems.map((p) => ({
      path: p.path,
      error: { message: p.message, ...(p.params ? { params: p.params } : {}) },
    }));
    return renderBuilder(request, reply, season, 400, { jsonText: text, jsonErrors });
  });

  app.post('/admin/saisons/:seasonId/formulaire/defaut', { config: EDIT, schema: SEASON }, async (request, reply) => {
    const season = await withSeason(request, reply);
    if (!season) return reply;
    const result = await saveForm(services, actorOf(request), season.id, DEFAULT_FORM);
    if (result.ok) return afterSave(reply, season, result);
    return sendErrorPage(request, reply, 404, httpMessages.notFoundTitle, httpMessages.notFoundText);
  });

  app.post('/admin/saisons/:seasonId/formulaire/copie', { config: EDIT, schema: SEASON }, async (request, reply) => {
    const season = await withSeason(request, reply);
    if (!season) return reply;
    const source = (request.body as Record<string, unknown> | undefined)?.source;
    const result =
      typeof source === 'string' && isUuid(source)
        ? await copyFormFrom(services, actorOf(request), season.id, source)
        : ({ ok: false, reason: 'no-source' } as const);
    if (result.ok) return afterSave(reply, season, result, true);
    return renderBuilder(request, reply, season, 400, { copyError: { message: m.noSource } });
  });

  // Publishing the season opens its call to the public: the seasons module publishes, with this module
  // saying (under the season's lock) whether the season has a form.
  app.post('/admin/saisons/:seasonId/publier', { config: EDIT, schema: SEASON }, async (request, reply) => {
    const season = await withSeason(request, reply);
    if (!season) return reply;
    const result = await publishSeason(services, actorOf(request), season.id, async (trx) =>
      Boolean(await getCurrentForm(trx, season.id)),
    );
    if (result.ok) return reply.redirect(`${builderUrl(season)}?ok=publiee`, 303);
    if (result.reason === 'no-season')
      return sendErrorPage(request, reply, 404, httpMessages.notFoundTitle, httpMessages.notFoundText);
    return renderBuilder(request, reply, season, 409, { publishError: { message: m.publishNeedsForm } });
  });

  async function renderPreview(
    request: SeasonRequest,
    reply: FastifyReply,
    body: Record<string, unknown> | undefined,
  ): Promise<FastifyReply> {
    const season = await withSeason(request, reply);
    if (!season) return reply;
    // An earlier version can be previewed too (?version=<id>), as long as it is this season's.
    const requested = request.query.version;
    const asked = requested ? await getFormVersion(services.db, requested) : null;
    const current = asked && asked.seasonId === season.id ? asked : await getCurrentForm(services.db, season.id);
    if (!current) return reply.redirect(`/admin/saisons/${season.id}/formulaire`, 303);
    // A stored definition was checked when saved; checking again keeps a hand-edited row harmless.
    const definition = checkDefinition(current.definition).definition;
    const { answers, errors: typeErrors } = readAnswers(definition, body ?? {});
    const errors = body ? { ...validateForSubmit(definition, answers), ...typeErrors } : {};
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      body && Object.keys(errors).length > 0 ? 400 : 200,
      <FormPreviewPage
        ctx={ctx}
        season={season}
        version={current}
        definition={definition}
        answers={answers}
        errors={errors}
        checked={!!body}
      />,
    );
  }

  app.get('/admin/saisons/:seasonId/formulaire/apercu', { config: MANAGE, schema: SEASON }, (request, reply) =>
    renderPreview(request, reply, undefined),
  );
  app.post('/admin/saisons/:seasonId/formulaire/apercu', { config: MANAGE, schema: SEASON }, (request, reply) =>
    renderPreview(
      request,
      reply,
      request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {},
    ),
  );
}

import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { coversEveryTrack } from '../../core/auth/permissions.js';
import { servePublicPage } from '../../core/cache/public-page.js';
import { sendErrorPage } from '../../core/http/error-pages.js';
import { httpMessages } from '../../core/http/errors.js';
import type { FieldError } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, OptionalText, Query, Uuid } from '../../core/http/route-schemas.js';
import { newSubmissionKey, readSubmissionKey, SUBMISSION_FIELD } from '../../core/http/submission-keys.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { publicNoticesFor } from '../../core/site.js';
import { createLaureate } from './create-laureate.js';
import { createSeason } from './create-season.js';
import { deleteLaureate } from './delete-laureate.js';
import { laureateFormValues, readLaureateForm } from './laureate-form.js';
import { getPublicSeason, listPublicLaureates, listPublicSeasons, listSeasonsForStaff } from './list-public-seasons.js';
import { seasonMessages as m } from './messages.js';
import { loadLaureateFor, loadLaureateOrGoneFor, loadSeasonFor, mayManageTrack } from './policy.js';
import { loadLaureates, loadSeasons } from './queries.js';
import { newSeasonFormValues, readSeasonForm, rowCount, seasonFormValues } from './season-form.js';
import { updateLaureate } from './update-laureate.js';
import { updateSeason } from './update-season.js';
import { AdminLaureatesPage, EditLaureatePage } from './views/admin-laureates.js';
import { AdminSeasonsPage, SeasonFormPage } from './views/admin-seasons.js';
import { type LaureateGroup, LaureatesPage } from './views/laureates-page.js';
import { SeasonPage, SeasonsListPage } from './views/public-seasons.js';

class NotFound extends Error {}

const LaureateParams = Type.Object({ id: Uuid, laureateId: Uuid });
/** `?ok=…` after a redirect: which change was made. */

function forbidden(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendErrorPage(request, reply, 403, httpMessages.forbiddenTitle, httpMessages.forbiddenText);
}

const NOTICES = {
  cree: m.created,
  enregistre: m.saved,
  laureat: m.laureateSaved,
  supprime: m.laureateDeleted,
} as const;

function noticeOf(request: FastifyRequest & { query: { ok?: string } }): string | undefined {
  const key = request.query.ok;
  return key && Object.hasOwn(NOTICES, key) ? t(request.locale, NOTICES[key as keyof typeof NOTICES]) : undefined;
}

async function registerPublicRoutes(app: App, services: Services): Promise<void> {
  app.get('/saisons', { config: { permission: 'public' } }, async (request, reply) =>
    servePublicPage(request, reply, async () => {
      const seasons = await listPublicSeasons(services);
      return <SeasonsListPage ctx={plainViewContext(request)} seasons={seasons} now={services.clock.now()} />;
    }),
  );

  app.get(
    '/saisons/:slug',
    { schema: { params: Type.Object({ slug: Type.String({ maxLength: 200 }) }) }, config: { permission: 'public' } },
    async (request, reply) => {
      try {
        return await servePublicPage(request, reply, async () => {
          const season = await getPublicSeason(services, request.params.slug);
          if (!season) throw new NotFound();
          const notices = await publicNoticesFor(services, { page: 'season', seasonId: season.id }, request.locale);
          return (
            <SeasonPage ctx={plainViewContext(request)} season={season} now={services.clock.now()} notices={notices} />
          );
        });
      } catch (error) {
        if (error instanceof NotFound) return notFound(request, reply);
        throw error;
      }
    },
  );

  app.get(
    '/laureats',
    { schema: { querystring: Query({ saison: OptionalText() }) }, config: { permission: 'public' } },
    async (request, reply) =>
      servePublicPage(request, reply, async () => {
        const selected = request.query.saison ?? '';
        const seasons = await listPublicSeasons(services);
        const chosen = seasons.filter((s) => s.slug === selected);
        const unknownFilter = selected !== '' && chosen.length === 0;
        // Only seasons that have laureates, newest first, unless one season is asked for.
        const shown = chosen.length > 0 ? chosen : seasons.filter((s) => s.laureateCount > 0).reverse();
        const groups: LaureateGroup[] = [];
        for (const season of shown) groups.push({ season, laureates: await listPublicLaureates(services, season) });
        return (
          <LaureatesPage
            ctx={plainViewContext(request)}
            seasons={seasons}
            groups={groups}
            selected={unknownFilter ? '' : selected}
            unknownFilter={unknownFilter}
          />
        );
      }),
  );
}

function seasonFormRows(values: Record<string, string>): { trackRows: number; criterionRows: number } {
  return {
    trackRows: Math.max(rowCount(values, 'track') + 1, 3),
    criterionRows: Math.max(rowCount(values, 'criterion') + 2, 7),
  };
}

async function registerSeasonAdminRoutes(app: App, services: Services): Promise<void> {
  app.get(
    '/admin/saisons',
    { schema: { querystring: NoticeQuery }, config: { permission: 'staff.area' } },
    async (request, reply) => {
      const seasons = await listSeasonsForStaff(services);
      return html(
        reply,
        200,
        <AdminSeasonsPage
          ctx={plainViewContext(request)}
          seasons={seasons}
          notice={noticeOf(request)}
          canEdit={coversEveryTrack(request.user)}
        />,
      );
    },
  );

  app.get(
    '/admin/saisons/nouvelle',
    { config: { permission: 'seasons.manage', allTracks: true } },
    async (request, reply) => {
      const seasons = await loadSeasons(services.db);
      const values = {
        ...newSeasonFormValues(Math.max(0, ...seasons.map((s) => s.number)) + 1),
        [SUBMISSION_FIELD]: newSubmissionKey(),
      };
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <SeasonFormPage
          ctx={ctx}
          heading={t(ctx.locale, m.newSeason)}
          values={values}
          errors={{}}
          {...seasonFormRows(values)}
        />,
      );
    },
  );

  app.post('/admin/saisons', { config: { permission: 'seasons.manage', allTracks: true } }, async (request, reply) => {
    const { form, input } = readSeasonForm(request.body);
    const submissionKey = readSubmissionKey(form);
    let errors: Record<string, FieldError> = form.errors;
    if (form.ok) {
      const result = await createSeason(services, actorOf(request), input, submissionKey);
      if (result.ok) return reply.redirect('/admin/saisons?ok=cree', 303);
      errors = result.errors;
    }
    const ctx = await viewContext(request, reply);
    const rows = { trackRows: rowCount(request.body, 'track'), criterionRows: rowCount(request.body, 'criterion') };
    return html(
      reply,
      400,
      <SeasonFormPage ctx={ctx} heading={t(ctx.locale, m.newSeason)} values={form.values} errors={errors} {...rows} />,
    );
  });

  app.get(
    '/admin/saisons/:id/modifier',
    { schema: { params: IdParams }, config: { permission: 'seasons.manage', allTracks: true } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request.params.id);
      if (!season) return notFound(request, reply);
      const values = seasonFormValues(season);
      const ctx = await viewContext(request, reply);
      const heading = t(ctx.locale, m.editSeason, { n: season.number });
      return html(
        reply,
        200,
        <SeasonFormPage
          ctx={ctx}
          seasonId={season.id}
          draft={season.publishedAt === null}
          heading={heading}
          values={values}
          errors={{}}
          {...seasonFormRows(values)}
        />,
      );
    },
  );

  app.post(
    '/admin/saisons/:id',
    { schema: { params: IdParams }, config: { permission: 'seasons.manage', allTracks: true } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request.params.id);
      if (!season) return notFound(request, reply);
      const { form, input } = readSeasonForm(request.body);
      let errors: Record<string, FieldError> = form.errors;
      if (form.ok) {
        const result = await updateSeason(services, actorOf(request), season.id, input);
        if (!result) return notFound(request, reply);
        if (result.ok) return reply.redirect('/admin/saisons?ok=enregistre', 303);
        errors = result.errors;
      }
      const ctx = await viewContext(request, reply);
      const rows = { trackRows: rowCount(request.body, 'track'), criterionRows: rowCount(request.body, 'criterion') };
      const heading = t(ctx.locale, m.editSeason, { n: season.number });
      return html(
        reply,
        400,
        <SeasonFormPage
          ctx={ctx}
          seasonId={season.id}
          draft={season.publishedAt === null}
          heading={heading}
          values={form.values}
          errors={errors}
          {...rows}
        />,
      );
    },
  );
}

async function registerLaureateAdminRoutes(app: App, services: Services): Promise<void> {
  app.get(
    '/admin/saisons/:id/laureats',
    { schema: { params: IdParams, querystring: NoticeQuery }, config: { permission: 'staff.area' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request.params.id);
      if (!season) return notFound(request, reply);
      const laureates = await loadLaureates(services.db, { seasonId: season.id });
      const ctx = await viewContext(request, reply);
      const state = {
        values: { position: String(laureates.length + 1), [SUBMISSION_FIELD]: newSubmissionKey() },
        errors: {},
      };
      return html(
        reply,
        200,
        <AdminLaureatesPage ctx={ctx} season={season} laureates={laureates} state={state} notice={noticeOf(request)} />,
      );
    },
  );

  app.post(
    '/admin/saisons/:id/laureats',
    { schema: { params: IdParams }, config: { permission: 'seasons.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request.params.id);
      if (!season) return notFound(request, reply);
      const { form, input } = readLaureateForm(
        request.body,
        season.tracks.map((tr) => tr.code),
      );
      const submissionKey = readSubmissionKey(form);
      if (form.ok && !mayManageTrack(request, input.trackCode)) form.fail('track_code', m.notYourTrack);
      if (form.ok) {
        await createLaureate(services, actorOf(request), season.id, input, submissionKey);
        return reply.redirect(`/admin/saisons/${season.id}/laureats?ok=laureat`, 303);
      }
      const laureates = await loadLaureates(services.db, { seasonId: season.id });
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <AdminLaureatesPage
          ctx={ctx}
          season={season}
          laureates={laureates}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    },
  );

  app.get(
    '/admin/saisons/:id/laureats/:laureateId/modifier',
    { schema: { params: LaureateParams }, config: { permission: 'seasons.manage' } },
    async (request, reply) => {
      const found = await loadLaureateFor(services, request, request.params);
      if (found === 'not-found') return notFound(request, reply);
      if (found === 'forbidden') return forbidden(request, reply);
      const { season, laureate } = found;
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <EditLaureatePage
          ctx={ctx}
          season={season}
          laureateId={laureate.id}
          state={{ values: laureateFormValues(laureate), errors: {} }}
        />,
      );
    },
  );

  app.post(
    '/admin/saisons/:id/laureats/:laureateId',
    { schema: { params: LaureateParams }, config: { permission: 'seasons.manage' } },
    async (request, reply) => {
      const found = await loadLaureateFor(services, request, request.params);
      if (found === 'not-found') return notFound(request, reply);
      if (found === 'forbidden') return forbidden(request, reply);
      const { season } = found;
      const { form, input } = readLaureateForm(
        request.body,
        season.tracks.map((tr) => tr.code),
      );
      if (form.ok && !mayManageTrack(request, input.trackCode)) form.fail('track_code', m.notYourTrack);
      if (form.ok) {
        const done = await updateLaureate(services, actorOf(request), season.id, request.params.laureateId, input);
        if (!done) return notFound(request, reply);
        return reply.redirect(`/admin/saisons/${season.id}/laureats?ok=laureat`, 303);
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <EditLaureatePage
          ctx={ctx}
          season={season}
          laureateId={request.params.laureateId}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    },
  );

  app.post(
    '/admin/saisons/:id/laureats/:laureateId/supprimer',
    { schema: { params: LaureateParams }, config: { permission: 'seasons.manage' } },
    async (request, reply) => {
      const found = await loadLaureateOrGoneFor(services, request, request.params);
      if (found === 'not-found') return notFound(request, reply);
      if (found === 'forbidden') return forbidden(request, reply);
      const { season } = found;
      // Deleting twice (double click) lands on the same page: the laureate is gone either way.
      await deleteLaureate(services, actorOf(request), season.id, request.params.laureateId);
      return reply.redirect(`/admin/saisons/${season.id}/laureats?ok=supprime`, 303);
    },
  );
}

export async function seasonRoutes(app: App, services: Services): Promise<void> {
  await registerPublicRoutes(app, services);
  await registerSeasonAdminRoutes(app, services);
  await registerLaureateAdminRoutes(app, services);
}

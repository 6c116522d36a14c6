import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, OptionalText, Query, SeasonIdParams, Uuid } from '../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { parisClockTime, parisDateTime } from '../../core/time/paris-time.js';
import { loadPublication, type PublicationState, publishDecisions, savePublicationTexts } from './publication.js';
import {
  ConfirmPublicationPage,
  type FormState,
  PublicationPage,
  publicationPath,
  summaryEnField,
  summaryField,
} from './views/publication.js';
import { publicationMessages as m } from './views/publication-messages.js';

const PublicationQuery = Query({ ok: OptionalText(), communique: Type.Optional(Uuid) });

/** The value of a datetime-local field showing this instant in Paris time. */
function parisInputValue(instant: Date): string {
  return `${isoDateParis(instant)}T${parisClockTime(instant).slice(0, 5)}`;
}

/** "2026-06-15T10:00" typed in Paris time → the instant; null when empty; an error on the field when invalid. */
function readParisDateTime(form: FormReader, field: string): Date | null {
  const value = form.text(field, { max: 19 });
  if (!value || form.errors[field]) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(value);
  let date: Date | null = null;
  try {
    date = match ? parisDateTime(match[1], match[2]) : null;
  } catch {
    date = null; // an hour or minute out of range
  }
  if (!date || Number.isNaN(date.getTime()) || isoDateParis(date) !== match![1]) {
    form.fail(field, m.dateTimeInvalid);
    return null;
  }
  return date;
}

function formOf(state: PublicationState): FormState {
  const values: Record<string, string> = {
    publish_at: state.deliberation?.publishAt ? parisInputValue(state.deliberation.publishAt) : '',
  };
  for (const l of state.laureates) {
    values[summaryField(l.publicRef)] = l.summary;
    values[summaryEnField(l.publicRef)] = l.summaryEn;
  }
  return { values, errors: {} };
}

/** The deliberation is not closed (or is gone): the page says so, with 409. */
async function conflict(request: FastifyRequest, reply: FastifyReply, state: PublicationState) {
  const ctx = await viewContext(request, reply);
  const now = request.server.services.clock.now();
  return html(reply, 409, <PublicationPage ctx={ctx} state={state} form={formOf(state)} now={now} />);
}

/**
 * Staff pages publishing a closed deliberation's laureates (decisions.manage, every track: the publication is
 * the season's): the public texts and the embargo, then ONE action, behind a confirmation step, that publishes
 * every decision at once.
 */
export async function publicationRoutes(app: App, services: Services): Promise<void> {
  const config = { permission: 'decisions.manage', allTracks: true } as const;

  app.get(
    '/admin/decisions/:seasonId/publication',
    { schema: { params: SeasonIdParams, querystring: PublicationQuery }, config },
    async (request, reply) => {
      const state = await loadPublication(services, request.params.seasonId);
      if (!state) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      const { ok, communique } = request.query;
      const notice =
        ok === 'enregistre' ? t(ctx.locale, m.saved) : ok === 'publie' ? t(ctx.locale, m.publishedNotice) : undefined;
      return html(
        reply,
        200,
        <PublicationPage
          ctx={ctx}
          state={state}
          form={formOf(state)}
          now={services.clock.now()}
          notice={notice}
          pressReleaseId={ok === 'publie' ? communique : undefined}
        />,
      );
    },
  );

  app.post(
    '/admin/decisions/:seasonId/publication',
    { schema: { params: SeasonIdParams }, config },
    async (request, reply) => {
      const state = await loadPublication(services, request.params.seasonId);
      if (!state) return notFound(request, reply);
      const path = publicationPath(state.season.id);
      if (state.deliberation?.status !== 'closed') return conflict(request, reply, state);
      const form = new FormReader(request.body);
      const action = form.choice('action', ['save', 'publish'] as const) ?? 'save';
      const publishAt = readParisDateTime(form, 'publish_at');
      const summaries = new Map<string, { summary: string; summaryEn: string }>();
      for (const l of state.laureates) {
        const summary = form.text(summaryField(l.publicRef), { required: true, max: 4000 });
        const summaryEn = form.text(summaryEnField(l.publicRef), { max: 4000 });
        summaries.set(l.publicRef, { summary, summaryEn });
      }
      if (form.ok) {
        const result = await savePublicationTexts(services, actorOf(request), state.season.id, {
          publishAt,
          summaries,
        });
        if (result.ok) return reply.redirect(action === 'publish' ? `${path}/confirmer` : `${path}?ok=enregistre`, 303);
        return conflict(request, reply, (await loadPublication(services, state.season.id)) ?? state);
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <PublicationPage
          ctx={ctx}
          state={state}
          form={{ values: form.values, errors: form.errors }}
          now={services.clock.now()}
        />,
      );
    },
  );

  app.get(
    '/admin/decisions/:seasonId/publication/confirmer',
    { schema: { params: SeasonIdParams }, config },
    async (request, reply) => {
      const state = await loadPublication(services, request.params.seasonId);
      if (!state) return notFound(request, reply);
      if (state.deliberation?.status !== 'closed') return reply.redirect(publicationPath(state.season.id), 303);
      const ctx = await viewContext(request, reply);
      return html(reply, 200, <ConfirmPublicationPage ctx={ctx} state={state} now={services.clock.now()} />);
    },
  );

  app.post(
    '/admin/decisions/:seasonId/publication/publier',
    { schema: { params: SeasonIdParams }, config },
    async (request, reply) => {
      const state = await loadPublication(services, request.params.seasonId);
      if (!state) return notFound(request, reply);
      const path = publicationPath(state.season.id);
      const form = new FormReader(request.body);
      // Only from the confirmation step: a stray POST is sent there, and nothing is published.
      if (form.text('confirm', { max: 10 }) !== 'oui') return reply.redirect(`${path}/confirmer`, 303);
      const pressRelease = form.checkbox('press_release');
      const result = await publishDecisions(services, actorOf(request), state.season.id, { pressRelease });
      if (result.ok)
        return reply.redirect(
          `${path}?ok=publie${result.pressReleaseId ? `&communique=${result.pressReleaseId}` : ''}`,
          303,
        );
      return conflict(request, reply, state);
    },
  );
}

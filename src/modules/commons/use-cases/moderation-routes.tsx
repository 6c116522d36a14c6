import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, OptionalText, Query, Uuid } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { readModeration } from './forms.js';
import { useCaseMessages as m } from './messages.js';
import { type ModeratedType, setPublicationHidden } from './moderate.js';
import { listForModeration, type ModerationFilter } from './queries.js';
import { MODERATION_PATH, okNotice } from './views/common.js';
import { ModerationPage, type ModerationParams } from './views/moderation.js';

/** Staff's moderation: no track's data (cooperation is not per track). */
const STAFF = { permission: 'commons.moderate', tracks: 'none' } as const;
const PAGE_SIZE = 30;

const ListQuery = Query({
  type: OptionalText(20),
  etat: OptionalText(20),
  q: OptionalText(200),
  page: OptionalText(10),
  ok: OptionalText(20),
});
const ItemParams = Type.Object({ id: Uuid });

const TYPES: Record<string, ModeratedType> = { 'cas-d-usage': 'use-case', besoins: 'need' };
const pageNumber = (text: string | undefined) => Math.max(1, Math.min(10_000, Number.parseInt(text ?? '1', 10) || 1));

/** /admin/cooperation/publications: use cases and needs with filters; hide and restore with a reason. */
export async function moderationRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    query: { type?: string; etat?: string; q?: string; page?: string; ok?: string },
    failed?: { id: string; error: FieldError; reason: string },
  ) {
    const params: ModerationParams = {
      type: query.type && Object.hasOwn(TYPES, query.type) ? query.type : undefined,
      etat: query.etat === 'visibles' || query.etat === 'masquees' ? query.etat : undefined,
      q: query.q?.trim() || undefined,
    };
    const filter: ModerationFilter = {
      type: params.type ? TYPES[params.type] : undefined,
      hidden: params.etat === undefined ? undefined : params.etat === 'masquees',
      q: params.q,
    };
    const requested = pageNumber(query.page);
    const first = await listForModeration(db, filter, { offset: (requested - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    const page = Math.min(requested, pages);
    const { items, total } =
      page === requested
        ? first
        : await listForModeration(db, filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <ModerationPage
        ctx={ctx}
        items={items}
        total={total}
        page={page}
        pages={pages}
        params={params}
        failed={failed}
        notice={okNotice(request.locale, query.ok, {
          masque: m.hiddenDone,
          affiche: m.unhiddenDone,
          inchange: m.alreadyDone,
        })}
      />,
    );
  }

  app.get(MODERATION_PATH, { config: STAFF, schema: { querystring: ListQuery } }, (request, reply) =>
    render(request, reply, 200, request.query),
  );

  for (const [segment, type] of Object.entries(TYPES))
    for (const [verb, hidden] of [
      ['masquer', true],
      ['afficher', false],
    ] as const)
      app.post(
        `${MODERATION_PATH}/${segment}/:id/${verb}`,
        { config: STAFF, schema: { params: ItemParams } },
        async (request, reply) => {
          const reading = readModeration(request.body);
          if (!reading.ok)
            return render(
              request,
              reply,
              400,
              {},
              {
                id: request.params.id,
                error: reading.errors.reason!,
                reason: reading.values.reason ?? '',
              },
            );
          const result = await setPublicationHidden(
            services,
            actorOf(request),
            { type, id: request.params.id },
            hidden,
            reading.input.reason,
          );
          if (!result.ok) return notFound(request, reply);
          const ok = !result.changed ? 'inchange' : hidden ? 'masque' : 'affiche';
          return reply.redirect(`${MODERATION_PATH}?ok=${ok}`, 303);
        },
      );
}

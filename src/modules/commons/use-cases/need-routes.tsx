import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from '../../../core/http/error-pages.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, OptionalText, Query } from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { seesMembersOnly } from '../membership.js';
import type { NeedCategory, NeedSide } from '../tables.js';
import { readClose, readNeed } from './forms.js';
import { LEVER_CODES, NEED_CATEGORIES, needKindOfParam, SIDE_PARAM, sideOfParam } from './labels.js';
import { useCaseMessages as m } from './messages.js';
import { forbidden, loadEditableNeed, loadNeedFor, mayEditNeed } from './policy.js';
import {
  administrationsOfMember,
  commonsOfMaintainer,
  listNeeds,
  type Named,
  type NeedFilter,
  type NeedView,
  needById,
} from './queries.js';
import { closeNeed, createNeed, type NeedResult, reopenNeed, updateNeed } from './save-need.js';
import { isTerritory } from './territories.js';
import { NEEDS_PATH, needHref, okNotice } from './views/common.js';
import {
  CloseNeedPage,
  NeedFormPage,
  NeedListPage,
  type NeedListParams,
  NeedPage,
  needFormValues,
} from './views/needs.js';
import { emptyForm, type FormState } from './views/use-case-form.js';

const PAGE_SIZE = 20;
const PUBLIC = { permission: 'public' } as const;
/**
 * Members of the space (partners) and staff; what each may change is the object rule of policy.ts. Staff
 * hold the permission too: these routes hold nothing of a season's track (`tracks: 'none'`).
 */
const MEMBERS = { permission: 'commons.members', tracks: 'none' } as const;

const ListQuery = Query({
  q: OptionalText(200),
  cote: OptionalText(20),
  type: OptionalText(20),
  categorie: OptionalText(40),
  levier: OptionalText(60),
  territoire: OptionalText(10),
  etat: OptionalText(20),
  page: OptionalText(10),
});
const SideQuery = Query({ cote: OptionalText(20) });

const STATES = { ouverts: 'open', clos: 'closed', tous: 'all' } as const;
const pageNumber = (text: string | undefined) => Math.max(1, Math.min(10_000, Number.parseInt(text ?? '1', 10) || 1));

/**
 * Needs and offers: the public list and page, posting (a member for an administration, a maintainer for a
 * commons), editing, closing with what came of it, and reopening — a need closed too early, or whose situation
 * changed, comes back open (what came of it is cleared; the audit log keeps it).
 */
export async function needRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const today = () => isoDateParis(services.clock.now());

  app.get(NEEDS_PATH, { config: PUBLIC, schema: { querystring: ListQuery } }, async (request, reply) => {
    const query = request.query;
    const side = sideOfParam(query.cote);
    const kind = needKindOfParam(query.type);
    const params: NeedListParams = {
      q: query.q?.trim() || undefined,
      cote: side ? SIDE_PARAM[side] : undefined,
      type: kind ? query.type : undefined,
      categorie: NEED_CATEGORIES.includes(query.categorie as NeedCategory) ? query.categorie : undefined,
      levier: query.levier && LEVER_CODES.includes(query.levier) ? query.levier : undefined,
      territoire: query.territoire && isTerritory(query.territoire) ? query.territoire : undefined,
      etat: query.etat && Object.hasOwn(STATES, query.etat) ? query.etat : undefined,
    };
    const filter: NeedFilter = {
      q: params.q,
      side,
      kind,
      category: params.categorie as NeedCategory | undefined,
      lever: params.levier,
      territory: params.territoire,
      state: STATES[(params.etat ?? 'ouverts') as keyof typeof STATES],
    };
    const seesMembers = seesMembersOnly(request.user);
    const requested = pageNumber(query.page);
    const list = (page: number) =>
      listNeeds(db, filter, { seesMembersOnly: seesMembers, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const first = await list(requested);
    const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    const page = Math.min(requested, pages);
    const { items, total } = page === requested ? first : await list(page);
    const user = request.user;
    const [administrations, commons] = user
      ? await Promise.all([administrationsOfMember(db, user.id), commonsOfMaintainer(db, user.id)])
      : [[], []];
    return html(
      reply,
      200,
      <NeedListPage
        ctx={plainViewContext(request)}
        items={items}
        total={total}
        page={page}
        pages={pages}
        params={params}
        canPostForAdministration={administrations.length > 0}
        canPostForCommons={commons.length > 0}
      />,
    );
  });

  /** What the person may post for on each side. */
  async function ownersOf(userId: string): Promise<Record<NeedSide, Named[]>> {
    const [administration, commons] = await Promise.all([
      administrationsOfMember(db, userId),
      commonsOfMaintainer(db, userId),
    ]);
    return { administration, commons };
  }

  /** The side asked for (`?cote=`), or else the one the person can post for (administration first). */
  function sideFor(asked: string | undefined, owners: Record<NeedSide, Named[]>): NeedSide {
    const side = sideOfParam(asked);
    if (side) return side;
    return owners.administration.length === 0 && owners.commons.length > 0 ? 'commons' : 'administration';
  }

  const nobodyToPostFor = (request: FastifyRequest, reply: FastifyReply, side: NeedSide) =>
    side === 'administration'
      ? sendErrorPage(request, reply, 403, m.noAdministrationTitle, m.noAdministrationText)
      : sendErrorPage(request, reply, 403, m.noCommonsTitle, m.noCommonsText);

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    side: NeedSide,
    need: NeedView | null,
    owners: Named[],
    form: FormState,
    notice?: { kind: 'warning'; title: string; text?: string },
  ) {
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <NeedFormPage ctx={ctx} side={side} need={need} owners={owners} form={form} notice={notice} />,
    );
  }

  app.get(`${NEEDS_PATH}/nouveau`, { config: MEMBERS, schema: { querystring: SideQuery } }, async (request, reply) => {
    const owners = await ownersOf(request.user!.id);
    const side = sideFor(request.query.cote, owners);
    const mine = owners[side];
    if (mine.length === 0) return nobodyToPostFor(request, reply, side);
    const single = mine.length === 1 ? mine[0]!.id : '';
    return renderForm(
      request,
      reply,
      200,
      side,
      null,
      mine,
      emptyForm({
        administration: side === 'administration' ? single : '',
        commun: side === 'commons' ? single : '',
        territory: 'FR',
        visibility: 'public',
      }),
    );
  });

  app.post(`${NEEDS_PATH}/nouveau`, { config: MEMBERS, schema: { querystring: SideQuery } }, async (request, reply) => {
    const owners = await ownersOf(request.user!.id);
    const side = sideFor(request.query.cote, owners);
    const mine = owners[side];
    if (mine.length === 0) return nobodyToPostFor(request, reply, side);
    const reading = readNeed(request.body, side, mine, today());
    if (!reading.ok) return renderForm(request, reply, 400, side, null, mine, reading);
    const saved = await createNeed(services, actorOf(request), reading.input);
    if (saved.ok) return reply.redirect(`${needHref(saved.id)}?ok=cree`, 303);
    reading.errors[side === 'administration' ? 'administration' : 'commun'] = {
      message: side === 'administration' ? m.notYourAdministration : m.notYourCommons,
    };
    return renderForm(request, reply, 409, side, null, mine, reading);
  });

  app.get(
    `${NEEDS_PATH}/:id`,
    { config: PUBLIC, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const need = await loadNeedFor(services, request, reply, request.params.id);
      if (!need) return reply;
      const canEdit = await mayEditNeed(services, request.user, need);
      const ctx = canEdit ? await viewContext(request, reply) : plainViewContext(request);
      return html(
        reply,
        200,
        <NeedPage
          ctx={ctx}
          need={need}
          canEdit={canEdit}
          notice={okNotice(request.locale, request.query.ok, {
            cree: m.created,
            enregistre: m.saved,
            clos: m.needClosed,
            rouvert: m.needReopened,
          })}
        />,
      );
    },
  );

  const ownerOf = (need: NeedView): Named => ({
    id: (need.side === 'administration' ? need.administrationId : need.commonsId) ?? '',
    slug: need.ownerSlug,
    name: need.ownerName,
  });

  const closedPage = (request: FastifyRequest, reply: FastifyReply) =>
    sendErrorPage(request, reply, 409, m.alreadyClosed, m.closedCannotEdit);

  const staleNotice = (request: FastifyRequest) => ({
    kind: 'warning' as const,
    title: t(request.locale, m.staleTitle),
    text: t(request.locale, m.staleText),
  });

  /** The answer to a refused change that is not about the form's fields. */
  function refused(request: FastifyRequest, reply: FastifyReply, result: NeedResult & { ok: false }) {
    if (result.problem === 'not_found') return notFound(request, reply);
    if (result.problem === 'not_author') return forbidden(request, reply, m.notEditorNeed);
    if (result.problem === 'closed') return closedPage(request, reply);
    return undefined;
  }

  app.get(`${NEEDS_PATH}/:id/modifier`, { config: MEMBERS, schema: { params: IdParams } }, async (request, reply) => {
    const need = await loadEditableNeed(services, request, reply, request.params.id);
    if (!need) return reply;
    if (need.closedAt) return closedPage(request, reply);
    return renderForm(request, reply, 200, need.side, need, [ownerOf(need)], emptyForm(needFormValues(need)));
  });

  app.post(`${NEEDS_PATH}/:id/modifier`, { config: MEMBERS, schema: { params: IdParams } }, async (request, reply) => {
    const need = await loadEditableNeed(services, request, reply, request.params.id);
    if (!need) return reply;
    const owners = [ownerOf(need)];
    const reading = readNeed(request.body, need.side, owners, today(), need.deadline);
    if (!reading.ok) return renderForm(request, reply, 400, need.side, need, owners, reading);
    const saved = await updateNeed(
      services,
      actorOf(request),
      { id: need.id, version: reading.version },
      reading.input,
    );
    if (saved.ok) return reply.redirect(`${needHref(need.id)}?ok=enregistre`, 303);
    const other = refused(request, reply, saved);
    if (other) return other;
    const fresh = (await needById(db, need.id)) ?? need;
    return renderForm(
      request,
      reply,
      409,
      need.side,
      fresh,
      owners,
      { values: { ...reading.values, version: String(fresh.version) }, errors: {} },
      staleNotice(request),
    );
  });

  app.get(`${NEEDS_PATH}/:id/cloture`, { config: MEMBERS, schema: { params: IdParams } }, async (request, reply) => {
    const need = await loadEditableNeed(services, request, reply, request.params.id);
    if (!need) return reply;
    if (need.closedAt) return closedPage(request, reply);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      200,
      <CloseNeedPage ctx={ctx} need={need} form={emptyForm({ version: String(need.version) })} />,
    );
  });

  app.post(`${NEEDS_PATH}/:id/cloture`, { config: MEMBERS, schema: { params: IdParams } }, async (request, reply) => {
    const need = await loadEditableNeed(services, request, reply, request.params.id);
    if (!need) return reply;
    const reading = readClose(request.body);
    const render = async (status: number, shown: NeedView, form: FormState, notice?: ReturnType<typeof staleNotice>) =>
      html(
        reply,
        status,
        <CloseNeedPage ctx={await viewContext(request, reply)} need={shown} form={form} notice={notice} />,
      );
    if (!reading.ok) return render(400, need, reading);
    const closed = await closeNeed(
      services,
      actorOf(request),
      { id: need.id, version: reading.version },
      reading.input,
    );
    if (closed.ok) return reply.redirect(`${needHref(need.id)}?ok=clos`, 303);
    const other = refused(request, reply, closed);
    if (other) return other;
    const fresh = (await needById(db, need.id)) ?? need;
    return render(
      409,
      fresh,
      { values: { ...reading.values, version: String(fresh.version) }, errors: {} },
      staleNotice(request),
    );
  });

  app.post(
    `${NEEDS_PATH}/:id/reouverture`,
    { config: MEMBERS, schema: { params: IdParams } },
    async (request, reply) => {
      const need = await loadEditableNeed(services, request, reply, request.params.id);
      if (!need) return reply;
      const reopened = await reopenNeed(services, actorOf(request), { id: need.id });
      if (!reopened.ok && reopened.problem !== 'open')
        return refused(request, reply, reopened) ?? notFound(request, reply);
      return reply.redirect(`${needHref(need.id)}?ok=rouvert`, 303);
    },
  );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormReader } from '../../../core/http/forms.js';
import { html } from '../../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../../core/http/request-context.js';
import { type App, NoticeQuery, OptionalText, Query } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { proconnectSiretOf } from '../../accounts/index.js';
import { seesMembersOnly } from '../membership.js';
import { isTerritoryCode } from '../territories.js';
import { createAdministration } from './create-administration.js';
import { readPresentation, readVersion } from './form-input.js';
import { administrationMessages as m } from './messages.js';
import {
  type AdministrationAccess,
  administrationHref,
  isCooperationStaff,
  loadAdministration,
  PUBLIC_PATH,
} from './policy.js';
import { administrationOfSiret, experimentsOf, listAdministrations, openNeedsOf, useCasesOf } from './queries.js';
import { checkSiret } from './register-check.js';
import { SlugParams } from './schemas.js';
import { updateAdministration } from './update-administration.js';
import { AdministrationPage } from './views/administration.js';
import { noticeFor } from './views/common.js';
import { CreatePage, EditPage, emptyForm, type FormState } from './views/forms.js';
import { AdministrationListPage, PAGE_SIZE } from './views/list.js';

const ListQuery = Query({ q: OptionalText(200), territoire: OptionalText(20), page: OptionalText(12) });

const PAGE_NOTICES = { creee: m.created, enregistree: m.saved, bienvenue: m.welcome, quittee: m.left };

/** The public list and page of an administration, its creation, and the edition of its presentation. */
export async function publicAdministrationRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get(
    PUBLIC_PATH,
    { config: { permission: 'public' }, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const search = (request.query.q ?? '').trim().slice(0, 200);
      const territory = isTerritoryCode(request.query.territoire) ? request.query.territoire : '';
      const all = await listAdministrations(db, {
        territory: territory || null,
        search,
        membersOnly: seesMembersOnly(request.user),
      });
      const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
      const asked = Number.parseInt(request.query.page ?? '1', 10);
      const page = Number.isFinite(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
      return html(
        reply,
        200,
        <AdministrationListPage
          ctx={plainViewContext(request)}
          items={all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
          total={all.length}
          page={page}
          search={search}
          territory={territory}
        />,
      );
    },
  );

  /** Who may create an administration, and of which SIRET. */
  async function creator(
    request: FastifyRequest,
  ): Promise<{ mode: 'agent' | 'staff' | 'needs-proconnect'; siret: string | null }> {
    const user = request.user!;
    if (isCooperationStaff(user)) return { mode: 'staff', siret: null };
    const siret = await proconnectSiretOf(db, user.id);
    return siret ? { mode: 'agent', siret } : { mode: 'needs-proconnect', siret: null };
  }

  async function renderCreate(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    who: { mode: 'agent' | 'staff' | 'needs-proconnect'; siret: string | null },
    form: FormState,
    existing: { slug: string; name: string } | null,
  ) {
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <CreatePage
        ctx={ctx}
        mode={who.mode}
        proconnect={services.config.proconnect !== undefined}
        siret={who.siret}
        form={form}
        existing={existing}
      />,
    );
  }

  /** The administration an agent's SIRET already designates (theirs, or the one its service belongs to). */
  async function existingFor(siret: string | null): Promise<{ slug: string; name: string } | null> {
    if (!siret) return null;
    const found = await administrationOfSiret(db, siret);
    return found && !found.administration.hidden
      ? { slug: found.administration.slug, name: found.administration.name }
      : null;
  }

  app.get(`${PUBLIC_PATH}/nouvelle`, { config: { permission: 'signed-in' } }, async (request, reply) => {
    const who = await creator(request);
    return renderCreate(request, reply, 200, who, emptyForm({ territory: 'FR' }), await existingFor(who.siret));
  });

  app.post(`${PUBLIC_PATH}/nouvelle`, { config: { permission: 'signed-in' } }, async (request, reply) => {
    const who = await creator(request);
    if (who.mode === 'needs-proconnect') return renderCreate(request, reply, 403, who, emptyForm(), null);
    const form = new FormReader(request.body);
    const siretText = who.mode === 'staff' ? form.text('siret', { required: true, max: 40 }) : (who.siret ?? '');
    const name = form.text('name', { max: 200 });
    const presentation = readPresentation(form);
    const state = () => ({ values: form.values, errors: form.errors });
    if (!form.ok) return renderCreate(request, reply, 400, who, state(), null);
    const checked = await checkSiret(services, siretText);
    if (checked.outcome === 'invalid' || !checked.siret) {
      form.fail('siret', m.siretInvalid);
      return renderCreate(request, reply, 400, who, state(), null);
    }
    if (checked.outcome === 'not_found') {
      form.fail('siret', m.siretNotFound);
      return renderCreate(request, reply, 422, who, state(), null);
    }
    if (checked.outcome !== 'verified' && !name) {
      form.fail('name', m.nameNeeded);
      return renderCreate(request, reply, 422, who, state(), null);
    }
    const result = await createAdministration(services, actorOf(request), {
      siret: { ...checked, siret: checked.siret },
      name,
      ...presentation,
      firstMember: who.mode === 'agent' ? request.user!.id : null,
    });
    if (result.ok) return reply.redirect(`${administrationHref(result.slug)}?ok=creee`, 303);
    if (result.problem === 'service_of') form.fail('siret', m.siretIsService);
    const existing = await existingFor(checked.siret);
    return renderCreate(request, reply, 409, who, state(), existing ?? { slug: result.slug, name: checked.siret });
  });

  app.get(
    `${PUBLIC_PATH}/:slug`,
    { config: { permission: 'public' }, schema: { params: SlugParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: false });
      if (!access) return reply;
      const { administration } = access;
      // Members of the space and staff see what is "members only"; so do the administration's own members.
      const membersOnly = seesMembersOnly(request.user) || access.member;
      const [useCases, needs, experiments] = await Promise.all([
        useCasesOf(db, administration.id, membersOnly),
        openNeedsOf(db, administration.id, membersOnly),
        experimentsOf(db, administration.id, membersOnly),
      ]);
      const ctx = plainViewContext(request);
      return html(
        reply,
        200,
        <AdministrationPage
          ctx={ctx}
          administration={administration}
          member={access.member}
          staff={access.staff}
          useCases={useCases}
          needs={needs}
          experiments={experiments}
          notice={noticeFor(ctx.locale, request.query.ok, PAGE_NOTICES)}
        />,
      );
    },
  );

  async function renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    access: AdministrationAccess,
    status: number,
    form: FormState,
    stale = false,
  ) {
    const ctx = await viewContext(request, reply);
    return html(reply, status, <EditPage ctx={ctx} administration={access.administration} form={form} stale={stale} />);
  }

  app.get(
    `${PUBLIC_PATH}/:slug/modifier`,
    { config: { permission: 'signed-in' }, schema: { params: SlugParams } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      const a = access.administration;
      return renderEdit(
        request,
        reply,
        access,
        200,
        emptyForm({ territory: a.territory, website: a.website ?? '', description: a.description }),
      );
    },
  );

  app.post(
    `${PUBLIC_PATH}/:slug/modifier`,
    { config: { permission: 'signed-in' }, schema: { params: SlugParams } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      const form = new FormReader(request.body);
      const version = readVersion(form);
      const presentation = readPresentation(form);
      if (!form.ok) return renderEdit(request, reply, access, 400, { values: form.values, errors: form.errors });
      const result = await updateAdministration(services, actorOf(request), {
        id: access.administration.id,
        version,
        ...presentation,
      });
      if (result.ok) return reply.redirect(`${administrationHref(access.administration.slug)}?ok=enregistree`, 303);
      // Stale: the page comes back with the saved version's number and what the person typed.
      const fresh = await loadAdministration(services, request, reply, { manage: true });
      if (!fresh) return reply;
      return renderEdit(request, reply, fresh, 409, { values: form.values, errors: {} }, true);
    },
  );
}

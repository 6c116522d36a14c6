import type { FastifyReply, FastifyRequest } from 'fastify';
import { displayName } from '../../../core/auth/permissions.js';
import { FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, NoticeQuery } from '../../../core/http/route-schemas.js';
import { type Message, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { inviteMember, withdrawInvitation } from './invite-member.js';
import { leaveAdministration } from './leave-administration.js';
import { administrationMessages as m } from './messages.js';
import { type AdministrationAccess, administrationHref, loadAdministration, PUBLIC_PATH } from './policy.js';
import { membersOf, pendingInvitations, servicesOf } from './queries.js';
import { checkSiret } from './register-check.js';
import { removeService, saveService } from './save-service.js';
import { InvitationParams, ServiceParams, SlugParams } from './schemas.js';
import { emptyForm, type FormState } from './views/forms.js';
import { MembersPage } from './views/members.js';
import { ServiceEditPage, ServicesPage } from './views/services.js';

const MEMBER = { permission: 'signed-in' } as const;

const MEMBER_NOTICES: Record<string, { kind: 'success' | 'warning'; message: Message }> = {
  invitation: { kind: 'success', message: m.invited },
  retiree: { kind: 'success', message: m.withdrawn },
  absente: { kind: 'warning', message: m.notFoundAnyMore },
};
const SERVICE_NOTICES: Record<string, { kind: 'success' | 'warning'; message: Message }> = {
  enregistre: { kind: 'success', message: m.serviceSaved },
  supprime: { kind: 'success', message: m.serviceRemoved },
  absent: { kind: 'warning', message: m.notFoundAnyMore },
};

function noticeOf(
  request: FastifyRequest,
  ok: string | undefined,
  notices: Record<string, { kind: 'success' | 'warning'; message: Message }>,
) {
  const found = ok && Object.hasOwn(notices, ok) ? notices[ok] : undefined;
  return found ? { kind: found.kind, title: t(request.locale, found.message) } : undefined;
}

/**
 * The pages of an administration's members and staff: the members and invitations (invite, withdraw an
 * invitation, leave), and the services (add, edit, remove). Anyone else gets 404 (policy.ts).
 */
export async function memberRoutes(app: App, services: Services): Promise<void> {
  const { db, clock } = services;

  async function renderMembers(
    request: FastifyRequest,
    reply: FastifyReply,
    access: AdministrationAccess,
    status: number,
    extra: { inviteForm?: FormState; notice?: { kind: 'success' | 'warning' | 'error'; title: string } } = {},
  ) {
    const id = access.administration.id;
    const [members, invitations] = await Promise.all([membersOf(db, id), pendingInvitations(db, id, clock.now())]);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <MembersPage
        ctx={ctx}
        administration={access.administration}
        members={members}
        invitations={invitations}
        member={access.member}
        inviteForm={extra.inviteForm ?? emptyForm()}
        notice={extra.notice}
      />,
    );
  }

  const membersHref = (access: AdministrationAccess) => `${administrationHref(access.administration.slug)}/membres`;

  app.get(
    `${PUBLIC_PATH}/:slug/membres`,
    { config: MEMBER, schema: { params: SlugParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      return renderMembers(request, reply, access, 200, {
        notice: noticeOf(request, request.query.ok, MEMBER_NOTICES),
      });
    },
  );

  app.post(
    `${PUBLIC_PATH}/:slug/membres/inviter`,
    { config: MEMBER, schema: { params: SlugParams } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      const form = new FormReader(request.body);
      const email = form.email('email', { required: true });
      if (!form.ok)
        return renderMembers(request, reply, access, 400, { inviteForm: { values: form.values, errors: form.errors } });
      const user = request.user!;
      const result = await inviteMember(services, actorOf(request), {
        administrationId: access.administration.id,
        administrationName: access.administration.name,
        email,
        invitedBy: user.id,
        inviterName: displayName(user),
        limited: !access.staff,
      });
      if (result.ok) return reply.redirect(`${membersHref(access)}?ok=invitation`, 303);
      const message =
        result.problem === 'already_member'
          ? m.alreadyMember
          : result.problem === 'already_invited'
            ? m.alreadyInvited
            : m.tooManyInvitations;
      form.fail('email', message);
      return renderMembers(request, reply, access, result.problem === 'too_many' ? 429 : 409, {
        inviteForm: { values: form.values, errors: form.errors },
      });
    },
  );

  app.post(
    `${PUBLIC_PATH}/:slug/membres/invitations/:invitationId/retirer`,
    { config: MEMBER, schema: { params: InvitationParams } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      const done = await withdrawInvitation(services, actorOf(request), {
        administrationId: access.administration.id,
        invitationId: request.params.invitationId,
      });
      return reply.redirect(`${membersHref(access)}?ok=${done ? 'retiree' : 'absente'}`, 303);
    },
  );

  app.post(
    `${PUBLIC_PATH}/:slug/membres/quitter`,
    { config: MEMBER, schema: { params: SlugParams } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      if (!access.member) return notFound(request, reply);
      await leaveAdministration(services, actorOf(request), {
        administrationId: access.administration.id,
        userId: request.user!.id,
      });
      // A hidden administration's page is no longer theirs to see: back to the list.
      const to = access.administration.hidden ? PUBLIC_PATH : administrationHref(access.administration.slug);
      return reply.redirect(`${to}?ok=quittee`, 303);
    },
  );

  async function renderServices(
    request: FastifyRequest,
    reply: FastifyReply,
    access: AdministrationAccess,
    status: number,
    extra: { form?: FormState; notice?: { kind: 'success' | 'warning'; title: string } } = {},
  ) {
    const ctx = await viewContext(request, reply);
    const list = await servicesOf(db, access.administration.id);
    return html(
      reply,
      status,
      <ServicesPage
        ctx={ctx}
        administration={access.administration}
        services={list}
        form={extra.form ?? emptyForm()}
        notice={extra.notice}
      />,
    );
  }

  const servicesHref = (access: AdministrationAccess) => `${administrationHref(access.administration.slug)}/services`;

  /** Reads and checks a service's form; null (errors in the form) when it cannot be saved as typed. */
  async function readService(form: FormReader): Promise<{ name: string; siret: string | null; status: number } | null> {
    const name = form.text('name', { required: true, max: 200 });
    const siretText = form.text('siret', { max: 40 });
    if (!form.ok) return { name, siret: null, status: 400 };
    if (!siretText) return { name, siret: null, status: 200 };
    const checked = await checkSiret(services, siretText);
    if (checked.outcome === 'invalid' || !checked.siret) {
      form.fail('siret', m.siretInvalid);
      return { name, siret: null, status: 400 };
    }
    if (checked.outcome === 'not_found') {
      form.fail('siret', m.siretNotFound);
      return { name, siret: null, status: 422 };
    }
    return { name, siret: checked.siret, status: 200 };
  }

  app.get(
    `${PUBLIC_PATH}/:slug/services`,
    { config: MEMBER, schema: { params: SlugParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      return renderServices(request, reply, access, 200, {
        notice: noticeOf(request, request.query.ok, SERVICE_NOTICES),
      });
    },
  );

  app.post(
    `${PUBLIC_PATH}/:slug/services`,
    { config: MEMBER, schema: { params: SlugParams } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      const form = new FormReader(request.body);
      const read = await readService(form);
      const state = () => ({ values: form.values, errors: form.errors });
      if (!read || !form.ok) return renderServices(request, reply, access, read?.status ?? 400, { form: state() });
      const result = await saveService(services, actorOf(request), {
        administrationId: access.administration.id,
        serviceId: null,
        name: read.name,
        siret: read.siret,
      });
      if (result.ok) return reply.redirect(`${servicesHref(access)}?ok=enregistre`, 303);
      if (result.problem === 'siret_taken') form.fail('siret', m.serviceSiretTaken);
      else form.fail('name', m.serviceNameTaken);
      return renderServices(request, reply, access, 409, { form: state() });
    },
  );

  async function loadService(
    request: FastifyRequest & { params: { slug: string; serviceId: string } },
    reply: FastifyReply,
  ) {
    const access = await loadAdministration(services, request, reply, { manage: true });
    if (!access) return null;
    const service = (await servicesOf(db, access.administration.id)).find((s) => s.id === request.params.serviceId);
    if (!service) {
      notFound(request, reply);
      return null;
    }
    return { access, service };
  }

  app.get(
    `${PUBLIC_PATH}/:slug/services/:serviceId`,
    { config: MEMBER, schema: { params: ServiceParams } },
    async (request, reply) => {
      const loaded = await loadService(request, reply);
      if (!loaded) return reply;
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <ServiceEditPage
          ctx={ctx}
          administration={loaded.access.administration}
          service={loaded.service}
          form={emptyForm({ name: loaded.service.name, siret: loaded.service.siret ?? '' })}
        />,
      );
    },
  );

  app.post(
    `${PUBLIC_PATH}/:slug/services/:serviceId`,
    { config: MEMBER, schema: { params: ServiceParams } },
    async (request, reply) => {
      const loaded = await loadService(request, reply);
      if (!loaded) return reply;
      const { access, service } = loaded;
      const form = new FormReader(request.body);
      const read = await readService(form);
      const render = async (status: number) => {
        const ctx = await viewContext(request, reply);
        return html(
          reply,
          status,
          <ServiceEditPage
            ctx={ctx}
            administration={access.administration}
            service={service}
            form={{ values: form.values, errors: form.errors }}
          />,
        );
      };
      if (!read || !form.ok) return render(read?.status ?? 400);
      const result = await saveService(services, actorOf(request), {
        administrationId: access.administration.id,
        serviceId: service.id,
        name: read.name,
        siret: read.siret,
      });
      if (result.ok) return reply.redirect(`${servicesHref(access)}?ok=enregistre`, 303);
      if (result.problem === 'not_found') return reply.redirect(`${servicesHref(access)}?ok=absent`, 303);
      if (result.problem === 'siret_taken') form.fail('siret', m.serviceSiretTaken);
      else form.fail('name', m.serviceNameTaken);
      return render(409);
    },
  );

  app.post(
    `${PUBLIC_PATH}/:slug/services/:serviceId/supprimer`,
    { config: MEMBER, schema: { params: ServiceParams } },
    async (request, reply) => {
      const access = await loadAdministration(services, request, reply, { manage: true });
      if (!access) return reply;
      const done = await removeService(services, actorOf(request), {
        administrationId: access.administration.id,
        serviceId: request.params.serviceId,
      });
      return reply.redirect(`${servicesHref(access)}?ok=${done ? 'supprime' : 'absent'}`, 303);
    },
  );
}

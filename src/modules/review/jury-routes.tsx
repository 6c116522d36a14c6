import type { FastifyReply } from 'fastify';
import { FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { seasonSummaries } from '../seasons/season-lookups.js';
import { inviteReviewer, listMembers, removeMember, updateMember } from './jury.js';
import { profileValues, readProfile } from './jury-forms.js';
import { juryMessages as m } from './messages.js';
import { loadSeasonFor, loadStaffMemberFor } from './policy.js';
import { MemberParams, NoticeQuery, type NoticeRequest, notice } from './schemas.js';
import { JuriesPage, JuryPage, MemberEditPage } from './views/jury.js';
import { type FormState, juryPath, type SeasonRef } from './views/staff-shell.js';

/** Staff pages of the seasons' juries and their members (review.manage); members cover every track. */
export async function juryRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function juryPage(
    request: NoticeRequest,
    reply: FastifyReply,
    season: SeasonRef,
    status: number,
    state: FormState,
  ) {
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <JuryPage
        ctx={ctx}
        season={season}
        members={await listMembers(db, season.id)}
        state={state}
        notice={notice(ctx.locale, request.query)}
      />,
    );
  }

  app.get('/admin/jury', { config: { permission: 'review.manage' } }, async (request, reply) => {
    const seasons = await seasonSummaries(db);
    const rows = await Promise.all(
      seasons.map(async (s) => ({
        id: s.id,
        name: request.locale === 'en' && s.nameEn ? s.nameEn : s.name,
        members: (await listMembers(db, s.id)).length,
      })),
    );
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <JuriesPage ctx={ctx} seasons={rows} />);
  });

  app.get(
    '/admin/saisons/:id/jury',
    { schema: { params: IdParams, querystring: NoticeQuery }, config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      return juryPage(request, reply, season, 200, { values: { min_load: '0', max_load: '10' }, errors: {} });
    },
  );

  app.post(
    '/admin/saisons/:id/jury',
    {
      schema: { params: IdParams, querystring: NoticeQuery },
      config: { permission: 'review.manage', allTracks: true },
    },
    async (request, reply) => {
      const season = await loadSeasonFor(services, request, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const email = form.email('email', { required: true });
      const profile = readProfile(form);
      if (form.ok) {
        const result = await inviteReviewer(services, actorOf(request), {
          seasonId: season.id,
          seasonName: season.name,
          email,
          profile,
          locale: request.locale,
        });
        if (result.ok) return reply.redirect(`${juryPath(season.id)}?ok=invited`, 303);
        form.fail('email', m.alreadyMember);
      }
      return juryPage(request, reply, season, 400, { values: form.values, errors: form.errors });
    },
  );

  app.get(
    '/admin/saisons/:id/jury/membres/:memberId/modifier',
    { schema: { params: MemberParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await loadStaffMemberFor(services, request, request.params);
      if (!found) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <MemberEditPage
          ctx={ctx}
          season={found.season}
          member={found.member}
          state={{ values: profileValues(found.member), errors: {} }}
        />,
      );
    },
  );

  app.post(
    '/admin/saisons/:id/jury/membres/:memberId',
    { schema: { params: MemberParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await loadStaffMemberFor(services, request, request.params);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const profile = readProfile(form);
      if (form.ok) {
        await updateMember(services, actorOf(request), found.member, profile);
        return reply.redirect(`${juryPath(found.season.id)}?ok=saved`, 303);
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <MemberEditPage
          ctx={ctx}
          season={found.season}
          member={found.member}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    },
  );

  app.post(
    '/admin/saisons/:id/jury/membres/:memberId/retirer',
    { schema: { params: MemberParams }, config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await loadStaffMemberFor(services, request, request.params);
      if (!found) return notFound(request, reply);
      await removeMember(services, actorOf(request), found.member);
      return reply.redirect(`${juryPath(found.season.id)}?ok=removed`, 303);
    },
  );
}

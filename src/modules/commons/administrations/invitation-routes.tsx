import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { personById, personName } from '../../accounts/index.js';
import { acceptInvitation, type InvitationState, invitationByToken, invitationState } from './accept-invitation.js';
import { INVITATIONS_PATH } from './invite-member.js';
import { administrationHref } from './policy.js';
import { administrationById, mergeTarget } from './queries.js';
import { TokenParams } from './schemas.js';
import { InvitationPage } from './views/invitation.js';

const STATUS: Record<InvitationState, number> = {
  open: 200,
  accepted: 200,
  expired: 410,
  used: 410,
  wrong_account: 403,
  unavailable: 403,
};

/**
 * An invitation's link. Signed-in people only: a visitor is sent to sign in (magic link) and comes back here.
 * The link opens for the address it was sent to; any other account reads why it cannot accept.
 */
export async function invitationRoutes(app: App, services: Services): Promise<void> {
  const { db, clock } = services;

  async function render(
    request: FastifyRequest & { params: { token: string } },
    reply: FastifyReply,
    forcedState?: InvitationState,
  ) {
    const invitation = await invitationByToken(db, request.params.token);
    const found = invitation ? await administrationById(db, invitation.administrationId) : undefined;
    if (!invitation || !found) return notFound(request, reply);
    const administration = await mergeTarget(db, found);
    const user = request.user!;
    const state = forcedState ?? invitationState(invitation, administration, user, clock.now());
    const inviter = await personById(db, invitation.invitedBy);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      STATUS[state],
      <InvitationPage
        ctx={ctx}
        token={request.params.token}
        state={state}
        administration={administration}
        inviterName={inviter ? personName(inviter) || null : null}
        email={invitation.email}
        expiresAt={invitation.expiresAt}
      />,
    );
  }

  app.get(
    `${INVITATIONS_PATH}/:token`,
    { config: { permission: 'signed-in' }, schema: { params: TokenParams } },
    async (request, reply) => {
      // The token is in the address: the page is never stored, and sends no referrer.
      reply.header('referrer-policy', 'no-referrer');
      return render(request, reply);
    },
  );

  app.post(
    `${INVITATIONS_PATH}/:token`,
    { config: { permission: 'signed-in' }, schema: { params: TokenParams } },
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const user = request.user!;
      const result = await acceptInvitation(services, actorOf(request), {
        token: request.params.token,
        person: { id: user.id, email: user.email },
      });
      if (result.ok) return reply.redirect(`${administrationHref(result.slug)}?ok=bienvenue`, 303);
      if (result.problem === 'not_found') return notFound(request, reply);
      return render(request, reply, result.problem);
    },
  );
}

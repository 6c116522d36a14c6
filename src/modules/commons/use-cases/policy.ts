import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CurrentUser, hasPermission } from '../../../core/auth/permissions.js';
import { sendErrorPage } from '../../../core/http/error-pages.js';
import { notFound } from '../../../core/http/replies.js';
import type { Message } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { isAdministrationMember, isMaintainer, seesMembersOnly } from '../membership.js';
import { useCaseMessages as m } from './messages.js';
import { type NeedView, needById, type UseCaseView, useCaseById } from './queries.js';

/**
 * Who may see and change a use case, a need or an offer. Hidden items (or items of a hidden administration or
 * commons) are seen by staff only, with a notice; members-only items by members of the space (seesMembersOnly);
 * whoever may not see an item gets the same 404 as for one that does not exist. A use case is changed by the
 * members of its administration; a need or an offer by the members of its administration or the maintainers
 * of its commons. Staff moderate (hide, restore) but do not edit.
 */

export function isModerator(user: CurrentUser | null): boolean {
  return hasPermission(user, 'commons.moderate');
}

function mayRead(user: CurrentUser | null, item: { hidden: boolean; ownerHidden: boolean; visibility: string }) {
  if (item.hidden || item.ownerHidden) return isModerator(user);
  return item.visibility === 'public' || seesMembersOnly(user);
}

export const mayReadUseCase = (user: CurrentUser | null, useCase: UseCaseView): boolean => mayRead(user, useCase);
export const mayReadNeed = (user: CurrentUser | null, need: NeedView): boolean => mayRead(user, need);

export async function mayEditUseCase(services: Services, user: CurrentUser | null, useCase: UseCaseView) {
  return user !== null && (await isAdministrationMember(services.db, useCase.administrationId, user.id));
}

export async function mayEditNeed(services: Services, user: CurrentUser | null, need: NeedView): Promise<boolean> {
  if (!user) return false;
  if (need.side === 'administration' && need.administrationId)
    return isAdministrationMember(services.db, need.administrationId, user.id);
  if (need.side === 'commons' && need.commonsId) return isMaintainer(services.db, need.commonsId, user.id);
  return false;
}

export function forbidden(request: FastifyRequest, reply: FastifyReply, text: Message): FastifyReply {
  return sendErrorPage(request, reply, 403, m.notEditorTitle, text);
}

/** The use case the URL names, if the visitor may see it; otherwise the 404 page is sent and undefined returned. */
export async function loadUseCaseFor(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<UseCaseView | undefined> {
  const useCase = await useCaseById(services.db, id);
  if (useCase && mayReadUseCase(request.user, useCase)) return useCase;
  notFound(request, reply);
  return undefined;
}

/** The use case the URL names, if the visitor may change it: 404 when they may not see it, 403 when they only see it. */
export async function loadEditableUseCase(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<UseCaseView | undefined> {
  const useCase = await loadUseCaseFor(services, request, reply, id);
  if (!useCase) return undefined;
  if (await mayEditUseCase(services, request.user, useCase)) return useCase;
  forbidden(request, reply, m.notEditorUseCase);
  return undefined;
}

export async function loadNeedFor(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<NeedView | undefined> {
  const need = await needById(services.db, id);
  if (need && mayReadNeed(request.user, need)) return need;
  notFound(request, reply);
  return undefined;
}

export async function loadEditableNeed(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<NeedView | undefined> {
  const need = await loadNeedFor(services, request, reply, id);
  if (!need) return undefined;
  if (await mayEditNeed(services, request.user, need)) return need;
  forbidden(request, reply, m.notEditorNeed);
  return undefined;
}

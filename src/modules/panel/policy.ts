import type { FastifyRequest } from 'fastify';
import { hasPermission } from '../../core/auth/permissions.js';
import type { Services } from '../../core/services.js';
import { loadApplicationForScoring } from '../applications/index.js';
import { panelistMemberships, shortlistIds } from './opinions.js';
import { loadPanel } from './queries.js';

/*
 * Object-level rules of the citizen panel, written once. Route permissions (panel.manage,
 * panel.demographics, panel.participate, public) are checked before the handler; these loaders answer
 * `undefined` when the object does not exist or is not this request's to see, and the route answers
 * 404 either way.
 */

/** A panel, for staff: a panel serves the whole season, so staff of any track reach it. */
export async function loadPanelFor(services: Services, _request: FastifyRequest, id: string) {
  return loadPanel(services.db, id);
}

/** A panel on the public site: not while staff are still setting it up. */
export async function loadPublicPanelFor(services: Services, _request: FastifyRequest, id: string) {
  const panel = await loadPanel(services.db, id);
  return panel && panel.status !== 'setup' ? panel : undefined;
}

/** Whether the staff member reads the volunteers' demographic answers. */
export function canReadDemographics(request: FastifyRequest): boolean {
  return hasPermission(request.user, 'panel.demographics');
}

/**
 * The panel, the member and the shortlisted application named in the URL, for the signed-in panelist:
 * only a member of that panel, and only an application on its shortlist. The application is read as
 * an outside expert reads it: submitted answers, no email answers, no files, no contact details.
 */
export async function loadShortlistedApplicationFor(
  services: Services,
  request: FastifyRequest,
  params: { id: string; applicationId: string },
) {
  const { id, applicationId } = params;
  if (!request.user) return undefined;
  const membership = (await panelistMemberships(services.db, request.user.id)).find((mb) => mb.panelId === id);
  if (!membership) return undefined;
  if (!(await shortlistIds(services.db, id)).includes(applicationId)) return undefined;
  const panel = await loadPanel(services.db, id);
  const application = await loadApplicationForScoring(services.db, applicationId, { blind: false });
  if (!panel || !application) return undefined;
  return { panel, memberId: membership.memberId, application };
}

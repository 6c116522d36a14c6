import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.js';
import { type CurrentUser, type Permission, staffTracks } from '../auth/permissions.js';
import type { Locale } from '../i18n/i18n.js';
import type { Services } from '../services.js';
import type { ViewContext } from '../ui/view-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Required on every route: deny by default. */
    permission?: Permission;
    /**
     * The route acts on (or shows) a whole season across its tracks — season settings, the jury and its
     * phases, the assignment, reminders, the ranking seed, the panel: a staff member limited to some
     * tracks is refused (403), whatever their permission. See `coversEveryTrack`.
     */
    allTracks?: boolean;
    /**
     * For a staff route that is not `allTracks`, what it holds of the tracks: `one` (an object of one track: a
     * limited member is refused the other track's), `filtered` (a list or export showing only the member's
     * tracks), `none` (nothing of a track). The track test (test/track-authorization.test.ts) takes a route's
     * class from here, so a module classifies its own routes in its folder; it tests `one` and `filtered`
     * routes in its own tests.
     */
    tracks?: 'one' | 'filtered' | 'none';
    /** Set to false only for routes that cannot carry a CSRF token (OIDC callback is a GET anyway). */
    csrf?: boolean;
    /**
     * A machine-readable route of the public API (JSON, CSV, feed, file): it appears in the OpenAPI document
     * (/api/openapi.json) with its TypeBox schemas. Pages and staff routes leave it unset.
     */
    openapi?: boolean;
  }
  interface FastifyInstance {
    services: Services;
  }
}

/** The view context for a page that holds forms (it gets a CSRF token). */
export async function viewContext(request: FastifyRequest, reply: FastifyReply): Promise<ViewContext> {
  return {
    locale: request.locale,
    user: request.user,
    path: request.url.split('?')[0],
    csrfToken: reply.generateCsrf(),
    site: request.server.services.site,
  };
}

/** The view context for a page that holds no form: no CSRF cookie is set, so it can be cached. */
export function plainViewContext(request: FastifyRequest): ViewContext {
  return {
    locale: request.locale,
    user: request.user,
    path: request.url.split('?')[0],
    site: request.server.services.site,
  };
}

/** The actor recorded in the audit log for a change made through this request. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.user) return { id: null, label: `anonymous ${request.ip}` };
  // The id, never the email or name: the audit log is append-only and must survive an erasure.
  return { id: request.user.id, label: `user:${request.user.id}` };
}

/**
 * The tracks the signed-in staff member may see (undefined: every track; none when nobody is signed in).
 * Staff routes filter lists and refuse objects with it: see `staffTracks`.
 */
export function tracksOf(request: FastifyRequest): string[] | undefined {
  return request.user ? staffTracks(request.user) : [];
}

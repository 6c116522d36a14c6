import { type CurrentUser, staffTracks, tracksInclude } from '../../core/auth/permissions.js';
import type { ApplicationRecord } from './queries.js';

/**
 * Object-level rules of the applications module, in one place (Outline's server/policies are the model).
 * A route's `config.permission` says who may reach a kind of page (staff, a signed-in person); these say
 * which application. Who may see an application as applicant (its owner, or a member invited at their
 * address) is the SQL condition `mayWorkOn` in queries.ts, so that a list never loads what it may not show.
 */

type Tracked = Pick<ApplicationRecord, 'trackCode'>;
type Owned = Pick<ApplicationRecord, 'ownerId'>;

/** Whether staff limited to `tracks` (undefined = every track) may act on this application. */
export function tracksCover(tracks: readonly string[] | undefined, application: Tracked): boolean {
  return tracksInclude(tracks, application.trackCode);
}

/** A staff member instructs an application of a track their grants cover (admins and unlimited staff: all). */
export function canInstruct(user: CurrentUser | null, application: Tracked): boolean {
  return user !== null && tracksCover(staffTracks(user), application);
}

/** The owner leads the application: only they withdraw it or invite co-applicants (members may edit it). */
export function isOwner(user: Pick<CurrentUser, 'id'>, application: Owned): boolean {
  return application.ownerId === user.id;
}

export const canWithdraw = isOwner;
export const canInviteMembers = isOwner;

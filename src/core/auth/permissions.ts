/** The roles a person can hold; staff may be limited to one track. */
export const ROLES = ['applicant', 'reviewer', 'panelist', 'staff', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Every route names one permission (route config `permission`). `public` is open to anyone,
 * `signed-in` to anyone with a session; every other permission is granted only by the roles below.
 */
export const PERMISSIONS = {
  public: [],
  'signed-in': [],
  'content.manage': ['staff', 'admin'],
  'files.upload': ['staff', 'admin'],
  'accounts.manage': ['admin'],
  'mail.read': ['admin'],
  'audit.read': ['admin'],
  'staff.area': ['staff', 'admin'],
  'seasons.manage': ['staff', 'admin'],
  'applications.instruct': ['staff', 'admin'],
  /** Build the jury, set review phases, run and publish the assignment, read the ranking. */
  'review.manage': ['staff', 'admin'],
  /** The reviewer's own area: declare conflicts, bid, score assigned applications. */
  'review.participate': ['reviewer'],
  /** Set up a citizen panel: quotas, analysis, commitment, draw, invitations (aggregated counts only). */
  'panel.manage': ['staff', 'admin'],
  /** Read volunteers' individual demographic answers (kept apart, deleted on a schedule). */
  'panel.demographics': ['admin'],
  /** The panelist's own area: read the shortlist and give opinions. */
  'panel.participate': ['panelist'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface RoleGrant {
  role: Role;
  /** '' when the grant covers every track. */
  track: string;
}

export interface CurrentUser {
  id: string;
  email: string;
  givenName: string | null;
  familyName: string | null;
  locale: 'fr' | 'en';
  roles: RoleGrant[];
  sessionId: string;
}

export function hasPermission(user: CurrentUser | null, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (!user) return false;
  if (permission === 'signed-in') return true;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return user.roles.some((grant) => allowed.includes(grant.role));
}

/**
 * The tracks a staff member may see: undefined means all tracks (admin, or staff with an
 * unrestricted grant), otherwise the list of tracks their grants name.
 */
export function staffTracks(user: CurrentUser): string[] | undefined {
  if (user.roles.some((g) => g.role === 'admin' || (g.role === 'staff' && g.track === ''))) return undefined;
  return user.roles.filter((g) => g.role === 'staff').map((g) => g.track);
}

/**
 * Whether the person's grants cover every track (admin, or staff without a track limit). Actions
 * that concern a whole season (its settings, the jury, the assignment, the ranking seed, the panel)
 * need it: a route says so with `config.allTracks`, and the app refuses it to a track-limited member.
 */
export function coversEveryTrack(user: CurrentUser | null): boolean {
  return user !== null && staffTracks(user) === undefined;
}

/** Whether a staff member may act on something of this track ('' = of no track: only with every track). */
export function coversTrack(user: CurrentUser | null, trackCode: string): boolean {
  if (!user) return false;
  const tracks = staffTracks(user);
  return tracks === undefined || (trackCode !== '' && tracks.includes(trackCode));
}

export function displayName(user: Pick<CurrentUser, 'email' | 'givenName' | 'familyName'>): string {
  const name = [user.givenName, user.familyName].filter(Boolean).join(' ');
  return name || user.email;
}

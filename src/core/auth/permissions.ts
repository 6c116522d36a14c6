/**
 * The roles a person can hold; staff may be limited to one track. `finance` manages grant amounts and payments:
 * a right distinct from instruction, given to staff who handle the money (issue 14).
 */
export const ROLES = ['applicant', 'reviewer', 'panelist', 'staff', 'finance', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A permission table: each permission with the roles granted it. */
export type PermissionTable = Readonly<Record<string, readonly Role[]>>;

/**
 * The platform's own permissions. `public` is open to anyone, `signed-in` to anyone with a session; every
 * other permission is granted only by the roles it lists. Modules declare theirs in their manifest
 * (`Module.permissions`, src/core/module.ts).
 */
export const CORE_PERMISSIONS = {
  public: [],
  'signed-in': [],
  /** The staff area as a whole (/admin and the tools every staff member sees); shared by several modules. */
  'staff.area': ['staff', 'admin'],
  'files.upload': ['staff', 'admin'],
} as const satisfies PermissionTable;

type CorePermissions = typeof CORE_PERMISSIONS;

/**
 * Every permission a route may name (route config `permission`), as a type: core's, plus each module's,
 * added from the module's own folder by declaration merging —
 *
 *   declare module '../../core/auth/permissions.js' {
 *     interface PermissionRegistry extends SeasonsPermissions {}
 *   }
 *
 * so a route naming a permission nobody declares fails to compile, while core names no module. The
 * runtime table is {@link PERMISSIONS}, filled from the manifests the app is built with.
 */
export interface PermissionRegistry extends CorePermissions {}

export type Permission = keyof PermissionRegistry & string;

/**
 * The one table deny-by-default reads: core's permissions, then each module's manifest's, merged by
 * `registerPermissions` when the app is built. A permission absent from it is granted to nobody, and a
 * route naming one stops the platform at start-up.
 */
export const PERMISSIONS: Partial<Record<Permission, readonly Role[]>> = { ...CORE_PERMISSIONS };

/**
 * Merges a module's permissions into {@link PERMISSIONS}. Declaring the same permission again with the
 * same roles is allowed (an app built twice in one process); with other roles it is a mistake, refused.
 */
export function registerPermissions(table: Partial<Record<Permission, readonly Role[]>>, owner: string): void {
  for (const [name, roles] of Object.entries(table) as [Permission, readonly Role[]][]) {
    const known = PERMISSIONS[name];
    if (known && (known.length !== roles.length || known.some((role, i) => role !== roles[i])))
      throw new Error(`Module ${owner} declares permission ${name} again with other roles`);
    PERMISSIONS[name] = roles;
  }
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}

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
  const allowed: readonly Role[] = PERMISSIONS[permission] ?? [];
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

/**
 * Whether something of this track is among the tracks a staff member sees (`staffTracks`, `tracksOf`:
 * undefined is every track). Something of no track ('' or unknown) is for staff with every track only.
 */
export function tracksInclude(tracks: readonly string[] | undefined, trackCode: string | undefined): boolean {
  return tracks === undefined || (!!trackCode && tracks.includes(trackCode));
}

/** Whether a staff member may act on something of this track ('' = of no track: only with every track). */
export function coversTrack(user: CurrentUser | null, trackCode: string): boolean {
  return user !== null && tracksInclude(staffTracks(user), trackCode);
}

export function displayName(user: Pick<CurrentUser, 'email' | 'givenName' | 'familyName'>): string {
  const name = [user.givenName, user.familyName].filter(Boolean).join(' ');
  return name || user.email;
}

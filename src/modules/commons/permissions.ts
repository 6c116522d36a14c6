import type { PermissionTable } from '../../core/auth/permissions.js';

/**
 * The permissions this module's routes name, with the roles granted them (merged by the app at start-up).
 * The `partner` role is a member of the cooperation space: a public agent member of an administration, or
 * a maintainer of a commons. It is granted when a person joins one and removed when they leave the last
 * (membership.ts); what a partner may edit is the object rule of policy.ts (their administrations, their
 * commons), like a laureate's team reaches its space through `signed-in` routes.
 */
export const commonsPermissions = {
  /** Read what the cooperation space shows to its members only (use cases, needs, experiments so marked). */
  'commons.members': ['partner', 'staff', 'admin'],
  /** Staff's side of the cooperation space: moderation (hide, merge), administrations, figures, imports. */
  'commons.moderate': ['staff', 'admin'],
} as const satisfies PermissionTable;

type CommonsPermissions = typeof commonsPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends CommonsPermissions {}
}

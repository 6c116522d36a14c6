import type { PermissionTable } from '../../core/auth/permissions.js';

/**
 * The permissions this module's routes name, with the roles granted them (merged by the app at start-up).
 * The laureate's team reaches its space through `signed-in` routes and the object rule of policy.ts
 * (a member of the application's team), like an applicant reaches its application.
 */
export const supportPermissions = {
  /** Follow the laureates: plans, milestones, sessions, introductions (track-limited staff: their track's). */
  'support.manage': ['staff', 'admin'],
  /** The directory of administration contacts: staff only, every track (personal data under a legal basis). */
  'support.contacts': ['staff', 'admin'],
} as const satisfies PermissionTable;

type SupportPermissions = typeof supportPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends SupportPermissions {}
}

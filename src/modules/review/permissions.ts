import type { PermissionTable } from '../../core/auth/permissions.js';

/** The permissions this module's routes name, with the roles granted them (merged by the app at start-up). */
export const reviewPermissions = {
  /** Build the jury, set review phases, run and publish the assignment, read the ranking. */
  'review.manage': ['staff', 'admin'],
  /** The reviewer's own area: declare conflicts, bid, score assigned applications. */
  'review.participate': ['reviewer'],
} as const satisfies PermissionTable;

type ReviewPermissions = typeof reviewPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends ReviewPermissions {}
}

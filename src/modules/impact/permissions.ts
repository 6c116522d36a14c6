import type { PermissionTable } from '../../core/auth/permissions.js';

/**
 * The permissions this module's routes name, with the roles granted them (merged by the app at start-up).
 * A laureate's team reports its values and proposes testimonies through `signed-in` routes and the object
 * rule of its laureate space (support's `spaceForTeam`); public pages are `public`.
 */
export const impactPermissions = {
  /** Define indicators with the laureates, approve or return their values, record testimonies, the season report. */
  'impact.manage': ['staff', 'admin'],
} as const satisfies PermissionTable;

type ImpactPermissions = typeof impactPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends ImpactPermissions {}
}

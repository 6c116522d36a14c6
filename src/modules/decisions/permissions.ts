import type { PermissionTable } from '../../core/auth/permissions.js';

/** The permissions this module's routes name, with the roles granted them (merged by the app at start-up). */
export const decisionsPermissions = {
  /** Run the deliberation, record decisions, close it, send notices, publish. */
  'decisions.manage': ['staff', 'admin'],
} as const satisfies PermissionTable;

type DecisionsPermissions = typeof decisionsPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends DecisionsPermissions {}
}

import type { PermissionTable } from '../../core/auth/permissions.js';

/**
 * The permissions this module's routes name. Amounts and payments need `grants.manage`, held by the
 * `finance` role (and admins): distinct from instruction, so staff who follow laureates do not see or move
 * money unless also given that role. The team sees its own grant through `signed-in` routes and policy.ts.
 */
export const grantsPermissions = {
  /** Envelopes, grants, tranches, payments, amendments, conventions, procedures, financial reports. */
  'grants.manage': ['finance', 'admin'],
} as const satisfies PermissionTable;

type GrantsPermissions = typeof grantsPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends GrantsPermissions {}
}

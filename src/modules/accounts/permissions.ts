import type { PermissionTable } from '../../core/auth/permissions.js';

/** The permissions this module's routes name, with the roles granted them (merged by the app at start-up). */
export const accountsPermissions = {
  /** Grant and withdraw roles, read the list of accounts. */
  'accounts.manage': ['admin'],
  /** Read the mails the platform sent (the outbox). */
  'mail.read': ['admin'],
  /** Read and verify the audit log. */
  'audit.read': ['admin'],
} as const satisfies PermissionTable;

type AccountsPermissions = typeof accountsPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends AccountsPermissions {}
}

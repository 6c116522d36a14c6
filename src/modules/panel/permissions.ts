import type { PermissionTable } from '../../core/auth/permissions.js';

/** The permissions this module's routes name, with the roles granted them (merged by the app at start-up). */
export const panelPermissions = {
  /** Set up a citizen panel: quotas, analysis, commitment, draw, invitations (aggregated counts only). */
  'panel.manage': ['staff', 'admin'],
  /** Read volunteers' individual demographic answers (kept apart, deleted on a schedule). */
  'panel.demographics': ['admin'],
  /** The panelist's own area: read the shortlist and give opinions. */
  'panel.participate': ['panelist'],
} as const satisfies PermissionTable;

type PanelPermissions = typeof panelPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends PanelPermissions {}
}

import type { PermissionTable } from '../../core/auth/permissions.js';

/**
 * The permissions this module's routes name, with the roles granted them (merged by the app at start-up).
 * Registering to an event is `public` (by email confirmation) or `signed-in`; a registration is reached
 * by its owner or through the secret link of its mails.
 */
export const eventsPermissions = {
  /** Create and run events (registrations, waiting list, attendees, closing report) and manage partners. */
  'events.manage': ['staff', 'admin'],
} as const satisfies PermissionTable;

type EventsPermissions = typeof eventsPermissions;

// Makes these permission names known to the compiler wherever a route names one (core/auth/permissions.ts).
declare module '../../core/auth/permissions.js' {
  interface PermissionRegistry extends EventsPermissions {}
}

import type { PermissionTable } from '../../../src/core/auth/permissions.js';

export const examplePermissions = {
  'example.manage': ['staff', 'admin'],
} as const satisfies PermissionTable;

type ExamplePermissions = typeof examplePermissions;

// Makes the permission name known to the compiler, from this folder only, as a real module does.
declare module '../../../src/core/auth/permissions.js' {
  interface PermissionRegistry extends ExamplePermissions {}
}

import type { Module } from '../../core/module.js';
import { accountRoutes } from './account-routes.js';
import { adminRoutes } from './admin-routes.js';
import { accountCommands } from './commands.js';
import { loadAccountsDemo } from './demo.js';
import './mails.js';
import { proconnectRoutes } from './proconnect-routes.js';
import { signInRoutes } from './sign-in-routes.js';
import { onAccountsStart } from './start-notice.js';

// The accounts' public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { DEMO_STAFF } from './demo.js';
export { requestMagicLink } from './magic-link.js';
export { updateProfile } from './my-data.js';
export {
  createSyntheticPeople,
  type Person,
  peopleByIds,
  personByEmail,
  personById,
  personColumn,
  personName,
  staffOfTrack,
  syntheticPeopleIds,
  syntheticPersonId,
} from './people.js';
export { grantRole } from './roles.js';
export { findOrCreateUserByEmail, userActor } from './users.js';

/** Sign-in (magic link, ProConnect), sessions, "my space", roles and the administration pages. */
export const accountsModule: Module = {
  name: 'accounts',
  async routes(app, services) {
    await signInRoutes(app, services);
    await proconnectRoutes(app, services);
    await accountRoutes(app, services);
    await adminRoutes(app, services);
  },
  commands: accountCommands,
  loadDemo: loadAccountsDemo,
  onStart: onAccountsStart,
};

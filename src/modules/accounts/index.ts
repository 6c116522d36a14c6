import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { accountRoutes } from './account-routes.js';
import { countFailedMails } from './admin-queries.js';
import { adminRoutes } from './admin-routes.js';
import { accountCommands } from './commands.js';
import { loadAccountsDemo } from './demo.js';
import './mails.js';
import { adminCounts, accountsSiteMessages as am, adminMessages as m } from './messages.js';
import { accountsPermissions } from './permissions.js';
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
  type StaffMember,
  staffOfTrack,
  staffWithPermission,
  syntheticPeopleIds,
  syntheticPersonId,
} from './people.js';
export {
  addProconnectSignInListener,
  type ProconnectSignIn,
  type ProconnectSignInListener,
  proconnectSiretOf,
} from './proconnect-listeners.js';
export { grantRole, revokeRole } from './roles.js';
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
  permissions: accountsPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  headerLinks: [
    // The staff dashboard (/admin) is served here; every module adds its tiles to it.
    { href: '/admin', label: am.administration, icon: 'fr-icon-settings-5-line', permission: 'staff.area', order: 10 },
    { href: '/compte', label: am.mySpace, icon: 'fr-icon-account-circle-line', permission: 'signed-in', order: 50 },
  ],
  siteMap: [{ href: '/connexion', label: am.signIn, section: 'main', order: 90 }],
  dashboard: [
    { href: '/admin/comptes', permission: 'accounts.manage', title: m.accounts, text: m.accountsText, order: 70 },
    {
      href: '/admin/courriels',
      permission: 'mail.read',
      title: m.mails,
      text: m.mailsText,
      order: 80,
      // Mails that could not be sent: someone did not get a link or a notice, and may need it sent again.
      countLabel: adminCounts.failedMails,
      count: (services) => countFailedMails(services.db),
    },
    { href: '/admin/journal', permission: 'audit.read', title: m.journal, text: m.journalText, order: 90 },
  ],
  examplePages: [
    { name: 'sign-in', url: '/connexion' },
    { name: 'admin home', url: '/admin', staff: true },
    { name: 'accounts admin', url: '/admin/comptes', staff: true },
    { name: 'my account', url: '/compte', staff: true },
    { name: 'name at first sign-in', url: '/compte/nom', staff: true },
    { name: 'mails admin', url: '/admin/courriels', staff: true },
    { name: 'audit log', url: '/admin/journal', staff: true },
    { name: 'audit event', from: { listing: '/admin/journal', link: /^\/admin\/journal\/\d+$/ }, staff: true },
  ],
};

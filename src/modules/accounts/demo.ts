import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { grantByEmail } from './commands.js';

const demoActor: Actor = { id: null, label: 'demo' };

export const DEMO_ADMIN = 'admin@accelerateur.localhost';
export const DEMO_STAFF = 'equipe@accelerateur.localhost';

/** The demo team: one administrator and one staff member; running it again changes nothing. */
export async function loadAccountsDemo(services: Services): Promise<void> {
  await grantByEmail(services, demoActor, { email: DEMO_ADMIN, role: 'admin', track: '' });
  await grantByEmail(services, demoActor, { email: DEMO_STAFF, role: 'staff', track: '' });
}

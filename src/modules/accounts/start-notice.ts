import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { grantByEmail } from './commands.js';
import { DEMO_ADMIN } from './demo.js';

const startActor: Actor = { id: null, label: 'ADMIN_EMAIL' };

/**
 * At `npm start`: grants ADMIN_EMAIL the administrator role (so nobody needs the CLI beside a running
 * server, which the embedded database refuses), and tells whoever started the platform how to sign in.
 */
export async function onAccountsStart(services: Services): Promise<string[]> {
  const { config } = services;
  const admins: string[] = [];
  if (config.adminEmail) {
    await grantByEmail(services, startActor, { email: config.adminEmail, role: 'admin', track: '' });
    admins.push(config.adminEmail);
  }
  if (config.loadDemo) admins.push(DEMO_ADMIN);
  if (admins.length === 0) return [];
  const where = config.smtpUrl
    ? { fr: 'le lien arrive par courriel', en: 'the link arrives by mail' }
    : {
        fr: 'le lien de connexion s’affiche ici, dans le journal du serveur',
        en: 'the sign-in link shows here, in the server log',
      };
  const list = admins.join(', ');
  return [
    `Pour administrer la plateforme : ouvrez ${config.baseUrl}/connexion avec ${list} (${where.fr}).`,
    `To administer the platform: open ${config.baseUrl}/connexion with ${list} (${where.en}).`,
  ];
}

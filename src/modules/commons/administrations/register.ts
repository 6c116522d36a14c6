import { addProconnectSignInListener } from '../../accounts/index.js';
import { joinByProconnect } from './join-by-proconnect.js';
// Mail templates register on import.
import './mails.js';

/**
 * What the administrations add to shared registries when the module loads (decision 0014): the invitation
 * mail, and joining an agent to their administration after a ProConnect sign-in (accounts runs it after the
 * sign-in committed, logs a failure, and never fails the sign-in for it).
 */
addProconnectSignInListener('commons.administrations', async (services, signIn) => {
  await joinByProconnect(services, signIn);
});

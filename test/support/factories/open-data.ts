/**
 * What the open-data module's tests need to fill the datasets it publishes, from the owners' test support:
 * commons and use cases, impact indicators and values, grants with their envelopes, events and registrations.
 */
export {
  insertAdministration,
  insertCommons,
  insertUseCase,
  VALID_SIRETS,
} from '../../../src/modules/commons/testing.js';
export { insertEvent, insertRegistration } from '../../../src/modules/events/testing.js';
export { insertEnvelope, insertGrant } from '../../../src/modules/grants/testing.js';
export { insertIndicator, insertValue } from '../../../src/modules/impact/testing.js';

/**
 * Test support of the grants module, for other modules' tests (through test/support/factories): envelopes and
 * grants written straight into its tables. The folders' own test support stays beside their tests.
 */
export { insertEnvelope, insertGrant } from './reports/testing.js';

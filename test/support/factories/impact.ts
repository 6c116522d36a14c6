/** Impact test data for cross-module tests (the browser's season report), through the impact folders' test support. */
export { seedReportSeason } from '../../../src/modules/impact/testing.js';

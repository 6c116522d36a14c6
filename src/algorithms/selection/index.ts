/**
 * The selection: jury and panel combined into the decision, and the transparency bundle anyone can verify
 * (the browser verifier and the standalone `verificateur` are their own entry points, not exported here).
 */
export { type DeliberationToPublish, publish, resultAsPublished } from './bundle.js';
export {
  type CombinedRow,
  type CombinedSelection,
  combineSelection,
  type PanelOpinion,
  type SelectionInputs,
} from './combine.js';
export { departures, FILES } from './format.js';
export { runVerifier } from './verifier-main.js';
export { verify } from './verify.js';
export { readZip } from './zip.js';

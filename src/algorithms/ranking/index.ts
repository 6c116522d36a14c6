/** The calibrated ranking of applications from the jury's scores: pure computation. */
export { type Ranking, rankApplications } from './ranking.js';

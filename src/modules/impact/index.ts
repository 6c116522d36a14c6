import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import type { ImpactPart } from './part.js';
import { impactPermissions } from './permissions.js';
import { impactPersonalData } from './personal-data.js';
import { publicPart } from './public/part.js';
import { reportingPart } from './reporting/part.js';

// The impact module's public surface: what other modules may call. Nothing else of this folder is imported from outside.
export {
  type IndicatorPoint,
  type PublicIndicator,
  type PublicTestimony,
  publicIndicators,
  publicTestimonies,
} from './queries.js';
export { testimonyPhotoHref } from './reporting/photo-href.js';

const PARTS: ImpactPart[] = [reportingPart, publicPart];

/**
 * Impact (issue 16): indicators per laureate with values reported and approved over time (Akvo RSR's
 * cycle), testimonies with consent, the public laureate page with its charts, and the season report.
 * One folder per part; each contributes its share of the manifest.
 */
export const impactModule: Module = {
  name: 'impact',
  permissions: impactPermissions,
  personalData: impactPersonalData,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: async (app, services) => {
    for (const part of PARTS) await part.routes?.(app, services);
  },
  jobs: (services) => Object.assign({}, ...PARTS.map((part) => part.jobs?.(services) ?? {})),
  schedule: async (services) => {
    for (const part of PARTS) await part.schedule?.(services);
  },
  commands: Object.assign({}, ...PARTS.map((part) => part.commands ?? {})),
  loadDemo: async (services) => {
    for (const part of PARTS) await part.loadDemo?.(services);
  },
  nav: PARTS.flatMap((part) => part.nav ?? []),
  siteMap: PARTS.flatMap((part) => part.siteMap ?? []),
  dashboard: PARTS.flatMap((part) => part.dashboard ?? []),
  examplePages: PARTS.flatMap((part) => part.examplePages ?? []),
};

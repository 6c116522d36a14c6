import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Module } from '../../core/module.js';
import { administrationsPart } from './administrations/part.js';
import { cataloguePart } from './catalogue/part.js';
import { mergeTargets } from './catalogue/queries.js';
import { loadCommonsDemo } from './demo.js';
import { experimentsPart } from './experiments/part.js';
import { matchingPart } from './matching/part.js';
import { commonsSiteMessages as m } from './messages.js';
import type { CooperationPart } from './part.js';
import { commonsPermissions } from './permissions.js';
import { commonsDataOf, eraseCommonsData } from './personal-data.js';
import { useCasesPart } from './use-cases/part.js';

// The cooperation space's public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { type CooperationFigures, cooperationFigures } from './matching/figures.js';
export { administrationIdsOf, maintainedCommonsIdsOf } from './membership.js';
export {
  commonsLabels,
  type PublicCommons,
  type PublicUseCase,
  publicCommons,
  publicUseCases,
} from './open-data.js';

/** The visible commons (not hidden, not merged) by name, for other modules' pickers (events' links). */
export function visibleCommons(db: Kysely<DB>): Promise<{ id: string; name: string; slug: string }[]> {
  return mergeTargets(db, '00000000-0000-0000-0000-000000000000');
}

const PARTS: CooperationPart[] = [cataloguePart, administrationsPart, useCasesPart, matchingPart, experimentsPart];

/**
 * The cooperation space (issue 15): digital commons and administrations meeting around concrete use cases,
 * needs and offers matched with explained suggestions, contacts through the platform followed up, and
 * experiments followed with milestones. One folder per part; each contributes its share of the manifest.
 */
export const commonsModule: Module = {
  name: 'commons',
  permissions: commonsPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: async (app, services) => {
    for (const part of PARTS) await part.routes?.(app, services);
  },
  jobs: (services) => Object.assign({}, ...PARTS.map((part) => part.jobs?.(services) ?? {})),
  schedule: async (services) => {
    for (const part of PARTS) await part.schedule?.(services);
  },
  commands: Object.assign({}, ...PARTS.map((part) => part.commands ?? {})),
  personalData: { name: 'cooperation', export: commonsDataOf, erase: eraseCommonsData },
  loadDemo: loadCommonsDemo,
  nav: [{ href: '/cooperation', label: m.cooperation, order: 55 }, ...PARTS.flatMap((part) => part.nav ?? [])],
  siteMap: [
    { href: '/cooperation', label: m.cooperation, section: 'main', order: 55 },
    ...PARTS.flatMap((part) => part.siteMap ?? []),
  ],
  dashboard: [
    { href: '/admin/cooperation', permission: 'commons.moderate', title: m.cooperation, text: m.staffText, order: 69 },
    ...PARTS.flatMap((part) => part.dashboard ?? []),
  ],
  examplePages: PARTS.flatMap((part) => part.examplePages ?? []),
};

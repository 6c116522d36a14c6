import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { agendaPart } from './agenda/part.js';
import type { EventsPart } from './part.js';
import { partnersPart } from './partners/part.js';
import { eventsPermissions } from './permissions.js';
import { eraseEventsData, eventsDataOf } from './personal-data.js';
import './tables.js';

// The events module's public surface: what other modules may call (the open-data API reads events and partners here).
export { type PublicEvent, publicEvents } from './agenda/queries.js';
export { type PublicPartner, publicPartners } from './partners/queries.js';

const PARTS: EventsPart[] = [agendaPart, partnersPart];

/**
 * Events with the ecosystem and the programme's partners (issue 16): events with registration, a waiting
 * list and calendar feeds; partners managed by staff. One folder per part; each contributes its share of
 * the manifest.
 */
export const eventsModule: Module = {
  name: 'events',
  permissions: eventsPermissions,
  personalData: { name: 'events', export: eventsDataOf, erase: eraseEventsData },
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

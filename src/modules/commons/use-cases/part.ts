import type { CooperationPart } from '../part.js';
import { useCaseMessages as m } from './messages.js';

const ITEM = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Use cases (with referents and contributions back to the commons), needs and offers, their Atom feeds. */
export const useCasesPart: CooperationPart = {
  routes: async (app, services) => (await import('./routes.js')).useCasesPartRoutes(app, services),
  siteMap: [
    { href: '/cooperation/cas-d-usage', label: m.useCasesTitle, section: 'main', order: 56 },
    { href: '/cooperation/besoins', label: m.needsTitle, section: 'main', order: 57 },
  ],
  examplePages: [
    { name: 'cooperation use cases', url: '/cooperation/cas-d-usage' },
    {
      name: 'cooperation use case',
      from: { listing: '/cooperation/cas-d-usage', link: new RegExp(`^/cooperation/cas-d-usage/${ITEM}$`) },
    },
    { name: 'cooperation needs and offers', url: '/cooperation/besoins' },
    {
      name: 'cooperation need or offer',
      from: { listing: '/cooperation/besoins', link: new RegExp(`^/cooperation/besoins/${ITEM}$`) },
    },
    { name: 'cooperation publications moderation', url: '/admin/cooperation/publications', staff: true },
  ],
};

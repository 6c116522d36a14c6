import { fileURLToPath } from 'node:url';
import { defineMessages } from '../../../src/core/i18n/i18n.js';
import type { Module } from '../../../src/core/module.js';
import { examplePermissions } from './permissions.js';
import './tables.js';

const m = defineMessages({
  nav: { fr: 'Exemple', en: 'Example' },
  area: { fr: 'Espace exemple', en: 'Example area' },
  tile: { fr: 'Notes d’exemple', en: 'Example notes' },
  tileText: { fr: 'Les notes qui attendent l’équipe.', en: 'Notes waiting for the team.' },
});

/**
 * A tiny module that lives only in the tests (test/module-contract.test.ts): it is written the way
 * README's "Adding a module" says — its own folder, and a place in the module list — and must then
 * show up in the menu, the header, the site map, the dashboard, the permission table and the
 * authorisation matrix, with its table migrated and typed.
 */
export const exampleModule: Module = {
  name: 'example',
  permissions: examplePermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  async routes(app) {
    app.get('/exemple', { config: { permission: 'public' } }, async () => 'exemple');
    app.get('/admin/exemple', { config: { permission: 'example.manage', tracks: 'none' } }, async () => 'notes');
  },
  nav: [{ href: '/exemple', label: m.nav, order: 75 }],
  headerLinks: [
    { href: '/admin/exemple', label: m.area, icon: 'fr-icon-flag-line', permission: 'example.manage', order: 45 },
  ],
  siteMap: [{ href: '/exemple', label: m.nav, section: 'main', order: 75 }],
  dashboard: [
    {
      href: '/admin/exemple',
      permission: 'example.manage',
      title: m.tile,
      text: m.tileText,
      order: 75,
      countLabel: {
        one: { fr: '{n} note en attente', en: '{n} note waiting' },
        other: { fr: '{n} notes en attente', en: '{n} notes waiting' },
      },
      async count(services) {
        const row = await services.db
          .selectFrom('example_notes')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
    },
  ],
  examplePages: [{ name: 'example page', url: '/exemple' }],
};

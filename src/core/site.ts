import { fileURLToPath } from 'node:url';
import { CORE_PERMISSIONS, type CurrentUser, hasPermission } from './auth/permissions.js';
import type { Locale } from './i18n/i18n.js';
import type {
  DashboardTile,
  ExamplePage,
  HeaderLink,
  Module,
  NavEntry,
  NoticePlace,
  PublicNotice,
  SiteMapEntry,
} from './module.js';
import type { Services } from './services.js';
import { uiMessages as m } from './ui/messages.js';

/**
 * What the platform itself contributes, declared like a module's manifest so that the menu, the site map,
 * the migrations and the accessibility test treat core and modules alike. It has no routes here: core's
 * routes are registered by app.ts.
 */
export const coreManifest: Module = {
  name: 'core',
  permissions: CORE_PERMISSIONS,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  // The audit chain's daily heads (core/audit/anchor-routes.tsx): public so anyone can keep a copy.
  siteMap: [{ href: '/transparence/journal', label: m.auditFingerprints, section: 'legal', order: 50 }],
  examplePages: [
    { name: 'audit log fingerprints', url: '/transparence/journal' },
    { name: 'not found', url: '/cette-page-n-existe-pas', status: 404 },
  ],
};

/** Every module's contributions to the shared pages, each list in its `order`. */
export interface Site {
  nav: NavEntry[];
  headerLinks: HeaderLink[];
  siteMap: SiteMapEntry[];
  dashboard: DashboardTile[];
  examplePages: ExamplePage[];
}

function ordered<T extends { order: number }>(entries: T[]): T[] {
  // A stable sort: entries of equal order keep the order of the module list.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.order - b.entry.order || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Gathers core's and the modules' contributions (pure: the accessibility test calls it before any app exists). */
export function assembleSite(modules: readonly Module[]): Site {
  const all = [coreManifest, ...modules];
  return {
    nav: ordered(all.flatMap((module) => module.nav ?? [])),
    headerLinks: ordered(all.flatMap((module) => module.headerLinks ?? [])),
    siteMap: ordered(all.flatMap((module) => module.siteMap ?? [])),
    dashboard: ordered(all.flatMap((module) => module.dashboard ?? [])),
    examplePages: all.flatMap((module) => module.examplePages ?? []),
  };
}

/** A dashboard tile as one person sees it: with its count, when the tile has one. */
export interface TileView {
  tile: DashboardTile;
  count?: number;
}

/** The dashboard tiles the person may use, with their counts. */
export async function dashboardFor(services: Services, user: CurrentUser): Promise<TileView[]> {
  const tiles = services.site.dashboard.filter((tile) => hasPermission(user, tile.permission));
  return Promise.all(tiles.map(async (tile) => ({ tile, count: await tile.count?.(services, user) })));
}

/** Every module's notices for a public page (the home page, a season's page), in the order of the modules. */
export async function publicNoticesFor(
  services: Services,
  place: NoticePlace,
  locale: Locale,
): Promise<PublicNotice[]> {
  const parts = await Promise.all(services.modules.map((module) => module.publicNotices?.(services, place, locale)));
  return parts.flatMap((notices) => notices ?? []);
}

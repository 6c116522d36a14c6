import type { App } from '../../core/http/route-schemas.js';
import type { JobHandler } from '../../core/jobs/worker.js';
import type { Command, DashboardTile, ExamplePage, NavEntry, SiteMapEntry } from '../../core/module.js';
import type { Services } from '../../core/services.js';

/**
 * What one part of the impact module (a folder: reporting, public) contributes to the module's manifest.
 * index.ts merges the parts, so a part is added or changed in its own folder. Routes load lazily.
 */
export interface ImpactPart {
  routes?(app: App, services: Services): Promise<void>;
  jobs?(services: Services): Record<string, JobHandler>;
  schedule?(services: Services): Promise<void>;
  commands?: Record<string, Command>;
  nav?: NavEntry[];
  siteMap?: SiteMapEntry[];
  dashboard?: DashboardTile[];
  examplePages?: ExamplePage[];
  loadDemo?(services: Services): Promise<void>;
}

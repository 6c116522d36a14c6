import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { setContentStatus } from './publish-content.js';

/** Puts a page on the public site. */
export function publishPage(services: Services, actor: Actor, id: string): Promise<boolean> {
  return setContentStatus(services, actor, 'page', id, 'published');
}

/** Takes a page off the public site (it becomes a draft again). */
export function unpublishPage(services: Services, actor: Actor, id: string): Promise<boolean> {
  return setContentStatus(services, actor, 'page', id, 'draft');
}

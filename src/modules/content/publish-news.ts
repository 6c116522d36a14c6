import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { setContentStatus } from './publish-content.js';

/** Puts a news item on the public site and in the feeds. */
export function publishNews(services: Services, actor: Actor, id: string): Promise<boolean> {
  return setContentStatus(services, actor, 'news', id, 'published');
}

/** Takes a news item off the public site and the feeds (it becomes a draft again). */
export function unpublishNews(services: Services, actor: Actor, id: string): Promise<boolean> {
  return setContentStatus(services, actor, 'news', id, 'draft');
}

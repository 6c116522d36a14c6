import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { contentChange } from './content-change.js';
import type { ContentStatus } from './tables.js';

/**
 * Publishes or withdraws a page or a news item. Returns false when it does not exist.
 * Setting the status it already has changes nothing and records nothing (a repeated click).
 */
export async function setContentStatus(
  services: Services,
  actor: Actor,
  kind: 'page' | 'news',
  id: string,
  status: ContentStatus,
): Promise<boolean> {
  const table = kind === 'page' ? 'pages' : 'news';
  return contentChange(services, actor, async (trx, audit) => {
    const row = await trx
      .selectFrom(table)
      .select(['status', 'slug'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return false;
    if (row.status === status) return true;
    await trx.updateTable(table).set({ status, updated_at: services.clock.now() }).where('id', '=', id).execute();
    await audit({
      action: `${kind}.${status === 'published' ? 'publish' : 'unpublish'}`,
      subjectType: kind,
      subjectId: id,
      summary: { slug: row.slug, from: row.status, to: status },
    });
    return true;
  });
}

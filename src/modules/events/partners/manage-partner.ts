import type { Actor } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { partnerChange } from './partner-change.js';

/** Staff publish or unpublish a partner: an unpublished partner and its logo leave the public side at once. */
export async function setPartnerPublished(
  services: Services,
  actor: Actor,
  id: string,
  published: boolean,
): Promise<boolean> {
  return partnerChange(services, actor, async (trx, audit) => {
    const row = await trx
      .updateTable('partners')
      .set({ published, updated_at: services.clock.now() })
      .where('id', '=', id)
      .returning(['name'])
      .executeTakeFirst();
    if (!row) return false;
    await audit({
      action: published ? 'partners.publish' : 'partners.unpublish',
      subjectType: 'partner',
      subjectId: id,
      summary: { name: row.name },
    });
    return true;
  });
}

/**
 * Staff move a partner one place up or down the list (the public page's order within each kind). The whole
 * list is locked and renumbered 0…n-1, so positions stay distinct whatever happened before. Moving the first
 * up or the last down changes nothing.
 */
export async function movePartner(
  services: Services,
  actor: Actor,
  id: string,
  direction: 'up' | 'down',
): Promise<boolean> {
  return partnerChange(services, actor, async (trx, audit) => {
    const rows = await trx
      .selectFrom('partners')
      .select(['id', 'name', 'position'])
      .orderBy('position')
      .orderBy('name')
      .forUpdate()
      .execute();
    const index = rows.findIndex((r) => r.id === id);
    if (index < 0) return false;
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= rows.length) return true;
    [rows[index], rows[other]] = [rows[other]!, rows[index]!];
    for (const [position, row] of rows.entries()) {
      if (row.position !== position)
        await trx.updateTable('partners').set({ position }).where('id', '=', row.id).execute();
    }
    await audit({
      action: 'partners.move',
      subjectType: 'partner',
      subjectId: id,
      summary: { name: rows[other]!.name, direction, from: index, to: other },
    });
    return true;
  });
}

/** Staff delete a partner and its logo's file. */
export async function deletePartner(services: Services, actor: Actor, id: string): Promise<boolean> {
  return partnerChange(services, actor, async (trx, audit) => {
    const row = await trx
      .deleteFrom('partners')
      .where('id', '=', id)
      .returning(['name', 'kind', 'logo_file_id', 'published'])
      .executeTakeFirst();
    if (!row) return false;
    if (row.logo_file_id) await trx.deleteFrom('files').where('id', '=', row.logo_file_id).execute();
    await audit({
      action: 'partners.delete',
      subjectType: 'partner',
      subjectId: id,
      summary: { name: row.name, kind: row.kind, published: row.published, logoFileId: row.logo_file_id },
    });
    return true;
  });
}

import { sql, type Transaction } from 'kysely';
import { parseCsv } from '../../algorithms/sortition/index.js';
import type { AuditRecorder } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';

/**
 * At a panel's deletion date (end + retention, as told to the volunteers) the published pool file goes
 * too: it pairs each pseudonym with that person's answers, and the volunteer (and whoever they told)
 * knows their pseudonym. What stays published — categories.csv, slots.json, commitment.txt (which still
 * names pool.csv's SHA-256), draw.json, replacement-N.json — holds pseudonyms only, and still lets anyone
 * check the commitment and that the random value picked the published members. The pseudonym → volunteer
 * map goes as well: nothing can be drawn from a withdrawn pool. Returns how many draws were touched.
 */
export async function withdrawExpiredPools(trx: Transaction<DB>, audit: AuditRecorder, now: Date): Promise<number> {
  const rows = await trx
    .selectFrom('panel_draws')
    .innerJoin('panels', 'panels.id', 'panel_draws.panel_id')
    .select(['panel_draws.id', 'panel_draws.panel_id', 'panel_draws.files'])
    // Hours, not days: the same instant as deleteAfterOf, whatever the daylight-saving changes.
    .where(sql<Date>`panels.ends_at + panels.retention_days * interval '24 hours'`, '<=', now)
    .where('panel_draws.pool_withdrawn_at', 'is', null)
    .forUpdate()
    .execute();
  const perPanel = new Map<string, string[]>();
  for (const row of rows) {
    const pool = row.files?.['pool.csv'];
    const files = row.files
      ? Object.fromEntries(Object.entries(row.files).filter(([name]) => name !== 'pool.csv'))
      : null;
    await trx
      .updateTable('panel_draws')
      .set({
        files: JSON.stringify(files),
        pool_volunteers: '{}',
        pool_withdrawn_at: now,
        pool_size: pool === undefined ? null : Math.max(0, parseCsv(pool).length - 1),
      })
      .where('id', '=', row.id)
      .execute();
    if (pool !== undefined) perPanel.set(row.panel_id, [...(perPanel.get(row.panel_id) ?? []), row.id]);
  }
  for (const [panel, draws] of perPanel)
    await audit({ action: 'panel.pool-withdrawn', subjectType: 'panel', subjectId: panel, summary: { draws } });
  return rows.length;
}

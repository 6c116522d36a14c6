import type { Kysely, Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { panelForDeliberation } from '../panel/index.js';
import type { DeliberationStatus } from './tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface Deliberation {
  id: string;
  seasonId: string;
  status: DeliberationStatus;
  juryWeight: number;
  panelWeight: number;
  panelCriteriaWeights: Record<string, number>;
  heldOn: string | null;
  version: number;
  closedAt: Date | null;
  closedBy: string | null;
  minutesSha256: string | null;
  minutesSha256En: string | null;
  confirmDays: number;
  shareJuryComments: boolean;
  publishAt: Date | null;
  publishedAt: Date | null;
}

const date = (value: Date | string | null) => (value ? new Date(value) : null);

export async function loadDeliberation(db: Db, seasonId: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('deliberations')
    .select([
      'id',
      'season_id',
      'status',
      'jury_weight',
      'panel_weight',
      'panel_criteria_weights',
      'held_on',
      'version',
      'closed_at',
      'closed_by',
      'minutes_sha256',
      'minutes_sha256_en',
      'confirm_days',
      'share_jury_comments',
      'publish_at',
      'published_at',
    ])
    .where('season_id', '=', seasonId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    seasonId: row.season_id,
    status: row.status,
    juryWeight: Number(row.jury_weight),
    panelWeight: Number(row.panel_weight),
    panelCriteriaWeights: row.panel_criteria_weights ?? {},
    heldOn: row.held_on ? String(row.held_on).slice(0, 10) : null,
    version: Number(row.version),
    closedAt: date(row.closed_at),
    closedBy: row.closed_by,
    minutesSha256: row.minutes_sha256,
    minutesSha256En: row.minutes_sha256_en,
    confirmDays: Number(row.confirm_days),
    shareJuryComments: Boolean(row.share_jury_comments),
    publishAt: date(row.publish_at),
    publishedAt: date(row.published_at),
  } satisfies Deliberation;
}

/**
 * Opens the season's deliberation (once: a second call finds the first). The panel's weight starts at the
 * one staff gave its opinion when they set the panel up, every panel criterion weighing 1.
 */
export async function openDeliberation(services: Services, actor: Actor, seasonId: string): Promise<Deliberation> {
  const now = services.clock.now();
  const panel = await panelForDeliberation(services.db, seasonId);
  const panelWeight = panel ? Math.min(100, Math.max(0, Math.round(panel.opinionWeight))) : 0;
  const criteria = Object.fromEntries((panel?.criteria ?? []).map((c) => [c.code, 1]));
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const created = await trx
      .insertInto('deliberations')
      .values({
        season_id: seasonId,
        jury_weight: panelWeight >= 100 ? 0 : 100 - panelWeight,
        panel_weight: panelWeight,
        panel_criteria_weights: JSON.stringify(criteria),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('season_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (created)
      await audit({
        action: 'decisions.deliberation-opened',
        subjectType: 'season',
        subjectId: seasonId,
        summary: { juryWeight: 100 - panelWeight, panelWeight },
      });
  });
  return (await loadDeliberation(services.db, seasonId))!;
}

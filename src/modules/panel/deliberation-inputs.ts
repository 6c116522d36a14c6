import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { SCORES, shortlistIds } from './opinions.js';
import { loadPanels } from './queries.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What the citizen panel brings to a season's deliberation. */
export interface PanelForDeliberation {
  panelId: string;
  name: string;
  nameEn: string;
  /** Drawn members (invited, accepted…): the panel's size as drawn. */
  size: number;
  criteria: { code: string; label: string; labelEn: string }[];
  /** The weight staff gave the panel's opinion when they set it up (percent): the deliberation's default. */
  opinionWeight: number;
  scale: { min: number; max: number };
  shortlist: string[];
  /** One line per panelist and application: the panelist's opinion key (never a name; kept after an erasure). */
  opinions: { application: string; panelist: string; scores: Record<string, number> }[];
  /** The public page of the panel's draw. */
  transparencyPath: string;
}

/**
 * The season's panel for the deliberation: the most recent panel attached to the season (a season has one
 * in practice); null without one. Read-only.
 */
export async function panelForDeliberation(db: Db, seasonId: string): Promise<PanelForDeliberation | null> {
  const panels = (await loadPanels(db)).filter((p) => p.seasonId === seasonId);
  const panel = panels.sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
  if (!panel) return null;
  const opinions = await db
    .selectFrom('panel_opinions')
    .select(['application_id', 'panelist_ref', 'scores'])
    .where('panel_id', '=', panel.id)
    .orderBy('application_id')
    .orderBy('panelist_ref')
    .execute();
  return {
    panelId: panel.id,
    name: panel.name,
    nameEn: panel.nameEn,
    size: panel.size,
    criteria: panel.criteria.map((c) => ({ code: c.code, label: c.label, labelEn: c.labelEn })),
    opinionWeight: panel.opinionWeight,
    scale: { min: Number(SCORES[0]), max: Number(SCORES[SCORES.length - 1]) },
    shortlist: await shortlistIds(db, panel.id),
    opinions: opinions.map((o) => ({ application: o.application_id, panelist: o.panelist_ref, scores: o.scores })),
    transparencyPath: `/panel-citoyen/${panel.id}/transparence`,
  };
}

import type { Kysely, Transaction } from 'kysely';
import { type DeliberationToPublish, publish } from '../../algorithms/selection/index.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { type ApplicationForDecision, listApplicationsForDecision } from '../applications/index.js';
import { panelForDeliberation } from '../panel/index.js';
import { juryForDeliberation } from '../review/index.js';
import { findSeasonIdBySlug, loadSeasons, seasonSummariesById } from '../seasons/index.js';
import type { FrozenDeliberation } from './inputs.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;
type SeasonSummary = NonNullable<ReturnType<Awaited<ReturnType<typeof seasonSummariesById>>['get']>>;

/**
 * The season's transparency (issue 13): once the deliberation is closed and its publication date has
 * passed, the figures of the selection, its criteria and weights, the jury's composition by administration,
 * the panel, and the bundle anyone can recompute. Everything comes from what the close froze, plus
 * counts and labels read from the other modules; no name of a person, no internal id.
 */

export interface CountBy {
  key: string;
  count: number;
}

/** The season's figures, also downloadable as CSV and JSON. */
export interface SeasonFigures {
  received: number;
  byApplicantKind: CountBy[];
  byTrack: CountBy[];
  byTerritory: CountBy[];
  eligible: number;
  reviewed: number;
  reviews: number;
  reviewsPerApplication: { mean: number; min: number; max: number };
  shortlistedForPanel: number;
  panelists: number;
  laureates: number;
  waitingList: number;
  notSelected: number;
  requestedCents: number;
  requestedByCandidatesCents: number;
  grantedCents: number;
}

export interface CriterionShown {
  code: string;
  label: string;
  labelEn: string;
  weight: number;
}

export interface PublishedTransparency {
  published: true;
  season: SeasonSummary;
  frozen: FrozenDeliberation;
  publishedAt: Date;
  figures: SeasonFigures;
  juryCriteria: CriterionShown[];
  panelCriteria: CriterionShown[];
  /** Members who sat, per organisation SIREN ('' when unknown), most first. */
  juryByOrganisation: CountBy[];
  panel: { size: number; transparencyPath: string } | null;
  /** Track code → its names, for the figures by track. */
  trackNames: Record<string, { name: string; nameEn: string }>;
  /** Project name of each laureate (application id → title), the only applications named. */
  laureateNames: Record<string, string>;
}

export type SeasonTransparency = { published: false; season: SeasonSummary } | PublishedTransparency;

function countBy(values: readonly string[]): CountBy[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** The figures from the season's applications and the frozen deliberation. Pure. */
export function seasonFigures(
  applications: readonly ApplicationForDecision[],
  frozen: FrozenDeliberation,
  shortlist: readonly string[] | null,
): SeasonFigures {
  const candidates = new Set(frozen.inputs.candidates);
  const perApplication = new Map<string, number>();
  for (const r of frozen.inputs.reviews)
    perApplication.set(r.application, (perApplication.get(r.application) ?? 0) + 1);
  const counts = [...perApplication.values()];
  const outcome = (o: string) => frozen.decisions.filter((d) => d.outcome === o);
  return {
    received: applications.length,
    byApplicantKind: countBy(applications.map((a) => a.applicantKind)),
    byTrack: countBy(applications.map((a) => a.trackCode)),
    byTerritory: countBy(applications.map((a) => a.territory)),
    eligible: candidates.size,
    reviewed: perApplication.size,
    reviews: frozen.inputs.reviews.length,
    reviewsPerApplication: {
      mean: counts.length > 0 ? sum(counts) / counts.length : 0,
      min: counts.length > 0 ? Math.min(...counts) : 0,
      max: counts.length > 0 ? Math.max(...counts) : 0,
    },
    shortlistedForPanel: shortlist
      ? shortlist.filter((id) => candidates.has(id)).length
      : new Set(frozen.inputs.opinions.map((o) => o.application)).size,
    panelists: new Set(frozen.inputs.opinions.map((o) => o.panelist)).size,
    laureates: outcome('laureate').length,
    waitingList: outcome('waiting_list').length,
    notSelected: outcome('not_selected').length,
    requestedCents: sum(applications.map((a) => a.requestedCents)),
    requestedByCandidatesCents: sum(applications.filter((a) => candidates.has(a.id)).map((a) => a.requestedCents)),
    grantedCents: sum(outcome('laureate').map((d) => d.amountCents)),
  };
}

async function loadFrozen(db: Db, seasonId: string) {
  const row = await db
    .selectFrom('deliberations')
    .select(['status', 'frozen', 'published_at'])
    .where('season_id', '=', seasonId)
    .executeTakeFirst();
  if (row?.status !== 'closed' || !row.frozen || !row.published_at) return null;
  const frozen = (typeof row.frozen === 'string' ? JSON.parse(row.frozen) : row.frozen) as FrozenDeliberation;
  return { frozen, publishedAt: new Date(row.published_at) };
}

/** The season's transparency by slug: null for an unknown season; `published: false` until published. */
export async function loadSeasonTransparency(services: Services, slug: string): Promise<SeasonTransparency | null> {
  const { db } = services;
  const seasonId = await findSeasonIdBySlug(db, slug);
  if (!seasonId) return null;
  const season = (await seasonSummariesById(db, [seasonId])).get(seasonId);
  if (!season) return null;
  const closed = await loadFrozen(db, seasonId);
  if (!closed || closed.publishedAt.getTime() > services.clock.now().getTime()) return { published: false, season };
  const { frozen } = closed;
  const [applications, jury, panel, [record]] = await Promise.all([
    listApplicationsForDecision(db, seasonId),
    juryForDeliberation(db, seasonId),
    panelForDeliberation(db, seasonId),
    loadSeasons(db, { id: seasonId }),
  ]);
  const weightOf = (list: { code: string; weight: number }[], code: string) =>
    list.find((c) => c.code === code)?.weight ?? 0;
  const labels = new Map(
    [...(jury?.criteria ?? []), ...(panel?.criteria ?? [])].map((c) => [
      c.code,
      { label: c.label, labelEn: c.labelEn },
    ]),
  );
  const shown = (list: { code: string; weight: number }[]) =>
    list.map((c) => ({
      code: c.code,
      label: labels.get(c.code)?.label ?? c.code,
      labelEn: labels.get(c.code)?.labelEn ?? c.code,
      weight: weightOf(list, c.code),
    }));
  const sirenOf = new Map((jury?.members ?? []).map((m) => [m.id, m.siren]));
  const present = frozen.attendance.filter((a) => a.present).map((a) => a.memberId);
  const sat = present.length > 0 ? present : (jury?.members ?? []).filter((m) => !m.removed).map((m) => m.id);
  const laureates = new Set(frozen.decisions.filter((d) => d.outcome === 'laureate').map((d) => d.application));
  return {
    published: true,
    season,
    frozen,
    publishedAt: closed.publishedAt,
    figures: seasonFigures(applications, frozen, panel?.shortlist ?? null),
    juryCriteria: shown(frozen.inputs.juryCriteria),
    panelCriteria: shown(frozen.inputs.panelCriteria),
    juryByOrganisation: countBy(sat.map((id) => sirenOf.get(id) ?? '')),
    panel: frozen.panel ? { size: frozen.panel.size, transparencyPath: frozen.panel.transparencyPath } : null,
    trackNames: Object.fromEntries((record?.tracks ?? []).map((t) => [t.code, { name: t.name, nameEn: t.nameEn }])),
    laureateNames: Object.fromEntries(applications.filter((a) => laureates.has(a.id)).map((a) => [a.id, a.title])),
  };
}

/** The bundle of a published season (name → text). */
export function selectionBundle(transparency: PublishedTransparency): Map<string, string> {
  return publish(transparency.frozen satisfies DeliberationToPublish, transparency.laureateNames);
}

import { seedPanelWithOpinions } from '../../../test/support/factories/panel.js';
import { addConflict, insertSubmittedReview, seedScoringFixture } from '../../../test/support/factories/review.js';
import { DEFAULT_CRITERIA, updateSeason } from '../../../test/support/factories/seasons.js';
import type { Actor } from '../../core/audit/audit.js';
import type { Clock } from '../../core/clock.js';
import type { Services } from '../../core/services.js';
import { setAttendance } from './attendance.js';
import { type ClosedDeliberation, closeDeliberation } from './close-deliberation.js';
import { openDeliberation } from './deliberation.js';
import { criterionReason } from './reasons.js';
import { recordDecision } from './record-decision.js';
import { setWeights } from './set-weights.js';

/**
 * Test support for the decisions module: a season ready to deliberate, and a closed deliberation made
 * through the use cases. Five applications A…E (A, B, C in the `numerique` track, D, E in `autres`), each
 * asking 10 000 € × its position; three jurors whose scores put them in the order A…E; a citizen panel of
 * three whose opinions put them the other way round (E first), weighing 30 %; two laureates sought; an
 * envelope of 100 000 €; juror 0 has a conflict of interest on B.
 */
export interface DecisionSeason {
  seasonId: string;
  /** A…E → application id. */
  ids: Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
  titles: Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
  applications: string[];
  /** The jury members (review module) in order. */
  memberIds: string[];
  panelId: string;
}

export const DECISION_TITLES = ['Atelier A', 'Bibliothèque B', 'Coopérative C', 'Données D', 'École E'];
const KEYS = ['A', 'B', 'C', 'D', 'E'] as const;
const DAY = 86_400_000;

export async function seedDecisionSeason(
  services: Services,
  clock: Clock,
  options: { slug?: string; number?: number } = {},
): Promise<DecisionSeason> {
  const { db } = services;
  const now = clock.now();
  const f = await seedScoringFixture(db, clock, {
    slug: options.slug ?? 'saison-decision',
    number: options.number ?? 31,
    titles: DECISION_TITLES,
    tracks: ['numerique', 'numerique', 'numerique', 'autres', 'autres'],
    answers: DECISION_TITLES.map((_, i) => ({ needs_amount: 10_000 * (i + 1) })),
    reviewers: 3,
    pairs: [],
    phase: { startsAt: new Date(now.getTime() - 10 * DAY), endsAt: new Date(now.getTime() - DAY) },
    laureatesSought: 2,
  });
  await updateSeason(db, f.seasonId, { grant_envelope_cents: 10_000_000 });
  // The jury: A best, E last; every juror agrees but for one point of severity.
  for (const [r, member] of f.memberIds.entries())
    for (const [i, applicationId] of f.applications.entries()) {
      const level = Math.max(0, Math.min(5, 5 - i - (r === 2 ? 1 : 0)));
      const scores = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.code, level]));
      await insertSubmittedReview(db, { memberId: member, applicationId, scores, at: now });
    }
  // The panel: the other way round (E best).
  const panel = await seedPanelWithOpinions(services, {
    seasonId: f.seasonId,
    criteria: [
      { code: 'interet-general', label: 'Intérêt général', labelEn: 'General interest' },
      { code: 'impact', label: 'Impact', labelEn: 'Impact' },
    ],
    opinionWeight: 30,
    opinions: [0, 1, 2].map((p) =>
      Object.fromEntries(
        f.applications.map((applicationId, i) => [
          applicationId,
          { 'interet-general': i + 1, impact: Math.max(1, i + 1 - (p === 0 ? 1 : 0)) },
        ]),
      ),
    ),
  });
  await addConflict(db, f.applications[1], f.memberIds[0]);
  return {
    seasonId: f.seasonId,
    ids: Object.fromEntries(KEYS.map((k, i) => [k, f.applications[i]])) as DecisionSeason['ids'],
    titles: Object.fromEntries(KEYS.map((k, i) => [k, DECISION_TITLES[i]])) as DecisionSeason['titles'],
    applications: f.applications,
    memberIds: f.memberIds,
    panelId: panel.panelId,
  };
}

/**
 * Runs a whole deliberation through the use cases and closes it: the jury alone counts (100/0, order
 * A…E); jurors 0 and 1 are present (juror 0 recused on B); A laureate (25 000 €), C laureate below the
 * line (a departure, explained), B first on the waiting list above the line (a departure, explained), D
 * and E not selected with reasons.
 */
export async function closeSampleDeliberation(
  services: Services,
  actor: Actor,
  season: DecisionSeason,
): Promise<ClosedDeliberation> {
  const { seasonId, ids } = season;
  await openDeliberation(services, actor, seasonId);
  await setWeights(services, actor, {
    seasonId,
    juryWeight: 100,
    panelWeight: 0,
    panelCriteriaWeights: { 'interet-general': 1, impact: 1 },
  });
  await setAttendance(services, actor, { seasonId, present: season.memberIds.slice(0, 2) });
  const decisions = [
    { applicationId: ids.A, outcome: 'laureate' as const, amountCents: 2_500_000 },
    {
      applicationId: ids.B,
      outcome: 'waiting_list' as const,
      waitlistPosition: 1,
      reasonCodes: ['budget'],
      reasonText: 'Enveloppe consommée par C.',
    },
    {
      applicationId: ids.C,
      outcome: 'laureate' as const,
      reasonCodes: ['maturity'],
      reasonText: 'Projet prêt à déployer tout de suite.',
      amountCents: 3_000_050,
    },
    { applicationId: ids.D, outcome: 'not_selected' as const, reasonCodes: [criterionReason('impact')] },
    {
      applicationId: ids.E,
      outcome: 'not_selected' as const,
      reasonCodes: ['out_of_scope', 'other'],
      reasonText: 'Hors champ.',
    },
  ];
  for (const decision of decisions) {
    const result = await recordDecision(services, actor, { seasonId, ...decision });
    if (!result.ok) throw new Error(`decision refused: ${JSON.stringify(result.errors)}`);
  }
  return closeDeliberation(services, actor, { seasonId });
}

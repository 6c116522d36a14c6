import type { Services } from '../../core/services.js';
import { userActor } from '../accounts/index.js';
import {
  type DemoClosedSeason,
  demoClosedSeason,
  demoOpenSeason,
  listApplicationsForDecision,
} from '../applications/index.js';
import { setAttendance } from './attendance.js';
import { type Board, loadBoard } from './board-data.js';
import { closeDeliberation } from './close-deliberation.js';
import { respondToPlace } from './confirm-place.js';
import { loadDeliberation, openDeliberation } from './deliberation.js';
import { offerNextPlace } from './offer-next.js';
import { prepareNotices } from './prepare-notices.js';
import { loadPublication, publishDecisions, savePublicationTexts } from './publication.js';
import { criterionReason } from './reasons.js';
import { recordDecision } from './record-decision.js';
import { sendAllNotices } from './send-notices.js';
import { setWeights } from './set-weights.js';

/** How many of the closed season's candidates go on the waiting list after the laureates. */
const WAITING = 2;

/**
 * The decision in the demo. The closed season (2023) is decided from end to end: a deliberation at 70 % jury
 * and 30 % panel, decisions following the combined order (reasons for every refusal), the close and its
 * minutes, the notices sent, the laureates confirming — the last one declines and the first on the waiting
 * list takes the place — and the laureates published under an embargo, so its transparency page is there.
 * The open season shows a deliberation in progress. Each step goes through the module's use cases with the
 * clock of the day it would have happened, and is skipped when already done.
 */
export async function loadDecisionsDemo(services: Services): Promise<void> {
  const closed = await demoClosedSeason(services);
  if (closed) await decideClosedSeason(closed);
  const open = await demoOpenSeason(services);
  if (open && !(await loadDeliberation(services.db, open.season.id))) {
    const actor = open.staffActor;
    const seasonId = open.season.id;
    await openDeliberation(services, actor, seasonId);
    const board = await loadBoard(services.db, seasonId, undefined);
    if (!board) return;
    await setAttendance(services, actor, { seasonId, present: board.members.slice(0, 3).map((m) => m.id) });
    const [first] = board.rows;
    const last = board.rows[board.rows.length - 1];
    if (first)
      await recordDecision(services, actor, { seasonId, applicationId: first.application.id, outcome: 'laureate' });
    if (last && last !== first)
      await recordDecision(services, actor, {
        seasonId,
        applicationId: last.application.id,
        outcome: 'not_selected',
        reasonCodes: [criterionReason(board.juryCriteria[0]?.code ?? ''), 'maturity'],
        reasonText: 'Le besoin d’accompagnement reste à préciser ; le comité encourage une nouvelle candidature.',
      });
  }
}

async function decideClosedSeason(closed: DemoClosedSeason): Promise<void> {
  const seasonId = closed.season.id;
  const actor = closed.staffActor;
  const meeting = closed.at('2023-06-13T10:00:00+02:00');
  const existing = await loadDeliberation(meeting.db, seasonId);
  if (!existing) {
    await openDeliberation(meeting, actor, seasonId);
    await setWeights(meeting, actor, {
      seasonId,
      juryWeight: 70,
      panelWeight: 30,
      panelCriteriaWeights: { 'interet-general': 1, impact: 1 },
    });
  }
  if (!existing || existing.status === 'open') {
    const board = await loadBoard(meeting.db, seasonId, undefined);
    if (!board || board.rows.length === 0) return;
    // One member could not come; the others sit.
    await setAttendance(meeting, actor, { seasonId, present: board.members.slice(0, -1).map((m) => m.id) });
    await decideInOrder(meeting, closed, board);
    await closeDeliberation(closed.at('2023-06-13T17:30:00+02:00'), actor, { seasonId });
  }
  await notifyAndConfirm(closed);
  await publish(closed);
}

/** Laureates as sought, then the waiting list, then refusals with their reasons: the combined order kept. */
async function decideInOrder(services: Services, closed: DemoClosedSeason, board: Board): Promise<void> {
  const seasonId = closed.season.id;
  for (const [index, row] of board.rows.entries()) {
    if (row.decision) continue;
    const applicationId = row.application.id;
    if (index < board.selectionSize)
      await recordDecision(services, closed.staffActor, {
        seasonId,
        applicationId,
        outcome: 'laureate',
        amountCents: row.application.requestedCents,
      });
    else if (index < board.selectionSize + WAITING)
      await recordDecision(services, closed.staffActor, {
        seasonId,
        applicationId,
        outcome: 'waiting_list',
        waitlistPosition: index - board.selectionSize + 1,
      });
    else
      await recordDecision(services, closed.staffActor, {
        seasonId,
        applicationId,
        outcome: 'not_selected',
        reasonCodes: [criterionReason('impact'), 'budget'],
        reasonText:
          'Projet utile, mais son impact reste local à ce stade ; l’enveloppe de la saison est allée aux projets les mieux classés.',
      });
  }
}

/** Notices on 15 June; laureates answer within days; the last declines and the first waiting takes the place. */
async function notifyAndConfirm(closed: DemoClosedSeason): Promise<void> {
  const seasonId = closed.season.id;
  const actor = closed.staffActor;
  const sending = closed.at('2023-06-15T09:30:00+02:00');
  const unsent = await sending.db
    .selectFrom('decisions')
    .innerJoin('deliberations', 'deliberations.id', 'decisions.deliberation_id')
    .select('decisions.application_id')
    .where('deliberations.season_id', '=', seasonId)
    .where('decisions.notified_at', 'is', null)
    .executeTakeFirst();
  if (unsent) {
    await prepareNotices(sending, actor, { seasonId });
    await sendAllNotices(sending, actor, { seasonId });
  }
  const decisions = await sending.db
    .selectFrom('decisions')
    .innerJoin('deliberations', 'deliberations.id', 'decisions.deliberation_id')
    .select(['decisions.application_id', 'decisions.outcome', 'decisions.confirmed_at', 'decisions.declined_at'])
    .where('deliberations.season_id', '=', seasonId)
    .where('decisions.outcome', '=', 'laureate')
    .orderBy('decisions.amount_cents', 'desc')
    .execute();
  const owners = await ownersOf(sending, seasonId);
  for (const [n, decision] of decisions.entries()) {
    if (decision.confirmed_at || decision.declined_at) continue;
    const owner = owners.get(decision.application_id);
    if (!owner) continue;
    const declines = n === decisions.length - 1 && decisions.length > 1;
    await respondToPlace(closed.at(`2023-06-${16 + n}T18:00:00+02:00`), userActor(owner), {
      applicationId: decision.application_id,
      answer: declines ? 'decline' : 'confirm',
    });
    if (declines) {
      const offered = await offerNextPlace(closed.at('2023-06-21T10:00:00+02:00'), actor, {
        seasonId,
        freedApplicationId: decision.application_id,
      });
      if (offered.ok) {
        const next = owners.get(offered.offeredTo);
        if (next)
          await respondToPlace(closed.at('2023-06-22T12:00:00+02:00'), userActor(next), {
            applicationId: offered.offeredTo,
            answer: 'confirm',
          });
      }
    }
  }
}

/** Application id → its owner's account (who answers the offer in their space). */
async function ownersOf(services: Services, seasonId: string): Promise<Map<string, string>> {
  const applications = await listApplicationsForDecision(services.db, seasonId);
  return new Map(applications.map((a) => [a.id, a.ownerId]));
}

/** Public texts from the applications' summaries; the laureates appear on 27 June 2023 at 10:00. */
async function publish(closed: DemoClosedSeason): Promise<void> {
  const seasonId = closed.season.id;
  const preparing = closed.at('2023-06-23T15:00:00+02:00');
  const state = await loadPublication(preparing, seasonId);
  if (!state?.deliberation || state.deliberation.publishedAt) return;
  await savePublicationTexts(preparing, closed.staffActor, seasonId, {
    publishAt: new Date('2023-06-27T10:00:00+02:00'),
    summaries: new Map(state.laureates.map((l) => [l.publicRef, { summary: l.summary, summaryEn: l.summaryEn }])),
  });
  await publishDecisions(preparing, closed.staffActor, seasonId, { pressRelease: true });
}

import { createHash } from 'node:crypto';
import { combineSelection, departures, resultAsPublished } from '../../algorithms/selection/index.js';
import { type Actor, auditedTransaction, canonicalJson } from '../../core/audit/audit.js';
import { countForm, isoDateParis } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { loadSeasons } from '../seasons/index.js';
import { departsFromOrder, hasReasons, needsReasons, recusalsOf } from './board-data.js';
import { boardMessages as bm, boardCounts } from './board-messages.js';
import { loadAttendance, loadDecisions } from './board-queries.js';
import { DeliberationRefused, lockOpenDeliberation } from './deliberation-guard.js';
import { type FrozenDecision, type FrozenDeliberation, gatherSources } from './inputs.js';
import { type MinutesLabels, renderMinutesPdf } from './minutes-pdf.js';

export interface CloseInput {
  seasonId: string;
  /** The version the confirming form was read at: a stale form is refused (409). */
  version?: number;
}

export interface ClosedDeliberation {
  frozen: FrozenDeliberation;
  minutesSha256: string;
  minutesSha256En: string;
  /** SHA-256 of the frozen record's canonical JSON (written in the audit event too). */
  frozenSha256: string;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A few titles for a refusal, so staff see which rows to mend. */
function someTitles(ids: readonly string[], titleOf: (id: string) => string): string {
  const shown = ids.slice(0, 5).map(titleOf);
  return ids.length > 5 ? `${shown.join(', ')}…` : shown.join(', ');
}

/**
 * Closes the season's deliberation, in one audited transaction: refused while a candidate has no
 * decision, no member is marked present, a decision lacks the reasons it needs, or the waiting list has
 * gaps. Freezes the exact inputs of the combination, its result, the decisions, who sat and who was
 * recused, and the public references (`deliberations.frozen`, a FrozenDeliberation), renders the minutes
 * in French and English from that record, and writes their SHA-256 in the close's audit event.
 */
export async function closeDeliberation(
  services: Services,
  actor: Actor,
  input: CloseInput,
): Promise<ClosedDeliberation> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const deliberation = await lockOpenDeliberation(trx, input.seasonId, input.version);
    const sources = await gatherSources(trx, deliberation);
    const [season] = await loadSeasons(trx, { id: input.seasonId });
    if (!sources || !season) throw new DeliberationRefused(404, bm.notOpened);
    const live = combineSelection(sources.inputs);
    const titleOf = (id: string) => sources.applications.find((a) => a.id === id)?.title ?? id;
    const decisions = await loadDecisions(trx, deliberation.id);
    const decisionOf = new Map(decisions.map((d) => [d.applicationId, d]));

    const undecided = live.rows.filter((r) => !decisionOf.has(r.application)).map((r) => r.application);
    if (undecided.length > 0)
      throw new DeliberationRefused(409, countForm(boardCounts.closeUndecided, undecided.length), {
        n: undecided.length,
        titles: someTitles(undecided, titleOf),
      });
    // What is frozen is the result as anyone will recompute it from the published files: tie-breaks and the
    // panel's bootstrap follow the names, so it is computed under the public references and pseudonyms.
    const frozenAt = now.toISOString();
    const publicRefs = Object.fromEntries(
      live.rows.map((row) => [row.application, decisionOf.get(row.application)!.publicRef]),
    );
    const result = resultAsPublished({ seasonId: input.seasonId, frozenAt, inputs: sources.inputs, publicRefs });
    // Every decision that goes against the combined order must say why: those past the selection line, and
    // both sides of any other inversion (a waiting list out of order, a refusal ahead of a waiting place).
    const inverted = departures(
      result.rows.map((row) => {
        const d = decisionOf.get(row.application)!;
        return {
          application: row.application,
          outcome: d.outcome,
          waitlistPosition: d.outcome === 'waiting_list' ? d.waitlistPosition : null,
          rank: row.rank,
          combined: row.combined,
          complete: row.complete,
        };
      }),
    );
    const attendance = await loadAttendance(trx, deliberation.id);
    const members = sources.jury.members.filter((m) => !m.removed || attendance.get(m.id));
    const present = new Set(members.filter((m) => attendance.get(m.id)).map((m) => m.id));
    if (present.size === 0) throw new DeliberationRefused(409, bm.closeNobody);

    const frozenDecisions: FrozenDecision[] = result.rows.map((row) => {
      const d = decisionOf.get(row.application)!;
      return {
        application: row.application,
        outcome: d.outcome,
        waitlistPosition: d.outcome === 'waiting_list' ? d.waitlistPosition : null,
        reasonCodes: d.reasonCodes,
        departsFromOrder:
          departsFromOrder(d.outcome, row.rank, sources.inputs.selectionSize) || inverted.has(row.application),
        amountCents: d.amountCents,
      };
    });
    const unexplained = frozenDecisions
      .filter((d) => needsReasons(d.outcome, d.departsFromOrder) && !hasReasons(d))
      .map((d) => d.application);
    if (unexplained.length > 0)
      throw new DeliberationRefused(409, countForm(boardCounts.closeUnexplained, unexplained.length), {
        n: unexplained.length,
        titles: someTitles(unexplained, titleOf),
      });
    const positions = frozenDecisions
      .filter((d) => d.outcome === 'waiting_list')
      .map((d) => d.waitlistPosition ?? 0)
      .sort((a, b) => a - b);
    if (positions.some((p, i) => p !== i + 1))
      throw new DeliberationRefused(409, bm.closeWaitlistGaps, { positions: positions.join(', ') });

    const frozen: FrozenDeliberation = {
      format: 1,
      seasonId: input.seasonId,
      frozenAt,
      inputs: sources.inputs,
      result,
      decisions: frozenDecisions,
      attendance: members.map((m) => ({ memberId: m.id, name: m.name, present: present.has(m.id) })),
      recusals: recusalsOf(sources.jury.conflicts, present).filter((r) =>
        result.rows.some((row) => row.application === r.applicationId),
      ),
      panel: sources.panel
        ? { panelId: sources.panel.panelId, size: sources.panel.size, transparencyPath: sources.panel.transparencyPath }
        : null,
      publicRefs,
    };

    const labels: MinutesLabels = {
      seasonName: season.name,
      seasonNameEn: season.nameEn,
      titles: Object.fromEntries(result.rows.map((r) => [r.application, titleOf(r.application)])),
      juryCriteria: sources.jury.criteria.map((c) => ({ code: c.code, label: c.label, labelEn: c.labelEn })),
      panelCriteria: sources.panel?.criteria ?? [],
      reasonTexts: Object.fromEntries(decisions.map((d) => [d.applicationId, d.reasonText])),
    };
    const minutes = await renderMinutesPdf(frozen, labels, 'fr');
    const minutesEn = await renderMinutesPdf(frozen, labels, 'en');
    const closed: ClosedDeliberation = {
      frozen,
      minutesSha256: sha256(minutes),
      minutesSha256En: sha256(minutesEn),
      frozenSha256: sha256(canonicalJson(frozen)),
    };

    for (const d of frozenDecisions)
      if (d.departsFromOrder !== decisionOf.get(d.application)!.departsFromOrder)
        await trx
          .updateTable('decisions')
          .set({ departs_from_order: d.departsFromOrder })
          .where('application_id', '=', d.application)
          .execute();
    await trx
      .updateTable('deliberations')
      .set((eb) => ({
        status: 'closed',
        closed_at: now,
        closed_by: actor.id,
        held_on: deliberation.heldOn ?? isoDateParis(now),
        frozen: JSON.stringify(frozen),
        minutes_pdf: minutes,
        minutes_pdf_en: minutesEn,
        minutes_sha256: closed.minutesSha256,
        minutes_sha256_en: closed.minutesSha256En,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', deliberation.id)
      .execute();
    const count = (outcome: string) => frozenDecisions.filter((d) => d.outcome === outcome).length;
    await audit({
      action: 'decisions.deliberation-closed',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: {
        minutesSha256: closed.minutesSha256,
        minutesSha256En: closed.minutesSha256En,
        frozenSha256: closed.frozenSha256,
        weights: sources.inputs.weights,
        seed: sources.inputs.seed,
        laureates: count('laureate'),
        waitingList: count('waiting_list'),
        notSelected: count('not_selected'),
        departures: frozenDecisions.filter((d) => d.departsFromOrder).length,
        present: [...present].sort(),
      },
    });
    return closed;
  });
}

import {
  analyse,
  buildInstance,
  InfeasibleQuotasError,
  type SortitionInput,
  SortitionInputError,
} from '../../algorithms/sortition/index.js';
import { type Actor, auditedTransaction, systemActor } from '../../core/audit/audit.js';
import { tCount } from '../../core/i18n/i18n.js';
import { enqueueJob } from '../../core/jobs/queue.js';
import type { JobHandler } from '../../core/jobs/worker.js';
import type { Services } from '../../core/services.js';
import { panelCounts } from './messages.js';
import { loadPanel, loadQuotas, poolInput } from './queries.js';
import type { AnalysisError, AnalysisResult } from './tables.js';

export const ANALYSE_JOB = 'panel.analyse';

/** Queues one LEXIMIN and one LEGACY analysis of the current pool; the job fills them in. */
export async function requestAnalyses(
  services: Services,
  actor: Actor,
  panelId: string,
): Promise<{ leximin: string; legacy: string }> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const ids = await trx
      .insertInto('panel_analyses')
      .values(
        (['leximin', 'legacy'] as const).map((algorithm) => ({
          panel_id: panelId,
          algorithm,
          state: 'pending' as const,
          result: 'null',
          error: 'null',
          requested_at: now,
          requested_by: actor.id,
        })),
      )
      .returning(['id', 'algorithm'])
      .execute();
    const leximin = ids.find((r) => r.algorithm === 'leximin')!.id;
    const legacy = ids.find((r) => r.algorithm === 'legacy')!.id;
    await enqueueJob(trx, ANALYSE_JOB, { panelId, leximin, legacy }, { runAt: now, maxAttempts: 1 });
    await audit({
      action: 'panel.analysis-requested',
      subjectType: 'panel',
      subjectId: panelId,
      summary: { leximin, legacy },
    });
    return { leximin, legacy };
  });
}

/** Turns the engine's errors into what the staff page explains; unknown errors are kept short. */
export function analysisError(error: unknown): AnalysisError {
  if (error instanceof InfeasibleQuotasError)
    return { kind: 'infeasible', reasons: error.explanation.reasons, relaxation: error.explanation.relaxation };
  if (error instanceof SortitionInputError)
    return { kind: 'input', reasons: error.problems.slice(0, 20), relaxation: [] };
  const text = error instanceof Error ? error.message.slice(0, 500) : String(error);
  return { kind: 'failed', reasons: [{ fr: text, en: text }], relaxation: [] };
}

/** The pool must hold at least k people; said in the staff's words rather than the CLI's. */
export function checkPoolSize(input: SortitionInput): void {
  if (input.people.length < input.k) {
    throw new SortitionInputError([
      {
        fr: tCount('fr', panelCounts.warnPoolSmall, input.people.length, { k: input.k }),
        en: tCount('en', panelCounts.warnPoolSmall, input.people.length, { k: input.k }),
      },
    ]);
  }
}

/** Mean probability per profile (combination of values): what the chart shows, with no one's row. */
function profilesOf(input: SortitionInput, probabilities: number[]): AnalysisResult['profiles'] {
  const categories = [...new Set(input.quotas.map((q) => q.category))];
  const profiles = new Map<string, { features: string[]; count: number; total: number }>();
  input.people.forEach((person, r) => {
    const features = categories.map((c) => person.values[c]);
    const key = features.join('\u0000');
    const entry = profiles.get(key) ?? { features, count: 0, total: 0 };
    entry.count += 1;
    entry.total += probabilities[r];
    profiles.set(key, entry);
  });
  return [...profiles.values()]
    .map((p) => ({ features: p.features, count: p.count, probability: p.total / p.count }))
    .sort((a, b) => a.probability - b.probability);
}

async function finish(
  services: Services,
  id: string,
  panelId: string,
  outcome: { result: AnalysisResult } | { error: AnalysisError },
): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, systemActor, now, async (trx, audit) => {
    await trx
      .updateTable('panel_analyses')
      .set(
        'result' in outcome
          ? { state: 'done', result: JSON.stringify(outcome.result), finished_at: now }
          : { state: 'failed', error: JSON.stringify(outcome.error), finished_at: now },
      )
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'panel.analysis-finished',
      subjectType: 'panel',
      subjectId: panelId,
      summary:
        'result' in outcome
          ? { analysis: id, minProbability: outcome.result.minProbability, n: outcome.result.n }
          : { analysis: id, error: outcome.error.kind },
    });
  });
}

/**
 * Runs LEXIMIN, then LEGACY for comparison (seconds to minutes on big pools, hence a job). Infeasible
 * quotas are explained once, by LEXIMIN, and LEGACY is not run on them (it would only loop).
 */
export function analyseJob(services: Services): JobHandler {
  return async (payload) => {
    const panelId = String(payload.panelId);
    const ids = { leximin: String(payload.leximin), legacy: String(payload.legacy) };
    const panel = await loadPanel(services.db, panelId);
    if (!panel) return;
    const quotas = await loadQuotas(services.db, panelId);
    const { input } = await poolInput(services.db, panel, quotas);
    let failure: AnalysisError | undefined;
    for (const algorithm of ['leximin', 'legacy'] as const) {
      if (failure) {
        await finish(services, ids[algorithm], panelId, { error: failure });
        continue;
      }
      try {
        checkPoolSize(input);
        buildInstance(input);
        const analysis = await analyse(input, { algorithm, withPanels: false });
        await finish(services, ids[algorithm], panelId, {
          result: {
            n: analysis.n,
            k: analysis.k,
            minProbability: analysis.minProbability,
            seconds: analysis.seconds,
            profiles: profilesOf(input, analysis.probabilities),
          },
        });
      } catch (error) {
        failure = analysisError(error);
        if (failure.kind === 'failed') services.log.warn({ err: error, panelId }, 'panel analysis failed');
        await finish(services, ids[algorithm], panelId, { error: failure });
      }
    }
  };
}

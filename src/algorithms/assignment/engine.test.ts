import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highsRuntime } from '../highs.js';
import { assignReviewers, fairnessBound, solveUnderThresholds } from './engine.js';
import { solveAssignmentLp } from './highs-oracle.js';
import { mulberry32, randomInstance, smallConstrainedInstance } from './random-instance.js';
import type { AssignmentInstance } from './types.js';
import { countViolations } from './violations.js';

/** A small instance with every kind of constraint, drawn from a seed. */
function smallInstance(seed: number): AssignmentInstance {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const base = smallConstrainedInstance(random, { applications: [1, 10], reviewers: [1, 7] });
  const withExpertise = random() < 0.3;
  const { applicationCount: n, reviewerCount: m } = base;
  return {
    ...base,
    forcedApplication: random() < 0.3 ? base.forcedApplication : [],
    forcedReviewer: random() < 0.3 ? base.forcedReviewer : [],
    missingPairs: random() < 0.5 ? 'zero' : 'forbidden',
    requiredExpertise: withExpertise ? Array.from({ length: n }, () => int(-1, 1)) : undefined,
    reviewerExpertise: withExpertise ? Array.from({ length: m }, () => [int(0, 1), int(0, 2)]) : undefined,
  };
}

/** Forced lists are drawn independently above; keep them only when both are present. */
function normalise(inst: AssignmentInstance): AssignmentInstance {
  const fa = inst.forcedApplication ?? [];
  const fr = inst.forcedReviewer ?? [];
  return fa.length === fr.length ? inst : { ...inst, forcedApplication: [], forcedReviewer: [] };
}

/**
 * The exact max-min value (largest possible smallest per-application sum of affinities) by HiGHS's MIP on
 * the dense model: independent of the engine's bound and of its fairness heuristics. NaN when infeasible.
 */
async function maxMinByMip(inst: AssignmentInstance): Promise<number> {
  const { applicationCount: n, reviewerCount: m, perApplication: k } = inst;
  const key = (a: number, r: number) => a * m + r;
  const conflict = new Set<number>();
  for (let i = 0; i < (inst.conflictApplication?.length ?? 0); i++)
    conflict.add(key(inst.conflictApplication![i], inst.conflictReviewer![i]));
  const forced = new Set<number>();
  for (let i = 0; i < (inst.forcedApplication?.length ?? 0); i++)
    forced.add(key(inst.forcedApplication![i], inst.forcedReviewer![i]));
  const score = new Map<number, number>();
  for (let i = 0; i < inst.pairApplication.length; i++)
    score.set(key(inst.pairApplication[i], inst.pairReviewer[i]), inst.pairScore[i]);
  const appRows: string[][] = Array.from({ length: n }, () => []);
  const sumRows: string[][] = Array.from({ length: n }, () => ['- z']);
  const revRows: string[][] = Array.from({ length: m }, () => []);
  const expertRows: string[][] = Array.from({ length: n }, () => []);
  const bounds = [' -1000 <= z <= 1000', ' 0 <= zero <= 0'];
  const binaries: string[] = [];
  for (let a = 0; a < n; a++) {
    for (let r = 0; r < m; r++) {
      const id = key(a, r);
      if (conflict.has(id) || (!score.has(id) && !forced.has(id) && inst.missingPairs === 'forbidden')) continue;
      const x = `x${a}_${r}`;
      const w = score.get(id) ?? 0;
      appRows[a].push(`+ ${x}`);
      revRows[r].push(`+ ${x}`);
      if (w !== 0) sumRows[a].push(`${w < 0 ? '-' : '+'} ${Math.abs(w)} ${x}`);
      const need = inst.requiredExpertise?.[a] ?? -1;
      if (need >= 0 && inst.reviewerExpertise?.[r]?.includes(need)) expertRows[a].push(`+ ${x}`);
      bounds.push(forced.has(id) ? ` 1 <= ${x} <= 1` : ` 0 <= ${x} <= 1`);
      binaries.push(x);
    }
  }
  const rows: string[] = [];
  const terms = (list: string[]) => (list.length ? list.join(' ') : '0 zero');
  for (let a = 0; a < n; a++) {
    rows.push(` app${a}: ${terms(appRows[a])} = ${k}`);
    rows.push(` sum${a}: ${sumRows[a].join(' ')} >= 0`);
    if ((inst.requiredExpertise?.[a] ?? -1) >= 0) rows.push(` expert${a}: ${terms(expertRows[a])} >= 1`);
  }
  for (let r = 0; r < m; r++) {
    rows.push(` min${r}: ${terms(revRows[r])} >= ${inst.minLoad[r]}`);
    rows.push(` max${r}: ${terms(revRows[r])} <= ${inst.maxLoad[r]}`);
  }
  const lp = `Maximize\n obj: + z\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nBinary\n ${binaries.join(' ') || 'zero'}\nEnd\n`;
  const highs = await highsRuntime();
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0 });
  return result.Status === 'Optimal' ? result.ObjectiveValue : NaN;
}

describe('assignment engine', () => {
  it('reaches the HiGHS optimum and every hard constraint on small random instances', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const inst = normalise(smallInstance(seed));
        const result = assignReviewers(inst);
        const oracle = await solveAssignmentLp(inst, 'dense');
        expect(result.feasible).toBe(oracle.status === 'Optimal');
        if (!result.feasible) {
          expect(result.explanations.length).toBeGreaterThan(0);
          return;
        }
        expect(countViolations(inst, result.assignedApplication, result.assignedReviewer).total).toBe(0);
        expect(result.optimal).toBe(true);
        expect(result.totalAffinity).toBeCloseTo(oracle.objective, 4);
      }),
      { numRuns: 250, seed: 20261123 },
    );
  });

  it('matches HiGHS on a medium instance with competition for popular reviewers', async () => {
    const inst = randomInstance({
      applications: 150,
      reviewers: 20,
      perApplication: 3,
      entriesPerApplication: 5,
      conflictRate: 0.1,
      seed: 3,
    });
    const result = assignReviewers(inst);
    const oracle = await solveAssignmentLp(inst, 'dense');
    expect(result.optimal).toBe(true);
    expect(countViolations(inst, result.assignedApplication, result.assignedReviewer).total).toBe(0);
    expect(result.totalAffinity).toBeCloseTo(oracle.objective, 4);
  });

  it('never assigns a conflicting pair, even when conflicts crowd the zero-affinity pairs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        (seed, conflictRate) => {
          const inst = randomInstance({
            applications: 60,
            reviewers: 12,
            perApplication: 3,
            entriesPerApplication: 2,
            conflictRate,
            seed,
            loadSlack: 2,
          });
          const result = assignReviewers(inst);
          if (!result.feasible) {
            expect(result.explanations.length).toBeGreaterThan(0);
            return;
          }
          const v = countViolations(inst, result.assignedApplication, result.assignedReviewer);
          expect(v.conflicts).toBe(0);
          expect(v.total).toBe(0);
          expect(result.optimal).toBe(true);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('fairness mode never lowers the weakest application, stays under its bound, and finds the best common threshold', async () => {
    const inst = randomInstance({
      applications: 120,
      reviewers: 15,
      perApplication: 3,
      entriesPerApplication: 8,
      conflictRate: 0.02,
      seed: 11,
    });
    const plain = assignReviewers(inst);
    const fair = assignReviewers(inst, { fair: true });
    expect(countViolations(inst, fair.assignedApplication, fair.assignedReviewer).total).toBe(0);
    expect(fair.minApplicationAffinity).toBeGreaterThanOrEqual(plain.minApplicationAffinity);
    expect(fair.minApplicationAffinity).toBeLessThanOrEqual(fairnessBound(inst) + 1e-9);
    expect(fair.totalAffinity).toBeLessThanOrEqual(plain.totalAffinity + 1e-9);
    expect(fair.optimal).toBe(true);
    const threshold = fair.threshold!;
    expect((await solveAssignmentLp(inst, 'dense', threshold)).status).toBe('Optimal');
    const higher = Math.min(...Array.from(inst.pairScore).filter((s) => s > threshold));
    expect((await solveAssignmentLp(inst, 'dense', higher)).status).not.toBe('Optimal');
  });

  it('warm-started re-solves under per-application thresholds reach the cold optimum', () => {
    let resumed = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 5 }),
        (seed, steps) => {
          const inst = normalise(smallInstance(seed));
          if (!assignReviewers(inst).feasible) return;
          const scores = [-Infinity, 0, ...Array.from(inst.pairScore)];
          const sequence = steps.map((step) => {
            const random = mulberry32(step);
            return Array.from({ length: inst.applicationCount }, () =>
              random() < 0.4 ? -Infinity : scores[Math.floor(random() * scores.length)],
            );
          });
          const warm = solveUnderThresholds(inst, sequence, 'warm');
          const cold = solveUnderThresholds(inst, sequence, 'cold');
          warm.forEach((w, i) => {
            if (w.resumed) resumed++;
            expect(w.feasible).toBe(cold[i].feasible);
            if (!w.feasible) return;
            expect(w.optimal).toBe(true);
            expect(w.flowCost).toBe(cold[i].flowCost);
          });
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
    expect(resumed).toBeGreaterThan(300);
  });

  it('fairness mode: the bound is above the true max-min (HiGHS MIP), the result below it, equal when proven', async () => {
    let proven = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const inst = normalise(smallInstance(seed));
        const fair = assignReviewers(inst, { fair: true });
        const exact = await maxMinByMip(inst);
        expect(fair.feasible).toBe(!Number.isNaN(exact));
        if (!fair.feasible) return;
        expect(countViolations(inst, fair.assignedApplication, fair.assignedReviewer).total).toBe(0);
        expect(fair.minApplicationAffinity).toBeGreaterThanOrEqual(assignReviewers(inst).minApplicationAffinity - 1e-9);
        expect(fair.minApplicationAffinity).toBeLessThanOrEqual(exact + 1e-6);
        const bound = fairnessBound(inst);
        expect(bound).toBeGreaterThanOrEqual(exact - 1e-6);
        if (fair.minApplicationAffinity >= bound - 1e-9) {
          proven++;
          expect(fair.minApplicationAffinity).toBeCloseTo(exact, 6);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(proven).toBeGreaterThan(0);
  });

  it('fairness mode raises the weakest application at a small loss on a benchmark-shaped instance', () => {
    const inst = randomInstance({
      applications: 500,
      reviewers: 50,
      perApplication: 3,
      entriesPerApplication: 10,
      conflictRate: 0.02,
      seed: 7,
    });
    const plain = assignReviewers(inst);
    const fair = assignReviewers(inst, { fair: true });
    expect(countViolations(inst, fair.assignedApplication, fair.assignedReviewer).total).toBe(0);
    expect(fair.minApplicationAffinity).toBeGreaterThan(plain.minApplicationAffinity);
    expect(fair.minPairAffinity).toBeGreaterThan(plain.minPairAffinity);
    expect(fair.totalAffinity).toBeGreaterThan(plain.totalAffinity * 0.99);
  });

  describe('explains infeasibility', () => {
    const base: AssignmentInstance = {
      applicationCount: 3,
      reviewerCount: 3,
      perApplication: 2,
      minLoad: [0, 0, 0],
      maxLoad: [2, 2, 2],
      pairApplication: [],
      pairReviewer: [],
      pairScore: [],
    };

    it('names the application with too few non-conflicting reviewers', () => {
      const result = assignReviewers({ ...base, conflictApplication: [1, 1], conflictReviewer: [0, 2] });
      expect(result.feasible).toBe(false);
      const e = result.explanations.find((x) => x.kind === 'application-short')!;
      expect(e.applications).toEqual([1]);
      expect(e.fr).toContain('#1: 1');
      expect(e.en).toContain('fewer than 2 possible reviewers');
    });

    it('reports impossible load totals', () => {
      const low = assignReviewers({ ...base, maxLoad: [1, 1, 1] });
      expect(low.explanations.map((e) => e.kind)).toContain('max-loads-too-low');
      expect(low.explanations[0].fr).toContain('3 évaluations');
      const high = assignReviewers({ ...base, minLoad: [3, 3, 1], maxLoad: [3, 3, 3] });
      expect(high.explanations.map((e) => e.kind)).toContain('min-loads-too-high');
    });

    it('gives a Hall witness when a group of applications shares too few reviewers', () => {
      // Applications 0–2 may only use reviewers 0 and 1 (one review each): 3 reviews needed, 2 possible.
      const result = assignReviewers({
        applicationCount: 4,
        reviewerCount: 3,
        perApplication: 1,
        minLoad: [0, 0, 0],
        maxLoad: [1, 1, 3],
        pairApplication: [0, 0, 1, 1, 2, 2, 3],
        pairReviewer: [0, 1, 0, 1, 0, 1, 2],
        pairScore: [1, 1, 1, 1, 1, 1, 1],
        missingPairs: 'forbidden',
      });
      expect(result.feasible).toBe(false);
      const e = result.explanations[0];
      expect(e.kind).toBe('flow-shortfall');
      expect(e.en).toContain('at most 2 reviews, 3 are needed');
      expect(e.applications).toHaveLength(1);
    });

    it('rejects forced pairs that conflict, and duplicate scores', () => {
      const forced = assignReviewers({
        ...base,
        conflictApplication: [0],
        conflictReviewer: [0],
        forcedApplication: [0],
        forcedReviewer: [0],
      });
      expect(forced.explanations.map((e) => e.kind)).toContain('forced-conflict');
      const dup = assignReviewers({ ...base, pairApplication: [0, 0], pairReviewer: [1, 1], pairScore: [0.5, 0.7] });
      expect(dup.explanations[0].kind).toBe('invalid-input');
    });
  });

  it('honours forced pairs and a required expertise', async () => {
    const inst: AssignmentInstance = {
      ...randomInstance({
        applications: 40,
        reviewers: 8,
        perApplication: 2,
        entriesPerApplication: 4,
        conflictRate: 0.05,
        seed: 5,
        loadSlack: 3,
      }),
      requiredExpertise: Array.from({ length: 40 }, (_, a) => (a % 3 === 0 ? 0 : -1)),
      reviewerExpertise: [[0], [], [], [1], [], [], [0, 1], []],
    };
    const conflictsOf0 = new Set<number>();
    for (let i = 0; i < inst.conflictApplication!.length; i++)
      if (inst.conflictApplication![i] === 1) conflictsOf0.add(inst.conflictReviewer![i]);
    const forcedReviewer = [0, 1, 2, 3, 4, 5, 6, 7].find((r) => !conflictsOf0.has(r))!;
    const withForced = { ...inst, forcedApplication: [1], forcedReviewer: [forcedReviewer] };
    const result = assignReviewers(withForced);
    expect(countViolations(withForced, result.assignedApplication, result.assignedReviewer).total).toBe(0);
    expect(result.optimal).toBe(true);
    expect(result.totalAffinity).toBeCloseTo((await solveAssignmentLp(withForced, 'dense')).objective, 4);
  });
});

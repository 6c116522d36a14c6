import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highsRuntime } from '../highs.js';
import { assignReviewers } from './engine.js';
import { solveAssignmentLp } from './highs-oracle.js';
import { mulberry32, smallConstrainedInstance } from './random-instance.js';
import { topicInstance } from './topic-instance.js';
import type { AssignmentInstance } from './types.js';
import { countViolations } from './violations.js';

/** A small instance with overlapping required topics and every other kind of constraint, from a seed. */
function smallTopicInstance(seed: number): AssignmentInstance {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const base = smallConstrainedInstance(random, { applications: [1, 9], reviewers: [2, 7] });
  const { applicationCount: n, reviewerCount: m } = base;
  const topics = int(2, 4);
  const pick = (count: number) => {
    const out = new Set<number>();
    while (out.size < count) out.add(int(0, topics - 1));
    return [...out];
  };
  const withForced = random() < 0.3;
  return {
    ...base,
    forcedApplication: withForced ? base.forcedApplication : [],
    forcedReviewer: withForced ? base.forcedReviewer : [],
    missingPairs: random() < 0.5 ? 'zero' : 'forbidden',
    requiredTopics: Array.from({ length: n }, () => pick(int(0, Math.min(3, topics)))),
    reviewerExpertise: Array.from({ length: m }, () => pick(int(0, Math.min(3, topics)))),
  };
}

describe('several required topics per application', async () => {
  const highs = await highsRuntime();

  it('reaches the HiGHS integer optimum (dense model) and covers every topic, on small random instances', async () => {
    let throughMip = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const inst = smallTopicInstance(seed);
        const result = assignReviewers(inst, { highs });
        const oracle = await solveAssignmentLp(inst, 'dense', -Infinity, true);
        expect(result.feasible).toBe(oracle.status === 'Optimal');
        if (!result.feasible) {
          infeasible++;
          expect(result.explanations.length).toBeGreaterThan(0);
          return;
        }
        if (result.topicModel) throughMip++;
        expect(countViolations(inst, result.assignedApplication, result.assignedReviewer).total).toBe(0);
        expect(result.optimal).toBe(true);
        expect(result.totalAffinity).toBeCloseTo(oracle.objective, 4);
      }),
      { numRuns: 300, seed: 20261207 },
    );
    // Both paths are exercised: the network relaxation's optimum covering every topic (most small
    // instances), and the integer programme.
    expect(throughMip).toBeGreaterThan(2);
    expect(infeasible).toBeGreaterThan(0);
  });

  // k = 2; the application needs topics 0 and 1 (two experts each). The network keeps topic 0 only; its
  // optimum R1 + R2 (0.9 + 0.8) leaves topic 1 uncovered; the best covering pair is R0 + R1 (0.1 + 0.9).
  const twoTopics: AssignmentInstance = {
    applicationCount: 1,
    reviewerCount: 4,
    perApplication: 2,
    minLoad: [0, 0, 0, 0],
    maxLoad: [1, 1, 1, 1],
    pairApplication: [0, 0, 0, 0],
    pairReviewer: [0, 1, 2, 3],
    pairScore: [0.1, 0.9, 0.8, 0.05],
    missingPairs: 'forbidden',
    requiredTopics: [[0, 1]],
    reviewerExpertise: [[0, 1], [0], [], [1]],
  };

  it('needs the integer programme when one reviewer must cover two topics', () => {
    const result = assignReviewers(twoTopics, { highs });
    expect(result.feasible).toBe(true);
    expect(result.optimal).toBe(true);
    expect(result.topicModel).toBeDefined();
    expect(countViolations(twoTopics, result.assignedApplication, result.assignedReviewer).total).toBe(0);
    expect(Array.from(result.assignedReviewer)).toEqual([0, 1]);
    expect(result.totalAffinity).toBeCloseTo(1, 9);
  });

  it('requires HiGHS and refuses the fairness mode with several topics', () => {
    expect(() => assignReviewers(twoTopics)).toThrow(/HiGHS/);
    const fair = assignReviewers(twoTopics, { highs, fair: true });
    expect(fair.feasible).toBe(false);
    expect(fair.explanations[0].en).toContain('Fairness mode');
  });

  describe('explains infeasibility, naming the application and the topic', () => {
    const base: AssignmentInstance = {
      applicationCount: 3,
      reviewerCount: 3,
      perApplication: 1,
      minLoad: [0, 0, 0],
      maxLoad: [3, 3, 3],
      pairApplication: [],
      pairReviewer: [],
      pairScore: [],
      reviewerExpertise: [[0], [1], [0, 2]],
    };
    const names = {
      application: (i: number) => `A${i}`,
      reviewer: (i: number) => `R${i}`,
      topic: (i: number) => ['droit', 'données', 'santé', 'climat'][i],
    };

    it('a topic nobody possible has', () => {
      const result = assignReviewers(
        { ...base, requiredTopics: [[0, 3], [], []], conflictApplication: [], conflictReviewer: [] },
        { highs, names },
      );
      const e = result.explanations.find((x) => x.kind === 'expertise-missing')!;
      expect(e.applications).toEqual([0]);
      expect(e.fr).toContain('A0 (climat)');
      expect(e.en).toContain('A0 (climat)');
    });

    it('topics no k reviewers cover together', () => {
      const result = assignReviewers({ ...base, requiredTopics: [[1, 2], [], []] }, { highs, names });
      const e = result.explanations.find((x) => x.kind === 'topics-uncoverable')!;
      expect(e.applications).toEqual([0]);
      expect(e.fr).toContain('A0 (données, santé : 2)');
      expect(e.en).toContain('no 1 possible reviewers cover together');
    });

    it('a topic whose experts cannot take every review it needs', () => {
      const result = assignReviewers(
        { ...base, maxLoad: [1, 3, 0], requiredTopics: [[0, 1], [0], [0]] },
        { highs, names },
      );
      const e = result.explanations.find((x) => x.kind === 'topic-capacity')!;
      expect(e.fr).toContain('Le thème droit est requis par 3 candidatures');
      expect(e.en).toContain('can take at most 1 reviews');
    });

    it('topics that cannot be covered together although each count passes', () => {
      // k = 2, A0 and A1 need {0, 1}: R0 has both but takes one review; R1 (topic 1) and R2 (topic 0) one each.
      const result = assignReviewers(
        {
          ...base,
          perApplication: 2,
          applicationCount: 2,
          maxLoad: [1, 1, 1],
          reviewerExpertise: [[0, 1], [1], [0]],
          requiredTopics: [
            [0, 1],
            [0, 1],
          ],
        },
        { highs, names },
      );
      expect(result.feasible).toBe(false);
      expect(result.explanations.length).toBeGreaterThan(0);
      expect(result.explanations[0].fr.length).toBeGreaterThan(20);
    });
  });

  it('matches the HiGHS integer optimum on a medium instance with topics', async () => {
    const inst = topicInstance({
      applications: 60,
      reviewers: 12,
      perApplication: 3,
      entriesPerApplication: 4,
      conflictRate: 0.05,
      topics: 6,
      seed: 4,
    });
    const result = assignReviewers(inst, { highs });
    const oracle = await solveAssignmentLp(inst, 'dense', -Infinity, true);
    expect(result.feasible).toBe(oracle.status === 'Optimal');
    if (!result.feasible) return;
    expect(result.optimal).toBe(true);
    expect(countViolations(inst, result.assignedApplication, result.assignedReviewer).total).toBe(0);
    expect(result.totalAffinity).toBeCloseTo(oracle.objective, 4);
  });
});

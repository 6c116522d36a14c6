import type { Highs } from 'highs';
import type { Pair, ScoredPair } from './csv.js';
import { assignReviewers } from './engine.js';
import type { AssignmentInstance, Explanation } from './types.js';

/**
 * The engine with string identifiers, as the CLI and the platform use it. Applications and reviewers are
 * those named in any input list (plus the optional explicit lists); duplicate score lines are refused.
 */
export interface AssignByIdInput {
  affinities: ScoredPair[];
  conflicts?: Pair[];
  forced?: Pair[];
  applications?: string[];
  reviewers?: string[];
  perApplication: number;
  /** The same bounds for every reviewer, or per reviewer. */
  minLoad: number | Record<string, number>;
  maxLoad: number | Record<string, number>;
  missingPairs?: 'zero' | 'forbidden';
  /** Required expertise per application, and each reviewer's expertise (topics). */
  requiredExpertise?: Record<string, string>;
  reviewerExpertise?: Record<string, string[]>;
  /** Topics each application requires: at least one assigned reviewer must have EACH of them. */
  requiredTopics?: Record<string, string[]>;
  fair?: boolean;
  /** A loaded HiGHS: needed when an application requires several topics. */
  highs?: Highs;
}

export interface AssignByIdResult {
  feasible: boolean;
  explanations: Array<Pick<Explanation, 'kind' | 'fr' | 'en'>>;
  assignments: Pair[];
  totalAffinity: number;
  minApplicationAffinity: number;
  minPairAffinity: number;
  threshold?: number;
  loads: Record<string, number>;
  optimal: boolean;
  seconds: number;
}

class Index {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  of(name: string): number {
    let i = this.byName.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.byName.set(name, i);
    }
    return i;
  }
}

export function assignById(input: AssignByIdInput): AssignByIdResult {
  const started = performance.now();
  const apps = new Index();
  const revs = new Index();
  for (const a of input.applications ?? []) apps.of(a);
  for (const r of input.reviewers ?? []) revs.of(r);
  // Applications and reviewers named only in the topic lists take part too.
  for (const a of Object.keys(input.requiredTopics ?? {})) apps.of(a);
  for (const r of Object.keys(input.reviewerExpertise ?? {})) revs.of(r);
  const lists = [input.affinities, input.conflicts ?? [], input.forced ?? []];
  const indexed = lists.map((list) => ({
    a: list.map((p) => apps.of(p.application)),
    r: list.map((p) => revs.of(p.reviewer)),
  }));
  const m = revs.names.length;
  const load = (bound: number | Record<string, number>) =>
    revs.names.map((name) => (typeof bound === 'number' ? bound : (bound[name] ?? 0)));
  const expertise = new Index();
  const inst: AssignmentInstance = {
    applicationCount: apps.names.length,
    reviewerCount: m,
    perApplication: input.perApplication,
    minLoad: load(input.minLoad),
    maxLoad: load(input.maxLoad),
    pairApplication: indexed[0].a,
    pairReviewer: indexed[0].r,
    pairScore: input.affinities.map((p) => p.score),
    conflictApplication: indexed[1].a,
    conflictReviewer: indexed[1].r,
    forcedApplication: indexed[2].a,
    forcedReviewer: indexed[2].r,
    missingPairs: input.missingPairs,
    requiredExpertise: input.requiredExpertise
      ? apps.names.map((a) => (input.requiredExpertise![a] ? expertise.of(input.requiredExpertise![a]) : -1))
      : undefined,
    requiredTopics: input.requiredTopics
      ? apps.names.map((a) => (input.requiredTopics![a] ?? []).map((x) => expertise.of(x)))
      : undefined,
    reviewerExpertise: input.reviewerExpertise
      ? revs.names.map((r) => (input.reviewerExpertise![r] ?? []).map((x) => expertise.of(x)))
      : undefined,
  };
  const result = assignReviewers(inst, {
    fair: input.fair,
    highs: input.highs,
    names: {
      application: (i) => apps.names[i],
      reviewer: (i) => revs.names[i],
      topic: (i) => expertise.names[i],
    },
  });
  const assignments: Pair[] = [];
  for (let i = 0; i < result.assignedApplication.length; i++) {
    assignments.push({
      application: apps.names[result.assignedApplication[i]],
      reviewer: revs.names[result.assignedReviewer[i]],
    });
  }
  const loads: Record<string, number> = {};
  revs.names.forEach((name, r) => {
    loads[name] = result.loads[r];
  });
  return {
    feasible: result.feasible,
    explanations: result.explanations.map(({ kind, fr, en }) => ({ kind, fr, en })),
    assignments,
    totalAffinity: result.totalAffinity,
    minApplicationAffinity: result.minApplicationAffinity,
    minPairAffinity: result.minPairAffinity,
    threshold: result.threshold,
    loads,
    optimal: result.optimal,
    seconds: (performance.now() - started) / 1000,
  };
}

import type { Highs } from 'highs';

/**
 * The reviewer assignment problem in index form (applications 0..n−1, reviewers 0..m−1): the engine works
 * on typed arrays so that 50,000 × 2,500 instances with millions of affinity entries stay cheap.
 * `assign-by-id.ts` maps string identifiers onto it.
 */
export interface AssignmentInstance {
  applicationCount: number;
  reviewerCount: number;
  /** Reviewers per application (k). */
  perApplication: number;
  minLoad: ArrayLike<number>;
  maxLoad: ArrayLike<number>;
  /** Sparse affinity entries (application, reviewer, score); a pair appears at most once. */
  pairApplication: ArrayLike<number>;
  pairReviewer: ArrayLike<number>;
  pairScore: ArrayLike<number>;
  /** Pairs that must never be assigned. */
  conflictApplication?: ArrayLike<number>;
  conflictReviewer?: ArrayLike<number>;
  /** Pairs that must be assigned. */
  forcedApplication?: ArrayLike<number>;
  forcedReviewer?: ArrayLike<number>;
  /**
   * What a pair without an affinity entry means: 'zero' (allowed, affinity 0; the default) or
   * 'forbidden' (not allowed).
   */
  missingPairs?: 'zero' | 'forbidden';
  /** Per application: index of an expertise at least one of its reviewers must have, or −1. */
  requiredExpertise?: ArrayLike<number>;
  /**
   * Per application: topic indices (same numbering as reviewerExpertise) it requires; for EACH of them at
   * least one assigned reviewer must have it, and one reviewer may cover several. Two or more topics on an
   * application make the problem an integer programme: `AssignmentOptions.highs` is then required.
   */
  requiredTopics?: ReadonlyArray<ReadonlyArray<number>>;
  /** Per reviewer: the expertise (topic) indices they have. */
  reviewerExpertise?: ReadonlyArray<ReadonlyArray<number>>;
}

export interface AssignmentOptions {
  /** Fairness mode: maximise the smallest assigned affinity first, then the total subject to it. */
  fair?: boolean;
  /** How explanations name applications and reviewers (default: "#index"). */
  names?: Names;
  /** A loaded HiGHS (`highsRuntime()`): needed only when an application requires several topics. */
  highs?: Highs;
}

export interface Names {
  application(index: number): string;
  reviewer(index: number): string;
  /** How explanations name a topic (default: "#index"). */
  topic?(index: number): string;
}

/** Why no assignment exists, in words a programme manager can act on (French and English). */
export interface Explanation {
  kind:
    | 'invalid-input'
    | 'application-short'
    | 'min-loads-too-high'
    | 'max-loads-too-low'
    | 'forced-conflict'
    | 'forced-too-many'
    | 'expertise-missing'
    | 'topics-uncoverable'
    | 'topic-capacity'
    | 'flow-shortfall';
  /** Application indices concerned (for 'application-short', 'expertise-missing', 'flow-shortfall'…). */
  applications?: number[];
  /** Reviewer indices concerned. */
  reviewers?: number[];
  fr: string;
  en: string;
}

export interface AssignmentResult {
  feasible: boolean;
  explanations: Explanation[];
  /** Assigned pairs as parallel arrays (application index, reviewer index). */
  assignedApplication: Int32Array;
  assignedReviewer: Int32Array;
  totalAffinity: number;
  /** Smallest per-application sum of affinities. */
  minApplicationAffinity: number;
  /** Smallest affinity of an assigned pair. */
  minPairAffinity: number;
  /** In fairness mode: the largest threshold t such that every application can get k reviewers of affinity ≥ t. */
  threshold?: number;
  loads: Int32Array;
  /** True only when the optimality certificate (complementary slackness) was checked on the final flow. */
  optimal: boolean;
  seconds: number;
  /** Scaled integer objective of the flow (for tests: compare with an LP on the same integer costs). */
  flowCost: number;
  scale: number;
  pivots: number;
  /**
   * Several required topics per application, when the network relaxation's optimum left a topic uncovered:
   * the integer programme's columns and rows, HiGHS's time and how many solves it took (realisation retries).
   */
  topicModel?: { columns: number; rows: number; seconds: number; solves: number };
}

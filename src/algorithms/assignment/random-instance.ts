import type { AssignmentInstance } from './types.js';

/**
 * Random assignment instances for tests and the benchmark: sparse affinities skewed towards popular
 * reviewers (so that demand competes for them), conflicts on a share of all pairs, loads within ±1 of
 * the mean. Deterministic for a seed.
 */
export interface RandomInstanceSpec {
  applications: number;
  reviewers: number;
  perApplication: number;
  /** Affinity entries per application. */
  entriesPerApplication: number;
  /** Share of all (application, reviewer) pairs in conflict. */
  conflictRate: number;
  seed: number;
  /** Slack of the loads around the mean (default 1). */
  loadSlack?: number;
  missingPairs?: 'zero' | 'forbidden';
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInstance(spec: RandomInstanceSpec): AssignmentInstance {
  const { applications: n, reviewers: m, perApplication: k } = spec;
  const random = mulberry32(spec.seed);
  const mean = (n * k) / m;
  const slack = spec.loadSlack ?? 1;
  const minLoad = new Int32Array(m).fill(Math.max(0, Math.floor(mean) - slack));
  const maxLoad = new Int32Array(m).fill(Math.ceil(mean) + slack);
  const d = Math.min(spec.entriesPerApplication, m);
  const conflictsPerApp = Math.round(spec.conflictRate * m);
  const pairApplication = new Int32Array(n * d);
  const pairReviewer = new Int32Array(n * d);
  const pairScore = new Float64Array(n * d);
  const conflictApplication = new Int32Array(n * conflictsPerApp);
  const conflictReviewer = new Int32Array(n * conflictsPerApp);
  const stamp = new Int32Array(m).fill(-1);
  let p = 0;
  let c = 0;
  for (let a = 0; a < n; a++) {
    let taken = 0;
    while (taken < d) {
      // Skewed choice: low indices are popular reviewers.
      const r = Math.min(m - 1, Math.floor(m * random() ** 1.6));
      if (stamp[r] === a) continue;
      stamp[r] = a;
      pairApplication[p] = a;
      pairReviewer[p] = r;
      pairScore[p] = Math.round(random() * 1e6) / 1e6;
      p++;
      taken++;
    }
    let conflicted = 0;
    while (conflicted < conflictsPerApp) {
      const r = Math.floor(random() * m);
      if (stamp[r] === -2 - a) continue;
      stamp[r] = -2 - a;
      conflictApplication[c] = a;
      conflictReviewer[c] = r;
      c++;
      conflicted++;
    }
  }
  return {
    applicationCount: n,
    reviewerCount: m,
    perApplication: k,
    minLoad,
    maxLoad,
    pairApplication,
    pairReviewer,
    pairScore,
    conflictApplication,
    conflictReviewer,
    missingPairs: spec.missingPairs ?? 'zero',
  };
}

/**
 * A tiny instance with every kind of pair for the property tests (scored, conflicted, forced, missing), from a
 * seeded generator: sizes in the given ranges, loads that are sometimes tight. The caller adds what its test is
 * about (expertise, topics) and decides whether to keep the forced pairs, drawn here in any case.
 */
export function smallConstrainedInstance(
  random: () => number,
  sizes: { applications: [number, number]; reviewers: [number, number] },
): AssignmentInstance & { forcedApplication: number[]; forcedReviewer: number[] } {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const n = int(...sizes.applications);
  const m = int(...sizes.reviewers);
  const k = int(1, Math.min(3, m));
  const minLoad: number[] = [];
  const maxLoad: number[] = [];
  for (let r = 0; r < m; r++) {
    const lo = int(0, Math.ceil((n * k) / m));
    minLoad.push(random() < 0.5 ? 0 : lo);
    maxLoad.push(lo + int(0, 3));
  }
  const instance = {
    applicationCount: n,
    reviewerCount: m,
    perApplication: k,
    minLoad,
    maxLoad,
    pairApplication: [] as number[],
    pairReviewer: [] as number[],
    pairScore: [] as number[],
    conflictApplication: [] as number[],
    conflictReviewer: [] as number[],
    forcedApplication: [] as number[],
    forcedReviewer: [] as number[],
  };
  for (let a = 0; a < n; a++) {
    for (let r = 0; r < m; r++) {
      const u = random();
      if (u < 0.5) {
        instance.pairApplication.push(a);
        instance.pairReviewer.push(r);
        instance.pairScore.push(Math.round((random() * 2 - 0.3) * 1e4) / 1e4);
      } else if (u < 0.6) {
        instance.conflictApplication.push(a);
        instance.conflictReviewer.push(r);
      } else if (u < 0.64) {
        instance.forcedApplication.push(a);
        instance.forcedReviewer.push(r);
      }
    }
  }
  return instance;
}

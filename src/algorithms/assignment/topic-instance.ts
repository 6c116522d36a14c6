import { mulberry32, type RandomInstanceSpec, randomInstance } from './random-instance.js';
import type { AssignmentInstance } from './types.js';

/**
 * Random instances with overlapping required topics, for tests and the benchmark: T topics of skewed
 * popularity; every reviewer has 1–3 of them, every application requires 1–`maxTopics` (default 3).
 * Half of an application's affinity entries go to reviewers sharing one of its topics, and a pair's score
 * grows with the share of the application's topics the reviewer has (as the text and topic affinity does);
 * loads and conflicts as in `randomInstance`. Deterministic for a seed.
 */
export interface TopicInstanceSpec extends RandomInstanceSpec {
  topics: number;
  maxTopics?: number;
}

export function topicInstance(spec: TopicInstanceSpec): AssignmentInstance {
  const base = randomInstance({ ...spec, entriesPerApplication: 0 });
  const { applications: n, reviewers: m } = spec;
  const random = mulberry32(spec.seed ^ 0x5eed);
  const topic = () => Math.min(spec.topics - 1, Math.floor(spec.topics * random() ** 1.5));
  const draw = (count: number) => {
    const out = new Set<number>();
    for (let tries = 0; out.size < count && tries < 50; tries++) out.add(topic());
    return [...out].sort((x, y) => x - y);
  };
  const reviewerExpertise = Array.from({ length: m }, () => draw(1 + Math.floor(random() * 3)));
  const expertsOf: number[][] = Array.from({ length: spec.topics }, () => []);
  reviewerExpertise.forEach((list, r) => {
    for (const x of list) expertsOf[x].push(r);
  });
  const maxTopics = spec.maxTopics ?? 3;
  const requiredTopics = Array.from({ length: n }, () => draw(1 + Math.floor(random() * maxTopics)));
  const conflictsOf: Set<number>[] = Array.from({ length: n }, () => new Set());
  const ca = base.conflictApplication ?? [];
  const cr = base.conflictReviewer ?? [];
  for (let i = 0; i < ca.length; i++) conflictsOf[ca[i]].add(cr[i]);
  const d = Math.min(spec.entriesPerApplication, m);
  const pa: number[] = [];
  const pr: number[] = [];
  const ps: number[] = [];
  const has = reviewerExpertise.map((list) => new Set(list));
  for (let a = 0; a < n; a++) {
    const T = requiredTopics[a];
    const pool = [...new Set(T.flatMap((x) => expertsOf[x]))];
    const taken = new Set<number>();
    for (let tries = 0; taken.size < d && tries < 20 * d; tries++) {
      const r =
        tries % 2 === 0 && pool.length > 0
          ? pool[Math.floor(random() * pool.length)]
          : Math.min(m - 1, Math.floor(m * random() ** 1.6));
      if (taken.has(r) || conflictsOf[a].has(r)) continue;
      taken.add(r);
      const share = T.filter((x) => has[r].has(x)).length / T.length;
      pa.push(a);
      pr.push(r);
      ps.push(Math.round((0.4 * random() + 0.6 * share) * 1e6) / 1e6);
    }
  }
  return {
    ...base,
    pairApplication: Int32Array.from(pa),
    pairReviewer: Int32Array.from(pr),
    pairScore: Float64Array.from(ps),
    requiredTopics,
    reviewerExpertise,
  };
}

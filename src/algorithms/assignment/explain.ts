import type { FlowNetwork, FlowResult } from './network-simplex.js';
import type { AssignmentInstance, Explanation, Names } from './types.js';

/** Why an instance has no assignment, checked before any solve, in words a programme manager can act on. */

export const indexNames: Names = {
  application: (i) => `#${i}`,
  reviewer: (i) => `#${i}`,
  topic: (i) => `#${i}`,
};

const topicName = (names: Names, x: number) => names.topic?.(x) ?? `#${x}`;

/** Per application: every required topic (requiredExpertise and requiredTopics together, distinct). */
export function requiredTopicsOf(inst: AssignmentInstance): number[][] {
  return Array.from({ length: inst.applicationCount }, (_, a) => {
    const wanted = new Set<number>(inst.requiredTopics?.[a] ?? []);
    const x = inst.requiredExpertise?.[a] ?? -1;
    if (x >= 0) wanted.add(x);
    return [...wanted].sort((p, q) => p - q);
  });
}

const LIST_LIMIT = 10;

function list(indices: number[], name: (i: number) => string): string {
  const shown = indices.slice(0, LIST_LIMIT).map(name).join(', ');
  return indices.length > LIST_LIMIT ? `${shown}… (${indices.length})` : shown;
}

function isCount(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}

function invalid(fr: string, en: string): Explanation {
  return { kind: 'invalid-input', fr, en };
}

function checkShape(inst: AssignmentInstance): Explanation[] {
  const out: Explanation[] = [];
  const n = inst.applicationCount;
  const m = inst.reviewerCount;
  if (!isCount(n) || !isCount(m))
    return [
      invalid('Nombre de candidatures ou d’évaluateurs invalide.', 'Invalid number of applications or reviewers.'),
    ];
  if (!Number.isInteger(inst.perApplication) || inst.perApplication < 1) {
    out.push(
      invalid(
        'Le nombre d’évaluateurs par candidature doit être un entier ≥ 1.',
        'Reviewers per application must be an integer ≥ 1.',
      ),
    );
  }
  if (inst.minLoad.length !== m || inst.maxLoad.length !== m) {
    return [
      ...out,
      invalid(
        'Une charge minimale et maximale est attendue pour chaque évaluateur.',
        'A minimum and maximum load is expected for every reviewer.',
      ),
    ];
  }
  for (let r = 0; r < m; r++) {
    if (!isCount(inst.minLoad[r]) || !isCount(inst.maxLoad[r]) || inst.minLoad[r] > inst.maxLoad[r]) {
      out.push(
        invalid(
          `Charges de l’évaluateur #${r} invalides (entiers, minimum ≤ maximum).`,
          `Invalid loads for reviewer #${r} (integers, minimum ≤ maximum).`,
        ),
      );
      break;
    }
  }
  const pairs: Array<[string, ArrayLike<number>, ArrayLike<number>]> = [
    ['affinités / affinities', inst.pairApplication, inst.pairReviewer],
    ['conflits / conflicts', inst.conflictApplication ?? [], inst.conflictReviewer ?? []],
    ['paires imposées / forced pairs', inst.forcedApplication ?? [], inst.forcedReviewer ?? []],
  ];
  for (const [label, apps, revs] of pairs) {
    if (apps.length !== revs.length) {
      out.push(
        invalid(`Listes de paires de longueurs différentes (${label}).`, `Pair lists of different lengths (${label}).`),
      );
      continue;
    }
    for (let i = 0; i < apps.length; i++) {
      if (
        !(
          Number.isInteger(apps[i]) &&
          apps[i] >= 0 &&
          apps[i] < n &&
          Number.isInteger(revs[i]) &&
          revs[i] >= 0 &&
          revs[i] < m
        )
      ) {
        out.push(
          invalid(`Paire hors limites (${label}), ligne ${i + 1}.`, `Pair out of range (${label}), line ${i + 1}.`),
        );
        break;
      }
    }
  }
  if (inst.requiredTopics) {
    const topics = inst.requiredTopics;
    const bad =
      topics.length !== n ||
      topics.some((list) => !Array.isArray(list) || list.some((x) => !Number.isInteger(x) || x < 0));
    if (bad)
      out.push(
        invalid(
          'Thèmes requis invalides : une liste d’indices entiers ≥ 0 par candidature.',
          'Invalid required topics: one list of integer indices ≥ 0 per application.',
        ),
      );
  }
  if (inst.pairScore.length !== inst.pairApplication.length)
    out.push(invalid('Un score est attendu pour chaque paire.', 'A score is expected for every pair.'));
  for (let i = 0; i < inst.pairScore.length; i++) {
    if (!Number.isFinite(inst.pairScore[i])) {
      out.push(invalid(`Score non numérique, ligne ${i + 1}.`, `Non-numeric score, line ${i + 1}.`));
      break;
    }
  }
  return out;
}

/** Marks, per application, a set of reviewers (reused stamp array: no n×m memory). */
function byApplication(n: number, apps: ArrayLike<number>, revs: ArrayLike<number>): number[][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < apps.length; i++) out[apps[i]].push(revs[i]);
  return out;
}

export function checkInstance(inst: AssignmentInstance, names: Names = indexNames): Explanation[] {
  const shape = checkShape(inst);
  if (shape.length > 0) return shape;
  const out: Explanation[] = [];
  const n = inst.applicationCount;
  const m = inst.reviewerCount;
  const k = inst.perApplication;
  const needed = n * k;

  let sumMin = 0;
  let sumMax = 0;
  for (let r = 0; r < m; r++) {
    sumMin += inst.minLoad[r];
    sumMax += inst.maxLoad[r];
  }
  if (sumMin > needed) {
    out.push({
      kind: 'min-loads-too-high',
      fr: `Les charges minimales totalisent ${sumMin} évaluations, mais il n’y en a que ${needed} à répartir (${n} candidatures × ${k}). Baissez des charges minimales.`,
      en: `Minimum loads add up to ${sumMin} reviews, but there are only ${needed} to share (${n} applications × ${k}). Lower some minimum loads.`,
    });
  }
  if (sumMax < needed) {
    out.push({
      kind: 'max-loads-too-low',
      fr: `Les charges maximales totalisent ${sumMax} évaluations, mais il en faut ${needed} (${n} candidatures × ${k}). Relevez des charges maximales ou ajoutez des évaluateurs.`,
      en: `Maximum loads add up to ${sumMax} reviews, but ${needed} are needed (${n} applications × ${k}). Raise some maximum loads or add reviewers.`,
    });
  }

  const conflicts = byApplication(n, inst.conflictApplication ?? [], inst.conflictReviewer ?? []);
  const forced = byApplication(n, inst.forcedApplication ?? [], inst.forcedReviewer ?? []);
  const scored = byApplication(n, inst.pairApplication, inst.pairReviewer);
  const missingZero = (inst.missingPairs ?? 'zero') === 'zero';
  const stamp = new Int32Array(m).fill(-1);
  const seen = new Int32Array(m).fill(-1);
  const forcedPerReviewer = new Int32Array(m);
  let activeReviewers = 0;
  for (let r = 0; r < m; r++) if (inst.maxLoad[r] > 0) activeReviewers++;
  const short: number[] = [];
  const shortDetail: string[] = [];
  const forcedConflicts: string[] = [];
  const forcedTooMany: number[] = [];
  const expertiseMissing: number[] = [];
  const expertiseMissingDetail: string[] = [];
  const uncoverable: number[] = [];
  const uncoverableDetail: string[] = [];
  const topicsOf = requiredTopicsOf(inst);
  const expertsOf = new Map<number, Uint8Array>();
  const expertLists = new Map<number, number[]>();
  const expertList = (x: number): number[] => {
    let out = expertLists.get(x);
    if (!out) {
      const has = experts(x);
      out = [];
      for (let r = 0; r < m; r++) if (has[r]) out.push(r);
      expertLists.set(x, out);
    }
    return out;
  };
  const experts = (x: number): Uint8Array => {
    let has = expertsOf.get(x);
    if (!has) {
      has = new Uint8Array(m);
      (inst.reviewerExpertise ?? []).forEach((list, r) => {
        if (list.includes(x)) has![r] = 1;
      });
      expertsOf.set(x, has);
    }
    return has;
  };

  for (let a = 0; a < n; a++) {
    for (const r of scored[a]) {
      if (seen[r] === a) {
        return [
          invalid(
            `La paire (${names.application(a)}, ${names.reviewer(r)}) a deux scores.`,
            `Pair (${names.application(a)}, ${names.reviewer(r)}) has two scores.`,
          ),
        ];
      }
      seen[r] = a;
    }
    for (const r of conflicts[a]) stamp[r] = a;
    for (const r of forced[a]) {
      forcedPerReviewer[r]++;
      if (stamp[r] === a) forcedConflicts.push(`(${names.application(a)}, ${names.reviewer(r)})`);
    }
    if (new Set(forced[a]).size > k) forcedTooMany.push(a);
    // Hall-type count: reviewers this application may receive at all.
    let available = 0;
    if (missingZero) {
      available = activeReviewers;
      for (const r of new Set(conflicts[a])) if (inst.maxLoad[r] > 0) available--;
    } else {
      const allowed = new Set<number>();
      for (const r of [...scored[a], ...forced[a]]) if (stamp[r] !== a && inst.maxLoad[r] > 0) allowed.add(r);
      available = allowed.size;
    }
    if (available < k) {
      short.push(a);
      shortDetail.push(`${names.application(a)}: ${available}`);
    }
    const T = topicsOf[a];
    if (T.length > 0) {
      // Only experts of one of T matter; with missing pairs allowed, every non-conflicting one is possible.
      const pool = missingZero ? new Set(T.flatMap((x) => expertList(x))) : [...scored[a], ...forced[a]];
      const candidates = [...pool].filter((r) => stamp[r] !== a && inst.maxLoad[r] > 0);
      // What each possible reviewer covers of T, as a bit mask; then the fewest reviewers covering all of T.
      const patterns = new Set<number>();
      for (const r of candidates) {
        let mask = 0;
        T.forEach((x, i) => {
          if (experts(x)[r]) mask |= 1 << i;
        });
        if (mask) patterns.add(mask);
      }
      const missing = T.filter((_, i) => ![...patterns].some((mask) => mask & (1 << i)));
      if (missing.length > 0) {
        expertiseMissing.push(a);
        expertiseMissingDetail.push(`${names.application(a)} (${missing.map((x) => topicName(names, x)).join(', ')})`);
      } else if (T.length > 1) {
        const full = (1 << T.length) - 1;
        const fewest = new Array<number>(full + 1).fill(Infinity);
        fewest[0] = 0;
        for (let mask = 0; mask <= full; mask++)
          if (fewest[mask] < Infinity)
            for (const p of patterns) fewest[mask | p] = Math.min(fewest[mask | p], fewest[mask] + 1);
        if (fewest[full] > k) {
          uncoverable.push(a);
          uncoverableDetail.push(
            `${names.application(a)} (${T.map((x) => topicName(names, x)).join(', ')} : ${fewest[full]})`,
          );
        }
      }
    }
  }
  if (short.length > 0) {
    out.push({
      kind: 'application-short',
      applications: short,
      fr: `Ces candidatures ont moins de ${k} évaluateurs possibles (sans conflit, charge maximale > 0) : ${list(short, (i) => shortDetail[short.indexOf(i)])}.`,
      en: `These applications have fewer than ${k} possible reviewers (no conflict, maximum load > 0): ${list(short, (i) => shortDetail[short.indexOf(i)])}.`,
    });
  }
  if (forcedConflicts.length > 0) {
    out.push({
      kind: 'forced-conflict',
      fr: `Paires imposées en conflit d’intérêts : ${forcedConflicts.slice(0, LIST_LIMIT).join(', ')}.`,
      en: `Forced pairs with a conflict of interest: ${forcedConflicts.slice(0, LIST_LIMIT).join(', ')}.`,
    });
  }
  const overloaded: number[] = [];
  for (let r = 0; r < m; r++) if (forcedPerReviewer[r] > inst.maxLoad[r]) overloaded.push(r);
  if (forcedTooMany.length > 0 || overloaded.length > 0) {
    out.push({
      kind: 'forced-too-many',
      applications: forcedTooMany,
      reviewers: overloaded,
      fr: `Trop de paires imposées : ${forcedTooMany.length > 0 ? `plus de ${k} pour ${list(forcedTooMany, names.application)}` : ''}${forcedTooMany.length > 0 && overloaded.length > 0 ? ' ; ' : ''}${overloaded.length > 0 ? `au-delà de la charge maximale de ${list(overloaded, names.reviewer)}` : ''}.`,
      en: `Too many forced pairs: ${forcedTooMany.length > 0 ? `more than ${k} for ${list(forcedTooMany, names.application)}` : ''}${forcedTooMany.length > 0 && overloaded.length > 0 ? '; ' : ''}${overloaded.length > 0 ? `beyond the maximum load of ${list(overloaded, names.reviewer)}` : ''}.`,
    });
  }
  if (expertiseMissing.length > 0) {
    const detail = list(expertiseMissing, (a) => expertiseMissingDetail[expertiseMissing.indexOf(a)]);
    out.push({
      kind: 'expertise-missing',
      applications: expertiseMissing,
      fr: `Aucun évaluateur possible n’a l’expertise requise pour (candidature (thèmes sans expert)) : ${detail}.`,
      en: `No possible reviewer has the required expertise for (application (topics without an expert)): ${detail}.`,
    });
  }
  if (uncoverable.length > 0) {
    const detail = list(uncoverable, (a) => uncoverableDetail[uncoverable.indexOf(a)]);
    out.push({
      kind: 'topics-uncoverable',
      applications: uncoverable,
      fr: `Ces candidatures demandent des thèmes qu’aucun groupe de ${k} évaluateurs possibles ne couvre ensemble (candidature (thèmes : évaluateurs nécessaires au minimum)) : ${detail}. Augmentez le nombre d’évaluateurs par candidature ou ajoutez des évaluateurs aux expertises croisées.`,
      en: `These applications require topics that no ${k} possible reviewers cover together (application (topics: fewest reviewers needed)): ${detail}. Raise the reviewers per application or add reviewers with combined expertise.`,
    });
  }
  out.push(...topicCapacity(inst, topicsOf, names));
  return out;
}

/**
 * Hall's condition for one topic: the applications requiring topic X each need one review by an expert of X;
 * the experts of X can give at most the sum of their maximum loads.
 */
function topicCapacity(inst: AssignmentInstance, topicsOf: number[][], names: Names): Explanation[] {
  const demand = new Map<number, number[]>();
  topicsOf.forEach((T, a) => {
    for (const x of T) {
      const apps = demand.get(x);
      if (apps) apps.push(a);
      else demand.set(x, [a]);
    }
  });
  const out: Explanation[] = [];
  for (const [x, apps] of demand) {
    let capacity = 0;
    const experts: number[] = [];
    (inst.reviewerExpertise ?? []).forEach((list, r) => {
      if (list.includes(x) && r < inst.reviewerCount) {
        capacity += inst.maxLoad[r];
        experts.push(r);
      }
    });
    if (apps.length <= capacity || experts.length === 0) continue;
    out.push({
      kind: 'topic-capacity',
      applications: apps,
      reviewers: experts,
      fr: `Le thème ${topicName(names, x)} est requis par ${apps.length} candidatures (${list(apps, names.application)}), mais ses experts (${list(experts, names.reviewer)}) peuvent prendre au plus ${capacity} évaluations. Relevez leurs charges maximales ou ajoutez des experts de ce thème.`,
      en: `Topic ${topicName(names, x)} is required by ${apps.length} applications (${list(apps, names.application)}), but its experts (${list(experts, names.reviewer)}) can take at most ${capacity} reviews. Raise their maximum loads or add experts of this topic.`,
    });
  }
  return out;
}

/**
 * The integer programme of several required topics found no assignment although every count-based check
 * passed: the topics cannot all be covered together with these loads (applications compete for the same
 * experts). Names the topics whose experts are the most in demand and the applications with several topics.
 */
export function explainTopicShortfall(
  inst: AssignmentInstance,
  topicsOf: ReadonlyArray<ArrayLike<number>>,
  stopped: boolean,
  names: Names = indexNames,
): Explanation {
  if (stopped) {
    return {
      kind: 'topic-capacity',
      fr: 'Le solveur des thèmes requis s’est arrêté avant de prouver un résultat ; relancez sans limite de temps.',
      en: 'The required-topics solver stopped before proving a result; run it again without a time limit.',
    };
  }
  const demand = new Map<number, number>();
  const multi: number[] = [];
  topicsOf.forEach((T, a) => {
    for (let i = 0; i < T.length; i++) demand.set(T[i], (demand.get(T[i]) ?? 0) + 1);
    if (T.length > 1) multi.push(a);
  });
  const ratios = [...demand].map(([x, d]) => {
    let capacity = 0;
    (inst.reviewerExpertise ?? []).forEach((list, r) => {
      if (list.includes(x)) capacity += inst.maxLoad[r];
    });
    return { x, d, capacity, ratio: capacity > 0 ? d / capacity : Infinity };
  });
  ratios.sort((p, q) => q.ratio - p.ratio);
  const tight = ratios
    .slice(0, 3)
    .map((t) => `${topicName(names, t.x)} (${t.d} / ${t.capacity})`)
    .join(', ');
  return {
    kind: 'topic-capacity',
    applications: multi,
    fr: `Les thèmes requis ne peuvent pas être tous couverts en même temps avec ces charges et ces conflits : les candidatures à plusieurs thèmes (${list(multi, names.application)}) se disputent les mêmes experts. Thèmes les plus demandés (candidatures / évaluations possibles de leurs experts) : ${tight}.`,
    en: `The required topics cannot all be covered at once with these loads and conflicts: the applications with several topics (${list(multi, names.application)}) compete for the same experts. Most demanded topics (applications / reviews their experts can take): ${tight}.`,
  };
}

interface ShortfallContext {
  net: FlowNetwork;
  reviewerBase: number;
  sink: number;
  expertiseNodeOf: Int32Array;
}

/**
 * The flow left supply unrouted although every count-based check passed: a group of applications competes
 * for too few reviewers (Hall's condition fails for a set, not for one application), or reviewers cannot
 * reach their minimum load. The witness is the set of nodes reachable in the residual network from the
 * stranded supply: those applications can only use those reviewers, whose remaining capacity is exhausted.
 */
export function explainShortfall(
  inst: AssignmentInstance,
  built: ShortfallContext,
  result: FlowResult,
  names: Names = indexNames,
): Explanation {
  const { net, reviewerBase, sink } = built;
  const n = inst.applicationCount;
  const m = inst.reviewerCount;
  const appOfNode = new Int32Array(net.nodeCount).fill(-1);
  for (let a = 0; a < n; a++) appOfNode[a] = a;
  built.expertiseNodeOf.forEach((node, a) => {
    if (node >= 0) appOfNode[node] = a;
  });
  // Residual adjacency (forward where flow < upper, backward where flow > lower).
  const degree = new Int32Array(net.nodeCount + 1);
  for (let e = 0; e < net.arcCount; e++) {
    if (result.flow[e] < net.upper[e]) degree[net.source[e] + 1]++;
    if (result.flow[e] > net.lower[e]) degree[net.target[e] + 1]++;
  }
  for (let u = 0; u < net.nodeCount; u++) degree[u + 1] += degree[u];
  const fill = degree.slice(0, net.nodeCount);
  const next = new Int32Array(degree[net.nodeCount]);
  for (let e = 0; e < net.arcCount; e++) {
    if (result.flow[e] < net.upper[e]) next[fill[net.source[e]]++] = net.target[e];
    if (result.flow[e] > net.lower[e]) next[fill[net.target[e]]++] = net.source[e];
  }
  const reached = new Uint8Array(net.nodeCount);
  const queue: number[] = [];
  for (let u = 0; u < net.nodeCount; u++) {
    if (result.unrouted[u] > 0) {
      reached[u] = 1;
      queue.push(u);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q];
    for (let i = degree[u]; i < degree[u + 1]; i++) {
      const v = next[i];
      if (!reached[v] && v !== sink) {
        reached[v] = 1;
        queue.push(v);
      }
    }
  }
  const stranded = new Set<number>();
  const group = new Set<number>();
  const reviewers: number[] = [];
  for (let u = 0; u < net.nodeCount; u++) {
    const a = appOfNode[u];
    if (a >= 0 && result.unrouted[u] > 0) stranded.add(a);
    if (a >= 0 && reached[u]) group.add(a);
    if (u >= reviewerBase && u < reviewerBase + m && reached[u]) reviewers.push(u - reviewerBase);
  }
  const underMin: number[] = [];
  for (let r = 0; r < m; r++) if (result.unrouted[reviewerBase + r] < 0) underMin.push(r);
  const apps = [...stranded];
  const groupApps = [...group];
  let capacity = 0;
  for (const r of reviewers) capacity += inst.maxLoad[r];
  const parts = { fr: [] as string[], en: [] as string[] };
  if (apps.length > 0) {
    const needed = groupApps.length * inst.perApplication;
    parts.fr.push(
      `Les candidatures ${list(groupApps, names.application)} ne peuvent être évaluées que par ${list(reviewers, names.reviewer)} (sans conflit et autorisés) ; ceux-ci peuvent prendre au plus ${capacity} évaluations, il en faut ${needed}. Candidatures sans ${inst.perApplication} évaluateurs : ${list(apps, names.application)}.`,
    );
    parts.en.push(
      `Applications ${list(groupApps, names.application)} can only be reviewed by ${list(reviewers, names.reviewer)} (allowed, no conflict); these can take at most ${capacity} reviews, ${needed} are needed. Applications without ${inst.perApplication} reviewers: ${list(apps, names.application)}.`,
    );
  }
  if (underMin.length > 0) {
    parts.fr.push(`Ces évaluateurs ne peuvent pas atteindre leur charge minimale : ${list(underMin, names.reviewer)}.`);
    parts.en.push(`These reviewers cannot reach their minimum load: ${list(underMin, names.reviewer)}.`);
  }
  if (parts.fr.length === 0) {
    parts.fr.push('Aucune affectation ne respecte toutes les contraintes (seuil d’équité ou expertise).');
    parts.en.push('No assignment satisfies every constraint (fairness threshold or expertise).');
  }
  return {
    kind: 'flow-shortfall',
    applications: apps,
    reviewers: underMin.length > 0 ? underMin : reviewers,
    fr: parts.fr.join(' '),
    en: parts.en.join(' '),
  };
}

import type { FlowNetwork, FlowResult } from './network-simplex.js';
import type { AssignmentInstance, Explanation, Names } from './types.js';

/** Why an instance has no assignment, checked before any solve, in words a programme manager can act on. */

export const indexNames: Names = {
  application: (i) => `#${i}`,
  reviewer: (i) => `#${i}`,
};

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
  const expertsOf = new Map<number, Uint8Array>();
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
    const x = inst.requiredExpertise?.[a] ?? -1;
    if (x >= 0) {
      const has = experts(x);
      const candidates = missingZero ? [...Array(m).keys()] : [...scored[a], ...forced[a]];
      if (!candidates.some((r) => has[r] && stamp[r] !== a && inst.maxLoad[r] > 0)) expertiseMissing.push(a);
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
    out.push({
      kind: 'expertise-missing',
      applications: expertiseMissing,
      fr: `Aucun évaluateur possible n’a l’expertise requise pour : ${list(expertiseMissing, names.application)}.`,
      en: `No possible reviewer has the required expertise for: ${list(expertiseMissing, names.application)}.`,
    });
  }
  return out;
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

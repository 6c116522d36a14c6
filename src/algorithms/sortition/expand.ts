import type { Instance } from './instance.js';
import type { Composition } from './panel-oracle.js';

export interface PersonPanel {
  /** Pool row indexes (0-based, in pool order), ascending. */
  members: number[];
  probability: number;
}

/**
 * Turns one composition (members per type) into concrete panels with the same total weight in which every
 * member of a type is equally likely: a common u ∈ [0, 1) picks, in each type of c members of which x are
 * taken, the x consecutive members (cyclically) starting at ⌊u·c⌋. Each member is then taken with measure
 * exactly x / c, and only the breakpoints j / c cut [0, 1) into distinct panels.
 */
export function expandComposition(instance: Instance, composition: Composition, weight: number): PersonPanel[] {
  const cuts = new Set<number>([0]);
  composition.forEach((x, t) => {
    const c = instance.types[t].members.length;
    if (x > 0 && x < c) for (let j = 1; j < c; j++) cuts.add(j / c);
  });
  const points = [...cuts].sort((a, b) => a - b);
  points.push(1);
  const panels: PersonPanel[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const u = (points[i] + points[i + 1]) / 2;
    const members: number[] = [];
    composition.forEach((x, t) => {
      const pool = instance.types[t].members;
      const start = Math.floor(u * pool.length);
      for (let j = 0; j < x; j++) members.push(pool[(start + j) % pool.length]);
    });
    panels.push({ members: members.sort((a, b) => a - b), probability: weight * (points[i + 1] - points[i]) });
  }
  return panels;
}

export function expandDistribution(instance: Instance, compositions: Composition[], weights: number[]): PersonPanel[] {
  return compositions.flatMap((composition, j) => expandComposition(instance, composition, weights[j]));
}

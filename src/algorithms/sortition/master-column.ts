import type { Highs, Model } from 'highs';
import type { Composition } from './panel-oracle.js';

/**
 * Adds a panel as a master LP column λ (cost 0, λ ≥ 0): coefficient x_t/c_t in type t's row (the panel's
 * selection probability for each member of t) and 1 in row T, the convexity row Σ λ = 1.
 */
export function addMasterColumn(
  highs: Highs,
  master: Model,
  composition: Composition,
  counts: number[],
  T: number,
): void {
  const indices: number[] = [];
  const values: number[] = [];
  composition.forEach((x, t) => {
    if (x > 0) {
      indices.push(t);
      values.push(x / counts[t]);
    }
  });
  indices.push(T);
  values.push(1);
  master.addCol(0, 0, highs.infinity, { indices, values });
}

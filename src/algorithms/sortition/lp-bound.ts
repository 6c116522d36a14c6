import { highsRuntime, quietModel } from '../highs.js';
import type { Instance } from './instance.js';
import { panelModelData } from './panel-oracle.js';

/**
 * An independent upper bound on the best minimum selection probability: the LP relaxation of panel
 * selection (expected counts s_t ∈ [0, count_t] meeting the size, every quota and households fractionally),
 * maximising z with s_t ≥ z · count_t. Any lottery over feasible panels gives such expected counts, so its
 * minimum cannot exceed this bound. Nothing of the column generation is reused.
 */
export async function relaxationBound(instance: Instance): Promise<number> {
  const highs = await highsRuntime();
  const T = instance.types.length;
  const base = panelModelData(highs, instance, new Array(T).fill(0), false);
  const model = quietModel(highs);
  try {
    model.passModel(base);
    model.addVar(0, 1);
    model.changeColCost(T, 1);
    instance.types.forEach((type, t) => {
      // s_t − count_t · z ≥ 0
      model.addRow(0, highs.infinity, { indices: [t, T], values: [1, -type.members.length] });
    });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return 0;
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

import type { Highs, Model } from 'highs';
import * as highsPackage from 'highs';

/**
 * The one HiGHS loader of the process: sortition and assignment share this WebAssembly runtime (a second
 * loader would compile and hold a second copy of the solver, several MB of memory and ~100 ms of start-up).
 */
let runtime: Promise<Highs> | undefined;

type Loader = () => Promise<Highs>;

/**
 * `highs` ships CommonJS typings but Node's `import` loads its ES build, whose default export is the loader;
 * the typings see that default one level deeper. Accept both shapes.
 */
function loader(): Loader {
  const exported = highsPackage.default as unknown as Loader & { default?: Loader };
  return exported.default ?? exported;
}

export function highsRuntime(): Promise<Highs> {
  runtime ??= loader()();
  return runtime;
}

/** Quiet, deterministic solver settings shared by every model of the engine. */
export function quietModel(highs: Highs): Model {
  const model = highs.createModel();
  model.options.set({ output_flag: false, random_seed: 0 });
  return model;
}

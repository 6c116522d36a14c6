/**
 * Runs `task` one at a time, grouping the callers the way PostgreSQL groups commits: a call while
 * no run is under way starts one; calls made while a run is under way all wait for, and share, the
 * single next run, which starts as soon as the current one ends. Each caller gets the outcome of
 * the run that served it (a run that fails rejects its callers; the next run starts all the same).
 * Used where every caller needs "a run that started after I called": the audit chaining pass after
 * a commit.
 */
export function sharedRuns(task: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const run = (): Promise<void> => {
    if (!running) {
      const current: Promise<void> = task()
        .then(() => undefined)
        .finally(() => {
          if (running === current) running = undefined;
        });
      running = current;
      return current;
    }
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return run();
      });
    return next;
  };
  return run;
}

/** One `sharedRuns` per key (a database handle, a folder), made on first use. */
export function sharedRunsByKey<K extends object | string>(
  task: (key: K) => Promise<unknown>,
): (key: K) => Promise<void> {
  const byObject = new WeakMap<object, () => Promise<void>>();
  const byString = new Map<string, () => Promise<void>>();
  return (key: K) => {
    let runs = typeof key === 'string' ? byString.get(key) : byObject.get(key as object);
    if (!runs) {
      runs = sharedRuns(() => task(key));
      if (typeof key === 'string') byString.set(key, runs);
      else byObject.set(key as object, runs);
    }
    return runs();
  };
}

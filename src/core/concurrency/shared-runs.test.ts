import { describe, expect, it } from 'vitest';
import { sharedRuns } from './shared-runs.js';

/** A task whose runs are ended by hand, recording when each started. */
function controlledTask() {
  const runs: { end: () => void; fail: (error: Error) => void }[] = [];
  const task = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ end: resolve, fail: reject });
    });
  return { runs, task };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('sharedRuns', () => {
  it('starts a run at once, then serves every caller that came during it with one next run', async () => {
    const { runs, task } = controlledTask();
    const run = sharedRuns(task);
    const first = run();
    expect(runs).toHaveLength(1);
    const waiting = [run(), run(), run()];
    await tick();
    expect(runs).toHaveLength(1); // nobody started a second run while the first is under way
    runs[0]!.end();
    await first;
    await tick();
    expect(runs).toHaveLength(2); // one run for the three waiting callers
    runs[1]!.end();
    await Promise.all(waiting);
    run();
    expect(runs).toHaveLength(3); // idle again: the next call starts at once
    runs[2]!.end();
  });

  it('rejects the callers of a failed run and still runs for those waiting', async () => {
    const { runs, task } = controlledTask();
    const run = sharedRuns(task);
    const first = run();
    const second = run();
    runs[0]!.fail(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    await tick();
    expect(runs).toHaveLength(2);
    runs[1]!.end();
    await expect(second).resolves.toBeUndefined();
  });
});

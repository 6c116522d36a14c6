import { ensureBuilt } from '../../scripts/build.mjs';

/**
 * Vitest global set-up: compiles src/ to dist/ once, before any test file runs, when src/ changed since the
 * last build. Tests that start `dist/main.js` or `bin/accelerateur.js` then run what src/ says, and parallel
 * test files never build at the same time.
 */
export default async function setup(): Promise<void> {
  await ensureBuilt();
}

import { configDefaults, defineConfig } from 'vitest/config';
import LongFilesFirst from './test/support/long-files-first.js';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '@kitajs/html' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // src/algorithms is pure code, no database (DESIGN.md): its tests give the same result on every engine, so CI's
    // second run, on PostgreSQL, leaves them out with the other engine-independent suites (decision 0016).
    exclude: [...configDefaults.exclude, ...(process.env.SKIP_ENGINE_INDEPENDENT === '1' ? ['src/algorithms/**'] : [])],
    // Tests start the compiled server and CLI: compile first if src/ changed (scripts/build.mjs).
    globalSetup: ['test/support/compiled.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
    pool: 'forks',
    // One module graph per worker, not per file: importing the platform again for each of the ~150 files
    // cost more CPU than most files' tests (40 small files: 205 s of CPU isolated, 130 s not; docs/benchmarks.md).
    // Safe because no test mocks modules, stubs globals or changes process.env, and the modules' registries
    // replace an entry registered again instead of adding it twice.
    isolate: false,
    sequence: { sequencer: LongFilesFirst },
  },
});

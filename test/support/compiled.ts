import type { TestProject } from 'vitest/node';
import { ensureBuilt } from '../../scripts/build.mjs';
import { createMigratedTemplate, type MigratedTemplate } from './migrated-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    migratedTemplate: MigratedTemplate;
  }
}

/**
 * Vitest global set-up: compiles src/ to dist/ once, before any test file runs, when src/ changed since the
 * last build. Tests that start `dist/main.js` or `bin/accelerateur.js` then run what src/ says, and parallel
 * test files never build at the same time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureBuilt();
  // Then one migrated database every test file's database starts from (migrated-template.ts says why).
  const { template, remove } = await createMigratedTemplate();
  project.provide('migratedTemplate', template);
  return remove;
}

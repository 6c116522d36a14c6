/**
 * Suites whose result does not depend on the engine the run is given (DATABASE_URL): the page audits check markup;
 * the start-up and folder-lock tests of the embedded mode always use PGlite; the crash, multi-process and
 * prepared-statement tests always use the PostgreSQL server; the compiled runtime's tests check the build; the
 * pure algorithms' tests (src/algorithms, left out by vitest.config.ts) open no database. CI runs the whole suite once per engine and sets
 * SKIP_ENGINE_INDEPENDENT=1 on its second run, so these run once (decision 0016). `npm test` runs them all.
 */
export const runsEngineIndependentSuites = process.env.SKIP_ENGINE_INDEPENDENT !== '1';

if (!runsEngineIndependentSuites)
  console.log(
    'engine-independent suites skipped (page audits, embedded start-up and lock, crash, multi-process, prepared ' +
      'statements, compiled runtime, src/algorithms): SKIP_ENGINE_INDEPENDENT=1, CI runs them on its ' +
      'embedded-database run (decision 0016)',
  );

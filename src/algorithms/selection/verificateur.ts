import { runVerifier } from './verifier-main.js';

/**
 * The verifier that needs no installation: bundled by scripts/build.mjs into one file with no dependency
 * (dist/public/verificateur-selection.mjs), run with any Node ≥ 18:
 *   node verificateur-selection.mjs <selection.zip | dossier>
 */
process.exitCode = await runVerifier(process.argv.slice(2));

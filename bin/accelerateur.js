#!/usr/bin/env node
// `npx accelerateur …` runs the compiled CLI (dist/cli.js), in this process. It first compiles src/ when
// dist/ is missing or older than the sources (a fresh clone installed with --ignore-scripts, or an edit since):
// checking costs a few tens of milliseconds, so what runs is always what src/ says (decision 0013).
import { ensureBuilt } from '../scripts/build.mjs';

await ensureBuilt();
await import('../dist/cli.js');

#!/usr/bin/env node
/**
 * Compiles src/ to dist/, file for file (decision 0013): esbuild strips the types and turns JSX into
 * @kitajs/html calls; the layout stays the same, so migrations found by folder, the worker loaded by path
 * and public/ found from the code's own place work unchanged. Type-checking stays with `tsc --noEmit`.
 *
 *   node scripts/build.mjs             build (npm run build; npm install and npm ci run it as `prepare`)
 *   node scripts/build.mjs --if-stale  build only if src/ changed since the last build (before npm start)
 *
 * Plain JavaScript with only node: imports (esbuild is imported when a build is needed), so bin/accelerateur.js
 * can check freshness in a few tens of milliseconds before every command.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetInputs, buildAssets } from './assets.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const FINGERPRINT = '.source-fingerprint';
/** What else shapes the output: the compiler settings (JSX), these scripts, and the assets' sources (assets.mjs). */
const INPUTS_BESIDE_SRC = ['tsconfig.json', 'package.json', 'scripts/build.mjs', 'scripts/assets.mjs'];

const isTest = (name) => /\.test\.[cm]?[jt]sx?$/.test(name);
const isTypeScript = (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');

/** Every file of src/ the runtime needs, tests left out, as paths relative to src/. */
function sourceFiles(dir = src, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, found);
    else if (!isTest(entry.name)) found.push(relative(src, path));
  }
  return found;
}

/**
 * Path, size and modification time of every input: any edit, added, deleted or restored file changes it (public/ and
 * the DSFR's package.json included: they are the assets' sources).
 * Cheap (stat calls only, 10 to 40 ms), so it runs before every start and every command.
 */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  const files = [
    ...sourceFiles().map((file) => join('src', file)),
    ...INPUTS_BESIDE_SRC,
    ...assetInputs().map((path) => relative(root, path)),
  ].sort();
  for (const file of files) {
    const stat = statSync(join(root, file), { throwIfNoEntry: false });
    hash.update(`${file}\t${stat?.size ?? -1}\t${stat?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

/** Whether dist/ is missing or was built from other sources. Without src/ (a shipped dist only) it is fresh. */
export function isStale() {
  if (!existsSync(src)) return !existsSync(join(dist, 'cli.js'));
  const built = join(dist, FINGERPRINT);
  return !existsSync(built) || readFileSync(built, 'utf8') !== sourceFingerprint();
}

/**
 * Builds into a fresh folder and swaps it in, so a process reading dist/ meanwhile never sees half a build,
 * and a file deleted from src/ (a migration!) never lingers in dist/.
 */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  const fingerprint = sourceFingerprint();
  const files = sourceFiles();
  const next = join(root, `.dist-${process.pid}-${Date.now()}`);
  try {
    await esbuild({
      entryPoints: files.filter(isTypeScript).map((file) => join(src, file)),
      outdir: next,
      outbase: src,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // The JSX settings (react-jsx, jsxImportSource @kitajs/html) come from tsconfig.json.
      tsconfig: join(root, 'tsconfig.json'),
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    // Plain JavaScript (the durable writer's worker) and any other file are copied as they are.
    for (const file of files.filter((f) => !isTypeScript(f))) {
      mkdirSync(dirname(join(next, file)), { recursive: true });
      cpSync(join(src, file), join(next, file));
    }
    await bundleVerifiers(esbuild, join(next, 'public'));
    await buildAssets(join(next, 'assets'), join(dist, 'assets'));
    writeCommandIndex(next);
    writeFileSync(join(next, FINGERPRINT), fingerprint);
    swapIn(next);
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
}

/**
 * The verifiers anyone may download or run in a browser, each one file with no dependency: the selection's
 * for Node ≥ 18 (`node verificateur-selection.mjs <zip-or-folder>`) and for the browser (the season's
 * transparency page), and the panel draw's for the browser. Served by the modules' routes from dist/public.
 */
export const VERIFIER_BUNDLES = [
  { entry: 'algorithms/selection/verificateur.ts', out: 'verificateur-selection.mjs', platform: 'node', format: 'esm' },
  { entry: 'algorithms/selection/browser.ts', out: 'verification-selection.js', platform: 'browser', format: 'iife' },
  {
    entry: 'algorithms/sortition/browser.ts',
    out: 'verification-tirage.js',
    platform: 'browser',
    format: 'iife',
    // The draw's check hashes with node:crypto: in the browser, a plain-JavaScript SHA-256 instead.
    crypto: 'algorithms/sortition/browser-crypto.ts',
  },
];

/** An esbuild plugin that resolves node:crypto to the given file. */
export function cryptoShim(file) {
  return {
    name: 'crypto-shim',
    setup(build) {
      build.onResolve({ filter: /^(node:)?crypto$/ }, () => ({ path: file }));
    },
  };
}

async function bundleVerifiers(esbuild, outdir) {
  for (const bundle of VERIFIER_BUNDLES) {
    await esbuild({
      entryPoints: [join(src, bundle.entry)],
      outfile: join(outdir, bundle.out),
      bundle: true,
      platform: bundle.platform,
      format: bundle.format,
      target: bundle.platform === 'node' ? 'node18' : 'es2020',
      tsconfig: join(root, 'tsconfig.json'),
      legalComments: 'none',
      logLevel: 'warning',
      plugins: bundle.crypto ? [cryptoShim(join(src, bundle.crypto))] : [],
      banner: {
        js:
          bundle.platform === 'node'
            ? '// Accélérateur — vérificateur de sélection / selection verifier. Node >= 18, no dependency.'
            : '// Accélérateur — vérification dans le navigateur / in-browser verification.',
      },
    });
  }
}

/**
 * `accelerateur --help` must not load every module: the compiled CLI lists its commands once, at build time,
 * into commands.json, which it reads instead (src/cli.ts).
 */
function writeCommandIndex(folder) {
  const run = spawnSync(process.execPath, [join(folder, 'cli.js'), '--write-command-index'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  if (run.status !== 0) throw new Error(`the compiled CLI could not list its commands:\n${run.stderr}`);
}

function swapIn(next) {
  const old = `${dist}.old-${process.pid}-${Date.now()}`;
  if (existsSync(dist)) renameSync(dist, old);
  try {
    renameSync(next, dist);
  } catch (error) {
    // Another build swapped its own in between: it was made from the same sources, keep it.
    if (!existsSync(join(dist, FINGERPRINT))) throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/** Builds when dist/ is stale; says so on stderr, since it makes this one start a second slower. */
export async function ensureBuilt() {
  if (!isStale()) return false;
  process.stderr.write('Compilation de src/ vers dist/… / Compiling src/ to dist/…\n');
  await build();
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const built = process.argv.includes('--if-stale') ? await ensureBuilt() : (await build(), true);
  if (built) process.stderr.write(`dist/ built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

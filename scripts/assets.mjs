/**
 * The files browsers download beside the pages, prepared at build time (scripts/build.mjs): the parts of the DSFR the
 * layout links and what their style sheets point at (fonts, icons), and public/. Each set is copied under
 * dist/assets/<set>/<hash>/, where <hash> is a hash of the set's contents, so its URLs (/dsfr/<hash>/…,
 * /static/<hash>/…) change whenever a byte does and can be cached for a year; a whole folder shares one hash so
 * the style sheets' relative URLs (fonts/…, ../../icons/…) still resolve. Beside each text file, its brotli (.br)
 * and gzip (.gz) forms, served by @fastify/static's `preCompressed` to browsers that accept them.
 *
 * The app serves every hash folder it finds there (src/core/ui/assets.ts), the current build's and those kept from
 * the two builds before, and links the current one.
 *
 * Plain JavaScript with only node: imports: build.mjs runs it, and the app asks it which hash public/ has now, to
 * notice a build older than an edit of public/ under `npm run dev`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const PUBLIC_DIR = join(root, 'public');
/** Where the DSFR package keeps its built files; found the way Node finds the package. */
export function dsfrDir() {
  return join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');
}
/** The DSFR's package.json, an input of the build's freshness check (a DSFR upgrade rebuilds the assets). */
export function dsfrPackageJson() {
  return require.resolve('@gouvfr/dsfr/package.json');
}

/**
 * The DSFR files the pages link (src/core/ui/layout.tsx, and the events module's printable list). Everything
 * their style sheets reference is added by following url(…).
 */
export const DSFR_ENTRIES = [
  'dsfr.min.css',
  'utility/icons/icons.min.css',
  'dsfr.module.min.js',
  'dsfr.nomodule.min.js',
  'favicon/favicon.svg',
];

/** Text the browser can take compressed; fonts (woff2 is already compressed) and images are left as they are. */
const COMPRESSIBLE = /\.(css|js|mjs|svg|json|txt|html|xml|csv)$/;

/** Relative paths (with /) of every file under `dir`. */
export function filesUnder(dir, found = [], base = dir) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, found, base);
    else found.push(relative(base, path).split(sep).join('/'));
  }
  return found.sort();
}

/** The entries and every local file their style sheets point at, transitively, as paths relative to `dir`. */
export function dsfrFiles(dir = dsfrDir()) {
  const found = new Set();
  const queue = [...DSFR_ENTRIES];
  while (queue.length > 0) {
    const file = queue.shift();
    if (found.has(file)) continue;
    if (!existsSync(join(dir, file))) throw new Error(`DSFR file missing: ${file}`);
    found.add(file);
    if (!file.endsWith('.css')) continue;
    const css = readFileSync(join(dir, file), 'utf8');
    for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
      const url = match[2].split(/[?#]/)[0];
      if (/^(data:|[a-z]+:|\/)/i.test(url) || url === '') continue;
      const target = normalize(join(dirname(file), url))
        .split(sep)
        .join('/');
      if (target.startsWith('..')) throw new Error(`${file} points outside the DSFR's dist/: ${url}`);
      queue.push(target);
    }
  }
  return [...found].sort();
}

/** A short hash of a set of files' paths and contents: the URL segment that changes when any byte does. */
export function contentHash(dir, files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** The hash public/ has now (compared by the app with the one it was built with). */
export function publicHash() {
  return contentHash(PUBLIC_DIR, filesUnder(PUBLIC_DIR));
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Writes file.br and file.gz beside a text file, each only when it is smaller than the file. */
async function compressBeside(path) {
  const body = readFileSync(path);
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  if (br.length < body.length) writeFileSync(`${path}.br`, br);
  if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
}

/** Hard-links every file of `from` into `to` (same disk: dist/ and the build folder sit side by side). */
function linkTree(from, to) {
  for (const file of filesUnder(from)) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    try {
      linkSync(join(from, file), join(to, file));
    } catch {
      copyFileSync(join(from, file), join(to, file));
    }
  }
}

export const MANIFEST = 'manifest.json';
/** How many earlier builds' sets a build keeps beside its own. */
const KEEP_EARLIER = 2;

/**
 * Prepares the asset sets into `out` (the new build's assets/ folder) and writes out/manifest.json,
 * `{"dsfr": "<hash>", "static": "<hash>", "kept": {"dsfr": [...], "static": [...]}}`. A set whose hash the previous
 * build (`previous`, the current dist/assets) already has is linked from there instead of compressed again: brotli
 * at its best quality takes seconds for the DSFR's ~1,100 files, and they change only with a DSFR upgrade. The sets
 * of the last two earlier builds are linked too (`kept`): during a rolling upgrade, a page served by a process of
 * the previous version links its own hashes, and whichever process the browser then asks must still have them.
 */
export async function buildAssets(out, previous) {
  let before = {};
  try {
    before = JSON.parse(readFileSync(join(previous, MANIFEST), 'utf8'));
  } catch {
    // no previous build
  }
  const sets = {
    dsfr: { dir: dsfrDir(), files: dsfrFiles() },
    static: { dir: PUBLIC_DIR, files: filesUnder(PUBLIC_DIR) },
  };
  const manifest = { kept: {} };
  for (const [name, { dir, files }] of Object.entries(sets)) {
    const hash = contentHash(dir, files);
    manifest[name] = hash;
    const target = join(out, name, hash);
    if (before[name] === hash && existsSync(join(previous, name, hash))) {
      linkTree(join(previous, name, hash), target);
    } else {
      for (const file of files) {
        mkdirSync(dirname(join(target, file)), { recursive: true });
        copyFileSync(join(dir, file), join(target, file));
      }
      const text = files.filter((file) => COMPRESSIBLE.test(file));
      // A few at a time: zlib's asynchronous calls run on libuv's four threads.
      for (let i = 0; i < text.length; i += 16)
        await Promise.all(text.slice(i, i + 16).map((file) => compressBeside(join(target, file))));
    }
    const earlier = [...new Set([before[name], ...(before.kept?.[name] ?? [])])]
      .filter((old) => typeof old === 'string' && /^[0-9a-f]{12}$/.test(old) && old !== hash)
      .filter((old) => existsSync(join(previous, name, old)))
      .slice(0, KEEP_EARLIER);
    for (const old of earlier) linkTree(join(previous, name, old), join(out, name, old));
    manifest.kept[name] = earlier;
  }
  writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

/** The files whose size and modification time the build's freshness check adds to src/'s (absolute paths). */
export function assetInputs() {
  return [...filesUnder(PUBLIC_DIR).map((file) => join(PUBLIC_DIR, file)), dsfrPackageJson()];
}

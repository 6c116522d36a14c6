import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST, publicHash } from '../../../scripts/assets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Where the build (scripts/assets.mjs) puts the fingerprinted, precompressed copies: <set>/<hash>/… */
export const ASSETS_DIR = join(root, 'dist', 'assets');

function readManifest(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(join(ASSETS_DIR, MANIFEST), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * The hash folder of each set this process links, read once at start. A set the build did not prepare (no dist/ yet
 * under `npm run dev`), or public/ edited since the build (under `npm run dev`, which does not rebuild), is linked
 * at its plain address instead, served from its source with a short cache.
 */
function currentHashes(): { dsfr?: string; static?: string } {
  const manifest = readManifest();
  const hashes: { dsfr?: string; static?: string } = {};
  if (typeof manifest.dsfr === 'string' && existsSync(join(ASSETS_DIR, 'dsfr', manifest.dsfr)))
    hashes.dsfr = manifest.dsfr;
  if (typeof manifest.static === 'string' && manifest.static === publicHash()) hashes.static = manifest.static;
  return hashes;
}

const hashes = currentHashes();

/**
 * The folder of each set's hash folders, for the static file server, when the build made one: it serves whichever
 * hash is asked for, so a page linked by a process of the previous build (during a rolling upgrade) still finds
 * its files here, and a process started before the latest build finds the latest build's.
 */
export function fingerprintedRoot(set: 'dsfr' | 'static'): string | undefined {
  const dir = join(ASSETS_DIR, set);
  return existsSync(dir) ? dir : undefined;
}

/** The URL of a file of the DSFR's dist/ (e.g. `dsfr.min.css`): fingerprinted, cached for a year. */
export function dsfrAsset(path: string): string {
  return hashes.dsfr ? `/dsfr/${hashes.dsfr}/${path}` : `/dsfr/${path}`;
}

/** The URL of a file of public/ (e.g. `app.css`): fingerprinted, cached for a year. */
export function staticAsset(path: string): string {
  return hashes.static ? `/static/${hashes.static}/${path}` : `/static/${path}`;
}

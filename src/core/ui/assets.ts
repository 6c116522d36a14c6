import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST, publicHash } from '../../../scripts/assets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Where the build (scripts/assets.mjs) puts the fingerprinted, precompressed copies. */
const ASSETS_DIR = join(root, 'dist', 'assets');

/** An asset set served under a fingerprinted prefix: its URL prefix and the folder that holds it. */
export interface FingerprintedSet {
  prefix: string;
  dir: string;
}

function readManifest(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(ASSETS_DIR, MANIFEST), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * The fingerprinted sets this process serves and links, read once at start. A set the build did not prepare
 * (no dist/ yet under `npm run dev`), or public/ edited since the build (under `npm run dev`, which does not
 * rebuild), is linked at its plain address instead, served from its source with a short cache.
 */
function fingerprintedSets(): { dsfr?: FingerprintedSet; static?: FingerprintedSet } {
  const manifest = readManifest();
  const sets: { dsfr?: FingerprintedSet; static?: FingerprintedSet } = {};
  if (manifest.dsfr) sets.dsfr = { prefix: `/dsfr/${manifest.dsfr}/`, dir: join(ASSETS_DIR, 'dsfr', manifest.dsfr) };
  if (manifest.static && manifest.static === publicHash())
    sets.static = { prefix: `/static/${manifest.static}/`, dir: join(ASSETS_DIR, 'static', manifest.static) };
  return sets;
}

export const assetSets = fingerprintedSets();

/** The URL of a file of the DSFR's dist/ (e.g. `dsfr.min.css`): fingerprinted, cached for a year. */
export function dsfrAsset(path: string): string {
  return `${assetSets.dsfr?.prefix ?? '/dsfr/'}${path}`;
}

/** The URL of a file of public/ (e.g. `app.css`): fingerprinted, cached for a year. */
export function staticAsset(path: string): string {
  return `${assetSets.static?.prefix ?? '/static/'}${path}`;
}

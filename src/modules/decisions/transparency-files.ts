import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { csvCell } from '../../core/spreadsheet/csv.js';
import type { PublishedTransparency, SeasonFigures } from './transparency.js';
import { transparencyMessages as m } from './views/transparency-messages.js';

/** The season's transparency downloads: the bundle as a ZIP, the figures as CSV and JSON, the verifiers. */

/** The bundle as a ZIP (deflated; dated at the publication, never at the close: the close time keys the pseudonyms). */
export function zipBundle(files: Map<string, string>, folder: string, date: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of files) zip.addBuffer(Buffer.from(text, 'utf8'), `${folder}/${name}`, { mtime: date });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** The French label of a kind of applicant (the JSON keeps the code). */
function kindName(kind: string): string {
  return (m as Record<string, { fr: string } | undefined>)[`kind_${kind}`]?.fr ?? kind;
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** The figures as rows: indicator, detail, value (French labels; the JSON keeps the codes). */
function figureRows(f: SeasonFigures, trackName: (code: string) => string): [string, string, string][] {
  return [
    ['Candidatures reçues', '', String(f.received)],
    ...f.byApplicantKind.map((c): [string, string, string] => [
      'Par type de porteur',
      kindName(c.key),
      String(c.count),
    ]),
    ...f.byTrack.map((c): [string, string, string] => ['Par parcours', trackName(c.key), String(c.count)]),
    ...f.byTerritory.map((c): [string, string, string] => [
      'Par région ou territoire',
      c.key || 'non renseigné',
      String(c.count),
    ]),
    ['Candidatures éligibles (en lice)', '', String(f.eligible)],
    ['Candidatures évaluées', '', String(f.reviewed)],
    ['Évaluations soumises', '', String(f.reviews)],
    ['Évaluations par candidature', 'moyenne', f.reviewsPerApplication.mean.toFixed(2).replace('.', ',')],
    ['Évaluations par candidature', 'minimum', String(f.reviewsPerApplication.min)],
    ['Évaluations par candidature', 'maximum', String(f.reviewsPerApplication.max)],
    ['Candidatures soumises au panel citoyen', '', String(f.shortlistedForPanel)],
    ['Panélistes ayant donné un avis', '', String(f.panelists)],
    ['Lauréats', '', String(f.laureates)],
    ['Liste d’attente', '', String(f.waitingList)],
    ['Non retenus', '', String(f.notSelected)],
    ['Montant demandé (toutes candidatures, €)', '', euros(f.requestedCents)],
    ['Montant demandé (candidatures en lice, €)', '', euros(f.requestedByCandidatesCents)],
    ['Montant accordé aux lauréats (€)', '', euros(f.grantedCents)],
  ];
}

/** chiffres.csv: UTF-8 with BOM, `;`, French labels — for a spreadsheet. */
export function figuresCsv(transparency: PublishedTransparency): string {
  const lines = [
    ['indicateur', 'détail', 'valeur'],
    ...figureRows(transparency.figures, (code) => transparency.trackNames[code]?.name ?? code),
  ].map((row) => row.map((cell) => csvCell(cell)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** chiffres.json: the same figures with codes and cents. */
export function figuresJson(transparency: PublishedTransparency): string {
  const { season, figures, juryCriteria, panelCriteria, juryByOrganisation, panel, frozen } = transparency;
  return `${JSON.stringify(
    {
      season: { slug: season.slug, name: season.name, nameEn: season.nameEn },
      publishedAt: transparency.publishedAt.toISOString(),
      figures,
      weights: frozen.inputs.weights,
      juryCriteria,
      panelCriteria,
      juryByOrganisation: juryByOrganisation.map((j) => ({ siren: j.key, members: j.count })),
      panel,
    },
    null,
    2,
  )}\n`;
}

/** The verifiers built by scripts/build.mjs into dist/public; under tsx (tests, dev) bundled on demand. */
export const VERIFIER_FILES = {
  'verificateur-selection.mjs': { entry: 'selection/verificateur', platform: 'node', format: 'esm' },
  'verification-selection.js': { entry: 'selection/browser', platform: 'browser', format: 'iife' },
  /** The panel draw's check, for the panel's transparency page (node:crypto replaced by a plain SHA-256). */
  'verification-tirage.js': {
    entry: 'sortition/browser',
    platform: 'browser',
    format: 'iife',
    crypto: 'sortition/browser-crypto',
  },
} as const;
export type VerifierFile = keyof typeof VERIFIER_FILES;

const cache = new Map<VerifierFile, Promise<string>>();

export function verifierFile(name: VerifierFile): Promise<string> {
  let text = cache.get(name);
  if (!text) {
    text = loadVerifier(name);
    text.catch(() => cache.delete(name));
    cache.set(name, text);
  }
  return text;
}

async function loadVerifier(name: VerifierFile): Promise<string> {
  const built = fileURLToPath(new URL(`../../public/${name}`, import.meta.url));
  if (!import.meta.url.endsWith('.ts') && existsSync(built)) return readFile(built, 'utf8');
  const spec: { entry: string; platform: 'node' | 'browser'; format: 'esm' | 'iife'; crypto?: string } =
    VERIFIER_FILES[name];
  const source = (path: string) =>
    fileURLToPath(
      new URL(`../../algorithms/${path}.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url),
    );
  const crypto = spec.crypto ? source(spec.crypto) : null;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [source(spec.entry)],
    plugins: crypto
      ? [{ name: 'crypto-shim', setup: (b) => b.onResolve({ filter: /^(node:)?crypto$/ }, () => ({ path: crypto })) }]
      : [],
    bundle: true,
    write: false,
    platform: spec.platform,
    format: spec.format,
    target: spec.platform === 'node' ? 'node18' : 'es2020',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

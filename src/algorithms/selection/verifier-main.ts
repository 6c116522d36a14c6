import { readBundle } from './read-bundle.js';
import { describeDifference, verify } from './verify.js';

/**
 * `selection verify <zip-or-folder>`: the body shared by the platform's CLI and the standalone verifier
 * (./verificateur.ts). 0 when everything matches, 1 with the first difference, 2 on a usage error.
 */
export async function runVerifier(
  args: readonly string[],
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  const path = args.find((a) => !a.startsWith('-'));
  if (!path || args.includes('--help')) {
    err('usage: selection verify <fichier.zip | dossier> / <file.zip | folder>');
    return 2;
  }
  let files: Map<string, string>;
  try {
    files = await readBundle(path);
  } catch (error) {
    err(`impossible de lire / cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const result = verify(files);
  if (!result.ok) {
    out(`DIFFÉRENCE / DIFFERENCE — ${describeDifference(result.difference)}`);
    return 1;
  }
  const s = result.summary;
  out(
    `OK — la sélection est recalculée à l’identique / the selection recomputes exactly: ${s.candidates} candidatures/applications, ${s.reviews} évaluations/reviews, ${s.opinions} avis du panel/panel opinions, ${s.laureates} lauréats/laureates, ${s.waitingList} en liste d’attente/on the waiting list`,
  );
  return 0;
}

import { readFile } from 'node:fs/promises';
import {
  assignById,
  CsvInputError,
  readAffinityCsv,
  readPairCsv,
  readTopicCsv,
  topicsByOwner,
} from '../../algorithms/assignment/index.js';
import { highsRuntime } from '../../algorithms/highs.js';
import type { Command } from '../../core/module.js';

/**
 * `npx accelerateur assign --affinities <csv> [--conflicts <csv>] --per-application K --min-load L
 * --max-load U [--fair] [--missing-pairs zero|forbidden] [--application-topics <csv> --reviewer-topics <csv>]
 * [--json]`: runs the assignment engine on CSV files. `--application-topics` (`application,topic`) lists the
 * topics each application requires — at least one assigned reviewer must have EACH of them — and
 * `--reviewer-topics` (`reviewer,topic`) the topics each reviewer has.
 * Exit codes: 0 assignment found, 1 no assignment exists (explained), 2 bad command line or input.
 */

class UsageError extends Error {}

const USAGE =
  'Usage: npx accelerateur assign --affinities <csv> [--conflicts <csv>] --per-application K --min-load L --max-load U [--fair] [--missing-pairs zero|forbidden] [--application-topics <csv> --reviewer-topics <csv>] [--json]';

const FLAGS = new Set(['fair', 'json']);
const OPTIONS = new Set([
  'affinities',
  'conflicts',
  'per-application',
  'min-load',
  'max-load',
  'missing-pairs',
  'application-topics',
  'reviewer-topics',
]);

export function parseAssignArgs(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new UsageError(`Argument inattendu « ${arg} » / Unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (FLAGS.has(name) && eq < 0) {
      out.set(name, 'true');
    } else if (OPTIONS.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} attend une valeur / --${name} needs a value`);
      out.set(name, value);
    } else {
      throw new UsageError(`Option inconnue « ${arg} » / Unknown option "${arg}"`);
    }
  }
  return out;
}

function count(options: Map<string, string>, name: string, min: number): number {
  const raw = options.get(name);
  if (raw === undefined) throw new UsageError(`--${name} est obligatoire / --${name} is required`);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(
      `--${name} doit être un entier ≥ ${min} (reçu « ${raw} ») / --${name} must be an integer ≥ ${min} (got "${raw}")`,
    );
  return value;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`Fichier illisible : ${path} / Cannot read file: ${path}`);
  }
}

export async function runAssign(
  args: string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  try {
    const options = parseAssignArgs(args);
    const affinitiesPath = options.get('affinities');
    if (!affinitiesPath) throw new UsageError('--affinities est obligatoire / --affinities is required');
    const perApplication = count(options, 'per-application', 1);
    const minLoad = count(options, 'min-load', 0);
    const maxLoad = count(options, 'max-load', 0);
    if (minLoad > maxLoad) throw new UsageError('--min-load doit être ≤ --max-load / --min-load must be ≤ --max-load');
    const missing = options.get('missing-pairs') ?? 'zero';
    if (missing !== 'zero' && missing !== 'forbidden')
      throw new UsageError('--missing-pairs vaut zero ou forbidden / --missing-pairs is zero or forbidden');
    const affinities = readAffinityCsv(await readText(affinitiesPath), affinitiesPath);
    const conflictsPath = options.get('conflicts');
    const conflicts = conflictsPath ? readPairCsv(await readText(conflictsPath), conflictsPath) : [];
    const applicationTopicsPath = options.get('application-topics');
    const reviewerTopicsPath = options.get('reviewer-topics');
    if (applicationTopicsPath && !reviewerTopicsPath)
      throw new UsageError(
        '--application-topics demande --reviewer-topics / --application-topics needs --reviewer-topics',
      );
    const requiredTopics = applicationTopicsPath
      ? topicsByOwner(readTopicCsv(await readText(applicationTopicsPath), 'application', applicationTopicsPath))
      : undefined;
    const reviewerTopics = reviewerTopicsPath
      ? topicsByOwner(readTopicCsv(await readText(reviewerTopicsPath), 'reviewer', reviewerTopicsPath))
      : undefined;
    // Several topics on one application make an integer programme: only then is HiGHS loaded.
    const severalTopics = Object.values(requiredTopics ?? {}).some((list) => list.length > 1);
    const result = assignById({
      affinities,
      conflicts,
      perApplication,
      minLoad,
      maxLoad,
      missingPairs: missing,
      fair: options.has('fair'),
      requiredTopics,
      reviewerExpertise: reviewerTopics,
      highs: severalTopics ? await highsRuntime() : undefined,
    });
    if (options.has('json')) {
      out(
        JSON.stringify(
          result.feasible
            ? {
                assignments: result.assignments,
                totalAffinity: result.totalAffinity,
                minApplicationAffinity: result.minApplicationAffinity,
                loads: result.loads,
                optimal: result.optimal,
                seconds: result.seconds,
                ...(result.threshold !== undefined ? { threshold: result.threshold } : {}),
              }
            : { feasible: false, explanations: result.explanations, seconds: result.seconds },
        ),
      );
    } else if (result.feasible) {
      out('application,reviewer');
      for (const p of result.assignments) out(`${csvField(p.application)},${csvField(p.reviewer)}`);
      err(
        `Affectation ${result.optimal ? 'optimale prouvée' : 'trouvée'} / ${result.optimal ? 'proven optimal' : 'found'} assignment: ` +
          `affinité totale / total affinity ${round(result.totalAffinity)}, minimum par candidature / per application ${round(result.minApplicationAffinity)}, ${result.seconds.toFixed(2)} s`,
      );
    }
    if (!result.feasible) {
      err('Aucune affectation possible / No assignment exists:');
      for (const e of result.explanations) err(`- ${e.fr}\n  ${e.en}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      err(USAGE);
      return 2;
    }
    if (error instanceof CsvInputError) {
      err(error.fr);
      err(error.en);
      return 2;
    }
    throw error;
  }
}

function round(x: number): string {
  return (Math.round(x * 1e6) / 1e6).toString();
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const assignCommand: Command = {
  description: 'Affecte les évaluateurs aux candidatures / Assign reviewers to applications (CSV)',
  standalone: import.meta.url,
  run: (args) => runAssign(args),
};

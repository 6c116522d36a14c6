import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type Algorithm,
  type Analysis,
  analyse,
  buildInstance,
  type Commitment,
  drawFromCommitment,
  drawJson,
  drawReplacements,
  InfeasibleQuotasError,
  loadCommitment,
  NoReplacementError,
  parseCategoriesCsv,
  parsePoolCsv,
  parseSlotsJson,
  prepareCommitment,
  replayReplacements,
  type SortitionInput,
  SortitionInputError,
  validateSize,
  verifyPublished,
  verifyWithoutPool,
} from '../../algorithms/sortition/index.js';
import type { Command } from '../../core/module.js';
import { parseArgs } from './cli-args.js';

class UsageError extends Error {}

async function readInputFile(path: string | undefined, option: string): Promise<string> {
  if (!path) throw new UsageError(`--${option} <fichier.csv> est requis / --${option} <file.csv> is required`);
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`impossible de lire « ${path} » / cannot read "${path}"`);
  }
}

async function readInput(options: Record<string, string>): Promise<SortitionInput> {
  const quotas = parseCategoriesCsv(await readInputFile(options.categories, 'categories'));
  const people = parsePoolCsv(await readInputFile(options.pool, 'pool'), quotas);
  return { quotas, people, k: validateSize(options.size, people.length) };
}

/** Runs a command body, turning input and quota problems into clear messages and exit codes. */
async function guarded(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof NoReplacementError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof SortitionInputError) {
      process.stderr.write(
        `Fichiers invalides / Invalid files:\n${error.problems.map((p) => `  - ${p.fr}\n    ${p.en}`).join('\n')}\n`,
      );
      return 1;
    }
    if (error instanceof InfeasibleQuotasError) {
      const { reasons, relaxation } = error.explanation;
      const lines = [
        'Aucun panel ne respecte ces quotas / No panel meets these quotas:',
        ...reasons.map((r) => `  - ${r.fr}\n    ${r.en}`),
        ...(relaxation.length > 0
          ? [
              'Assouplissement le plus proche / Nearest feasible relaxation:',
              ...relaxation.map(
                (c) => `  ${c.category} = ${c.feature}: min ${c.min} → ${c.relaxedMin}, max ${c.max} → ${c.relaxedMax}`,
              ),
            ]
          : []),
      ];
      process.stderr.write(`${lines.join('\n')}\n`);
      return 1;
    }
    throw error;
  }
}

const percent = (p: number) => `${(100 * p).toFixed(2)} %`;

/** Human summary: one line per distinct profile, with its size and selection probability. */
function summary(input: SortitionInput, result: Analysis): string {
  const instance = buildInstance(input);
  const lines = [
    `Algorithme / Algorithm: ${result.algorithm}`,
    `Volontaires / Pool: ${result.n} · Panel: ${result.k}`,
    `Probabilité minimale / Minimum probability: ${percent(result.minProbability)}`,
    `Durée / Time: ${result.seconds.toFixed(2)} s`,
    '',
    'Profil / Profile — effectif / count — probabilité / probability',
  ];
  const profiles = new Map<string, { count: number; total: number; min: number }>();
  result.probabilities.forEach((p, r) => {
    const key = instance.types[instance.typeOf[r]].features.map((f) => instance.features[f].feature).join(' · ');
    const entry = profiles.get(key) ?? { count: 0, total: 0, min: 1 };
    entry.count += 1;
    entry.total += p;
    entry.min = Math.min(entry.min, p);
    profiles.set(key, entry);
  });
  const sorted = [...profiles.entries()].sort((a, b) => a[1].total / a[1].count - b[1].total / b[1].count);
  for (const [key, e] of sorted.slice(0, 40)) lines.push(`  ${key} — ${e.count} — ${percent(e.total / e.count)}`);
  if (sorted.length > 40)
    lines.push(`  … ${sorted.length - 40} autres profils / more profiles (--json pour tout / for all)`);
  return `${lines.join('\n')}\n`;
}

const PUBLISHED = ['categories.csv', 'pool.csv', 'slots.json', 'commitment.txt'] as const;

async function readPublished(folder: string): Promise<Commitment['files'] | undefined> {
  if (!PUBLISHED.every((name) => existsSync(join(folder, name)))) return undefined;
  const [categories, pool, slots, commitment] = await Promise.all(
    PUBLISHED.map((name) => readFile(join(folder, name), 'utf8')),
  );
  return { 'categories.csv': categories, 'pool.csv': pool, 'slots.json': slots, 'commitment.txt': commitment };
}

/** The replacement draws of a folder, in order: replacement-1.json, replacement-2.json, … */
async function readReplacements(folder: string): Promise<{ name: string; text: string }[]> {
  const records: { name: string; text: string }[] = [];
  for (let n = 1; existsSync(join(folder, `replacement-${n}.json`)); n++) {
    records.push({
      name: `replacement-${n}.json`,
      text: await readFile(join(folder, `replacement-${n}.json`), 'utf8'),
    });
  }
  return records;
}

function publishedInstance(files: Commitment['files']) {
  const quotas = parseCategoriesCsv(files['categories.csv']);
  const people = parsePoolCsv(files['pool.csv'], quotas);
  return buildInstance({ quotas, people, k: parseSlotsJson(files['slots.json']).size });
}

/** The files left once pool.csv was withdrawn at the deletion of the answers (all but pool.csv). */
async function readWithoutPool(
  folder: string,
): Promise<{ categories: string; slots: string; commitment: string } | undefined> {
  const names = ['categories.csv', 'slots.json', 'commitment.txt'];
  if (existsSync(join(folder, 'pool.csv')) || !names.every((name) => existsSync(join(folder, name)))) return undefined;
  const [categories, slots, commitment] = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
  return { categories, slots, commitment };
}

/** Verifies what remains after pool.csv was withdrawn, and says what could not be checked any more. */
async function reportWithoutPool(
  folder: string,
  files: { categories: string; slots: string; commitment: string },
  draw: string | undefined,
  json: boolean,
): Promise<number> {
  const report = verifyWithoutPool({ ...files, ...(draw !== undefined ? { draw } : {}) });
  const replacements = (await readReplacements(folder)).length;
  if (replacements > 0)
    report.unchecked = [
      ...(report.unchecked ?? []),
      `replacement-1…${replacements}.json not replayed: they need pool.csv / non rejoués : il y faut pool.csv`,
    ];
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const lines = report.ok
      ? [
          `Tirage vérifié sans pool.csv / Draw verified without pool.csv. Engagement / Commitment: ${report.commitment}`,
          ...(report.slot !== undefined ? [`Tirage n° / Slot ${report.slot}: ${report.members!.join(', ')}`] : []),
          ...(report.unchecked ?? []).map((line) => `Non vérifié / Not checked: ${line}`),
        ]
      : ['ÉCHEC de la vérification / Verification FAILED:', ...report.problems.slice(0, 50).map((p) => `  - ${p}`)];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return report.ok ? 0 : 1;
}

export const sortitionCommands: Record<string, Command> = {
  'sortition analyse': {
    description: 'Probabilités de sélection d’un tirage au sort / Selection probabilities of a sortition',
    standalone: import.meta.url,
    run: (args) =>
      guarded(async () => {
        const { options, flags } = parseArgs(args, ['json']);
        const algorithm = (options.algorithm ?? 'leximin') as Algorithm;
        if (algorithm !== 'leximin' && algorithm !== 'legacy') {
          throw new UsageError(
            `--algorithm vaut leximin ou legacy (lu : « ${algorithm} ») / --algorithm is leximin or legacy (read: "${algorithm}")`,
          );
        }
        const runs = options.runs === undefined ? undefined : Number(options.runs);
        if (runs !== undefined && !(Number.isInteger(runs) && runs > 0))
          throw new UsageError('--runs doit être un entier positif / --runs must be a positive integer');
        const input = await readInput(options);
        const result = await analyse(input, { algorithm, legacyRuns: runs, withPanels: flags.has('json') });
        process.stdout.write(flags.has('json') ? `${JSON.stringify(result)}\n` : summary(input, result));
        return 0;
      }),
  },
  'sortition draw': {
    description: 'Engagement publié puis tirage vérifiable / Published commitment, then a verifiable draw',
    standalone: import.meta.url,
    run: (args) =>
      guarded(async () => {
        const { options, flags } = parseArgs(args, ['json']);
        const input = await readInput(options);
        const requested = options.out ? resolve(options.out) : undefined;
        const existing = requested ? await readPublished(requested) : undefined;
        let commitment = existing ? loadCommitment(existing, input) : undefined;
        if (existing && !commitment) {
          throw new UsageError(
            `le dossier « ${requested} » contient un autre engagement : choisissez un autre --out / folder "${requested}" holds another commitment: choose another --out`,
          );
        }
        commitment ??= await prepareCommitment(input);
        const folder = requested ?? resolve(`tirage-${commitment.commitment.slice(0, 12)}`);
        await mkdir(folder, { recursive: true });
        if (!existing) for (const name of PUBLISHED) await writeFile(join(folder, name), commitment.files[name]);
        const random = options.random;
        if (random === undefined || random.trim() === '') {
          const text = flags.has('json')
            ? JSON.stringify({ commitment: commitment.commitment, folder })
            : `Engagement / Commitment (SHA-256 de commitment.txt): ${commitment.commitment}\nFichiers publiés / Published files: ${folder}\nPubliez cet engagement, puis relancez avec --random <valeur publique> / Publish it, then run again with --random <public value>`;
          process.stdout.write(`${text}\n`);
          return 0;
        }
        const draw = drawFromCommitment(commitment, random);
        await writeFile(join(folder, 'draw.json'), drawJson(draw));
        const text = flags.has('json')
          ? JSON.stringify({ ...draw, folder })
          : [
              `Engagement / Commitment: ${draw.commitment}`,
              `Valeur aléatoire / Random value: ${draw.random}`,
              `Tirage n° / Slot: ${draw.slot} / ${commitment.slots.length}`,
              `Panel (${draw.members.length}): ${draw.members.join(', ')}`,
              `Vérifier / Verify: npx accelerateur sortition verify ${folder}`,
            ].join('\n');
        process.stdout.write(`${text}\n`);
        return 0;
      }),
  },
  'sortition replace': {
    description:
      'Remplace des personnes tirées qui déclinent, quotas tenus / Replace drawn people who decline, keeping the quotas',
    standalone: import.meta.url,
    run: (args) =>
      guarded(async () => {
        const { positional, options, flags } = parseArgs(args, ['json']);
        const folder = positional[0];
        if (!folder || !options.declined || !options.random?.trim()) {
          throw new UsageError(
            'usage: sortition replace <dossier / folder> --declined <id,id…> --random <valeur publique / public value>',
          );
        }
        const files = await readPublished(folder);
        const drawPath = join(folder, 'draw.json');
        if (!files || !existsSync(drawPath))
          throw new UsageError(
            `« ${folder} » ne contient pas de tirage (draw.json) / "${folder}" holds no draw (draw.json)`,
          );
        const report = verifyPublished({
          categories: files['categories.csv'],
          pool: files['pool.csv'],
          slots: files['slots.json'],
          commitment: files['commitment.txt'],
          draw: await readFile(drawPath, 'utf8'),
        });
        if (!report.ok)
          throw new UsageError(
            `le tirage publié ne se vérifie pas / the published draw does not verify: ${report.problems[0]}`,
          );
        const instance = publishedInstance(files);
        const people = instance.people;
        // Earlier replacement draws of this folder are replayed first: the new one starts from their panel and
        // never redraws anyone who declined before.
        const chain = await replayReplacements(instance, report.members!, await readReplacements(folder));
        if (chain.problems.length > 0)
          throw new UsageError(
            `les remplacements publiés ne se vérifient pas / the published replacements do not verify: ${chain.problems[0]}`,
          );
        const rowOf = new Map(people.map((p, r) => [p.id, r]));
        const panel = chain.panel.map((id) => rowOf.get(id)!);
        const declinedIds = options.declined
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean);
        const outsiders = declinedIds.filter((id) => !chain.panel.includes(id));
        if (outsiders.length > 0) throw new UsageError(`pas dans le panel / not on the panel: ${outsiders.join(', ')}`);
        const result = await drawReplacements(
          instance,
          panel,
          declinedIds.map((id) => rowOf.get(id)!),
          options.random,
          chain.declined.map((id) => rowOf.get(id)!),
        );
        const record = {
          random: options.random.trim(),
          declined: declinedIds,
          replacements: result.replacements.map((r) => people[r].id),
          panel: result.panel.map((r) => people[r].id),
        };
        let n = 1;
        while (existsSync(join(folder, `replacement-${n}.json`))) n += 1;
        await writeFile(join(folder, `replacement-${n}.json`), `${JSON.stringify(record, null, 2)}\n`);
        process.stdout.write(
          flags.has('json')
            ? `${JSON.stringify(record)}\n`
            : `Remplaçants / Replacements: ${record.replacements.join(', ')}\nNouveau panel / New panel: ${record.panel.join(', ')}\n`,
        );
        return 0;
      }),
  },
  'sortition verify': {
    description: 'Vérifie un tirage publié / Verify a published draw',
    standalone: import.meta.url,
    run: (args) =>
      guarded(async () => {
        const { positional, flags } = parseArgs(args, ['json']);
        const folder = positional[0];
        if (!folder) throw new UsageError('usage: sortition verify <dossier / folder>');
        const drawPath = join(folder, 'draw.json');
        const files = await readPublished(folder);
        if (!files) {
          const withdrawn = await readWithoutPool(folder);
          if (!withdrawn)
            throw new UsageError(
              `« ${folder} » ne contient pas ${PUBLISHED.join(', ')} / "${folder}" lacks ${PUBLISHED.join(', ')}`,
            );
          return reportWithoutPool(
            folder,
            withdrawn,
            existsSync(drawPath) ? await readFile(drawPath, 'utf8') : undefined,
            flags.has('json'),
          );
        }
        const report = verifyPublished({
          categories: files['categories.csv'],
          pool: files['pool.csv'],
          slots: files['slots.json'],
          commitment: files['commitment.txt'],
          ...(existsSync(drawPath) ? { draw: await readFile(drawPath, 'utf8') } : {}),
        });
        const records = await readReplacements(folder);
        let replacements: { count: number; panel: string[] } | undefined;
        if (records.length > 0) {
          if (report.members === undefined)
            report.problems.push(
              'replacement draws without a verified draw.json / remplacements sans draw.json vérifié',
            );
          else {
            const chain = await replayReplacements(publishedInstance(files), report.members, records);
            report.problems.push(...chain.problems);
            replacements = { count: records.length, panel: chain.panel };
          }
          report.ok = report.problems.length === 0;
        }
        if (flags.has('json'))
          process.stdout.write(`${JSON.stringify({ ...report, ...(replacements ? { replacements } : {}) })}\n`);
        else {
          const lines = report.ok
            ? [
                `Tirage vérifié / Draw verified. Engagement / Commitment: ${report.commitment}`,
                ...(report.slot !== undefined
                  ? [`Tirage n° / Slot ${report.slot}: ${report.members!.join(', ')}`]
                  : []),
                ...(replacements
                  ? [
                      `Remplacements vérifiés / Replacements verified (${replacements.count}); panel actuel / current panel: ${replacements.panel.join(', ')}`,
                    ]
                  : []),
                `Probabilité minimale sur les tirages / Minimum probability over the slots: ${percent(report.minProbability ?? 0)}`,
              ]
            : [
                'ÉCHEC de la vérification / Verification FAILED:',
                ...report.problems.slice(0, 50).map((p) => `  - ${p}`),
              ];
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        return report.ok ? 0 : 1;
      }),
  },
};

import { createHash } from 'node:crypto';
import {
  buildInstance,
  canonicalCategoriesCsv,
  canonicalPoolCsv,
  type Instance,
  panelProblems,
  parseCategoriesCsv,
  parsePoolCsv,
} from './instance.js';

export const SLOT_COUNT = 1000;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** slots.json: one line per slot, members by pool `id`, in pool order. */
export function slotsJson(instance: Instance, slots: number[][]): string {
  return slotsJsonFromIds(
    instance.k,
    slots.map((slot) => slot.map((r) => instance.people[r].id)),
  );
}

export function slotsJsonFromIds(k: number, slots: string[][]): string {
  const lines = slots.map((slot) => JSON.stringify(slot));
  return `{"version":1,"size":${k},"m":${slots.length},"slots":[\n${lines.join(',\n')}\n]}\n`;
}

export function parseSlotsJson(text: string): { size: number; m: number; slots: string[][] } {
  const data = JSON.parse(text) as { version?: number; size?: number; m?: number; slots?: unknown };
  if (data.version !== 1 || !Number.isInteger(data.size) || !Number.isInteger(data.m) || !Array.isArray(data.slots)) {
    throw new Error('slots.json is not a version 1 slot file / slots.json n’est pas un fichier de tirage version 1');
  }
  const slots = data.slots as unknown[];
  if (!slots.every((s) => Array.isArray(s) && s.every((id) => typeof id === 'string'))) {
    throw new Error('slots.json: every slot must be a list of ids / chaque tirage doit être une liste d’identifiants');
  }
  return { size: data.size!, m: data.m!, slots: slots as string[][] };
}

/** The manifest whose SHA-256 is the published commitment. */
export function manifest(files: { categories: string; pool: string; slots: string }, k: number, m: number): string {
  return manifestOfHashes(
    { categories: sha256(files.categories), pool: sha256(files.pool), slots: sha256(files.slots) },
    k,
    m,
  );
}

function manifestOfHashes(hashes: { categories: string; pool: string; slots: string }, k: number, m: number): string {
  return [
    'accelerateur sortition commitment v1',
    `size: ${k}`,
    `slots: ${m}`,
    `categories.csv sha256: ${hashes.categories}`,
    `pool.csv sha256: ${hashes.pool}`,
    `slots.json sha256: ${hashes.slots}`,
    '',
  ].join('\n');
}

/**
 * Maps the public random value to a slot: SHA-256 of the commitment and the value (trimmed), read as a
 * 256-bit integer, modulo m (bias below 2⁻²⁴⁶ for m = 1000). Anyone can redo it by hand with sha256sum.
 */
export function slotForRandom(commitment: string, random: string, m: number): number {
  const digest = sha256(`${commitment}\n${random.trim()}`);
  return Number(BigInt(`0x${digest}`) % BigInt(m));
}

export interface PublishedDraw {
  commitment: string;
  random: string;
  slot: number;
  members: string[];
}

export interface VerificationReport {
  ok: boolean;
  problems: string[];
  /** What could not be checked (pool.csv withdrawn at the deletion of the answers). */
  unchecked?: string[];
  commitment?: string;
  slot?: number;
  members?: string[];
  /** Smallest selection probability of a pool member over the m slots. */
  minProbability?: number;
}

type PublishedFiles = { categories: string; pool: string; slots: string; commitment: string; draw?: string };

/** Re-checks a published draw from its files alone (contents of categories.csv, pool.csv, slots.json, …). */
export function verifyPublished(files: PublishedFiles): VerificationReport {
  try {
    return checkPublished(files);
  } catch (error) {
    // A file that does not even parse is an altered file, reported like any other problem.
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

function checkPublished(files: PublishedFiles): VerificationReport {
  const problems: string[] = [];
  const quotas = parseCategoriesCsv(files.categories);
  const people = parsePoolCsv(files.pool, quotas);
  const parsed = parseSlotsJson(files.slots);
  const instance = buildInstance({ quotas, people, k: parsed.size });
  // Hash the canonical forms, so line endings or quoting style cannot change the commitment, content can.
  const canonical = {
    categories: canonicalCategoriesCsv(quotas),
    pool: canonicalPoolCsv(people, quotas),
    slots: slotsJsonFromIds(parsed.size, parsed.slots),
  };
  const expectedManifest = manifest(canonical, parsed.size, parsed.m);
  if (files.commitment.replace(/\r\n/g, '\n').trim() !== expectedManifest.trim()) {
    problems.push(
      'commitment.txt does not match the published files / commitment.txt ne correspond pas aux fichiers publiés',
    );
  }
  const commitment = sha256(expectedManifest);
  if (parsed.slots.length !== parsed.m)
    problems.push(`slots.json holds ${parsed.slots.length} slots, announces ${parsed.m}`);
  const rows = toRows(instance, parsed.slots, problems);
  rows.forEach((slot, s) => {
    for (const problem of panelProblems(instance, slot)) problems.push(`slot ${s}: ${problem}`);
  });
  const hits = new Array<number>(people.length).fill(0);
  for (const slot of rows) for (const r of slot) if (r >= 0) hits[r] += 1;
  const report: VerificationReport = {
    ok: false,
    problems,
    commitment,
    minProbability: Math.min(...hits) / Math.max(1, rows.length),
  };
  if (files.draw !== undefined) checkDraw(files.draw, commitment, parsed, report);
  report.ok = problems.length === 0;
  return report;
}

/**
 * Re-checks a draw whose pool.csv was withdrawn (the volunteers' answers deleted at the end of their
 * retention). Still checked: commitment.txt names the SHA-256 of these categories.csv and slots.json
 * (pool.csv's hash is taken as stated), its own SHA-256 is the commitment, every slot has `size` distinct
 * members, draw.json's random value gives its slot and members; each pseudonym's probability over the
 * slots. Not checked, and said so: the quotas of each slot and the replacements, which need the answers.
 */
export function verifyWithoutPool(files: Omit<PublishedFiles, 'pool'>): VerificationReport {
  try {
    return checkWithoutPool(files);
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

function checkWithoutPool(files: Omit<PublishedFiles, 'pool'>): VerificationReport {
  const problems: string[] = [];
  const quotas = parseCategoriesCsv(files.categories);
  const parsed = parseSlotsJson(files.slots);
  const stated = /^pool\.csv sha256: ([0-9a-f]{64})$/m.exec(files.commitment.replace(/\r\n/g, '\n'))?.[1];
  if (!stated)
    problems.push('commitment.txt names no pool.csv fingerprint / commitment.txt ne donne pas l’empreinte de pool.csv');
  const expectedManifest = manifestOfHashes(
    {
      categories: sha256(canonicalCategoriesCsv(quotas)),
      pool: stated ?? '',
      slots: sha256(slotsJsonFromIds(parsed.size, parsed.slots)),
    },
    parsed.size,
    parsed.m,
  );
  if (files.commitment.replace(/\r\n/g, '\n').trim() !== expectedManifest.trim()) {
    problems.push(
      'commitment.txt does not match the published files / commitment.txt ne correspond pas aux fichiers publiés',
    );
  }
  const commitment = sha256(expectedManifest);
  if (parsed.slots.length !== parsed.m)
    problems.push(`slots.json holds ${parsed.slots.length} slots, announces ${parsed.m}`);
  parsed.slots.forEach((slot, s) => {
    if (slot.length !== parsed.size) problems.push(`slot ${s}: size ${slot.length} instead of ${parsed.size}`);
    if (new Set(slot).size !== slot.length) problems.push(`slot ${s}: a person appears twice`);
  });
  const hits = new Map<string, number>();
  for (const slot of parsed.slots) for (const id of slot) hits.set(id, (hits.get(id) ?? 0) + 1);
  const report: VerificationReport = {
    ok: false,
    problems,
    commitment,
    // Over the pseudonyms the slots name: a volunteer in no slot at all cannot be seen without pool.csv.
    minProbability: hits.size === 0 ? 0 : Math.min(...hits.values()) / Math.max(1, parsed.slots.length),
    unchecked: [
      'pool.csv withdrawn (answers deleted): its content, the quotas of each slot and the replacements are not checked / pool.csv retiré (réponses supprimées) : son contenu, les quotas de chaque tirage et les remplacements ne sont pas vérifiés',
    ],
  };
  if (files.draw !== undefined) checkDraw(files.draw, commitment, parsed, report);
  report.ok = problems.length === 0;
  return report;
}

/** draw.json: the random value must give the slot it names, and that slot's members. */
function checkDraw(
  text: string,
  commitment: string,
  parsed: { m: number; slots: string[][] },
  report: VerificationReport,
): void {
  const { problems } = report;
  const draw = JSON.parse(text) as Partial<PublishedDraw>;
  if (draw.commitment !== commitment)
    problems.push('draw.json names another commitment / draw.json cite un autre engagement');
  if (typeof draw.random !== 'string' || draw.random.trim() === '') {
    problems.push('draw.json has no random value / draw.json sans valeur aléatoire');
    return;
  }
  const slot = slotForRandom(commitment, draw.random, parsed.m);
  report.slot = slot;
  report.members = parsed.slots[slot];
  if (draw.slot !== slot) problems.push(`draw.json says slot ${draw.slot}, the random value gives slot ${slot}`);
  if (JSON.stringify(draw.members) !== JSON.stringify(parsed.slots[slot])) {
    problems.push('draw.json members differ from the slot drawn / les membres de draw.json diffèrent du tirage');
  }
}

function toRows(instance: Instance, slots: string[][], problems: string[]): number[][] {
  const rowOf = new Map(instance.people.map((p, r) => [p.id, r]));
  return slots.map((slot, s) =>
    slot.map((id) => {
      const r = rowOf.get(id);
      if (r === undefined) problems.push(`slot ${s}: unknown id ${id}`);
      return r ?? -1;
    }),
  );
}

import {
  manifest,
  type PublishedDraw,
  parseSlotsJson,
  SLOT_COUNT,
  sha256,
  slotForRandom,
  slotsJson,
  verifyPublished,
} from './commitment.js';
import {
  buildInstance,
  canonicalCategoriesCsv,
  canonicalPoolCsv,
  type Instance,
  parseCategoriesCsv,
  parsePoolCsv,
  type SortitionInput,
} from './instance.js';
import { leximinDistribution } from './leximin.js';
import { roundToSlots } from './rounding.js';

/** Everything published before the random value is known. */
export interface Commitment {
  instance: Instance;
  /** m equally likely panels (pool rows). */
  slots: number[][];
  files: { 'categories.csv': string; 'pool.csv': string; 'slots.json': string; 'commitment.txt': string };
  /** SHA-256 of commitment.txt: the value to publish before the draw. */
  commitment: string;
}

/** LEXIMIN, rounded to m equally likely slots, and the files (canonical) whose hash is the commitment. */
export async function prepareCommitment(input: SortitionInput, m = SLOT_COUNT): Promise<Commitment> {
  const instance = buildInstance(input);
  const distribution = await leximinDistribution(instance);
  const slots = roundToSlots(instance, distribution.compositions, distribution.weights, m);
  const files = {
    categories: canonicalCategoriesCsv(input.quotas),
    pool: canonicalPoolCsv(input.people, input.quotas),
    slots: slotsJson(instance, slots),
  };
  const text = manifest(files, instance.k, m);
  return {
    instance,
    slots,
    files: {
      'categories.csv': files.categories,
      'pool.csv': files.pool,
      'slots.json': files.slots,
      'commitment.txt': text,
    },
    commitment: sha256(text),
  };
}

/** The public random value picks one slot; the result is fully determined by the commitment and the value. */
export function drawFromCommitment(prepared: Commitment, random: string): PublishedDraw & { rows: number[] } {
  const slot = slotForRandom(prepared.commitment, random, prepared.slots.length);
  const rows = prepared.slots[slot];
  return {
    commitment: prepared.commitment,
    random: random.trim(),
    slot,
    members: rows.map((r) => prepared.instance.people[r].id),
    rows,
  };
}

export function drawJson(draw: PublishedDraw): string {
  return `${JSON.stringify({ commitment: draw.commitment, random: draw.random, slot: draw.slot, members: draw.members }, null, 2)}\n`;
}

/**
 * Reloads a commitment already published (so a draw uses exactly the slots announced, never a recomputation);
 * undefined when the files do not verify or were made for other inputs.
 */
export function loadCommitment(
  files: { 'categories.csv': string; 'pool.csv': string; 'slots.json': string; 'commitment.txt': string },
  input: SortitionInput,
): Commitment | undefined {
  const report = verifyPublished({
    categories: files['categories.csv'],
    pool: files['pool.csv'],
    slots: files['slots.json'],
    commitment: files['commitment.txt'],
  });
  if (!report.ok) return undefined;
  const quotas = parseCategoriesCsv(files['categories.csv']);
  const people = parsePoolCsv(files['pool.csv'], quotas);
  const parsed = parseSlotsJson(files['slots.json']);
  if (
    parsed.size !== input.k ||
    canonicalCategoriesCsv(quotas) !== canonicalCategoriesCsv(input.quotas) ||
    canonicalPoolCsv(people, quotas) !== canonicalPoolCsv(input.people, input.quotas)
  ) {
    return undefined;
  }
  const instance = buildInstance({ quotas, people, k: parsed.size });
  const rowOf = new Map(people.map((p, r) => [p.id, r]));
  return {
    instance,
    slots: parsed.slots.map((slot) => slot.map((id) => rowOf.get(id)!)),
    files: { ...files },
    commitment: report.commitment!,
  };
}

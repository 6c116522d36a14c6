import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../core/services.js';
import { sortitionCommands } from './sortition-commands.js';

const services = {} as Services; // the sortition commands use no service
let dir: string;

/** Runs one command and captures what it prints. */
async function run(name: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await sortitionCommands[name].run(args, services);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sortition-cli-'));
  await writeFile(
    join(dir, 'categories.csv'),
    'category,feature,min,max\ngender,female,9,20\ngender,male,9,20\nleaning,liberal,9,20\nleaning,conservative,9,20\n',
  );
  const rows = ['id,gender,leaning'];
  for (let i = 0; i < 99; i++) rows.push(`f${i},female,liberal`);
  for (let i = 0; i < 100; i++) rows.push(`m${i},male,conservative`);
  rows.push('fc,female,conservative');
  await writeFile(join(dir, 'pool.csv'), `${rows.join('\r\n')}\r\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files = () => ['--categories', join(dir, 'categories.csv'), '--pool', join(dir, 'pool.csv'), '--size', '20'];

describe('sortition commands', () => {
  it('analyse --json prints the fields of issue 5', async () => {
    const { code, out } = await run('sortition analyse', [...files(), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual([
      'algorithm',
      'n',
      'k',
      'minProbability',
      'probabilities',
      'panels',
      'seconds',
    ]);
    expect(result).toMatchObject({ algorithm: 'leximin', n: 200, k: 20 });
    expect(result.minProbability).toBeCloseTo(0.1, 6);
    expect(result.probabilities).toHaveLength(200);
    expect(result.panels[0].members).toHaveLength(20);

    const legacy = await run('sortition analyse', [...files(), '--algorithm', 'legacy', '--runs', '2000']);
    expect(legacy.code).toBe(0);
    expect(legacy.out).toContain('Algorithme / Algorithm: legacy');
    expect(legacy.out).toMatch(/female · conservative — 1 — [0-2]\.\d\d %/);
  });

  it('explains bad input and infeasible quotas instead of failing', async () => {
    const bad = await run('sortition analyse', [...files().slice(0, 4), '--size', 'vingt']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--size doit être un entier positif');
    const missing = await run('sortition analyse', ['--pool', join(dir, 'pool.csv'), '--size', '20']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--categories <file.csv> is required');
    await writeFile(
      join(dir, 'tight.csv'),
      'category,feature,min,max\ngender,female,15,20\ngender,male,0,20\nleaning,liberal,0,20\nleaning,conservative,12,20\n',
    );
    const infeasible = await run('sortition analyse', [
      '--categories',
      join(dir, 'tight.csv'),
      '--pool',
      join(dir, 'pool.csv'),
      '--size',
      '20',
    ]);
    expect(infeasible.code).toBe(1);
    expect(infeasible.err).toContain('Nearest feasible relaxation');
  });

  it('draw publishes a commitment, draws from the random value, and verify detects tampering', async () => {
    const out = join(dir, 'draw');
    const committed = await run('sortition draw', [...files(), '--out', out, '--json']);
    expect(committed.code).toBe(0);
    const { commitment } = JSON.parse(committed.out);
    const drawn = await run('sortition draw', [...files(), '--out', out, '--random', '4 2 6 1 3', '--json']);
    expect(drawn.code).toBe(0);
    const draw = JSON.parse(drawn.out);
    expect(draw.commitment).toBe(commitment); // the slots announced are the ones drawn from
    expect(draw.members).toHaveLength(20);

    const verified = await run('sortition verify', [out]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('Draw verified');

    const replaced = await run('sortition replace', [
      out,
      '--declined',
      draw.members[0],
      '--random',
      '5 5 2',
      '--json',
    ]);
    expect(replaced.code).toBe(0);
    const replacement = JSON.parse(replaced.out);
    expect(replacement.replacements).toHaveLength(1);
    expect(replacement.panel).not.toContain(draw.members[0]);
    const stranger = await run('sortition replace', [out, '--declined', 'nobody', '--random', '1']);
    expect(stranger.code).toBe(2);
    expect(stranger.err).toContain('not on the panel: nobody');

    // A second replacement starts from the first one's panel and never redraws who declined before.
    const second = await run('sortition replace', [
      out,
      '--declined',
      `${replacement.replacements[0]},${draw.members[1]}`,
      '--random',
      '9 1 3',
      '--json',
    ]);
    expect(second.code).toBe(0);
    const record2 = JSON.parse(second.out);
    expect(record2.replacements).toHaveLength(2);
    for (const id of [draw.members[0], draw.members[1], replacement.replacements[0]])
      expect(record2.panel).not.toContain(id);
    expect(record2.panel).toHaveLength(20);
    const chained = await run('sortition verify', [out, '--json']);
    expect(chained.code).toBe(0);
    expect(JSON.parse(chained.out).replacements).toEqual({ count: 2, panel: record2.panel });
    expect((await run('sortition verify', [out])).out).toContain('Replacements verified (2)');

    // Tampered replacement files fail: another person swapped in, another random value, a quota broken.
    const path2 = join(out, 'replacement-2.json');
    const original = await readFile(path2, 'utf8');
    const outsider = ['m0', 'm1', 'm2', 'f0', 'f1', 'f2'].find(
      (id) => !record2.panel.includes(id) && !draw.members.includes(id),
    )!;
    const keptFemale = record2.panel.find((id: string) => id.startsWith('f') && !record2.replacements.includes(id))!;
    const tamperings = [
      {
        ...record2,
        replacements: [outsider, record2.replacements[1]],
        panel: [...record2.panel.filter((id: string) => id !== record2.replacements[0]), outsider],
      },
      { ...record2, random: '9 1 4' },
      { ...record2, panel: record2.panel.map((id: string) => (id === keptFemale ? 'm99' : id)) },
    ];
    for (const tampered of tamperings) {
      await writeFile(path2, `${JSON.stringify(tampered, null, 2)}\n`);
      const result = await run('sortition verify', [out]);
      expect(result.code).toBe(1);
      expect(result.out).toContain('replacement-2.json');
    }
    await writeFile(path2, original);
    expect((await run('sortition verify', [out])).code).toBe(0);

    const pool = await readFile(join(out, 'pool.csv'), 'utf8');
    await writeFile(join(out, 'pool.csv'), pool.replace('f3,female,liberal', 'f3,male,liberal'));
    const tampered = await run('sortition verify', [out]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('Verification FAILED');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAssign } from './assign-command.js';
import { reviewModule } from './index.js';

let dir: string;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAssign(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assign-'));
  const lines = ['application,reviewer,score'];
  for (const a of ['dossier-1', 'dossier-2', 'dossier-3', 'dossier-4']) {
    for (const [r, s] of [
      ['alice', 0.9],
      ['bruno', 0.5],
      ['chloé', 0.2],
    ] as const)
      lines.push(`${a},${r},${s}`);
  }
  await writeFile(join(dir, 'affinities.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
  await writeFile(join(dir, 'conflicts.csv'), 'application,reviewer\ndossier-1,alice\n"dossier-2",alice\n');
  await writeFile(join(dir, 'app-topics.csv'), 'application,topic\ndossier-1,droit\ndossier-1,santé\n');
  await writeFile(join(dir, 'reviewer-topics.csv'), 'reviewer,topic\nchloé,droit\nchloé,santé\nbruno,droit\n');
  await writeFile(join(dir, 'app-topics-missing.csv'), 'application,topic\ndossier-3,climat\ndossier-3,droit\n');
  await writeFile(join(dir, 'bad.csv'), 'application,reviewer,score\ndossier-1,alice,0.4\ndossier-2,alice,beaucoup\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npx accelerateur assign', () => {
  const topicArgs = (appTopics: string) => [
    '--affinities',
    join(dir, 'affinities.csv'),
    '--per-application',
    '1',
    '--min-load',
    '0',
    '--max-load',
    '4',
    '--application-topics',
    join(dir, appTopics),
    '--reviewer-topics',
    join(dir, 'reviewer-topics.csv'),
  ];

  it('covers every required topic of an application, several topics by one reviewer', async () => {
    const { code, out } = await run([...topicArgs('app-topics.csv'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out[0]);
    expect(result.optimal).toBe(true);
    // dossier-1 needs droit AND santé with one reviewer: only chloé has both (alice scores higher).
    expect(result.assignments).toContainEqual({ application: 'dossier-1', reviewer: 'chloé' });
    expect(result.assignments).toContainEqual({ application: 'dossier-2', reviewer: 'alice' });
  });

  it('names the application and the topic nobody has', async () => {
    const { code, err } = await run(topicArgs('app-topics-missing.csv'));
    expect(code).toBe(1);
    expect(err).toContain('dossier-3 (climat)');
  });

  it('refuses application topics without reviewer topics', async () => {
    const { code, err } = await run(topicArgs('app-topics.csv').slice(0, -2));
    expect(code).toBe(2);
    expect(err).toContain('--reviewer-topics');
  });

  it('is the review module’s command', () => {
    expect(Object.keys(reviewModule.commands ?? {})).toEqual(['assign']);
  });

  it('prints one JSON object with a proven optimal, conflict-free assignment', async () => {
    const { code, out } = await run([
      '--affinities',
      join(dir, 'affinities.csv'),
      '--conflicts',
      join(dir, 'conflicts.csv'),
      '--per-application',
      '2',
      '--min-load',
      '2',
      '--max-load',
      '3',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const result = JSON.parse(out[0]);
    expect(Object.keys(result).sort()).toEqual([
      'assignments',
      'loads',
      'minApplicationAffinity',
      'optimal',
      'seconds',
      'totalAffinity',
    ]);
    expect(result.optimal).toBe(true);
    expect(result.assignments).toHaveLength(8);
    expect(result.assignments).not.toContainEqual({ application: 'dossier-1', reviewer: 'alice' });
    expect(result.assignments).not.toContainEqual({ application: 'dossier-2', reviewer: 'alice' });
    // alice can only take the two free applications; bruno would take all four but his maximum is 3.
    expect(result.loads).toEqual({ alice: 2, bruno: 3, chloé: 3 });
    expect(result.totalAffinity).toBeCloseTo(0.9 * 2 + 0.5 * 3 + 0.2 * 3, 9);
    expect(result.minApplicationAffinity).toBeCloseTo(0.7, 9);
  });

  it('prints CSV and a bilingual summary without --json, and accepts --fair', async () => {
    const { code, out, err } = await run([
      `--affinities=${join(dir, 'affinities.csv')}`,
      '--per-application',
      '1',
      '--min-load',
      '0',
      '--max-load',
      '4',
      '--fair',
    ]);
    expect(code).toBe(0);
    expect(out[0]).toBe('application,reviewer');
    expect(out.slice(1)).toEqual(['dossier-1,alice', 'dossier-2,alice', 'dossier-3,alice', 'dossier-4,alice']);
    expect(err).toContain('optimale prouvée');
    expect(err).toContain('proven optimal');
  });

  it('explains why no assignment exists, with exit code 1', async () => {
    const { code, out, err } = await run([
      '--affinities',
      join(dir, 'affinities.csv'),
      '--per-application',
      '3',
      '--min-load',
      '0',
      '--max-load',
      '3',
      '--json',
    ]);
    expect(code).toBe(1);
    const result = JSON.parse(out[0]);
    expect(result.feasible).toBe(false);
    expect(result.explanations[0].kind).toBe('max-loads-too-low');
    expect(err).toContain('Maximum loads add up to 9 reviews, but 12 are needed');
  });

  it('rejects bad input with the line and a usage message, exit code 2', async () => {
    const bad = await run([
      '--affinities',
      join(dir, 'bad.csv'),
      '--per-application',
      '1',
      '--min-load',
      '0',
      '--max-load',
      '2',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ligne 3');
    expect(bad.err).toContain('"beaucoup" is not a number');
    const missing = await run(['--affinities', join(dir, 'affinities.csv'), '--min-load', '0', '--max-load', '2']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--per-application is required');
    const unreadable = await run([
      '--affinities',
      join(dir, 'nope.csv'),
      '--per-application',
      '1',
      '--min-load',
      '0',
      '--max-load',
      '2',
    ]);
    expect(unreadable.err).toContain('Cannot read file');
    const header = await run([
      '--affinities',
      join(dir, 'conflicts.csv'),
      '--per-application',
      '1',
      '--min-load',
      '0',
      '--max-load',
      '2',
    ]);
    expect(header.err).toContain('the header must be "application,reviewer,score"');
  });
});

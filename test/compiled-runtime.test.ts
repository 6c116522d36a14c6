import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAssets } from '../scripts/assets.mjs';
import { isStale } from '../scripts/build.mjs';
import { runsEngineIndependentSuites } from './support/engine-independent.js';
import { childEnv, repoRoot } from './support/processes.js';

// `npm start` and `npx accelerateur` run dist/, compiled from src/ (decision 0013). The server's start is
// exercised by every test that calls startAppProcess; here, what only the compiled CLI does.
const scratch = mkdtempSync(join(tmpdir(), 'acc-compiled-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, args, { cwd: repoRoot, env: childEnv(env), encoding: 'utf8', timeout: 120_000 });
}

/** Migration files of a tree, by name without extension, as `<folder>/<name>`. */
function migrations(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/migrations$/.test(dir) && /^\d{8}T\d{4}-.*\.(ts|js)$/.test(entry.name) && !/\.test\./.test(entry.name))
        found.push(relative(root, path).replace(/\.(ts|js)$/, ''));
    }
  };
  walk(root);
  return found.sort();
}

describe.skipIf(!runsEngineIndependentSuites)('the compiled runtime', () => {
  it('is built from the current sources, with every migration', () => {
    expect(isStale()).toBe(false);
    expect(migrations(join(repoRoot, 'dist'))).toEqual(migrations(join(repoRoot, 'src')));
  });

  it('prepares the assets: current sets compressed, an earlier build’s sets kept for processes still running it', async () => {
    const current = JSON.parse(readFileSync(join(repoRoot, 'dist', 'assets', 'manifest.json'), 'utf8'));
    expect(current.dsfr).toMatch(/^[0-9a-f]{12}$/);
    const css = join(repoRoot, 'dist', 'assets', 'dsfr', current.dsfr, 'dsfr.min.css');
    expect(brotliDecompressSync(readFileSync(`${css}.br`)).equals(readFileSync(css))).toBe(true);
    expect(gunzipSync(readFileSync(`${css}.gz`)).equals(readFileSync(css))).toBe(true);
    // A previous build whose public/ differed (a made-up hash), whose DSFR is the current one (linked, not compressed
    // again, which would take seconds here).
    const previous = join(scratch, 'previous-assets');
    cpSync(join(repoRoot, 'dist', 'assets', 'dsfr', current.dsfr), join(previous, 'dsfr', current.dsfr), {
      recursive: true,
    });
    mkdirSync(join(previous, 'static', 'e0e0e0e0e0e0'), { recursive: true });
    writeFileSync(join(previous, 'static', 'e0e0e0e0e0e0', 'app.css'), 'body {}');
    writeFileSync(
      join(previous, 'manifest.json'),
      JSON.stringify({ dsfr: current.dsfr, static: 'e0e0e0e0e0e0', kept: { dsfr: [], static: [] } }),
    );
    const next = join(scratch, 'next-assets');
    const manifest = await buildAssets(next, previous);
    expect(manifest.dsfr).toBe(current.dsfr);
    expect(manifest.static).toBe(current.static);
    expect(manifest.kept.static).toEqual(['e0e0e0e0e0e0']);
    expect(readFileSync(join(next, 'static', 'e0e0e0e0e0e0', 'app.css'), 'utf8')).toBe('body {}');
    expect(readFileSync(join(next, 'static', manifest.static, 'app.css'))).toEqual(
      readFileSync(join(repoRoot, 'public', 'app.css')),
    );
    // The unchanged DSFR set is the previous build's files, linked.
    expect(statSync(join(next, 'dsfr', current.dsfr, 'dsfr.min.css.br')).ino).toBe(
      statSync(join(previous, 'dsfr', current.dsfr, 'dsfr.min.css.br')).ino,
    );
  }, 120_000);

  it('lists the same commands from its build-time index as the sources do', () => {
    const compiled = run([join(repoRoot, 'bin', 'accelerateur.js'), '--help']);
    const sources = run([join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli.ts', '--help']);
    expect(compiled.status).toBe(0);
    expect(compiled.stderr).toContain('sortition analyse');
    expect(compiled.stderr).toBe(sources.stderr);
  }, 120_000);

  it('runs a standalone command without opening any database', () => {
    writeFileSync(join(scratch, 'categories.csv'), 'category,feature,min,max\ngender,female,1,2\ngender,male,1,2\n');
    writeFileSync(join(scratch, 'pool.csv'), 'id,gender\na,female\nb,female\nc,male\nd,male\n');
    // A database nobody could open: the command must not try.
    const result = run(
      [
        join(repoRoot, 'bin', 'accelerateur.js'),
        'sortition',
        'analyse',
        '--categories',
        join(scratch, 'categories.csv'),
        '--pool',
        join(scratch, 'pool.csv'),
        '--size',
        '2',
      ],
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATA_DIR: '/nonexistent/data' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('50.00 %');
  }, 120_000);
});

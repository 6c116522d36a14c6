import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { DEMO_OPEN_SEASON } from '../../../test/support/factories/applications.js';
import { childEnv, repoRoot } from '../../../test/support/processes.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { FILES, readZip, verify } from '../../algorithms/selection/index.js';
import { listApplicationsForDecision } from '../applications/index.js';
import { juryForDeliberation } from '../review/index.js';
import { findSeasonIdBySlug } from '../seasons/index.js';
import type { FrozenDeliberation } from './inputs.js';
import { closeDeliberationForTest } from './testing.js';

/**
 * The season's transparency page and its selection anyone can recompute (issue 13): shown only once the
 * deliberation is closed and published, no personal data in the page or the ZIP, and the ZIP verified by
 * the platform's CLI and by the standalone verifier file, each run as a process.
 */
let t: TestApp;
let seasonId: string;
let frozen: FrozenDeliberation;
let dir: string;
const page = `/saisons/${DEMO_OPEN_SEASON}/transparence`;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({}, { demo: true });
  seasonId = (await findSeasonIdBySlug(t.database.db, DEMO_OPEN_SEASON))!;
  dir = await mkdtemp(join(tmpdir(), 'selection-'));
}, 120_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

function zipOf(files: Map<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of files) zip.addBuffer(Buffer.from(text), `selection/${name}`);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** A copy of the bundle with one results.csv cell changed (the combined score of the first line). */
function tampered(files: Map<string, string>): Map<string, string> {
  const lines = files.get(FILES.results)!.split('\n');
  const header = lines[0].split(',');
  const cells = lines[1].split(',');
  const c = header.indexOf('combined');
  cells[c] = (Number(cells[c]) + 0.5).toFixed(6);
  lines[1] = cells.join(',');
  return new Map(files).set(FILES.results, lines.join('\n'));
}

const run = (args: string[]) =>
  spawnSync(process.execPath, args, { cwd: repoRoot, env: childEnv(), encoding: 'utf8', timeout: 120_000 });

describe('before the publication', () => {
  it('is linked from a closed season’s page, not from an open one', async () => {
    expect((await get('/saisons/saison-1')).body).toContain('href="/saisons/saison-1/transparence"');
    expect((await get(`/saisons/${DEMO_OPEN_SEASON}`)).body).not.toContain('/transparence');
    const closed = await get('/saisons/saison-1/transparence');
    expect(closed.statusCode).toBe(200);
    expect(closed.body).toContain('pas encore publiée');
  });

  it('answers 404 for an unknown season, page and downloads alike', async () => {
    expect((await get('/saisons/pas-de-saison/transparence')).statusCode).toBe(404);
    expect((await get('/saisons/pas-de-saison/transparence/selection.zip')).statusCode).toBe(404);
    expect((await get('/saisons/PAS_UN_SLUG/transparence')).statusCode).toBe(404);
  });

  it('says the selection is not published while the deliberation is open, then closed but under embargo', async () => {
    const open = await get(page);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain('pas encore publiée');
    expect((await get(`${page}/selection.zip`)).statusCode).toBe(404);

    const panelist = '11111111-2222-4333-8444-555555555555';
    const candidates = (await listApplicationsForDecision(t.database.db, seasonId))
      .filter((a) => ['eligible', 'in_review'].includes(a.state))
      .map((a) => a.id);
    frozen = await closeDeliberationForTest(t.app.services, seasonId, {
      publishedAt: new Date(t.clock.now().getTime() + DAY),
      replicates: 50,
      laureates: 2,
      extraOpinions: candidates.map((application, i) => ({
        application,
        panelist,
        scores: { 'interet-general': 1 + (i % 5), impact: 1 + ((i * 2) % 5) },
      })),
    });
    expect(frozen.inputs.reviews.length).toBeGreaterThan(0);
    const embargo = await get(page);
    expect(embargo.body).toContain('pas encore publiée');
    for (const file of ['selection.zip', 'chiffres.csv', 'chiffres.json'])
      expect((await get(`${page}/${file}`)).statusCode).toBe(404);
  });
});

describe('once published', () => {
  let zip: Buffer;
  let files: Map<string, string>;

  beforeAll(async () => {
    t.clock.advance(2 * DAY);
    const res = await get(`${page}/selection.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    zip = res.rawPayload;
    files = await readZip(new Uint8Array(zip));
  });

  it('shows the figures, the weights, the method, the panel and the downloads', async () => {
    const res = await get(page);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Candidatures reçues');
    expect(res.body).toContain('La méthode');
    expect(res.body).toContain(`${page}/selection.zip`);
    expect(res.body).toContain('/transparence/verificateur-selection.mjs');
    expect(res.body).toContain('data-selection-verifier hidden');
    if (frozen.panel) expect(res.body).toContain(frozen.panel.transparencyPath);
    const english = await t.app.inject({ method: 'GET', url: page, headers: { 'accept-language': 'en' } });
    expect(english.statusCode).toBe(200);
  });

  it('publishes no name or e-mail of a jury member, and no internal id, on the page or in the ZIP', async () => {
    const jury = (await juryForDeliberation(t.database.db, seasonId))!;
    expect(jury.members.length).toBeGreaterThan(0);
    const applications = await listApplicationsForDecision(t.database.db, seasonId);
    const laureates = new Set(frozen.decisions.filter((d) => d.outcome === 'laureate').map((d) => d.application));
    const pageBody = (await get(page)).body;
    const zipText = [...files.values()].join('\n');
    for (const text of [pageBody, zipText]) {
      for (const m of jury.members) {
        expect(text).not.toContain(m.name);
        expect(text).not.toContain(m.id);
        expect(text).not.toContain(m.userId);
      }
      expect(text).not.toContain('11111111-2222-4333-8444-555555555555');
      expect(text).not.toContain(seasonId);
    }
    expect(zipText).not.toMatch(/@/);
    for (const a of applications) {
      expect(zipText).not.toContain(a.id);
      expect(zipText).not.toContain(a.ownerId);
      if (laureates.has(a.id)) expect(zipText).toContain(a.title);
      else expect(zipText).not.toContain(a.title);
    }
    expect(laureates.size).toBe(2);
    expect(new Set(files.keys())).toEqual(new Set(Object.values(FILES)));
    expect(files.get(FILES.reviews)).toMatch(/\nR0\d,|,R0\d,/);
    expect(files.get(FILES.opinions)).toContain(',P01,');
  });

  it('verifies in process, with the CLI and with the standalone file, and each refuses a tampered ZIP', async () => {
    expect(verify(files)).toMatchObject({ ok: true });
    const good = join(dir, 'selection.zip');
    const bad = join(dir, 'tampered.zip');
    await writeFile(good, zip);
    await writeFile(bad, await zipOf(tampered(files)));
    const folder = join(dir, 'folder');
    await (await import('node:fs/promises')).mkdir(join(folder, 'selection'), { recursive: true });
    // Unpacked as the ZIP holds it: the bundle in one subfolder.
    for (const [name, text] of files) await writeFile(join(folder, 'selection', name), text);

    const cli = run(['bin/accelerateur.js', 'selection', 'verify', good]);
    expect(cli.status, cli.stderr + cli.stdout).toBe(0);
    expect(cli.stdout).toContain('OK');
    expect(run(['bin/accelerateur.js', 'selection', 'verify', folder]).status).toBe(0);
    const cliBad = run(['bin/accelerateur.js', 'selection', 'verify', bad]);
    expect(cliBad.status).toBe(1);
    expect(cliBad.stdout).toContain('results.csv');
    expect(cliBad.stdout).toContain('combined');

    // The file the page offers for download, run by plain node with no node_modules around it.
    const served = await get('/transparence/verificateur-selection.mjs');
    expect(served.statusCode).toBe(200);
    expect(served.body).not.toMatch(/from ['"](?!node:)[^'"]+['"]/);
    const standalone = join(dir, 'verificateur-selection.mjs');
    await writeFile(standalone, served.body);
    for (const verifier of [standalone, join(repoRoot, 'dist/public/verificateur-selection.mjs')]) {
      const ok = spawnSync(process.execPath, [verifier, good], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(ok.status, ok.stderr).toBe(0);
      const ko = spawnSync(process.execPath, [verifier, bad], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(ko.status).toBe(1);
      expect(ko.stdout).toContain('results.csv');
    }
  });

  it('serves the browser script and the figures as CSV (BOM, ;) and JSON', async () => {
    const script = await get('/transparence/verification-selection.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('deflate-raw');
    const csv = await get(`${page}/chiffres.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFFindicateur;détail;valeur')).toBe(true);
    const applications = await listApplicationsForDecision(t.database.db, seasonId);
    expect(csv.body).toContain(`Candidatures reçues;;${applications.length}`);
    // Labels, not codes, for people's spreadsheets.
    expect(csv.body).toContain('Par type de porteur;Associations;');
    expect(csv.body).not.toContain(';association;');
    const json = (await get(`${page}/chiffres.json`)).json();
    expect(json.figures.received).toBe(applications.length);
    expect(json.figures.laureates).toBe(2);
    expect(json.figures.grantedCents).toBe(2 * 2_500_000);
  });

  it('documents the downloads in the OpenAPI document', async () => {
    const paths = (await get('/api/openapi.json')).json().paths;
    for (const path of [
      '/saisons/{slug}/transparence/selection.zip',
      '/saisons/{slug}/transparence/chiffres.csv',
      '/saisons/{slug}/transparence/chiffres.json',
      '/transparence/verificateur-selection.mjs',
    ])
      expect(paths[path]?.get?.summary, path).toBeTruthy();
  });
});

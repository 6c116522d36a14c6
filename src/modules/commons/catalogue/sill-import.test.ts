import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runsEngineIndependentSuites } from '../../../../test/support/engine-independent.js';
import { childEnv } from '../../../../test/support/processes.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Services } from '../../../core/services.js';
import { insertCommons } from '../testing.js';
import { importSill } from './import-sill.js';
import { readSillSoftware } from './sill.js';
import { importSillCommand } from './sill-command.js';

/** The SILL import, on a recorded sample in the shape of the published export: through the use case and the CLI. */

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const SAMPLE = join(repoRoot, 'test/fixtures/sill-sample.json');

let t: TestApp;
let services: Services;
let sample: unknown[];
const actor = { id: null, label: 'test' };

beforeAll(async () => {
  t = await createTestApp();
  services = t.app.services;
  sample = JSON.parse(await readFile(SAMPLE, 'utf8')) as unknown[];
}, 120_000);

afterAll(async () => {
  await t?.close();
});

async function runCommand(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    return { code: await importSillCommand.run(args, services), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const bySill = (sillId: string) =>
  services.db.selectFrom('commons').selectAll().where('sill_id', '=', sillId).executeTakeFirst();

describe('reading the SILL export', () => {
  it('reads the current shape, the pre-2026 one and the list API’s, and says why an entry is refused', () => {
    const nextcloud = readSillSoftware(sample[0]);
    expect(nextcloud).toMatchObject({
      ok: true,
      entry: {
        sillId: '12',
        name: 'Nextcloud',
        licence: 'AGPL-3.0-or-later',
        website: 'https://nextcloud.com',
        repository: 'https://github.com/nextcloud/server',
        wikidataId: 'Q25874683',
        governance: 'Nextcloud GmbH',
        dereferenced: null,
      },
    });
    expect(readSillSoftware(sample[9])).toMatchObject({
      ok: true,
      entry: { sillId: '150', name: 'Primtux', wikidataId: 'Q3406226', website: 'https://primtux.fr' },
    });
    // A HAL identifier is not a Wikidata item.
    expect(readSillSoftware(sample[4])).toMatchObject({ ok: true, entry: { wikidataId: null } });
    expect(readSillSoftware(sample[6])).toMatchObject({ ok: false, problem: expect.stringContaining('/id') });
    expect(readSillSoftware(sample[7])).toMatchObject({ ok: false, problem: '/name: missing' });
    expect(readSillSoftware(sample[8])).toMatchObject({ ok: false, problem: expect.stringContaining('/keywords') });
    expect(readSillSoftware('pas un objet')).toMatchObject({ ok: false, problem: 'not an object' });
    expect(readSillSoftware({ id: 1, name: { fr: 'Nom localisé' } })).toMatchObject({
      ok: true,
      entry: { name: 'Nom localisé' },
    });
  });
});

describe('importing the SILL export', () => {
  it('creates commons from the readable software, skips the others with why, and links an existing commons of the same name', async () => {
    // uMap was entered by hand before: the import links it rather than making a duplicate.
    const umap = await insertCommons(services.db, t.clock.now(), {
      name: 'uMap',
      summary: 'Saisi à la main.',
      licence: null,
    });
    const dry = await importSill(services, actor, sample, { dryRun: true });
    expect(dry.ok && dry.report).toMatchObject({ created: 4, updated: 1, skipped: 6, dryRun: true });
    expect(await bySill('12')).toBeUndefined();

    const result = await importSill(services, actor, sample, { dryRun: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { report } = result;
    expect({ created: report.created, updated: report.updated, skipped: report.skipped }).toEqual({
      created: 4,
      updated: 1,
      skipped: 6,
    });
    const outcome = Object.fromEntries(report.lines.map((l) => [`${l.ref} ${l.name}`, l.outcome]));
    expect(outcome).toMatchObject({
      'SILL 12 Nextcloud': 'created',
      'SILL 57 uMap': 'updated',
      'SILL 88 LibreOffice': 'created',
      'SILL 91 Ancien Logiciel': 'skipped',
      'SILL 102 Outil Maison': 'created',
      'SILL 12 Nextcloud (doublon)': 'skipped',
      'SILL 150 Primtux': 'created',
    });
    const reasons = (ref: string) =>
      report.lines
        .filter((l) => l.ref === ref)
        .flatMap((l) => l.reasons.map((r) => r.message.fr))
        .join(' | ');
    expect(reasons('SILL 91')).toContain('Retiré du SILL');
    expect(reasons('SILL 102')).toContain('non reconnue comme SPDX');
    expect(reasons('SILL 102')).toContain('http ou https seulement');
    expect(reasons('SILL 57')).toContain('Rattaché au commun existant');
    expect(reasons('SILL ?')).toContain('Entrée illisible');

    const nextcloud = await bySill('12');
    expect(nextcloud).toMatchObject({
      name: 'Nextcloud',
      slug: 'nextcloud',
      summary: 'Plateforme de partage et de synchronisation de fichiers.',
      licence: 'AGPL-3.0-or-later',
      website: 'https://nextcloud.com',
      repository: 'https://github.com/nextcloud/server',
      wikidata_id: 'Q25874683',
      kind: 'software',
      maturity: 'production',
      governance_name: 'Nextcloud GmbH',
      categories: ['Stockage', 'Collaboration'],
      keywords: ['fichiers', 'synchronisation', 'cloud'],
      hidden: false,
    });
    const linked = await bySill('57');
    expect(linked?.id).toBe(umap);
    expect(linked).toMatchObject({ summary: 'Saisi à la main.', licence: 'WTFPL', wikidata_id: 'Q19868213' });
    expect(await bySill('102')).toMatchObject({
      licence: null,
      website: null,
      repository: 'https://forge.example.org/outil',
    });
    expect(await bySill('150')).toMatchObject({
      name: 'Primtux',
      licence: 'GPL-3.0-or-later',
      categories: ['Éducation'],
    });
    expect(await bySill('91')).toBeUndefined();
    const audit = await services.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'commons.%import%')
      .execute();
    expect(audit.filter((a) => a.action === 'commons.commons-imported')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'commons.sill-imported')).toHaveLength(1);
  });

  it('changes nothing the second time, and updates only what changed in the SILL', async () => {
    const before = await bySill('12');
    const again = await importSill(services, actor, sample, { dryRun: false });
    expect(again.ok && again.report).toMatchObject({ created: 0, updated: 0, skipped: 11 });
    expect((await bySill('12'))?.version).toBe(before?.version);

    const changed = structuredClone(sample) as Record<string, unknown>[];
    changed[2] = { ...changed[2], license: 'MPL-2.0 OR LGPL-3.0-or-later', description: '' };
    const third = await importSill(services, actor, changed, { dryRun: false });
    expect(third.ok && third.report).toMatchObject({ created: 0, updated: 1 });
    // An empty description in the SILL never erases ours.
    expect(await bySill('88')).toMatchObject({
      licence: 'MPL-2.0 OR LGPL-3.0-or-later',
      description: 'Suite bureautique libre : traitement de texte, tableur, présentations.',
      version: 2,
    });
  });

  it('refuses an export that is not an array', async () => {
    expect(await importSill(services, actor, { softwares: [] }, { dryRun: false })).toEqual({
      ok: false,
      problem: 'the export is not an array of software',
    });
  });
});

describe.skipIf(!runsEngineIndependentSuites)('npx accelerateur commons import-sill', () => {
  it('prints one line per software with its reasons and the totals, as the CLI runs it', async () => {
    const { code, out } = await runCommand([SAMPLE]);
    expect(code).toBe(0);
    expect(out).toContain('SILL 12 Nextcloud: ignoré — Déjà à jour.');
    expect(out.find((l) => l.startsWith('SILL 91 '))).toBe(
      'SILL 91 Ancien Logiciel: ignoré — Retiré du SILL : Plus maintenu',
    );
    // LibreOffice's licence changed in the previous test: the sample brings it back.
    expect(out.at(-1)).toBe('Créés : 0 · mis à jour : 1 · ignorés : 10');
  });

  it('says what is wrong with the file, with exit code 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sill-'));
    try {
      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{ pas du json');
      expect(await runCommand([broken])).toMatchObject({ code: 1, err: [expect.stringContaining('pas du JSON')] });
      expect(await runCommand([join(dir, 'absent.json')])).toMatchObject({
        code: 1,
        err: [expect.stringContaining('introuvable')],
      });
      const object = join(dir, 'object.json');
      await writeFile(object, '{"a": 1}');
      expect(await runCommand([object])).toMatchObject({ code: 1, err: [expect.stringContaining('not an array')] });
      expect(await runCommand([])).toMatchObject({ code: 1, err: [expect.stringContaining('Usage')] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs from the compiled command line on an embedded database', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sill-cli-'));
    try {
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['bin/accelerateur.js', 'commons', 'import-sill', ...args], {
          cwd: repoRoot,
          env: childEnv({ DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', LANG: 'en_GB.UTF-8' }),
          encoding: 'utf8',
          timeout: 180_000,
        });
      const first = run([SAMPLE]);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain('SILL 12 Nextcloud: created');
      expect(first.stdout).toContain('Created: 5 · updated: 0 · skipped: 6');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});

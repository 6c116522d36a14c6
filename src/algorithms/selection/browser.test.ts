import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { referenceInstance } from '../../../bench/sortition-instances.js';
import { repoRoot } from '../../../test/support/processes.js';
import { sha256Hex } from '../sortition/browser-crypto.js';
import { drawFromCommitment, drawJson, prepareCommitment } from '../sortition/index.js';
import { type DeliberationToPublish, publish } from './bundle.js';
import { combineSelection, type SelectionInputs } from './combine.js';
import { FILES } from './format.js';

/**
 * The browser verifiers as built (dist/public, by scripts/build.mjs, compiled before the tests), run in this
 * process against a stand-in for the page's form: the visitor's files in, the verdict out.
 */

interface FakeResult {
  textContent: string;
  className: string;
}

/** Runs a built browser script on a fake page with one verifier form; returns a function that submits files. */
function loadScript(file: string, marker: string, lang = 'fr') {
  const result: FakeResult = { textContent: '', className: '' };
  const chosen: { files: { name: string; arrayBuffer(): Promise<ArrayBuffer>; text(): Promise<string> }[] } = {
    files: [],
  };
  let onSubmit: ((event: { preventDefault(): void }) => void) | undefined;
  const form = {
    hidden: true,
    querySelector: (selector: string) => (selector.startsWith('input') ? chosen : result),
    addEventListener: (_type: string, listener: typeof onSubmit) => {
      onSubmit = listener;
    },
  };
  const page = globalThis as unknown as { document?: unknown };
  page.document = {
    documentElement: { lang },
    querySelectorAll: (selector: string) => (selector === marker ? [form] : []),
  };
  runInThisContext(readFileSync(join(repoRoot, 'dist/public', file), 'utf8'));
  expect(form.hidden).toBe(false);
  return async (files: [string, Uint8Array | string][]): Promise<FakeResult> => {
    chosen.files = files.map(([name, content]) => {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      return {
        name,
        arrayBuffer: async () => bytes.slice().buffer,
        text: async () => new TextDecoder().decode(bytes),
      };
    });
    result.textContent = '';
    result.className = '';
    onSubmit!({ preventDefault() {} });
    for (let i = 0; i < 200 && !/success|error/.test(result.className); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return result;
  };
}

afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
});

function season(): DeliberationToPublish {
  const ids = ['a', 'b', 'c', 'd'];
  const inputs: SelectionInputs = {
    juryCriteria: [
      { code: 'q', weight: 2 },
      { code: 'm', weight: 1 },
    ],
    juryScale: { min: 1, max: 5 },
    panelCriteria: [{ code: 'ig', weight: 1 }],
    panelScale: { min: 1, max: 5 },
    weights: { jury: 70, panel: 30 },
    seed: 42,
    replicates: 30,
    level: 0.9,
    ridge: 1,
    selectionSize: 2,
    candidates: ids,
    reviews: ids.flatMap((application, i) =>
      ['r1', 'r2'].map((reviewer, j) => ({ application, reviewer, scores: { q: 1 + ((i + j) % 5), m: 1 + (i % 5) } })),
    ),
    opinions: ids.map((application, i) => ({ application, panelist: 'p1', scores: { ig: 5 - i } })),
  };
  const result = combineSelection(inputs);
  return {
    seasonId: 's',
    frozenAt: '2026-12-06T00:00:00Z',
    inputs,
    result,
    decisions: result.rows.map((r, i) => ({
      application: r.application,
      outcome: i < 2 ? 'laureate' : 'not_selected',
      waitlistPosition: null,
      reasonCodes: i < 2 ? [] : ['weaker'],
      departsFromOrder: false,
      amountCents: i < 2 ? 100 : null,
    })),
    publicRefs: {},
  };
}

function zip(files: Map<string, string>): Promise<Uint8Array> {
  const archive = new yazl.ZipFile();
  for (const [name, text] of files) archive.addBuffer(Buffer.from(text), `selection/${name}`);
  archive.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    archive.outputStream.on('data', (c: Buffer) => chunks.push(c));
    archive.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

describe('the selection check in the browser', () => {
  it('verifies a deflated ZIP or the loose files, and shows the first difference of a tampered one', async () => {
    const files = publish(season(), {});
    const submit = loadScript('verification-selection.js', '[data-selection-verifier]');
    const fromZip = await submit([['selection.zip', await zip(files)]]);
    expect(fromZip.className).toContain('success');
    expect(fromZip.textContent).toContain('Tout concorde');
    expect((await submit([...files])).className).toContain('success');
    const method = JSON.parse(files.get(FILES.method)!);
    method.seed += 1;
    const tampered = new Map(files).set(FILES.method, JSON.stringify(method));
    const bad = await submit([['selection.zip', await zip(tampered)]]);
    expect(bad.className).toContain('error');
    expect(bad.textContent).toContain('results.csv');
  });
});

describe('the panel draw check in the browser', () => {
  it('hashes exactly as node:crypto does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(sha256Hex(bytes)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 50 },
    );
    for (const size of [55, 56, 63, 64, 65, 1000]) {
      const bytes = new Uint8Array(randomBytes(size));
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('re-checks a published draw and refuses an altered pool, without HiGHS', async () => {
    const commitment = await prepareCommitment(referenceInstance(), 50);
    const draw = drawFromCommitment(commitment, '3 14 15 92 65');
    const files: [string, string][] = [...Object.entries(commitment.files), ['draw.json', drawJson(draw)]];
    const submit = loadScript('verification-tirage.js', '[data-draw-verifier]', 'en');
    const ok = await submit(files);
    expect(ok.className, ok.textContent).toContain('success');
    expect(ok.textContent).toContain(commitment.commitment);
    expect(ok.textContent).toContain(`Slot ${draw.slot}`);
    const altered = files.map(([n, text]): [string, string] => [
      n,
      // The pool without its last volunteer: the commitment no longer matches.
      n === 'pool.csv' ? text.trimEnd().split('\n').slice(0, -1).join('\n') : text,
    ]);
    expect((await submit(altered)).className).toContain('error');
    const withoutPool = await submit(files.filter(([n]) => n !== 'pool.csv'));
    expect(withoutPool.className).toContain('success');
    expect(withoutPool.textContent).toContain('pool.csv');
    const replacement = await submit([...files, ['replacement-1.json', '{}']]);
    expect(replacement.textContent).toContain('HiGHS');
  });
});

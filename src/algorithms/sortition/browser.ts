import { verifyPublished, verifyWithoutPool } from './commitment.js';

/**
 * The check of a panel's published draw in the visitor's browser (bundled by scripts/build.mjs as an IIFE
 * with node:crypto replaced by ./browser-crypto.ts: dist/public/verification-tirage.js), on the panel's
 * transparency page: the visitor chooses the published files (categories.csv, pool.csv, slots.json,
 * commitment.txt, draw.json); the commitment, every slot's quotas and the draw are recomputed locally.
 * The replacement draws (replacement-N.json) are not: recomputing one solves an integer programme with
 * HiGHS (WebAssembly, loaded by Node), which this script does not carry — the page says to use
 * `npx accelerateur sortition verify` for them.
 */

interface FileLike {
  name: string;
  text(): Promise<string>;
}
interface ElementLike {
  hidden: boolean;
  textContent: string | null;
  className: string;
  querySelector(selector: string): ElementLike | null;
  addEventListener(type: string, listener: (event: { preventDefault(): void }) => void): void;
  files?: ArrayLike<FileLike> | null;
}
interface Browser {
  document: { documentElement: { lang: string }; querySelectorAll(selector: string): ArrayLike<ElementLike> };
}
const browser = globalThis as unknown as Browser;

/** The verification of the chosen files (by base name), as one message. */
export function checkDrawFiles(files: Map<string, string>, english: boolean): { ok: boolean; text: string } {
  const say = (fr: string, en: string) => (english ? en : fr);
  const missing = ['categories.csv', 'slots.json', 'commitment.txt'].filter((n) => !files.has(n));
  if (missing.length > 0)
    return { ok: false, text: `${say('Fichiers manquants', 'Missing files')} : ${missing.join(', ')}` };
  const common = {
    categories: files.get('categories.csv')!,
    slots: files.get('slots.json')!,
    commitment: files.get('commitment.txt')!,
    draw: files.get('draw.json'),
  };
  const pool = files.get('pool.csv');
  const report = pool !== undefined ? verifyPublished({ ...common, pool }) : verifyWithoutPool(common);
  const replacements = [...files.keys()].filter((n) => /^replacement-\d+\.json$/.test(n));
  const notes = [
    ...(report.unchecked ?? []),
    ...(replacements.length > 0
      ? [
          say(
            `${replacements.join(', ')} : non vérifié dans le navigateur (le remplacement se recalcule avec le solveur HiGHS) — utilisez npx accelerateur sortition verify.`,
            `${replacements.join(', ')}: not checked in the browser (a replacement is recomputed with the HiGHS solver) — use npx accelerateur sortition verify.`,
          ),
        ]
      : []),
  ];
  if (!report.ok) return { ok: false, text: `${say('Différence', 'Difference')} : ${report.problems[0]}` };
  const drawn =
    report.slot !== undefined
      ? say(
          ` Tirage n° ${report.slot} : ${report.members?.join(', ')}.`,
          ` Slot ${report.slot}: ${report.members?.join(', ')}.`,
        )
      : '';
  return {
    ok: true,
    text: `${say('Tout concorde : engagement', 'Everything matches: commitment')} ${report.commitment}.${drawn}${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`,
  };
}

function start(): void {
  const english = browser.document.documentElement.lang.startsWith('en');
  const forms = browser.document.querySelectorAll('[data-draw-verifier]');
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    const input = form.querySelector('input[type=file]');
    const output = form.querySelector('[data-result]');
    if (!input || !output) continue;
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = Array.from(input.files ?? []);
      Promise.all(chosen.map(async (f) => [f.name, await f.text()] as const))
        .then((entries) => {
          const result = checkDrawFiles(new Map(entries), english);
          output.className = result.ok ? 'fr-alert fr-alert--success' : 'fr-alert fr-alert--error';
          output.textContent = result.text;
        })
        .catch((error: unknown) => {
          output.className = 'fr-alert fr-alert--error';
          output.textContent = error instanceof Error ? error.message : String(error);
        });
    });
  }
}

if (typeof (globalThis as { document?: unknown }).document !== 'undefined') start();

import { describeDifference, verify } from './verify.js';
import { looksLikeZip, readZipWith, textFiles } from './zip-format.js';

/**
 * The selection's check in the visitor's browser (bundled by scripts/build.mjs as an IIFE,
 * dist/public/verification-selection.js): on the season's transparency page, the visitor chooses the ZIP
 * (or its files); everything is read and recomputed locally, nothing is sent. Progressive enhancement: the
 * form is hidden in the page and shown by this script; without it the page offers the downloads and the
 * command lines.
 */

// The few browser objects used, typed here (the project compiles against Node's types only).
interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
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
  DecompressionStream: new (format: string) => unknown;
  Blob: new (parts: Uint8Array[]) => { stream(): { pipeThrough(stream: unknown): unknown } };
  Response: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> };
}
const browser = globalThis as unknown as Browser;

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new browser.Blob([data]).stream().pipeThrough(new browser.DecompressionStream('deflate-raw'));
  return new Uint8Array(await new browser.Response(stream).arrayBuffer());
}

/** The chosen files as a bundle: one ZIP, or the bundle's files themselves. */
export async function filesFromChoice(chosen: FileLike[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of chosen) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (looksLikeZip(bytes))
      for (const [name, text] of textFiles(await readZipWith(bytes, inflate))) files.set(name, text);
    else files.set(file.name, new TextDecoder('utf-8').decode(bytes));
  }
  return files;
}

function start(): void {
  const english = browser.document.documentElement.lang.startsWith('en');
  const say = (fr: string, en: string) => (english ? en : fr);
  const forms = browser.document.querySelectorAll('[data-selection-verifier]');
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    const input = form.querySelector('input[type=file]');
    const output = form.querySelector('[data-result]');
    if (!input || !output) continue;
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = Array.from(input.files ?? []);
      if (chosen.length === 0) {
        output.textContent = say(
          'Choisissez le fichier ZIP ou les fichiers publiés.',
          'Choose the ZIP or the published files.',
        );
        return;
      }
      output.className = 'fr-alert fr-alert--info';
      output.textContent = say('Recalcul en cours…', 'Recomputing…');
      filesFromChoice(chosen)
        .then((files) => {
          const result = verify(files);
          if (result.ok) {
            const s = result.summary;
            output.className = 'fr-alert fr-alert--success';
            output.textContent = say(
              `Tout concorde : ${s.candidates} candidatures recalculées à l’identique depuis ${s.reviews} évaluations et ${s.opinions} avis du panel ; ${s.laureates} lauréats.`,
              `Everything matches: ${s.candidates} applications recomputed exactly from ${s.reviews} reviews and ${s.opinions} panel opinions; ${s.laureates} laureates.`,
            );
          } else {
            output.className = 'fr-alert fr-alert--error';
            output.textContent = `${say('Différence', 'Difference')} — ${describeDifference(result.difference)}`;
          }
        })
        .catch((error: unknown) => {
          output.className = 'fr-alert fr-alert--error';
          output.textContent = `${say('Lecture impossible', 'Cannot read')}: ${error instanceof Error ? error.message : String(error)}`;
        });
    });
  }
}

if (typeof (globalThis as { document?: unknown }).document !== 'undefined') start();

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FILES } from './format.js';
import { readZip } from './zip.js';
import { looksLikeZip } from './zip-format.js';

/** A published bundle from disk: a ZIP file, or a folder holding its files. Node built-ins only. */
export async function readBundle(path: string): Promise<Map<string, string>> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const files = new Map<string, string>();
    const folders: string[] = [];
    for (const name of await readdir(path)) {
      const file = join(path, name);
      const entry = await stat(file);
      if (entry.isFile()) files.set(name, await readFile(file, 'utf8'));
      else if (entry.isDirectory()) folders.push(file);
    }
    // The ZIP unpacked as it is holds one folder (selection-<season>/): read it.
    if (!files.has(FILES.method) && folders.length === 1) return readBundle(folders[0]);
    return files;
  }
  const bytes = new Uint8Array(await readFile(path));
  if (!looksLikeZip(bytes))
    throw new Error(`${path}: neither a ZIP archive nor a folder / ni une archive ZIP ni un dossier`);
  return readZip(bytes);
}

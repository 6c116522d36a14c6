import { resolve } from 'node:path';
import type { Command } from '../../core/module.js';
import { importPostsFolder, reportLines } from './import-posts.js';

/** `npx accelerateur import-posts <folder>`: imports a folder of Jekyll posts as published news. */
export const importPostsCommand: Command = {
  description: 'Importe un dossier d’articles Jekyll (*.md) comme actualités / Import a folder of Jekyll posts as news',
  run: async (args, services) => {
    const folder = args[0];
    if (!folder) {
      console.error('Usage: npx accelerateur import-posts <dossier/folder>');
      return 1;
    }
    const path = resolve(folder);
    const report = await importPostsFolder(services, path);
    if (!report.folderFound) {
      console.error(`Dossier introuvable / Folder not found: ${path}`);
      return 1;
    }
    for (const line of reportLines(report)) console.log(line);
    // Files that could not be read are reported and left out; only a failed save is an error.
    const failedSaves = report.files.filter(
      (f) => f.outcome === 'skipped' && f.reason?.startsWith('could not be saved'),
    );
    return failedSaves.length === 0 ? 0 : 1;
  },
};

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import type { Command } from '../../../core/module.js';
import { type ImportReport, reasonText } from './import-common.js';
import { importSill } from './import-sill.js';
import { catalogueMessages as m } from './messages.js';

/** Larger than the SILL's export (a few MB) by far; a file past this is not an export. */
const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

const OUTCOME: Record<Locale, Record<string, string>> = {
  fr: { created: 'créé', updated: 'mis à jour', skipped: 'ignoré' },
  en: { created: 'created', updated: 'updated', skipped: 'skipped' },
};

/** The report as printed lines: one per entry (with its reasons), then the totals. */
export function reportLines(report: ImportReport, locale: Locale): string[] {
  const lines = report.lines.map((line) => {
    const reasons = line.reasons.map((r) => reasonText(locale, r)).join(' ; ');
    return `${line.ref} ${line.name}: ${OUTCOME[locale][line.outcome]}${reasons ? ` — ${reasons}` : ''}`;
  });
  const totals = t(locale, m.reportTotals, {
    created: report.created,
    updated: report.updated,
    skipped: report.skipped,
  });
  const dryRun = locale === 'fr' ? ' (simulation : rien n’a été enregistré)' : ' (dry run: nothing was saved)';
  const total = `${totals}${report.dryRun ? dryRun : ''}`;
  return [...lines, total];
}

/**
 * `npx accelerateur commons import-sill <file.json> [--dry-run]`: imports the SILL's public JSON export (the
 * file as downloaded) into the catalogue of commons, and prints what it created, updated and skipped, with
 * why. Printed in French, or in English when LANG starts with "en". Exit code 1 when the file cannot be read.
 */
export const importSillCommand: Command = {
  description:
    'Importe l’export JSON public du SILL dans les communs / Import the SILL’s public JSON export into the commons',
  run: async (args, services) => {
    const locale: Locale = (process.env.LANG ?? '').startsWith('en') ? 'en' : 'fr';
    const dryRun = args.includes('--dry-run') || args.includes('--simulation');
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) {
      console.error('Usage: npx accelerateur commons import-sill <export.json> [--dry-run]');
      return 1;
    }
    const path = resolve(file);
    let json: unknown;
    try {
      const bytes = await readFile(path);
      if (bytes.length > MAX_EXPORT_BYTES) throw new Error('too large');
      json = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      const why =
        error instanceof SyntaxError ? 'JSON' : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : 'other';
      console.error(
        why === 'ENOENT'
          ? `Fichier introuvable / File not found: ${path}`
          : why === 'JSON'
            ? `Ce fichier n’est pas du JSON / This file is not JSON: ${path}`
            : `Fichier illisible / Unreadable file: ${path}`,
      );
      return 1;
    }
    const result = await importSill(services, { id: null, label: 'import-sill' }, json, { dryRun });
    if (!result.ok) {
      console.error(`Export refusé / Export refused: ${result.problem}`);
      return 1;
    }
    for (const line of reportLines(result.report, locale)) console.log(line);
    return 0;
  },
};

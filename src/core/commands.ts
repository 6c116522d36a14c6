import { formatPublishedHead, parsePublishedHead, publishAuditHead } from './audit/anchors.js';
import { verifyAuditChain } from './audit/audit.js';
import { loadDemo } from './boot.js';
import { moveFilesToDirectory, sweepFileDirectory } from './files/file-directory.js';
import { type CountMessage, tCount } from './i18n/i18n.js';
import type { Command } from './module.js';

/** The commands' counts (printed in English), in their plural form: never "(s)". */
const COUNTS = {
  files: { one: { fr: '{n} fichier', en: '{n} file' }, other: { fr: '{n} fichiers', en: '{n} files' } },
  events: { one: { fr: '{n} événement', en: '{n} event' }, other: { fr: '{n} événements', en: '{n} events' } },
  problems: { one: { fr: '{n} problème', en: '{n} problem' }, other: { fr: '{n} problèmes', en: '{n} problems' } },
} satisfies Record<string, CountMessage>;

/** Commands of the platform itself; modules add theirs (Module.commands). */
export const coreCommands: Record<string, Command> = {
  migrate: {
    description: 'Met la base de données à jour / Bring the database schema up to date',
    run: async () => 0, // opening the services already migrates
  },
  demo: {
    description: 'Charge le programme de démonstration / Load the demo programme',
    run: async (_args, services) => {
      await loadDemo(services);
      return 0;
    },
  },
  'audit publish-head': {
    description: 'Publie l’empreinte du journal d’audit du jour / Publish today’s audit log head',
    run: async (_args, services) => {
      const anchor = await publishAuditHead(services.db, new Date());
      console.log(`audit head of ${anchor.day}: ${formatPublishedHead(anchor)}`);
      return 0;
    },
  },
  'files sweep': {
    description:
      'Supprime du dossier FILES_DIR les fichiers sans ligne / Remove bytes no file row refers to from FILES_DIR',
    run: async (_args, services) => {
      const dir = services.config.filesDir;
      if (!dir) {
        console.log('FILES_DIR is not set: file bytes are kept in the database, nothing to sweep');
        return 0;
      }
      const swept = await sweepFileDirectory(services.db, dir, new Date());
      console.log(`${tCount('en', COUNTS.files, swept)} without a row for over an hour removed from ${dir}`);
      return 0;
    },
  },
  'files move-to-directory': {
    description: 'Déplace vers FILES_DIR les fichiers gardés en base / Move files kept in the database into FILES_DIR',
    run: async (_args, services) => {
      const dir = services.config.filesDir;
      if (!dir) {
        console.log('FILES_DIR is not set: set it to the directory the files should move to');
        return 1;
      }
      console.log(`${tCount('en', COUNTS.files, await moveFilesToDirectory(services.db, dir))} moved to ${dir}`);
      return 0;
    },
  },
  'audit verify': {
    description:
      'Vérifie la chaîne du journal d’audit [--head <n>:<empreinte publiée>] / Verify the audit log hash chain [--head <n>:<published hash>]',
    run: async (args, services) => {
      const publishedHeads = [];
      for (let i = 0; i < args.length; i += 1) {
        const head = args[i] === '--head' ? parsePublishedHead(args[i + 1] ?? '') : undefined;
        if (!head) {
          console.error(
            'usage: accelerateur audit verify [--head <n>:<64 hex>]… (the value published at /transparence/journal)',
          );
          return 2;
        }
        publishedHeads.push(head);
        i += 1;
      }
      const { checked, problems } = await verifyAuditChain(services.db, { publishedHeads });
      for (const p of problems) console.log(`event ${p.seq}: ${p.problem}`);
      console.log(
        problems.length === 0
          ? `audit log intact: ${tCount('en', COUNTS.events, checked)} verified`
          : `audit log ALTERED: ${tCount('en', COUNTS.problems, problems.length)} in ${tCount('en', COUNTS.events, checked)}`,
      );
      return problems.length === 0 ? 0 : 1;
    },
  },
};

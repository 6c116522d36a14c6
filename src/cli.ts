import { buildApp } from './app.js';
import { formatPublishedHead, parsePublishedHead, publishAuditHead } from './core/audit/anchors.js';
import { verifyAuditChain } from './core/audit/audit.js';
import { loadDemo, openAndMigrate } from './core/boot.js';
import { systemClock } from './core/clock.js';
import { readConfig } from './core/config.js';
import { DataDirBusyError } from './core/db/data-dir-lock.js';
import { moveFilesToDirectory, sweepFileDirectory } from './core/files/file-directory.js';
import type { Command } from './core/module.js';
import { modules } from './modules/index.js';

/** Commands of the platform itself; modules add theirs (Module.commands). */
const coreCommands: Record<string, Command> = {
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
      console.log(
        `${await sweepFileDirectory(services.db, dir, new Date())} file(s) without a row for over an hour removed from ${dir}`,
      );
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
      console.log(`${await moveFilesToDirectory(services.db, dir)} file(s) moved to ${dir}`);
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
          ? `audit log intact: ${checked} events verified`
          : `audit log ALTERED: ${problems.length} problem(s) in ${checked} events`,
      );
      return problems.length === 0 ? 0 : 1;
    },
  },
};

function allCommands(): Record<string, Command> {
  const commands = { ...coreCommands };
  for (const module of modules) Object.assign(commands, module.commands ?? {});
  return commands;
}

function usage(commands: Record<string, Command>): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(18)} ${c.description}`);
  return `Usage: npx accelerateur <command> [options]\n\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const commands = allCommands();
  const two = argv.slice(0, 2).join(' ');
  const name = commands[two] ? two : argv[0];
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(usage(commands));
    return name && name !== '--help' && name !== 'help' ? 2 : 0;
  }
  const args = argv.slice(name.split(' ').length);
  const config = { ...readConfig(), loadDemo: false, runJobs: false, logLevel: process.env.LOG_LEVEL ?? 'warn' };
  const database = await openAndMigrate(config, modules, `cli ${name}`);
  const app = await buildApp({ config, database, clock: systemClock, modules });
  try {
    return await command.run(args, app.services);
  } finally {
    await app.close();
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  // 3: the embedded database is held by another process; the command did nothing and may be run again.
  return error instanceof DataDirBusyError ? 3 : 1;
});

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './core/module.js';
import type { Services } from './core/services.js';

// Only type imports above: everything else loads when a command needs it, so `--help` and the standalone
// commands (sortition, assign) do not load every module and open no database (decision 0013).

/** What the compiled CLI knows of a command without loading it; written at build time (scripts/build.mjs). */
interface IndexedCommand {
  name: string;
  description: string;
  /** For a standalone command: its file, relative to this one, and the export that holds it. */
  standalone?: { file: string; export: string; inRecord: boolean };
}

const INDEX = new URL('./commands.json', import.meta.url);

/** Every command: the platform's own, then each module's (Module.commands). Loads the whole code. */
async function loadCommands(): Promise<Record<string, Command>> {
  const [{ coreCommands }, { modules }] = await Promise.all([
    import('./core/commands.js'),
    import('./modules/index.js'),
  ]);
  const commands = { ...coreCommands };
  for (const module of modules) Object.assign(commands, module.commands ?? {});
  return commands;
}

/** A file's URL as a path relative to this file, in URL form (`./modules/panel/sortition-commands.js`). */
function relativeToHere(file: string): string {
  const path = relative(dirname(fileURLToPath(import.meta.url)), fileURLToPath(file));
  return `./${path.split(sep).join('/')}`;
}

/** Where a standalone command is exported from: the command itself, or a record of commands by name. */
async function locate(name: string, command: Command): Promise<IndexedCommand['standalone']> {
  const exported = (await import(command.standalone!)) as Record<string, unknown>;
  for (const [key, value] of Object.entries(exported)) {
    if (value === command) return { file: relativeToHere(command.standalone!), export: key, inRecord: false };
    if ((value as Record<string, unknown> | undefined)?.[name] === command)
      return { file: relativeToHere(command.standalone!), export: key, inRecord: true };
  }
  throw new Error(`standalone command ${name} is not exported by ${command.standalone}`);
}

async function toIndex(commands: Record<string, Command>): Promise<IndexedCommand[]> {
  const index: IndexedCommand[] = [];
  for (const [name, c] of Object.entries(commands)) {
    index.push({ name, description: c.description, ...(c.standalone ? { standalone: await locate(name, c) } : {}) });
  }
  return index;
}

/** The build's index when there is one (compiled), else the commands themselves (under tsx). */
function readIndex(): IndexedCommand[] | undefined {
  try {
    return JSON.parse(readFileSync(INDEX, 'utf8')) as IndexedCommand[];
  } catch {
    return undefined;
  }
}

function usage(commands: IndexedCommand[]): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(18)} ${c.description}`);
  return `Usage: npx accelerateur <command> [options]\n\n${lines.join('\n')}\n`;
}

/** What a standalone command gets for services: touching them is a bug in the command, said plainly. */
const noServices = new Proxy({} as Services, {
  get(_target, key) {
    throw new Error(`a standalone command has no services (it read services.${String(key)})`);
  },
});

/** Loads one command: a standalone one from its own file only, any other with the whole code. */
async function loadCommand(entry: IndexedCommand): Promise<Command | undefined> {
  if (!entry.standalone) return (await loadCommands())[entry.name];
  const { file, export: key, inRecord } = entry.standalone;
  const exported = (await import(new URL(file, import.meta.url).href)) as Record<string, unknown>;
  const value = exported[key] as Command | Record<string, Command> | undefined;
  return inRecord ? (value as Record<string, Command> | undefined)?.[entry.name] : (value as Command | undefined);
}

async function runWithServices(name: string, command: Command, args: string[]): Promise<number> {
  const [{ buildApp }, { openAndMigrate }, { systemClock }, { readConfig }, { modules }] = await Promise.all([
    import('./app.js'),
    import('./core/boot.js'),
    import('./core/clock.js'),
    import('./core/config.js'),
    import('./modules/index.js'),
  ]);
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

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--write-command-index') {
    writeFileSync(INDEX, `${JSON.stringify(await toIndex(await loadCommands()), null, 1)}\n`);
    return 0;
  }
  const index = readIndex() ?? (await toIndex(await loadCommands()));
  const two = argv.slice(0, 2).join(' ');
  const entry = index.find((c) => c.name === two) ?? index.find((c) => c.name === argv[0]);
  if (!entry) {
    process.stderr.write(usage(index));
    return argv[0] && argv[0] !== '--help' && argv[0] !== 'help' ? 2 : 0;
  }
  const args = argv.slice(entry.name.split(' ').length);
  const command = await loadCommand(entry);
  if (!command) throw new Error(`command ${entry.name} is listed in ${INDEX.pathname} but no longer exists`);
  return command.standalone ? command.run(args, noServices) : runWithServices(entry.name, command, args);
}

process.exitCode = await main(process.argv.slice(2)).catch(async (error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  const { DataDirBusyError } = await import('./core/db/data-dir-lock.js');
  // 3: the embedded database is held by another process; the command did nothing and may be run again.
  return error instanceof DataDirBusyError ? 3 : 1;
});

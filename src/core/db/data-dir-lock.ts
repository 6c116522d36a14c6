import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

/**
 * The embedded database (PGlite) is one process's memory image of the data folder: a second process that
 * opens the same folder works on its own copy, reports success, and its writes are lost when either process
 * writes the folder back. So whichever process opens a data folder holds an exclusive lock on it.
 *
 * On Linux the lock is a listening socket in the abstract namespace, named after the folder's real path: the
 * kernel gives it to one process only and takes it back when that process ends, even by kill -9, so a lock
 * is never left behind. Elsewhere it is a pid file created exclusively, taken over when its process is gone.
 * The holder answers whoever connects with who it is, so a refused command can say what to stop.
 */

/** Who holds a data folder, as told to a process that is refused it. */
export interface DataDirHolder {
  pid: number;
  /** What the holder runs: "server" or "cli <command>". */
  role: string;
  startedAt: string;
  /** The address the server listens on, once it does. */
  url?: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder | undefined,
  ) {
    super(busyMessage(dataDir, holder));
    this.name = 'DataDirBusyError';
  }
}

export interface DataDirLock {
  /** What this process tells a refused one; the server adds its address once it listens. */
  readonly holder: DataDirHolder;
  release(): Promise<void>;
}

/** Takes the folder's lock or throws DataDirBusyError naming the process that holds it. */
export async function lockDataDir(dataDir: string, role: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const holder: DataDirHolder = { pid: process.pid, role, startedAt: new Date().toISOString() };
  return process.platform === 'linux'
    ? await lockWithAbstractSocket(dataDir, holder)
    : lockWithPidFile(dataDir, holder);
}

function socketName(dataDir: string): string {
  const digest = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 32);
  return `\0accelerateur-data-${digest}`;
}

async function lockWithAbstractSocket(dataDir: string, holder: DataDirHolder): Promise<DataDirLock> {
  const path = socketName(dataDir);
  const server = net.createServer((socket) => {
    // The asker may hang up before the answer (it waits a second): the write then fails (EPIPE), which must not
    // stop this process, the one holding the folder.
    socket.on('error', () => {});
    socket.end(JSON.stringify(holder));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ path, exclusive: true }, () => resolve());
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new DataDirBusyError(dataDir, await askHolder(path));
    throw error;
  }
  // The lock must not keep a finished command alive.
  server.unref();
  return { holder, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Asks the holding process who it is; undefined when it does not answer within a second. */
function askHolder(path: string): Promise<DataDirHolder | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ path });
    const done = (value: DataDirHolder | undefined) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1000, () => done(undefined));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => done(undefined));
    socket.on('end', () => {
      try {
        done(JSON.parse(Buffer.concat(chunks).toString('utf8')) as DataDirHolder);
      } catch {
        done(undefined);
      }
    });
  });
}

function lockWithPidFile(dataDir: string, holder: DataDirHolder): DataDirLock {
  const file = join(dataDir, 'accelerateur.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      return {
        holder,
        release: async () => {
          try {
            unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolderFile(file);
      if (current && isAlive(current.pid)) throw new DataDirBusyError(dataDir, current);
      // The process that wrote the file is gone (killed or crashed): its lock is stale.
      unlinkSync(file);
    }
  }
  throw new DataDirBusyError(dataDir, readHolderFile(file));
}

function readHolderFile(file: string): DataDirHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DataDirHolder;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busyMessage(dataDir: string, holder: DataDirHolder | undefined): string {
  const who = holder
    ? `${holder.role === 'server' ? 'le serveur' : `la commande « ${holder.role} »`} (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''})`
    : 'un autre processus';
  const whoEn = holder
    ? `${holder.role === 'server' ? 'the server' : `the command "${holder.role}"`} (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''})`
    : 'another process';
  const admin = holder?.url ? `${holder.url}/admin` : 'la page /admin du site';
  const adminEn = holder?.url ? `${holder.url}/admin` : "the site's /admin page";
  return [
    `La base de données embarquée (${dataDir}) est déjà ouverte par ${who}.`,
    'Un seul processus peut l’ouvrir à la fois : rien n’a été fait.',
    `Arrêtez le serveur (Ctrl+C) puis relancez la commande, ou faites-le depuis l’administration (${admin}).`,
    '',
    `The embedded database (${dataDir}) is already open in ${whoEn}.`,
    'Only one process can open it at a time: nothing was done.',
    `Stop the server (Ctrl+C) and run the command again, or do it from the administration (${adminEn}).`,
  ].join('\n');
}

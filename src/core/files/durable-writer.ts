import { Worker } from 'node:worker_threads';

/**
 * Durable writes of new files on one worker thread per process, started on first use.
 *
 * Why a thread: written with node:fs/promises, a file costs about seven libuv threadpool round
 * trips (mkdir, open, write, datasync, close, then the folder's open, fsync, close), and each
 * dispatch and completion costs the main thread a wake of another thread. Under the deadline rush
 * that main thread is the bottleneck. Here the main thread posts one message per file (the bytes
 * copied, never the caller's buffer detached) and gets one reply per batch; the thread does the
 * system calls synchronously, hashes the bytes (SHA-256) while it has them, and flushes each folder
 * once per batch, as PostgreSQL groups commits. See durable-writer-worker.mjs and
 * docs/decisions/0009-file-bytes-in-a-directory.md.
 *
 * The thread does not keep the process alive while nothing is pending. If it dies, what was
 * pending rejects and the next write starts a new one.
 */

interface Pending {
  resolve(result: { sha256: string }): void;
  reject(error: Error): void;
}

interface Writer {
  worker: Worker;
  pending: Map<number, Pending>;
}

interface WorkerError {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

type WorkerResult = { id: number; sha256: string; error?: undefined } | { id: number; error: WorkerError };

let current: Writer | undefined;
let lastRequest = 0;

/**
 * Creates `path` (a new file in `folder`, which is created if missing) with `data`, flushes the
 * bytes and the folder entry to disk, and resolves with the bytes' SHA-256 (hex). Fails with the
 * system's error (its `code`, e.g. EEXIST when the file exists) and never replaces a file.
 */
export function writeDurably(path: string, folder: string, data: Uint8Array): Promise<{ sha256: string }> {
  const writer = (current ??= startWriter());
  const id = ++lastRequest;
  // A copy of its own, transferred: the caller's buffer stays usable, and a Buffer that is a view
  // of a larger pool is not cloned whole.
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return new Promise((resolve, reject) => {
    if (writer.pending.size === 0) writer.worker.ref();
    writer.pending.set(id, { resolve, reject });
    writer.worker.postMessage({ requests: [{ id, path, folder, data: copy.buffer }] }, [copy.buffer]);
  });
}

/** Stops the writer thread (tests, shutdown); writes still pending reject. The next write starts a new one. */
export async function closeDurableWriter(): Promise<void> {
  const writer = current;
  current = undefined;
  if (writer) await writer.worker.terminate();
}

function startWriter(): Writer {
  // Plain JavaScript with only node: imports, so no loader (tsx, Vitest) is needed in the thread.
  const worker = new Worker(new URL('./durable-writer-worker.mjs', import.meta.url), { execArgv: [] });
  worker.unref();
  const writer: Writer = { worker, pending: new Map() };
  worker.on('message', ({ results }: { results: WorkerResult[] }) => {
    for (const result of results) {
      const pending = writer.pending.get(result.id);
      if (!pending) continue;
      writer.pending.delete(result.id);
      if (result.error) pending.reject(systemError(result.error));
      else pending.resolve({ sha256: result.sha256 });
    }
    if (writer.pending.size === 0) worker.unref();
  });
  worker.on('error', (error) =>
    stopped(writer, new Error(`the durable writer failed: ${error.message}`, { cause: error })),
  );
  worker.on('exit', (code) => stopped(writer, new Error(`the durable writer stopped (exit code ${code})`)));
  return writer;
}

function stopped(writer: Writer, error: Error): void {
  if (current === writer) current = undefined;
  for (const pending of writer.pending.values()) pending.reject(error);
  writer.pending.clear();
}

function systemError(described: WorkerError): Error {
  const error: Error & Omit<WorkerError, 'message'> = new Error(described.message);
  for (const key of ['code', 'errno', 'syscall', 'path'] as const) {
    if (described[key] !== undefined) Object.assign(error, { [key]: described[key] });
  }
  return error;
}

// The durable writer's thread (started by durable-writer.ts). Plain JavaScript with only node:
// imports, so that it loads the same way under tsx, Vitest and plain Node, with no loader.
//
// Each message is { requests: [{ id, path, folder, data }] }: write `data` (an ArrayBuffer) to
// `path`, a new file in `folder`. The thread works synchronously, a batch at a time: every request
// that arrived while it was busy makes the next batch. For each file: create the folder if this
// thread has not yet, open with 'wx' (never replace bytes), write, hash (SHA-256), fdatasync, close.
// Then each folder that received new entries is fsynced once, and only then does one message
// answer the whole batch: { results: [{ id, sha256 } | { id, error }] }.
import { createHash } from 'node:crypto';
import { closeSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';

/** Folders known to exist (each is created at most once per thread). */
const knownFolders = new Set();
let queue = [];
let scheduled = false;

parentPort.on('message', (message) => {
  for (const request of message.requests) queue.push(request);
  if (!scheduled) {
    scheduled = true;
    // After the messages already delivered in this turn of the event loop, so they share the batch.
    setImmediate(runBatch);
  }
});

function runBatch() {
  scheduled = false;
  const batch = queue;
  queue = [];
  const results = [];
  /** Folder -> indexes in `results` of the files written into it; a failed flush fails them all. */
  const touched = new Map();
  /** Parent -> folders created in it by this batch, whose entries its flush makes durable. */
  const created = new Map();
  for (const request of batch) {
    try {
      const sha256 = writeOne(request, created);
      results.push({ id: request.id, sha256 });
      const entries = touched.get(request.folder) ?? [];
      entries.push(results.length - 1);
      touched.set(request.folder, entries);
    } catch (error) {
      results.push({ id: request.id, error: describe(error) });
    }
  }
  const fail = (folder, error) => {
    for (const i of touched.get(folder) ?? [])
      if (!results[i].error) results[i] = { id: results[i].id, error: describe(error) };
  };
  for (const folder of touched.keys()) {
    try {
      syncFolder(folder);
    } catch (error) {
      fail(folder, error);
    }
  }
  for (const [parent, folders] of created) {
    try {
      syncFolder(parent);
    } catch (error) {
      for (const folder of folders) fail(folder, error);
    }
  }
  parentPort.postMessage({ results });
}

function writeOne({ path, folder, data }, created) {
  ensureFolder(folder, created);
  let fd;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    // The folder was removed behind this thread's back (an operator, a test): create it again once.
    if (error.code !== 'ENOENT') throw error;
    knownFolders.delete(folder);
    ensureFolder(folder, created);
    fd = openSync(path, 'wx', 0o600);
  }
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    fdatasyncSync(fd);
    return sha256;
  } finally {
    closeSync(fd);
  }
}

function ensureFolder(folder, created) {
  if (knownFolders.has(folder)) return;
  // A folder made now is itself a new entry of its parent, which must be flushed with the batch too.
  if (mkdirSync(folder, { recursive: true }) !== undefined) {
    const siblings = created.get(dirname(folder)) ?? new Set();
    siblings.add(folder);
    created.set(dirname(folder), siblings);
  }
  knownFolders.add(folder);
}

function syncFolder(folder) {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function describe(error) {
  return {
    message: error?.message ?? String(error),
    code: error?.code,
    errno: error?.errno,
    syscall: error?.syscall,
    path: error?.path,
  };
}

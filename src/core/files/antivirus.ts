import { connect, type Socket } from 'node:net';

/**
 * A clamd client speaking INSTREAM over TCP (see clamd(8)): the file is sent as chunks, each
 * prefixed by its length as a 4-byte big-endian integer, ended by a zero-length chunk. With the
 * `z` prefix, commands and replies are NUL-terminated. clamd answers `stream: OK`,
 * `stream: <signature> FOUND`, or `<message> ERROR` (for example when the stream exceeds its
 * StreamMaxLength, after which it closes the connection).
 */

export type ScanResult =
  | { status: 'clean' }
  | { status: 'infected'; signature: string }
  | { status: 'error'; reason: string };

export interface ClamdAddress {
  host: string;
  port: number;
}

export interface ScanOptions {
  /** Whole scan, from connect to reply. Large files on a busy clamd take time: 30 s by default. */
  timeoutMs?: number;
  /** Bytes per INSTREAM chunk; clamd reads any size up to StreamMaxLength. */
  chunkSize?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CHUNK_SIZE = 64 * 1024;
/** A clamd reply is one short line; anything longer is not clamd. */
const MAX_REPLY_BYTES = 4096;

/** Reads `tcp://host:port`; returns null for anything else (unix sockets are not supported). */
export function parseClamdUrl(url: string): ClamdAddress | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'tcp:' || !parsed.hostname) return null;
  const port = Number(parsed.port || 3310);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return null;
  // IPv6 literals come bracketed from URL; net.connect wants them bare.
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port };
}

/** Reads one clamd INSTREAM reply (without its terminator). */
export function parseClamdReply(reply: string): ScanResult {
  const line = reply.replace(/[\0\r\n]+$/g, '').trim();
  const found = /^(?:stream:\s*)?(.+?)\s+FOUND$/.exec(line);
  if (found) return { status: 'infected', signature: found[1]! };
  if (/^(?:stream:\s*)?OK$/.test(line)) return { status: 'clean' };
  if (line.endsWith('ERROR')) return { status: 'error', reason: line };
  return { status: 'error', reason: line ? `unexpected clamd reply: ${line.slice(0, 200)}` : 'empty clamd reply' };
}

/** Encodes one INSTREAM chunk: 4-byte big-endian length, then the bytes. */
export function instreamChunk(data: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(data.length, 0);
  return Buffer.concat([header, data]);
}

/**
 * Scans bytes with clamd. Never throws: a refused connection, a timeout, a connection closed
 * before a reply, or an unreadable reply all come back as `{ status: 'error' }`, so the caller
 * decides what an unscanned file may do (it is never treated as clean).
 */
export function scanWithClamd(address: ClamdAddress, data: Buffer, options: ScanOptions = {}): Promise<ScanResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  return new Promise<ScanResult>((resolve) => {
    let settled = false;
    let reply = Buffer.alloc(0);
    const socket: Socket = connect({ host: address.host, port: address.port });
    const timer = setTimeout(
      () => finish({ status: 'error', reason: `clamd did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );

    function finish(result: ScanResult): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    }

    socket.on('error', (error) => {
      // A reset while we were still sending can follow clamd's answer (size limit): the answer wins.
      if (reply.length > 0) finish(parseClamdReply(reply.toString('utf8')));
      else finish({ status: 'error', reason: `clamd connection failed: ${error.message}` });
    });
    socket.on('data', (bytes: Buffer) => {
      reply = Buffer.concat([reply, bytes]);
      const end = reply.indexOf(0);
      if (end >= 0) finish(parseClamdReply(reply.subarray(0, end).toString('utf8')));
      else if (reply.length > MAX_REPLY_BYTES) finish({ status: 'error', reason: 'clamd reply too long' });
    });
    socket.on('close', () => {
      // clamd may reply and close at once (size limit): a reply without its NUL still counts.
      if (reply.length > 0) finish(parseClamdReply(reply.toString('utf8')));
      else finish({ status: 'error', reason: 'clamd closed the connection without a reply' });
    });
    socket.on('connect', () => {
      void sendStream(socket, data, chunkSize, () => settled);
    });
  });
}

/** Writes the command, the chunks and the terminator, waiting for the socket to drain (3 MB is not buffered at once). */
async function sendStream(socket: Socket, data: Buffer, chunkSize: number, stopped: () => boolean): Promise<void> {
  const write = (bytes: Buffer) =>
    new Promise<void>((resolve) => {
      if (stopped() || socket.destroyed || !socket.writable) return resolve();
      if (socket.write(bytes)) resolve();
      else {
        const done = () => {
          socket.off('drain', done);
          socket.off('close', done);
          resolve();
        };
        socket.once('drain', done);
        socket.once('close', done);
      }
    });
  await write(Buffer.from('zINSTREAM\0'));
  for (let offset = 0; offset < data.length; offset += chunkSize) {
    if (stopped() || socket.destroyed) return;
    await write(instreamChunk(data.subarray(offset, offset + chunkSize)));
  }
  await write(Buffer.alloc(4)); // zero-length chunk: end of stream
}

/** The platform's antivirus: scans when CLAMD_URL is set, otherwise reports that scanning is off. */
export interface Antivirus {
  readonly enabled: boolean;
  scan(data: Buffer): Promise<ScanResult>;
}

export function createAntivirus(config: { clamdUrl: string | undefined }, options: ScanOptions = {}): Antivirus {
  if (!config.clamdUrl) {
    return {
      enabled: false,
      scan: async () => ({ status: 'error', reason: 'antivirus scanning is off (CLAMD_URL is not set)' }),
    };
  }
  const address = parseClamdUrl(config.clamdUrl);
  if (!address) {
    const reason = `CLAMD_URL must look like tcp://host:port, got ${config.clamdUrl}`;
    return { enabled: true, scan: async () => ({ status: 'error', reason }) };
  }
  return { enabled: true, scan: (data) => scanWithClamd(address, data, options) };
}

/**
 * Whether staff may download a file: always when scanning is off; otherwise only once a scan said
 * clean (an infected file, a failed scan or a scan not yet run keep it back).
 */
export function downloadAllowed(antivirusEnabled: boolean, scan: ScanResult | null | undefined): boolean {
  return !antivirusEnabled || scan?.status === 'clean';
}

/** Asks clamd for PONG: true when it answers in time (for an operator's check). */
export function pingClamd(address: ClamdAddress, timeoutMs = 2_000): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let reply = '';
    const socket = connect({ host: address.host, port: address.port });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (bytes: Buffer) => {
      reply += bytes.toString('latin1');
      if (reply.includes('\0')) done(reply.startsWith('PONG'));
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(reply.replace(/\0/g, '') === 'PONG'));
  });
}

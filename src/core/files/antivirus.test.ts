import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EICAR, type FakeClamd, startFakeClamd } from '../../../test/support/fake-clamd.js';
import {
  createAntivirus,
  downloadAllowed,
  instreamChunk,
  parseClamdReply,
  parseClamdUrl,
  pingClamd,
  scanWithClamd,
} from './antivirus.js';

describe('clamd protocol pieces', () => {
  it('reads tcp://host:port and refuses other addresses', () => {
    expect(parseClamdUrl('tcp://clamav.internal:3310')).toEqual({ host: 'clamav.internal', port: 3310 });
    expect(parseClamdUrl('tcp://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 3310 });
    expect(parseClamdUrl('tcp://[::1]:3311')).toEqual({ host: '::1', port: 3311 });
    expect(parseClamdUrl('unix:///run/clamd.sock')).toBeNull();
    expect(parseClamdUrl('clamav:3310')).toBeNull();
    expect(parseClamdUrl('not a url')).toBeNull();
  });

  it('frames a chunk with its 4-byte big-endian length', () => {
    expect([...instreamChunk(Buffer.from('abc'))]).toEqual([0, 0, 0, 3, 97, 98, 99]);
  });

  it('lets staff download only clean files, or any file when scanning is off', () => {
    expect(downloadAllowed(false, null)).toBe(true);
    expect(downloadAllowed(true, { status: 'clean' })).toBe(true);
    expect(downloadAllowed(true, null)).toBe(false);
    expect(downloadAllowed(true, { status: 'infected', signature: 'Eicar-Test-Signature' })).toBe(false);
    expect(downloadAllowed(true, { status: 'error', reason: 'timeout' })).toBe(false);
  });

  it('reads clamd replies', () => {
    expect(parseClamdReply('stream: OK')).toEqual({ status: 'clean' });
    expect(parseClamdReply('stream: Eicar-Test-Signature FOUND\0')).toEqual({
      status: 'infected',
      signature: 'Eicar-Test-Signature',
    });
    expect(parseClamdReply('INSTREAM size limit exceeded. ERROR')).toEqual({
      status: 'error',
      reason: 'INSTREAM size limit exceeded. ERROR',
    });
    expect(parseClamdReply('').status).toBe('error');
    expect(parseClamdReply('HTTP/1.1 400 Bad Request').status).toBe('error');
  });
});

describe('scanning against a fake clamd over TCP', () => {
  let clamd: FakeClamd;

  beforeAll(async () => {
    clamd = await startFakeClamd({ maxStreamBytes: 4 * 1024 * 1024 });
  });

  afterAll(async () => {
    await clamd.close();
  });

  it('answers PING', async () => {
    expect(await pingClamd(parseClamdUrl(clamd.url)!)).toBe(true);
    const silent = await startFakeClamd({ behaviour: 'close-early' });
    await silent.close();
    expect(await pingClamd(parseClamdUrl(silent.url)!, 500)).toBe(false);
  });

  it('reports a clean file as clean', async () => {
    const antivirus = createAntivirus({ clamdUrl: clamd.url });
    expect(antivirus.enabled).toBe(true);
    expect(await antivirus.scan(Buffer.from('%PDF-1.7\nun dossier de candidature ordinaire\n'))).toEqual({
      status: 'clean',
    });
  });

  it('flags the EICAR test file with its signature', async () => {
    const antivirus = createAntivirus({ clamdUrl: clamd.url });
    expect(await antivirus.scan(EICAR)).toEqual({ status: 'infected', signature: 'Eicar-Test-Signature' });
  });

  it('sends a 3 MB file in bounded chunks, and finds EICAR across a chunk boundary', async () => {
    clamd.streams.length = 0;
    const big = Buffer.alloc(3 * 1024 * 1024, 0x41);
    expect(await scanWithClamd(parseClamdUrl(clamd.url)!, big, { chunkSize: 64 * 1024 })).toEqual({ status: 'clean' });
    const sizes = clamd.streams[0]!;
    expect(sizes).toHaveLength(48);
    expect(sizes.every((size) => size === 64 * 1024)).toBe(true);

    // The test string straddles the boundary between the first two chunks.
    const infected = Buffer.alloc(3 * 1024 * 1024, 0x20);
    EICAR.copy(infected, 64 * 1024 - 30);
    const result = await scanWithClamd(parseClamdUrl(clamd.url)!, infected, { chunkSize: 64 * 1024 });
    expect(result).toEqual({ status: 'infected', signature: 'Eicar-Test-Signature' });
  });

  it('reports clamd’s own error when the stream is over its limit', async () => {
    const tooBig = Buffer.alloc(5 * 1024 * 1024, 0x42);
    expect(await createAntivirus({ clamdUrl: clamd.url }).scan(tooBig)).toEqual({
      status: 'error',
      reason: 'INSTREAM size limit exceeded. ERROR',
    });
  });

  it('reports an error, not clean, when the server closes before replying', async () => {
    const early = await startFakeClamd({ behaviour: 'close-early' });
    try {
      const result = await createAntivirus({ clamdUrl: early.url }).scan(Buffer.alloc(1024 * 1024, 0x43));
      expect(result.status).toBe('error');
    } finally {
      await early.close();
    }
  });

  it('gives up after the timeout when clamd never answers', async () => {
    const silent = await startFakeClamd({ behaviour: 'hang' });
    try {
      const started = Date.now();
      const result = await createAntivirus({ clamdUrl: silent.url }, { timeoutMs: 300 }).scan(Buffer.from('hello'));
      expect(result).toEqual({ status: 'error', reason: 'clamd did not answer within 300 ms' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await silent.close();
    }
  });

  it('reports an error when nothing listens at the address', async () => {
    // Take a free port, then release it: connecting to it is refused.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await createAntivirus({ clamdUrl: `tcp://127.0.0.1:${port}` }).scan(Buffer.from('x'));
    expect(result.status).toBe('error');
    if (result.status === 'error') expect(result.reason).toMatch(/clamd connection failed/);
  });

  it('is off without CLAMD_URL, and a malformed CLAMD_URL never yields clean', async () => {
    const off = createAntivirus({ clamdUrl: undefined });
    expect(off.enabled).toBe(false);
    expect((await off.scan(Buffer.from('x'))).status).toBe('error');
    const malformed = createAntivirus({ clamdUrl: 'clamav:3310' });
    expect(malformed.enabled).toBe(true);
    expect(await malformed.scan(Buffer.from('x'))).toEqual({
      status: 'error',
      reason: 'CLAMD_URL must look like tcp://host:port, got clamav:3310',
    });
  });
});

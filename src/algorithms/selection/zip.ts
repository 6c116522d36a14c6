import { inflateRawSync } from 'node:zlib';
import { readZipWith, textFiles } from './zip-format.js';

/**
 * A minimal ZIP reader for Node: stored and deflated files, inflated by node:zlib alone, so the verifier
 * needs no dependency. The format's reading is in ./zip-format.ts (shared with the browser).
 */
export async function readZip(bytes: Uint8Array): Promise<Map<string, string>> {
  return textFiles(await readZipWith(bytes, (data) => new Uint8Array(inflateRawSync(data))));
}

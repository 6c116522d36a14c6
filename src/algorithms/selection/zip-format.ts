/**
 * Reads a ZIP archive's files, stored or deflated, with the inflater given by the caller: node:zlib's
 * `inflateRawSync` in Node (./zip.ts), `DecompressionStream('deflate-raw')` in a browser. Enough for the
 * transparency bundle (no ZIP64, no encryption, no multi-disk); every file's CRC-32 is checked. Pure, no
 * dependency.
 */

export type Inflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Whether the bytes start like a ZIP archive (a local file header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** The archive's files by name (folders left out), read through the central directory. */
export async function readZipWith(bytes: Uint8Array, inflate: Inflate): Promise<Map<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive (no end of central directory) / pas une archive ZIP');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      throw new Error('damaged ZIP central directory / répertoire ZIP endommagé');
    const method = view.getUint16(offset + 10, true);
    const crc = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const local = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      throw new Error(`damaged ZIP entry ${name} / entrée ZIP endommagée`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(dataStart, dataStart + compressedSize);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) data = await inflate(raw);
    else throw new Error(`${name}: ZIP method ${method} not supported / méthode ZIP non prise en charge`);
    if (data.length !== size || crc32(data) !== crc)
      throw new Error(`${name}: damaged in the ZIP (CRC) / endommagé dans l’archive (CRC)`);
    files.set(name, data);
  }
  return files;
}

/** The files of a bundle as text, by their base name (a bundle zipped inside a folder is read the same). */
export function textFiles(files: Map<string, Uint8Array>): Map<string, string> {
  const decoder = new TextDecoder('utf-8');
  const texts = new Map<string, string>();
  for (const [name, data] of files) texts.set(name.slice(name.lastIndexOf('/') + 1), decoder.decode(data));
  return texts;
}

export type Coding = 'br' | 'gzip' | 'identity';

const remembered = new Map<string, Coding>();
/** Browsers send a handful of distinct headers: the answer to each is remembered, up to this many. */
const REMEMBER_AT_MOST = 64;

/**
 * The form a client takes a compressible answer in, from its Accept-Encoding (RFC 9110 §12.5.3): brotli or gzip,
 * whichever it weighs more (brotli on a tie: it is smaller), else the bytes as they are. `q=0` refuses a coding;
 * `*` stands for any coding the header does not name; no header means no compression.
 */
export function preferredCoding(header: string | undefined): Coding {
  if (!header) return 'identity';
  const known = remembered.get(header);
  if (known) return known;
  const weights: Record<string, number> = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key.trim().toLowerCase() === 'q') q = Number(value);
    }
    weights[coding] = Number.isFinite(q) ? q : 0;
  }
  const weight = (coding: string) =>
    weights[coding] ?? (coding === 'gzip' ? weights['x-gzip'] : undefined) ?? weights['*'] ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  const chosen: Coding = br > 0 && br >= gzip ? 'br' : gzip > 0 ? 'gzip' : 'identity';
  if (remembered.size < REMEMBER_AT_MOST) remembered.set(header, chosen);
  return chosen;
}

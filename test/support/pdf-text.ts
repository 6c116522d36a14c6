import { inflateSync } from 'node:zlib';

/**
 * The text drawn in a PDF written by pdf-lib (receipts, minutes, reports): inflate its content streams and
 * decode the hex strings of their Tj operators, one drawn line per line. Enough to read back what the
 * platform's own PDFs say; not a general PDF reader.
 */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      texts.push(
        Buffer.from(hex[1]!, 'hex')
          .toString('latin1')
          // WinAnsi's right single quote, as the standard fonts encode it.
          .replace(/\u0092/g, '’'),
      );
  }
  return texts.join('\n');
}

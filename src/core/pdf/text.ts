import type { PDFFont } from 'pdf-lib';

/**
 * Text for pdf-lib's standard fonts, shared by every PDF the platform writes (receipts, minutes, notices).
 * Only types are imported here: pdf-lib itself loads lazily where a PDF is drawn.
 */

/** The standard PDF fonts speak WinAnsi: keep Latin-1 and its typographic extras, replace the rest. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** One line of drawable text: narrow and no-break spaces become spaces, line breaks and tabs a space. */
export function pdfSafe(text: string): string {
  return Array.from(text.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/[\r\n\t]+/g, ' '))
    .map((c) => (c.charCodeAt(0) <= 0xff && c >= ' ' ? c : WIN_ANSI_EXTRAS.has(c) ? c : '?'))
    .join('');
}

/**
 * Splits a line into lines that fit the width, breaking words longer than a line (a URL, a hash). An empty
 * text gives one empty line when `keepEmpty` (a blank line of a letter), none otherwise.
 */
export function wrapText(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  options: { keepEmpty?: boolean } = {},
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line || options.keepEmpty) lines.push(line);
  return lines;
}

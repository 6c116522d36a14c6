import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderReceiptPdf } from './receipt-pdf.js';

/** The text drawn in a pdf-lib document: inflate its streams, decode the hex strings of Tj operators. */
function drawnText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
      texts.push(Buffer.from(hex[1], 'hex').toString('latin1'));
  }
  return texts.join('\n');
}

describe('PDF receipt', () => {
  const base = {
    applicationId: '3f1c2d4e-0000-4000-8000-000000000001',
    applicant: 'Zoé Lefèvre',
    applicantEmail: 'zoe@example.fr',
    title: 'Réseau de fontaines « ouvertes » ✓',
    season: 'Saison 3',
    version: 2,
    submittedAt: new Date('2026-03-31T21:59:59.500Z'),
    sha256: 'a'.repeat(32) + 'b'.repeat(32),
  };

  it('names the applicant, the project, the Paris date and time, and the whole SHA-256', async () => {
    const text = drawnText(await renderReceiptPdf({ ...base, locale: 'fr' }));
    expect(text).toContain('Accusé de réception de candidature');
    expect(text).toContain('Zoé Lefèvre <zoe@example.fr>');
    // Characters the standard fonts cannot draw are replaced, never a crash.
    expect(text).toContain('Réseau de fontaines « ouvertes » ?');
    expect(text).toContain('31 mars 2026 à 23:59');
    expect(text.replace(/\n/g, '')).toContain(base.sha256);
  });

  it('speaks English to English readers', async () => {
    const text = drawnText(await renderReceiptPdf({ ...base, locale: 'en' }));
    expect(text).toContain('Application receipt');
    expect(text).toContain('31 March 2026 at 23:59');
  });
});

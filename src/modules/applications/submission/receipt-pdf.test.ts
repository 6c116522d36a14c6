import { describe, expect, it } from 'vitest';
import { pdfText as drawnText } from '../../../../test/support/pdf-text.js';
import { renderReceiptPdf } from './receipt-pdf.js';

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
    answers: [],
  };

  it('names the applicant, the project, the Paris date and time, and the whole SHA-256', async () => {
    const text = drawnText(await renderReceiptPdf({ ...base, locale: 'fr' }));
    expect(text).toContain('Accusé de réception de candidature');
    // The name once and the address once, each on its own line.
    expect(text).toContain('Zoé Lefèvre');
    expect(text.split('zoe@example.fr')).toHaveLength(2);
    expect(text).not.toContain('<');
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

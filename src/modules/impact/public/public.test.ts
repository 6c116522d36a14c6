import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { seedReportSeason } from './testing.js';

const DAY = 86_400_000;
let t: TestApp;
let laureateId: string;
let otherId: string;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  ({ laureateId, otherId } = await seedReportSeason(db(), t.app.services, t.clock));
});

afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('the public laureate page', () => {
  it('is not found under embargo, then shows only what is approved and published, and nothing personal', async () => {
    expect((await get(`/laureats/${laureateId}`)).statusCode).toBe(404);
    expect((await get('/laureats/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('/laureats/pas-un-id')).statusCode).toBe(404);

    t.clock.advance(2 * DAY);
    const page = await get(`/laureats/${laureateId}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<h1>Météo ouverte</h1>');
    expect(html).toContain('role="img"');
    expect(html).toMatch(
      /<title id="indicateur-[^"]+-title">Stations météo ouvertes : évolution dans le temps<\/title>/,
    );
    expect(html).toContain('<desc id="indicateur-');
    expect(html).toContain('1\u202f234,5'); // French figures
    expect(html).toContain('31 décembre 2025'); // French dates
    expect(html).toContain('Relevé &lt;b>');
    expect(html).toContain('PI4060');
    // The values not approved, as a French page would show them (777 777) or raw: never a bare "777", which a
    // random id in the page (indicateur-…-9994) can hold.
    for (const hidden of [
      '777\u202f777',
      '777777',
      '888\u202f888',
      '888888',
      '999\u202f999',
      '999999',
      'Indicateur interne',
      'Brouillon secret',
      'Jean Caché',
      'Déchets évités',
    ])
      expect(html).not.toContain(hidden);
    expect(html).toContain('Nos données servent enfin.');
    expect(html).toContain('Awa Diallo');
    expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/); // no e-mail address
    expect(html).toContain('Leviers mobilisés');
    expect(html).toContain('/saisons/saison-bilan/bilan');

    // The listing links each laureate to its page.
    expect((await get('/laureats')).body).toContain(`href="/laureats/${laureateId}"`);
    const lower = await get(`/laureats/${otherId}`);
    expect(lower.body).toContain('Plus la valeur est basse, mieux c’est.');
    expect(lower.body).toContain('Aucune valeur validée pour le moment.');
    expect(lower.body).toContain('Ce lauréat a été accompagné avant');
  });
});

describe('the season report', () => {
  it('gives the seeded figures on the page, in English too, and says plainly what a season lacks', async () => {
    const page = await get('/saisons/saison-bilan/bilan');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    const row = (label: string) =>
      new RegExp(`<th scope="row">${label}</th><td class="fr-cell--right">([^<]+)</td>`).exec(html)?.[1];
    expect(row('Candidatures déposées')).toBe('2');
    expect(row('Candidatures recevables')).toBe('2');
    expect(row('Lauréats')).toBe('2');
    expect(html).toContain('Aucune mise en relation n’a été réalisée pour cette saison.');
    expect(html).toContain('Aucune enveloppe de subvention');
    expect(html).toContain('Stations météo ouvertes');
    expect(html).toContain('href="/saisons/saison-bilan/bilan.pdf"');
    expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(html).not.toContain('Jean Caché');
    expect((await get('/saisons/saison-bilan')).body).toContain('href="/saisons/saison-bilan/bilan"');
    expect((await get('/saisons/inconnue/bilan')).statusCode).toBe(404);
    expect((await get('/saisons/inconnue/bilan.pdf')).statusCode).toBe(404);

    const english = await t.app.inject({ method: 'GET', url: '/saisons/saison-bilan/bilan', cookies: { lang: 'en' } });
    expect(english.body).toContain('Applications submitted');
  });

  it('is a valid A4 PDF with its title, language and the indicator chart drawn from the geometry', async () => {
    const { PDFDocument, PDFName } = await import('pdf-lib');
    const response = await get('/saisons/saison-bilan/bilan.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(pdf.getTitle()).toContain('Bilan de saison');
    expect(Math.round(pdf.getPage(0).getWidth())).toBe(595);
    const text = bytes.toString('latin1');
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(fr-FR)');
    // The chart's paths are drawn as PDF path operators (moveto, lineto, curveto for the circles).
    const { inflateSync } = await import('node:zlib');
    const streams = [...text.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].map((m) => {
      try {
        return inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
      } catch {
        return m[1];
      }
    });
    const content = streams.join('\n');
    expect(content).toMatch(/ c\n/);
    // Text is drawn as hex strings: decode them to read what the pages say.
    const words = [...content.matchAll(/<([0-9A-Fa-f]+)> Tj/g)]
      .map((m) => Buffer.from(m[1], 'hex').toString('latin1'))
      .join('\n');
    expect(words).toContain('Stations météo ouvertes');
    expect(words).toContain('Saison');
    expect(words).toContain('Valeurs validées'); // the chart's legend
    expect(words).toContain('1 234,5');
    expect(words).not.toContain('Jean Caché');
    const english = await get('/saisons/saison-bilan/bilan.pdf?lang=en');
    expect((await PDFDocument.load(english.rawPayload)).getTitle()).toContain('Season report');
  });
});

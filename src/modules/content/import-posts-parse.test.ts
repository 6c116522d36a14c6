import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSafeLinkUrl,
  type ParsedPost,
  parsePost,
  parsePostDate,
  sha256,
  slugOf,
  wordList,
} from './import-posts-parse.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/posts/', import.meta.url));

function fixture(name: string) {
  return parsePost(name, readFileSync(fixtures + name, 'utf8'));
}

function parsedFixture(name: string): ParsedPost {
  const result = fixture(name);
  if (!result.ok) throw new Error(`${name} was skipped: ${result.reason}`);
  return result.post;
}

function post(frontMatter: string, body = 'Corps.', fileName = '2024-01-01-essai.md') {
  return parsePost(fileName, `---\n${frontMatter}\n---\n${body}\n`);
}

describe('parsePostDate', () => {
  it('reads the offset forms Jekyll posts use', () => {
    expect(parsePostDate('2023-04-14 14:38:00 +02:00')?.toISOString()).toBe('2023-04-14T12:38:00.000Z');
    expect(parsePostDate('2023-04-14 14:38:00 +0200')?.toISOString()).toBe('2023-04-14T12:38:00.000Z');
    expect(parsePostDate('2023-04-14T14:38:00+02:00')?.toISOString()).toBe('2023-04-14T12:38:00.000Z');
    expect(parsePostDate('2023-04-14T14:38:00Z')?.toISOString()).toBe('2023-04-14T14:38:00.000Z');
    expect(parsePostDate('2022-11-29 11:26:00 +01:00')?.toISOString()).toBe('2022-11-29T10:26:00.000Z');
    expect(parsePostDate('2024-06-04 08:15 -0500')?.toISOString()).toBe('2024-06-04T13:15:00.000Z');
    expect(parsePostDate('2024-06-04 08:15:00.250 +00:00')?.toISOString()).toBe('2024-06-04T08:15:00.250Z');
  });

  it('reads a date only as midnight in Paris, summer and winter', () => {
    expect(parsePostDate('2024-03-15')?.toISOString()).toBe('2024-03-14T23:00:00.000Z');
    expect(parsePostDate('2024-07-01')?.toISOString()).toBe('2024-06-30T22:00:00.000Z');
  });

  it('reads a time without offset as Paris time, across daylight-saving changes', () => {
    expect(parsePostDate('2024-03-31 03:30:00')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(parsePostDate('2024-03-31 01:30:00')?.toISOString()).toBe('2024-03-31T00:30:00.000Z');
    expect(parsePostDate('2024-10-27 12:00')?.toISOString()).toBe('2024-10-27T11:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    for (const text of [
      'le 3 juin',
      '2024-13-01',
      '2024-02-30',
      '2024-02-29 24:00',
      '2024-01-01 10:61',
      '2024-01-01 10:00 +25:00',
      '',
      '2024/01/01',
      '2024-01-01 10:00 Europe/Paris',
    ]) {
      expect(parsePostDate(text), text).toBeNull();
    }
    expect(parsePostDate('2024-02-29')?.toISOString()).toBe('2024-02-28T23:00:00.000Z');
  });

  it('gives back the same instant for any date written in any of the three offset forms', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        fc.constantFrom('space-colon', 'space-compact', 'iso'),
        (date, quarterHours, form) => {
          const instant = new Date(Math.floor(date.getTime() / 1000) * 1000);
          const offsetMinutes = quarterHours * 15;
          const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString();
          const sign = offsetMinutes < 0 ? '-' : '+';
          const hh = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
          const mm = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
          const [day, time] = [local.slice(0, 10), local.slice(11, 19)];
          const text =
            form === 'space-colon'
              ? `${day} ${time} ${sign}${hh}:${mm}`
              : form === 'space-compact'
                ? `${day} ${time} ${sign}${hh}${mm}`
                : `${day}T${time}${sign}${hh}:${mm}`;
          expect(parsePostDate(text)?.getTime()).toBe(instant.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('slugOf and wordList', () => {
  it('drops the date prefix and extension and keeps a URL-safe slug', () => {
    expect(slugOf('2023-04-14-saison-2-communs.md')).toBe('saison-2-communs');
    expect(slugOf('2023-04-14-Élan Été!.markdown')).toBe('elan-ete');
    expect(slugOf('sans-date.md')).toBe('sans-date');
    expect(slugOf('2023-04-14-.md')).toBe('');
    expect(slugOf(`2023-04-14-${'mot-'.repeat(40)}fin.md`)).toBe('mot-'.repeat(25).slice(0, 99));
  });

  it('reads lists and space-separated strings, without blanks or repeats', () => {
    expect(wordList(['Article', ' Communiqué de presse ', '', null, 'Article'])).toEqual([
      'Article',
      'Communiqué de presse',
    ]);
    expect(wordList('a  b c a')).toEqual(['a', 'b', 'c']);
    expect(wordList(undefined)).toEqual([]);
    expect(wordList({ a: 1 })).toEqual([]);
  });
});

describe('parsePost on the fixtures', () => {
  it('reads a complete post: title, date with offset, categories, tags, chapeau, image, files, press contact', () => {
    const p = parsedFixture('2024-01-10-ouverture-saison-3.md');
    expect(p.source).toBe('jekyll:2024-01-10-ouverture-saison-3.md');
    expect(p.sourceHash).toBe(sha256(readFileSync(`${fixtures}2024-01-10-ouverture-saison-3.md`, 'utf8')));
    expect(p.slug).toBe('ouverture-saison-3');
    expect(p.title).toBe('Ouverture de la saison 3 : déposez votre commun');
    expect(p.publishedAt.toISOString()).toBe('2024-01-10T08:30:00.000Z');
    expect(p.categories).toEqual(['Communiqué de presse', 'Appel à projets']);
    expect(p.tags).toEqual(['saison-3', 'communs', 'candidatures']);
    expect(p.chapeau).toBe(
      "Le programme rouvre ses portes aux projets d'intérêt général portés par des associations et des administrations.",
    );
    expect(p.imageUrl).toBe('/uploads/2024/saison-3-affiche.png');
    expect(p.imageAlt).toBe('Affiche de la saison 3');
    expect(p.attachments).toEqual([
      { url: '/uploads/2024/reglement-saison-3.pdf', label: 'reglement-saison-3.pdf' },
      { url: '/uploads/2024/communique-saison-3.pdf', label: 'Télécharger le communiqué' },
      { url: 'https://example.org/dossier-de-presse.pdf', label: 'Dossier de presse' },
      { url: '/uploads/2024/annexe.odt', label: 'Annexe technique' },
    ]);
    expect(p.pressContact).toEqual({
      name: 'Camille Exemple',
      organisation: 'Service de presse du programme',
      email: 'presse@example.org',
      phone: '01 23 45 67 89',
    });
    expect(p.body.startsWith('# Ce qui change')).toBe(true);
    expect(p.body.endsWith('3. Être accompagné un an')).toBe(true);
  });

  it('reads the ISO date form, a single category string and repeated tags', () => {
    const p = parsedFixture('2024-02-03-format-iso.md');
    expect(p.publishedAt.toISOString()).toBe('2024-02-03T17:05:00.000Z');
    expect(p.categories).toEqual(['Article']);
    expect(p.tags).toEqual(['agenda']);
    expect(p.chapeau).toBeNull();
    expect(p.imageUrl).toBeNull();
    expect(p.attachments).toEqual([]);
    expect(p.pressContact).toBeNull();
  });

  it('reads a date without time as midnight in Paris, and a missing date from the file name', () => {
    expect(parsedFixture('2024-03-15-date-sans-heure.md').publishedAt.toISOString()).toBe('2024-03-14T23:00:00.000Z');
    const fromName = parsedFixture('2024-04-02-sans-champ-date.md');
    expect(fromName.publishedAt.toISOString()).toBe('2024-04-01T22:00:00.000Z');
    expect(fromName.tags).toEqual([]);
  });

  it('reads a press contact given as a list with other key names, a single file string and a single slide', () => {
    const p = parsedFixture('2024-06-04-contact-en-liste.md');
    expect(p.publishedAt.toISOString()).toBe('2024-06-04T13:15:00.000Z');
    expect(p.pressContact).toEqual({
      name: 'Dominique Modèle',
      organisation: 'Direction de la communication',
      email: 'dominique.modele@example.org',
      phone: '01 00 00 00 01, 06 00 00 00 02',
    });
    expect(p.attachments).toEqual([{ url: '/uploads/2024/seul-fichier.pdf', label: 'seul-fichier.pdf' }]);
    expect(p.imageUrl).toBe('https://images.example.org/photo.jpg');
    expect(p.imageAlt).toBe('Photo de groupe');
  });

  it('keeps a hostile body as written (it is sanitised when rendered)', () => {
    const p = parsedFixture('2024-05-20-contenu-hostile.md');
    expect(p.body).toContain('<script>');
  });

  it('gives a reason for every file it cannot read', () => {
    const yaml = fixture('2024-06-01-yaml-invalide.md');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) expect(yaml.reason).toMatch(/^invalid YAML front matter at line [3-5]: /);
    expect(fixture('2024-06-02-sans-titre.md')).toEqual({ ok: false, reason: 'missing title' });
    const date = fixture('2024-06-03-date-illisible.md');
    expect(date.ok).toBe(false);
    if (!date.ok) expect(date.reason).toContain('unreadable date "le 3 juin au matin"');
    const none = fixture('2024-07-02-sans-front-matter.md');
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reason).toContain('no front matter');
  });
});

describe('parsePost on odd shapes', () => {
  it('reports the line of a YAML error in the file', () => {
    const result = post('title: Bien\ndate: 2024-01-01\ntags: [a, b\nfiles: x');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/at line (4|5)/);
  });

  it('skips an unclosed front matter, a front matter that is not a mapping, an empty one and a blank title', () => {
    expect(parsePost('a.md', '---\ntitle: x\nbody')).toEqual({
      ok: false,
      reason: 'front matter is not closed (no second line ---)',
    });
    expect(post('- a\n- b')).toMatchObject({ ok: false, reason: expect.stringContaining('not a list of fields') });
    expect(post('')).toMatchObject({ ok: false, reason: expect.stringContaining('empty front matter') });
    expect(post('title: "   "')).toEqual({ ok: false, reason: 'missing title' });
    expect(post('title: x', 'b', '2024-01-01-.md')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('slug'),
    });
    expect(post('title: x', 'b', 'undated.md')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no date'),
    });
  });

  it('accepts CRLF line ends, a byte-order mark and a numeric title', () => {
    const result = parsePost(
      '2024-01-01-crlf.md',
      '\uFEFF---\r\ntitle: 2024\r\ndate: 2024-01-01 10:00:00 +01:00\r\n---\r\nLigne un\r\n',
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.post.title).toBe('2024');
      expect(result.post.publishedAt.toISOString()).toBe('2024-01-01T09:00:00.000Z');
      expect(result.post.body).toBe('Ligne un');
    }
  });

  it('drops unsafe image and file URLs, keeps safe ones as given', () => {
    const result = post(
      'title: x\nune-ou-diaporama:\n- image: "javascript:alert(1)"\n- image: "//evil.example/a.png"\n- image: http://plain.example/a.png\n- image: /ok.png\n  legend: Légende\nfiles:\n- data:text/html,hi\n- vbscript:x\n- //evil.example/f.pdf\n- uploads/relatif.pdf\n- mailto:presse@example.org\n- {file: "", nom: vide}\n- 42',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.post.imageUrl).toBe('/ok.png');
    expect(result.post.imageAlt).toBe('Légende');
    expect(result.post.attachments.map((a) => a.url)).toEqual(['uploads/relatif.pdf', 'mailto:presse@example.org']);
  });

  it('isSafeLinkUrl refuses script-like schemes', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:x',
      'data:x',
      'vbscript:x',
      '//x.example/a',
      'java\tscript:x',
    ])
      expect(isSafeLinkUrl(url), url).toBe(false);
    for (const url of ['/a.pdf', 'a.pdf', 'https://x.example/a.pdf', 'http://x.example', 'mailto:a@b.c'])
      expect(isSafeLinkUrl(url), url).toBe(true);
  });

  it('reads a press contact given as a plain name, and ignores one with no content', () => {
    const named = post('title: x\ncontact-presse: Service de presse');
    expect(named.ok && named.post.pressContact).toEqual({
      name: 'Service de presse',
      organisation: null,
      email: null,
      phone: null,
    });
    const empty = post('title: x\ncontact-presse:\n  name:\n  tel: []\n  Key:');
    expect(empty.ok && empty.post.pressContact).toBeNull();
  });

  it('never throws, whatever the file holds', () => {
    const fragment = fc.constantFrom(
      '---',
      '\n',
      'title: ',
      'date: ',
      '2024-01-01',
      ' +02:00',
      '[',
      ']',
      '{',
      '}',
      ': ',
      '- ',
      '"',
      "'",
      'files:',
      'contact-presse:',
      'une-ou-diaporama:',
      '  ',
      'x',
      '#',
      '&a',
      '*a',
      '!!binary',
      '%YAML 1.1',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.string({ maxLength: 40 }), (parts, name) => {
        const result = parsePost(`${name}.md`, parts.join(''));
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

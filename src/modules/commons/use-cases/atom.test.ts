import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { atomXml, xmlText } from './atom.js';

type Node = Record<string, unknown> & { _text?: string; _attributes?: Record<string, string> };

const feed = (entries: Parameters<typeof atomXml>[0]['entries']) =>
  atomXml({
    id: 'https://example.org/cooperation/cas-d-usage',
    title: 'Cas d’usage',
    self: 'https://example.org/cooperation/cas-d-usage.atom',
    alternate: 'https://example.org/cooperation/cas-d-usage',
    emptyUpdated: new Date('2026-01-01T00:00:00Z'),
    author: 'Accélérateur',
    language: 'fr',
    entries,
  });

describe('the Atom writer', () => {
  it('writes a feed with its id, updated, self and alternate links and entries with urn:uuid ids', () => {
    const xml = feed([
      {
        uuid: '0b9f6a2e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
        title: 'Carte <b>des</b> sentiers & co',
        summary: 'Résumé "cité"',
        link: 'https://example.org/cooperation/cas-d-usage/0b9f6a2e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
        updated: new Date('2026-03-02T10:00:00Z'),
        author: 'Mairie d’Ici',
        categories: ['exploration'],
      },
    ]);
    const parsed = xml2js(xml, { compact: true }) as { feed: Node };
    const root = parsed.feed;
    expect((root._attributes as Record<string, string>).xmlns).toBe('http://www.w3.org/2005/Atom');
    expect((root.id as Node)._text).toBe('https://example.org/cooperation/cas-d-usage');
    expect((root.updated as Node)._text).toBe('2026-03-02T10:00:00.000Z');
    const links = root.link as Node[];
    expect(links.map((l) => l._attributes?.rel)).toEqual(['self', 'alternate']);
    const entry = root.entry as Node;
    expect((entry.id as Node)._text).toBe('urn:uuid:0b9f6a2e-3c1d-4e5f-8a7b-9c0d1e2f3a4b');
    expect((entry.title as Node)._text).toBe('Carte <b>des</b> sentiers & co');
    expect((entry.summary as Node)._text).toBe('Résumé "cité"');
  });

  it('uses the fallback date when there is no entry', () => {
    const parsed = xml2js(feed([]), { compact: true }) as { feed: Node };
    expect((parsed.feed.updated as Node)._text).toBe('2026-01-01T00:00:00.000Z');
    expect(parsed.feed.entry).toBeUndefined();
  });

  it('stays well-formed XML whatever the texts hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (title, summary) => {
        const xml = feed([
          {
            uuid: '0b9f6a2e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
            title,
            summary,
            link: `https://example.org/x?a=1&b=${encodeURIComponent(title)}`,
            updated: new Date('2026-03-02T10:00:00Z'),
            author: summary,
          },
        ]);
        const parsed = xml2js(xml, { compact: true }) as { feed: { entry: Node } };
        expect(parsed.feed.entry.id).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('escapes the five XML specials and drops what XML forbids', () => {
    expect(xmlText(`<a href="x">'&'</a>\u0001\ufffe`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(xmlText('\ud800x\udc00')).toBe('x');
    expect(xmlText('😀')).toBe('😀');
  });
});

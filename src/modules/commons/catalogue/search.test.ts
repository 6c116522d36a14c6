import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, findPostgresServer } from '../../../../test/support/postgres.js';
import { createTestDatabase } from '../../../../test/support/test-app.js';
import { foldAccents } from '../../../algorithms/text/index.js';
import { type Database, openDatabase } from '../../../core/db/database.js';
import { migrateToLatest } from '../../../core/db/migrate.js';
import { modules } from '../../index.js';
import { insertCommons } from '../testing.js';
import { readLicence } from './licence.js';
import { listCatalogue } from './queries.js';
import { compareNames, matchScore, queryTerms, type SearchableCommons } from './search.js';

/** The catalogue's search, hard: properties of the matching, and the same answers on PGlite and PostgreSQL. */

const word = fc.stringMatching(/^[a-zàâäçéèêëîïôöùûüœ]{3,12}$/);
const commonsArb: fc.Arbitrary<SearchableCommons> = fc.record({
  name: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  summary: fc.array(word, { maxLength: 8 }).map((w) => w.join(' ')),
  description: fc.array(word, { maxLength: 20 }).map((w) => w.join(' ')),
  keywords: fc.array(word, { maxLength: 4 }),
  categories: fc.array(word, { maxLength: 3 }),
});

/** Accents and capitals changed at random: what a person may type for the same words. */
const retyped = (text: string, flips: boolean[]) =>
  [...text]
    .map((c, i) => {
      const folded = foldAccents(c);
      const base = flips[i % flips.length] ? folded : c;
      return flips[(i + 1) % flips.length] ? base.toUpperCase() : base;
    })
    .join('');

describe('matching a query', () => {
  it('finds a commons by any word of its name, however accents and capitals are typed', () => {
    fc.assert(
      fc.property(commonsArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (commons, flips) => {
        for (const w of commons.name.split(' ')) {
          const terms = queryTerms(retyped(w, flips));
          if (terms.length === 0) continue; // a stop word
          expect(matchScore(terms, commons)).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('scores the same whatever the accents and capitals of the query', () => {
    fc.assert(
      fc.property(
        commonsArb,
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 1 }),
        (commons, words, flips) => {
          const query = words.join(' ');
          expect(matchScore(queryTerms(retyped(query, flips)), commons)).toBe(matchScore(queryTerms(query), commons));
        },
      ),
    );
  });

  it('narrows as words are added (every word must match), and an empty query keeps everything', () => {
    fc.assert(
      fc.property(commonsArb, fc.array(word, { minLength: 1, maxLength: 3 }), word, (commons, words, extra) => {
        const fewer = matchScore(queryTerms(words.join(' ')), commons);
        const more = matchScore(queryTerms([...words, extra].join(' ')), commons);
        if (fewer === 0) expect(more).toBe(0);
        expect(matchScore([], commons)).toBe(1);
      }),
    );
  });

  it('orders names the French way, whatever the case and accents', () => {
    expect(['École', 'eau', 'Zèbre', 'étoile', 'Arbre'].sort(compareNames)).toEqual([
      'Arbre',
      'eau',
      'École',
      'étoile',
      'Zèbre',
    ]);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 10 }), (names) => {
        const sorted = [...names].sort(compareNames);
        expect([...sorted].reverse().sort(compareNames)).toEqual(sorted);
      }),
    );
  });

  it('never throws on any text, query or licence', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (query, text) => {
        const commons = { name: text, summary: text, description: text, keywords: [text], categories: [] };
        expect(matchScore(queryTerms(query), commons)).toBeGreaterThanOrEqual(0);
        expect(typeof readLicence(text).ok).toBe('boolean');
      }),
    );
  });
});

describe('the same answers on PGlite and on a PostgreSQL server', () => {
  let pglite: Database;
  let server: (Database & { drop(): Promise<void> }) | undefined;

  beforeAll(async () => {
    pglite = await createTestDatabase();
    const url = await findPostgresServer();
    if (!url) {
      console.log('search: no PostgreSQL server answers; the comparison runs on PGlite only');
      return;
    }
    const scratch = await createScratchDatabase(url, 'acc_search');
    const opened = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    await migrateToLatest(opened.db, modules);
    server = { ...opened, drop: async () => (await opened.close(), await scratch.drop()) };
  }, 240_000);

  afterAll(async () => {
    await pglite?.close();
    await server?.drop();
  });

  it('lists, filters and searches identically', async () => {
    const rows: Parameters<typeof insertCommons>[2][] = [
      {
        name: 'Données Publiques',
        description: 'Un portail de données.',
        categories: ['Open data'],
        levers: ['coaching'],
      },
      { name: 'donnees brutes', summary: 'DONNÉES en vrac.', kind: 'data', categories: ['Open data'] },
      { name: 'Éducation Libre', keywords: ['école', 'élèves'], categories: ['Éducation'] },
      { name: 'eau potable', description: 'L’eau et la donnée.', levers: ['coaching', 'reseaux'] },
      { name: 'Œuvres communes', summary: 'Des œuvres libres.', kind: 'content' },
      { name: 'Zèbre', summary: 'Rayures.' },
      { name: 'Ancien', hidden: true, description: 'données' },
    ];
    const now = new Date('2026-12-01T10:00:00Z');
    const engines = [pglite, ...(server ? [server] : [])];
    for (const engine of engines) for (const row of rows) await insertCommons(engine.db, now, row);
    const filters = [
      {},
      { q: 'données' },
      { q: 'DONNEE' },
      { q: 'oeuvre' },
      { q: 'ecole eleve' },
      { q: 'l’eau' },
      { category: 'Open data' },
      { lever: 'coaching' },
      { kind: 'data' as const },
      { q: 'donnees', lever: 'coaching' },
    ];
    for (const filter of filters) {
      const answers = [];
      for (const engine of engines) {
        const page = await listCatalogue(engine.db, filter, { page: 1, pageSize: 20 });
        answers.push({ total: page.total, names: page.items.map((i) => i.name) });
      }
      if (server) expect(answers[1], JSON.stringify(filter)).toEqual(answers[0]);
      expect(answers[0].names).not.toContain('Ancien');
    }
    const all = await listCatalogue(pglite.db, {}, { page: 1, pageSize: 20 });
    expect(all.items.map((i) => i.name)).toEqual([
      'donnees brutes',
      'Données Publiques',
      'eau potable',
      'Éducation Libre',
      'Œuvres communes',
      'Zèbre',
    ]);
    expect(
      (await listCatalogue(pglite.db, { q: 'données' }, { page: 1, pageSize: 20 })).items.map((i) => i.name),
    ).toEqual(['donnees brutes', 'Données Publiques', 'eau potable']);
  }, 120_000);
});

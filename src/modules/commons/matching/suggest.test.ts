import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explains,
  type MatchCandidate,
  type MatchQuery,
  NATIONAL,
  type RelatedItem,
  scoreCandidates,
  suggest,
  surfaceWords,
  WEIGHTS,
} from './suggest.js';

/** A small French vocabulary, so that random texts share words often enough to exercise every signal. */
const WORDS = [
  'cartographie',
  'données',
  'ouvertes',
  'vélo',
  'école',
  'cantine',
  'météo',
  'capteurs',
  'bibliothèque',
  'logiciel',
  'formulaire',
  'agents',
  'collectivité',
  'citoyens',
  'hébergement',
  'accessibilité',
  'transport',
  'énergie',
  'forêt',
  'incendie',
];
const LEVERS = ['donnees-outils', 'coaching', 'financement-juridique', 'reseaux'];
const TERRITORIES = [NATIONAL, 'R53', 'R11', 'D35', 'D75'];

const word = fc.constantFrom(...WORDS);
const text = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));
const tags = fc.uniqueArray(word, { maxLength: 4 });
const levers = fc.uniqueArray(fc.constantFrom(...LEVERS), { maxLength: 2 });
const territory = fc.constantFrom(...TERRITORIES);

const relatedItem: fc.Arbitrary<RelatedItem> = fc.record({
  kind: fc.constantFrom('use-case' as const, 'need' as const),
  id: fc.uuid(),
  title: fc.string({ maxLength: 20 }),
  administration: fc.string({ maxLength: 20 }),
  text,
});

const candidate: fc.Arbitrary<MatchCandidate> = fc.record({
  id: fc.uuid(),
  name: fc.string({ maxLength: 12 }),
  text,
  tags,
  levers,
  territories: fc.uniqueArray(territory, { maxLength: 2 }),
  related: fc.array(relatedItem, { maxLength: 3 }),
});
const candidates = fc.uniqueArray(candidate, { maxLength: 8, selector: (c) => c.id });

const query: fc.Arbitrary<MatchQuery> = fc.record({
  text,
  tags,
  levers,
  territory: fc.option(territory, { nil: null }),
});

const nothing = (id: string, name: string): MatchCandidate => ({
  id,
  name,
  text: '',
  tags: [],
  levers: [],
  territories: [],
  related: [],
});

describe('explained suggestions (properties)', () => {
  it('scores every candidate in [0, 1], each part in [0, 1] too', () => {
    fc.assert(
      fc.property(query, candidates, (q, cs) => {
        for (const s of scoreCandidates(q, cs)) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
          for (const part of Object.values(s.parts)) {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never shows a suggestion without an explanation, nor one scoring 0', () => {
    fc.assert(
      fc.property(query, candidates, (q, cs) => {
        for (const s of suggest(q, cs, { limit: 100 })) {
          expect(s.score).toBeGreaterThan(0);
          expect(explains(s.explanation)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives 0 to a candidate sharing nothing, and does not show it', () => {
    fc.assert(
      fc.property(query, candidates, fc.uuid(), (q, cs, id) => {
        // Text, tags and levers the query does not have; no related item; the query's own territory.
        const loner: MatchCandidate = {
          ...nothing(id, 'Seul'),
          text: 'zzz quux frobnication',
          tags: ['xylophone'],
          levers: ['levier-inconnu'],
          territories: q.territory ? [q.territory] : [NATIONAL],
        };
        const all = [...cs.filter((c) => c.id !== id), loner];
        const scored = scoreCandidates(q, all).find((s) => s.candidate.id === id)!;
        expect(scored.score).toBe(0);
        expect(suggest(q, all, { limit: 100 }).some((s) => s.candidate.id === id)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('orders the same whatever the order of the candidates: score, then name, then id', () => {
    fc.assert(
      fc.property(
        query,
        candidates.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length }))),
        (q, [cs, shuffled]) => {
          const ids = (list: MatchCandidate[]) => suggest(q, list, { limit: 100 }).map((s) => s.candidate.id);
          expect(ids(shuffled)).toEqual(ids(cs));
          const shown = suggest(q, cs, { limit: 100 });
          for (let i = 1; i < shown.length; i++) expect(shown[i - 1].score).toBeGreaterThanOrEqual(shown[i].score);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input gives the same suggestions and explanations', () => {
    fc.assert(
      fc.property(query, candidates, (q, cs) => {
        expect(suggest(q, cs)).toEqual(suggest(q, cs));
      }),
      { numRuns: 100 },
    );
  });

  it('never lowers a score when a candidate gains a keyword of the query (monotonicity)', () => {
    fc.assert(
      fc.property(
        query.filter((q) => q.text !== ''),
        candidates.filter((cs) => cs.length > 0),
        fc.nat(),
        fc.nat(),
        (q, cs, which, wordIndex) => {
          const index = which % cs.length;
          const queryWords = q.text.split(' ');
          const keyword = queryWords[wordIndex % queryWords.length];
          const before = scoreCandidates(q, cs);
          const richer = cs.map((c, i) => (i === index ? { ...c, tags: [...c.tags, keyword] } : c));
          const after = scoreCandidates(q, richer);
          expect(after[index].score).toBeGreaterThanOrEqual(before[index].score);
          expect(after[index].score).toBeGreaterThan(0);
          expect(after[index].explanation.tags.length).toBeGreaterThan(0);
          // The others' scores do not move.
          after.forEach((s, i) => {
            if (i !== index) expect(s.score).toBe(before[i].score);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps at most `limit` suggestions', () => {
    fc.assert(
      fc.property(query, candidates, fc.integer({ min: 0, max: 5 }), (q, cs, limit) => {
        expect(suggest(q, cs, { limit }).length).toBeLessThanOrEqual(limit);
      }),
    );
  });
});

describe('explained suggestions (examples)', () => {
  const umap: MatchCandidate = {
    id: '1',
    name: 'uMap',
    text: 'uMap. Créer des cartes personnalisées sur fond OpenStreetMap et les publier sur un site.',
    tags: ['cartographie', 'OpenStreetMap'],
    levers: ['donnees-outils'],
    territories: [NATIONAL],
    related: [
      {
        kind: 'use-case',
        id: 'u1',
        title: 'Carte des pistes cyclables',
        administration: 'Métropole de Rennes',
        text: 'Carte des pistes cyclables et des stationnements vélo publiée sur le site de la métropole.',
      },
    ],
  };
  const cantine: MatchCandidate = {
    id: '2',
    name: 'Cantine libre',
    text: 'Gestion des menus et des inscriptions à la cantine scolaire.',
    tags: ['restauration scolaire'],
    levers: ['coaching'],
    territories: ['R53'],
    related: [],
  };
  const need: MatchQuery = {
    text: 'Publier une carte des stationnements vélo sur le site de la commune',
    tags: [],
    levers: ['donnees-outils'],
    territory: 'D35',
  };

  it('explains with the words as the need wrote them, the lever, the territory and the similar use case', () => {
    const [first, ...rest] = suggest(need, [cantine, umap]);
    expect(first.candidate.name).toBe('uMap');
    expect(rest).toEqual([]);
    expect(first.explanation.words).toEqual(expect.arrayContaining(['publier', 'site']));
    expect(first.explanation.levers).toEqual(['donnees-outils']);
    expect(first.explanation.territory).toBe(NATIONAL);
    expect(first.explanation.similar).toMatchObject({
      title: 'Carte des pistes cyclables',
      administration: 'Métropole de Rennes',
    });
    expect(first.parts.territory).toBe(1);
  });

  it('counts a category the need names, and a query tag the candidate’s text holds', () => {
    const [s] = suggest({ ...need, text: 'Un outil de cartographie pour les agents' }, [umap]);
    expect(s.explanation.tags).toEqual(['cartographie']);
    const [t] = suggest({ text: '', tags: ['Restauration scolaire'], levers: [], territory: null }, [cantine]);
    expect(t.explanation.tags).toEqual(['restauration scolaire']);
    const [u] = suggest({ text: '', tags: ['Cantine'], levers: [], territory: null }, [cantine]);
    expect(u.explanation.tags).toEqual(['Cantine']);
  });

  it('never suggests on the territory alone', () => {
    const q: MatchQuery = { text: 'sans rapport', tags: [], levers: [], territory: 'R53' };
    expect(suggest(q, [cantine])).toEqual([]);
  });

  it('adds the territory bonus to what is already shared', () => {
    const q: MatchQuery = { text: '', tags: [], levers: ['coaching'], territory: 'R53' };
    const [s] = suggest(q, [cantine]);
    expect(s.score).toBeCloseTo(WEIGHTS.lever + WEIGHTS.territory);
    expect(s.explanation.territory).toBe('R53');
  });

  it('breaks ties by name', () => {
    const a = { ...nothing('b', 'Bêta'), levers: ['coaching'] };
    const b = { ...nothing('a', 'alpha'), levers: ['coaching'] };
    const c = { ...nothing('c', 'Alpha'), levers: ['coaching'] };
    const q: MatchQuery = { text: '', tags: [], levers: ['coaching'], territory: null };
    expect(suggest(q, [a, b, c]).map((s) => s.candidate.name)).toEqual(['Alpha', 'alpha', 'Bêta']);
  });

  it('finds each term’s word as written, elisions removed', () => {
    const words = surfaceWords('L’accès aux Données de l’État');
    expect([...words.values()]).toEqual(['accès', 'données', 'état']);
  });

  it('does not count a related item sharing a single word', () => {
    const lonely: MatchCandidate = {
      ...nothing('3', 'Solo'),
      related: [{ kind: 'use-case', id: 'x', title: 'T', administration: 'A', text: 'vélo' }],
    };
    expect(suggest({ text: 'vélo électrique', tags: [], levers: [], territory: null }, [lonely])).toEqual([]);
  });
});

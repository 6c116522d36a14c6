import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchMatcher } from './search.js';
import { isTerritory, TERRITORY_CODES, TERRITORY_DEPARTEMENTS, territoriesWithin } from './territories.js';

describe('the French search of the lists', () => {
  it('folds accents and plurals both ways, and matches the start of words', () => {
    const match = searchMatcher('donnees ecole')!;
    expect(match('Les données des écoles de la ville')).toBe(true);
    expect(match('Les données de la ville')).toBe(false);
    expect(searchMatcher('Numér')!('Un commun numérique')).toBe(true);
    expect(searchMatcher('ÉCOLES')!('école primaire')).toBe(true);
  });

  it('matches nothing with signs that appear nowhere, and is off for an empty search', () => {
    expect(searchMatcher('%')!('100 pour cent')).toBe(false);
    expect(searchMatcher('   ')).toBeNull();
  });

  it('finds any record by any word of its own text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('cartographie', 'écoles', 'santé', 'données', 'collectivités', 'logiciel'), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.nat(),
        (words, pick) => {
          const text = words.join(' ');
          expect(searchMatcher(words[pick % words.length]!)!(text)).toBe(true);
        },
      ),
    );
  });

  it('never throws on any typed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (query, text) => {
        const match = searchMatcher(query);
        if (match) expect(typeof match(text)).toBe('boolean');
      }),
    );
  });
});

describe('territories', () => {
  it('has 18 regions and 101 départements, each département in a known region', () => {
    expect(TERRITORY_CODES.filter((c) => c.startsWith('R'))).toHaveLength(18);
    expect(TERRITORY_DEPARTEMENTS).toHaveLength(101);
    for (const d of TERRITORY_DEPARTEMENTS) expect(isTerritory(d.region!)).toBe(true);
  });

  it('a region takes in its départements; a département only itself; an unknown code nothing', () => {
    expect(territoriesWithin('R53').sort()).toEqual(['D22', 'D29', 'D35', 'D56', 'R53']);
    expect(territoriesWithin('D69')).toEqual(['D69']);
    expect(territoriesWithin('FR')).toEqual(['FR']);
    expect(territoriesWithin('X')).toEqual([]);
  });
});

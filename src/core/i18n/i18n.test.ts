import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countForm, formatList, t, tCount } from './i18n.js';

const LAUREATES = {
  one: { fr: '{n} lauréat', en: '{n} laureate' },
  other: { fr: '{n} lauréats', en: '{n} laureates' },
};

describe('counts in natural French and English', () => {
  it('takes the singular for 0 and 1 in French, for 1 only in English', () => {
    expect([0, 1, 2, 9].map((n) => tCount('fr', LAUREATES, n))).toEqual([
      '0 lauréat',
      '1 lauréat',
      '2 lauréats',
      '9 lauréats',
    ]);
    expect([0, 1, 2].map((n) => tCount('en', LAUREATES, n))).toEqual(['0 laureates', '1 laureate', '2 laureates']);
  });

  it('fills the other placeholders and never writes "(s)"', () => {
    const sought = {
      one: { fr: '{n} lauréat recherché en {season}', en: '{n} laureate sought in {season}' },
      other: { fr: '{n} lauréats recherchés en {season}', en: '{n} laureates sought in {season}' },
    };
    fc.assert(
      fc.property(fc.nat(10_000), fc.constantFrom('fr' as const, 'en' as const), (n, locale) => {
        const text = tCount(locale, sought, n, { season: 'saison 2' });
        expect(text.startsWith(`${n} `)).toBe(true);
        expect(text).toContain('saison 2');
        expect(text).not.toContain('(s)');
        expect(text.includes('lauréats') || text.includes('laureates')).toBe(locale === 'fr' ? n > 1 : n !== 1);
      }),
    );
  });
});

describe('lists of counts', () => {
  it('joins items as each language writes a list', () => {
    const items = ['2 besoins', '1 expérimentation', '3 mainteneurs'];
    expect(formatList('fr', items)).toBe('2 besoins, 1 expérimentation et 3 mainteneurs');
    expect(formatList('en', ['2 needs', '1 experiment', '3 maintainers'])).toBe(
      '2 needs, 1 experiment and 3 maintainers',
    );
    expect(formatList('fr', ['1 besoin'])).toBe('1 besoin');
  });
});

describe('a count kept as a message', () => {
  it('holds each language’s form for the count, written later with t', () => {
    const one = countForm(LAUREATES, 1);
    const none = countForm(LAUREATES, 0);
    expect(one).toEqual({ fr: '{n} lauréat', en: '{n} laureate' });
    expect(t('fr', none, { n: 0 })).toBe('0 lauréat');
    expect(t('en', none, { n: 0 })).toBe('0 laureates');
    expect(t('en', countForm(LAUREATES, 9), { n: 9 })).toBe('9 laureates');
  });
});

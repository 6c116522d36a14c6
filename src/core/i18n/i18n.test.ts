import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countForm, formatDateWith, formatList, formatNumber, t, tCount } from './i18n.js';

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

describe('numbers and dates with kept formatters', () => {
  it('writes numbers as each locale does, whatever formatters were built before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('fr' as const, 'en' as const), fc.integer({ min: 0, max: 3 })), {
          maxLength: 20,
        }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (earlier, value) => {
          // Interleaved calls with other options must not hand a formatter to the wrong locale or digits.
          for (const [locale, digits] of earlier) formatNumber(locale, 1.5, { maximumFractionDigits: digits });
          for (const locale of ['fr', 'en'] as const)
            for (const digits of [0, 2])
              expect(formatNumber(locale, value, { maximumFractionDigits: digits })).toBe(
                new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(
                  value,
                ),
              );
        },
      ),
    );
  });

  it('formats euros and dates in French and English', () => {
    expect(formatNumber('fr', 12000.5, { style: 'currency', currency: 'EUR' })).toBe('12\u202f000,50\u00a0€');
    expect(formatNumber('en', 12000.5, { style: 'currency', currency: 'EUR' })).toBe('€12,000.50');
    const day = new Date('2026-12-31T00:00:00Z');
    expect(formatDateWith('fr', day, { timeZone: 'UTC', dateStyle: 'long' })).toBe('31 décembre 2026');
    expect(formatDateWith('en', day, { timeZone: 'UTC', dateStyle: 'long' })).toBe('31 December 2026');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/i18n/i18n.js';
import {
  APPEAL_TEXT,
  DEFAULT_TEMPLATES,
  fillPlaceholders,
  NOTICE_KINDS,
  PLACEHOLDERS,
  placeholdersIn,
  unknownPlaceholders,
} from './notice-templates.js';
import { anonymiseComments, composeNotice, formatEuros, reasonsText, renderDraft } from './render-notice.js';

const plain = fc.string({ maxLength: 30 }).map((s) => s.replace(/[{}]/g, ''));
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);

describe('placeholders', () => {
  it('finds no unknown placeholder in text made of known ones', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, fc.constantFrom(...PLACEHOLDERS))), (parts) => {
        const text = parts.map(([t, p]) => `${t}{${p}}`).join('');
        expect(unknownPlaceholders(text)).toEqual([]);
      }),
    );
  });

  it('reports every unknown placeholder', () => {
    fc.assert(
      fc.property(plain, name, plain, (before, unknown, after) => {
        fc.pre(!(PLACEHOLDERS as readonly string[]).includes(unknown));
        expect(unknownPlaceholders(`${before}{${unknown}}${after}`)).toEqual([unknown]);
      }),
    );
  });

  it('fills the placeholders it is given, and only those', () => {
    fc.assert(
      fc.property(plain, plain, (projet, before) => {
        const filled = fillPlaceholders(`${before}{projet} {date_limite}`, { projet });
        expect(filled).toBe(`${before}${projet} {date_limite}`);
      }),
    );
  });

  it('writes default templates with known placeholders only, and every refusal names its reasons', () => {
    for (const kind of NOTICE_KINDS)
      for (const locale of LOCALES) {
        const template = DEFAULT_TEMPLATES[kind][locale];
        expect(unknownPlaceholders(template.subject + template.body)).toEqual([]);
        expect(placeholdersIn(template.body)).toContain('lien');
      }
    expect(DEFAULT_TEMPLATES.not_selected.fr.body).toContain('{motifs}');
    expect(DEFAULT_TEMPLATES.not_selected.en.body).toContain('{motifs}');
  });
});

describe('a notice', () => {
  const facts = {
    kind: 'not_selected' as const,
    locale: 'fr' as const,
    applicationId: '00000000-0000-4000-8000-000000000001',
    title: 'Fablab',
    seasonName: 'Saison 2',
    reasons: ['Objectif d’intérêt général'],
    reasonText: 'Budget à préciser.',
    amountCents: null,
    waitlistPosition: null,
  };

  it('leaves only the deadline to fill when sending', () => {
    for (const kind of NOTICE_KINDS)
      for (const locale of LOCALES) {
        const draft = renderDraft(DEFAULT_TEMPLATES[kind][locale], { ...facts, kind, locale }, 'https://a.example');
        expect(placeholdersIn(draft.subject + draft.body).filter((p) => p !== 'date_limite')).toEqual([]);
      }
  });

  it('adds the appeal routes to every refusal, whatever its text, and to nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.constantFrom(...NOTICE_KINDS), plain, (locale, kind, body) => {
        const text = composeNotice({ kind, locale, body, deadline: null, comments: [] });
        expect(text.includes(APPEAL_TEXT[locale].body)).toBe(kind === 'not_selected');
      }),
    );
    expect(APPEAL_TEXT.fr.body).toMatch(/deux mois/);
    expect(APPEAL_TEXT.fr.body).toMatch(/R\. 421-1 et R\. 421-5 du code de justice administrative/);
    expect(APPEAL_TEXT.en.body).toMatch(/two months/);
  });

  it('states the reasons as a list, then the committee’s words', () => {
    expect(reasonsText('fr', ['A', 'B'], ' Texte. ')).toBe('– A\n– B\nTexte.');
    expect(reasonsText('en', [], '')).toBe('—');
  });

  it('writes amounts as people read them', () => {
    expect(formatEuros('fr', 1_500_000)).toBe('15 000 €');
    expect(formatEuros('fr', 1_234_550)).toBe('12 345,50 €');
    expect(formatEuros('en', 1_500_000)).toBe('€15,000');
  });
});

describe('anonymised comments', () => {
  it('never carry a jury member’s name, whatever the case', () => {
    const word = fc.stringMatching(/^[A-Za-z]{3,10}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 3 }), plain, (people, text) => {
        const names = people.map(([given, family]) => `${given} ${family}`);
        const comments = names.map((n, i) => `${text} ${i % 2 ? n.toUpperCase() : n} ${text}`);
        for (const comment of anonymiseComments(comments, names))
          for (const [given, family] of people) {
            expect(comment.toLowerCase()).not.toContain(given.toLowerCase());
            expect(comment.toLowerCase()).not.toContain(family.toLowerCase());
          }
      }),
    );
  });
});

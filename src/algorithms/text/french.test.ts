import { describe, expect, it } from 'vitest';
import { Bm25Index } from './bm25.js';
import { foldAccents, stem, terms } from './french.js';

describe('French text terms', () => {
  it('folds accents, drops elisions and stop words', () => {
    expect(foldAccents('Éducation numérique œuvre')).toBe('Education numerique oeuvre');
    expect(terms("L’accès aux données de l'État et les communs")).toEqual(['acc', 'donne', 'etat', 'commun']);
  });

  it('gives singular and plural, and derived forms, the same stem', () => {
    for (const [a, b] of [
      ['numérique', 'numériques'],
      ['donnée', 'données'],
      ['journal', 'journaux'],
      ['réseau', 'réseaux'],
      ['collectivité', 'collectivités'],
      ['association', 'associations'],
    ]) {
      expect(terms(a)).toEqual(terms(b));
    }
    expect(stem('ab')).toBe('ab');
  });
});

describe('BM25', () => {
  const index = new Bm25Index([
    'Données ouvertes, open data, API publiques et interopérabilité',
    'Accompagnement juridique des associations, statuts, financement',
    'Cartographie, stations météo, capteurs citoyens et données environnementales',
  ]);

  it('ranks the reviewer whose expertise matches the application first', () => {
    const scores = index.normalisedScores('Une API pour publier les données ouvertes de la commune');
    expect(scores[0]).toBe(1);
    expect(scores[0]).toBeGreaterThan(scores[2]);
    expect(scores[1]).toBe(0);
    expect(index.normalisedScores('Statuts de l’association et financement')[1]).toBe(1);
  });

  it('scores 0 everywhere when nothing matches', () => {
    expect(index.normalisedScores('le la les')).toEqual([0, 0, 0]);
  });
});

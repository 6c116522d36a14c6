import { foldAccents, terms } from '../../../algorithms/text/index.js';

/**
 * The catalogue's French full-text search, done in the use case with the jury's French text code
 * (algorithms/text/french.ts): the query and each commons' name, summary, description, keywords and
 * categories become index terms (lower case, accents folded, elisions and stop words removed, lightly
 * stemmed), so "données", "Donnees" and "donnée" find the same commons. Being plain TypeScript over the rows,
 * it answers the same on PGlite and on a PostgreSQL server, whatever the server's locale or extensions.
 *
 * Every query term must match a term of the commons (the same term, or the start of a longer one when the
 * query term has 3 letters or more: "carto" finds "cartographie"). Matches in the name weigh most, then
 * keywords and categories, then the summary, then the description.
 */

export interface SearchableCommons {
  name: string;
  summary: string;
  description: string;
  keywords: string[];
  categories: string[];
}

/** The distinct index terms of a query, at most 12 (a longer query is cut, never refused). */
export function queryTerms(query: string): string[] {
  return [...new Set(terms(query.slice(0, 500)))].slice(0, 12);
}

interface IndexedField {
  weight: number;
  terms: Set<string>;
}

function indexed(commons: SearchableCommons): IndexedField[] {
  return [
    { weight: 8, terms: new Set(terms(commons.name)) },
    { weight: 4, terms: new Set(terms([...commons.keywords, ...commons.categories].join(' , '))) },
    { weight: 2, terms: new Set(terms(commons.summary)) },
    { weight: 1, terms: new Set(terms(commons.description)) },
  ];
}

function fieldMatches(field: Set<string>, term: string): boolean {
  if (field.has(term)) return true;
  if (term.length < 3) return false;
  for (const candidate of field) if (candidate.startsWith(term)) return true;
  return false;
}

/**
 * How well a commons matches the query terms: 0 when one term matches nothing (the commons is left out),
 * otherwise the sum over terms of the weight of the best field each matches.
 */
export function matchScore(query: readonly string[], commons: SearchableCommons): number {
  if (query.length === 0) return 1;
  const fields = indexed(commons);
  let score = 0;
  for (const term of query) {
    const best = fields.find((field) => fieldMatches(field.terms, term));
    if (!best) return 0;
    score += best.weight;
  }
  return score;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** French alphabetical order of names (accents and case set aside), the same on every database engine. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (foldAccents(a) < foldAccents(b) ? -1 : foldAccents(a) > foldAccents(b) ? 1 : 0);
}

import { foldAccents, terms } from '../../../algorithms/text/index.js';

/**
 * The French search of the use cases and needs lists: the typed words and the records' texts go through the
 * same analysis (src/algorithms/text/french.ts: lower case, accents folded, elisions and stop words dropped,
 * light stemming), in the app rather than in SQL, so PGlite and a PostgreSQL server find the same records.
 * A record matches when every word typed starts one of its words ("donnees" finds "données", "numér" finds
 * "numérique"). A search of stop words or signs alone is matched as folded text.
 */
export function searchMatcher(query: string): ((text: string) => boolean) | null {
  const trimmed = query.trim();
  if (!trimmed) return null;
  const wanted = [...new Set(terms(trimmed))];
  if (wanted.length === 0) {
    const folded = foldAccents(trimmed.toLowerCase());
    return (text) => foldAccents(text.toLowerCase()).includes(folded);
  }
  return (text) => {
    const words = terms(text);
    return wanted.every((term) => words.some((word) => word.startsWith(term)));
  };
}

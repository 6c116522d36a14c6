import { Bm25Index, foldAccents, terms } from '../../../algorithms/text/index.js';

/**
 * Explained suggestions for the cooperation space (issue 15): which commons, needs or use cases fit a need,
 * an offer or a commons. Pure (no database, no clock): the pages gather what the viewer may see and call
 * `suggest`. Never a black box — every point of a score comes from a signal the explanation names:
 *
 * - text: French text affinity (the jury's BM25, `terms()` of french.ts), half the BM25 score relative to
 *   the best candidate, half the share of the query's distinct terms the candidate holds (full at
 *   FULL_OVERLAP terms); explained by the words in common, as the query wrote them;
 * - tags: categories and keywords in common (a tag shared when the other side names it too, or when all its
 *   terms are in the other side's text); 1 − ½ⁿ for n tags shared; explained by the tags;
 * - lever: a support lever in common; explained by the lever;
 * - related: the closest use case (or open need) of the candidate elsewhere, by BM25 over every related
 *   item, counted only when it shares at least MIN_RELATED_TERMS terms with the query; explained by its
 *   title and administration;
 * - territory: the same territory code, national ('FR') matching every territory. A bonus only: it never
 *   makes a suggestion alone.
 *
 * score = 0.40·text + 0.20·tags + 0.15·lever + 0.15·related, plus 0.10 when the territory matches and the
 * rest is above 0; so it lies in [0, 1], and a candidate sharing nothing scores 0 and is not shown.
 * Candidates' tags are kept out of the text and related indexes, so adding a shared keyword to a candidate
 * only adds to its tags part: it never lowers a score. Ties are broken by name, then id.
 */

export const WEIGHTS = { text: 0.4, tags: 0.2, lever: 0.15, related: 0.15, territory: 0.1 } as const;
/** Distinct query terms a candidate must hold for the text's overlap half to be full. */
export const FULL_OVERLAP = 6;
/** Distinct terms a related use case (or need) must share with the query to count as similar. */
export const MIN_RELATED_TERMS = 2;
/** Words shown in an explanation, the most distinctive first. */
export const MAX_WORDS = 8;
/** The national territory code: it matches every territory. */
export const NATIONAL = 'FR';

/** What suggestions are sought for: a need's or offer's text, or a commons' description. */
export interface MatchQuery {
  text: string;
  /** Categories and keywords of the query (a commons' own, or the commons that posted a need). */
  tags: readonly string[];
  /** Support lever codes of the query. */
  levers: readonly string[];
  /** A territory code ('FR', 'R53', 'D35'…), or null when the query has none. */
  territory: string | null;
}

/** A use case or an open need of the candidate, elsewhere: "a similar use case" when its text is close. */
export interface RelatedItem {
  kind: 'use-case' | 'need';
  id: string;
  title: string;
  /** The administration it belongs to (shown in the explanation). */
  administration: string;
  text: string;
}

export interface MatchCandidate {
  id: string;
  /** Shown, and the tie-break. */
  name: string;
  /** What the text affinity reads: name, summary, description… (never the tags). */
  text: string;
  tags: readonly string[];
  levers: readonly string[];
  /** Territory codes the candidate is present in (none known: no territory signal). */
  territories: readonly string[];
  related: readonly RelatedItem[];
}

/** Why a candidate is suggested: the signals it shares with the query, each as the person will read it. */
export interface Explanation {
  /** Words in common, as the query wrote them (lower case), the most distinctive first. */
  words: string[];
  /** Categories and keywords in common, as written. */
  tags: string[];
  /** Lever codes in common. */
  levers: string[];
  /** The territory in common: the query's code, or NATIONAL when one side is national; null: none. */
  territory: string | null;
  /** The closest similar use case (or open need) elsewhere, with its similarity in [0, 1]. */
  similar: (Omit<RelatedItem, 'text'> & { similarity: number }) | null;
}

export interface Scored {
  candidate: MatchCandidate;
  score: number;
  parts: { text: number; tags: number; lever: number; related: number; territory: number };
  explanation: Explanation;
}

/** A label compared without case or accents ("Données" = "donnees"). */
function foldLabel(label: string): string {
  return foldAccents(label.toLowerCase()).replace(/\s+/g, ' ').trim();
}

/** Each index term of a text with the word it came from (its first occurrence), lower case. */
export function surfaceWords(text: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const token of text.split(/[^\p{L}\p{N}'’]+/u)) {
    if (!token) continue;
    for (const term of terms(token)) {
      if (words.has(term)) continue;
      const word = token
        .toLowerCase()
        .replace(/^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]/u, '')
        .replace(/['’]+$/u, '');
      words.set(term, word || term);
    }
  }
  return words;
}

function tagShared(tag: string, otherTags: Set<string>, otherTerms: Set<string>): boolean {
  if (otherTags.has(foldLabel(tag))) return true;
  const tagTerms = terms(tag);
  return tagTerms.length > 0 && tagTerms.every((term) => otherTerms.has(term));
}

function territoryInCommon(query: string | null, candidate: readonly string[]): string | null {
  if (!query || candidate.length === 0) return null;
  if (candidate.includes(query)) return query;
  if (query === NATIONAL || candidate.includes(NATIONAL)) return NATIONAL;
  return null;
}

/** A deterministic order of names: case and accents first folded, then the exact text, then the id. */
function byName(a: MatchCandidate, b: MatchCandidate): number {
  const fa = foldLabel(a.name);
  const fb = foldLabel(b.name);
  if (fa !== fb) return fa < fb ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every candidate scored and explained, in the input's order (a score of 0 included). */
export function scoreCandidates(query: MatchQuery, candidates: readonly MatchCandidate[]): Scored[] {
  const queryTermList = [...new Set(terms(query.text))];
  const queryTerms = new Set(queryTermList);
  const queryWords = surfaceWords(query.text);
  const queryTags = new Set(query.tags.map(foldLabel));
  const queryLevers = new Set(query.levers);

  const textIndex = new Bm25Index(candidates.map((c) => c.text));
  const textScores = textIndex.normalisedScores(query.text);
  const candidateTerms = candidates.map((c) => new Set(terms(c.text)));
  // How many candidates hold each term: the rarer, the more telling in an explanation.
  const holders = new Map<string, number>();
  for (const set of candidateTerms) for (const term of set) holders.set(term, (holders.get(term) ?? 0) + 1);

  const related = candidates.flatMap((c, index) => c.related.map((item) => ({ index, item })));
  const relatedScores = new Bm25Index(related.map((r) => r.item.text)).normalisedScores(query.text);
  const bestRelated = new Map<number, { item: RelatedItem; similarity: number }>();
  related.forEach(({ index, item }, i) => {
    const shared = new Set(terms(item.text).filter((term) => queryTerms.has(term))).size;
    const similarity = shared >= MIN_RELATED_TERMS ? relatedScores[i] : 0;
    if (similarity <= 0) return;
    const best = bestRelated.get(index);
    // The closest one; on a tie, the first by title then id (deterministic whatever the input order).
    if (
      !best ||
      similarity > best.similarity ||
      (similarity === best.similarity &&
        (item.title < best.item.title || (item.title === best.item.title && item.id < best.item.id)))
    )
      bestRelated.set(index, { item, similarity });
  });

  return candidates.map((candidate, index) => {
    const own = candidateTerms[index];
    const sharedTerms = queryTermList.filter((term) => own.has(term));
    const overlap = Math.min(1, sharedTerms.length / FULL_OVERLAP);
    const text = sharedTerms.length > 0 ? 0.5 * textScores[index] + 0.5 * overlap : 0;

    // Tags shared, both ways, counted once each by their folded label.
    const candidateTagTerms = new Set(candidate.tags.flatMap((tag) => terms(tag)));
    const candidateAllTerms = new Set([...own, ...candidateTagTerms]);
    const candidateTags = new Set(candidate.tags.map(foldLabel));
    const sharedTags = new Map<string, string>();
    for (const tag of candidate.tags)
      if (tagShared(tag, queryTags, queryTerms) && !sharedTags.has(foldLabel(tag))) sharedTags.set(foldLabel(tag), tag);
    for (const tag of query.tags)
      if (tagShared(tag, candidateTags, candidateAllTerms) && !sharedTags.has(foldLabel(tag)))
        sharedTags.set(foldLabel(tag), tag);
    const tags = 1 - 0.5 ** sharedTags.size;

    const levers = [...new Set(candidate.levers)].filter((lever) => queryLevers.has(lever)).sort();
    const lever = levers.length > 0 ? 1 : 0;

    const similar = bestRelated.get(index) ?? null;
    const relatedPart = similar?.similarity ?? 0;

    const base = WEIGHTS.text * text + WEIGHTS.tags * tags + WEIGHTS.lever * lever + WEIGHTS.related * relatedPart;
    const territoryCode = base > 0 ? territoryInCommon(query.territory, candidate.territories) : null;
    const territory = territoryCode ? 1 : 0;
    const score = Math.min(1, base + WEIGHTS.territory * territory);

    const words = sharedTerms
      .map((term, order) => ({ term, order, holders: holders.get(term) ?? 0 }))
      .sort((a, b) => a.holders - b.holders || a.order - b.order)
      .slice(0, MAX_WORDS)
      .map((w) => queryWords.get(w.term) ?? w.term);
    return {
      candidate,
      score,
      parts: { text, tags, lever, related: relatedPart, territory },
      explanation: {
        words,
        tags: [...sharedTags.values()].sort((a, b) => (foldLabel(a) < foldLabel(b) ? -1 : 1)),
        levers,
        territory: territoryCode,
        similar: similar
          ? {
              kind: similar.item.kind,
              id: similar.item.id,
              title: similar.item.title,
              administration: similar.item.administration,
              similarity: similar.similarity,
            }
          : null,
      },
    };
  });
}

/**
 * The suggestions for a query: candidates scoring above 0, best first, ties broken by name (then id), at
 * most `limit` of them.
 */
export function suggest(
  query: MatchQuery,
  candidates: readonly MatchCandidate[],
  options: { limit?: number } = {},
): Scored[] {
  return scoreCandidates(query, candidates)
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || byName(a.candidate, b.candidate))
    .slice(0, options.limit ?? 10);
}

/** Whether an explanation says something (a shown suggestion's always does). */
export function explains(explanation: Explanation): boolean {
  return (
    explanation.words.length > 0 ||
    explanation.tags.length > 0 ||
    explanation.levers.length > 0 ||
    explanation.similar !== null
  );
}

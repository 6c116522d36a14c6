/**
 * French text to index terms: lower case, accents folded, elisions (l’, d’, qu’…) removed, a small stop-word
 * list, and a light stemmer (plural and common derivational suffixes, after Savoy's French light stemmer):
 * enough for matching an application's answers with a reviewer's declared expertise, without a dictionary.
 */

const STOP_WORDS = new Set(
  (
    'a ai aie aient aies ait as au aucun aussi autre aux avec avoir avons ayant c ca car ce ceci cela celle celles celui ces cet cette ceux chaque ci comme comment d dans de des donc dont du elle elles en encore est et etaient etait etant ete etre eu eux fait faire fois font hors il ils j je jusqu l la le les leur leurs lui m ma mais me meme memes mes moi mon n ne ni nos notre nous on ont ou par parce pas peu peut plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sans se ses si sien soi son sont sous soit sur t ta te tes toi ton tous tout toute toutes tres tu un une unes uns vers via vos votre vous y ' +
    // A few English function words: expertise is often declared in both languages.
    'the and of to in for on with by an is are be this that from at or as'
  ).split(' '),
);

export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Light stemming: strips plural marks and frequent suffixes; never leaves fewer than 3 letters. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5) {
    for (const suffix of [
      'issements',
      'issement',
      'atrices',
      'ateurs',
      'atrice',
      'ateur',
      'ations',
      'ation',
      'ements',
      'ement',
      'ites',
      'ite',
      'euses',
      'euse',
      'eux',
      'ives',
      'ive',
      'ifs',
      'if',
      'iques',
      'ique',
      'istes',
      'iste',
      'ismes',
      'isme',
      'ances',
      'ance',
      'ences',
      'ence',
    ]) {
      if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
        w = w.slice(0, -suffix.length);
        break;
      }
    }
  }
  if (w.length > 4 && w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.length > 4 && w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
  else if (w.length > 3 && (w.endsWith('s') || w.endsWith('x'))) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('er')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('i')) w = w.slice(0, -1);
  // Doubled final consonant (e.g. "nn" in "personnel" stems) is kept short.
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouy]/.test(w[w.length - 1])) w = w.slice(0, -1);
  return w;
}

/** Index terms of a French (or English) text, in order, duplicates kept. */
export function terms(text: string): string[] {
  const out: string[] = [];
  const folded = foldAccents(text.toLowerCase()).replace(/[’`]/g, "'");
  for (const raw of folded.split(/[^a-z0-9']+/)) {
    const word = raw.replace(/^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'/, '').replace(/'/g, '');
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}

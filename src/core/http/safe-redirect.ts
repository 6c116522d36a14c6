const SITE = 'https://site.invalid';

/**
 * A return address taken from a request is followed only if it is a path on this site:
 * "/x" yes; "//evil", "/\evil", "https://evil", "javascript:" no (open redirect).
 * What is kept is normalised to what a Location header may carry: characters outside ASCII are
 * percent-encoded ("/。/x" → "/%E3%80%82/x"), so a redirect never fails after the work is done
 * (a sign-in link is spent before its redirect). Control characters, NUL and lone surrogates: fallback.
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let encoded: string;
  try {
    // encodeURI leaves ASCII URL syntax and existing %XX alone and throws on a lone surrogate.
    encoded = value.replace(/[^\u0020-\u007e]+/g, (run) => encodeURI(run)).replace(/ /g, '%20');
  } catch {
    return fallback;
  }
  const resolved = new URL(encoded, SITE);
  if (resolved.origin !== SITE) return fallback;
  return encoded;
}

/**
 * A return address taken from a request is followed only if it is a path on this site:
 * "/x" yes; "//evil", "/\evil", "https://evil", "javascript:" no (open redirect).
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  return value;
}

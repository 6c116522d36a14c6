import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-redirect.js';

describe('safeReturnPath', () => {
  it('keeps local paths', () => {
    expect(safeReturnPath('/compte?onglet=1#x')).toBe('/compte?onglet=1#x');
  });

  it('percent-encodes what a Location header cannot carry, and stays on this site', () => {
    expect(safeReturnPath('/。/evil')).toBe('/%E3%80%82/evil');
    expect(safeReturnPath('/candidatures?q=été')).toBe('/candidatures?q=%C3%A9t%C3%A9');
    expect(safeReturnPath('/a%20b')).toBe('/a%20b');
  });

  it.each([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/\tevil',
    '/a\u0000b',
    '/\ud800',
    '',
    42,
    null,
  ])('refuses %s', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });

  it('never returns something a browser reads as another origin', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }).map((s) => `/${s}`),
        ),
        (value) => {
          const result = safeReturnPath(value);
          const resolved = new URL(result, 'https://accelerateur.example');
          expect(resolved.origin).toBe('https://accelerateur.example');
          // A Location header holds only printable ASCII: anything else makes the redirect a 500.
          expect(result).toMatch(/^[\u0021-\u007e]*$/);
        },
      ),
    );
  });
});

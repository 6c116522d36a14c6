import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-redirect.js';

describe('safeReturnPath', () => {
  it('keeps local paths', () => {
    expect(safeReturnPath('/compte?onglet=1#x')).toBe('/compte?onglet=1#x');
  });

  it.each(['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '/\tevil', '', 42, null])(
    'refuses %s',
    (value) => {
      expect(safeReturnPath(value)).toBe('/');
    },
  );

  it('never returns something a browser reads as another origin', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const result = safeReturnPath(value);
        const resolved = new URL(result, 'https://accelerateur.example');
        expect(resolved.origin).toBe('https://accelerateur.example');
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isValidRna, isValidSiren, isValidSiret, luhnValid, normaliseRna, normaliseSiret } from './identifiers.js';

describe('Luhn', () => {
  it('accepts the classic examples and rejects a single changed digit', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('0')).toBe(true);
    expect(luhnValid('00000000000000')).toBe(true);
  });
  it('doubles digits above 4 correctly (the -9 case)', () => {
    expect(luhnValid('59')).toBe(true); // 5*2=10 → 1, +9 = 10
    expect(luhnValid('91')).toBe(true); // 9*2=18 → 9, +1 = 10
    expect(luhnValid('92')).toBe(false);
    expect(luhnValid('18')).toBe(true); // 1*2 = 2, +8 = 10
  });
  it('rejects empty and non-digit input', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
    expect(luhnValid('-18')).toBe(false);
  });
});

describe('SIREN', () => {
  it('accepts real numbers, with spaces', () => {
    expect(isValidSiren('130025265')).toBe(true); // DINUM
    expect(isValidSiren('552 081 317')).toBe(true); // EDF
  });
  it('rejects a wrong key, a wrong length and letters', () => {
    expect(isValidSiren('130025266')).toBe(false);
    expect(isValidSiren('13002526')).toBe(false);
    expect(isValidSiren('1300252650')).toBe(false);
    expect(isValidSiren('13002526A')).toBe(false);
  });
});

describe('SIRET', () => {
  it('accepts real numbers, typed with spaces', () => {
    expect(isValidSiret('13002526500013')).toBe(true); // DINUM
    expect(isValidSiret('130 025 265 00013')).toBe(true);
    expect(isValidSiret('552 081 317 66522')).toBe(true); // EDF
    expect(normaliseSiret('130 025 265 00013')).toBe('13002526500013');
  });
  it('rejects a changed digit, swapped digits, and wrong lengths', () => {
    expect(isValidSiret('13002526500014')).toBe(false);
    expect(isValidSiret('13002526500031')).toBe(false);
    expect(isValidSiret('1300252650001')).toBe(false);
    expect(isValidSiret('130025265000130')).toBe(false);
    expect(isValidSiret('')).toBe(false);
  });
  it('applies La Poste’s digit-sum rule to SIREN 356000000 only', () => {
    expect(isValidSiret('35600000000048')).toBe(true); // head office, Luhn-valid
    expect(isValidSiret('35600000049837')).toBe(true); // an establishment: digit sum 45, Luhn fails
    expect(luhnValid('35600000049837')).toBe(false);
    expect(isValidSiret('35600000012345')).toBe(false); // digit sum 29
    // The same digit-sum property does not rescue another company's number.
    expect(isValidSiret('13002526500040')).toBe(false);
  });
});

describe('RNA', () => {
  it('accepts W + 9 digits, any case, spaces tolerated, and normalises', () => {
    expect(isValidRna('W751234567')).toBe(true);
    expect(isValidRna('w751234567')).toBe(true);
    expect(isValidRna(' W 751 234 567 ')).toBe(true);
    expect(normaliseRna(' w 751 234 567 ')).toBe('W751234567');
  });
  it('rejects other letters and lengths', () => {
    expect(isValidRna('X751234567')).toBe(false);
    expect(isValidRna('W75123456')).toBe(false);
    expect(isValidRna('W7512345678')).toBe(false);
    expect(isValidRna('751234567')).toBe(false);
    expect(isValidRna('W75123456A')).toBe(false);
  });
});

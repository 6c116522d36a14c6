/**
 * French organisation identifiers: SIREN (company), SIRET (establishment), RNA (association).
 * Normalisers strip the spaces people type ("130 025 265 00013") so stored values compare equal.
 */

/** La Poste's SIREN: its many establishments outgrew the Luhn key, INSEE uses a digit-sum rule instead. */
const LA_POSTE_SIREN = '356000000';

/** Removes spaces (including non-breaking ones), dots and dashes typed as separators. */
function compact(value: string): string {
  return value.replace(/[\s\u00a0\u202f.-]/g, '');
}

/** Luhn checksum over a string of digits (rightmost digit is the check digit). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function normaliseSiren(value: string): string {
  return compact(value);
}

export function normaliseSiret(value: string): string {
  return compact(value);
}

export function isValidSiren(value: string): boolean {
  const siren = normaliseSiren(value);
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

export function isValidSiret(value: string): boolean {
  const siret = normaliseSiret(value);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    // The head office (00012) still satisfies Luhn; the others use the digit sum modulo 5.
    if (luhnValid(siret)) return true;
    let sum = 0;
    for (const char of siret) sum += char.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

/** RNA numbers are "W" followed by 9 digits; people type them in lower case or with spaces. */
export function normaliseRna(value: string): string {
  return compact(value).toUpperCase();
}

export function isValidRna(value: string): boolean {
  return /^W\d{9}$/.test(normaliseRna(value));
}

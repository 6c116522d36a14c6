import { formatNumber, type Locale } from '../../../core/i18n/i18n.js';

/** Most digits a figure may have, before and after the decimal separator (PostgreSQL `numeric` holds them exactly). */
const MAX_INTEGER_DIGITS = 15;
const MAX_FRACTION_DIGITS = 6;

/**
 * Reads a figure as a French or English user types it: "1 234,5" (spaces, no-break or narrow no-break
 * spaces between groups of three, a comma before the decimals), "1234.5", "-12", "2 000". Returns the
 * canonical decimal text ("1234.5") stored exactly in a `numeric` column, or null when it is not a number
 * (a comma and a dot together, a group not of three digits, letters, too many digits).
 */
export function parseFigure(typed: string): string | null {
  const text = typed.trim().replace(/[\u00a0\u202f]/g, ' ');
  const match = /^([+-]?)(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return null;
  const integer = match[2]!.replace(/ /g, '').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (integer.length > MAX_INTEGER_DIGITS || (match[3] ?? '').length > MAX_FRACTION_DIGITS) return null;
  const sign = match[1] === '-' && (integer !== '0' || fraction !== '') ? '-' : '';
  return `${sign}${integer}${fraction ? `.${fraction}` : ''}`;
}

/** A stored figure as a form shows it back: French decimals with a comma, no grouping. */
export function figureToInput(locale: Locale, value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  const canonical = parseFigure(text) ?? text;
  return locale === 'fr' ? canonical.replace('.', ',') : canonical;
}

/** A figure for reading: "2 000", "12,5" in French; "2,000", "12.5" in English. */
export function formatFigure(locale: Locale, value: string | number): string {
  return formatNumber(locale, Number(value), { maximumFractionDigits: MAX_FRACTION_DIGITS });
}

import { formatDate, formatNumber, type Locale, t, tCount } from '../../core/i18n/i18n.js';
import { parisClockTime } from '../../core/time/paris-time.js';
import { seasonMessages as m, seasonCountdowns } from './messages.js';
import { closedFrom, type SeasonStatus } from './season-status.js';

/** Money is stored in cents and shown in euros (with two decimals only when there are cents). */
export function formatEuros(locale: Locale, cents: number): string {
  const digits = cents % 100 === 0 ? 0 : 2;
  return formatNumber(locale, cents / 100, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * "Clôture dans 12 jours", computed on the server from the injected clock: whole days left
 * (rounded down), then hours, then minutes on the last day.
 */
export function countdownText(
  locale: Locale,
  season: { status: SeasonStatus; opensAt: Date; closesAt: Date },
  now: Date,
): string | null {
  if (season.status === 'open') {
    const left = closedFrom(season.closesAt).getTime() - now.getTime();
    if (left >= 2 * DAY) return t(locale, m.closesInDays, { n: Math.floor(left / DAY) });
    if (left >= DAY) return t(locale, m.closesInOneDay);
    if (left >= HOUR) return tCount(locale, seasonCountdowns.closesInHours, Math.floor(left / HOUR));
    return tCount(locale, seasonCountdowns.closesInMinutes, Math.max(1, Math.ceil(left / 60_000)));
  }
  if (season.status === 'upcoming') {
    const left = season.opensAt.getTime() - now.getTime();
    if (left >= DAY) return tCount(locale, seasonCountdowns.opensInDays, Math.floor(left / DAY));
    return tCount(locale, seasonCountdowns.opensInHours, Math.max(1, Math.ceil(left / HOUR)));
  }
  return null;
}

/** Reads an amount typed in euros ("800 000", "800000,50", "1 200,5 €") as integer cents, or null. */
export function parseEurosToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d{1,11})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The amount in euros as an input value (no grouping, comma for cents in French). */
export function centsToInput(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0')}`;
}

/** "29 janvier 2022 à 23:59:59 (heure de Paris)": seconds shown only when they are not zero. */
export function formatParisMoment(locale: Locale, instant: Date): string {
  const time = parisClockTime(instant);
  return t(locale, m.dateAtTime, {
    date: formatDate(locale, instant),
    time: time.endsWith(':00') ? time.slice(0, 5) : time,
  });
}

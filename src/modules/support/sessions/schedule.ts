import { isoDateParis } from '../../../core/i18n/i18n.js';
import { parisClockTime, parisDateTime } from '../../../core/time/paris-time.js';

const DAY_MS = 24 * 3600_000;

/** The calendar day `days` after a day (YYYY-MM-DD), in the proleptic Gregorian calendar. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Day of the week of a day (YYYY-MM-DD): 1 Monday … 7 Sunday (ISO 8601). */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The ISO 8601 week of a day, as `2026-W50` (the week's year is that of its Thursday). */
export function isoWeek(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const [, m, d] = thursday.split('-').map(Number);
  const dayOfYear = (Date.UTC(year, m - 1, d) - Date.UTC(year, 0, 1)) / DAY_MS;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}

/**
 * The next instant after `now` when a Paris wall clock shows `time` (HH:MM) on one of `weekdays` (ISO: 1
 * Monday … 7 Sunday; all when absent). Right across daylight-saving changes: the hour is Paris', not UTC's.
 */
export function nextParisTime(now: Date, time: string, weekdays?: readonly number[]): Date {
  let day = isoDateParis(now);
  for (let i = 0; i < 9; i++, day = addDays(day, 1)) {
    if (weekdays && !weekdays.includes(isoWeekday(day))) continue;
    const at = parisDateTime(day, time);
    if (at.getTime() > now.getTime()) return at;
  }
  throw new Error(`no ${time} in the next days after ${now.toISOString()}`);
}

/** Whether the Paris wall clock shows exactly `time` (HH:MM) at that instant. */
export function isParisClock(at: Date, time: string): boolean {
  return parisClockTime(at) === `${time}:00`;
}

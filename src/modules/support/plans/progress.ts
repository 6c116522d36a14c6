import type { MilestoneState } from '../tables.js';

export interface Progress {
  /** Whole percent, 0–100 (rounded down, so 100 means every milestone validated). */
  percent: number;
  validatedWeight: number;
  totalWeight: number;
}

/**
 * A plan's progress: the weighted share of its validated milestones (Decidim's weighted sum of children).
 * No milestone, or no weight, is 0 %. Rounded down: a plan shows 100 % only when all is validated.
 */
export function progressOf(milestones: readonly { weight: number; state: MilestoneState }[]): Progress {
  let totalWeight = 0;
  let validatedWeight = 0;
  for (const m of milestones) {
    const weight = Math.max(0, m.weight);
    totalWeight += weight;
    if (m.state === 'validated') validatedWeight += weight;
  }
  const percent = totalWeight === 0 ? 0 : Math.floor((validatedWeight * 100) / totalWeight);
  return { percent, validatedWeight, totalWeight };
}

/** Calendar arithmetic on YYYY-MM-DD days (UTC, no time of day involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day `months` later; the 31st becomes the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** A plan lasts 3 to 12 months (issue 14): its end is between start + 3 months and start + 12 months. */
export function planPeriodOk(startsOn: string, endsOn: string): boolean {
  return endsOn >= addMonths(startsOn, 3) && endsOn <= addMonths(startsOn, 12);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A `date` column as YYYY-MM-DD. core/db/database.ts asks both drivers for text, but the embedded engine
 * still hands back a Date at UTC midnight (seen with PGlite here): read either.
 */
export function dayOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value ?? '').slice(0, 10);
}

/**
 * Wall-clock times in Europe/Paris turned into instants. The offset is that of the given date
 * (+01:00 in winter, +02:00 in summer), so a deadline typed as a Paris date is right on both
 * sides of a daylight-saving change.
 */
const PARIS = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Paris is ahead of UTC at the given instant. */
export function parisOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

export function isParisTime(value: string): boolean {
  return TIME.test(value);
}

/** The instant a Paris wall clock shows `date` (YYYY-MM-DD) at `time` (HH:MM or HH:MM:SS). */
export function parisDateTime(date: string, time = '00:00:00'): Date {
  const d = DATE.exec(date);
  const h = TIME.exec(time);
  if (!d || !h) throw new RangeError(`Not a Paris date and time: ${date} ${time}`);
  const wall = Date.UTC(+d[1], +d[2] - 1, +d[3], +h[1], +h[2], +(h[3] ?? 0));
  // Guess with the offset at the wall time read as UTC, then correct once with the offset at the guess.
  let instant = wall - parisOffsetMinutes(new Date(wall)) * 60_000;
  instant = wall - parisOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** Default closing time of a call: 23:59:59 in Paris on that day. */
export function parisEndOfDay(date: string): Date {
  return parisDateTime(date, '23:59:59');
}

/** Start of that day in Paris (00:00:00): the default opening time. */
export function parisStartOfDay(date: string): Date {
  return parisDateTime(date, '00:00:00');
}

/** HH:MM:SS shown by a Paris wall clock at the instant. */
export function parisClockTime(instant: Date): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}:${p.second}`;
}

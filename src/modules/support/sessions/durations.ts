/**
 * Minutes as people read a duration: "45 min", "2 h", "1 h 30". The same in French and English (SI-like
 * abbreviations both read). A negative value (hours beyond the allocation) keeps its sign.
 */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const total = Math.abs(Math.round(minutes));
  const h = Math.floor(total / 60);
  const min = total % 60;
  if (h === 0) return `${sign}${min} min`;
  return min === 0 ? `${sign}${h} h` : `${sign}${h} h ${String(min).padStart(2, '0')}`;
}

/**
 * A `date` column's value as YYYY-MM-DD. The engines are configured to read dates as text, but the embedded
 * engine's version in use still hands back a Date at UTC midnight: both read the same here.
 */
export function dayText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

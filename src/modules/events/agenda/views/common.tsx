import { formatDate, formatDateTime, isoDateParis, type Locale, t } from '../../../../core/i18n/i18n.js';
import { parisClockTime } from '../../../../core/time/paris-time.js';
import type { EventKind, RegistrationStatus } from '../../tables.js';
import { agendaMessages as m } from '../messages.js';

export const KIND_LABELS: Record<EventKind, typeof m.kind_online> = {
  in_person: m.kind_in_person,
  online: m.kind_online,
  hybrid: m.kind_hybrid,
};

export const STATUS_LABELS: Record<RegistrationStatus, typeof m.label_pending> = {
  pending: m.label_pending,
  registered: m.label_registered,
  waiting: m.label_waiting,
  offered: m.label_offered,
  cancelled: m.label_cancelled,
  expired: m.label_expired,
};

/** "From … to …" in Paris time. */
export function whenText(locale: Locale, start: Date, end: Date): string {
  if (isoDateParis(start) === isoDateParis(end))
    return t(locale, m.whenSameDay, {
      date: formatDate(locale, start),
      start: parisClockTime(start).slice(0, 5),
      end: parisClockTime(end).slice(0, 5),
    });
  return t(locale, m.whenRange, { start: formatDateTime(locale, start), end: formatDateTime(locale, end) });
}

/** The places left, in words ("one place left" or "12 places left"). */
export function placesLeftText(locale: Locale, capacity: number | null, taken: number): string {
  if (capacity === null) return t(locale, m.unlimited);
  const left = capacity - taken;
  if (left <= 0) return t(locale, m.full);
  const plural = new Intl.PluralRules(locale).select(left);
  return t(locale, plural === 'one' ? m.placeLeftOne : m.placesLeftMany, { n: left, capacity });
}

export function DateTime({ locale, date }: { locale: Locale; date: Date }): JSX.Element {
  return (
    <time datetime={date.toISOString()} safe>
      {formatDateTime(locale, date)}
    </time>
  );
}

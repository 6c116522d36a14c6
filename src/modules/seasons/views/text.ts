import { type Locale, t } from '../../../core/i18n/i18n.js';
import { seasonMessages as m } from '../messages.js';
import type { SeasonStatus } from '../season-status.js';

/** The English text when the page is in English and one was written, else the French. */
export function pick(locale: Locale, fr: string, en: string): string {
  return locale === 'en' && en.trim() !== '' ? en : fr;
}

const STATUS_LABELS = {
  draft: m.statusDraft,
  upcoming: m.statusUpcoming,
  open: m.statusOpen,
  closed: m.statusClosed,
} as const;

export function statusLabel(locale: Locale, status: SeasonStatus): string {
  return t(locale, STATUS_LABELS[status]);
}

/** DSFR badge colour by status: open is the one that calls for action. */
export function statusBadgeClass(status: SeasonStatus): string {
  return status === 'open'
    ? 'fr-badge fr-badge--success'
    : status === 'upcoming'
      ? 'fr-badge fr-badge--info'
      : status === 'draft'
        ? 'fr-badge fr-badge--warning'
        : 'fr-badge';
}

export function kindLabel(locale: Locale, kind: string): string {
  const message = (m as Record<string, { fr: string; en: string }>)[`kind_${kind}`];
  return message ? t(locale, message) : kind;
}

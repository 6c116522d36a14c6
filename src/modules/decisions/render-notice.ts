import { formatDateTime, formatNumber, type Locale } from '../../core/i18n/i18n.js';
import {
  APPEAL_TEXT,
  COMMENTS_TITLE,
  fillPlaceholders,
  type NoticeKind,
  type NoticeTemplate,
} from './notice-templates.js';

/** What a notice says about one application, gathered when its draft is prepared. */
export interface NoticeFacts {
  kind: NoticeKind;
  locale: Locale;
  applicationId: string;
  title: string;
  seasonName: string;
  /** The labels of the decision's reason codes. */
  reasons: string[];
  reasonText: string;
  amountCents: number | null;
  waitlistPosition: number | null;
}

const NONE: Record<Locale, string> = { fr: '—', en: '—' };
const AMOUNT_UNKNOWN: Record<Locale, string> = { fr: 'à préciser', en: 'to be confirmed' };

/** An amount in cents as people read it (12 000 €, 12 000,50 €). */
export function formatEuros(locale: Locale, cents: number): string {
  const whole = cents % 100 === 0;
  return formatNumber(locale, cents / 100, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).replace(/[\u202f\u00a0]/g, ' ');
}

/** The reasons as the notice states them: one line per reason, then the committee's own words. */
export function reasonsText(locale: Locale, reasons: string[], reasonText: string): string {
  const lines = reasons.map((label) => `– ${label}`);
  if (reasonText.trim()) lines.push(reasonText.trim());
  return lines.length > 0 ? lines.join('\n') : NONE[locale];
}

/** The applicant's link to their decision. */
export function decisionUrl(baseUrl: string, applicationId: string): string {
  return `${baseUrl.replace(/\/$/, '')}/mes-candidatures/${applicationId}/decision`;
}

/** A draft from a template: every placeholder filled but `{date_limite}`, which sending fills. */
export function renderDraft(template: NoticeTemplate, facts: NoticeFacts, baseUrl: string): NoticeTemplate {
  const values = {
    projet: facts.title || NONE[facts.locale],
    saison: facts.seasonName,
    motifs: reasonsText(facts.locale, facts.reasons, facts.reasonText),
    montant: facts.amountCents === null ? AMOUNT_UNKNOWN[facts.locale] : formatEuros(facts.locale, facts.amountCents),
    lien: decisionUrl(baseUrl, facts.applicationId),
    rang: facts.waitlistPosition === null ? NONE[facts.locale] : String(facts.waitlistPosition),
  };
  // The subject is one line whatever was typed.
  const subject = fillPlaceholders(template.subject, values).replace(/\s+/g, ' ').trim();
  return { subject, body: fillPlaceholders(template.body, values).trim() };
}

/** Fills `{date_limite}` (when the notice is sent, or in a preview as if sent now). */
export function fillDeadline(text: string, locale: Locale, deadline: Date | null): string {
  return fillPlaceholders(text, { date_limite: deadline ? formatDateTime(locale, deadline) : NONE[locale] });
}

/**
 * Jury comments as a refusal may quote them: never who wrote them, and a jury member's name written in a
 * comment is blanked too.
 */
export function anonymiseComments(comments: readonly string[], names: readonly string[]): string[] {
  const patterns = names
    .flatMap((name) => [name, ...name.split(/\s+/).filter((part) => part.length >= 3)])
    .map((name) => name.trim())
    .filter((name) => name.length >= 3)
    .sort((a, b) => b.length - a.length)
    .map((name) => new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'));
  return comments
    .map((comment) => patterns.reduce((text, pattern) => text.replace(pattern, '[…]'), comment.trim()))
    .filter((comment) => comment !== '');
}

/**
 * The full text of a notice: the body staff reviewed, then for a refusal the jury's anonymised comments
 * (if staff chose to share them) and always the routes and time limits of appeal.
 */
export function composeNotice(input: {
  kind: string;
  locale: Locale;
  body: string;
  deadline: Date | null;
  comments: readonly string[];
}): string {
  const parts = [fillDeadline(input.body, input.locale, input.deadline).trim()];
  if (input.kind === 'not_selected') {
    if (input.comments.length > 0)
      parts.push(`${COMMENTS_TITLE[input.locale]}\n${input.comments.map((c) => `– ${c}`).join('\n')}`);
    parts.push(`${APPEAL_TEXT[input.locale].title}\n${APPEAL_TEXT[input.locale].body}`);
  }
  return parts.join('\n\n');
}

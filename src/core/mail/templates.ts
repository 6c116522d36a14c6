import type { Locale } from '../i18n/i18n.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A mail template renders one mail in one language from its data. */
export type MailTemplate = Record<Locale, (data: Record<string, string>) => RenderedMail>;

const templates = new Map<string, MailTemplate>();

/** Modules register their templates at load time (modules/<name>/mails.ts). */
export function registerMailTemplate(name: string, template: MailTemplate): void {
  templates.set(name, template);
}

export function renderMail(name: string, locale: Locale, data: Record<string, string>): RenderedMail {
  const template = templates.get(name);
  if (!template) throw new Error(`Unknown mail template ${name}`);
  return template[locale](data);
}

/**
 * Text someone typed (a title, a name), shown in a mail as quoted data, never as the mail's own words:
 * one line (no line breaks to fake paragraphs or headers), control characters removed, at most `max`
 * characters. Templates put it between quotes.
 */
export function quotedData(value: string, max = 80): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c]);
}

/** The shared frame of every HTML mail: plain, readable, no remote images. */
export function mailHtml(lang: Locale, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="background:#000091;color:#fff;padding:8px 16px;text-decoration:none">${escapeHtml(action.label)}</a></p>`
    : '';
  return `<!doctype html><html lang="${lang}"><body style="font-family:Marianne,Arial,sans-serif">${body}${button}</body></html>`;
}

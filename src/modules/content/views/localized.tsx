import type { Locale } from '../../../core/i18n/i18n.js';
import { formatDate, isoDateParis } from '../../../core/i18n/i18n.js';
import { renderMarkdown } from '../markdown.js';

/** A text in the visitor's language; when the English one is missing, the French one marked lang="fr". */
export interface LocalizedText {
  text: string;
  /** Set when the text is not in the page's language, for the element's lang attribute. */
  lang?: 'fr';
}

export function pick(locale: Locale, fr: string, en: string | null | undefined): LocalizedText {
  if (locale === 'en') return en && en.trim() !== '' ? { text: en } : { text: fr, lang: 'fr' };
  return { text: fr };
}

/** Attributes to spread on the element that holds a localized text. */
export function langOf(value: LocalizedText): { lang?: string } {
  return value.lang ? { lang: value.lang } : {};
}

/** A Markdown body rendered to sanitised HTML (renderMarkdown is the only way bodies reach a page). */
export function MarkdownBody({ value, class: className }: { value: LocalizedText; class?: string }): JSX.Element {
  const safeHtml = renderMarkdown(value.text);
  return (
    <div class={className ?? 'acc-prose'} {...langOf(value)}>
      {safeHtml}
    </div>
  );
}

export function DateText({ locale, date }: { locale: Locale; date: Date }): JSX.Element {
  return (
    <time datetime={isoDateParis(date)} safe>
      {formatDate(locale, date)}
    </time>
  );
}

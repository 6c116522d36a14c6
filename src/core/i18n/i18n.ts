import { escapeHtml } from '@kitajs/html';
/** The two languages of the interface; French is the default and the reference. */
export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
export const DEFAULT_LOCALE: Locale = 'fr';

/** One user-facing text in both languages. Modules declare theirs in messages.ts. */
export interface Message {
  fr: string;
  en: string;
}

export type Messages = Record<string, Message>;

/** Declares a module's messages; the type makes a missing translation a compile error. */
export function defineMessages<T extends Messages>(messages: T): T {
  return messages;
}

/** The text in the locale, HTML-escaped: for JSX children mixed with markup, where `safe` cannot go. */
export function escapeT(locale: Locale, message: Message, params?: Record<string, string | number>): string {
  return escapeHtml(t(locale, message, params));
}

/** The text in the locale, with {name} placeholders replaced. */
export function t(locale: Locale, message: Message, params?: Record<string, string | number>): string {
  const text = message[locale] || message.fr;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** A count's text in its two forms: `one` (French: 0 and 1; English: 1) and `other`; {n} is the count. */
export interface CountMessage {
  one: Message;
  other: Message;
}

const pluralRules = { fr: new Intl.PluralRules('fr-FR'), en: new Intl.PluralRules('en-GB') };

/**
 * The text of a count in the locale's plural form ("1 lauréat", "9 lauréats", "0 lauréat"; "0 laureates"), with
 * {n} replaced by the count and other placeholders by `params`: no "lauréat(s)" anywhere.
 */
export function tCount(
  locale: Locale,
  message: CountMessage,
  n: number,
  params: Record<string, string | number> = {},
): string {
  return t(locale, countForm(message, n), { n, ...params });
}

/**
 * The count's text in each language's plural form for n, as one Message: for a text kept now and written later
 * with `t` (pass {n} among its params), such as a warning listed with plain messages.
 */
export function countForm(message: CountMessage, n: number): Message {
  const pick = (locale: Locale) => (pluralRules[locale].select(n) === 'one' ? message.one : message.other)[locale];
  return { fr: pick('fr'), en: pick('en') };
}

const listFormats = {
  fr: new Intl.ListFormat('fr-FR', { type: 'conjunction' }),
  en: new Intl.ListFormat('en-GB', { type: 'conjunction' }),
};

/**
 * Items joined as the locale writes a list ("2 besoins, 1 expérimentation et 3 mainteneurs"; "… and …"): for a
 * sentence made of several counts, each in its own plural form (tCount).
 */
export function formatList(locale: Locale, items: readonly string[]): string {
  return listFormats[locale].format(items);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

const parisDate = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', dateStyle: 'long' }),
};
const parisDateTime = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }),
};

/** Dates are stored as timestamptz and always shown in Europe/Paris. */
export function formatDate(locale: Locale, date: Date): string {
  return parisDate[locale].format(date);
}

export function formatDateTime(locale: Locale, date: Date): string {
  return parisDateTime[locale].format(date);
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const localeTag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

/**
 * A number as the locale writes it ("12 000,5" in French, "12,000.5" in English), with Intl's options (digits,
 * currency, compact notation). The formatter is built once per locale and options and kept: building one costs
 * ~50 µs, using it ~1 µs, and a page formats each of its figures.
 */
export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `n${locale}${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(localeTag(locale), options)));
  return format.format(value);
}

/** A date with Intl's options (time zone included), the formatter built once per locale and options (~120 µs). */
export function formatDateWith(locale: Locale, date: Date, options: Intl.DateTimeFormatOptions): string {
  const key = `d${locale}${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(localeTag(locale), options)));
  return format.format(date);
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and pages call this
// for every date they show (it was the most expensive function of a page render in a CPU profile).
const isoDayInParis = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of the date in Europe/Paris (for <time datetime> and inputs). */
export function isoDateParis(date: Date): string {
  return isoDayInParis.format(date);
}

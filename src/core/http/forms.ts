import { defineMessages, type Locale, type Message, t } from '../i18n/i18n.js';
import { badFieldsOf, hasBadCharacters, withoutBadCharacters } from './input-rules.js';

export const formMessages = defineMessages({
  required: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  notText: { fr: 'Ce champ doit être un texte.', en: 'This field must be text.' },
  tooLong: {
    fr: 'Ce champ ne doit pas dépasser {max} caractères.',
    en: 'This field must not exceed {max} characters.',
  },
  email: {
    fr: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.',
    en: 'Enter a valid email address, e.g. name@domain.fr.',
  },
  date: { fr: 'Saisissez une date au format AAAA-MM-JJ.', en: 'Enter a date in the format YYYY-MM-DD.' },
  choice: { fr: 'Choisissez une des valeurs proposées.', en: 'Choose one of the proposed values.' },
  slug: {
    fr: 'Utilisez des lettres minuscules, des chiffres et des tirets (par exemple mon-article).',
    en: 'Use lower-case letters, digits and hyphens (e.g. my-article).',
  },
  url: {
    fr: 'Saisissez une adresse web commençant par https:// ou une adresse du site commençant par /.',
    en: 'Enter a web address starting with https:// or a site path starting with /.',
  },
  badCharacters: {
    fr: 'Ce champ contenait des caractères non autorisés (caractère nul ou caractère Unicode isolé) ; ils ont été retirés. Vérifiez le texte puis envoyez à nouveau.',
    en: 'This field contained characters that are not allowed (null character or lone Unicode surrogate); they were removed. Check the text and send it again.',
  },
  integer: { fr: 'Saisissez un nombre entier.', en: 'Enter a whole number.' },
});

export interface FieldError {
  message: Message;
  params?: Record<string, string | number>;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a submitted form field by field. Every problem is recorded against its field (never
 * thrown), and what the person typed is kept in `values` so the form can be shown again.
 */
export class FormReader {
  readonly values: Record<string, string> = {};
  readonly errors: Record<string, FieldError> = {};

  private readonly body: unknown;

  constructor(body: unknown) {
    // A body the input rule marked (see input-rules.ts): read the cleaned fields, and report each
    // field that held bad characters, so the form comes back with what was typed minus them.
    const marks = badFieldsOf(body);
    this.body = marks ? marks.clean : body;
    for (const field of marks?.fields ?? []) {
      const value = marks!.clean[field];
      this.values[field] = typeof value === 'string' ? value : '';
      this.fail(field, formMessages.badCharacters);
    }
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail(field: string, message: Message, params?: Record<string, string | number>): void {
    if (!this.errors[field]) this.errors[field] = { message, ...(params ? { params } : {}) };
  }

  private raw(field: string): unknown {
    if (!this.body || typeof this.body !== 'object') return undefined;
    const value = (this.body as Record<string, unknown>)[field];
    // Multipart fields arrive as { value }.
    if (value && typeof value === 'object' && 'value' in value && !Array.isArray(value))
      return (value as { value: unknown }).value;
    return value;
  }

  text(field: string, options: { required?: boolean; max?: number; trim?: boolean } = {}): string {
    const raw = this.raw(field);
    if (raw !== undefined && typeof raw !== 'string') {
      this.values[field] = '';
      this.fail(field, formMessages.notText);
      return '';
    }
    // A body built by hand (e.g. from multipart parts) is checked here too.
    const typed = raw ?? '';
    if (hasBadCharacters(typed)) this.fail(field, formMessages.badCharacters);
    const kept = withoutBadCharacters(typed);
    const value = options.trim === false ? kept : kept.trim();
    this.values[field] = value;
    const max = options.max ?? 10_000;
    if (options.required && value === '') this.fail(field, formMessages.required);
    else if (value.length > max) this.fail(field, formMessages.tooLong, { max });
    return value;
  }

  email(field: string, options: { required?: boolean } = {}): string {
    const value = this.text(field, { ...options, max: 254 }).toLowerCase();
    if (value && !this.errors[field] && !EMAIL.test(value)) this.fail(field, formMessages.email);
    return value;
  }

  slug(field: string, options: { required?: boolean } = {}): string {
    const value = this.text(field, { ...options, max: 120 });
    if (value && !this.errors[field] && !SLUG.test(value)) this.fail(field, formMessages.slug);
    return value;
  }

  /** A date typed as YYYY-MM-DD; returns null when empty or invalid. */
  date(field: string, options: { required?: boolean } = {}): string | null {
    const value = this.text(field, { ...options, max: 10 });
    if (!value || this.errors[field]) return null;
    const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = parsed ? new Date(Date.UTC(+parsed[1], +parsed[2] - 1, +parsed[3])) : null;
    if (!date || date.getUTCMonth() !== +parsed![2] - 1 || date.getUTCDate() !== +parsed![3]) {
      this.fail(field, formMessages.date);
      return null;
    }
    return value;
  }

  choice<T extends string>(field: string, allowed: readonly T[], options: { required?: boolean } = {}): T | null {
    const value = this.text(field, options);
    if (!value) return null;
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(field, formMessages.choice);
      return null;
    }
    return value as T;
  }

  /** A link: https://…, http://… or a path on this site. Never javascript: or data:. */
  url(field: string, options: { required?: boolean } = {}): string {
    const value = this.text(field, { ...options, max: 2000 });
    if (value && !this.errors[field] && !/^(https?:\/\/[^\s]+|\/[^\s/][^\s]*|\/)$/i.test(value))
      this.fail(field, formMessages.url);
    return value;
  }

  checkbox(field: string): boolean {
    const raw = this.raw(field);
    const on = raw === 'on' || raw === 'true' || raw === '1';
    this.values[field] = on ? 'on' : '';
    return on;
  }

  /** Error texts in the reader's locale, for JSON answers. */
  errorTexts(locale: Locale): Record<string, string> {
    return Object.fromEntries(Object.entries(this.errors).map(([k, e]) => [k, t(locale, e.message, e.params)]));
  }
}

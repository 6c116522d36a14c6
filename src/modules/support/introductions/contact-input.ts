import { type FieldError, FormReader, formMessages } from '../../../core/http/forms.js';
import type { Locale, Message } from '../../../core/i18n/i18n.js';
import { isValidSiret, normaliseSiret } from '../../applications/index.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import { introductionMessages as m } from './messages.js';

/**
 * Reading a contact of the directory, from the staff's form or from a line of a CSV import: the same
 * rules and the same field messages either way, so a line of a file is refused for what a form would be.
 */

export interface ContactInput {
  organisation: string;
  /** 14 digits, or null when none was given. */
  siret: string | null;
  service: string;
  personName: string;
  role: string;
  email: string;
  topics: string[];
  levers: string[];
  legalBasis: string;
  consentNote: string;
}

export const MAX_TOPICS = 20;
export const MAX_TOPIC_LENGTH = 60;

/** The legal bases offered in the form; "other" takes a typed text. Stored as the French label (or the text). */
export const LEGAL_BASES: { code: string; label: Message }[] = [
  { code: 'interet-legitime', label: m.legalBasisPublicTask },
  { code: 'interet-public', label: m.legalBasisPublicInterest },
  { code: 'consentement', label: m.legalBasisConsent },
];

/** The form's choice for a stored legal basis: one of the list, or "autre" with the text. */
export function legalBasisChoice(stored: string): { choice: string; other: string } {
  const known = LEGAL_BASES.find((b) => b.label.fr === stored);
  return known ? { choice: known.code, other: '' } : { choice: stored ? 'autre' : '', other: stored };
}

/** A lever's code from its code or its label, as a person types it in a spreadsheet; null if none matches. */
export function leverCodeOf(text: string): string | null {
  const typed = text.trim().toLowerCase();
  if (!typed) return null;
  const lever = SUPPORT_LEVERS.find(
    (l) => l.code === typed || l.label.toLowerCase() === typed || l.labelEn.toLowerCase() === typed,
  );
  return lever?.code ?? null;
}

/** Topics typed as a list (commas or vertical bars), trimmed, without repeats (case-insensitive). */
export function splitTopics(text: string): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const part of text.split(/[,|;\n]/)) {
    const topic = part.replace(/\s+/g, ' ').trim();
    const key = topic.toLocaleLowerCase('fr');
    if (!topic || seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
  }
  return topics;
}

/** A field's values, whether sent once (a string) or several times (a list), as urlencoded and multipart give them. */
export function listOf(body: unknown, field: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const raw = (body as Record<string, unknown>)[field];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values
    .map((v) => (v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v))
    .filter((v): v is string => typeof v === 'string');
}

/** The SIRET's own message: a wrong length or characters, or a wrong check key. */
export function siretProblem(typed: string): Message | null {
  if (!typed) return null;
  const compact = normaliseSiret(typed);
  if (!/^\d{14}$/.test(compact)) return m.siretFormat;
  return isValidSiret(compact) ? null : m.siretKey;
}

export interface ContactReading {
  input: ContactInput;
  values: Record<string, string>;
  /** The levers as chosen, for the form's checkboxes. */
  leverValues: string[];
  errors: Record<string, FieldError>;
  ok: boolean;
}

/**
 * Reads a contact. `levers` are the lever texts given (codes from the form, codes or labels from a file);
 * `freeLegalBasis` reads the legal basis as text (a file) rather than as the form's list with "autre".
 */
export function readContact(body: unknown, options: { levers: string[]; freeLegalBasis?: boolean }): ContactReading {
  const form = new FormReader(body);
  const organisation = form.text('organisation', { required: true, max: 200 });
  const siretTyped = form.text('siret', { max: 30 });
  const service = form.text('service', { required: true, max: 200 });
  const personName = form.text('person_name', { required: true, max: 200 });
  const role = form.text('role', { max: 200 });
  const email = form.email('email', { required: true });
  const topicsText = form.text('topics', { max: 2000 });
  const consentNote = form.text('consent_note', { required: true, max: 1000 });

  const siretMessage = form.errors.siret ? null : siretProblem(siretTyped);
  if (siretMessage) form.fail('siret', siretMessage);
  const siret = siretTyped && !form.errors.siret ? normaliseSiret(siretTyped) : null;

  const topics = splitTopics(topicsText);
  if (!form.errors.topics && (topics.length > MAX_TOPICS || topics.some((x) => x.length > MAX_TOPIC_LENGTH)))
    form.fail('topics', m.tooManyTopics, { max: MAX_TOPICS, len: MAX_TOPIC_LENGTH });

  const levers: string[] = [];
  for (const text of options.levers) {
    const code = leverCodeOf(text);
    if (!code) {
      if (text.trim()) form.fail('levers', m.unknownLever);
      continue;
    }
    if (!levers.includes(code)) levers.push(code);
  }

  let legalBasis: string;
  if (options.freeLegalBasis) {
    legalBasis = form.text('legal_basis', { required: true, max: 300 });
  } else {
    const choice = form.choice('legal_basis', [...LEGAL_BASES.map((b) => b.code), 'autre'], { required: true });
    const other = form.text('legal_basis_other', { max: 300 });
    if (choice === 'autre') {
      if (!other && !form.errors.legal_basis_other) form.fail('legal_basis_other', formMessages.required);
      legalBasis = other;
    } else legalBasis = LEGAL_BASES.find((b) => b.code === choice)?.label.fr ?? '';
  }

  return {
    input: { organisation, siret, service, personName, role, email, topics, levers, legalBasis, consentNote },
    values: form.values,
    leverValues: options.levers,
    errors: form.errors,
    ok: form.ok,
  };
}

/** The labels of the contact's fields, for the error summary and the import's error list. */
export function contactFieldLabels(locale: Locale): Record<string, string> {
  const pick = (message: Message) => message[locale] || message.fr;
  return {
    organisation: pick(m.fieldOrganisation),
    siret: pick(m.fieldSiret),
    service: pick(m.fieldService),
    person_name: pick(m.fieldPerson),
    role: pick(m.fieldRole),
    email: pick(m.fieldEmail),
    topics: pick(m.fieldTopics),
    levers: pick(m.fieldLevers),
    legal_basis: pick(m.fieldLegalBasis),
    legal_basis_other: pick(m.fieldLegalBasisOther),
    consent_note: pick(m.fieldConsent),
  };
}

import { type FieldError, FormReader } from '../../../core/http/forms.js';
import type { Locale, Message } from '../../../core/i18n/i18n.js';
import { isValidRna, isValidSiret, normaliseRna, normaliseSiret } from '../../applications/index.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import type { CommonsKind, CommonsMaturity } from '../tables.js';
import { readLicence } from './licence.js';
import { catalogueMessages as m } from './messages.js';

/**
 * Reading a commons, from the maintainers' form or from a line of the staff's CSV import: the same rules and
 * the same field messages either way.
 */

export const KINDS: readonly CommonsKind[] = ['software', 'data', 'content', 'hardware', 'service', 'other'];
export const MATURITIES: readonly CommonsMaturity[] = ['idea', 'prototype', 'production', 'mature'];

export const MAX_CATEGORIES = 10;
export const MAX_CATEGORY_LENGTH = 60;
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 40;
export const MAX_SUMMARY = 280;

export interface CommonsInput {
  name: string;
  summary: string;
  description: string;
  website: string | null;
  repository: string | null;
  licence: string | null;
  kind: CommonsKind;
  maturity: CommonsMaturity;
  governanceName: string;
  governanceSiret: string | null;
  governanceRna: string | null;
  categories: string[];
  keywords: string[];
  levers: string[];
  wikidataId: string | null;
}

export interface CommonsReading {
  input: CommonsInput;
  values: Record<string, string>;
  /** The levers as ticked, for the form's checkboxes. */
  leverValues: string[];
  errors: Record<string, FieldError>;
  ok: boolean;
}

/** A list typed with commas (or vertical bars, semicolons, new lines), trimmed, without repeats (case-insensitive). */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const part of text.split(/[,|;\n]/)) {
    const item = part.replace(/\s+/g, ' ').trim();
    const key = item.toLocaleLowerCase('fr');
    if (!item || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

/** A field's values, whether sent once (a string) or several times (a list). */
export function listOf(body: unknown, field: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const raw = (body as Record<string, unknown>)[field];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values.filter((v): v is string => typeof v === 'string');
}

/** A lever's code from its code or label (as typed in a spreadsheet); null if none matches. */
export function leverCodeOf(text: string): string | null {
  const typed = text.trim().toLowerCase();
  if (!typed) return null;
  return (
    SUPPORT_LEVERS.find((l) => l.code === typed || l.label.toLowerCase() === typed || l.labelEn.toLowerCase() === typed)
      ?.code ?? null
  );
}

/** A public web address: http(s) only (never javascript:, data: or a site path). */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value) || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function readUrl(form: FormReader, field: string): string | null {
  const value = form.text(field, { max: 2000 });
  if (!value || form.errors[field]) return null;
  if (!isWebAddress(value)) {
    form.fail(field, m.errUrl);
    return null;
  }
  return value;
}

function readList(form: FormReader, field: string, max: number, len: number, maxText: number): string[] {
  const items = splitList(form.text(field, { max: maxText }));
  if (!form.errors[field] && (items.length > max || items.some((x) => x.length > len)))
    form.fail(field, m.errList, { max, len });
  return items;
}

export interface ReadOptions {
  /** Lever texts given: codes from the form's checkboxes, codes or labels from a file. */
  levers: string[];
  /** Kind and maturity as the file writes them (French labels, or codes); the form sends codes. */
  labelled?: boolean;
}

/** A kind or maturity from its code or its French or English label. */
function codeOf<T extends string>(typed: string, codes: readonly T[], prefix: 'kind' | 'maturity'): T | null {
  const folded = typed.trim().toLowerCase();
  for (const code of codes) {
    const label = m[`${prefix}_${code}` as keyof typeof m];
    if (folded === code || folded === label.fr.toLowerCase() || folded === label.en.toLowerCase()) return code;
  }
  return null;
}

/** Reads a commons. Every problem is recorded against its field; what was typed is kept in `values`. */
export function readCommons(body: unknown, options: ReadOptions): CommonsReading {
  const form = new FormReader(body);
  const name = form.text('name', { required: true, max: 120 });
  const summary = form.text('summary', { required: true, max: MAX_SUMMARY });
  const description = form.text('description', { max: 20_000 });
  const website = readUrl(form, 'website');
  const repository = readUrl(form, 'repository');

  const licenceTyped = form.text('licence', { max: 200 });
  let licence: string | null = null;
  if (licenceTyped && !form.errors.licence) {
    const reading = readLicence(licenceTyped);
    if (reading.ok) licence = reading.expression;
    else form.fail('licence', m.errLicence);
  }

  let kind: CommonsKind | null;
  let maturity: CommonsMaturity | null;
  if (options.labelled) {
    const kindText = form.text('kind', { max: 60 });
    kind = kindText ? codeOf(kindText, KINDS, 'kind') : 'software';
    if (!kind && !form.errors.kind) form.fail('kind', m.errKind);
    const maturityText = form.text('maturity', { max: 60 });
    maturity = maturityText ? codeOf(maturityText, MATURITIES, 'maturity') : 'production';
    if (!maturity && !form.errors.maturity) form.fail('maturity', m.errMaturity);
  } else {
    kind = form.choice('kind', KINDS, { required: true });
    maturity = form.choice('maturity', MATURITIES, { required: true });
  }

  const governanceName = form.text('governance_name', { max: 200 });
  const siretTyped = form.text('governance_siret', { max: 30 });
  let governanceSiret: string | null = null;
  if (siretTyped && !form.errors.governance_siret) {
    const compact = normaliseSiret(siretTyped);
    if (!/^\d{14}$/.test(compact)) form.fail('governance_siret', m.errSiretFormat);
    else if (!isValidSiret(compact)) form.fail('governance_siret', m.errSiretKey);
    else governanceSiret = compact;
  }
  const rnaTyped = form.text('governance_rna', { max: 30 });
  let governanceRna: string | null = null;
  if (rnaTyped && !form.errors.governance_rna) {
    const compact = normaliseRna(rnaTyped);
    if (isValidRna(compact) && /^W[0-9A-Z]{9}$/.test(compact)) governanceRna = compact;
    else form.fail('governance_rna', m.errRna);
  }

  const categories = readList(form, 'categories', MAX_CATEGORIES, MAX_CATEGORY_LENGTH, 1000);
  const keywords = readList(form, 'keywords', MAX_KEYWORDS, MAX_KEYWORD_LENGTH, 1000);

  const levers: string[] = [];
  for (const text of options.levers.slice(0, 50)) {
    const code = leverCodeOf(text);
    if (!code) {
      if (text.trim()) form.fail('levers', m.errLever);
      continue;
    }
    if (!levers.includes(code)) levers.push(code);
  }

  const wikidataTyped = form.text('wikidata_id', { max: 20 });
  let wikidataId: string | null = null;
  if (wikidataTyped && !form.errors.wikidata_id) {
    const upper = wikidataTyped.toUpperCase();
    if (/^Q[0-9]{1,12}$/.test(upper)) wikidataId = upper;
    else form.fail('wikidata_id', m.errWikidata);
  }

  return {
    input: {
      name,
      summary,
      description,
      website,
      repository,
      licence,
      kind: kind ?? 'software',
      maturity: maturity ?? 'production',
      governanceName,
      governanceSiret,
      governanceRna,
      categories,
      keywords,
      levers,
      wikidataId,
    },
    values: form.values,
    leverValues: options.levers.filter((v) => v.length <= 200),
    errors: form.errors,
    ok: form.ok,
  };
}

/** The labels of the form's fields, for the error summary and the import's report. */
export function commonsFieldLabels(locale: Locale): Record<string, string> {
  const pick = (message: Message) => message[locale] || message.fr;
  return {
    name: pick(m.fieldName),
    summary: pick(m.fieldSummary),
    description: pick(m.fieldDescription),
    website: pick(m.fieldWebsite),
    repository: pick(m.fieldRepository),
    licence: pick(m.fieldLicence),
    kind: pick(m.fieldKind),
    maturity: pick(m.fieldMaturity),
    governance_name: pick(m.fieldGovernance),
    governance_siret: pick(m.fieldSiret),
    governance_rna: pick(m.fieldRna),
    categories: pick(m.fieldCategories),
    keywords: pick(m.fieldKeywords),
    levers: pick(m.fieldLevers),
    wikidata_id: pick(m.fieldWikidata),
    slug: pick(m.fieldSlug),
    sill_id: pick(m.fieldSillId),
  };
}

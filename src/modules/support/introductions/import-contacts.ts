import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { FieldError } from '../../../core/http/forms.js';
import type { Message } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { checkOrganisation, type OrganisationCheck } from '../../applications/index.js';
import { type ContactInput, readContact } from './contact-input.js';
import { parseCsvText } from './csv.js';
import { introductionMessages as m } from './messages.js';
import { activeContactByEmail } from './queries.js';
import { saveContactIn } from './save-contact.js';

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_LINES = 2000;

/** The columns of the import file (its first line names them, in any order), with the contact field each fills. */
export const IMPORT_COLUMNS = [
  { name: 'organisation', field: 'organisation', required: true, help: m.colHelpOrganisation },
  { name: 'siret', field: 'siret', required: false, help: m.colHelpSiret },
  { name: 'service', field: 'service', required: true, help: m.colHelpService },
  { name: 'personne', field: 'person_name', required: true, help: m.colHelpPerson },
  { name: 'fonction', field: 'role', required: false, help: m.colHelpRole },
  { name: 'email', field: 'email', required: true, help: m.colHelpEmail },
  { name: 'sujets', field: 'topics', required: false, help: m.colHelpTopics },
  { name: 'leviers', field: 'levers', required: false, help: m.colHelpLevers },
  { name: 'base_legale', field: 'legal_basis', required: true, help: m.colHelpLegalBasis },
  { name: 'consentement', field: 'consent_note', required: true, help: m.colHelpConsent },
] as const;

/** Other spellings people use in a header (accents, "e-mail", "courriel"…) once normalised. */
const ALIASES: Record<string, string> = {
  e_mail: 'email',
  courriel: 'email',
  nom: 'personne',
  base_legal: 'base_legale',
};

function normaliseHeader(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ALIASES[plain] ?? plain;
}

export type DuplicateMode = 'skip' | 'update';

export interface ImportLine {
  line: number;
  input: ContactInput;
  action: 'create' | 'update' | 'skip';
  existingId: string | null;
}

export interface ImportError {
  /** 0 for a problem of the whole file. */
  line: number;
  /** The column's name in the file, or '' for the whole file. */
  column: string;
  error: FieldError;
}

export interface ImportPlan {
  lines: ImportLine[];
  errors: ImportError[];
  /** Contact lines read (valid or not). */
  total: number;
  /** Lines with at least one error. */
  invalid: number;
}

const fileError = (message: Message, params?: Record<string, string | number>): ImportPlan => ({
  lines: [],
  errors: [{ line: 0, column: '', error: { message, ...(params ? { params } : {}) } }],
  total: 0,
  invalid: 0,
});

/**
 * Reads an import file and says what importing it would do, line by line: each valid line is added, or
 * updates / skips the active contact with the same address; each invalid line is listed with its errors
 * (line, column, message) and left out. Reads the directory, changes nothing.
 */
export async function planImport(db: Services['db'], bytes: Buffer, mode: DuplicateMode): Promise<ImportPlan> {
  if (bytes.length === 0) return fileError(m.fileEmpty);
  if (bytes.length > MAX_IMPORT_BYTES) return fileError(m.fileTooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileError(m.fileNotUtf8);
  }
  const reading = parseCsvText(text);
  const [header, ...records] = reading.records;
  if (!header || records.length === 0) return fileError(m.fileEmpty);
  if (records.length > MAX_IMPORT_LINES) return fileError(m.fileTooManyLines, { max: MAX_IMPORT_LINES });
  const names = header.cells.map(normaliseHeader);
  const known = new Set<string>(IMPORT_COLUMNS.map((c) => c.name));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) return fileError(m.headerMissing, { columns: missing.join(', ') });
  const unknown = header.cells.find((cell, i) => cell.trim() && !known.has(names[i]));
  if (unknown !== undefined) return fileError(m.headerUnknown, { column: unknown.slice(0, 60) });

  const errors: ImportError[] = [];
  if (reading.unclosedQuote)
    errors.push({ line: records.at(-1)?.line ?? 0, column: '', error: { message: m.badQuotes } });
  const lines: ImportLine[] = [];
  const seen = new Map<string, number>();
  let invalid = 0;
  for (const record of records) {
    const body: Record<string, string> = {};
    names.forEach((name, i) => {
      const column = IMPORT_COLUMNS.find((c) => c.name === name);
      if (column) body[column.field] = record.cells[i] ?? '';
    });
    const levers = (body.levers ?? '').split(/[,|]/).filter((x) => x.trim());
    const read = readContact(body, { levers, freeLegalBasis: true });
    const lineErrors: ImportError[] = Object.entries(read.errors).map(([field, error]) => ({
      line: record.line,
      column: IMPORT_COLUMNS.find((c) => c.field === field)?.name ?? field,
      error,
    }));
    const email = read.input.email;
    if (email && !read.errors.email) {
      const first = seen.get(email);
      if (first !== undefined)
        lineErrors.push({
          line: record.line,
          column: 'email',
          error: { message: m.duplicateInFile, params: { line: first } },
        });
      else seen.set(email, record.line);
    }
    if (lineErrors.length > 0) {
      invalid++;
      errors.push(...lineErrors);
      continue;
    }
    const existing = await activeContactByEmail(db, email);
    lines.push({
      line: record.line,
      input: read.input,
      action: existing ? (mode === 'update' ? 'update' : 'skip') : 'create',
      existingId: existing?.id ?? null,
    });
  }
  return { lines, errors, total: records.length, invalid };
}

export type ImportResult =
  | { ok: true; created: number; updated: number; skipped: number }
  | { ok: false; plan: ImportPlan };

/**
 * Imports the valid lines of a file in ONE transaction (all or nothing), after checking their SIRETs with the
 * company register (outside the transaction; an unavailable register never blocks). The file is read again
 * here: what is imported is what the preview of these same bytes showed, unless the directory changed since.
 */
export async function importContacts(
  services: Services,
  actor: Actor,
  bytes: Buffer,
  mode: DuplicateMode,
): Promise<ImportResult> {
  const plan = await planImport(services.db, bytes, mode);
  const todo = plan.lines.filter((l) => l.action !== 'skip');
  if (todo.length === 0 && plan.lines.length === 0) return { ok: false, plan };
  const checks = new Map<string, OrganisationCheck>();
  for (const line of todo)
    if (line.input.siret && !checks.has(line.input.siret))
      checks.set(line.input.siret, await checkOrganisation(services, { siret: line.input.siret }));
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    let created = 0;
    let updated = 0;
    let skipped = plan.lines.length - todo.length;
    for (const line of todo) {
      const check = line.input.siret ? (checks.get(line.input.siret) ?? null) : null;
      const existing = await activeContactByEmail(trx, line.input.email);
      if (existing && mode === 'skip') {
        skipped++;
        continue;
      }
      const saved = await saveContactIn(
        trx,
        audit,
        actor,
        now,
        line.input,
        check,
        existing ? { id: existing.id, version: null } : undefined,
      );
      if (!saved.ok) skipped++;
      else if (saved.created) created++;
      else updated++;
    }
    await audit({
      action: 'support.contacts-imported',
      subjectType: 'support_contact',
      summary: { lines: plan.total, invalid: plan.invalid, created, updated, skipped, mode },
    });
    return { ok: true, created, updated, skipped };
  });
}

import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { FieldError } from '../../../core/http/forms.js';
import type { Message } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { isValidSiret, normaliseSiret } from '../../applications/index.js';
import { findTerritory, NATIONAL } from '../territories.js';
import { parseCsv } from './csv.js';
import { inviteIn } from './invite-member.js';
import { administrationMessages as m } from './messages.js';
import { administrationBySiret, administrationOfSiret, mergeTarget } from './queries.js';
import { checkSiret, type SiretCheck } from './register-check.js';
import { uniqueSlug } from './slugs.js';

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_LINES = 500;
export const MAX_CONTACTS_PER_LINE = 20;

/** The columns of the file (the first line names them, in any order). */
export const IMPORT_COLUMNS = [
  { name: 'name', required: true, help: m.colHelpName },
  { name: 'siret', required: true, help: m.colHelpSiret },
  { name: 'territory', required: false, help: m.colHelpTerritory },
  { name: 'email', required: false, help: m.colHelpEmail },
] as const;

type ColumnName = (typeof IMPORT_COLUMNS)[number]['name'];

/** Other names people give the columns (French first), once accents, case and separators are folded. */
const ALIASES: Record<string, ColumnName> = {
  name: 'name',
  nom: 'name',
  administration: 'name',
  raison_sociale: 'name',
  siret: 'siret',
  territory: 'territory',
  territoire: 'territory',
  email: 'email',
  emails: 'email',
  e_mail: 'email',
  courriel: 'email',
  courriels: 'email',
  contact: 'email',
  contacts: 'email',
};

function columnOf(header: string): ColumnName | undefined {
  const folded = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ALIASES[folded];
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export type LineResult = 'created' | 'updated' | 'unchanged' | 'error';

export interface ReportLine {
  line: number;
  siret: string;
  name: string;
  slug: string | null;
  result: LineResult;
  problems: FieldError[];
  /** Notes that are no errors (a merged administration). */
  notes: FieldError[];
  invited: number;
  alreadyInvited: number;
  alreadyMembers: number;
}

export interface ImportReport {
  /** A problem of the whole file (nothing was imported), or null. */
  fileError: FieldError | null;
  lines: ReportLine[];
}

const fileProblem = (message: Message, params?: Record<string, string | number>): { report: ImportReport } => ({
  report: { fileError: { message, ...(params ? { params } : {}) }, lines: [] },
});

interface ReadLine {
  line: number;
  siretText: string;
  siret: string | null;
  name: string;
  territory: string | null;
  emails: string[];
  problems: FieldError[];
}

function readLines(bytes: Buffer): { lines: ReadLine[] } | { report: ImportReport } {
  if (bytes.length === 0) return fileProblem(m.fileEmpty);
  if (bytes.length > MAX_IMPORT_BYTES) return fileProblem(m.fileTooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem(m.fileNotUtf8);
  }
  const reading = parseCsv(text.replace(/\u0000/g, ''));
  const [header, ...records] = reading.records;
  if (!header || records.length === 0) return fileProblem(m.fileEmpty);
  if (records.length > MAX_IMPORT_LINES) return fileProblem(m.fileTooManyLines, { max: MAX_IMPORT_LINES });
  const columns = header.cells.map(columnOf);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) return fileProblem(m.headerMissing, { columns: missing.join(', ') });
  const cell = (cells: string[], name: ColumnName) => {
    const index = columns.indexOf(name);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  const seen = new Map<string, number>();
  const lines = records.map((record): ReadLine => {
    const problems: FieldError[] = [];
    const siretText = cell(record.cells, 'siret').slice(0, 40);
    const siret = siretText && isValidSiret(siretText) ? normaliseSiret(siretText) : null;
    if (!siret) problems.push({ message: m.siretInvalid });
    else if (seen.has(siret)) problems.push({ message: m.duplicateInFile, params: { line: seen.get(siret)! } });
    else seen.set(siret, record.line);
    const territoryText = cell(record.cells, 'territory').slice(0, 100);
    const territory = territoryText ? findTerritory(territoryText) : null;
    if (territoryText && !territory) problems.push({ message: m.unknownTerritory, params: { value: territoryText } });
    const emails = [
      ...new Set(
        cell(record.cells, 'email')
          .split(/[,\s]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    for (const email of emails)
      if (email.length > 254 || !EMAIL.test(email))
        problems.push({ message: m.badEmail, params: { email: email.slice(0, 80) } });
    if (emails.length > MAX_CONTACTS_PER_LINE)
      problems.push({ message: m.tooManyContacts, params: { max: MAX_CONTACTS_PER_LINE } });
    return {
      line: record.line,
      siretText,
      siret,
      name: cell(record.cells, 'name').slice(0, 200),
      territory,
      emails,
      problems,
    };
  });
  if (reading.unclosedQuote) lines.at(-1)?.problems.push({ message: m.badQuotes });
  return { lines };
}

/**
 * Imports administrations and their contacts from a French CSV file (staff): each line creates the
 * administration of its SIRET (checked with the company register: its name when it answers) or updates it
 * (territory; name while the register never confirmed it), then invites each contact (one mail each, none for
 * a pending invitation nor a member). Every line is its own audited transaction and gets a report line;
 * a line that fails leaves the others imported. Importing the same file again changes nothing.
 */
export async function importAdministrations(services: Services, actor: Actor, bytes: Buffer): Promise<ImportReport> {
  const read = readLines(bytes);
  if ('report' in read) return read.report;
  const report: ReportLine[] = [];
  for (const line of read.lines) {
    const base: ReportLine = {
      line: line.line,
      siret: line.siret ?? line.siretText,
      name: line.name,
      slug: null,
      result: 'error',
      problems: [...line.problems],
      notes: [],
      invited: 0,
      alreadyInvited: 0,
      alreadyMembers: 0,
    };
    if (base.problems.length > 0 || !line.siret) {
      report.push(base);
      continue;
    }
    try {
      report.push(await importLine(services, actor, { ...line, siret: line.siret }, base));
    } catch (err) {
      services.log.error({ err, line: line.line }, 'administration import: a line failed');
      report.push({ ...base, result: 'error', problems: [{ message: m.unexpected }] });
    }
  }
  return { fileError: null, lines: report };
}

async function importLine(
  services: Services,
  actor: Actor,
  line: ReadLine & { siret: string },
  base: ReportLine,
): Promise<ReportLine> {
  const existing = await administrationBySiret(services.db, line.siret);
  // Only a new administration is checked with the register (staff re-check an existing one on its page).
  let check: SiretCheck | null = null;
  if (!existing) {
    // A service's SIRET: its agents join that administration; it cannot be an administration of its own.
    const ofService = await administrationOfSiret(services.db, line.siret);
    if (ofService) return { ...base, problems: [{ message: m.siretIsService }] };
    check = await checkSiret(services, line.siret);
    if (check.outcome === 'not_found') return { ...base, problems: [{ message: m.siretNotFound }] };
    if (check.outcome !== 'verified' && !line.name) return { ...base, problems: [{ message: m.nameNeeded }] };
  }
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ReportLine> => {
    const result: ReportLine = { ...base };
    let targetId: string;
    let administration = await administrationBySiret(trx, line.siret);
    if (administration?.mergedInto) {
      administration = await mergeTarget(trx, administration);
      result.notes.push({ message: m.mergedSiret, params: { name: administration.name } });
    }
    if (administration) {
      const changes: { territory?: string; name?: string } = {};
      if (line.territory && line.territory !== administration.territory) changes.territory = line.territory;
      const registerConfirmed = administration.registerCheck?.register?.status === 'verified';
      if (line.name && !registerConfirmed && line.name !== administration.name && !result.notes.length)
        changes.name = line.name;
      if (Object.keys(changes).length > 0) {
        await trx
          .updateTable('commons_administrations')
          .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
          .where('id', '=', administration.id)
          .execute();
        await audit({
          action: 'commons.administration-imported',
          subjectType: 'commons_administration',
          subjectId: administration.id,
          summary: { line: line.line, result: 'updated', changed: Object.keys(changes) },
        });
        result.result = 'updated';
      } else result.result = 'unchanged';
      targetId = administration.id;
    } else {
      const siret = check!;
      const name = siret.outcome === 'verified' && siret.name ? siret.name.slice(0, 200) : line.name;
      const inserted = await trx
        .insertInto('commons_administrations')
        .values({
          slug: await uniqueSlug(trx, name),
          name,
          siret: line.siret,
          legal_category: siret.legalCategory,
          register_check: siret.check ? JSON.stringify(siret.check) : null,
          active: siret.active,
          website: null,
          territory: line.territory ?? NATIONAL,
          description: '',
          hidden: false,
          hidden_reason: null,
          merged_into: null,
          created_at: now,
          created_by: actor.id,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      targetId = inserted.id;
      await audit({
        action: 'commons.administration-imported',
        subjectType: 'commons_administration',
        subjectId: inserted.id,
        summary: { line: line.line, result: 'created', register: siret.outcome },
      });
      result.result = 'created';
    }
    const stored = await trx
      .selectFrom('commons_administrations')
      .select(['slug', 'name'])
      .where('id', '=', targetId)
      .executeTakeFirstOrThrow();
    result.slug = stored.slug;
    result.name = stored.name;
    // Invitations name who sends them: a person (the staff member importing), never the platform itself.
    for (const email of actor.id ? line.emails : []) {
      const invited = await inviteIn(trx, audit, services, now, {
        administrationId: targetId,
        administrationName: stored.name,
        email,
        invitedBy: actor.id as string,
        inviterName: null,
        limited: false,
      });
      if (invited.ok) result.invited++;
      else if (invited.problem === 'already_member') result.alreadyMembers++;
      else result.alreadyInvited++;
    }
    return result;
  });
}

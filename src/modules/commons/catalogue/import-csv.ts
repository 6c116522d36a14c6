import type { Updateable } from 'kysely';
import type { Actor } from '../../../core/audit/audit.js';
import type { FieldError } from '../../../core/http/forms.js';
import type { Message } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import type { CommonsTable } from '../tables.js';
import { type CommonsInput, readCommons, splitList } from './commons-input.js';
import { parseCsv } from './csv.js';
import { applyPlan, type ImportReport, type PlannedLine, type Reason, sameList, totals } from './import-common.js';
import { catalogueMessages as m } from './messages.js';
import { type Commons, slugOf } from './queries.js';
import { commonsColumns } from './save-commons.js';

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_LINES = 2000;

/**
 * The columns of the staff's CSV import of commons, by their header (the first line names them, in any order;
 * accents, case, spaces and hyphens in headers are ignored): the form's field each fills.
 */
export const CSV_COLUMNS = [
  { header: 'Nom', key: 'nom', field: 'name', required: true, help: m.colHelp_nom },
  { header: 'Identifiant', key: 'identifiant', field: 'slug', required: false, help: m.colHelp_identifiant },
  {
    header: 'Identifiant SILL',
    key: 'identifiant_sill',
    field: 'sill_id',
    required: false,
    help: m.colHelp_identifiant_sill,
  },
  { header: 'Résumé', key: 'resume', field: 'summary', required: false, help: m.colHelp_resume },
  { header: 'Description', key: 'description', field: 'description', required: false, help: m.colHelp_description },
  { header: 'Site web', key: 'site_web', field: 'website', required: false, help: m.colHelp_site_web },
  { header: 'Dépôt', key: 'depot', field: 'repository', required: false, help: m.colHelp_depot },
  { header: 'Licence', key: 'licence', field: 'licence', required: false, help: m.colHelp_licence },
  { header: 'Type', key: 'type', field: 'kind', required: false, help: m.colHelp_type },
  { header: 'Maturité', key: 'maturite', field: 'maturity', required: false, help: m.colHelp_maturite },
  { header: 'Porteur', key: 'porteur', field: 'governance_name', required: false, help: m.colHelp_porteur },
  { header: 'SIRET', key: 'siret', field: 'governance_siret', required: false, help: m.colHelp_siret },
  { header: 'RNA', key: 'rna', field: 'governance_rna', required: false, help: m.colHelp_rna },
  { header: 'Catégories', key: 'categories', field: 'categories', required: false, help: m.colHelp_categories },
  { header: 'Mots-clés', key: 'mots_cles', field: 'keywords', required: false, help: m.colHelp_mots_cles },
  { header: 'Leviers', key: 'leviers', field: 'levers', required: false, help: m.colHelp_leviers },
  { header: 'Wikidata', key: 'wikidata', field: 'wikidata_id', required: false, help: m.colHelp_wikidata },
] as const;

/** Other spellings of headers, once normalised. */
const ALIASES: Record<string, string> = {
  slug: 'identifiant',
  sill: 'identifiant_sill',
  id_sill: 'identifiant_sill',
  sill_id: 'identifiant_sill',
  site: 'site_web',
  site_internet: 'site_web',
  depot_de_code: 'depot',
  code_source: 'depot',
  license: 'licence',
  gouvernance: 'porteur',
  mots_clefs: 'mots_cles',
  wikidata_id: 'wikidata',
};

export function normaliseHeader(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s'’-]+/g, '_');
  return ALIASES[plain] ?? plain;
}

const fileError = (message: Message, params?: Record<string, string | number>) => ({
  ok: false as const,
  error: { message, ...(params ? { params } : {}) } satisfies FieldError,
});

/** A stored commons as the form's text fields, so a line's empty cells keep what is there. */
function formTextOf(commons: Commons): Record<string, string> {
  return {
    name: commons.name,
    summary: commons.summary,
    description: commons.description,
    website: commons.website ?? '',
    repository: commons.repository ?? '',
    licence: commons.licence ?? '',
    kind: commons.kind,
    maturity: commons.maturity,
    governance_name: commons.governance_name,
    governance_siret: commons.governance_siret ?? '',
    governance_rna: commons.governance_rna ?? '',
    categories: commons.categories.join(', '),
    keywords: commons.keywords.join(', '),
    wikidata_id: commons.wikidata_id ?? '',
  };
}

/** The columns whose value would change, with their new values. */
export function changedColumns(commons: Commons, input: CommonsInput): Updateable<CommonsTable> {
  const next = commonsColumns(input);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const current = commons[key as keyof Commons];
    const same = Array.isArray(value)
      ? Array.isArray(current) && sameList(current as string[], value)
      : (current ?? null) === (value ?? null);
    if (!same) changed[key] = value;
  }
  return changed as Updateable<CommonsTable>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a CSV file of commons and says what importing it does, line by line: create, update (the commons with
 * the same SILL identifier, else the same identifier — the slug given or made from the name), or skip with the
 * reasons (field errors, already up to date, merged commons, repeated line). Changes nothing.
 */
export async function planCsvImport(
  services: Services,
  bytes: Buffer,
): Promise<{ ok: true; lines: PlannedLine[] } | { ok: false; error: FieldError }> {
  const { db } = services;
  if (bytes.length === 0) return fileError(m.fileEmpty);
  if (bytes.length > MAX_IMPORT_BYTES) return fileError(m.fileTooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileError(m.fileNotUtf8);
  }
  const { records, unclosedQuote } = parseCsv(text);
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return fileError(m.fileEmpty);
  if (rows.length > MAX_IMPORT_LINES) return fileError(m.fileTooManyLines, { max: MAX_IMPORT_LINES });
  if (unclosedQuote) return fileError(m.badQuotes);
  const keys = header.cells.map(normaliseHeader);
  const known = new Set<string>(CSV_COLUMNS.map((c) => c.key));
  const missing = CSV_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  if (missing.length > 0) return fileError(m.headerMissing, { columns: missing.join(', ') });
  const unknown = header.cells.find((cell, i) => cell.trim() && !known.has(keys[i]));
  if (unknown !== undefined) return fileError(m.headerUnknown, { column: unknown.slice(0, 60) });

  const all = await db.selectFrom('commons').selectAll().execute();
  const bySill = new Map(all.filter((c) => c.sill_id).map((c) => [c.sill_id as string, c]));
  const bySlug = new Map(all.map((c) => [c.slug, c]));
  const seen = new Map<string, number>();
  const lines: PlannedLine[] = [];

  for (const record of rows) {
    const cells: Record<string, string> = {};
    keys.forEach((key, i) => {
      const column = CSV_COLUMNS.find((c) => c.key === key);
      if (column) cells[column.field] = (record.cells[i] ?? '').slice(0, 25_000);
    });
    const ref = `ligne ${record.line}`;
    const name = (cells.name ?? '').trim().slice(0, 120);
    const skip = (...reasons: Reason[]) => lines.push({ ref, name, outcome: 'skipped', reasons });

    const sillId = (cells.sill_id ?? '').trim();
    const slugTyped = (cells.slug ?? '').trim().toLowerCase();
    if (sillId && !/^[0-9]{1,12}$/.test(sillId)) {
      skip({ field: 'sill_id', message: m.errSillId });
      continue;
    }
    if (slugTyped && (!SLUG.test(slugTyped) || slugTyped.length > 100)) {
      skip({ field: 'slug', message: m.errSlug });
      continue;
    }
    const slug = slugTyped || (name ? slugOf(name) : '');
    const existingBySill = sillId ? bySill.get(sillId) : undefined;
    const existingBySlug = slug ? bySlug.get(slug) : undefined;
    if (!existingBySill && existingBySlug?.sill_id && sillId && existingBySlug.sill_id !== sillId) {
      skip({ message: m.reasonSlugOtherSill, params: { slug } });
      continue;
    }
    const existing = existingBySill ?? existingBySlug;
    const key = existing ? `id:${existing.id}` : `slug:${slug}`;
    const first = seen.get(key);
    if (first !== undefined) {
      skip({ message: m.reasonDuplicate, params: { line: first } });
      continue;
    }
    seen.set(key, record.line);
    if (existing?.merged_into) {
      skip({ message: m.reasonMerged });
      continue;
    }

    // Empty cells keep the stored values; a new commons reads the cells as they are.
    const body: Record<string, string> = existing ? formTextOf(existing) : {};
    for (const [field, value] of Object.entries(cells)) if (value.trim() !== '') body[field] = value;
    const leverText = cells.levers?.trim() ? cells.levers : existing ? existing.levers.join(',') : '';
    const reading = readCommons(body, { levers: splitList(leverText), labelled: true });
    if (!reading.ok) {
      skip(
        ...Object.entries(reading.errors).map(([field, error]) => ({
          field,
          message: error.message,
          ...(error.params ? { params: error.params } : {}),
        })),
      );
      continue;
    }
    if (!existing) {
      lines.push({
        ref,
        name: reading.input.name,
        outcome: 'created',
        reasons: [],
        write: {
          kind: 'create',
          slug: slug || slugOf(reading.input.name),
          values: {
            ...commonsColumns(reading.input),
            sill_id: sillId || null,
            laureate_application_id: null,
            hidden_reason: null,
            merged_into: null,
            created_by: null,
          },
        },
      });
      continue;
    }
    const changes: Updateable<CommonsTable> = changedColumns(existing, reading.input);
    if (sillId && existing.sill_id !== sillId) changes.sill_id = sillId;
    if (Object.keys(changes).length === 0) {
      skip({ message: m.reasonUnchanged });
      continue;
    }
    lines.push({
      ref,
      name: reading.input.name,
      outcome: 'updated',
      reasons: [],
      write: { kind: 'update', id: existing.id, values: changes },
    });
  }
  return { ok: true, lines };
}

/** Imports a CSV file of commons (or only checks it, `dryRun`), and reports each line. */
export async function importCsv(
  services: Services,
  actor: Actor,
  bytes: Buffer,
  options: { dryRun: boolean },
): Promise<{ ok: true; report: ImportReport } | { ok: false; error: FieldError }> {
  const plan = await planCsvImport(services, bytes);
  if (!plan.ok) return plan;
  if (!options.dryRun && plan.lines.some((l) => l.write)) await applyPlan(services, actor, plan.lines, 'csv');
  return { ok: true, report: totals(plan.lines, options.dryRun) };
}

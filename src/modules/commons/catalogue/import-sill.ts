import type { Updateable } from 'kysely';
import type { Actor } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import type { CommonsTable } from '../tables.js';
import {
  isWebAddress,
  MAX_CATEGORIES,
  MAX_CATEGORY_LENGTH,
  MAX_KEYWORD_LENGTH,
  MAX_KEYWORDS,
  MAX_SUMMARY,
} from './commons-input.js';
import { applyPlan, type ImportReport, type PlannedLine, type Reason, sameList, totals } from './import-common.js';
import { readLicence } from './licence.js';
import { catalogueMessages as m } from './messages.js';
import { slugOf } from './queries.js';
import { readSillExport, type SillEntry } from './sill.js';

/**
 * Imports the SILL's public export into the catalogue: each software becomes a commons of kind "software"
 * (its SILL number in `sill_id`, the key that makes a second import find it again), or updates the commons
 * already linked to it — or the unlinked commons of the same slug, which it then links. The SILL is the
 * source of the name, description, licence, website, repository, Wikidata item, categories and keywords: a
 * value it gives replaces ours, an empty one never erases ours; the summary, kind, maturity and levers are
 * the maintainers' and set only at creation. A software withdrawn from the SILL, an unreadable entry or a
 * repeated number is skipped, each with why; a licence that is not SPDX or a link that is not http(s) is
 * left out with a warning. Nothing changes when nothing changed: a second run of the same export updates
 * nothing.
 */

/** The first sentence of a description, as the commons' one-line summary (cut at a word when too long). */
export function summaryOf(description: string, name: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  if (!flat) return `${name} : logiciel libre recommandé par le SILL.`.slice(0, MAX_SUMMARY);
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= MAX_SUMMARY) return sentence;
  const cut = sentence.slice(0, MAX_SUMMARY - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

function bounded(list: string[], max: number, len: number): { list: string[]; trimmed: boolean } {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const item of list) {
    const clean = item.replace(/\s+/g, ' ').trim();
    const key = clean.toLocaleLowerCase('fr');
    if (!clean || seen.has(key)) continue;
    seen.add(key);
    kept.push(clean);
  }
  const fitting = kept.filter((x) => x.length <= len).slice(0, max);
  return { list: fitting, trimmed: fitting.length < kept.length };
}

/** The commons' columns the SILL gives for this software, with warnings for what was left out. */
function columnsOf(entry: SillEntry): { values: Updateable<CommonsTable>; warnings: Reason[] } {
  const warnings: Reason[] = [];
  const values: Updateable<CommonsTable> = {};
  values.name = entry.name.slice(0, 120).trim();
  if (entry.name.length > 120) warnings.push({ message: m.warnNameCut });
  if (entry.description) values.description = entry.description.slice(0, 20_000);
  if (entry.licence) {
    const licence = readLicence(entry.licence);
    if (licence.ok) values.licence = licence.expression;
    else warnings.push({ message: m.warnLicence, params: { licence: entry.licence.slice(0, 80) } });
  }
  for (const [column, url] of [
    ['website', entry.website],
    ['repository', entry.repository],
  ] as const) {
    if (!url) continue;
    if (isWebAddress(url)) values[column] = url;
    else warnings.push({ message: m.warnUrl, params: { url: url.slice(0, 80) } });
  }
  if (entry.wikidataId) values.wikidata_id = entry.wikidataId;
  const categories = bounded(entry.categories, MAX_CATEGORIES, MAX_CATEGORY_LENGTH);
  const keywords = bounded(entry.keywords, MAX_KEYWORDS, MAX_KEYWORD_LENGTH);
  if (categories.list.length > 0) values.categories = categories.list;
  if (keywords.list.length > 0) values.keywords = keywords.list;
  if (categories.trimmed || keywords.trimmed) warnings.push({ message: m.warnListsCut });
  return { values, warnings };
}

/** Plans the import of an export already parsed as JSON: what each entry does. Changes nothing. */
export async function planSillImport(
  services: Services,
  json: unknown,
): Promise<{ ok: true; lines: PlannedLine[] } | { ok: false; problem: string }> {
  const parsed = readSillExport(json);
  if (!parsed.ok) return parsed;
  const all = await services.db.selectFrom('commons').selectAll().execute();
  const bySill = new Map(all.filter((c) => c.sill_id).map((c) => [c.sill_id as string, c]));
  const bySlug = new Map(all.map((c) => [c.slug, c]));
  const seen = new Map<string, string>();
  const lines: PlannedLine[] = [];
  for (const reading of parsed.readings) {
    if (!reading.ok) {
      lines.push({
        ref: reading.sillId ? `SILL ${reading.sillId}` : 'SILL ?',
        name: reading.name,
        outcome: 'skipped',
        reasons: [{ message: m.reasonUnreadable, params: { problem: reading.problem.slice(0, 200) } }],
      });
      continue;
    }
    const entry = reading.entry;
    const ref = `SILL ${entry.sillId}`;
    const skip = (reason: Reason) => lines.push({ ref, name: entry.name, outcome: 'skipped', reasons: [reason] });
    const first = seen.get(entry.sillId);
    if (first !== undefined) {
      skip({ message: m.reasonRepeated, params: { name: first } });
      continue;
    }
    seen.set(entry.sillId, entry.name);
    if (entry.dereferenced) {
      skip({
        message: entry.dereferenced.reason ? m.reasonWithdrawnBecause : m.reasonWithdrawn,
        params: { reason: entry.dereferenced.reason.slice(0, 200) },
      });
      continue;
    }
    const slug = slugOf(entry.name);
    const linked = bySill.get(entry.sillId);
    const sameSlug = bySlug.get(slug);
    const existing = linked ?? (sameSlug && !sameSlug.sill_id ? sameSlug : undefined);
    if (existing?.merged_into) {
      skip({ message: m.reasonMerged });
      continue;
    }
    const { values, warnings } = columnsOf(entry);
    if (!existing) {
      lines.push({
        ref,
        name: entry.name,
        outcome: 'created',
        reasons: warnings,
        write: {
          kind: 'create',
          slug,
          values: {
            name: values.name as string,
            summary: summaryOf(entry.description, entry.name),
            description: (values.description as string | undefined) ?? '',
            website: (values.website as string | undefined) ?? null,
            repository: (values.repository as string | undefined) ?? null,
            licence: (values.licence as string | undefined) ?? null,
            kind: 'software',
            maturity: 'production',
            governance_name: entry.governance,
            governance_siret: null,
            governance_rna: null,
            categories: (values.categories as string[] | undefined) ?? [],
            keywords: (values.keywords as string[] | undefined) ?? [],
            levers: [],
            laureate_application_id: null,
            sill_id: entry.sillId,
            wikidata_id: (values.wikidata_id as string | undefined) ?? null,
            hidden_reason: null,
            merged_into: null,
            created_by: null,
          },
        },
      });
      continue;
    }
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      const current = existing[key as keyof typeof existing];
      const same = Array.isArray(value)
        ? Array.isArray(current) && sameList(current as string[], value)
        : current === value;
      if (!same) changes[key] = value;
    }
    if (!existing.governance_name && entry.governance) changes.governance_name = entry.governance;
    if (existing.sill_id !== entry.sillId) changes.sill_id = entry.sillId;
    if (Object.keys(changes).length === 0) {
      lines.push({ ref, name: entry.name, outcome: 'skipped', reasons: [{ message: m.reasonUnchanged }, ...warnings] });
      continue;
    }
    lines.push({
      ref,
      name: entry.name,
      outcome: 'updated',
      reasons: [...(linked ? [] : [{ message: m.reasonLinked, params: { slug: existing.slug } }]), ...warnings],
      write: { kind: 'update', id: existing.id, values: changes as Updateable<CommonsTable> },
    });
  }
  return { ok: true, lines };
}

/** Imports the SILL's export (or only says what it would do, `dryRun`). */
export async function importSill(
  services: Services,
  actor: Actor,
  json: unknown,
  options: { dryRun: boolean },
): Promise<{ ok: true; report: ImportReport } | { ok: false; problem: string }> {
  const plan = await planSillImport(services, json);
  if (!plan.ok) return plan;
  if (!options.dryRun && plan.lines.some((l) => l.write)) await applyPlan(services, actor, plan.lines, 'sill');
  return { ok: true, report: totals(plan.lines, options.dryRun) };
}

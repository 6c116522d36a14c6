import type { Insertable, Updateable } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Locale, Message } from '../../../core/i18n/i18n.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import type { CommonsTable } from '../tables.js';
import { commonsFieldLabels } from './commons-input.js';
import { freeSlug } from './queries.js';

/**
 * What the two imports of commons (the staff's CSV file, the SILL's JSON export) share: a plan of lines, each
 * to create, update or skip with its reasons, then the creations and updates written in one audited
 * transaction (all or nothing). Planning reads and writes nothing, so a dry run is the plan alone.
 */

export interface Reason {
  /** The form field the reason is about (its label comes first), when it is a field's error. */
  field?: string;
  message: Message;
  params?: Record<string, string | number>;
}

export type Outcome = 'created' | 'updated' | 'skipped';

export interface PlannedLine {
  /** Where the line is in the source: `ligne 4` of a file, `SILL 123` of the export. */
  ref: string;
  name: string;
  outcome: Outcome;
  reasons: Reason[];
  /** Set for a creation (the slug to take) or an update (the row to change). */
  write?:
    | { kind: 'create'; slug: string; values: Omit<Insertable<CommonsTable>, 'slug' | 'created_at' | 'updated_at'> }
    | { kind: 'update'; id: string; values: Updateable<CommonsTable> };
}

export interface ImportReport {
  lines: PlannedLine[];
  created: number;
  updated: number;
  skipped: number;
  dryRun: boolean;
}

export function reasonText(locale: Locale, reason: Reason): string {
  const text = t(locale, reason.message, reason.params);
  if (!reason.field) return text;
  const label = commonsFieldLabels(locale)[reason.field] ?? reason.field;
  return locale === 'fr' ? `${label} : ${text}` : `${label}: ${text}`;
}

export function totals(lines: PlannedLine[], dryRun: boolean): ImportReport {
  return {
    lines,
    created: lines.filter((l) => l.outcome === 'created').length,
    updated: lines.filter((l) => l.outcome === 'updated').length,
    skipped: lines.filter((l) => l.outcome === 'skipped').length,
    dryRun,
  };
}

/** Two lists equal as sets of the same order (what an import compares before writing). */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Writes the plan's creations and updates in one audited transaction; each line its event, then one event for
 * the whole import. A slug taken since the plan was made is moved to the next free one.
 */
export async function applyPlan(
  services: Services,
  actor: Actor,
  lines: PlannedLine[],
  source: 'csv' | 'sill',
): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    for (const line of lines) {
      const write = line.write;
      if (!write) continue;
      if (write.kind === 'create') {
        const slug = await freeSlug(trx, line.name, write.slug);
        const row = await trx
          .insertInto('commons')
          .values({ ...write.values, slug, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit({
          action: 'commons.commons-imported',
          subjectType: 'commons',
          subjectId: row.id,
          summary: { source, ref: line.ref, slug, created: true },
        });
      } else {
        await trx
          .updateTable('commons')
          .set((eb) => ({ ...write.values, updated_at: now, version: eb('version', '+', 1) }))
          .where('id', '=', write.id)
          .execute();
        await audit({
          action: 'commons.commons-imported',
          subjectType: 'commons',
          subjectId: write.id,
          summary: { source, ref: line.ref, fields: Object.keys(write.values).sort(), created: false },
        });
      }
    }
    const report = totals(lines, false);
    await audit({
      action: source === 'csv' ? 'commons.csv-imported' : 'commons.sill-imported',
      subjectType: 'commons',
      summary: { created: report.created, updated: report.updated, skipped: report.skipped },
    });
  });
}

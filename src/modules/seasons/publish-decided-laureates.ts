import type { Transaction } from 'kysely';
import type { AuditInput } from '../../core/audit/audit.js';
import { announcePublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { scheduleCacheBoundary } from './status-boundaries.js';

/** A laureate as the decisions publish it: the application's public reference, never its id. */
export interface DecidedLaureate {
  /** The decision's random public reference (a UUID). */
  applicationRef: string;
  trackCode: string;
  /** The project's name. */
  name: string;
  organisation: string;
  summary: string;
  summaryEn: string;
  website: string;
}

export interface PublishDecidedLaureatesInput {
  seasonId: string;
  /** The embargo: the public pages show these laureates from then on. */
  visibleFrom: Date;
  /** In display order. */
  laureates: DecidedLaureate[];
}

export interface PublishedLaureatesCount {
  created: number;
  updated: number;
  removed: number;
}

/**
 * Makes the season's published laureates those of its decisions, in the caller's audited transaction:
 * a row per reference, updated when it exists (a second publication adds nothing), removed when the
 * reference is no longer given (a laureate who declined after publication); hand-typed laureates (no
 * reference) are never touched. The public page cache is cleared now and again at the embargo (a job
 * due then), since a laureate appearing with time alone is no write. The caller clears this process's
 * cache after COMMIT (`afterPublicChange`).
 */
export async function publishDecidedLaureates(
  trx: Transaction<DB>,
  audit: (input: AuditInput) => Promise<void>,
  services: Services,
  input: PublishDecidedLaureatesInput,
): Promise<PublishedLaureatesCount> {
  const existing = await trx
    .selectFrom('laureates')
    .select(['id', 'application_ref', 'season_id'])
    .where('application_ref', 'is not', null)
    .where('season_id', '=', input.seasonId)
    .forUpdate()
    .execute();
  const byRef = new Map(existing.map((row) => [row.application_ref as string, row.id]));
  const given = new Set<string>();
  const count: PublishedLaureatesCount = { created: 0, updated: 0, removed: 0 };
  for (const [index, laureate] of input.laureates.entries()) {
    if (given.has(laureate.applicationRef)) continue;
    given.add(laureate.applicationRef);
    const columns = {
      track_code: laureate.trackCode,
      name: laureate.name,
      organisation: laureate.organisation,
      summary: laureate.summary,
      summary_en: laureate.summaryEn,
      website: laureate.website,
      position: index + 1,
      visible_from: input.visibleFrom,
    };
    const id = byRef.get(laureate.applicationRef);
    if (id) {
      await trx.updateTable('laureates').set(columns).where('id', '=', id).execute();
      count.updated += 1;
    } else {
      // A writer racing this one (none should: callers hold their deliberation) updates rather than duplicates.
      await trx
        .insertInto('laureates')
        .values({ season_id: input.seasonId, application_ref: laureate.applicationRef, ...columns })
        .onConflict((oc) => oc.column('application_ref').doUpdateSet(columns))
        .execute();
      count.created += 1;
    }
  }
  const gone = [...byRef].filter(([ref]) => !given.has(ref)).map(([, id]) => id);
  if (gone.length > 0) await trx.deleteFrom('laureates').where('id', 'in', gone).execute();
  count.removed = gone.length;
  await audit({
    action: 'laureate.published-from-decisions',
    subjectType: 'season',
    subjectId: input.seasonId,
    summary: { visibleFrom: input.visibleFrom.toISOString(), ...count },
  });
  await announcePublicChange(trx, services);
  await scheduleCacheBoundary(trx, input.visibleFrom, services.clock.now());
  return count;
}

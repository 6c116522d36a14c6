import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import '../tables.js';

// The introduction mail's template name, for tests outside the module that read the mail it sends.
export { INTRODUCTION_MAIL } from './mails.js';

/**
 * Test helper: a support plan for a confirmed laureate, as the plans part creates it (staff open it). Only
 * for tests of this folder, which need a plan before a team may ask for an introduction.
 */
export async function insertPlanForTest(
  db: Kysely<DB>,
  laureate: { applicationId: string; seasonId: string; track: string },
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('support_plans')
    .values({
      application_id: laureate.applicationId,
      season_id: laureate.seasonId,
      track_code: laureate.track,
      status: 'active',
      starts_on: '2026-07-01',
      ends_on: '2027-06-30',
      allocated_minutes: null,
      created_at: now,
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A CSV file as French Excel saves it: BOM, `;`, CRLF. */
export function excelCsv(lines: string[][]): Buffer {
  const text = lines
    .map((cells) => cells.map((c) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
    .join('\r\n');
  return Buffer.from(`\ufeff${text}\r\n`, 'utf8');
}

import { type ColumnType, type Kysely, sql } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { ThreadMessage } from './queries.js';

export interface ApplicationThreadReadsTable {
  application_id: string;
  user_id: string;
  read_up_to: ColumnType<Date, Date | string, Date | string>;
}

// Added to the module's table interface from this file, so the read markers stay in their own files.
declare module '../tables.js' {
  interface ApplicationsTables {
    application_thread_reads: ApplicationThreadReadsTable;
  }
}

/** Whose messages count as new for a reader: staff read the applicants' messages, applicants the staff's. */
export type ReaderSide = 'staff' | 'applicant';

/**
 * The applications, among `applicationIds`, whose thread holds a message from the other side that
 * this person has not read yet (written after their reading position, or never read).
 */
export async function applicationsWithUnread(
  db: Kysely<DB>,
  userId: string,
  side: ReaderSide,
  applicationIds: readonly string[],
): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('application_messages as m')
    .leftJoin('application_thread_reads as r', (join) =>
      join.onRef('r.application_id', '=', 'm.application_id').on('r.user_id', '=', userId),
    )
    .select('m.application_id')
    .distinct()
    .where('m.application_id', 'in', [...applicationIds])
    .where('m.from_staff', '=', side === 'applicant')
    .where((eb) => eb.or([eb('m.author_id', 'is', null), eb('m.author_id', '!=', userId)]))
    .where((eb) => eb.or([eb('r.read_up_to', 'is', null), eb('m.at', '>', eb.ref('r.read_up_to'))]))
    .execute();
  return new Set(rows.map((row) => row.application_id));
}

/**
 * Marks the thread as read by this person up to its newest message, and returns the ids of the
 * messages that were new to them (from the other side, after their previous position) so the page
 * can mark them. The position only moves forward.
 */
export async function readThread(
  db: Kysely<DB>,
  userId: string,
  side: ReaderSide,
  applicationId: string,
  thread: readonly ThreadMessage[],
): Promise<Set<string>> {
  if (thread.length === 0) return new Set();
  const previous = await db
    .selectFrom('application_thread_reads')
    .select('read_up_to')
    .where('application_id', '=', applicationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const since = previous ? new Date(previous.read_up_to).getTime() : -Infinity;
  const fresh = thread
    .filter((message) => message.fromStaff === (side === 'applicant') && message.at.getTime() > since)
    .map((message) => message.id);
  const newest = new Date(Math.max(...thread.map((message) => message.at.getTime())));
  if (newest.getTime() > since) {
    await db
      .insertInto('application_thread_reads')
      .values({ application_id: applicationId, user_id: userId, read_up_to: newest })
      .onConflict((oc) =>
        oc
          .columns(['application_id', 'user_id'])
          .doUpdateSet({ read_up_to: sql`greatest(application_thread_reads.read_up_to, excluded.read_up_to)` }),
      )
      .execute();
  }
  return new Set(fresh);
}

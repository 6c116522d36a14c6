import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';

/**
 * What a submit needs of its season in one read: when its call closes (the deadline check) and its
 * names (the acknowledgement mail). The submit path runs under the deadline rush, where every
 * round trip counts; the separate reads in season-lookups.ts remain for everything else.
 */
export async function seasonForSubmit(db: Kysely<DB> | Transaction<DB>, seasonId: string): Promise<{ closesAt: Date; name: string; nameEn: string } | undefined> {
  const row = await db.selectFrom('seasons').select(['closes_at', 'name', 'name_en']).where('id', '=', seasonId).executeTakeFirst();
  return row ? { closesAt: new Date(row.closes_at), name: row.name, nameEn: row.name_en } : undefined;
}

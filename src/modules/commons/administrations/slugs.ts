import type { Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { slugify } from '../../../core/ids.js';

/** Path segments under /cooperation/administrations that are pages, not administrations. */
export const RESERVED_SLUGS = new Set(['nouvelle']);

/** A free slug for a new administration: its name's, with -2, -3… when taken (or reserved). */
export async function uniqueSlug(trx: Transaction<DB>, name: string): Promise<string> {
  const base = slugify(name).slice(0, 80).replace(/-+$/, '') || 'administration';
  const taken = new Set(
    (
      await trx
        .selectFrom('commons_administrations')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute()
    ).map((row) => row.slug),
  );
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

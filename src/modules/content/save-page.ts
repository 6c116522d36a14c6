import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { contentChange, isUniqueViolation } from './content-change.js';

export interface PageInput {
  slug: string;
  title: string;
  titleEn: string | null;
  body: string;
  bodyEn: string | null;
}

export type SaveResult = { ok: true; id: string } | { ok: false; error: 'slug-taken' | 'not-found' };

/** Creates a page (as a draft) or updates one; the slug must be free. */
export async function savePage(
  services: Services,
  actor: Actor,
  id: string | null,
  input: PageInput,
  attempt = 0,
): Promise<SaveResult> {
  try {
    return await contentChange(services, actor, async (trx, audit): Promise<SaveResult> => {
      const clash = await trx
        .selectFrom('pages')
        .select(['id', 'title', 'title_en', 'body', 'body_en'])
        .where('slug', '=', input.slug)
        .executeTakeFirst();
      if (clash && clash.id !== id) {
        // The same creation sent twice (double click, retry): one record, and the second gets it.
        const repeated =
          id === null &&
          clash.title === input.title &&
          clash.title_en === input.titleEn &&
          clash.body === input.body &&
          clash.body_en === input.bodyEn;
        return repeated ? { ok: true, id: clash.id } : { ok: false, error: 'slug-taken' };
      }
      const values = {
        slug: input.slug,
        title: input.title,
        title_en: input.titleEn,
        body: input.body,
        body_en: input.bodyEn,
      };
      if (id === null) {
        const row = await trx.insertInto('pages').values(values).returning('id').executeTakeFirstOrThrow();
        await audit({
          action: 'page.create',
          subjectType: 'page',
          subjectId: row.id,
          summary: { slug: input.slug, title: input.title },
        });
        return { ok: true, id: row.id };
      }
      const before = await trx
        .selectFrom('pages')
        .select(['slug', 'title'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return { ok: false, error: 'not-found' };
      await trx
        .updateTable('pages')
        .set({ ...values, updated_at: services.clock.now() })
        .where('id', '=', id)
        .execute();
      await audit({
        action: 'page.update',
        subjectType: 'page',
        subjectId: id,
        summary: { before, after: { slug: input.slug, title: input.title } },
      });
      return { ok: true, id };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request took the slug between our check and our insert: look again once, so that
    // the same creation sent twice at the same moment still yields one record.
    if (attempt === 0) return savePage(services, actor, id, input, 1);
    return { ok: false, error: 'slug-taken' };
  }
}

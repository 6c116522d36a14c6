import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { contentChange, isUniqueViolation } from './content-change.js';
import type { SaveResult } from './save-page.js';
import type { PressContact } from './tables.js';

export interface NewsInput {
  slug: string;
  title: string;
  titleEn: string | null;
  chapeau: string | null;
  chapeauEn: string | null;
  body: string;
  bodyEn: string | null;
  publishedAt: Date;
  categories: string[];
  tags: string[];
  imageUrl: string | null;
  imageAlt: string | null;
  pressContact: PressContact | null;
}

/** Creates a news item (as a draft) or updates one; the slug must be free. */
export async function saveNews(
  services: Services,
  actor: Actor,
  id: string | null,
  input: NewsInput,
  attempt = 0,
): Promise<SaveResult> {
  const values = {
    slug: input.slug,
    title: input.title,
    title_en: input.titleEn,
    chapeau: input.chapeau,
    chapeau_en: input.chapeauEn,
    body: input.body,
    body_en: input.bodyEn,
    published_at: input.publishedAt,
    categories: input.categories,
    tags: input.tags,
    image_url: input.imageUrl,
    image_alt: input.imageAlt,
    press_contact: input.pressContact ? JSON.stringify(input.pressContact) : null,
  };
  try {
    return await contentChange(services, actor, async (trx, audit): Promise<SaveResult> => {
      const clash = await trx
        .selectFrom('news')
        .select(['id', 'title', 'title_en', 'chapeau', 'body', 'body_en'])
        .where('slug', '=', input.slug)
        .executeTakeFirst();
      if (clash && clash.id !== id) {
        // The same creation sent twice (double click, retry): one record, and the second gets it.
        const repeated =
          id === null &&
          clash.title === input.title &&
          clash.title_en === input.titleEn &&
          clash.chapeau === input.chapeau &&
          clash.body === input.body &&
          clash.body_en === input.bodyEn;
        return repeated ? { ok: true, id: clash.id } : { ok: false, error: 'slug-taken' };
      }
      if (id === null) {
        const row = await trx.insertInto('news').values(values).returning('id').executeTakeFirstOrThrow();
        await audit({
          action: 'news.create',
          subjectType: 'news',
          subjectId: row.id,
          summary: { slug: input.slug, title: input.title },
        });
        return { ok: true, id: row.id };
      }
      const before = await trx
        .selectFrom('news')
        .select(['slug', 'title'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return { ok: false, error: 'not-found' };
      await trx
        .updateTable('news')
        .set({ ...values, updated_at: services.clock.now() })
        .where('id', '=', id)
        .execute();
      await audit({
        action: 'news.update',
        subjectType: 'news',
        subjectId: id,
        summary: { before, after: { slug: input.slug, title: input.title } },
      });
      return { ok: true, id };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request took the slug between our check and our insert: look again once, so that
    // the same creation sent twice at the same moment still yields one record.
    if (attempt === 0) return saveNews(services, actor, id, input, 1);
    return { ok: false, error: 'slug-taken' };
  }
}

import type { Transaction } from 'kysely';
import type { AuditInput } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import { slugify } from '../../core/ids.js';

export interface DraftNewsInput {
  title: string;
  /** Markdown, as the CMS edits it. */
  body: string;
  titleEn?: string | null;
  bodyEn?: string | null;
  /** The slug; made from the title when not given. */
  slug?: string;
  /** The date the article will bear once staff publish it. */
  date: Date;
}

/**
 * Another module's draft for the CMS (a press release listing a season's laureates): an UNPUBLISHED news
 * item, written in the caller's audited transaction, that staff review and publish from the CMS. Nothing
 * public changes. A slug already taken finds that item and leaves it as it is, so asking twice makes one draft.
 */
export async function createDraftNews(
  trx: Transaction<DB>,
  audit: (input: AuditInput) => Promise<void>,
  input: DraftNewsInput,
): Promise<{ id: string; created: boolean }> {
  const slug = input.slug ?? slugify(input.title);
  const inserted = await trx
    .insertInto('news')
    .values({
      slug,
      title: input.title,
      title_en: input.titleEn ?? null,
      chapeau: null,
      chapeau_en: null,
      body: input.body,
      body_en: input.bodyEn ?? null,
      published_at: input.date,
      categories: [],
      tags: [],
      image_url: null,
      image_alt: null,
      press_contact: null,
      status: 'draft',
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx.selectFrom('news').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  await audit({ action: 'news.create', subjectType: 'news', subjectId: inserted.id, summary: { slug, draft: true } });
  return { id: inserted.id, created: true };
}

import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Locale } from '../../core/i18n/i18n.js';
import { findPublishedPage } from './queries.js';
import { MarkdownBody, pick } from './views/localized.js';

/**
 * The body of a published CMS page, sanitised, for a page another module builds at that page's address (the
 * events module's /partenaires shows the CMS page 'partenaires' as its introduction); empty while it is a draft.
 */
export async function publishedPageBody(db: Kysely<DB>, slug: string, locale: Locale): Promise<JSX.Element> {
  const page = await findPublishedPage(db, slug);
  return page ? <MarkdownBody value={pick(locale, page.body, page.body_en)} /> : '';
}

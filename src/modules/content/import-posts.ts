import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import { type CountMessage, tCount } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { type ParsedPost, type PressContact, parsePost } from './import-posts-parse.js';

/**
 * Imports a folder of Jekyll posts as published news items. Idempotent: a post is known by its
 * file name (`jekyll:<file>`) and its content hash, so a second run writes nothing and a changed
 * file updates its news item in place.
 */

export const importPostsActor: Actor = { id: null, label: 'import-posts' };

export type PostOutcome = 'imported' | 'updated' | 'unchanged' | 'skipped';

export interface PostReport {
  file: string;
  outcome: PostOutcome;
  /** Why a file was skipped. */
  reason?: string;
  slug?: string;
}

export interface ImportReport {
  folderFound: boolean;
  files: PostReport[];
}

export async function importPostsFolder(services: Services, folder: string): Promise<ImportReport> {
  const fileNames = await markdownFilesOf(folder);
  if (fileNames === null) return { folderFound: false, files: [] };
  const files: PostReport[] = [];
  for (const file of fileNames) files.push(await importOneFile(services, folder, file));
  if (files.some((f) => f.outcome === 'imported' || f.outcome === 'updated')) afterPublicChange(services);
  return { folderFound: true, files };
}

/** The `*.md` files of the folder in name order (dates first, so reports read chronologically); null when no folder. */
async function markdownFilesOf(folder: string): Promise<string[] | null> {
  try {
    if (!(await stat(folder)).isDirectory()) return null;
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.(md|markdown)$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return null;
  }
}

async function importOneFile(services: Services, folder: string, file: string): Promise<PostReport> {
  let text: string;
  try {
    const bytes = await readFile(join(folder, file));
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const reason =
      error instanceof TypeError
        ? 'not UTF-8 text'
        : `unreadable file (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    return { file, outcome: 'skipped', reason };
  }
  const parsed = parsePost(file, text);
  if (!parsed.ok) return { file, outcome: 'skipped', reason: parsed.reason };
  try {
    return await savePost(services, file, parsed.post);
  } catch (error) {
    return {
      file,
      outcome: 'skipped',
      reason: `could not be saved (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

async function savePost(services: Services, file: string, post: ParsedPost): Promise<PostReport> {
  const now = services.clock.now();
  return auditedTransaction(services.db, importPostsActor, now, async (trx, audit) => {
    const existing = await trx
      .selectFrom('news')
      .select(['id', 'slug', 'source_hash'])
      .where('source', '=', post.source)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.source_hash === post.sourceHash)
      return { file, outcome: 'unchanged', slug: existing.slug };

    const fields = {
      title: post.title,
      chapeau: post.chapeau,
      body: post.body,
      published_at: post.publishedAt,
      categories: post.categories,
      tags: post.tags,
      image_url: post.imageUrl,
      image_alt: post.imageAlt,
      press_contact: pressContactJson(post.pressContact),
      source_hash: post.sourceHash,
      updated_at: now,
    };
    let id: string;
    let slug: string;
    let outcome: PostOutcome;
    if (existing) {
      // The slug and the status stay as they are: links already shared keep working, and an
      // editor who unpublished the item is not overruled by a re-import.
      await trx.updateTable('news').set(fields).where('id', '=', existing.id).execute();
      await trx
        .deleteFrom('news_attachments')
        .where('news_id', '=', existing.id)
        .where('file_id', 'is', null)
        .execute();
      ({ id, slug } = existing);
      outcome = 'updated';
    } else {
      slug = await freeSlug(trx, post.slug);
      const row = await trx
        .insertInto('news')
        .values({ ...fields, slug, source: post.source, status: 'published', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      outcome = 'imported';
    }
    await insertAttachments(trx, id, post);
    await audit({
      action: outcome === 'imported' ? 'news.imported' : 'news.reimported',
      subjectType: 'news',
      subjectId: id,
      summary: { source: post.source, slug, title: post.title, attachments: post.attachments.length },
    });
    await announcePublicChange(trx, services);
    return { file, outcome, slug };
  });
}

async function insertAttachments(trx: Transaction<DB>, newsId: string, post: ParsedPost): Promise<void> {
  if (post.attachments.length === 0) return;
  await trx
    .insertInto('news_attachments')
    .values(post.attachments.map((a, position) => ({ news_id: newsId, label: a.label, url: a.url, position })))
    .execute();
}

/** The post's slug, or `<slug>-2`, `-3`… when a news item (e.g. written by hand) already has it. */
async function freeSlug(trx: Transaction<DB>, base: string): Promise<string> {
  const taken = new Set(
    (
      await trx
        .selectFrom('news')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[\\%_]/g, '\\$&')}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Stored without empty fields, as the CMS writes it. */
function pressContactJson(contact: PressContact | null): string | null {
  if (!contact) return null;
  const present = Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== null));
  return JSON.stringify(present);
}

const FILES = {
  one: { fr: '{n} fichier', en: '{n} file' },
  other: { fr: '{n} fichiers', en: '{n} files' },
} satisfies CountMessage;

/** One line per file, then the totals: what the command prints. */
export function reportLines(report: ImportReport): string[] {
  const lines = report.files.map((f) => `${f.file}: ${f.outcome === 'skipped' ? `skipped: ${f.reason}` : f.outcome}`);
  const count = (o: PostOutcome) => report.files.filter((f) => f.outcome === o).length;
  lines.push(
    `total: ${tCount('en', FILES, report.files.length)} — ${count('imported')} imported, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('skipped')} skipped`,
  );
  return lines;
}

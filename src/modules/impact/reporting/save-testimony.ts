import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import { displayFileName, storeFile } from '../../../core/files/store-file.js';
import { lockSubmissionKey } from '../../../core/http/submission-keys.js';
import type { Services } from '../../../core/services.js';
import { checkPhoto, type FileProblem } from './files.js';

/**
 * The text of the consent the person recording a testimony confirms, by version: a new wording is a new
 * version (messages.ts keeps each), so what a recorded consent agreed to is always known.
 */
export const CONSENT_VERSION = 1;

export interface TestimonyInput {
  laureateId: string;
  quote: string;
  quoteEn: string;
  authorName: string;
  authorRole: string;
  photoAlt: string;
  videoUrl: string | null;
  lever: string | null;
}

export type TestimonyResult = { ok: true; id: string } | { ok: false; problem: 'not_found' | FileProblem };

/**
 * Records a testimony (staff) or a team's proposal, with the consent of its author as confirmed by whoever
 * records it, and an optional photo (checked: JPEG, PNG or WebP, within its size). Never published here:
 * staff publish it. A repeated send of the same form finds the first testimony.
 */
export async function createTestimony(
  services: Services,
  actor: Actor,
  input: TestimonyInput,
  options: { photo?: { data: Buffer; name: string }; submissionKey: string | null; proposedByTeam: boolean },
): Promise<TestimonyResult> {
  let contentType: string | undefined;
  if (options.photo) {
    const checked = checkPhoto(options.photo.data);
    if (!checked.ok) return checked;
    contentType = checked.contentType;
  }
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<TestimonyResult> => {
    if (options.submissionKey) {
      await lockSubmissionKey(trx, options.submissionKey);
      const done = await trx
        .selectFrom('impact_testimonies')
        .select('id')
        .where('submission_key', '=', options.submissionKey)
        .executeTakeFirst();
      if (done) return { ok: true, id: done.id };
    }
    const photoId = options.photo
      ? (
          await storeFile(trx, services.config.filesDir, {
            data: options.photo.data,
            originalName: displayFileName(options.photo.name),
            ownerId: actor.id,
            contentType,
            purpose: 'impact',
          })
        ).id
      : null;
    const { id } = await trx
      .insertInto('impact_testimonies')
      .values({
        laureate_id: input.laureateId,
        quote: input.quote,
        quote_en: input.quoteEn,
        author_name: input.authorName,
        author_role: input.authorRole,
        consent_at: now,
        consent_version: CONSENT_VERSION,
        consent_recorded_by: actor.id,
        photo_file_id: photoId,
        photo_alt: photoId ? input.photoAlt : '',
        video_url: input.videoUrl,
        lever: input.lever,
        published_at: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        submission_key: options.submissionKey,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: options.proposedByTeam ? 'impact.testimony-proposed' : 'impact.testimony-created',
      subjectType: 'impact_testimony',
      subjectId: id,
      summary: { laureateId: input.laureateId, consentVersion: CONSENT_VERSION, photo: photoId !== null },
    });
    return { ok: true, id };
  });
}

/**
 * Staff change a testimony: its text, author, links, photo (a new one replaces the old, or it is removed);
 * the consent is confirmed again with the current text. A published testimony's public pages change with it.
 */
export async function updateTestimony(
  services: Services,
  actor: Actor,
  id: string,
  input: Omit<TestimonyInput, 'laureateId'>,
  options: { photo?: { data: Buffer; name: string }; removePhoto: boolean },
): Promise<TestimonyResult> {
  let contentType: string | undefined;
  if (options.photo) {
    const checked = checkPhoto(options.photo.data);
    if (!checked.ok) return checked;
    contentType = checked.contentType;
  }
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<TestimonyResult> => {
    const before = await trx
      .selectFrom('impact_testimonies')
      .select(['id', 'photo_file_id', 'published_at'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return { ok: false, problem: 'not_found' };
    let photoId = options.removePhoto ? null : before.photo_file_id;
    if (options.photo)
      photoId = (
        await storeFile(trx, services.config.filesDir, {
          data: options.photo.data,
          originalName: displayFileName(options.photo.name),
          ownerId: actor.id,
          contentType,
          purpose: 'impact',
        })
      ).id;
    await trx
      .updateTable('impact_testimonies')
      .set({
        quote: input.quote,
        quote_en: input.quoteEn,
        author_name: input.authorName,
        author_role: input.authorRole,
        consent_at: now,
        consent_version: CONSENT_VERSION,
        consent_recorded_by: actor.id,
        photo_file_id: photoId,
        photo_alt: photoId ? input.photoAlt : '',
        video_url: input.videoUrl,
        lever: input.lever,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (before.photo_file_id && before.photo_file_id !== photoId)
      await trx.deleteFrom('files').where('id', '=', before.photo_file_id).execute();
    await audit({
      action: 'impact.testimony-updated',
      subjectType: 'impact_testimony',
      subjectId: id,
      summary: { consentVersion: CONSENT_VERSION, photo: photoId !== null },
    });
    if (before.published_at) await announcePublicChange(trx, services);
    return { ok: true, id };
  });
  afterPublicChange(services);
  return result;
}

/** Publishes or withdraws a testimony from the public pages. */
export async function setTestimonyPublished(
  services: Services,
  actor: Actor,
  id: string,
  published: boolean,
): Promise<boolean> {
  const now = services.clock.now();
  const done = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .updateTable('impact_testimonies')
      .set({ published_at: published ? now : null, updated_at: now })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await audit({
      action: published ? 'impact.testimony-published' : 'impact.testimony-unpublished',
      subjectType: 'impact_testimony',
      subjectId: id,
    });
    await announcePublicChange(trx, services);
    return true;
  });
  if (done) afterPublicChange(services);
  return done;
}

/**
 * Deletes a testimony and its photo: what staff do when its author asks (they hold no account here, so
 * this is how their right to erasure is honoured). The audit keeps that it existed, not what it said.
 */
export async function deleteTestimony(services: Services, actor: Actor, id: string): Promise<boolean> {
  const now = services.clock.now();
  const done = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .deleteFrom('impact_testimonies')
      .where('id', '=', id)
      .returning(['id', 'laureate_id', 'photo_file_id', 'published_at'])
      .executeTakeFirst();
    if (!row) return false;
    if (row.photo_file_id) await trx.deleteFrom('files').where('id', '=', row.photo_file_id).execute();
    await audit({
      action: 'impact.testimony-deleted',
      subjectType: 'impact_testimony',
      subjectId: id,
      summary: { laureateId: row.laureate_id, wasPublished: row.published_at !== null },
    });
    await announcePublicChange(trx, services);
    return true;
  });
  if (done) afterPublicChange(services);
  return done;
}

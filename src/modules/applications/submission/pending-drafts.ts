import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import type { AnswerMap } from '../form/model.js';
import { parseJson } from '../queries.js';
import { saveDraft } from './save-draft.js';

/** The cookie that lets a browser find again what it typed while its session had expired. */
export const PENDING_COOKIE = 'acc_pending_draft';
/** A pending draft is kept a week: long enough to come back and sign in. */
export const PENDING_MAX_AGE_S = 7 * 24 * 3600;
/** At most this many pending drafts per application (members rarely lose a session at once). */
export const PENDING_PER_APPLICATION = 20;

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Keeps answers posted without a valid session. They are not applied to the application (the
 * sender is not known); they wait under a random token, held only by this browser's cookie, until
 * a member of the application signs in again and opens it. Returns the token for the cookie.
 */
export async function keepPendingDraft(
  services: Services,
  applicationId: string,
  answers: AnswerMap,
  existingToken: string | undefined,
): Promise<string> {
  const token =
    existingToken && /^[A-Za-z0-9_-]{43}$/.test(existingToken) ? existingToken : randomBytes(32).toString('base64url');
  const now = services.clock.now();
  // Anyone can send this (the sender is not known), so storage is bounded: expired ones go, and an
  // application keeps only its most recent pending drafts.
  await services.db
    .deleteFrom('application_pending_drafts')
    .where('created_at', '<', new Date(now.getTime() - PENDING_MAX_AGE_S * 1000))
    .execute();
  const keep = services.db
    .selectFrom('application_pending_drafts')
    .select('token_hash')
    .where('application_id', '=', applicationId)
    .orderBy('created_at', 'desc')
    .limit(PENDING_PER_APPLICATION - 1);
  await services.db
    .deleteFrom('application_pending_drafts')
    .where('application_id', '=', applicationId)
    .where('token_hash', '<>', hash(token))
    .where('token_hash', 'not in', keep)
    .execute();
  await services.db
    .insertInto('application_pending_drafts')
    .values({
      token_hash: hash(token),
      application_id: applicationId,
      answers: JSON.stringify(answers),
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('token_hash')
        .doUpdateSet({ application_id: applicationId, answers: JSON.stringify(answers), created_at: now }),
    )
    .execute();
  return token;
}

/**
 * Applies the browser's pending draft to this application (the caller has checked the person may
 * edit it), then forgets it. Returns true when something was restored.
 */
export async function restorePendingDraft(
  services: Services,
  actor: Actor,
  applicationId: string,
  token: string | undefined,
): Promise<boolean> {
  if (!token) return false;
  const row = await services.db
    .selectFrom('application_pending_drafts')
    .select(['answers', 'created_at'])
    .where('token_hash', '=', hash(token))
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!row) return false;
  const fresh = services.clock.now().getTime() - new Date(row.created_at).getTime() < PENDING_MAX_AGE_S * 1000;
  let restored = false;
  if (fresh) {
    const result = await saveDraft(
      services,
      actor,
      applicationId,
      parseJson<AnswerMap>(row.answers, {}),
      services.clock.now(),
    );
    restored = result.ok;
  }
  // Kept when it could not be applied (e.g. the call closed meanwhile) only until it expires.
  if (restored || !fresh)
    await services.db.deleteFrom('application_pending_drafts').where('token_hash', '=', hash(token)).execute();
  return restored;
}

import type { Actor } from '../../../core/audit/audit.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

export const NOTE_MAX = 5000;

/** Adds a private staff note to an application (never shown to applicants). */
export async function addNote(
  services: Services,
  actor: Actor,
  input: { applicationId: string; authorId: string; body: string },
): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const note = await trx
      .insertInto('application_notes')
      .values({
        application_id: input.applicationId,
        author_id: input.authorId,
        body: input.body.trim().slice(0, NOTE_MAX),
        at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'application.note',
      subjectType: 'application',
      subjectId: input.applicationId,
      summary: { noteId: note.id },
    });
  });
}

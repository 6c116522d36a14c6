import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

/** A party or staff take a document off an experiment; its stored file goes with it. False when there was none. */
export async function removeDocument(
  services: Services,
  actor: Actor,
  input: { experimentId: string; documentId: string },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const document = await trx
      .deleteFrom('commons_experiment_documents')
      .where('id', '=', input.documentId)
      .where('experiment_id', '=', input.experimentId)
      .returning(['id', 'file_id', 'title'])
      .executeTakeFirst();
    if (!document) return false;
    await trx.deleteFrom('files').where('id', '=', document.file_id).execute();
    await audit({
      action: 'commons.experiment-document-removed',
      subjectType: 'commons_experiment',
      subjectId: input.experimentId,
      summary: { documentId: document.id, fileId: document.file_id, title: document.title },
    });
    return true;
  });
}

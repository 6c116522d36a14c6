import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { sniffContentType } from '../../../core/files/sniff.js';
import { displayFileName, storeFile } from '../../../core/files/store-file.js';
import type { Services } from '../../../core/services.js';

export const MAX_DELIVERABLE_BYTES = 20 * 1024 * 1024;
/** What a deliverable may be, read from its bytes: documents, spreadsheets, slides, images, archives. Never HTML or SVG. */
export const DELIVERABLE_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/zip',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

/** States in which the team may hand something in: not while staff review it, not once validated. */
export const SUBMITTABLE = ['upcoming', 'in_progress', 'returned'] as const;

export type DeliverableInput =
  | { kind: 'file'; data: Buffer; name: string; note: string }
  | { kind: 'link'; url: string; note: string };

export type SubmitResult =
  | { ok: true; round: number }
  | { ok: false; problem: 'not_found' | 'not_open' | 'empty' | 'too_large' | 'type' };

/** Whether a file's bytes may be a deliverable (the type comes from the bytes, never the name). */
export function checkDeliverableFile(
  data: Buffer,
): { ok: true; contentType: string } | { ok: false; problem: 'empty' | 'too_large' | 'type' } {
  if (data.length === 0) return { ok: false, problem: 'empty' };
  if (data.length > MAX_DELIVERABLE_BYTES) return { ok: false, problem: 'too_large' };
  const sniffed = sniffContentType(data);
  if (!sniffed || !DELIVERABLE_TYPES.includes(sniffed.contentType)) return { ok: false, problem: 'type' };
  return { ok: true, contentType: sniffed.contentType };
}

/**
 * The team hands in a milestone's deliverable (a file, stored with purpose 'laureate', or an https link),
 * with a note: the milestone becomes submitted (remis) and the deliverable is kept as a new round (1, then
 * 2 after a return…). The milestone is locked, so two members submitting at once make two rounds in order,
 * and a submission after staff validated is refused.
 */
export async function submitDeliverable(
  services: Services,
  actor: Actor,
  input: { applicationId: string; milestoneId: string; deliverable: DeliverableInput },
): Promise<SubmitResult> {
  const { deliverable } = input;
  let contentType: string | undefined;
  if (deliverable.kind === 'file') {
    const checked = checkDeliverableFile(deliverable.data);
    if (!checked.ok) return checked;
    contentType = checked.contentType;
  }
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SubmitResult> => {
    const milestone = await trx
      .selectFrom('support_milestones as m')
      .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'm.state'])
      .where('m.id', '=', input.milestoneId)
      .where('p.application_id', '=', input.applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!milestone) return { ok: false, problem: 'not_found' };
    if (!(SUBMITTABLE as readonly string[]).includes(milestone.state)) return { ok: false, problem: 'not_open' };
    const last = await trx
      .selectFrom('support_deliverables')
      .select((eb) => eb.fn.max('round').as('max'))
      .where('milestone_id', '=', milestone.id)
      .executeTakeFirst();
    const round = Number(last?.max ?? 0) + 1;
    let fileId: string | null = null;
    if (deliverable.kind === 'file') {
      const file = await storeFile(trx, services.config.filesDir, {
        data: deliverable.data,
        originalName: displayFileName(deliverable.name),
        ownerId: actor.id,
        contentType,
        purpose: 'laureate',
      });
      fileId = file.id;
    }
    await trx
      .insertInto('support_deliverables')
      .values({
        milestone_id: milestone.id,
        round,
        kind: deliverable.kind,
        file_id: fileId,
        url: deliverable.kind === 'link' ? deliverable.url : null,
        note: deliverable.note,
        submitted_by: actor.id,
        submitted_at: now,
      })
      .execute();
    await trx
      .updateTable('support_milestones')
      .set((eb) => ({ state: 'submitted', submitted_at: now, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', milestone.id)
      .execute();
    await audit({
      action: 'support.deliverable-submitted',
      subjectType: 'application',
      subjectId: input.applicationId,
      summary: { milestoneId: milestone.id, round, kind: deliverable.kind, fileId },
    });
    return { ok: true, round };
  });
}

import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { sniffContentType } from '../../core/files/sniff.js';
import { storeFile } from '../../core/files/store-file.js';
import { isoDateParis } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import { CONVENTION_THRESHOLD_CENTS, conventionOf, grantById } from './queries.js';
import './tables.js';

export const MAX_SIGNED_BYTES = 10 * 1024 * 1024;

/**
 * Records the convention's signatures: the date each party signed (the convention's date is the later one),
 * the signed document when given, and the grant becomes signed. Above 23,000 € the law makes the convention
 * mandatory (loi 2000-321 art. 10, décret 2001-495): the platform refuses without the generated convention
 * and the signed document. Below, a convention is optional and the dates alone are recorded.
 */
export async function recordSignature(
  services: Services,
  actor: Actor,
  input: {
    grantId: string;
    beneficiaryOn: string;
    payerOn: string;
    file?: { data: Buffer; name: string };
  },
): Promise<Result<{ signedOn: string }>> {
  const now = services.clock.now();
  const today = isoDateParis(now);
  if (input.beneficiaryOn > today) return problem(400, 'signed_by_beneficiary_on', m.dateInFuture);
  if (input.payerOn > today) return problem(400, 'signed_by_payer_on', m.dateInFuture);
  if (input.file && sniffContentType(input.file.data)?.contentType !== 'application/pdf')
    return problem(400, 'signed_file', m.notPdf);
  if (input.file && input.file.data.length > MAX_SIGNED_BYTES) return problem(400, 'signed_file', m.fileTooLarge);
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const grant = await grantById(trx, input.grantId, { forUpdate: true });
    if (!grant) return problem(404, '', m.badRequest);
    if (grant.status !== 'committed') return problem(409, '', m.cannotSign);
    const convention = await conventionOf(trx, grant.id);
    if (grant.amountCents > CONVENTION_THRESHOLD_CENTS) {
      if (!convention?.generated) return problem(409, '', m.needsConvention);
      if (!input.file && !convention.signedFileId) return problem(400, 'signed_file', m.needsSignedFile);
    }
    const stored = input.file
      ? await storeFile(trx, services.config.filesDir, {
          data: input.file.data,
          originalName: input.file.name,
          purpose: 'laureate',
          contentType: 'application/pdf',
        })
      : null;
    const signedOn = [input.beneficiaryOn, input.payerOn].sort()[1];
    const signature = {
      signed_file_id: stored?.id ?? convention?.signedFileId ?? null,
      signed_by_beneficiary_on: input.beneficiaryOn,
      signed_by_payer_on: input.payerOn,
      signed_on: signedOn,
    };
    if (convention)
      await trx.updateTable('grant_conventions').set(signature).where('grant_id', '=', grant.id).execute();
    // No generated convention (allowed below the threshold): the row only carries the signatures.
    else
      await trx
        .insertInto('grant_conventions')
        .values({
          grant_id: grant.id,
          generated_at: now,
          generated_by: actor.id,
          pdf: null,
          pdf_sha256: '',
          ...signature,
        })
        .execute();
    await trx
      .updateTable('grants')
      .set({ status: 'signed', updated_at: now, version: grant.version + 1 })
      .where('id', '=', grant.id)
      .execute();
    await audit({
      action: 'grants.grant-signed',
      subjectType: 'grant',
      subjectId: grant.id,
      summary: { signedOn, fileId: signature.signed_file_id, sha256: stored?.sha256 ?? null },
    });
    return { ok: true, signedOn };
  });
}

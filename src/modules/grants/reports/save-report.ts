import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { sniffContentType } from '../../../core/files/sniff.js';
import { storeFile } from '../../../core/files/store-file.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { staffOfTrack } from '../../accounts/index.js';
import { REPORT_SUBMITTED_MAIL } from './mails.js';
import { type ReportLine, storedLines } from './report-lines.js';
import './mails.js';

/** The file types a report may be sent as: PDF and spreadsheets. */
export const REPORT_FILE_TYPES = [
  'application/pdf',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const MAX_REPORT_FILE_BYTES = 10 * 1024 * 1024;

export interface SaveReportInput {
  grantId: string;
  applicationId: string;
  /** For the finance staff's mail. */
  title: string;
  reference: string;
  trackCode: string;
  /** The version the form was read at (optimistic concurrency). */
  version: number;
  lines: ReportLine[];
  comment: string;
  file: { data: Buffer; name: string } | null;
  submit: boolean;
}

export type SaveReportResult =
  | { ok: true; status: 'draft' | 'submitted' }
  | { ok: false; problem: 'not_found' | 'not_editable' | 'stale' | 'file_type' };

/** Where staff review a laureate's report. */
export function staffReportUrl(baseUrl: string, applicationId: string): string {
  return `${baseUrl}/admin/subventions/laureats/${applicationId}/compte-rendu`;
}

/**
 * The team saves its report as a draft, or submits it (the form checked the gap rule first). Only a draft or a
 * returned report changes; the version read with the form must still be the report's, so a teammate's save or
 * a staff review in between is never overwritten. A submission mails the finance staff of the laureate's track.
 */
export async function saveReport(services: Services, actor: Actor, input: SaveReportInput): Promise<SaveReportResult> {
  const now = services.clock.now();
  let contentType: string | null = null;
  if (input.file) {
    contentType = sniffContentType(input.file.data)?.contentType ?? null;
    if (!contentType || !(REPORT_FILE_TYPES as readonly string[]).includes(contentType))
      return { ok: false, problem: 'file_type' };
  }
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveReportResult> => {
    const report = await trx
      .selectFrom('grant_financial_reports')
      .select(['id', 'status', 'version', 'file_id'])
      .where('grant_id', '=', input.grantId)
      .forUpdate()
      .executeTakeFirst();
    if (!report) return { ok: false, problem: 'not_found' };
    if (report.status !== 'draft' && report.status !== 'returned') return { ok: false, problem: 'not_editable' };
    if (report.version !== input.version) return { ok: false, problem: 'stale' };
    let fileId = report.file_id;
    if (input.file && contentType) {
      const stored = await storeFile(trx, services.config.filesDir, {
        data: input.file.data,
        originalName: input.file.name,
        ownerId: actor.id,
        purpose: 'laureate',
        contentType,
      });
      fileId = stored.id;
      await audit({
        action: 'grants.report-file-attached',
        subjectType: 'grant',
        subjectId: input.grantId,
        summary: { fileId, size: stored.size, sha256: stored.sha256, contentType },
      });
    }
    const status = input.submit ? ('submitted' as const) : report.status === 'returned' ? 'returned' : 'draft';
    await trx
      .updateTable('grant_financial_reports')
      .set({
        lines: storedLines(input.lines),
        comment: input.comment,
        file_id: fileId,
        status,
        version: report.version + 1,
        updated_at: now,
        ...(input.submit ? { submitted_at: now, submitted_by: actor.id } : {}),
      })
      .where('id', '=', report.id)
      .execute();
    await audit({
      action: input.submit ? 'grants.report-submitted' : 'grants.report-saved',
      subjectType: 'grant',
      subjectId: input.grantId,
      summary: { lines: input.lines.length, file: fileId !== null },
    });
    if (input.submit) {
      const finance = await staffOfTrack(trx, input.trackCode, 'finance');
      for (const person of finance) {
        if (!person.email || person.erased) continue;
        await queueMail(
          trx,
          {
            to: person.email,
            template: REPORT_SUBMITTED_MAIL,
            locale: person.locale,
            data: {
              title: input.title,
              reference: input.reference,
              url: staffReportUrl(services.config.baseUrl, input.applicationId),
            },
          },
          now,
        );
      }
    }
    return { ok: true, status: input.submit ? 'submitted' : 'draft' };
  });
}

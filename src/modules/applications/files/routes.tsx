import { auditedTransaction } from '../../../core/audit/audit.js';
import { sendErrorPage } from '../../../core/http/error-pages.js';
import { notFound } from '../../../core/http/replies.js';
import { actorOf } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { applicationForApplicant, applicationForStaff } from '../access.js';
import { FileParams } from '../schemas.js';
import { downloadRefusal, submittedFileIds } from './application-files.js';
import { applicationFileRow, sendAttachment } from './attachments.js';

/** Downloads of an application's attached files, by its applicants and by the staff who instruct it. */
export async function fileRoutes(app: App, services: Services): Promise<void> {
  app.get(
    '/mes-candidatures/:id/fichiers/:fileId',
    { config: { permission: 'signed-in' }, schema: { params: FileParams } },
    async (request, reply) => {
      const application = await applicationForApplicant(services, request, reply);
      if (!application) return reply;
      const file = await applicationFileRow(services, application.id, request.params.fileId);
      if (!file) return notFound(request, reply);
      // The same rule as for staff: a file is downloaded once found clean (or when scanning is off).
      const refusal = downloadRefusal(services, file.status);
      if (refusal) return sendErrorPage(request, reply, 409, refusal.title, refusal.text);
      return sendAttachment(request, reply, services, file.fileId);
    },
  );

  app.get(
    '/admin/candidatures/:id/fichiers/:fileId',
    { config: { permission: 'applications.instruct' }, schema: { params: FileParams } },
    async (request, reply) => {
      const application = await applicationForStaff(services, request, reply);
      if (!application) return reply;
      // A draft is the applicant's until submitted: staff open only the files a submitted version answers with.
      const submitted = (await submittedFileIds(services.db, [application.id])).get(application.id);
      if (!submitted?.has(request.params.fileId)) return notFound(request, reply);
      const file = await applicationFileRow(services, application.id, request.params.fileId);
      if (!file) return notFound(request, reply);
      const refusal = downloadRefusal(services, file.status);
      if (refusal) return sendErrorPage(request, reply, 409, refusal.title, refusal.text);
      await auditedTransaction(services.db, actorOf(request), services.clock.now(), (_trx, audit) =>
        audit({
          action: 'application.download_file',
          subjectType: 'application',
          subjectId: application.id,
          summary: { fileId: file.fileId },
        }),
      );
      return sendAttachment(request, reply, services, file.fileId);
    },
  );
}

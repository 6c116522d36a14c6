import type { FastifyInstance } from 'fastify';
import { auditedTransaction } from '../../../core/audit/audit.js';
import { actorOf } from '../../../core/http/request-context.js';
import type { Services } from '../../../core/services.js';
import { readListFilters } from '../routes.js';
import { exportApplications } from './export-applications.js';
import { planAttachmentsZip, streamAttachmentsZip } from './export-attachments.js';

type ListQuery = { Querystring: Record<string, string | undefined> };

/** /admin/candidatures/export.zip: the attachments of the applications the CSV export would list. */
export async function exportZipRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<ListQuery>(
    '/admin/candidatures/export.zip',
    { config: { permission: 'applications.instruct' } },
    async (request, reply) => {
      const { filters } = await readListFilters(request, services);
      const { after: _ignored, ...all } = filters;
      const { rows } = await exportApplications(services.db, all);
      const { entries, withheld } = await planAttachmentsZip(services, rows);
      // Reading applicants' files in bulk is recorded, like a change.
      await auditedTransaction(services.db, actorOf(request), services.clock.now(), (_trx, audit) =>
        audit({
          action: 'application.export',
          subjectType: 'application',
          summary: { format: 'zip', applications: rows.length, files: entries.length, withheld },
        }),
      );
      const stamp = services.clock.now().toISOString().slice(0, 10);
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="pieces-jointes-${stamp}.zip"`)
        .type('application/zip')
        .send(streamAttachmentsZip(services, entries));
    },
  );
}

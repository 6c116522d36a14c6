import { auditedTransaction } from '../../../core/audit/audit.js';
import { actorOf } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { ListQuery, readListFilters } from '../staff/list-filters.js';
import { exportApplications, toCsv } from './export-applications.js';
import { planAttachmentsZip, streamAttachmentsZip } from './export-attachments.js';

/**
 * The staff exports of the applications the list's filters select (every page): CSV and JSON, and a ZIP of
 * their attachments. Staff exports, not the public API: they stay out of the OpenAPI document.
 */
export async function exportRoutes(app: App, services: Services): Promise<void> {
  for (const format of ['csv', 'json'] as const) {
    app.get(
      `/admin/candidatures/export.${format}`,
      { config: { permission: 'applications.instruct' }, schema: { querystring: ListQuery } },
      async (request, reply) => {
        const { filters } = await readListFilters(request, services);
        const { after: _ignored, ...all } = filters;
        const data = await exportApplications(services.db, all);
        // Reading personal data in bulk is recorded, like a change.
        await auditedTransaction(services.db, actorOf(request), services.clock.now(), (_trx, audit) =>
          audit({
            action: 'application.export',
            subjectType: 'application',
            summary: { format, rows: data.rows.length },
          }),
        );
        const stamp = services.clock.now().toISOString().slice(0, 10);
        reply
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="candidatures-${stamp}.${format}"`);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(data));
        return reply.type('application/json; charset=utf-8').send({ columns: data.columns, applications: data.rows });
      },
    );
  }

  app.get(
    '/admin/candidatures/export.zip',
    { config: { permission: 'applications.instruct' }, schema: { querystring: ListQuery } },
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

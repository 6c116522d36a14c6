import { auditedTransaction } from '../../../core/audit/audit.js';
import { actorOf } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { tableCsv } from '../../../core/spreadsheet/csv.js';
import { xlsxFile } from '../../../core/spreadsheet/xlsx.js';
import { ListQuery, readListFilters } from '../staff/list-filters.js';
import { exportApplications } from './export-applications.js';
import { planAttachmentsZip, streamAttachmentsZip } from './export-attachments.js';
import { exportedFileNames, exportTable } from './export-table.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The staff exports of the applications the list's filters select (every page): CSV and XLSX for people, JSON for programs, and a ZIP of
 * their attachments. Staff exports, not the public API: they stay out of the OpenAPI document.
 */
export async function exportRoutes(app: App, services: Services): Promise<void> {
  for (const format of ['csv', 'xlsx', 'json'] as const) {
    app.get(
      `/admin/candidatures/export.${format}`,
      { config: { permission: 'applications.instruct' }, schema: { querystring: ListQuery } },
      async (request, reply) => {
        const { filters, seasons } = await readListFilters(request, services);
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
        reply
          .header('cache-control', 'private, no-store')
          .header(
            'content-disposition',
            `attachment; filename="candidatures-${isoDateParis(services.clock.now())}.${format}"`,
          );
        // JSON is for programs: codes and ISO 8601 instants. CSV and XLSX are for people (see export-table.ts).
        if (format === 'json')
          return reply.type('application/json; charset=utf-8').send({ columns: data.columns, applications: data.rows });
        const fileNames = await exportedFileNames(
          services.db,
          data.rows.map((r) => r.id),
        );
        const table = exportTable(request.locale, data, seasons, fileNames);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(tableCsv(table));
        return reply.type(XLSX_TYPE).send(await xlsxFile([table]));
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
      const stamp = isoDateParis(services.clock.now());
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="pieces-jointes-${stamp}.zip"`)
        .type('application/zip')
        .send(streamAttachmentsZip(services, entries));
    },
  );
}

import { html } from '../../../core/http/replies.js';
import { viewContext } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { csvCell } from '../../../core/spreadsheet/csv.js';
import { exportedGrants, grantsDashboard } from './dashboard-data.js';
import { giving360Package } from './giving360.js';
import { openDataMessages as m } from './messages.js';
import { publishedGrants } from './published-grants.js';
import { scdlCsv, scdlRow } from './scdl.js';
import { DashboardPage } from './views/dashboard.js';

/** "30000,50": euros with a decimal comma and no grouping, which French Excel reads as a number. */
function frenchEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** SCDL Subventions CSV, 360Giving JSON, the grants dashboard and its CSV export (the data page /donnees is the open-data module's). */
export async function openDataRoutes(app: App, services: Services): Promise<void> {
  app.get(
    '/donnees/subventions.csv',
    {
      schema: {
        summary: 'Grants (SCDL Subventions 2.1.1)',
        description:
          'The essential data of every signed grant agreement (décret 2017-779), in the SCDL Subventions 2.1.1 ' +
          'table: UTF-8 without BOM, comma separator, decimal point, RFC 4180 quoting, CRLF line ends, the 16 ' +
          'columns in the schema’s order, one row per agreement. Licence Ouverte 2.0.',
        tags: ['grants'],
      },
      config: { permission: 'public', openapi: true },
    },
    async (_request, reply) => {
      const rows = (await publishedGrants(services.db)).map(scdlRow);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'inline; filename="subventions.csv"')
        .header('cache-control', 'no-cache')
        .send(scdlCsv(rows));
    },
  );

  app.get(
    '/donnees/subventions-360giving.json',
    {
      schema: {
        summary: 'Grants (360Giving Data Standard)',
        description:
          'The same signed grants as a 360Giving data package ({ grants: [...] }): id (360G-accelerateur- and the ' +
          'decision reference), title, description, currency EUR, amountAwarded in euros, awardDate (the agreement’s ' +
          'date), recipientOrganization and fundingOrganization (FR-SIRET- or FR-RNA- identifiers), plannedDates, ' +
          'and the payments made as transactions. Licence Ouverte 2.0.',
        tags: ['grants'],
      },
      config: { permission: 'public', openapi: true },
    },
    async (_request, reply) => {
      const data = giving360Package(await publishedGrants(services.db));
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(data);
    },
  );

  app.get(
    '/admin/subventions',
    // Money of whole seasons: a member limited to one track is refused (decided: figures per envelope span tracks).
    { config: { permission: 'grants.manage', allTracks: true } },
    async (request, reply) => {
      const seasons = await grantsDashboard(services.db, isoDateParis(services.clock.now()));
      return html(reply, 200, <DashboardPage ctx={await viewContext(request, reply)} seasons={seasons} />);
    },
  );

  app.get(
    '/admin/subventions/export.csv',
    { config: { permission: 'grants.manage', allTracks: true } },
    async (request, reply) => {
      const { locale } = request;
      const grants = await exportedGrants(services.db);
      const header = [
        'Saison',
        'Enveloppe',
        'Parcours',
        'Référence',
        'Bénéficiaire',
        'SIRET',
        'RNA',
        'État',
        'Montant (€)',
        'Versé (€)',
        'Reste à verser (€)',
        'Convention signée le',
        'Début de l’action',
        'Fin de l’action',
        'Compte rendu financier',
        'Compte rendu attendu le',
      ];
      // Text is quoted and guarded against formulas (csvCell); amounts stay bare so Excel reads them as numbers.
      const lines = grants.map((g) =>
        [
          csvCell(g.seasonName),
          csvCell(g.envelopeLabel),
          csvCell(g.trackCode || t(locale, m.allTracks)),
          csvCell(g.reference),
          csvCell(g.beneficiaryName),
          g.siret,
          g.rna,
          csvCell(t(locale, m[`status_${g.status}`])),
          frenchEuros(g.amountCents),
          frenchEuros(g.paidCents),
          frenchEuros(g.amountCents - g.paidCents),
          g.signedOn,
          g.actionStartsOn,
          g.actionEndsOn,
          csvCell(t(locale, m[`report_${g.reportStatus ?? 'none'}`])),
          g.reportDueOn,
        ].join(';'),
      );
      const body = `\uFEFF${[header.map(csvCell).join(';'), ...lines].join('\r\n')}\r\n`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="subventions.csv"')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
}

import type { FastifyReply } from 'fastify';
import { html } from '../../../core/http/replies.js';
import { plainViewContext } from '../../../core/http/request-context.js';
import { type App, OptionalText, Query } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { cooperationFigures } from './figures.js';
import { contactsForStaff } from './staff-contacts.js';
import { contactsCsv, figuresCsv } from './staff-csv.js';
import {
  STAFF_CONTACTS_CSV_PATH,
  STAFF_CONTACTS_PATH,
  STAFF_CSV_PATH,
  STAFF_PATH,
  StaffContactsPage,
  StaffOverviewPage,
} from './views/staff.js';

/** Cooperation is not per track: every staff member sees the whole space. */
const STAFF = { permission: 'commons.moderate', tracks: 'none' } as const;
const PAGE_SIZE = 50;
const PageQuery = Query({ page: OptionalText(10) });

function sendCsv(reply: FastifyReply, name: string, body: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

/** The staff's overview of the space (figures per lever and per administration, CSV) and the contacts made. */
export async function staffRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get(STAFF_PATH, { config: STAFF }, async (request, reply) => {
    const figures = await cooperationFigures(db);
    return html(reply, 200, <StaffOverviewPage ctx={plainViewContext(request)} figures={figures} />);
  });

  app.get(STAFF_CSV_PATH, { config: STAFF }, async (request, reply) =>
    sendCsv(reply, 'cooperation-chiffres.csv', figuresCsv(request.locale, await cooperationFigures(db))),
  );

  app.get(STAFF_CONTACTS_PATH, { config: STAFF, schema: { querystring: PageQuery } }, async (request, reply) => {
    // A page number typed by hand is read leniently: anything but a page that exists shows the nearest one.
    const asked = Number.parseInt(request.query.page ?? '1', 10);
    const first = await contactsForStaff(db, { page: 1, size: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    const page = Number.isFinite(asked) ? Math.min(Math.max(1, asked), pages) : 1;
    const { rows } = page === 1 ? first : await contactsForStaff(db, { page, size: PAGE_SIZE });
    return html(
      reply,
      200,
      <StaffContactsPage ctx={plainViewContext(request)} rows={rows} page={page} pages={pages} />,
    );
  });

  app.get(STAFF_CONTACTS_CSV_PATH, { config: STAFF }, async (request, reply) => {
    const { rows } = await contactsForStaff(db);
    return sendCsv(reply, 'cooperation-mises-en-contact.csv', contactsCsv(request.locale, rows));
  });
}

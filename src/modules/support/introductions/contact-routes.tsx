import type { Static } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, OptionalText, Query } from '../../../core/http/route-schemas.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { checkOrganisation, type OrganisationCheck } from '../../applications/index.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import { setContactArchived } from './archive-contact.js';
import { type ContactReading, legalBasisChoice, listOf, readContact } from './contact-input.js';
import { introductionMessages as m } from './messages.js';
import { type Contact, type ContactFilter, contactById, contactTopics, listContacts } from './queries.js';
import { saveContact } from './save-contact.js';
import {
  CONTACTS_PATH,
  ContactFormPage,
  type ContactFormState,
  ContactListPage,
  contactFormState,
} from './views/contacts.js';

/** The directory is staff's, every track at once: its people are not any one track's. */
export const CONTACTS = { permission: 'support.contacts', allTracks: true } as const;

const PAGE_SIZE = 20;

const ListQuery = Query({
  q: OptionalText(200),
  levier: OptionalText(60),
  sujet: OptionalText(100),
  etat: OptionalText(20),
  page: OptionalText(10),
  ok: OptionalText(20),
  n: OptionalText(10),
  u: OptionalText(10),
  s: OptionalText(10),
});
type ListQuery = Static<typeof ListQuery>;

const count = (value: string | undefined) => String(Number.parseInt(value ?? '0', 10) || 0);

function listNotice(request: FastifyRequest, query: ListQuery) {
  const { locale } = request;
  if (query.ok === 'enregistre') return { kind: 'success' as const, title: t(locale, m.saved) };
  if (query.ok === 'archive') return { kind: 'success' as const, title: t(locale, m.archived) };
  if (query.ok === 'import')
    return {
      kind: 'success' as const,
      title: t(locale, m.imported, { created: count(query.n), updated: count(query.u), skipped: count(query.s) }),
    };
  return undefined;
}

/**
 * The SIRET's check: the format first (readContact), then the company register when the number is well
 * formed. The register's answer is kept whatever it says; unavailable, it never blocks the save.
 */
export async function registerCheck(services: Services, siret: string | null): Promise<OrganisationCheck | null> {
  return siret ? checkOrganisation(services, { siret }) : null;
}

/** Staff's directory of administration contacts: list, search, form, archive. */
export async function contactRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    contact: Contact | null,
    form: ContactFormState,
    notice?: { kind: 'success' | 'warning'; title: string },
  ) {
    const ctx = await viewContext(request, reply);
    return html(reply, status, <ContactFormPage ctx={ctx} contact={contact} form={form} notice={notice} />);
  }

  const formOf = (reading: ContactReading, version?: string): ContactFormState => ({
    values: { ...reading.values, ...(version ? { version } : {}) },
    levers: reading.leverValues.filter((code) => SUPPORT_LEVERS.some((l) => l.code === code)),
    errors: reading.errors,
  });

  const readBody = (body: unknown) => readContact(body, { levers: listOf(body, 'levers') });

  app.get(CONTACTS_PATH, { config: CONTACTS, schema: { querystring: ListQuery } }, async (request, reply) => {
    const query = request.query;
    const filter: ContactFilter = {
      q: query.q?.trim() || undefined,
      lever: SUPPORT_LEVERS.some((l) => l.code === query.levier) ? query.levier : undefined,
      topic: query.sujet?.trim() || undefined,
      archived: query.etat === 'archives',
    };
    const requested = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
    const first = await listContacts(db, filter, { offset: (requested - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    // A page past the end (an old link after archiving) shows the last one.
    const page = Math.min(requested, pages);
    const { contacts, total } =
      page === requested ? first : await listContacts(db, filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      200,
      <ContactListPage
        ctx={ctx}
        contacts={contacts}
        total={total}
        page={page}
        pages={pages}
        filter={filter}
        topics={await contactTopics(db)}
        notice={listNotice(request, query)}
      />,
    );
  });

  app.get(`${CONTACTS_PATH}/nouveau`, { config: CONTACTS }, async (request, reply) =>
    renderForm(request, reply, 200, null, { values: {}, levers: [], errors: {} }),
  );

  app.post(CONTACTS_PATH, { config: CONTACTS }, async (request, reply) => {
    const reading = readBody(request.body);
    if (!reading.ok) return renderForm(request, reply, 400, null, formOf(reading));
    const check = await registerCheck(services, reading.input.siret);
    const saved = await saveContact(services, actorOf(request), reading.input, check);
    if (!saved.ok) {
      reading.errors.email = { message: m.emailTaken };
      return renderForm(request, reply, 409, null, formOf(reading));
    }
    return reply.redirect(`${CONTACTS_PATH}/${saved.id}?ok=enregistre`, 303);
  });

  app.get(
    `${CONTACTS_PATH}/:id`,
    { config: CONTACTS, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const contact = await contactById(db, request.params.id);
      if (!contact) return notFound(request, reply);
      const ok = request.query.ok;
      const notice =
        ok === 'enregistre'
          ? { kind: 'success' as const, title: t(request.locale, m.saved) }
          : ok === 'reactive'
            ? { kind: 'success' as const, title: t(request.locale, m.restored) }
            : ok === 'conflit'
              ? { kind: 'warning' as const, title: t(request.locale, m.restoreConflict) }
              : undefined;
      return renderForm(
        request,
        reply,
        200,
        contact,
        contactFormState(contact, legalBasisChoice(contact.legalBasis)),
        notice,
      );
    },
  );

  app.post(`${CONTACTS_PATH}/:id`, { config: CONTACTS, schema: { params: IdParams } }, async (request, reply) => {
    const contact = await contactById(db, request.params.id);
    if (!contact) return notFound(request, reply);
    const reading = readBody(request.body);
    const versionText = listOf(request.body, 'version')[0] ?? '';
    const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1;
    if (!reading.ok) return renderForm(request, reply, 400, contact, formOf(reading, versionText));
    const check =
      reading.input.siret === contact.siret && contact.siretCheck?.register.status === 'verified'
        ? contact.siretCheck
        : await registerCheck(services, reading.input.siret);
    const saved = await saveContact(services, actorOf(request), reading.input, check, { id: contact.id, version });
    if (saved.ok) return reply.redirect(`${CONTACTS_PATH}/${contact.id}?ok=enregistre`, 303);
    if (saved.problem === 'not_found') return notFound(request, reply);
    if (saved.problem === 'email_taken') {
      reading.errors.email = { message: m.emailTaken };
      return renderForm(request, reply, 409, contact, formOf(reading, versionText));
    }
    const fresh = (await contactById(db, contact.id)) ?? contact;
    return renderForm(request, reply, 409, fresh, contactFormState(fresh, legalBasisChoice(fresh.legalBasis)), {
      kind: 'warning',
      title: t(request.locale, m.stale),
    });
  });

  for (const [path, archived] of [
    ['archiver', true],
    ['reactiver', false],
  ] as const) {
    app.post(
      `${CONTACTS_PATH}/:id/${path}`,
      { config: CONTACTS, schema: { params: IdParams } },
      async (request, reply) => {
        const result = await setContactArchived(services, actorOf(request), { id: request.params.id, archived });
        if (!result.ok && result.problem === 'not_found') return notFound(request, reply);
        if (!result.ok) return reply.redirect(`${CONTACTS_PATH}/${request.params.id}?ok=conflit`, 303);
        return reply.redirect(
          archived ? `${CONTACTS_PATH}?ok=archive` : `${CONTACTS_PATH}/${request.params.id}?ok=reactive`,
          303,
        );
      },
    );
  }
}

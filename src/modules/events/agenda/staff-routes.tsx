import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { FormReader, formMessages } from '../../../core/http/forms.js';
import { BAD_CHARACTERS } from '../../../core/http/input-rules.js';
import { readMultipartForm } from '../../../core/http/multipart.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, Uuid } from '../../../core/http/route-schemas.js';
import { type Locale, type Message, t } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { csvLines } from '../../../core/spreadsheet/csv.js';
import { visibleCommons } from '../../commons/index.js';
import { listPublicLaureates, listPublicSeasons } from '../../seasons/index.js';
import { listField, parisInputValue, questionsText, readEventForm } from './event-input.js';
import { agendaMessages as m } from './messages.js';
import { STAFF_EVENTS_PATH, staffEventHref } from './paths.js';
import type { EventRow } from './places.js';
import { documentsOf, eventById, listEvents, NO_COUNTS, placeCounts, questionsOf, registrationsOf } from './queries.js';
import { addReportDocument, MAX_DOCUMENT_BYTES, removeReportDocument, saveReport } from './report.js';
import { cancelEvent, createEvent, updateEvent } from './save-event.js';
import { STATUS_LABELS } from './views/common.js';
import {
  CheckInPage,
  type EventFormData,
  EventFormPage,
  ReportPage,
  StaffEventPage,
  StaffListPage,
} from './views/staff.js';

const STAFF = { permission: 'events.manage', tracks: 'none' } as const;
const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid });
const FIELDS_BYTES = 64 * 1024;

function noticeOf(locale: Locale, ok: string | undefined): string | undefined {
  const message = (m as Record<string, Message>)[`ok_${ok ?? ''}`];
  return message ? t(locale, message) : undefined;
}

const parisStamp = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A date and time as a French spreadsheet reads it, in Europe/Paris: 08/12/2026 10:30. */
function csvDateTime(date: Date | null): string {
  return date ? parisStamp.format(date).replace(',', '') : '';
}

/** Staff's pages: list, create and edit, the event's record, CSV, check-in list, cancellation, closing report. */
export async function staffRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get(STAFF_EVENTS_PATH, { config: STAFF }, async (request, reply) => {
    const events = (await listEvents(db, { all: true })).reverse();
    const counts = await placeCounts(
      db,
      events.map((e) => e.id),
    );
    return html(
      reply,
      200,
      <StaffListPage
        ctx={await viewContext(request, reply)}
        events={events.map((event) => ({ event, counts: counts.get(event.id) ?? NO_COUNTS }))}
      />,
    );
  });

  async function choices(): Promise<Pick<EventFormData, 'laureates' | 'commons'>> {
    const laureates: { id: string; label: string }[] = [];
    for (const season of await listPublicSeasons(services))
      for (const l of await listPublicLaureates(services, season))
        laureates.push({ id: l.id, label: `${l.name} (${season.name})` });
    const commons = (await visibleCommons(db)).map((c) => ({ id: c.id, label: c.name }));
    return { laureates, commons };
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    data: Omit<EventFormData, 'laureates' | 'commons'>,
  ): Promise<FastifyReply> {
    return html(
      reply,
      status,
      <EventFormPage ctx={await viewContext(request, reply)} data={{ ...data, ...(await choices()) }} />,
    );
  }

  app.get(`${STAFF_EVENTS_PATH}/nouveau`, { config: STAFF }, async (request, reply) =>
    renderForm(request, reply, 200, { event: null, values: { kind: 'in_person', offer_hours: '48' }, errors: {} }),
  );

  app.post(`${STAFF_EVENTS_PATH}/nouveau`, { config: STAFF }, async (request, reply) => {
    const { form, input } = readEventForm(request.body);
    if (!input) return renderForm(request, reply, 400, { event: null, values: form.values, errors: form.errors });
    const result = await createEvent(services, actorOf(request), input);
    if (!result.ok) return notFound(request, reply);
    return reply.redirect(`${staffEventHref(result.id)}?ok=created`, 303);
  });

  function formValues(e: EventRow): Record<string, string> {
    return {
      title: e.title,
      description: e.description,
      kind: e.kind,
      place: e.place,
      accessibility: e.accessibility,
      online_link: e.online_link ?? '',
      starts_at: parisInputValue(e.starts_at),
      ends_at: parisInputValue(e.ends_at),
      capacity: e.capacity === null ? '' : String(e.capacity),
      registration_opens_at: parisInputValue(e.registration_opens_at),
      registration_closes_at: parisInputValue(e.registration_closes_at),
      offer_hours: String(e.offer_hours),
      questions: questionsText(questionsOf(e)),
      laureates: e.laureate_ids.join(','),
      commons: e.commons_ids.join(','),
      published: e.published ? 'on' : '',
    };
  }

  app.get(
    `${STAFF_EVENTS_PATH}/:id/modifier`,
    { config: STAFF, schema: { params: IdParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      return renderForm(request, reply, 200, {
        event: { id: event.id, title: event.title, version: event.version },
        values: formValues(event),
        errors: {},
      });
    },
  );

  app.post(
    `${STAFF_EVENTS_PATH}/:id/modifier`,
    { config: STAFF, schema: { params: IdParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      const { form, input, version } = readEventForm(request.body);
      const formEvent = { id: event.id, title: event.title, version };
      if (!input)
        return renderForm(request, reply, 400, { event: formEvent, values: form.values, errors: form.errors });
      const result = await updateEvent(services, actorOf(request), event.id, version, input);
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'capacity') {
          form.fail('capacity', m.capacityBelowRegistered, { n: result.registered });
          return renderForm(request, reply, 422, { event: formEvent, values: form.values, errors: form.errors });
        }
        return renderForm(request, reply, 409, {
          event: { ...formEvent, version: event.version },
          values: form.values,
          errors: form.errors,
          stale: true,
        });
      }
      return reply.redirect(`${staffEventHref(event.id)}?ok=saved`, 303);
    },
  );

  async function renderEvent(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventRow,
    status: number,
    extra: { notice?: string; cancelForm?: { value: string; error?: FormReader['errors'][string] } } = {},
  ): Promise<FastifyReply> {
    return html(
      reply,
      status,
      <StaffEventPage
        ctx={await viewContext(request, reply)}
        event={event}
        questions={questionsOf(event)}
        registrations={await registrationsOf(db, event.id)}
        {...extra}
      />,
    );
  }

  app.get(
    `${STAFF_EVENTS_PATH}/:id`,
    { config: STAFF, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      return renderEvent(request, reply, event, 200, { notice: noticeOf(request.locale, request.query.ok) });
    },
  );

  app.post(
    `${STAFF_EVENTS_PATH}/:id/annuler`,
    { config: STAFF, schema: { params: IdParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      const form = new FormReader(request.body);
      const reason = form.text('reason', { required: true, max: 2000 });
      if (!form.ok)
        return renderEvent(request, reply, event, 400, {
          cancelForm: { value: form.values.reason ?? '', error: form.errors.reason },
        });
      const result = await cancelEvent(services, actorOf(request), event.id, reason);
      if (!result.ok && result.problem === 'not_found') return notFound(request, reply);
      return reply.redirect(`${staffEventHref(event.id)}?ok=cancelled`, 303);
    },
  );

  app.get(
    `${STAFF_EVENTS_PATH}/:id/inscriptions.csv`,
    { config: STAFF, schema: { params: IdParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      const locale = request.locale;
      const questions = questionsOf(event);
      const registrations = (await registrationsOf(db, event.id)).filter((r) => r.status !== 'pending');
      const rows = [
        [
          t(locale, m.colName),
          t(locale, m.colEmail),
          t(locale, m.colStatus),
          t(locale, m.colRegisteredAt),
          t(locale, m.colArrived),
          ...questions.map((q) => q.label),
        ],
        ...registrations.map((r) => [
          r.name,
          r.email,
          t(locale, STATUS_LABELS[r.status]),
          csvDateTime(r.confirmedAt ?? r.createdAt),
          r.attended ? (locale === 'fr' ? 'oui' : 'yes') : '',
          ...questions.map((q) => r.answers[q.id] ?? ''),
        ]),
      ];
      // French spreadsheet CSV: UTF-8 with BOM, `;`, CRLF, labels not codes, Paris dates.
      const body = csvLines(rows);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="inscriptions-${event.id}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  app.get(
    `${STAFF_EVENTS_PATH}/:id/emargement`,
    { config: STAFF, schema: { params: IdParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      const registered = (await registrationsOf(db, event.id))
        .filter((r) => r.status === 'registered')
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      return html(
        reply,
        200,
        <CheckInPage
          ctx={await viewContext(request, reply)}
          event={event}
          questions={questionsOf(event)}
          registered={registered}
        />,
      );
    },
  );

  async function renderReport(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventRow,
    status: number,
    form?: { values: Record<string, string>; errors: FormReader['errors'] },
    notice?: string,
  ): Promise<FastifyReply> {
    const registered = (await registrationsOf(db, event.id)).filter((r) => r.status === 'registered');
    const values = form?.values ?? {
      attendance: event.report_attendance === null ? '' : String(event.report_attendance),
      minutes: event.report_minutes,
      publish: event.report_published_at ? 'on' : '',
    };
    return html(
      reply,
      status,
      <ReportPage
        ctx={await viewContext(request, reply)}
        event={event}
        registered={registered}
        documents={await documentsOf(db, event.id)}
        values={values}
        errors={form?.errors ?? {}}
        notice={notice}
      />,
    );
  }

  app.get(
    `${STAFF_EVENTS_PATH}/:id/compte-rendu`,
    { config: STAFF, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      return renderReport(request, reply, event, 200, undefined, noticeOf(request.locale, request.query.ok));
    },
  );

  app.post(
    `${STAFF_EVENTS_PATH}/:id/compte-rendu`,
    { config: STAFF, schema: { params: IdParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      const form = new FormReader(request.body);
      const attendanceText = form.text('attendance', { max: 10 });
      let attendance: number | null = null;
      if (attendanceText !== '') {
        if (/^\d+$/.test(attendanceText)) attendance = Number(attendanceText);
        else form.fail('attendance', m.attendanceNegative);
      }
      const minutes = form.text('minutes', { max: 50000 });
      const publish = form.checkbox('publish');
      const attendedIds = listField(request.body, 'attended').filter(isUuid);
      if (!form.ok) return renderReport(request, reply, event, 400, { values: form.values, errors: form.errors });
      await saveReport(services, actorOf(request), event.id, { attendedIds, attendance, minutes, publish });
      return reply.redirect(`${staffEventHref(event.id)}/compte-rendu?ok=report`, 303);
    },
  );

  app.post(
    `${STAFF_EVENTS_PATH}/:id/documents`,
    { config: STAFF, schema: { params: IdParams } },
    async (request, reply) => {
      const event = await eventById(db, request.params.id);
      if (!event) return notFound(request, reply);
      const fields: Record<string, string> = {};
      let file: { data: Buffer; name: string } | undefined;
      let tooLarge = false;
      let badField = false;
      if (request.isMultipart()) {
        try {
          const sent = await readMultipartForm(request, {
            maxFileBytes: (field) => (field === 'file' ? MAX_DOCUMENT_BYTES : 0),
            quota: () => ({ files: 1, bytes: MAX_DOCUMENT_BYTES }),
            bodyBytes: MAX_DOCUMENT_BYTES + FIELDS_BYTES,
            afterRefusalBytes: FIELDS_BYTES,
          });
          for (const [name, value] of Object.entries(sent.fields)) if (typeof value === 'string') fields[name] = value;
          const part = sent.files.find((f) => f.field === 'file');
          if (part) file = { data: part.data, name: part.name };
          tooLarge = sent.refusal !== null;
        } catch (error) {
          if (!(error instanceof HttpError) || error.code !== BAD_CHARACTERS) throw error;
          badField = true;
        }
      }
      const form = new FormReader(fields);
      const title = form.text('title', { required: true, max: 200 });
      if (badField) form.fail('title', formMessages.badCharacters);
      if (tooLarge) form.fail('file', m.fileTooLarge);
      else if (!file || file.data.length === 0) form.fail('file', m.fileRequired);
      if (!form.ok)
        return renderReport(request, reply, event, tooLarge ? 413 : 400, { values: form.values, errors: form.errors });
      const result = await addReportDocument(services, actorOf(request), {
        eventId: event.id,
        title,
        data: file!.data,
        fileName: file!.name,
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        form.fail(
          'file',
          result.problem === 'too_large' ? m.fileTooLarge : result.problem === 'type' ? m.fileType : m.fileRequired,
        );
        return renderReport(request, reply, event, result.problem === 'too_large' ? 413 : 415, {
          values: form.values,
          errors: form.errors,
        });
      }
      return reply.redirect(`${staffEventHref(event.id)}/compte-rendu?ok=document`, 303);
    },
  );

  app.post(
    `${STAFF_EVENTS_PATH}/:id/documents/:documentId/retirer`,
    { config: STAFF, schema: { params: DocumentParams } },
    async (request, reply) => {
      const removed = await removeReportDocument(
        services,
        actorOf(request),
        request.params.id,
        request.params.documentId,
      );
      if (!removed) return notFound(request, reply);
      return reply.redirect(`${staffEventHref(request.params.id)}/compte-rendu?ok=document_removed`, 303);
    },
  );
}

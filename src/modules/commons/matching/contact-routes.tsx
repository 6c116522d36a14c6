import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormReader, formMessages } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery } from '../../../core/http/route-schemas.js';
import { newSubmissionKey, readSubmissionKey, SUBMISSION_FIELD } from '../../../core/http/submission-keys.js';
import { formatDateTime, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { seesMembersOnly } from '../membership.js';
import type { Contact } from './exchange.js';
import { exchangeOf } from './exchange.js';
import { CONTACT_OUTCOMES } from './labels.js';
import { matchingMessages as m } from './messages.js';
import { commonsForViewer, contactForParty, needForViewer } from './policy.js';
import { postContactMessage } from './post-contact-message.js';
import { administrationsOfMember, type CommonsRow, type NeedRow } from './queries.js';
import { commonsRecipients, needRecipients, type Recipients } from './recipients.js';
import { recordContactOutcome } from './record-contact-outcome.js';
import {
  CONTACTS_PER_DAY,
  type ContactSubject,
  contactHref,
  MESSAGE_MAX,
  SUBJECT_MAX,
  sendContact,
} from './send-contact.js';
import { SlugParams } from './suggestion-routes.js';
import { ContactFormPage, type FormState, PERSONALLY } from './views/contact-form.js';
import { ExchangePage } from './views/exchange.js';

const SIGNED_IN = { permission: 'signed-in' } as const;
const NOTE_MAX = 2000;

/**
 * The form's one-time key (null when absent or malformed: then no replay guard), kept for the form shown again —
 * a fresh one when it was unusable. A malformed key is no field error (the person never typed it); forbidden
 * characters are reported like in any field.
 */
function submissionKeyOf(form: FormReader): string | null {
  const key = readSubmissionKey(form);
  if (form.errors[SUBMISSION_FIELD]?.message !== formMessages.badCharacters) delete form.errors[SUBMISSION_FIELD];
  form.values[SUBMISSION_FIELD] = key ?? newSubmissionKey();
  return key;
}

/** The contact form's fields, read and checked; the sender's administration must be one of theirs. */
function readContactForm(body: unknown, administrations: { id: string; name: string }[]) {
  const form = new FormReader(body);
  const choice =
    administrations.length > 0
      ? form.choice('sender_administration', [...administrations.map((a) => a.id), PERSONALLY], { required: true })
      : null;
  const title = form.text('subject', { required: true, max: SUBJECT_MAX }).replace(/\s+/g, ' ');
  const message = form.text('message', { required: true, max: MESSAGE_MAX });
  const submissionKey = submissionKeyOf(form);
  return { form, title, message, administration: administrations.find((a) => a.id === choice) ?? null, submissionKey };
}

/** One form to every referent of a commons or to a need's authors; the exchange; what came of it. */
export async function contactRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    target: { kind: 'commons'; commons: CommonsRow } | { kind: 'need'; need: NeedRow },
    recipients: Recipients,
    administrations: { id: string; name: string }[],
    extra: { form?: FormState; rateLimited?: string } = {},
  ) {
    const { locale } = request;
    const ctx = await viewContext(request, reply);
    const form = extra.form ?? { values: { [SUBMISSION_FIELD]: newSubmissionKey() }, errors: {} };
    if (target.kind === 'commons') {
      const { commons } = target;
      return html(
        reply,
        status,
        <ContactFormPage
          ctx={ctx}
          section="commons"
          title={t(locale, m.contactCommonsTitle, { name: commons.name })}
          crumbs={[
            { label: commons.name, href: `/cooperation/communs/${commons.slug}` },
            { label: t(locale, m.contact) },
          ]}
          action={`/cooperation/communs/${commons.slug}/contacter`}
          recipients={recipients}
          administrations={administrations}
          rateLimited={extra.rateLimited}
          form={form}
        />,
      );
    }
    const { need } = target;
    return html(
      reply,
      status,
      <ContactFormPage
        ctx={ctx}
        section="needs"
        title={t(locale, m.contactNeedTitle, { title: need.title })}
        crumbs={[{ label: need.title, href: `/cooperation/besoins/${need.id}` }, { label: t(locale, m.contact) }]}
        action={`/cooperation/besoins/${need.id}/contacter`}
        recipients={recipients}
        administrations={administrations}
        blocked={need.closedAt ? t(locale, m.closedNeedContact) : undefined}
        rateLimited={extra.rateLimited}
        form={form}
      />,
    );
  }

  /** Reads the form, sends the contact, and answers: the exchange, or the form again with what went wrong. */
  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    target: { kind: 'commons'; commons: CommonsRow } | { kind: 'need'; need: NeedRow },
    recipients: Recipients,
  ) {
    const user = request.user!;
    const administrations = await administrationsOfMember(db, user.id);
    const reading = readContactForm(request.body, administrations);
    const state = { values: reading.form.values, errors: reading.form.errors };
    if (target.kind === 'need' && target.need.closedAt)
      return renderForm(request, reply, 409, target, recipients, administrations, { form: state });
    if (!reading.form.ok) return renderForm(request, reply, 400, target, recipients, administrations, { form: state });
    const subject: ContactSubject =
      target.kind === 'commons'
        ? {
            kind: 'commons',
            commonsId: target.commons.id,
            name: target.commons.name,
            members: seesMembersOnly(user),
          }
        : { kind: 'need', need: target.need };
    const result = await sendContact(services, actorOf(request), {
      senderId: user.id,
      subject,
      senderAdministration: reading.administration,
      title: reading.title,
      body: reading.message,
      submissionKey: reading.submissionKey,
    });
    if (result.ok) return reply.redirect(`${contactHref(result.contactId)}?ok=envoye`, 303);
    if (result.reason === 'rate-limited')
      return renderForm(request, reply, 429, target, recipients, administrations, {
        form: state,
        rateLimited: t(request.locale, m.rateLimited, {
          n: CONTACTS_PER_DAY,
          when: formatDateTime(request.locale, result.retryAt),
        }),
      });
    return renderForm(request, reply, 409, target, { ...recipients, userIds: [] }, administrations, { form: state });
  }

  app.get(
    '/cooperation/communs/:slug/contacter',
    { config: SIGNED_IN, schema: { params: SlugParams } },
    async (request, reply) => {
      const commons = await commonsForViewer(services, request, reply, '/contacter');
      if (!commons) return reply;
      const user = request.user!;
      const recipients = await commonsRecipients(db, commons.id, user.id, seesMembersOnly(user));
      const administrations = await administrationsOfMember(db, user.id);
      return renderForm(request, reply, 200, { kind: 'commons', commons }, recipients, administrations);
    },
  );

  app.post(
    '/cooperation/communs/:slug/contacter',
    { config: SIGNED_IN, schema: { params: SlugParams } },
    async (request, reply) => {
      const commons = await commonsForViewer(services, request, reply, '/contacter');
      if (!commons) return reply;
      const user = request.user!;
      const recipients = await commonsRecipients(db, commons.id, user.id, seesMembersOnly(user));
      return send(request, reply, { kind: 'commons', commons }, recipients);
    },
  );

  app.get(
    '/cooperation/besoins/:id/contacter',
    { config: SIGNED_IN, schema: { params: IdParams } },
    async (request, reply) => {
      const need = await needForViewer(services, request, reply);
      if (!need) return reply;
      const user = request.user!;
      const recipients = await needRecipients(db, need, user.id);
      const administrations = await administrationsOfMember(db, user.id);
      return renderForm(request, reply, 200, { kind: 'need', need }, recipients, administrations);
    },
  );

  app.post(
    '/cooperation/besoins/:id/contacter',
    { config: SIGNED_IN, schema: { params: IdParams } },
    async (request, reply) => {
      const need = await needForViewer(services, request, reply);
      if (!need) return reply;
      const recipients = await needRecipients(db, need, request.user!.id);
      return send(request, reply, { kind: 'need', need }, recipients);
    },
  );

  const notices: Record<string, (typeof m)[keyof typeof m]> = {
    envoye: m.sent,
    reponse: m.answered,
    suite: m.outcomeSaved,
  };

  async function renderExchange(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    found: { contact: Contact; party: 'sender' | 'recipient' },
    extra: { messageForm?: FormState; outcomeForm?: FormState; notice?: string } = {},
  ) {
    const ctx = await viewContext(request, reply);
    const messages = await exchangeOf(db, found.contact, request.user!.id);
    return html(
      reply,
      status,
      <ExchangePage
        ctx={ctx}
        contact={found.contact}
        party={found.party}
        messages={messages}
        notice={extra.notice}
        messageForm={extra.messageForm ?? { values: { [SUBMISSION_FIELD]: newSubmissionKey() }, errors: {} }}
        outcomeForm={extra.outcomeForm}
      />,
    );
  }

  app.get(
    '/cooperation/contacts/:id',
    { config: SIGNED_IN, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const found = await contactForParty(services, request, reply);
      if (!found) return reply;
      const key = request.query.ok ?? '';
      const notice = Object.hasOwn(notices, key) ? t(request.locale, notices[key]) : undefined;
      return renderExchange(request, reply, 200, found, { notice });
    },
  );

  app.post(
    '/cooperation/contacts/:id/messages',
    { config: SIGNED_IN, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await contactForParty(services, request, reply);
      if (!found) return reply;
      const form = new FormReader(request.body);
      const message = form.text('message', { required: true, max: MESSAGE_MAX });
      const submissionKey = submissionKeyOf(form);
      if (!form.ok)
        return renderExchange(request, reply, 400, found, {
          messageForm: { values: form.values, errors: form.errors },
        });
      const posted = await postContactMessage(services, actorOf(request), {
        contact: found.contact,
        authorId: request.user!.id,
        side: found.party,
        body: message,
        submissionKey,
      });
      return reply.redirect(
        `${contactHref(found.contact.id)}?ok=${found.party === 'recipient' ? 'reponse' : 'envoye'}#message-${posted.messageId}`,
        303,
      );
    },
  );

  app.post(
    '/cooperation/contacts/:id/suite',
    { config: SIGNED_IN, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await contactForParty(services, request, reply);
      if (!found) return reply;
      // Only the sender says what came of it: for a recipient there is no such form.
      if (found.party !== 'sender') return notFound(request, reply);
      const form = new FormReader(request.body);
      const outcome = form.choice('outcome', CONTACT_OUTCOMES, { required: true });
      const note = form.text('note', { max: NOTE_MAX });
      if (!form.ok || !outcome)
        return renderExchange(request, reply, 400, found, {
          outcomeForm: { values: form.values, errors: form.errors },
        });
      await recordContactOutcome(services, actorOf(request), {
        contactId: found.contact.id,
        senderId: request.user!.id,
        outcome,
        note,
      });
      return reply.redirect(`${contactHref(found.contact.id)}?ok=suite#suite`, 303);
    },
  );
}

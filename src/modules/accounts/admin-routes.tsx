import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { auditedTransaction, verifyAuditChain } from '../../core/audit/audit.js';
import { displayName, isRole, ROLES } from '../../core/auth/permissions.js';
import { addressOrPseudonym } from '../../core/auth/pseudonym.js';
import { type FieldError, FormReader } from '../../core/http/forms.js';
import { maskLinks } from '../../core/http/log-redaction.js';
import { notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, OptionalText, Query } from '../../core/http/route-schemas.js';
import { type Locale, t } from '../../core/i18n/i18n.js';
import { resendMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { dashboardFor } from '../../core/site.js';
import { knownTracks } from '../seasons/index.js';
import {
  type AuditEventRow,
  type AuditFilter,
  auditEvent,
  containsPattern,
  MAIL_STATUSES,
  type MailFilter,
  type Period,
  searchAudit,
  searchMails,
} from './admin-queries.js';
import { readableSummary } from './audit-summary.js';
import { adminMessages as m } from './messages.js';

const MASKED = '[masqué]';

import { grantRole, LastAdminError, revokeRole } from './roles.js';
import { DashboardPage, UserRolesPage, UsersPage } from './views/admin.js';
import { AuditEventPage, type AuditRow, type Filters, JournalPage, MailPage, MailsPage } from './views/logs.js';

const html = 'text/html; charset=utf-8';
const PAGE_SIZE = 50;

function pageNumber(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export async function adminRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get('/admin', { config: { permission: 'staff.area' } }, async (request, reply) => {
    const ctx = await viewContext(request, reply);
    return reply
      .header('cache-control', 'no-store')
      .type(html)
      .send(<DashboardPage ctx={ctx} tiles={await dashboardFor(services, request.user!)} />);
  });

  app.get(
    '/admin/comptes',
    {
      schema: { querystring: Query({ q: OptionalText(), page: OptionalText() }) },
      config: { permission: 'accounts.manage' },
    },
    async (request, reply) => {
      const query = (request.query.q ?? '').trim().toLowerCase().slice(0, 254);
      const page = pageNumber(request.query.page);
      // The search text is a literal substring: LIKE's wildcards are escaped.
      const pattern = containsPattern(query);
      const base = db
        .selectFrom('users')
        .where(sql<boolean>`(email like ${pattern} or lower(concat_ws(' ', given_name, family_name)) like ${pattern})`);
      const total = Number((await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      const rows = await base
        .select(['id', 'email', 'given_name', 'family_name', 'last_sign_in_at'])
        .orderBy('email')
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
        .execute();
      const grants = rows.length
        ? await db
            .selectFrom('user_roles')
            .select(['user_id', 'role', 'track'])
            .where(
              'user_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('role')
            .execute()
        : [];
      const users = rows.map((r) => ({
        id: r.id,
        email: addressOrPseudonym(r.email, r.id),
        name: [r.given_name, r.family_name].filter(Boolean).join(' '),
        roles: grants.filter((g) => g.user_id === r.id),
        lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at) : null,
      }));
      const ctx = await viewContext(request, reply);
      return reply
        .header('cache-control', 'no-store')
        .type(html)
        .send(
          <UsersPage
            ctx={ctx}
            query={query}
            users={users}
            total={total}
            page={page}
            pages={Math.max(1, Math.ceil(total / PAGE_SIZE))}
          />,
        );
    },
  );

  async function showUser(
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    options: {
      status?: number;
      form?: Record<string, string>;
      errors?: Record<string, FieldError>;
      notice?: 'granted' | 'revoked' | 'already';
    } = {},
  ) {
    // userId comes from a route's Uuid params: a malformed one never reaches here.
    const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) return notFound(request, reply);
    const roles = await db
      .selectFrom('user_roles')
      .select(['role', 'track'])
      .where('user_id', '=', user.id)
      .orderBy('role')
      .orderBy('track')
      .execute();
    const ctx = await viewContext(request, reply);
    return reply
      .status(options.status ?? 200)
      .header('cache-control', 'no-store')
      .type(html)
      .send(
        <UserRolesPage
          ctx={ctx}
          tracks={await knownTracks(db)}
          user={{
            id: user.id,
            email: addressOrPseudonym(user.email, user.id),
            name: [user.given_name, user.family_name].filter(Boolean).join(' '),
          }}
          roles={roles}
          form={options.form ?? {}}
          errors={options.errors ?? {}}
          notice={options.notice}
        />,
      );
  }

  app.get(
    '/admin/comptes/:id',
    {
      schema: { params: IdParams, querystring: Query({ fait: OptionalText() }) },
      config: { permission: 'accounts.manage' },
    },
    (request, reply) => {
      const done = request.query.fait;
      const notice = done === 'granted' || done === 'revoked' || done === 'already' ? done : undefined;
      return showUser(request, reply, request.params.id, { notice });
    },
  );

  /** Reads the role form; a track is accepted only for staff, and only one the seasons have. */
  async function readGrant(body: unknown) {
    const form = new FormReader(body);
    const role = form.choice('role', ROLES, { required: true });
    const track = form.text('track', { max: 50 });
    if (track && role && role !== 'staff') form.fail('track', m.trackOnlyStaff);
    else if (track && !form.errors.track) {
      const tracks = await knownTracks(db);
      if (!tracks.some((known) => known.code === track))
        form.fail('track', tracks.length > 0 ? m.trackUnknown : m.trackNone, {
          tracks: tracks.map((known) => known.code).join(', '),
        });
    }
    return { form, role, track };
  }

  app.post(
    '/admin/comptes/:id/attribuer',
    { schema: { params: IdParams }, config: { permission: 'accounts.manage' } },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()))
        return notFound(request, reply);
      const { form, role, track } = await readGrant(request.body);
      if (!form.ok || !role)
        return showUser(request, reply, id, { status: 400, form: form.values, errors: form.errors });
      const granted = await grantRole(db, actorOf(request), services.clock.now(), id, role, track);
      return reply.redirect(`/admin/comptes/${id}?fait=${granted ? 'granted' : 'already'}`, 303);
    },
  );

  app.post(
    '/admin/comptes/:id/retirer',
    { schema: { params: IdParams }, config: { permission: 'accounts.manage' } },
    async (request, reply) => {
      const { id } = request.params;
      const form = new FormReader(request.body);
      const role = form.text('role', { required: true, max: 50 });
      const track = form.text('track', { max: 50 });
      if (!form.ok || !isRole(role))
        return showUser(request, reply, id, { status: 400, errors: { role: { message: m.role } } });
      try {
        await revokeRole(db, actorOf(request), services.clock.now(), id, role, track);
      } catch (error) {
        if (error instanceof LastAdminError)
          return showUser(request, reply, id, { status: 409, errors: { role: { message: m.lastAdmin } } });
        throw error;
      }
      return reply.redirect(`/admin/comptes/${id}?fait=revoked`, 303);
    },
  );

  app.get(
    '/admin/courriels',
    {
      schema: {
        querystring: Query({
          destinataire: OptionalText(),
          objet: OptionalText(),
          statut: OptionalText(),
          du: OptionalText(),
          au: OptionalText(),
          page: OptionalText(),
        }),
      },
      config: { permission: 'mail.read' },
    },
    async (request, reply) => {
      const form = new FormReader(request.query);
      const filter: MailFilter = {
        recipient: form.text('destinataire', { max: 254 }),
        subject: form.text('objet', { max: 200 }),
        status: form.choice('statut', MAIL_STATUSES),
        ...readPeriod(form),
      };
      const page = pageNumber(request.query.page);
      // A filter typed wrong is shown on its field, with what was typed, and nothing is searched.
      const found = form.ok
        ? await searchMails(db, filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
        : { rows: [], total: 0 };
      const ctx = await viewContext(request, reply);
      return reply
        .status(form.ok ? 200 : 400)
        .header('cache-control', 'no-store')
        .type(html)
        .send(
          <MailsPage
            ctx={ctx}
            mails={found.rows}
            total={found.total}
            page={page}
            pages={Math.max(1, Math.ceil(found.total / PAGE_SIZE))}
            filters={filtersOf(form)}
          />,
        );
    },
  );

  app.get(
    '/admin/courriels/:id',
    { schema: { params: IdParams, querystring: NoticeQuery }, config: { permission: 'mail.read' } },
    async (request, reply) => {
      const { id } = request.params;
      const row = await db.selectFrom('mails').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      const mail = {
        id: row.id,
        createdAt: new Date(row.created_at),
        to: row.to_address,
        subject: row.subject,
        template: row.template,
        status: row.status,
        // The stored body keeps its links for delivery; an admin sees them masked (resend, never use).
        text: maskLinks(row.text_body, MASKED),
        error: row.error,
        sentAt: row.sent_at ? new Date(row.sent_at) : null,
      };
      const notice = request.query.ok === 'renvoye' ? t(request.locale, m.mailResent) : undefined;
      return reply
        .header('cache-control', 'no-store')
        .type(html)
        .send(<MailPage ctx={ctx} mail={mail} notice={notice} />);
    },
  );

  // An admin helps a person who did not get a mail by sending it again to them, not by using its links.
  app.post(
    '/admin/courriels/:id/renvoyer',
    { schema: { params: IdParams }, config: { permission: 'mail.read' } },
    async (request, reply) => {
      const { id } = request.params;
      const now = services.clock.now();
      const copyId = await auditedTransaction(db, actorOf(request), now, async (trx, audit) => {
        const copy = await resendMail(trx, id, now);
        if (copy)
          await audit({
            action: 'mail.resend',
            subjectType: 'mail',
            subjectId: id,
            summary: { mailId: id, copyId: copy },
          });
        return copy;
      });
      if (!copyId) return notFound(request, reply);
      return reply.redirect(`/admin/courriels/${copyId}?ok=renvoye`, 303);
    },
  );

  const JournalQuery = Query({
    acteur: OptionalText(),
    action: OptionalText(),
    type: OptionalText(),
    du: OptionalText(),
    au: OptionalText(),
    avant: OptionalText(),
  });

  async function journal(
    request: FastifyRequest,
    reply: FastifyReply,
    query: Record<string, unknown>,
    verification?: Awaited<ReturnType<typeof verifyAuditChain>>,
  ) {
    const form = new FormReader(query);
    const filter: AuditFilter = {
      actor: form.text('acteur', { max: 254 }),
      action: form.text('action', { max: 100 }),
      subjectType: form.text('type', { max: 100 }),
      ...readPeriod(form),
    };
    const beforeSeq = Number(query.avant);
    const before = Number.isSafeInteger(beforeSeq) && beforeSeq > 0 ? beforeSeq : null;
    const rows = form.ok ? await searchAudit(db, filter, before, PAGE_SIZE) : [];
    const events: AuditRow[] = rows.slice(0, PAGE_SIZE).map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: actorText(request.locale, r),
      action: r.action,
      subject: subjectText(r),
      fields: fieldsText(r),
    }));
    const olderThan = rows.length > PAGE_SIZE ? events[events.length - 1].seq : null;
    const ctx = await viewContext(request, reply);
    return reply
      .status(form.ok ? 200 : 400)
      .header('cache-control', 'no-store')
      .type(html)
      .send(
        <JournalPage
          ctx={ctx}
          events={events}
          olderThan={olderThan}
          isNewest={before === null}
          filters={filtersOf(form)}
          verification={verification}
        />,
      );
  }

  app.get(
    '/admin/journal',
    { schema: { querystring: JournalQuery }, config: { permission: 'audit.read' } },
    (request, reply) => journal(request, reply, request.query),
  );

  app.get(
    '/admin/journal/:seq',
    { schema: { params: SeqParams }, config: { permission: 'audit.read' } },
    async (request, reply) => {
      const row = await auditEvent(db, Number(request.params.seq));
      if (!row) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      return reply
        .header('cache-control', 'no-store')
        .type(html)
        .send(
          <AuditEventPage
            ctx={ctx}
            event={{
              seq: row.seq,
              at: row.at,
              actor: actorText(request.locale, row),
              action: row.action,
              subject: subjectText(row),
              readable: readableSummary(row.summary),
              raw: JSON.stringify(row.summary, null, 2),
              hash: row.hash,
              prevHash: row.prev_hash,
            }}
          />,
        );
    },
  );

  app.get('/admin/journal/verification', { config: { permission: 'audit.read' } }, async (request, reply) => {
    return journal(request, reply, {}, await verifyAuditChain(db));
  });
}

/** An event's sequence number in a URL: a malformed one answers 404, like an event that does not exist. */
const SeqParams = Type.Object({ seq: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }) });

/** The period of a filter (`du`, `au`: Paris days, both included); an end before the start is said on `au`. */
function readPeriod(form: FormReader): Period {
  const from = form.date('du');
  const to = form.date('au');
  if (from && to && to < from) form.fail('au', m.periodReversed);
  return { from, to };
}

function filtersOf(form: FormReader): Filters {
  return { values: form.values, errors: form.errors };
}

function subjectText(row: Pick<AuditEventRow, 'subject_type' | 'subject_id'>): string {
  return row.subject_id ? `${row.subject_type} ${row.subject_id}` : row.subject_type;
}

/** The fields an event changed (or, without a before and after, the ones it records), for the list. */
function fieldsText(row: Pick<AuditEventRow, 'summary'>): string {
  const { changes, details } = readableSummary(row.summary);
  return (changes.length > 0 ? changes : details)
    .map((entry) => entry.field)
    .filter(Boolean)
    .join(', ');
}

/** Who did it, as the admin reads it: the person's current name, or "deleted account" once erased. */
function actorText(
  locale: Locale,
  row: {
    actor_id: string | null;
    actor_label: string;
    email: string | null;
    given_name: string | null;
    family_name: string | null;
  },
): string {
  if (!row.actor_id) return row.actor_label === 'system' ? t(locale, m.system) : row.actor_label;
  if (!row.email) return t(locale, m.deletedAccount);
  return displayName({ email: row.email, givenName: row.given_name, familyName: row.family_name });
}

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
import { adminMessages as m } from './messages.js';

const MASKED = '[masqué]';

import { grantRole, LastAdminError, revokeRole } from './roles.js';
import {
  type AuditRow,
  DashboardPage,
  JournalPage,
  MailPage,
  MailsPage,
  UserRolesPage,
  UsersPage,
} from './views/admin.js';

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
      const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const base = db.selectFrom('users').where(sql<boolean>`email like ${pattern}`);
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
    { schema: { querystring: Query({ page: OptionalText() }) }, config: { permission: 'mail.read' } },
    async (request, reply) => {
      const page = pageNumber(request.query.page);
      const total = Number(
        (
          await db
            .selectFrom('mails')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const rows = await db
        .selectFrom('mails')
        .select(['id', 'created_at', 'to_address', 'subject', 'template', 'status'])
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
        .execute();
      const mails = rows.map((r) => ({
        id: r.id,
        createdAt: new Date(r.created_at),
        to: r.to_address,
        subject: r.subject,
        template: r.template,
        status: r.status,
      }));
      const ctx = await viewContext(request, reply);
      return reply
        .header('cache-control', 'no-store')
        .type(html)
        .send(<MailsPage ctx={ctx} mails={mails} page={page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} />);
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

  async function journal(
    request: FastifyRequest,
    reply: FastifyReply,
    before: number | null,
    verification?: Awaited<ReturnType<typeof verifyAuditChain>>,
  ) {
    let query = db
      .selectFrom('audit_events')
      .leftJoin('users', 'users.id', 'audit_events.actor_id')
      .select([
        'seq',
        'at',
        'actor_id',
        'actor_label',
        'action',
        'subject_type',
        'subject_id',
        'summary',
        'users.email',
        'users.given_name',
        'users.family_name',
      ])
      .orderBy('seq', 'desc')
      .limit(PAGE_SIZE + 1);
    if (before !== null) query = query.where('seq', '<', before);
    const rows = await query.execute();
    const page = rows.slice(0, PAGE_SIZE);
    const events: AuditRow[] = page.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at),
      actor: actorText(request.locale, r),
      action: r.action,
      subject: r.subject_id ? `${r.subject_type} ${r.subject_id}` : r.subject_type,
      summary: JSON.stringify(r.summary),
    }));
    const olderThan = rows.length > PAGE_SIZE ? events[events.length - 1].seq : null;
    const ctx = await viewContext(request, reply);
    return reply
      .header('cache-control', 'no-store')
      .type(html)
      .send(
        <JournalPage
          ctx={ctx}
          events={events}
          olderThan={olderThan}
          isNewest={before === null}
          verification={verification}
        />,
      );
  }

  app.get(
    '/admin/journal',
    { schema: { querystring: Query({ avant: OptionalText() }) }, config: { permission: 'audit.read' } },
    (request, reply) => {
      const before = Number(request.query.avant);
      return journal(request, reply, Number.isSafeInteger(before) && before > 0 ? before : null);
    },
  );

  app.get('/admin/journal/verification', { config: { permission: 'audit.read' } }, async (request, reply) => {
    return journal(request, reply, null, await verifyAuditChain(db));
  });
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

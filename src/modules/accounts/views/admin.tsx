import { ROLES } from '../../../core/auth/permissions.js';
import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import type { TileView } from '../../../core/site.js';
import {
  Alert,
  Breadcrumb,
  CsrfField,
  DataTable,
  ErrorSummary,
  Pagination,
  Select,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { adminMessages as m, roleLabels } from '../messages.js';
import { roleText } from './account.js';

function crumbs(locale: Locale, ...rest: { label: string; href?: string }[]) {
  return <Breadcrumb locale={locale} items={[{ label: t(locale, m.dashboardTitle), href: '/admin' }, ...rest]} />;
}

// Wide tables scroll sideways: tabindex lets keyboard users scroll them too (WCAG 2.1.1).

/** /admin: one tile per tool the person may use, as the modules declare them (Module.dashboard). */
export function DashboardPage({ ctx, tiles }: { ctx: ViewContext; tiles: TileView[] }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.dashboardTitle)}>
      <div class="fr-container fr-my-7w">
        <h1 safe>{t(locale, m.dashboardTitle)}</h1>
        <p safe>{t(locale, m.dashboardIntro)}</p>
        <div class="fr-grid-row fr-grid-row--gutters">
          {tiles.map(({ tile, count }) => (
            <div class="fr-col-12 fr-col-md-4">
              <div class="fr-tile fr-enlarge-link">
                <div class="fr-tile__body">
                  <div class="fr-tile__content">
                    <h2 class="fr-tile__title">
                      <a href={tile.href} safe>
                        {t(locale, tile.title)}
                      </a>
                    </h2>
                    <p class="fr-tile__detail" safe>
                      {t(locale, tile.text)}
                    </p>
                    {count !== undefined && tile.countLabel ? (
                      <p class="fr-badge fr-badge--info fr-badge--sm fr-mt-1w" safe>
                        {t(locale, tile.countLabel, { n: count })}
                      </p>
                    ) : (
                      ''
                    )}
                  </div>
                </div>
              </div>
            </div>
          ))}
        </div>
      </div>
    </Page>
  );
}

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  roles: { role: string; track: string }[];
  lastSignInAt: Date | null;
}

export function UsersPage({
  ctx,
  query,
  users,
  total,
  page,
  pages,
}: {
  ctx: ViewContext;
  query: string;
  users: UserListRow[];
  total: number;
  page: number;
  pages: number;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.accounts)}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.accounts) })}
        <h1 safe>{t(locale, m.accounts)}</h1>
        <form method="get" action="/admin/comptes" role="search" class="fr-mb-4w">
          <div class="fr-search-bar" id="search-users">
            <label class="fr-label" for="q" safe>
              {t(locale, m.search)}
            </label>
            <input class="fr-input" type="search" id="q" name="q" value={query} placeholder={t(locale, m.search)} />
            <button class="fr-btn" type="submit" title={t(locale, m.searchButton)} safe>
              {t(locale, m.searchButton)}
            </button>
          </div>
        </form>
        {users.length === 0 ? (
          <p safe>{t(locale, m.noUser)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.usersCaption, { n: total })}
            columns={[t(locale, m.email), t(locale, m.name), t(locale, m.roles), t(locale, m.lastSignIn)]}
          >
            {users.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/comptes/${u.id}`} title={`${t(locale, m.manageRoles)} - ${u.email}`} safe>
                    {u.email}
                  </a>
                </td>
                <td safe>{u.name}</td>
                <td safe>{u.roles.map((r) => roleText(locale, r.role, r.track)).join(', ')}</td>
                <td safe>{u.lastSignInAt ? formatDateTime(locale, u.lastSignInAt) : t(locale, m.never)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination
          locale={locale}
          page={page}
          pages={pages}
          href={(n) => `/admin/comptes?q=${encodeURIComponent(query)}&page=${n}`}
        />
      </div>
    </Page>
  );
}

export interface UserRolesProps {
  ctx: ViewContext;
  user: { id: string; email: string; name: string };
  roles: { role: string; track: string }[];
  /** The tracks the seasons have: what a staff role can be limited to. */
  tracks: { code: string; name: string; nameEn: string }[];
  form: Record<string, string>;
  errors: Record<string, FieldError>;
  notice?: 'granted' | 'revoked' | 'already';
}

export function UserRolesPage({ ctx, user, roles, tracks, form, errors, notice }: UserRolesProps): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.userTitle, { email: user.email });
  const labels = { role: t(locale, m.role), track: t(locale, m.track) };
  const notices = { granted: m.granted, revoked: m.revoked, already: m.alreadyGranted };
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.accounts), href: '/admin/comptes' }, { label: user.email })}
        <h1 safe>{title}</h1>
        {user.name ? <p safe>{user.name}</p> : ''}
        {notice ? <Alert kind="success" title={t(locale, notices[notice])} /> : ''}
        <ErrorSummary locale={locale} errors={errors} labels={labels} />
        <h2 safe>{t(locale, m.currentRoles)}</h2>
        <ul class="fr-raw-list">
          {roles.map((r) => {
            const label = roleText(locale, r.role, r.track);
            return (
              <li class="fr-mb-1w">
                <form
                  method="post"
                  action={`/admin/comptes/${user.id}/retirer`}
                  class="fr-grid-row fr-grid-row--middle"
                >
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="role" value={r.role} />
                  <input type="hidden" name="track" value={r.track} />
                  <span class="fr-mr-2w" safe>
                    {label}
                  </span>
                  <button
                    class="fr-btn fr-btn--sm fr-btn--tertiary"
                    type="submit"
                    title={t(locale, m.removeRole, { role: label })}
                    safe
                  >
                    {t(locale, m.remove)}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
        <h2 class="fr-mt-6w" safe>
          {t(locale, m.grantTitle)}
        </h2>
        <form method="post" action={`/admin/comptes/${user.id}/attribuer`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Select
            locale={locale}
            name="role"
            label={labels.role}
            value={form.role ?? ''}
            error={errors.role}
            required
            options={ROLES.map((r) => ({ value: r, label: t(locale, roleLabels[r]) }))}
          />
          <Select
            locale={locale}
            name="track"
            label={labels.track}
            hint={t(locale, m.trackHint)}
            value={form.track ?? ''}
            error={errors.track}
            options={[
              { value: '', label: t(locale, m.trackAll) },
              ...tracks.map((track) => ({
                value: track.code,
                label: `${locale === 'en' && track.nameEn ? track.nameEn : track.name} (${track.code})`,
              })),
            ]}
          />
          <button class="fr-btn fr-mt-2w" type="submit" safe>
            {t(locale, m.grant)}
          </button>
        </form>
      </div>
    </Page>
  );
}

export interface MailRow {
  id: string;
  createdAt: Date;
  to: string;
  subject: string;
  template: string;
  status: 'queued' | 'sent' | 'stored' | 'failed';
}

function statusText(locale: Locale, status: MailRow['status']): string {
  return t(
    locale,
    { queued: m.statusQueued, sent: m.statusSent, stored: m.statusStored, failed: m.statusFailed }[status],
  );
}

export function MailsPage({
  ctx,
  mails,
  page,
  pages,
}: {
  ctx: ViewContext;
  mails: MailRow[];
  page: number;
  pages: number;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.mails)}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.mails) })}
        <h1 safe>{t(locale, m.mails)}</h1>
        {mails.length === 0 ? (
          <p safe>{t(locale, m.noMail)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.mailsCaption)}
            columns={[
              t(locale, m.date),
              t(locale, m.recipient),
              t(locale, m.subject),
              t(locale, m.template),
              t(locale, m.status),
            ]}
          >
            {mails.map((mail) => (
              <tr>
                <td safe>{formatDateTime(locale, mail.createdAt)}</td>
                <td safe>{mail.to}</td>
                <td>
                  <a href={`/admin/courriels/${mail.id}`} safe>
                    {mail.subject}
                  </a>
                </td>
                <td safe>{mail.template}</td>
                <td safe>{statusText(locale, mail.status)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination locale={locale} page={page} pages={pages} href={(n) => `/admin/courriels?page=${n}`} />
      </div>
    </Page>
  );
}

export function MailPage({
  ctx,
  mail,
  notice,
}: {
  ctx: ViewContext;
  mail: MailRow & { text: string; error: string | null; sentAt: Date | null };
  notice?: string;
}): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.mailTitle, { subject: mail.subject });
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.mails), href: '/admin/courriels' }, { label: mail.subject })}
        <h1 safe>{title}</h1>
        {notice ? <Alert kind="success" title={notice} /> : ''}
        <dl>
          <dt safe>{t(locale, m.recipient)}</dt>
          <dd safe>{mail.to}</dd>
          <dt safe>{t(locale, m.date)}</dt>
          <dd safe>{formatDateTime(locale, mail.createdAt)}</dd>
          <dt safe>{t(locale, m.template)}</dt>
          <dd safe>{mail.template}</dd>
          <dt safe>{t(locale, m.status)}</dt>
          <dd safe>{statusText(locale, mail.status)}</dd>
          {mail.error ? (
            <>
              <dt safe>{t(locale, m.error)}</dt>
              <dd safe>{mail.error}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
        <h2 class="fr-mt-4w" safe>
          {t(locale, m.textBody)}
        </h2>
        <p class="fr-text--sm" safe>
          {t(locale, m.linksMasked)}
        </p>
        <pre class="fr-p-2w acc-mail-text" safe>
          {mail.text}
        </pre>
        <form method="post" action={`/admin/courriels/${mail.id}/renvoyer`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.resendMail, { to: mail.to })}
          </button>
        </form>
      </div>
    </Page>
  );
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  summary: string;
}

export interface JournalProps {
  ctx: ViewContext;
  events: AuditRow[];
  olderThan: number | null;
  isNewest: boolean;
  verification?: { checked: number; problems: { seq: number; problem: string }[] };
}

export function JournalPage({ ctx, events, olderThan, isNewest, verification }: JournalProps): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.journal)}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.journal) })}
        <h1 safe>{t(locale, m.journal)}</h1>
        {verification ? (
          verification.problems.length === 0 ? (
            <Alert kind="success" title={t(locale, m.chainOk, { n: verification.checked })} />
          ) : (
            <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
              <h2 class="fr-alert__title" safe>
                {t(locale, m.chainBroken, { n: verification.problems.length })}
              </h2>
              <ul>
                {verification.problems.map((p) => (
                  <li safe>{t(locale, m.chainProblem, { seq: p.seq, problem: p.problem })}</li>
                ))}
              </ul>
            </div>
          )
        ) : (
          ''
        )}
        <form method="get" action="/admin/journal/verification" class="fr-mb-4w">
          <button class="fr-btn fr-btn--secondary" type="submit" safe>
            {t(locale, m.verify)}
          </button>
        </form>
        {events.length === 0 ? (
          <p safe>{t(locale, m.noEvent)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.journalCaption)}
            columns={[
              t(locale, m.seq),
              t(locale, m.date),
              t(locale, m.actor),
              t(locale, m.action),
              t(locale, m.subjectCol),
              t(locale, m.summary),
            ]}
          >
            {events.map((e) => (
              <tr>
                <td safe>{String(e.seq)}</td>
                <td safe>{formatDateTime(locale, e.at)}</td>
                <td safe>{e.actor}</td>
                <td safe>{e.action}</td>
                <td safe>{e.subject}</td>
                <td>
                  <code safe>{e.summary}</code>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <ul class="fr-btns-group fr-btns-group--inline fr-mt-2w">
          {isNewest ? (
            ''
          ) : (
            <li>
              <a class="fr-btn fr-btn--tertiary" href="/admin/journal" safe>
                {t(locale, m.newest)}
              </a>
            </li>
          )}
          {olderThan ? (
            <li>
              <a class="fr-btn fr-btn--tertiary" href={`/admin/journal?avant=${olderThan}`} safe>
                {t(locale, m.older)}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </div>
    </Page>
  );
}

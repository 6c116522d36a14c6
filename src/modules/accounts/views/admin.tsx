import { ROLES } from '../../../core/auth/permissions.js';
import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import type { TileView } from '../../../core/site.js';
import {
  Alert,
  Breadcrumb,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Pagination,
  Select,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { adminMessages as m, roleLabels } from '../messages.js';
import { roleText } from './account.js';

export function crumbs(locale: Locale, ...rest: { label: string; href?: string }[]) {
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
                      // Work waiting stands out; nothing to do reads as a plain grey badge.
                      <p
                        class={`fr-badge fr-badge--sm fr-badge--no-icon fr-mt-1w${count > 0 ? ' fr-badge--warning' : ''}`}
                        safe
                      >
                        {tCount(locale, tile.countLabel, count)}
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
          {/* A field and a button with its text, not DSFR's search bar, whose button shows only its icon. */}
          <Input locale={locale} name="q" type="search" label={t(locale, m.search)} value={query} maxlength={200} />
          <button class="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-search-line" type="submit" safe>
            {t(locale, m.searchButton)}
          </button>
        </form>
        {users.length === 0 ? (
          <p safe>{t(locale, m.noUser)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.usersCaption, { n: total })}
            columns={[t(locale, m.name), t(locale, m.email), t(locale, m.roles), t(locale, m.lastSignIn)]}
          >
            {users.map((u) => (
              <tr>
                <td>
                  {/* The person's name where they gave one (asked at the first sign-in), else their address. */}
                  <a href={`/admin/comptes/${u.id}`} title={`${t(locale, m.manageRoles)} - ${u.name || u.email}`} safe>
                    {u.name || u.email}
                  </a>
                </td>
                <td safe>{u.email}</td>
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
  const title = user.name
    ? t(locale, m.userNamedTitle, { name: user.name })
    : t(locale, m.userTitle, { email: user.email });
  const labels = { role: t(locale, m.role), track: t(locale, m.track) };
  const notices = { granted: m.granted, revoked: m.revoked, already: m.alreadyGranted };
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.accounts), href: '/admin/comptes' }, { label: user.name || user.email })}
        <h1 safe>{title}</h1>
        {user.name ? <p safe>{user.email}</p> : ''}
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

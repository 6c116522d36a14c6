import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, ErrorSummary, Input, Select } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { accountMessages as m, roleLabels } from '../messages.js';

export interface AccountView {
  email: string;
  siret: string | null;
  createdAt: Date;
  roles: { role: string; track: string }[];
  sessions: { id: string; createdAt: Date; lastSeenAt: Date; ip: string | null; userAgent: string | null }[];
}

export function roleText(locale: Locale, role: string, track: string): string {
  const label = role in roleLabels ? t(locale, roleLabels[role as keyof typeof roleLabels]) : role;
  return track ? `${label} (${t(locale, m.track, { track })})` : label;
}

export interface AccountPageProps {
  ctx: ViewContext;
  account: AccountView;
  profile: Record<string, string>;
  profileErrors: Record<string, FieldError>;
  eraseError?: FieldError;
  saved?: boolean;
}

export function AccountPage({
  ctx,
  account,
  profile,
  profileErrors,
  eraseError,
  saved,
}: AccountPageProps): JSX.Element {
  const { locale } = ctx;
  const labels = {
    given_name: t(locale, m.givenName),
    family_name: t(locale, m.familyName),
    locale: t(locale, m.language),
    confirmation: t(locale, m.eraseConfirm),
  };
  const errors = { ...profileErrors, ...(eraseError ? { confirmation: eraseError } : {}) };
  return (
    <Page ctx={ctx} title={t(locale, m.title)}>
      <div class="fr-container fr-my-7w">
        <h1 safe>{t(locale, m.title)}</h1>
        {saved ? <Alert kind="success" title={t(locale, m.saved)} /> : ''}
        <ErrorSummary locale={locale} errors={errors} labels={labels} />
        <h2 safe>{t(locale, m.identity)}</h2>
        <p>
          <span safe>{t(locale, m.email)} : </span>
          <strong safe>{account.email}</strong>
          <br />
          <span safe>{t(locale, m.memberSince, { date: formatDateTime(locale, account.createdAt) })}</span>
          {account.siret ? (
            <>
              <br />
              <span safe>{t(locale, m.siret)} : </span>
              <span safe>{account.siret}</span>
            </>
          ) : (
            ''
          )}
        </p>
        <form method="post" action="/compte" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Input
            locale={locale}
            name="given_name"
            label={labels.given_name}
            value={profile.given_name}
            error={profileErrors.given_name}
            autocomplete="given-name"
            maxlength={100}
          />
          <Input
            locale={locale}
            name="family_name"
            label={labels.family_name}
            value={profile.family_name}
            error={profileErrors.family_name}
            autocomplete="family-name"
            maxlength={100}
          />
          <Select
            locale={locale}
            name="locale"
            label={labels.locale}
            value={profile.locale}
            error={profileErrors.locale}
            options={[
              { value: 'fr', label: t(locale, m.french) },
              { value: 'en', label: t(locale, m.english) },
            ]}
          />
          <button safe class="fr-btn fr-mt-2w" type="submit">
            {t(locale, m.save)}
          </button>
        </form>

        <h2 safe class="fr-mt-6w">
          {t(locale, m.roles)}
        </h2>
        {account.roles.length === 0 ? (
          <p safe>{t(locale, m.noRole)}</p>
        ) : (
          <ul>
            {account.roles.map((r) => (
              <li safe>{roleText(locale, r.role, r.track)}</li>
            ))}
          </ul>
        )}

        <h2 safe class="fr-mt-6w">
          {t(locale, m.sessions)}
        </h2>
        <DataTable
          caption={t(locale, m.sessions)}
          columns={[
            t(locale, m.sessionStarted),
            t(locale, m.sessionLastSeen),
            t(locale, m.sessionIp),
            t(locale, m.sessionAgent),
          ]}
        >
          {account.sessions.map((s) => (
            <tr>
              <td>
                <span safe>{formatDateTime(locale, s.createdAt)}</span>
                {s.id === ctx.user?.sessionId ? (
                  <span safe class="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">
                    {t(locale, m.thisSession)}
                  </span>
                ) : (
                  ''
                )}
              </td>
              <td safe>{formatDateTime(locale, s.lastSeenAt)}</td>
              <td safe>{s.ip ?? ''}</td>
              <td safe>{s.userAgent ?? ''}</td>
            </tr>
          ))}
        </DataTable>

        <h2 safe class="fr-mt-6w">
          {t(locale, m.myData)}
        </h2>
        <p safe>{t(locale, m.exportText)}</p>
        <a
          safe
          class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
          href="/compte/export"
          download="mes-donnees.json"
        >
          {t(locale, m.exportLink)}
        </a>

        <h2 safe class="fr-mt-6w">
          {t(locale, m.eraseTitle)}
        </h2>
        <p safe>{t(locale, m.eraseText)}</p>
        <form method="post" action="/compte/supprimer" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Input locale={locale} name="confirmation" label={labels.confirmation} value="" error={eraseError} required />
          <button safe class="fr-btn fr-btn--tertiary fr-mt-2w" type="submit">
            {t(locale, m.eraseButton)}
          </button>
        </form>
      </div>
    </Page>
  );
}

export function ErasedPage({ ctx }: { ctx: ViewContext }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.erasedTitle)}>
      <div class="fr-container fr-my-7w">
        <h1 safe>{t(locale, m.erasedTitle)}</h1>
        <p safe class="fr-text--lead">
          {t(locale, m.erasedText)}
        </p>
      </div>
    </Page>
  );
}

/** Right after a first sign-in: the person gives (or confirms) their name, then goes where they were going. */
export function NamePage({
  ctx,
  values,
  errors,
  returnPath,
  fromProconnect,
}: {
  ctx: ViewContext;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  returnPath: string;
  fromProconnect: boolean;
}): JSX.Element {
  const { locale } = ctx;
  const labels = { given_name: t(locale, m.givenName), family_name: t(locale, m.familyName) };
  return (
    <Page ctx={ctx} title={t(locale, m.nameTitle)}>
      <div class="fr-container fr-my-7w">
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <h1 safe>{t(locale, m.nameTitle)}</h1>
            <ErrorSummary locale={locale} errors={errors} labels={labels} />
            <p safe>{t(locale, m.nameIntro)}</p>
            {fromProconnect ? <p safe>{t(locale, m.nameFromProconnect)}</p> : ''}
            <form method="post" action="/compte/nom" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="retour" value={returnPath} />
              <Input
                locale={locale}
                name="given_name"
                label={labels.given_name}
                value={values.given_name}
                error={errors.given_name}
                autocomplete="given-name"
                maxlength={100}
                required
              />
              <Input
                locale={locale}
                name="family_name"
                label={labels.family_name}
                value={values.family_name}
                error={errors.family_name}
                autocomplete="family-name"
                maxlength={100}
                required
              />
              <button class="fr-btn fr-mt-2w" type="submit" safe>
                {t(locale, m.nameContinue)}
              </button>
            </form>
          </div>
        </div>
      </div>
    </Page>
  );
}

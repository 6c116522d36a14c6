import type { FieldError } from '../../../core/http/forms.js';
import { t } from '../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, Input } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { signInMessages as m } from '../messages.js';

export interface SignInFormProps {
  ctx: ViewContext;
  email: string;
  returnPath: string | null;
  errors: Record<string, FieldError>;
  tooMany?: boolean;
  proconnect: boolean;
}

function ProconnectButton({ ctx, returnPath }: { ctx: ViewContext; returnPath: string | null }): JSX.Element {
  const { locale } = ctx;
  return (
    <div class="fr-mb-6w">
      <h2 safe class="fr-h5">
        {t(locale, m.agents)}
      </h2>
      <form method="get" action="/connexion/proconnect">
        {returnPath ? <input type="hidden" name="retour" value={returnPath} /> : ''}
        <div class="fr-connect-group">
          <button class="fr-connect" type="submit">
            <span safe class="fr-connect__login">
              {t(locale, m.proconnectLogin)}
            </span>{' '}
            <span class="fr-connect__brand">ProConnect</span>
          </button>
          <p>
            <a
              safe
              href="https://www.proconnect.gouv.fr/"
              target="_blank"
              rel="noopener"
              title={`${t(locale, m.whatIsProconnect)} - ${t(locale, m.newWindow)}`}
            >
              {t(locale, m.whatIsProconnect)}
            </a>
          </p>
        </div>
      </form>
      <p safe class="fr-hr-or">
        {t(locale, m.or)}
      </p>
    </div>
  );
}

/** The sign-in page: ProConnect for agents (when configured), and the email form for everyone. */
export function SignInPage(props: SignInFormProps): JSX.Element {
  const { ctx, errors } = props;
  const { locale } = ctx;
  const labels = { email: t(locale, m.emailLabel) };
  return (
    <Page ctx={ctx} title={t(locale, m.title)}>
      <div class="fr-container fr-my-7w">
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <h1 safe>{t(locale, m.title)}</h1>
            {props.tooMany ? (
              <Alert kind="error" title={t(locale, m.tooManyTitle)} text={t(locale, m.tooManyText)} />
            ) : (
              ''
            )}
            <ErrorSummary locale={locale} errors={errors} labels={labels} />
            {props.proconnect ? <ProconnectButton ctx={ctx} returnPath={props.returnPath} /> : ''}
            <p safe>{t(locale, m.intro)}</p>
            <form method="post" action="/connexion" novalidate>
              <CsrfField token={ctx.csrfToken} />
              {props.returnPath ? <input type="hidden" name="retour" value={props.returnPath} /> : ''}
              <Input
                locale={locale}
                name="email"
                type="email"
                label={labels.email}
                hint={t(locale, m.emailHint)}
                value={props.email}
                error={errors.email}
                autocomplete="email"
                required
              />
              <button safe class="fr-btn" type="submit">
                {t(locale, m.submit)}
              </button>
            </form>
          </div>
        </div>
      </div>
    </Page>
  );
}

/** After a request: a link was sent, or (stillValid) one sent a moment ago is still valid and no new mail goes out. */
export function LinkSentPage({
  ctx,
  localMail,
  stillValid = false,
}: {
  ctx: ViewContext;
  localMail: boolean;
  stillValid?: boolean;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.sentTitle)}>
      <div class="fr-container fr-my-7w">
        <h1 safe>{t(locale, m.sentTitle)}</h1>
        <p safe class="fr-text--lead">
          {t(locale, stillValid ? m.stillValidText : m.sentText)}
        </p>
        {localMail ? <Alert kind="info" title={t(locale, m.localMailTitle)} text={t(locale, m.localMailText)} /> : ''}
      </div>
    </Page>
  );
}

/** Mail scanners fetch links: only this POST button, pressed by a person, consumes the token. */
export function ConfirmLinkPage({ ctx, token }: { ctx: ViewContext; token: string }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.confirmTitle)}>
      <div class="fr-container fr-my-7w">
        <h1 safe>{t(locale, m.confirmTitle)}</h1>
        <p safe>{t(locale, m.confirmText)}</p>
        <form method="post" action="/connexion/lien">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="jeton" value={token} />
          <button safe class="fr-btn" type="submit">
            {t(locale, m.confirmButton)}
          </button>
        </form>
      </div>
    </Page>
  );
}

/** A sign-in that could not go through, with the way back to the sign-in page. */
export function SignInProblemPage({
  ctx,
  title,
  text,
  linkLabel,
}: {
  ctx: ViewContext;
  title: string;
  text: string;
  linkLabel: string;
}): JSX.Element {
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-7w">
        <h1 safe>{title}</h1>
        <p class="fr-text--lead" safe>
          {text}
        </p>
        <a class="fr-btn" href="/connexion" safe>
          {linkLabel}
        </a>
      </div>
    </Page>
  );
}

export function SignedOutPage({ ctx, endSessionUrl }: { ctx: ViewContext; endSessionUrl: string }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.signedOutTitle)}>
      <div class="fr-container fr-my-7w">
        <h1 safe>{t(locale, m.signedOutTitle)}</h1>
        <p safe class="fr-text--lead">
          {t(locale, m.signedOutText)}
        </p>
        <a safe class="fr-btn" href={endSessionUrl}>
          {t(locale, m.proconnectSignOut)}
        </a>
      </div>
    </Page>
  );
}

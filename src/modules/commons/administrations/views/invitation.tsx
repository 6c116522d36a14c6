import { formatDate, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import type { InvitationState } from '../accept-invitation.js';
import { administrationMessages as m } from '../messages.js';
import { administrationHref } from '../policy.js';

/** "c•••@interieur.gouv.fr": enough for the person to recognise their address, not to learn someone else's. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

const PROBLEMS: Record<
  Exclude<InvitationState, 'open' | 'accepted'>,
  { title: typeof m.accept; text: typeof m.accept }
> = {
  expired: { title: m.invitationExpired, text: m.invitationExpiredText },
  used: { title: m.invitationUsed, text: m.invitationUsedText },
  wrong_account: { title: m.invitationWrongAccount, text: m.invitationWrongAccountText },
  unavailable: { title: m.invitationUnavailable, text: m.invitationUnavailableText },
};

/** An invitation as its link opens it: accept it, or why it cannot be. */
export function InvitationPage(props: {
  ctx: ViewContext;
  token: string;
  state: InvitationState;
  administration: { name: string; slug: string; hidden: boolean };
  inviterName: string | null;
  email: string;
  expiresAt: Date;
}): JSX.Element {
  const { ctx, state, administration: a } = props;
  const { locale } = ctx;
  const title = t(locale, m.invitationTitle, { name: a.name });
  const problem = state === 'open' || state === 'accepted' ? null : PROBLEMS[state];
  return (
    <CooperationPage ctx={ctx} section="administrations" title={title} crumbs={[{ label: title }]}>
      {problem ? (
        <Alert
          kind="error"
          title={t(locale, problem.title)}
          text={t(locale, problem.text, { masked: maskEmail(props.email), email: ctx.user?.email ?? '' })}
        />
      ) : (
        ''
      )}
      {state === 'accepted' ? <Alert kind="success" title={t(locale, m.invitationAccepted)} /> : ''}
      {state === 'open' ? (
        <>
          <p safe>{t(locale, m.invitationText, { name: a.name })}</p>
          {props.inviterName ? <p safe>{t(locale, m.invitationBy, { name: props.inviterName })}</p> : ''}
          <p safe>{t(locale, m.invitationExpiresOn, { date: formatDate(locale, props.expiresAt) })}</p>
          <form method="post" action={`/cooperation/invitations/${props.token}`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.accept)}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
      {state === 'accepted' || (!a.hidden && state !== 'unavailable') ? (
        <p class="fr-mt-4w">
          <a class="fr-link" href={administrationHref(a.slug)} safe>
            {t(locale, m.goToAdministration)}
          </a>
        </p>
      ) : (
        ''
      )}
    </CooperationPage>
  );
}

import { formatDate, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, ErrorSummary, Input } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { administrationMessages as m } from '../messages.js';
import { administrationHref } from '../policy.js';
import type { Administration, Member, PendingInvitation } from '../queries.js';
import { joinedText } from './common.js';
import type { FormState } from './forms.js';

/** A button whose visible text is the action, and whose accessible name also says on what (a row of a table). */
export function RowButton(props: { label: string; what: string; secondary?: boolean }): JSX.Element {
  return (
    <button type="submit" class={`fr-btn fr-btn--sm ${props.secondary === false ? '' : 'fr-btn--secondary'}`}>
      <span safe>{props.label}</span>
      <span class="fr-sr-only" safe>{` — ${props.what}`}</span>
    </button>
  );
}

/**
 * The members page (members and staff only): who the members are, inviting a colleague, the pending
 * invitations, and leaving the administration (members).
 */
export function MembersPage(props: {
  ctx: ViewContext;
  administration: Administration;
  members: Member[];
  invitations: PendingInvitation[];
  member: boolean;
  inviteForm: FormState;
  notice?: { kind: 'success' | 'warning' | 'error'; title: string };
}): JSX.Element {
  const { ctx, administration: a } = props;
  const { locale } = ctx;
  const base = administrationHref(a.slug);
  const title = t(locale, m.membersTitle, { name: a.name });
  const me = ctx.user?.id;
  return (
    <CooperationPage
      ctx={ctx}
      section="administrations"
      title={title}
      crumbs={[{ label: a.name, href: base }, { label: t(locale, m.membersLink) }]}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      <p safe>{t(locale, m.membersIntro)}</p>
      {props.members.length === 0 ? (
        <p safe>{t(locale, m.noMembers)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.membersLink)}
          hiddenCaption
          columns={[t(locale, m.colName), t(locale, m.colService), t(locale, m.colJoined)]}
        >
          {props.members.map((member) => (
            <tr>
              <td>
                <span safe>{member.name || (member.email ? member.email : t(locale, m.erasedPerson))}</span>
                {member.userId === me ? <span safe>{` ${t(locale, m.you)}`}</span> : ''}
              </td>
              <td safe>{member.serviceName ?? t(locale, m.noService)}</td>
              <td safe>{joinedText(locale, member.joinedVia, member.joinedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2 class="fr-h4 fr-mt-4w" safe>
        {t(locale, m.inviteTitle)}
      </h2>
      <p safe>{t(locale, m.inviteIntro)}</p>
      <ErrorSummary locale={locale} errors={props.inviteForm.errors} labels={{ email: t(locale, m.fieldEmail) }} />
      <form method="post" action={`${base}/membres/inviter`}>
        <CsrfField token={ctx.csrfToken} />
        <Input
          locale={locale}
          name="email"
          type="email"
          label={t(locale, m.fieldEmail)}
          value={props.inviteForm.values.email}
          error={props.inviteForm.errors.email}
          required
          maxlength={254}
          autocomplete="off"
        />
        <ul class="fr-btns-group fr-btns-group--inline">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.invite)}
            </button>
          </li>
        </ul>
      </form>

      {props.invitations.length > 0 ? (
        <>
          <h2 class="fr-h4 fr-mt-4w" safe>
            {t(locale, m.pendingTitle)}
          </h2>
          <DataTable
            caption={t(locale, m.pendingTitle)}
            hiddenCaption
            columns={[t(locale, m.colAddress), t(locale, m.colSent), t(locale, m.colExpires), t(locale, m.colActions)]}
          >
            {props.invitations.map((invitation) => (
              <tr>
                <td safe>{invitation.email}</td>
                <td safe>{formatDate(locale, invitation.createdAt)}</td>
                <td safe>{formatDate(locale, invitation.expiresAt)}</td>
                <td>
                  <form method="post" action={`${base}/membres/invitations/${invitation.id}/retirer`}>
                    <CsrfField token={ctx.csrfToken} />
                    <RowButton label={t(locale, m.withdraw)} what={invitation.email} />
                  </form>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : (
        ''
      )}

      {props.member ? (
        <div class="fr-callout fr-mt-6w">
          <h2 class="fr-callout__title fr-h5" safe>
            {t(locale, m.leaveTitle)}
          </h2>
          <p class="fr-callout__text" safe>
            {t(locale, m.leaveText)}
          </p>
          {props.members.length === 1 ? (
            <p class="fr-text--sm" safe>
              {t(locale, m.lastMemberWarning)}
            </p>
          ) : (
            ''
          )}
          <form method="post" action={`${base}/membres/quitter`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="fr-btn fr-btn--secondary" safe>
              {t(locale, m.leave)}
            </button>
          </form>
        </div>
      ) : (
        ''
      )}
    </CooperationPage>
  );
}

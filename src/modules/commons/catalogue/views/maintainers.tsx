import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, Input } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { catalogueMessages as m } from '../messages.js';
import type { Commons } from '../queries.js';
import { commonsHref } from './common.js';

export interface MaintainerView {
  userId: string;
  name: string;
  email: string | null;
  addedAt: Date;
}

/**
 * The maintainers of a commons: who they are and since when, a form to add one by the address of their
 * account, a button to remove each (not the last one, unless staff), and one to leave.
 */
export function MaintainersPage(props: {
  ctx: ViewContext;
  commons: Commons;
  maintainers: MaintainerView[];
  /** Staff may remove the last maintainer. */
  staff: boolean;
  email: string;
  emailError?: FieldError;
  notice?: { kind: 'success' | 'warning' | 'error'; title: string };
}): JSX.Element {
  const { ctx, commons, maintainers } = props;
  const { locale } = ctx;
  const base = `${commonsHref(commons.slug)}/mainteneurs`;
  const title = t(locale, m.maintainersTitle, { name: commons.name });
  const me = ctx.user?.id;
  const canRemove = props.staff || maintainers.length > 1;
  return (
    <CooperationPage
      ctx={ctx}
      section="commons"
      title={title}
      crumbs={[{ label: commons.name, href: commonsHref(commons.slug) }, { label: title }]}
    >
      <p safe>{t(locale, m.maintainersIntro)}</p>
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      {maintainers.length === 0 ? (
        <p safe>{t(locale, m.noMaintainer)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.maintainersCaption)}
          columns={[t(locale, m.colPerson), t(locale, m.colSince), t(locale, m.colAction)]}
        >
          {maintainers.map((person) => (
            <tr>
              <td>
                <span safe>{person.name}</span>
                {person.userId === me ? <span safe>{` ${t(locale, m.you)}`}</span> : ''}
                {person.email && person.email !== person.name ? (
                  <>
                    <br />
                    <span class="fr-text--sm acc-break" safe>
                      {person.email}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td safe>{formatDate(locale, person.addedAt)}</td>
              <td>
                {person.userId !== me && canRemove ? (
                  <form method="post" action={`${base}/retirer`}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="user" value={person.userId} />
                    <button
                      type="submit"
                      class="fr-btn fr-btn--sm fr-btn--tertiary"
                      title={t(locale, m.removeOf, { name: person.name })}
                      safe
                    >
                      {t(locale, m.remove)}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 class="fr-mt-4w" safe>
        {t(locale, m.addMaintainer)}
      </h2>
      <form method="post" action={`${base}/ajouter`}>
        <CsrfField token={ctx.csrfToken} />
        <Input
          locale={locale}
          name="email"
          type="email"
          label={t(locale, m.fieldEmail)}
          hint={t(locale, m.fieldEmailHint)}
          value={props.email}
          error={props.emailError}
          required
          autocomplete="off"
        />
        <button type="submit" class="fr-btn" safe>
          {t(locale, m.add)}
        </button>
      </form>
      {me && maintainers.some((p) => p.userId === me) ? (
        <form method="post" action={`${base}/quitter`} class="fr-mt-4w">
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.leave)}
          </button>
        </form>
      ) : (
        ''
      )}
    </CooperationPage>
  );
}

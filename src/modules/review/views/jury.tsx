import { type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import {
  Breadcrumb,
  CsrfField,
  DataTable,
  ErrorSummary,
  EveryTrackOnly,
  Input,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { JuryMember } from '../jury.js';
import { juryCounts, juryMessages as m } from '../messages.js';
import { type FormState, juryPath, Nav, type SeasonRef, Shell } from './staff-shell.js';

/** The staff pages of a season's jury members: the list of juries, one jury with its invitation form, a member's profile. */

function memberLabels(locale: Locale): Record<string, string> {
  return {
    email: t(locale, m.email),
    expertise: t(locale, m.expertise),
    topics: t(locale, m.topics),
    min_load: t(locale, m.minLoad),
    max_load: t(locale, m.maxLoad),
    siren: t(locale, m.siren),
  };
}

function MemberFields({
  locale,
  state,
  withEmail,
}: {
  locale: Locale;
  state: FormState;
  withEmail: boolean;
}): JSX.Element {
  const l = memberLabels(locale);
  const field = (name: string) => ({
    locale,
    name,
    label: l[name],
    value: state.values[name] ?? '',
    error: state.errors[name],
  });
  return (
    <>
      {withEmail ? <Input {...field('email')} type="email" autocomplete="off" required /> : ''}
      <TextArea {...field('expertise')} hint={t(locale, m.expertiseHint)} rows={4} />
      <Input {...field('topics')} hint={t(locale, m.topicsHint)} />
      <Input {...field('min_load')} type="number" required />
      <Input {...field('max_load')} type="number" required />
      <Input {...field('siren')} hint={t(locale, m.sirenHint)} />
    </>
  );
}

/** /admin/saisons/:id/jury: the members, the invitation form and the links to the other jury pages. */
export function JuryPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  members: JuryMember[];
  state: FormState;
  notice?: string;
}): JSX.Element {
  const { ctx, season, members, state } = props;
  const { locale } = ctx;
  const base = juryPath(season.id);
  return (
    <Shell ctx={ctx} season={season} title={t(locale, m.juryTitle, { season: season.name })} notice={props.notice}>
      <p safe>{t(locale, m.juryIntro)}</p>
      <Nav locale={locale} season={season} />
      <h2 safe>{t(locale, m.members)}</h2>
      {members.length === 0 ? (
        <p safe>{t(locale, m.noMembers)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.members)}
          hiddenCaption
          columns={[
            t(locale, m.person),
            t(locale, m.expertise),
            t(locale, m.topics),
            t(locale, m.load),
            t(locale, m.actions),
          ]}
        >
          {members.map((member) => (
            <tr>
              <td>
                <span safe>{member.name}</span>
                <br />
                <span class="fr-text--sm" safe>
                  {member.email}
                </span>
              </td>
              <td safe>{member.expertise}</td>
              <td safe>{member.topics.join(', ')}</td>
              <td safe>{`${member.minLoad}–${member.maxLoad}`}</td>
              <td>
                <EveryTrackOnly user={ctx.user} locale={locale} quiet>
                  <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                    <li>
                      <a
                        class="fr-btn fr-btn--secondary"
                        href={`${base}/membres/${member.id}/modifier`}
                        title={`${t(locale, m.edit)} : ${member.email}`}
                        safe
                      >
                        {t(locale, m.edit)}
                      </a>
                    </li>
                    <li>
                      <form method="post" action={`${base}/membres/${member.id}/retirer`}>
                        <CsrfField token={ctx.csrfToken} />
                        <button
                          type="submit"
                          class="fr-btn fr-btn--tertiary"
                          title={`${t(locale, m.remove)} : ${member.email}`}
                          safe
                        >
                          {t(locale, m.remove)}
                        </button>
                      </form>
                    </li>
                  </ul>
                </EveryTrackOnly>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 id="inviter" safe>
        {t(locale, m.inviteTitle)}
      </h2>
      <EveryTrackOnly user={ctx.user} locale={locale}>
        <p class="fr-hint-text" safe>
          {t(locale, m.inviteHint)}
        </p>
        <form method="post" action={base} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary locale={locale} errors={state.errors} labels={memberLabels(locale)} />
          <p class="fr-hint-text" safe>
            {t(locale, uiMessages.requiredHint)}
          </p>
          <MemberFields locale={locale} state={state} withEmail />
          <button type="submit" class="fr-btn" safe>
            {t(locale, m.invite)}
          </button>
        </form>
      </EveryTrackOnly>
    </Shell>
  );
}

export function MemberEditPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  member: JuryMember;
  state: FormState;
}): JSX.Element {
  const { ctx, season, member, state } = props;
  const { locale } = ctx;
  const title = `${t(locale, m.editMember)} : ${member.email}`;
  return (
    <Shell ctx={ctx} season={season} title={title} crumb={t(locale, m.editMember)}>
      <form method="post" action={`${juryPath(season.id)}/membres/${member.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary locale={locale} errors={state.errors} labels={memberLabels(locale)} />
        <p class="fr-hint-text" safe>
          {t(locale, uiMessages.requiredHint)}
        </p>
        <MemberFields locale={locale} state={state} withEmail={false} />
        <button type="submit" class="fr-btn" safe>
          {t(locale, m.save)}
        </button>
      </form>
    </Shell>
  );
}

/** /admin/jury: every season, with its number of active jury members and a link to its jury page. */
export function JuriesPage({
  ctx,
  seasons,
}: {
  ctx: ViewContext;
  seasons: Array<SeasonRef & { members: number }>;
}): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.seasons);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.administration), href: '/admin' }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.juriesIntro)}</p>
        {seasons.length === 0 ? (
          <p safe>{t(locale, m.noSeasons)}</p>
        ) : (
          <DataTable caption={title} hiddenCaption columns={[t(locale, m.season), t(locale, m.members)]}>
            {seasons.map((s) => (
              <tr>
                <td>
                  <a href={juryPath(s.id)} title={t(locale, m.openJury, { season: s.name })} safe>
                    {s.name}
                  </a>
                </td>
                <td safe>{tCount(locale, juryCounts.members, s.members)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

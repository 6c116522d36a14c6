import { formatDate, formatDateTime, type Locale, t } from '../../../../core/i18n/i18n.js';
import { parisDateTime } from '../../../../core/time/paris-time.js';
import { CsrfField, DataTable } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { LaureateSpace } from '../../laureate-space.js';
import { SpacePage, type SpaceSide, spaceHref } from '../../views/space-layout.js';
import { formatMinutes } from '../durations.js';
import { sessionMessages as m } from '../messages.js';
import type { ActionItem, CoachingSession, Hours } from '../queries.js';
import { HoursBox, leverLabel, NoPlan, Notice, type PageNotice, sideLabel, TextBlock } from './common.js';

export const sessionsPath = (side: SpaceSide, applicationId: string) => spaceHref(side, applicationId, 'sessions');
export const itemPath = (side: SpaceSide, applicationId: string, itemId: string) =>
  side === 'team'
    ? `/espace-laureat/${applicationId}/actions/${itemId}`
    : `/admin/accompagnement/laureats/${applicationId}/actions/${itemId}`;

export interface SessionsPageProps {
  ctx: ViewContext;
  side: SpaceSide;
  space: LaureateSpace;
  showGrant: boolean;
  /** Null when the laureate has no plan yet. */
  data: { hours: Hours; sessions: CoachingSession[]; items: ActionItem[] } | null;
  /** YYYY-MM-DD in Paris: items due before are late. */
  today: string;
  notice?: PageNotice;
}

function SessionBlock(props: {
  locale: Locale;
  side: SpaceSide;
  applicationId: string;
  session: CoachingSession;
  csrfToken?: string;
}): JSX.Element {
  const { locale, session, side } = props;
  const date = formatDateTime(locale, session.heldAt);
  const base = sessionsPath('staff', props.applicationId);
  return (
    <article id={`seance-${session.id}`} class="fr-mb-6w">
      <h4 safe>{t(locale, m.sessionHeading, { date })}</h4>
      <p>
        <strong safe>{`${t(locale, m.duration)} : `}</strong>
        <span safe>{`${formatMinutes(session.durationMinutes)} — `}</span>
        <span safe>{t(locale, session.countsHours ? m.countsHours : m.notCounted)}</span>
      </p>
      <p>
        <strong safe>{`${t(locale, m.participants)} : `}</strong>
        <span safe>
          {session.participants.length > 0
            ? session.participants.map((p) => `${p.name} (${sideLabel(locale, p.side)})`).join(', ')
            : t(locale, m.none)}
        </span>
      </p>
      <p>
        <strong safe>{`${t(locale, m.topics)} : `}</strong>
        <span safe>{session.topics}</span>
      </p>
      {session.levers.length > 0 ? (
        <p>
          <strong safe>{`${t(locale, m.levers)} : `}</strong>
          <span safe>{session.levers.map((code) => leverLabel(locale, code)).join(', ')}</span>
        </p>
      ) : (
        ''
      )}
      {session.notes ? (
        <div>
          <p class="fr-mb-1w">
            <strong safe>{t(locale, m.notes)}</strong>
          </p>
          <TextBlock text={session.notes} />
        </div>
      ) : (
        ''
      )}
      {side === 'staff' && session.staffNote ? (
        <div class="fr-callout">
          <p class="fr-callout__title" safe>
            {t(locale, m.staffNote)}
          </p>
          <TextBlock text={session.staffNote} class="fr-callout__text acc-break" />
        </div>
      ) : (
        ''
      )}
      {side === 'staff' ? (
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          <li>
            <a
              class="fr-btn fr-btn--secondary"
              href={`${base}/${session.id}/modifier`}
              title={t(locale, m.edit, { date })}
              safe
            >
              {t(locale, m.editShort)}
            </a>
          </li>
          <li>
            <form method="post" action={`${base}/${session.id}/supprimer`}>
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="fr-btn fr-btn--tertiary" title={t(locale, m.deleteLabel, { date })} safe>
                {t(locale, m.delete)}
              </button>
            </form>
          </li>
        </ul>
      ) : (
        ''
      )}
    </article>
  );
}

function ItemsTable(props: {
  locale: Locale;
  side: SpaceSide;
  applicationId: string;
  items: ActionItem[];
  sessions: CoachingSession[];
  today: string;
  csrfToken?: string;
}): JSX.Element {
  const { locale, side } = props;
  if (props.items.length === 0) return <p safe>{t(locale, m.noActions)}</p>;
  const sessionDate = (id: string | null) => {
    const s = props.sessions.find((x) => x.id === id);
    return s ? formatDate(locale, s.heldAt) : '—';
  };
  return (
    <DataTable
      caption={t(locale, m.actionsTitle)}
      hiddenCaption
      columns={[
        t(locale, m.colAction),
        t(locale, m.colOwner),
        t(locale, m.colDue),
        t(locale, m.colState),
        t(locale, m.colSession),
        t(locale, m.colChange),
      ]}
    >
      {props.items.map((item) => {
        const late = !item.doneAt && item.dueOn !== null && item.dueOn < props.today;
        const state = item.doneAt
          ? t(locale, m.stateDone, { date: formatDate(locale, item.doneAt) })
          : late
            ? t(locale, m.stateLate)
            : t(locale, m.stateOpen);
        return (
          <tr id={`action-${item.id}`}>
            <td safe>{item.text}</td>
            <td safe>{item.ownerName || t(locale, m.theTeam)}</td>
            <td safe>{item.dueOn ? formatDate(locale, parisDateTime(item.dueOn, '12:00')) : t(locale, m.noDue)}</td>
            <td>
              <p
                class={`fr-badge fr-badge--sm fr-badge--no-icon ${item.doneAt ? 'fr-badge--success' : late ? 'fr-badge--error' : 'fr-badge--info'}`}
                safe
              >
                {state}
              </p>
            </td>
            <td safe>{sessionDate(item.sessionId)}</td>
            <td>
              <form method="post" action={itemPath(side, props.applicationId, item.id)}>
                <CsrfField token={props.csrfToken} />
                <input type="hidden" name="done" value={item.doneAt ? '0' : '1'} />
                <button
                  type="submit"
                  class="fr-btn fr-btn--sm fr-btn--secondary"
                  title={t(locale, item.doneAt ? m.markUndoneLabel : m.markDoneLabel, { text: item.text })}
                  safe
                >
                  {t(locale, item.doneAt ? m.markUndone : m.markDone)}
                </button>
              </form>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** The sessions of a laureate space, on the team's side or the staff's: hours, sessions, action items. */
export function SessionsPage(props: SessionsPageProps): JSX.Element {
  const { ctx, side, space, data } = props;
  const { locale } = ctx;
  const applicationId = space.application.id;
  return (
    <SpacePage
      ctx={ctx}
      side={side}
      space={space}
      section="sessions"
      title={t(locale, m.sessionsTitle)}
      showGrant={props.showGrant}
    >
      <Notice notice={props.notice} />
      {!data ? (
        <NoPlan locale={locale} side={side} applicationId={applicationId} />
      ) : (
        <>
          <HoursBox locale={locale} side={side} hours={data.hours} />
          {side === 'staff' ? (
            <p>
              <a
                class="fr-btn fr-icon-add-line fr-btn--icon-left"
                href={`${sessionsPath('staff', applicationId)}/nouvelle`}
                safe
              >
                {t(locale, m.newSession)}
              </a>
            </p>
          ) : (
            ''
          )}
          <section aria-labelledby="actions-title" class="fr-mb-6w">
            <h3 id="actions-title" safe>
              {t(locale, m.actionsTitle)}
            </h3>
            <ItemsTable
              locale={locale}
              side={side}
              applicationId={applicationId}
              items={data.items}
              sessions={data.sessions}
              today={props.today}
              csrfToken={ctx.csrfToken}
            />
          </section>
          <section aria-labelledby="sessions-title">
            <h3 id="sessions-title" safe>
              {t(locale, m.sessionsListTitle)}
            </h3>
            {data.sessions.length === 0 ? <p safe>{t(locale, m.noSessions)}</p> : ''}
            {data.sessions.map((session) => (
              <SessionBlock
                locale={locale}
                side={side}
                applicationId={applicationId}
                session={session}
                csrfToken={ctx.csrfToken}
              />
            ))}
          </section>
        </>
      )}
    </SpacePage>
  );
}

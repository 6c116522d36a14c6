import type { FieldError } from '../../../../core/http/forms.js';
import { formatDateTime, t } from '../../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, CsrfField, ErrorSummary, Input, Select } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { EventQuestion, RegistrationStatus } from '../../tables.js';
import { agendaMessages as m } from '../messages.js';
import { EVENTS_PATH, eventHref } from '../paths.js';
import type { EventDocument, PublicEvent } from '../queries.js';
import { KIND_LABELS, placesLeftText, whenText } from './common.js';

export interface EventCard {
  event: PublicEvent;
  taken: number;
}

function Card({ ctx, card }: { ctx: ViewContext; card: EventCard }): JSX.Element {
  const { locale } = ctx;
  const e = card.event;
  return (
    <div class="fr-col-12 fr-col-md-6">
      <div class="fr-card fr-enlarge-link">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h3 class="fr-card__title">
              <a href={eventHref(e.id)} safe>
                {e.title}
              </a>
            </h3>
            <p class="fr-card__desc" safe>
              {whenText(locale, e.startsAt, e.endsAt)}
            </p>
            <div class="fr-card__start">
              <ul class="fr-badges-group">
                <li>
                  <p class="fr-badge fr-badge--sm" safe>
                    {t(locale, KIND_LABELS[e.kind])}
                  </p>
                </li>
                {e.cancelled ? (
                  <li>
                    <p class="fr-badge fr-badge--sm fr-badge--error" safe>
                      {t(locale, m.cancelledBadge)}
                    </p>
                  </li>
                ) : e.capacity !== null && card.taken >= e.capacity ? (
                  <li>
                    <p class="fr-badge fr-badge--sm fr-badge--warning" safe>
                      {t(locale, m.fullBadge)}
                    </p>
                  </li>
                ) : (
                  ''
                )}
              </ul>
            </div>
            {e.place ? (
              <div class="fr-card__end">
                <p class="fr-card__detail" safe>
                  {e.place}
                </p>
              </div>
            ) : (
              ''
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

/** The public list: upcoming events first, then past ones (newest first), and the calendar feed. */
export function EventsListPage(props: { ctx: ViewContext; upcoming: EventCard[]; past: EventCard[] }): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  return (
    <Page
      ctx={ctx}
      title={t(locale, m.eventsTitle)}
      head={<link rel="alternate" type="text/calendar" href={`${EVENTS_PATH}.ics`} title={t(locale, m.feedName)} />}
    >
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.eventsTitle)}</h1>
        <p safe>{t(locale, m.eventsIntro)}</p>
        <p>
          <a class="fr-link fr-icon-calendar-line fr-link--icon-left" href={`${EVENTS_PATH}.ics`} safe>
            {t(locale, m.calendarFeed)}
          </a>
        </p>
        <h2 safe>{t(locale, m.upcoming)}</h2>
        {props.upcoming.length === 0 ? (
          <p safe>{t(locale, m.noUpcoming)}</p>
        ) : (
          <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
            {props.upcoming.map((card) => (
              <Card ctx={ctx} card={card} />
            ))}
          </div>
        )}
        <h2 safe>{t(locale, m.past)}</h2>
        {props.past.length === 0 ? (
          <p safe>{t(locale, m.noPast)}</p>
        ) : (
          <div class="fr-grid-row fr-grid-row--gutters">
            {props.past.map((card) => (
              <Card ctx={ctx} card={card} />
            ))}
          </div>
        )}
      </div>
    </Page>
  );
}

export interface RegistrationFormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  tooMany?: boolean;
}

export interface EventPageData {
  event: PublicEvent;
  draft: boolean;
  taken: number;
  descriptionHtml: string;
  reportHtml: string;
  documents: EventDocument[];
  laureates: { name: string; href: string }[];
  commons: { name: string; href: string }[];
  questions: EventQuestion[];
  /** Why registration is closed now (a message), or null when open. */
  closedText: string | null;
  /** A signed-in person's active registration. */
  mine: { status: RegistrationStatus } | null;
  form: RegistrationFormState;
  notice?: string;
}

function QuestionField(props: { ctx: ViewContext; q: EventQuestion; form: RegistrationFormState }): JSX.Element {
  const { locale } = props.ctx;
  const name = `q_${props.q.id}`;
  return props.q.kind === 'choice' ? (
    <Select
      locale={locale}
      name={name}
      label={props.q.label}
      value={props.form.values[name]}
      error={props.form.errors[name]}
      options={props.q.options.map((o) => ({ value: o, label: o }))}
    />
  ) : (
    <Input
      locale={locale}
      name={name}
      label={props.q.label}
      value={props.form.values[name]}
      error={props.form.errors[name]}
      maxlength={500}
    />
  );
}

function RegistrationBlock({ ctx, data }: { ctx: ViewContext; data: EventPageData }): JSX.Element {
  const { locale } = ctx;
  const e = data.event;
  if (data.mine)
    return (
      <div class="fr-callout">
        <p class="fr-callout__text" safe>
          {t(locale, data.mine.status === 'waiting' ? m.ok_waiting : m.alreadyRegistered)}
        </p>
        <a class="fr-btn" href={`${eventHref(e.id)}/mon-inscription`} safe>
          {t(locale, m.seeMyRegistration)}
        </a>
      </div>
    );
  if (data.closedText)
    return (
      <p class="fr-text--lead" safe>
        {data.closedText}
      </p>
    );
  const full = e.capacity !== null && data.taken >= e.capacity;
  const labels: Record<string, string> = {
    name: t(locale, m.name),
    email: t(locale, m.email),
    ...Object.fromEntries(data.questions.map((q) => [`q_${q.id}`, q.label])),
  };
  return (
    <form method="post" action={`${eventHref(e.id)}/inscription`} novalidate>
      <CsrfField token={ctx.csrfToken} />
      {data.form.tooMany ? <Alert kind="error" title={t(locale, m.tooMany)} /> : ''}
      <ErrorSummary locale={locale} errors={data.form.errors} labels={labels} />
      <p class="fr-hint-text" safe>
        {t(locale, ctx.user ? m.registerSignedIn : m.registerByEmail)}
      </p>
      <Input
        locale={locale}
        name="name"
        label={t(locale, m.name)}
        value={data.form.values.name}
        error={data.form.errors.name}
        required
        autocomplete="name"
        maxlength={200}
      />
      {ctx.user ? (
        ''
      ) : (
        <Input
          locale={locale}
          name="email"
          type="email"
          label={t(locale, m.email)}
          value={data.form.values.email}
          error={data.form.errors.email}
          required
          autocomplete="email"
        />
      )}
      {data.questions.map((q) => (
        <QuestionField ctx={ctx} q={q} form={data.form} />
      ))}
      <button type="submit" class="fr-btn" safe>
        {t(locale, full ? m.registerWaiting : m.register)}
      </button>
    </form>
  );
}

/** One event: what, when, where (never the online link), places left, registration, and its report once published. */
export function EventPage({ ctx, data }: { ctx: ViewContext; data: EventPageData }): JSX.Element {
  const { locale } = ctx;
  const e = data.event;
  // Markdown rendered and sanitised by the content module (renderMarkdown): safe to insert as is.
  const safeDescription = data.descriptionHtml;
  const safeReport = data.reportHtml;
  return (
    <Page ctx={ctx} title={e.title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.eventsTitle), href: EVENTS_PATH }, { label: e.title }]}
        />
        {data.notice ? <Alert kind="success" title={data.notice} /> : ''}
        <h1 safe>{e.title}</h1>
        {data.draft ? (
          <p class="fr-badge fr-badge--info fr-mb-2w" safe>
            {t(locale, m.draftBadge)}
          </p>
        ) : (
          ''
        )}
        {e.cancelled ? <Alert kind="warning" title={t(locale, m.cancelledTitle)} text={e.cancelReason ?? ''} /> : ''}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-8">
            <div class="fr-mb-4w">{safeDescription}</div>
            {data.laureates.length > 0 ? (
              <>
                <h2 class="fr-h4" safe>
                  {t(locale, m.linkedLaureates)}
                </h2>
                <ul>
                  {data.laureates.map((l) => (
                    <li>
                      <a href={l.href} safe>
                        {l.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              ''
            )}
            {data.commons.length > 0 ? (
              <>
                <h2 class="fr-h4" safe>
                  {t(locale, m.linkedCommons)}
                </h2>
                <ul>
                  {data.commons.map((c) => (
                    <li>
                      <a href={c.href} safe>
                        {c.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              ''
            )}
            {e.report ? (
              <section class="fr-mt-4w">
                <h2 safe>{t(locale, m.reportTitle)}</h2>
                {e.report.attendance !== null ? (
                  <p>
                    <strong safe>{t(locale, m.attendance)}</strong> :{' '}
                    <span safe>
                      {t(
                        locale,
                        new Intl.PluralRules(locale).select(e.report.attendance) === 'one' && e.report.attendance === 1
                          ? m.attendanceOne
                          : m.attendanceCount,
                        { n: e.report.attendance },
                      )}
                    </span>
                  </p>
                ) : (
                  ''
                )}
                <div>{safeReport}</div>
                {data.documents.length > 0 ? (
                  <>
                    <h3 safe>{t(locale, m.documents)}</h3>
                    <ul>
                      {data.documents.map((d) => (
                        <li>
                          <a href={`${eventHref(e.id)}/documents/${d.id}`} safe>
                            {d.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  ''
                )}
              </section>
            ) : (
              ''
            )}
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <dl>
              <dt class="fr-text--bold" safe>
                {t(locale, m.when)}
              </dt>
              <dd safe>{whenText(locale, e.startsAt, e.endsAt)}</dd>
              <dt class="fr-text--bold" safe>
                {t(locale, m.format)}
              </dt>
              <dd safe>{t(locale, KIND_LABELS[e.kind])}</dd>
              {e.place ? (
                <>
                  <dt class="fr-text--bold" safe>
                    {t(locale, m.where)}
                  </dt>
                  <dd safe>{e.place}</dd>
                </>
              ) : (
                ''
              )}
              {e.accessibility ? (
                <>
                  <dt class="fr-text--bold" safe>
                    {t(locale, m.accessibility)}
                  </dt>
                  <dd safe>{e.accessibility}</dd>
                </>
              ) : (
                ''
              )}
              {e.kind !== 'in_person' ? (
                <dd class="fr-hint-text" safe>
                  {t(locale, m.onlineLinkLater)}
                </dd>
              ) : (
                ''
              )}
              {e.cancelled ? (
                ''
              ) : (
                <>
                  <dt class="fr-text--bold" safe>
                    {t(locale, m.places)}
                  </dt>
                  <dd safe>{placesLeftText(locale, e.capacity, data.taken)}</dd>
                </>
              )}
            </dl>
            <p>
              <a class="fr-link fr-icon-calendar-line fr-link--icon-left" href={`${eventHref(e.id)}.ics`} safe>
                {t(locale, m.addToCalendar)}
              </a>
            </p>
            {e.cancelled ? (
              ''
            ) : (
              <section>
                <h2 class="fr-h4" safe>
                  {t(locale, m.registerTitle)}
                </h2>
                <RegistrationBlock ctx={ctx} data={data} />
              </section>
            )}
          </div>
        </div>
      </div>
    </Page>
  );
}

export function MailSentPage(props: {
  ctx: ViewContext;
  event: PublicEvent;
  email: string;
  localMail: boolean;
}): JSX.Element {
  const { locale } = props.ctx;
  return (
    <Page ctx={props.ctx} title={t(locale, m.mailSentTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.mailSentTitle)}</h1>
        <p safe>{t(locale, m.mailSentText, { email: props.email })}</p>
        {props.localMail ? (
          <p class="fr-hint-text" safe>
            {t(locale, m.localMail)}
          </p>
        ) : (
          ''
        )}
        <p>
          <a class="fr-link" href={eventHref(props.event.id)} safe>
            {props.event.title}
          </a>
        </p>
      </div>
    </Page>
  );
}

export interface RegistrationView {
  event: PublicEvent;
  status: RegistrationStatus;
  name: string;
  position: number;
  offerExpiresAt: Date | null;
  onlineLink: string | null;
  /** The form actions' base: the secret link's page, or the signed-in person's own. */
  action: string;
}

/** A registration's own page (from a mail's secret link or for its signed-in owner): its state and what one can do. */
export function RegistrationPage(props: {
  ctx: ViewContext;
  view: RegistrationView;
  notice?: { kind: 'success' | 'error'; title: string };
  confirmCancel?: boolean;
}): JSX.Element {
  const { ctx, view } = props;
  const { locale } = ctx;
  const e = view.event;
  const statusText =
    view.status === 'waiting'
      ? t(locale, m.status_waiting, { position: view.position })
      : view.status === 'offered'
        ? t(locale, m.status_offered, { date: view.offerExpiresAt ? formatDateTime(locale, view.offerExpiresAt) : '' })
        : t(locale, m[`status_${view.status}`]);
  const active = ['pending', 'registered', 'waiting', 'offered'].includes(view.status);
  return (
    <Page ctx={ctx} title={t(locale, m.myRegistration)}>
      <div class="fr-container fr-my-6w">
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <h1 safe>{t(locale, m.myRegistration)}</h1>
        <p class="fr-text--lead">
          <a href={eventHref(e.id)} safe>
            {e.title}
          </a>
        </p>
        <p safe>{whenText(locale, e.startsAt, e.endsAt)}</p>
        {e.place ? <p safe>{e.place}</p> : ''}
        {e.cancelled ? <Alert kind="warning" title={t(locale, m.cancelledTitle)} text={e.cancelReason ?? ''} /> : ''}
        <p class="fr-text--bold" safe>
          {statusText}
        </p>
        {view.status === 'registered' && view.onlineLink ? (
          <p>
            <span safe>{t(locale, m.onlineLink)}</span> :{' '}
            <a href={view.onlineLink} rel="noopener noreferrer" safe>
              {view.onlineLink}
            </a>
          </p>
        ) : (
          ''
        )}
        {props.confirmCancel && active ? (
          <form method="post" action={`${view.action}/annuler`}>
            <CsrfField token={ctx.csrfToken} />
            <p safe>{t(locale, m.cancelQuestion, { title: e.title })}</p>
            <button type="submit" class="fr-btn fr-btn--secondary" safe>
              {t(locale, m.cancel)}
            </button>
          </form>
        ) : (
          <ul class="fr-btns-group fr-btns-group--inline-md">
            {view.status === 'pending' && !e.cancelled ? (
              <li>
                <form method="post" action={`${view.action}/confirmer`}>
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="fr-btn" safe>
                    {t(locale, m.confirm)}
                  </button>
                </form>
              </li>
            ) : (
              ''
            )}
            {view.status === 'offered' && !e.cancelled ? (
              <li>
                <form method="post" action={`${view.action}/accepter`}>
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="fr-btn" safe>
                    {t(locale, m.accept)}
                  </button>
                </form>
              </li>
            ) : (
              ''
            )}
            {active && !e.cancelled ? (
              <li>
                <a class="fr-btn fr-btn--secondary" href={`${view.action}/annuler`} safe>
                  {t(locale, m.cancel)}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        )}
      </div>
    </Page>
  );
}

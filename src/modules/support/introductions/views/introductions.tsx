import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, Input, Select, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { LaureateSpace } from '../../laureate-space.js';
import { SpacePage, type SpaceSide, spaceHref } from '../../views/space-layout.js';
import { introductionMessages as m } from '../messages.js';
import { type Contact, type Introduction, OUTCOMES } from '../queries.js';
import { leverLabel, leverOptions, OUTCOME_LABELS, Paragraphs, StatusBadge } from './common.js';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export interface PageNotice {
  kind: 'success' | 'warning' | 'error';
  title: string;
}

/** Who the team was introduced to: name, role, service, organisation. */
function contactLine(i: Introduction): string {
  return i.contact
    ? [i.contact.personName, i.contact.role, i.contact.service, i.contact.organisation].filter(Boolean).join(', ')
    : '';
}

/** The staff page of one introduction (its handling, its mail). */
export function staffIntroductionHref(applicationId: string, id: string): string {
  return `${spaceHref('staff', applicationId, 'introductions')}/${id}`;
}

function OutcomeForm(props: {
  ctx: ViewContext;
  action: string;
  introduction: Introduction;
  form?: FormState;
  today: string;
}): JSX.Element {
  const { ctx, introduction } = props;
  const { locale } = ctx;
  const id = introduction.id;
  const v = props.form?.values ?? { occurred_on: props.today };
  const e = props.form?.errors ?? {};
  // Field ids carry the introduction's id: several forms share the page.
  const f = (name: string) => `${name}-${id}`;
  return (
    <form method="post" action={props.action} class="fr-mt-2w">
      <CsrfField token={ctx.csrfToken} />
      <fieldset class="fr-fieldset" aria-labelledby={`outcome-legend-${id}`}>
        <legend class="fr-fieldset__legend" id={`outcome-legend-${id}`} safe>
          {t(locale, m.recordOutcome)}
        </legend>
        <div class="fr-fieldset__element">
          <Select
            locale={locale}
            name={f('outcome')}
            label={t(locale, m.fieldOutcome)}
            value={v.outcome ?? ''}
            error={e.outcome}
            required
            options={OUTCOMES.map((o) => ({ value: o, label: t(locale, OUTCOME_LABELS[o]) }))}
          />
        </div>
        <div class="fr-fieldset__element">
          <Input
            locale={locale}
            name={f('occurred_on')}
            type="date"
            label={t(locale, m.fieldOccurredOn)}
            hint={t(locale, m.fieldOccurredOnHint)}
            value={v.occurred_on}
            error={e.occurred_on}
            required
          />
        </div>
        <div class="fr-fieldset__element">
          <TextArea
            locale={locale}
            name={f('note')}
            label={t(locale, m.fieldNote)}
            value={v.note}
            error={e.note}
            rows={3}
            maxlength={2000}
          />
        </div>
        <div class="fr-fieldset__element">
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.recordOutcome)}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function Outcomes({ locale, introduction }: { locale: Locale; introduction: Introduction }): JSX.Element {
  if (introduction.outcomes.length === 0)
    return (
      <p class="fr-text--sm" safe>
        {t(locale, m.noOutcome)}
      </p>
    );
  return (
    <ul>
      {introduction.outcomes.map((o) => (
        <li>
          <strong safe>{t(locale, OUTCOME_LABELS[o.outcome])}</strong>
          <span
            safe
          >{` — ${formatDate(locale, new Date(`${o.occurredOn}T12:00:00Z`))} (${t(locale, o.recordedSide === 'team' ? m.byTeam : m.byStaff)})`}</span>
          {o.note ? <Paragraphs text={o.note} /> : ''}
        </li>
      ))}
    </ul>
  );
}

/** One introduction as a card: the request, its state, the contact once introduced, outcomes. */
function IntroductionCard(props: {
  ctx: ViewContext;
  side: SpaceSide;
  space: LaureateSpace;
  introduction: Introduction;
  outcomeForm?: { id: string; form: FormState };
  today: string;
}): JSX.Element {
  const { ctx, side, space, introduction: i } = props;
  const { locale } = ctx;
  const base = spaceHref(side, space.application.id, 'introductions');
  return (
    <section class="fr-mb-4w fr-pt-2w" id={`intro-${i.id}`} aria-labelledby={`intro-title-${i.id}`}>
      <div>
        <div>
          <h3 class="fr-h5" id={`intro-title-${i.id}`} safe>
            {`${leverLabel(locale, i.lever)} — ${t(locale, m.requestOf, { date: formatDate(locale, i.requestedAt) })}`}
          </h3>
          <div>
            <StatusBadge locale={locale} status={i.status} />
            <Paragraphs text={i.request} />
            {i.status === 'introduced' && i.contact && i.introducedAt ? (
              <>
                <p class="fr-mb-1v" safe>
                  {t(locale, m.introducedTo, { date: formatDate(locale, i.introducedAt) })}
                </p>
                <p safe>{contactLine(i)}</p>
                <p class="acc-break" safe>
                  {i.contact.email}
                </p>
                <h4 class="fr-h6" safe>
                  {t(locale, m.outcomes)}
                </h4>
                <Outcomes locale={locale} introduction={i} />
                <OutcomeForm
                  ctx={ctx}
                  action={`${base}/${i.id}/suites`}
                  introduction={i}
                  form={props.outcomeForm?.id === i.id ? props.outcomeForm.form : undefined}
                  today={props.today}
                />
              </>
            ) : (
              ''
            )}
            {i.status === 'declined' && i.staffNote ? (
              <>
                <p class="fr-mb-1v" safe>
                  {t(locale, m.declinedNote)}
                </p>
                <Paragraphs text={i.staffNote} />
              </>
            ) : (
              ''
            )}
            {side === 'team' && i.status === 'requested' ? (
              <form method="post" action={`${base}/${i.id}/retirer`}>
                <CsrfField token={ctx.csrfToken} />
                <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm" safe>
                  {t(locale, m.withdraw)}
                </button>
              </form>
            ) : (
              ''
            )}
            {side === 'staff' ? (
              <p>
                <a class="fr-link" href={staffIntroductionHref(space.application.id, i.id)} safe>
                  {t(locale, i.status === 'requested' ? m.handle : m.sentMail)}
                </a>
              </p>
            ) : (
              ''
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

/** The section "introductions" of a laureate space, for the team or for staff. */
export function IntroductionsPage(props: {
  ctx: ViewContext;
  side: SpaceSide;
  space: LaureateSpace;
  showGrant: boolean;
  introductions: Introduction[];
  requestForm?: FormState;
  outcomeForm?: { id: string; form: FormState };
  notice?: PageNotice;
  today: string;
}): JSX.Element {
  const { ctx, side, space } = props;
  const { locale } = ctx;
  const e = props.requestForm?.errors ?? {};
  const v = props.requestForm?.values ?? {};
  return (
    <SpacePage
      ctx={ctx}
      side={side}
      space={space}
      section="introductions"
      title={t(locale, m.introductions)}
      showGrant={props.showGrant}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      {!space.plan ? (
        <p safe>{t(locale, side === 'team' ? m.noPlanTeam : m.noPlanStaff)}</p>
      ) : (
        <>
          {side === 'team' ? (
            <>
              <h3 safe>{t(locale, m.askTitle)}</h3>
              <p safe>{t(locale, m.askIntro)}</p>
              <ErrorSummary
                locale={locale}
                errors={e}
                labels={{ lever: t(locale, m.fieldLever), request: t(locale, m.fieldRequest) }}
              />
              <form method="post" action={spaceHref('team', space.application.id, 'introductions')}>
                <CsrfField token={ctx.csrfToken} />
                <Select
                  locale={locale}
                  name="lever"
                  label={t(locale, m.fieldLever)}
                  value={v.lever ?? ''}
                  error={e.lever}
                  options={leverOptions(locale)}
                  required
                />
                <TextArea
                  locale={locale}
                  name="request"
                  label={t(locale, m.fieldRequest)}
                  hint={t(locale, m.fieldRequestHint)}
                  value={v.request}
                  error={e.request}
                  required
                  rows={5}
                  maxlength={2000}
                />
                <button type="submit" class="fr-btn" safe>
                  {t(locale, m.send)}
                </button>
              </form>
            </>
          ) : (
            ''
          )}
          <h3 class="fr-mt-4w" safe>
            {t(locale, side === 'team' ? m.myRequests : m.requestsOf)}
          </h3>
          {props.introductions.length === 0 ? <p safe>{t(locale, m.noRequests)}</p> : ''}
          {props.introductions.map((introduction) => (
            <IntroductionCard
              ctx={ctx}
              side={side}
              space={space}
              introduction={introduction}
              outcomeForm={props.outcomeForm}
              today={props.today}
            />
          ))}
        </>
      )}
    </SpacePage>
  );
}

/** Staff handle one request: choose a contact, edit the prefilled mail, send; or decline with a note. */
export function HandlePage(props: {
  ctx: ViewContext;
  space: LaureateSpace;
  showGrant: boolean;
  introduction: Introduction;
  contacts: Contact[];
  chosen: Contact | null;
  /** The addresses the mail goes to, in order (contact first). */
  recipients: string[];
  mailForm?: FormState;
  declineForm?: FormState;
  outcomeForm?: { id: string; form: FormState };
  notice?: PageNotice;
  today: string;
}): JSX.Element {
  const { ctx, space, introduction: i } = props;
  const { locale } = ctx;
  const here = staffIntroductionHref(space.application.id, i.id);
  const mail = props.mailForm;
  const decline = props.declineForm;
  return (
    <SpacePage
      ctx={ctx}
      side="staff"
      space={space}
      section="introductions"
      title={t(locale, m.handleTitle)}
      showGrant={props.showGrant}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      <p>
        <a
          class="fr-link fr-icon-arrow-left-line fr-link--icon-left"
          href={spaceHref('staff', space.application.id, 'introductions')}
          safe
        >
          {t(locale, m.back)}
        </a>
      </p>
      <h3
        safe
      >{`${leverLabel(locale, i.lever)} — ${t(locale, m.requestOf, { date: formatDate(locale, i.requestedAt) })}`}</h3>
      <StatusBadge locale={locale} status={i.status} />
      <Paragraphs text={i.request} />
      {i.status === 'requested' ? (
        <>
          <h3 class="fr-mt-4w" safe>
            {t(locale, m.suggested)}
          </h3>
          {props.contacts.length === 0 ? (
            <p safe>{t(locale, m.noContactYet)}</p>
          ) : (
            <form method="get" action={here}>
              <p class="fr-hint-text" safe>
                {t(locale, m.suggestedHint)}
              </p>
              <Select
                locale={locale}
                name="contact"
                label={t(locale, m.chooseContact)}
                value={props.chosen?.id ?? ''}
                options={props.contacts.map((c) => ({
                  value: c.id,
                  label: `${c.organisation} — ${c.service} — ${c.personName}${c.levers.includes(i.lever) ? ' ★' : ''}`,
                }))}
              />
              <button type="submit" class="fr-btn fr-btn--secondary" safe>
                {t(locale, m.prepareMail)}
              </button>
            </form>
          )}
          {props.chosen && mail ? (
            <>
              <h3 class="fr-mt-4w" safe>
                {t(locale, m.mailTitle)}
              </h3>
              <p class="fr-hint-text acc-break" safe>
                {t(locale, m.mailHint, { to: props.recipients.join(', ') })}
              </p>
              <ErrorSummary
                locale={locale}
                errors={mail.errors}
                labels={{
                  subject: t(locale, m.fieldSubject),
                  body: t(locale, m.fieldBody),
                  contact_id: t(locale, m.chooseContact),
                }}
              />
              <form method="post" action={`${here}/presenter`}>
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="contact_id" value={props.chosen.id} />
                <input type="hidden" name="version" value={String(i.version)} />
                <Input
                  locale={locale}
                  name="subject"
                  label={t(locale, m.fieldSubject)}
                  value={mail.values.subject}
                  error={mail.errors.subject}
                  required
                  maxlength={200}
                />
                <TextArea
                  locale={locale}
                  name="body"
                  label={t(locale, m.fieldBody)}
                  value={mail.values.body}
                  error={mail.errors.body}
                  required
                  rows={18}
                  maxlength={10000}
                />
                <button type="submit" class="fr-btn" safe>
                  {t(locale, m.sendIntroduction)}
                </button>
              </form>
            </>
          ) : (
            ''
          )}
          <h3 class="fr-mt-4w" safe>
            {t(locale, m.declineTitle)}
          </h3>
          <form method="post" action={`${here}/refuser`}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="version" value={String(i.version)} />
            <TextArea
              locale={locale}
              name="note"
              label={t(locale, m.fieldDeclineNote)}
              value={decline?.values.note}
              error={decline?.errors.note}
              required
              rows={4}
              maxlength={2000}
            />
            <button type="submit" class="fr-btn fr-btn--secondary" safe>
              {t(locale, m.declineButton)}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
      {i.status === 'introduced' && i.introducedAt ? (
        <>
          <h3 class="fr-mt-4w" safe>
            {t(locale, m.sentMail)}
          </h3>
          <p safe>{t(locale, m.introducedTo, { date: formatDate(locale, i.introducedAt) })}</p>
          <p safe>{contactLine(i)}</p>
          <p>
            <strong safe>{i.mailSubject}</strong>
          </p>
          <Paragraphs text={i.mailBody} />
          {i.followedUpAt ? (
            <p class="fr-text--sm" safe>
              {t(locale, m.followedUpOn, { date: formatDate(locale, i.followedUpAt) })}
            </p>
          ) : i.followUpAt ? (
            <p class="fr-text--sm" safe>
              {t(locale, m.followUpOn, { date: formatDate(locale, i.followUpAt) })}
            </p>
          ) : (
            ''
          )}
          <h3 class="fr-mt-4w" safe>
            {t(locale, m.outcomes)}
          </h3>
          <Outcomes locale={locale} introduction={i} />
          <OutcomeForm
            ctx={ctx}
            action={`${spaceHref('staff', space.application.id, 'introductions')}/${i.id}/suites`}
            introduction={i}
            form={props.outcomeForm?.id === i.id ? props.outcomeForm.form : undefined}
            today={props.today}
          />
        </>
      ) : (
        ''
      )}
      {i.status === 'declined' ? (
        <>
          <p safe>{t(locale, m.declinedNote)}</p>
          <Paragraphs text={i.staffNote} />
        </>
      ) : (
        ''
      )}
    </SpacePage>
  );
}

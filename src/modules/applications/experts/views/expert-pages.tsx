import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, formatDateTime, type Locale, t } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  ButtonGroup,
  CsrfField,
  ErrorSummary,
  Input,
  Select,
  TextArea,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { AnswerMap, FormDefinition } from '../../form/model.js';
import { AnswerSummary } from '../../form/summary-view.js';
import { applicationMessages as m } from '../../messages.js';
import type { ApplicationRecord } from '../../queries.js';
import { EXPERT_OPINIONS, type ExpertRequestRecord, isOverdue, statusOf } from '../expert-opinions.js';
import { expertMessages as em } from '../messages.js';

function dueText(locale: Locale, dueOn: string): string {
  return formatDate(locale, new Date(`${dueOn}T12:00:00Z`));
}

function opinionOptions(locale: Locale) {
  return EXPERT_OPINIONS.map((o) => ({ value: o, label: t(locale, em[`opinion_${o}`]) }));
}

const STATUS_BADGE = {
  pending: 'fr-badge--info',
  answered: 'fr-badge--success',
  expired: 'fr-badge--warning',
} as const;

export interface RequestFormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

/** The request form (on the staff page, and alone on its page when it comes back with errors). */
function RequestForm({
  ctx,
  applicationId,
  state,
}: {
  ctx: ViewContext;
  applicationId: string;
  state: RequestFormState;
}): JSX.Element {
  const { locale } = ctx;
  const { values, errors } = state;
  return (
    <>
      <ErrorSummary
        locale={locale}
        errors={errors}
        labels={{
          expert_email: t(locale, em.expertEmail),
          question: t(locale, em.question),
          due_on: t(locale, em.dueOn),
        }}
      />
      <form method="post" action={`/admin/candidatures/${applicationId}/avis`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Input
          locale={locale}
          name="expert_email"
          type="email"
          autocomplete="off"
          label={t(locale, em.expertEmail)}
          value={values.expert_email ?? ''}
          error={errors.expert_email}
          required
        />
        <TextArea
          locale={locale}
          name="question"
          label={t(locale, em.question)}
          hint={t(locale, em.questionHint)}
          value={values.question ?? ''}
          error={errors.question}
          rows={4}
          required
        />
        <Input
          locale={locale}
          name="due_on"
          type="date"
          label={t(locale, em.dueOn)}
          hint={t(locale, em.dueOnHint)}
          value={values.due_on ?? ''}
          error={errors.due_on}
          required
        />
        <button type="submit" class="fr-btn" safe>
          {t(locale, em.send)}
        </button>
      </form>
    </>
  );
}

function RequestItem({
  locale,
  request,
  now,
}: {
  locale: Locale;
  request: ExpertRequestRecord;
  now: Date;
}): JSX.Element {
  const status = statusOf(request, now);
  return (
    <li class="fr-mb-2w">
      <p class="fr-mb-1v">
        <span class={`fr-badge fr-badge--sm ${STATUS_BADGE[status]}`} safe>
          {t(locale, em[`status_${status}`])}
        </span>{' '}
        {status === 'pending' && isOverdue(request, now) ? (
          <>
            <span class="fr-badge fr-badge--sm fr-badge--warning" safe>
              {t(locale, em.overdue)}
            </span>{' '}
          </>
        ) : (
          ''
        )}
        <span safe>
          {t(locale, em.requestedOn, {
            date: formatDateTime(locale, request.requestedAt),
            email: request.expertEmail,
            due: dueText(locale, request.dueOn),
          })}
        </span>
      </p>
      <p class="fr-mb-1v fr-text--sm" safe>{`${t(locale, em.question)} : ${request.question}`}</p>
      {request.opinion ? (
        <div class={request.submittedAt ? '' : 'fr-text--sm'}>
          <p class="fr-mb-1v" safe>
            {`${request.submittedAt ? t(locale, em.answeredOn, { date: formatDateTime(locale, request.submittedAt) }) : t(locale, em.draftOpinion)} · ${t(locale, em.opinion)} : ${t(locale, em[`opinion_${request.opinion}`])}`}
          </p>
          {request.comment ? <blockquote safe>{request.comment}</blockquote> : ''}
        </div>
      ) : (
        ''
      )}
    </li>
  );
}

/** The staff application page's section: requests with their status and opinions, and the request form. */
export function ExpertOpinionsSection({
  ctx,
  application,
  requests,
  now,
}: {
  ctx: ViewContext;
  application: ApplicationRecord;
  requests: ExpertRequestRecord[];
  /** The clock's time, against which a request's status (pending / expired) is judged. */
  now: Date;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <section aria-labelledby="experts-title" class="fr-my-4w">
      <h2 id="experts-title" class="fr-h4" safe>
        {t(locale, em.sectionTitle)}
      </h2>
      {requests.length === 0 ? (
        <p safe>{t(locale, em.none)}</p>
      ) : (
        <ul>
          {requests.map((request) => (
            <RequestItem locale={locale} request={request} now={now} />
          ))}
        </ul>
      )}
      <h3 class="fr-h6" safe>
        {t(locale, em.requestTitle)}
      </h3>
      {application.currentVersion > 0 ? (
        <RequestForm ctx={ctx} applicationId={application.id} state={{ values: {}, errors: {} }} />
      ) : (
        <p safe>{t(locale, em.requestNeedsSubmission)}</p>
      )}
    </section>
  );
}

/** /admin/candidatures/:id/avis: the request form alone, shown again with its errors. */
export function ExpertRequestPage({
  ctx,
  application,
  state,
  notice,
}: {
  ctx: ViewContext;
  application: ApplicationRecord;
  state: RequestFormState;
  notice?: string;
}): JSX.Element {
  const { locale } = ctx;
  const heading = application.title || t(locale, m.untitled);
  return (
    <Page ctx={ctx} title={`${t(locale, em.requestTitle)} - ${heading}`}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.adminTitle), href: '/admin/candidatures' },
            { label: heading, href: `/admin/candidatures/${application.id}` },
            { label: t(locale, em.requestTitle) },
          ]}
        />
        <h1 safe>{t(locale, em.requestTitle)}</h1>
        {notice ? <Alert kind="error" title={notice} /> : ''}
        {application.currentVersion > 0 ? (
          <RequestForm ctx={ctx} applicationId={application.id} state={state} />
        ) : (
          <p safe>{t(locale, em.requestNeedsSubmission)}</p>
        )}
      </div>
    </Page>
  );
}

export interface ExpertOpinionPageProps {
  ctx: ViewContext;
  token: string;
  title: string;
  request: ExpertRequestRecord;
  definition: FormDefinition;
  answers: AnswerMap;
  state: RequestFormState;
  notice?: { kind: 'success' | 'error'; text: string };
}

/** /avis/:token: the question, the submitted answers (read only) and the opinion form until it is sent. */
export function ExpertOpinionPage(props: ExpertOpinionPageProps): JSX.Element {
  const { ctx, request, state } = props;
  const { locale } = ctx;
  const heading = props.title || t(locale, m.untitled);
  const sent = request.submittedAt !== null;
  return (
    <Page ctx={ctx} title={t(locale, em.pageTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{`${t(locale, em.pageTitle)} : ${heading}`}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.text} /> : ''}
        <p safe>{t(locale, em.pageIntro)}</p>
        <p safe>{`${t(locale, em.question)} : ${request.question}`}</p>
        <p safe>{`${t(locale, em.dueOn)} : ${dueText(locale, request.dueOn)}`}</p>
        <section aria-labelledby="answers-title" class="fr-my-4w">
          <h2 id="answers-title" class="fr-h4" safe>
            {t(locale, em.answers)}
          </h2>
          <p class="fr-text--sm" safe>
            {t(locale, em.contactsHidden)}
          </p>
          <AnswerSummary locale={locale} definition={props.definition} answers={props.answers} />
        </section>
        <section aria-labelledby="opinion-title" class="fr-my-4w">
          <h2 id="opinion-title" class="fr-h4" safe>
            {t(locale, em.opinion)}
          </h2>
          {sent ? (
            <>
              <p safe>{t(locale, em.alreadySubmitted)}</p>
              <p
                safe
              >{`${t(locale, em.opinion)} : ${request.opinion ? t(locale, em[`opinion_${request.opinion}`]) : ''}`}</p>
              {request.comment ? <blockquote safe>{request.comment}</blockquote> : ''}
            </>
          ) : (
            <>
              <ErrorSummary
                locale={locale}
                errors={state.errors}
                labels={{ opinion: t(locale, em.opinion), comment: t(locale, em.comment) }}
              />
              <form method="post" action={`/avis/${props.token}`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <Select
                  locale={locale}
                  name="opinion"
                  label={t(locale, em.opinion)}
                  value={state.values.opinion ?? ''}
                  error={state.errors.opinion}
                  options={opinionOptions(locale)}
                  required
                />
                <TextArea
                  locale={locale}
                  name="comment"
                  label={t(locale, em.comment)}
                  hint={t(locale, em.commentHint)}
                  value={state.values.comment ?? ''}
                  error={state.errors.comment}
                  rows={8}
                />
                <ButtonGroup
                  name="action"
                  buttons={[
                    { value: 'save', label: t(locale, em.saveDraft), priority: 'secondary' },
                    { value: 'submit', label: t(locale, em.submitOpinion) },
                  ]}
                />
              </form>
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

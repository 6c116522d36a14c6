import type { FieldError } from '../../../../core/http/forms.js';
import { formatDateTime, t } from '../../../../core/i18n/i18n.js';
import { staticAsset } from '../../../../core/ui/assets.js';
import { Alert, Breadcrumb, ButtonGroup, CsrfField, ErrorSummary, Input } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { AnswerMap, FormDefinition } from '../../form/model.js';
import { type AttachedFileView, FormFields } from '../../form/render.js';
import { AnswerSummary } from '../../form/summary-view.js';
import type { ThreadMessage } from '../../instruction/queries.js';
import { ApplicantThreadSection } from '../../instruction/views/instruction-section.js';
import { applicationMessages as m } from '../../messages.js';
import type { ApplicationRecord, MemberRow } from '../../queries.js';
import { type ApplicationState, isEditable, nextStates } from '../../states.js';
import { fieldLabels, stateBadgeClass, stateLabel } from '../../views/text.js';

export interface ApplicationPageProps {
  ctx: ViewContext;
  application: ApplicationRecord;
  /** The name of the application's track, chosen once when the draft was created. */
  trackName: string;
  definition: FormDefinition;
  answers: AnswerMap;
  errors: Record<string, FieldError>;
  members: MemberRow[];
  isOwner: boolean;
  closesAt: Date;
  /** The answers may still be changed (editable state, and before the deadline once submitted). */
  editable: boolean;
  /** Submitting is still possible (editable and before the deadline). */
  canSubmit: boolean;
  idempotencyKey: string;
  notice?: { kind: 'success' | 'error' | 'info' | 'warning'; title: string; text?: string };
  inviteError?: FieldError;
  inviteValue?: string;
  /** The application's attached files, by stored file id. */
  files?: Record<string, AttachedFileView>;
  /** The message thread with the team (never the staff's private notes). */
  thread?: ThreadMessage[];
  /** Staff messages this person had not read before opening the page. */
  freshMessages?: Set<string>;
}

function Members(props: ApplicationPageProps): JSX.Element {
  const { ctx, application, members } = props;
  const { locale } = ctx;
  return (
    <section class="fr-mt-6w" aria-labelledby="members-title">
      <h2 id="members-title" class="fr-h4" safe>
        {t(locale, m.members)}
      </h2>
      <ul>
        {members.map((member) => (
          <li safe>
            {`${member.email} (${t(locale, member.role === 'owner' ? m.role_owner : m['role_co-applicant'])}${member.accepted ? '' : ` · ${t(locale, m.invitationPending)}`})`}
          </li>
        ))}
      </ul>
      {props.isOwner && props.editable ? (
        <form method="post" action={`/mes-candidatures/${application.id}/membres`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <p class="fr-hint-text" safe>
            {t(locale, m.membersHelp)}
          </p>
          <Input
            locale={locale}
            name="email"
            type="email"
            autocomplete="off"
            label={t(locale, m.inviteEmail)}
            value={props.inviteValue ?? ''}
            error={props.inviteError}
            required
          />
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.invite)}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

/** The selection decided on the application (its notice was sent): it can no longer be changed. */
function isDecided(state: ApplicationState): boolean {
  return state === 'laureate' || state === 'not_selected';
}

/** What the application's state means for the applicant and what comes next, with its receipt once submitted. */
function StateGuide(props: ApplicationPageProps): JSX.Element {
  const { ctx, application } = props;
  const { locale } = ctx;
  const state = application.state;
  const version = application.currentVersion;
  const text =
    state === 'submitted' && !props.editable
      ? m.guide_submittedClosed
      : m[`guide_${state}` as `guide_${ApplicationState}`];
  return (
    <div class="fr-callout fr-mb-4w" id="state-guide">
      <h2 class="fr-callout__title fr-h5" safe>
        {t(locale, m[`guideTitle_${state}` as `guideTitle_${ApplicationState}`], { version })}
      </h2>
      <p class="fr-callout__text" safe>
        {t(locale, text)}
      </p>
      {version > 0 && state !== 'submitted' ? <p safe>{t(locale, m.guideVersion, { version })}</p> : ''}
      {isDecided(state) ? (
        <p>
          <a class="fr-link" href={`/mes-candidatures/${application.id}/decision`} safe>
            {t(locale, m.decisionLink)}
          </a>
        </p>
      ) : (
        ''
      )}
      {version > 0 ? (
        <p>
          <a
            class="fr-link fr-icon-download-line fr-link--icon-left"
            href={`/mes-candidatures/${application.id}/recu.pdf`}
            safe
          >
            {t(locale, m.receipt)}
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

/** The errors in the order of the form's fields (the labels are in that order), so the summary reads as the form does. */
function inFormOrder(errors: Record<string, FieldError>, labels: Record<string, string>): Record<string, FieldError> {
  const order = Object.keys(labels);
  const rank = (field: string) => {
    const at = order.indexOf(field);
    return at < 0 ? order.length : at;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** /mes-candidatures/:id: the shared draft (or the submitted application) with its actions. */
export function ApplicationPage(props: ApplicationPageProps): JSX.Element {
  const { ctx, application, definition, answers, errors } = props;
  const { locale } = ctx;
  const labels = fieldLabels(locale, definition);
  const heading = application.title || t(locale, m.untitled);
  const saved = application.draftSavedAt
    ? t(locale, m.lastSaved, { time: formatDateTime(locale, application.draftSavedAt) })
    : t(locale, m.neverSaved);
  const fields = props.editable ? (
    <FormFields locale={locale} definition={definition} answers={answers} errors={errors} files={props.files} />
  ) : (
    ''
  );
  return (
    <Page
      ctx={ctx}
      title={heading}
      head={
        <>
          <script type="module" src={staticAsset('application-autosave.js')}></script>
          <script type="module" src={staticAsset('application-conditions.js')}></script>
        </>
      }
    >
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.myApplications), href: '/mes-candidatures' }, { label: heading }]}
        />
        <h1 safe>{heading}</h1>
        <p class={stateBadgeClass(application.state)} safe>
          {stateLabel(locale, application.state)}
        </p>
        <p safe>{`${t(locale, m.track)} : ${props.trackName}`}</p>
        {isEditable(application.state) ? (
          <p safe>{t(locale, m.deadline, { date: formatDateTime(locale, props.closesAt) })}</p>
        ) : (
          ''
        )}
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
        <StateGuide {...props} />
        <ErrorSummary locale={locale} errors={inFormOrder(errors, labels)} labels={labels} />
        {props.editable ? (
          <form
            method="post"
            action={`/mes-candidatures/${application.id}`}
            enctype="multipart/form-data"
            novalidate
            data-autosave
            data-save-failed={t(locale, m.saveFailed)}
          >
            {/* Multipart so file questions upload with the text; the CSRF token is the body's first field. */}
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="idempotency_key" value={props.idempotencyKey} />
            {fields}
            <p id="autosave-status" class="fr-text--sm" role="status" aria-live="polite" safe>
              {saved}
            </p>
            <ButtonGroup
              inline="md"
              buttons={[
                { label: t(locale, m.save), priority: 'secondary' },
                props.canSubmit && {
                  label: t(locale, application.currentVersion > 0 ? m.resubmit : m.submit),
                  formaction: `/mes-candidatures/${application.id}/soumettre`,
                },
              ]}
            />
          </form>
        ) : (
          <section aria-labelledby="answers-title" class="fr-my-4w">
            <h2 id="answers-title" class="fr-h4" safe>
              {t(locale, m.answers)}
            </h2>
            <AnswerSummary
              locale={locale}
              definition={definition}
              answers={answers}
              files={Object.fromEntries(
                Object.entries(props.files ?? {}).map(([id, file]) => [
                  id,
                  { name: file.name, href: file.href, detail: file.detail },
                ]),
              )}
            />
          </section>
        )}
        <Members {...props} />
        <ApplicantThreadSection
          ctx={ctx}
          applicationId={application.id}
          thread={props.thread}
          fresh={props.freshMessages}
        />
        {props.isOwner && nextStates(application.state, 'applicant').includes('withdrawn') ? (
          <form
            method="post"
            action={`/mes-candidatures/${application.id}/retirer`}
            class="fr-mt-6w"
            data-confirm={t(locale, m.withdrawConfirm)}
          >
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="fr-btn fr-btn--tertiary" safe>
              {t(locale, m.withdraw)}
            </button>
          </form>
        ) : (
          ''
        )}
      </div>
    </Page>
  );
}

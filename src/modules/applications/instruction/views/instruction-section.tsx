import type { FieldError } from '../../../../core/http/forms.js';
import { formatDateTime, type Locale, t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, CsrfField, ErrorSummary, Select, TextArea } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { applicationMessages as m } from '../../messages.js';
import type { StaffListRow } from '../../queries.js';
import { stateLabel } from '../../views/text.js';
import type { BatchOutcome } from '../batch-applications.js';
import { instructionMessages as im, instructionCounts } from '../messages.js';
import type { StaffNote, ThreadMessage } from '../queries.js';

/** A text typed in a textarea, one paragraph per line it was written on (escaped). */
function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line) => (
          <p class="fr-mb-1w" safe>
            {line}
          </p>
        ))}
    </>
  );
}

/** The thread, oldest first: who wrote (staff or applicant), when, and the text (escaped). */
function Thread({
  locale,
  thread,
  fresh,
}: {
  locale: Locale;
  thread: ThreadMessage[];
  fresh?: Set<string>;
}): JSX.Element {
  if (thread.length === 0) return <p safe>{t(locale, im.noMessages)}</p>;
  return (
    <ol class="fr-raw-list">
      {thread.map((message) => (
        <li class="fr-mb-2w">
          {fresh?.has(message.id) ? (
            <p class="fr-badge fr-badge--new fr-badge--sm fr-mb-1v" safe>
              {t(locale, im.newMessage)}
            </p>
          ) : (
            ''
          )}
          <p
            class="fr-text--sm fr-mb-0"
            safe
          >{`${message.fromStaff ? t(locale, im.fromStaff) : t(locale, im.fromApplicant)} · ${message.author} · ${formatDateTime(locale, message.at)}`}</p>
          <Paragraphs text={message.body} />
        </li>
      ))}
    </ol>
  );
}

/** A one-field form (message or note) with its error kept on the field. */
export function OneFieldForm(props: {
  locale: Locale;
  csrfToken?: string;
  action: string;
  name: 'body';
  label: string;
  hint: string;
  button: string;
  value?: string;
  error?: FieldError;
}): JSX.Element {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <TextArea
        locale={props.locale}
        name={props.name}
        label={props.label}
        hint={props.hint}
        value={props.value ?? ''}
        error={props.error}
        rows={4}
        required
      />
      <button type="submit" class="fr-btn fr-btn--secondary" safe>
        {props.button}
      </button>
    </form>
  );
}

export interface StaffInstructionData {
  thread: ThreadMessage[];
  notes: StaffNote[];
  /** Messages this staff member had not read before opening the page. */
  fresh?: Set<string>;
}

/** On the staff page: the thread with the applicants, a message form, and the private notes. */
export function StaffInstructionSection({
  ctx,
  applicationId,
  data,
}: {
  ctx: ViewContext;
  applicationId: string;
  data?: StaffInstructionData;
}): JSX.Element {
  if (!data) return '';
  const { locale } = ctx;
  return (
    <>
      <section aria-labelledby="messages-title" class="fr-my-4w">
        <h2 id="messages-title" class="fr-h4" safe>
          {t(locale, im.thread)}
        </h2>
        <Thread locale={locale} thread={data.thread} fresh={data.fresh} />
        <OneFieldForm
          locale={locale}
          csrfToken={ctx.csrfToken}
          action={`/admin/candidatures/${applicationId}/messages`}
          name="body"
          label={t(locale, im.message)}
          hint={t(locale, im.messageHint)}
          button={t(locale, im.send)}
        />
      </section>
      <section aria-labelledby="notes-title" class="fr-my-4w">
        <h2 id="notes-title" class="fr-h4" safe>
          {t(locale, im.notes)}
        </h2>
        {data.notes.length === 0 ? (
          <p safe>{t(locale, im.noNotes)}</p>
        ) : (
          <ul>
            {data.notes.map((note) => (
              <li>
                <p class="fr-text--sm fr-mb-0" safe>{`${note.author} · ${formatDateTime(locale, note.at)}`}</p>
                <Paragraphs text={note.body} />
              </li>
            ))}
          </ul>
        )}
        <OneFieldForm
          locale={locale}
          csrfToken={ctx.csrfToken}
          action={`/admin/candidatures/${applicationId}/notes`}
          name="body"
          label={t(locale, im.note)}
          hint={t(locale, im.notes)}
          button={t(locale, im.addNote)}
        />
      </section>
    </>
  );
}

/** On the applicant's page: the thread and a reply form (never the staff notes). */
export function ApplicantThreadSection({
  ctx,
  applicationId,
  thread,
  fresh,
}: {
  ctx: ViewContext;
  applicationId: string;
  thread?: ThreadMessage[];
  fresh?: Set<string>;
}): JSX.Element {
  if (!thread) return '';
  const { locale } = ctx;
  return (
    <section aria-labelledby="messages-title" class="fr-mt-6w">
      <h2 id="messages-title" class="fr-h4" safe>
        {t(locale, im.threadApplicant)}
      </h2>
      <Thread locale={locale} thread={thread} fresh={fresh} />
      <OneFieldForm
        locale={locale}
        csrfToken={ctx.csrfToken}
        action={`/mes-candidatures/${applicationId}/messages`}
        name="body"
        label={t(locale, im.message)}
        hint={t(locale, im.replyHint)}
        button={t(locale, im.send)}
      />
    </section>
  );
}

/** A form page shown again with its error (400) when a message or note was refused. */
export function OneFieldFormPage(props: {
  ctx: ViewContext;
  title: string;
  back: { label: string; href: string };
  form: Omit<Parameters<typeof OneFieldForm>[0], 'locale' | 'csrfToken'>;
}): JSX.Element {
  const { ctx } = props;
  const errors: Record<string, FieldError> = props.form.error ? { body: props.form.error } : {};
  return (
    <Page ctx={ctx} title={props.title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={ctx.locale}
          items={[{ label: props.back.label, href: props.back.href }, { label: props.title }]}
        />
        <h1 safe>{props.title}</h1>
        <ErrorSummary locale={ctx.locale} errors={errors} labels={{ body: props.form.label }} />
        <OneFieldForm locale={ctx.locale} csrfToken={ctx.csrfToken} {...props.form} />
      </div>
    </Page>
  );
}

export interface BatchFormProps {
  ctx: ViewContext;
  rows: Pick<StaffListRow, 'id' | 'title' | 'state'>[];
  values?: { action?: string; body?: string; ids?: string[] };
  errors?: Record<string, FieldError>;
  /** On the list page: the current filters as a query string, for acting on every result. */
  allResultsQuery?: string;
  /** On the list page the checkboxes are in the table's rows (`BatchRowCheckbox`), tied to this form by its id. */
  ticksInTable?: boolean;
}

/** The id of the batch form, which the table rows' checkboxes belong to through their `form` attribute. */
export const BATCH_FORM_ID = 'batch-form';

/** A table row's checkbox for the batch form below the table (DSFR table with selectable rows). */
export function BatchRowCheckbox({
  locale,
  index,
  id,
  title,
}: {
  locale: Locale;
  index: number;
  id: string;
  title: string;
}): JSX.Element {
  return (
    <div class="fr-checkbox-group fr-checkbox-group--sm">
      <input type="checkbox" id={`batch-${index}`} name="ids" value={id} form={BATCH_FORM_ID} />
      <label class="fr-label" for={`batch-${index}`}>
        <span class="fr-sr-only" safe>
          {t(locale, im.batchSelectRow, { title })}
        </span>
      </label>
    </div>
  );
}

/** The action to apply to many applications, and the message for the "send a message" action. */
export function BatchActionFields({
  locale,
  values,
  errors,
}: {
  locale: Locale;
  values?: { action?: string; body?: string };
  errors: Record<string, FieldError>;
}): JSX.Element {
  return (
    <>
      <Select
        locale={locale}
        name="action"
        label={t(locale, im.batchAction)}
        value={values?.action ?? ''}
        error={errors.action}
        options={[
          { value: 'instruction', label: t(locale, im.batchToInstruction) },
          { value: 'eligible', label: t(locale, im.batchEligible) },
          { value: 'message', label: t(locale, im.batchMessage) },
        ]}
      />
      <TextArea
        locale={locale}
        name="body"
        label={t(locale, im.batchBody)}
        value={values?.body ?? ''}
        error={errors.body}
        rows={3}
      />
    </>
  );
}

/** The ticked applications as a list of checkboxes (the refused batch's page, which has no table). */
function BatchTicks({
  locale,
  rows,
  ticked,
  error,
}: {
  locale: Locale;
  rows: BatchFormProps['rows'];
  ticked: Set<string>;
  error?: FieldError;
}): JSX.Element {
  return (
    <fieldset
      class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id="ids"
      {...(error ? { 'aria-describedby': 'ids-error' } : {})}
    >
      <legend class="fr-fieldset__legend" safe>
        {t(locale, im.batchSelect)}
      </legend>
      {rows.map((row, i) => (
        <div class="fr-fieldset__element">
          <div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`batch-${i}`} name="ids" value={row.id} checked={ticked.has(row.id)} />
            <label class="fr-label" for={`batch-${i}`} safe>
              {`${row.title || t(locale, m.untitled)} (${stateLabel(locale, row.state)})`}
            </label>
          </div>
        </div>
      ))}
      {error ? (
        <p id="ids-error" class="fr-error-text" safe>
          {t(locale, error.message, error.params)}
        </p>
      ) : (
        ''
      )}
    </fieldset>
  );
}

/** On the list page: tick applications in the table, choose an action, apply (a plain form, no script). */
export function BatchSection(props: BatchFormProps): JSX.Element {
  const { ctx, rows } = props;
  const { locale } = ctx;
  // On the list page an empty list has nothing to act on; a refused batch always shows its errors.
  if (rows.length === 0 && !props.errors) return '';
  const errors = props.errors ?? {};
  const ticked = new Set(props.values?.ids ?? []);
  return (
    <section aria-labelledby="batch-title" class="fr-my-4w">
      <h2 id="batch-title" class="fr-h4" safe>
        {t(locale, im.batchTitle)}
      </h2>
      <ErrorSummary
        locale={locale}
        errors={errors}
        labels={{ ids: t(locale, im.batchSelect), action: t(locale, im.batchAction), body: t(locale, im.batchBody) }}
      />
      <form method="post" action="/admin/candidatures/lot" id={BATCH_FORM_ID} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.ticksInTable ? (
          <p class="fr-hint-text" safe>
            {t(locale, im.batchTickHint)}
          </p>
        ) : (
          <BatchTicks locale={locale} rows={rows} ticked={ticked} error={errors.ids} />
        )}
        <BatchActionFields locale={locale} values={props.values} errors={errors} />
        <button type="submit" class="fr-btn" safe>
          {t(locale, im.batchApply)}
        </button>
      </form>
      {props.allResultsQuery !== undefined ? (
        <p class="fr-mt-2w">
          <a
            class="fr-link"
            href={`/admin/candidatures/lot/tous${props.allResultsQuery ? `?${props.allResultsQuery}` : ''}`}
            safe
          >
            {t(locale, im.batchAllLink)}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

/** The batch form shown again with its errors (400). */
export function BatchFormPage(props: BatchFormProps): JSX.Element {
  const { locale } = props.ctx;
  return (
    <Page ctx={props.ctx} title={t(locale, im.batchTitle)}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.adminTitle), href: '/admin/candidatures' }, { label: t(locale, im.batchTitle) }]}
        />
        <h1 safe>{t(locale, im.batchTitle)}</h1>
        <BatchSection {...props} />
        <a class="fr-link" href="/admin/candidatures" safe>
          {t(locale, im.backToList)}
        </a>
      </div>
    </Page>
  );
}

function refusalText(locale: Locale, refusal: BatchOutcome['refused'][number]): string {
  if (refusal.problem === 'not_found') return t(locale, im.refusedNotFound);
  if (refusal.problem === 'reason_required') return t(locale, im.refusedReason);
  return t(locale, im.refusedState, { state: refusal.state ? stateLabel(locale, refusal.state) : '' });
}

/** What a batch did and what it refused, with why. */
export function BatchResultPage({ ctx, outcome }: { ctx: ViewContext; outcome: BatchOutcome }): JSX.Element {
  const { locale } = ctx;
  const name = (item: { id: string; title: string }) =>
    item.title || (item.id.length === 36 ? t(locale, m.untitled) : item.id);
  return (
    <Page ctx={ctx} title={t(locale, im.batchResult)}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.adminTitle), href: '/admin/candidatures' },
            { label: t(locale, im.batchResult) },
          ]}
        />
        <h1 safe>{t(locale, im.batchResult)}</h1>
        <Alert
          kind={outcome.refused.length === 0 ? 'success' : 'warning'}
          title={`${tCount(locale, instructionCounts.batchDone, outcome.done.length)} · ${tCount(locale, instructionCounts.batchRefused, outcome.refused.length)}`}
        />
        <h2 class="fr-h5 fr-mt-4w" safe>
          {tCount(locale, instructionCounts.batchDone, outcome.done.length)}
        </h2>
        <ul>
          {outcome.done.map((item) => (
            <li>
              <a href={`/admin/candidatures/${item.id}`} safe>
                {name(item)}
              </a>
            </li>
          ))}
        </ul>
        <h2 class="fr-h5" safe>
          {tCount(locale, instructionCounts.batchRefused, outcome.refused.length)}
        </h2>
        <ul>
          {outcome.refused.map((item) => (
            <li safe>{`${name(item)} : ${refusalText(locale, item)}`}</li>
          ))}
        </ul>
        <a class="fr-link" href="/admin/candidatures" safe>
          {t(locale, im.backToList)}
        </a>
      </div>
    </Page>
  );
}

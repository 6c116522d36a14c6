import type { FieldError } from '../../../../core/http/forms.js';
import { formatDateTime, t } from '../../../../core/i18n/i18n.js';
import { dsfrAsset } from '../../../../core/ui/assets.js';
import {
  Alert,
  Breadcrumb,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Select,
  TextArea,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { EventQuestion } from '../../tables.js';
import { EVENT_KINDS } from '../event-input.js';
import { agendaMessages as m } from '../messages.js';
import { eventHref, STAFF_EVENTS_PATH, staffEventHref } from '../paths.js';
import type { EventRow } from '../places.js';
import type { EventDocument, PlaceCounts, RegistrationRow } from '../queries.js';
import { KIND_LABELS, STATUS_LABELS, whenText } from './common.js';

function staffCrumbs(locale: 'fr' | 'en', last?: { label: string; href?: string }[]) {
  return [{ label: t(locale, m.staffTitle), href: STAFF_EVENTS_PATH }, ...(last ?? [])];
}

/** Staff's list of every event, drafts included, with its registrations. */
export function StaffListPage(props: {
  ctx: ViewContext;
  events: { event: EventRow; counts: PlaceCounts }[];
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.staffTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.staffTitle)}</h1>
        <p>
          <a class="fr-btn fr-btn--icon-left fr-icon-add-line" href={`${STAFF_EVENTS_PATH}/nouveau`} safe>
            {t(locale, m.newEvent)}
          </a>
        </p>
        <DataTable
          caption={t(locale, m.staffTitle)}
          hiddenCaption
          columns={[
            t(locale, m.colTitle),
            t(locale, m.colDate),
            t(locale, m.colState),
            t(locale, m.colRegistered),
            t(locale, m.colWaiting),
          ]}
        >
          {props.events.map(({ event: e, counts }) => (
            <tr>
              <td>
                <a href={staffEventHref(e.id)} safe>
                  {e.title}
                </a>
              </td>
              <td safe>{formatDateTime(locale, e.starts_at)}</td>
              <td safe>{t(locale, e.cancelled_at ? m.cancelledBadge : e.published ? m.published : m.draftBadge)}</td>
              <td safe>{e.capacity === null ? String(counts.registered) : `${counts.registered} / ${e.capacity}`}</td>
              <td safe>{String(counts.waiting + counts.offered)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Page>
  );
}

export interface EventFormData {
  event: { id: string; title: string; version: number } | null;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  laureates: { id: string; label: string }[];
  commons: { id: string; label: string }[];
  stale?: boolean;
}

function Choices(props: {
  name: string;
  legend: string;
  items: { id: string; label: string }[];
  chosen: string;
}): JSX.Element {
  if (props.items.length === 0) return '';
  const chosen = new Set(props.chosen.split(',').filter(Boolean));
  return (
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend" safe>
        {props.legend}
      </legend>
      {props.items.map((item) => (
        <div class="fr-fieldset__element">
          <div class="fr-checkbox-group">
            <input
              type="checkbox"
              id={`${props.name}-${item.id}`}
              name={props.name}
              value={item.id}
              checked={chosen.has(item.id)}
            />
            <label class="fr-label" for={`${props.name}-${item.id}`} safe>
              {item.label}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** Creating or editing an event. */
export function EventFormPage({ ctx, data }: { ctx: ViewContext; data: EventFormData }): JSX.Element {
  const { locale } = ctx;
  const v = data.values;
  const e = data.errors;
  const title = data.event ? t(locale, m.editEvent) : t(locale, m.newEvent);
  const labels: Record<string, string> = {
    title: t(locale, m.fieldTitle),
    description: t(locale, m.fieldDescription),
    kind: t(locale, m.fieldKind),
    place: t(locale, m.fieldPlace),
    accessibility: t(locale, m.fieldAccessibility),
    online_link: t(locale, m.fieldOnlineLink),
    starts_at: t(locale, m.fieldStart),
    ends_at: t(locale, m.fieldEnd),
    capacity: t(locale, m.fieldCapacity),
    registration_opens_at: t(locale, m.fieldOpens),
    registration_closes_at: t(locale, m.fieldCloses),
    offer_hours: t(locale, m.fieldOfferHours),
    questions: t(locale, m.fieldQuestions),
  };
  const action = data.event ? `${staffEventHref(data.event.id)}/modifier` : `${STAFF_EVENTS_PATH}/nouveau`;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={staffCrumbs(
            locale,
            data.event
              ? [{ label: data.event.title, href: staffEventHref(data.event.id) }, { label: title }]
              : [{ label: title }],
          )}
        />
        <h1 safe>{title}</h1>
        {data.stale ? <Alert kind="error" title={t(locale, m.stale)} /> : ''}
        <ErrorSummary locale={locale} errors={e} labels={labels} />
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="version" value={String(data.event?.version ?? 0)} />
          <Input
            locale={locale}
            name="title"
            label={labels.title}
            value={v.title}
            error={e.title}
            required
            maxlength={200}
          />
          <TextArea
            locale={locale}
            name="description"
            label={labels.description}
            hint={t(locale, m.markdownHint)}
            value={v.description}
            error={e.description}
            rows={10}
          />
          <Select
            locale={locale}
            name="kind"
            label={labels.kind}
            value={v.kind}
            error={e.kind}
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(locale, KIND_LABELS[k]) }))}
          />
          <Input locale={locale} name="place" label={labels.place} value={v.place} error={e.place} maxlength={500} />
          <TextArea
            locale={locale}
            name="accessibility"
            label={labels.accessibility}
            hint={t(locale, m.accessibilityHint)}
            value={v.accessibility}
            error={e.accessibility}
            rows={3}
          />
          <Input
            locale={locale}
            name="online_link"
            type="url"
            label={labels.online_link}
            hint={t(locale, m.onlineLinkHint)}
            value={v.online_link}
            error={e.online_link}
          />
          <Input
            locale={locale}
            name="starts_at"
            type="datetime-local"
            label={labels.starts_at}
            hint={t(locale, m.dateTimeHint)}
            value={v.starts_at}
            error={e.starts_at}
            required
          />
          <Input
            locale={locale}
            name="ends_at"
            type="datetime-local"
            label={labels.ends_at}
            hint={t(locale, m.dateTimeHint)}
            value={v.ends_at}
            error={e.ends_at}
            required
          />
          <Input
            locale={locale}
            name="capacity"
            type="number"
            label={labels.capacity}
            hint={t(locale, m.capacityHint)}
            value={v.capacity}
            error={e.capacity}
          />
          <Input
            locale={locale}
            name="registration_opens_at"
            type="datetime-local"
            label={labels.registration_opens_at}
            hint={t(locale, m.opensHint)}
            value={v.registration_opens_at}
            error={e.registration_opens_at}
          />
          <Input
            locale={locale}
            name="registration_closes_at"
            type="datetime-local"
            label={labels.registration_closes_at}
            hint={t(locale, m.closesHint)}
            value={v.registration_closes_at}
            error={e.registration_closes_at}
          />
          <Input
            locale={locale}
            name="offer_hours"
            type="number"
            label={labels.offer_hours}
            value={v.offer_hours}
            error={e.offer_hours}
          />
          <TextArea
            locale={locale}
            name="questions"
            label={labels.questions}
            hint={t(locale, m.questionsHint)}
            value={v.questions}
            error={e.questions}
            rows={4}
          />
          <Choices
            name="laureates"
            legend={t(locale, m.fieldLaureates)}
            items={data.laureates}
            chosen={v.laureates ?? ''}
          />
          <Choices name="commons" legend={t(locale, m.fieldCommons)} items={data.commons} chosen={v.commons ?? ''} />
          <Checkbox name="published" label={t(locale, m.fieldPublished)} checked={v.published === 'on'} />
          <button type="submit" class="fr-btn fr-mt-2w" safe>
            {t(locale, m.save)}
          </button>
        </form>
      </div>
    </Page>
  );
}

function answersText(questions: EventQuestion[], answers: Record<string, string>): string {
  return questions
    .filter((q) => answers[q.id])
    .map((q) => `${q.label} : ${answers[q.id]}`)
    .join(' ; ');
}

/** Staff's record of an event: its registrations, the waiting list, the cancellation and the report's door. */
export function StaffEventPage(props: {
  ctx: ViewContext;
  event: EventRow;
  questions: EventQuestion[];
  registrations: RegistrationRow[];
  notice?: string;
  cancelForm?: { value: string; error?: FieldError };
}): JSX.Element {
  const { ctx, event: e } = props;
  const { locale } = ctx;
  const registered = props.registrations.filter((r) => r.status === 'registered');
  const waiting = props.registrations.filter((r) => r.status === 'waiting' || r.status === 'offered');
  const pending = props.registrations.filter((r) => r.status === 'pending');
  return (
    <Page ctx={ctx} title={e.title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb locale={locale} items={staffCrumbs(locale, [{ label: e.title }])} />
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        <h1 safe>{e.title}</h1>
        <p safe>{whenText(locale, e.starts_at, e.ends_at)}</p>
        <p safe>
          {`${t(locale, KIND_LABELS[e.kind])} · ${t(locale, e.cancelled_at ? m.cancelledBadge : e.published ? m.published : m.draftBadge)}`}
        </p>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          <li>
            <a class="fr-btn" href={`${staffEventHref(e.id)}/modifier`} safe>
              {t(locale, m.editEvent)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={eventHref(e.id)} safe>
              {t(locale, m.seePublicPage)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={`${staffEventHref(e.id)}/inscriptions.csv`} safe>
              {t(locale, m.exportCsv)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={`${staffEventHref(e.id)}/emargement`} safe>
              {t(locale, m.checkIn)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={`${staffEventHref(e.id)}/compte-rendu`} safe>
              {t(locale, m.editReport)}
            </a>
          </li>
        </ul>
        <h2
          safe
        >{`${t(locale, m.attendees)} (${registered.length}${e.capacity === null ? '' : ` / ${e.capacity}`})`}</h2>
        {registered.length === 0 ? (
          <p safe>{t(locale, m.noAttendees)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.attendees)}
            hiddenCaption
            columns={[t(locale, m.colName), t(locale, m.colEmail), t(locale, m.colRegisteredAt), t(locale, m.answers)]}
          >
            {registered.map((r) => (
              <tr>
                <td safe>{r.name}</td>
                <td safe>{r.email}</td>
                <td>{r.confirmedAt ? formatDateTime(locale, r.confirmedAt) : ''}</td>
                <td safe>{answersText(props.questions, r.answers)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <h2 safe>{`${t(locale, m.waitingList)} (${waiting.length})`}</h2>
        {waiting.length === 0 ? (
          <p safe>{t(locale, m.noWaiting)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.waitingList)}
            hiddenCaption
            columns={[
              t(locale, m.colPosition),
              t(locale, m.colName),
              t(locale, m.colEmail),
              t(locale, m.colStatus),
              t(locale, m.colOfferUntil),
            ]}
          >
            {waiting.map((r, i) => (
              <tr>
                <td safe>{String(i + 1)}</td>
                <td safe>{r.name}</td>
                <td safe>{r.email}</td>
                <td safe>{t(locale, STATUS_LABELS[r.status])}</td>
                <td>{r.offerExpiresAt ? formatDateTime(locale, r.offerExpiresAt) : ''}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {pending.length > 0 ? (
          <>
            <h2 safe>{`${t(locale, m.pendingList)} (${pending.length})`}</h2>
            <ul>
              {pending.map((r) => (
                <li safe>{`${r.name} <${r.email}>`}</li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        {e.cancelled_at ? (
          ''
        ) : (
          <section class="fr-mt-6w">
            <h2 safe>{t(locale, m.cancelEvent)}</h2>
            <form method="post" action={`${staffEventHref(e.id)}/annuler`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextArea
                locale={locale}
                name="reason"
                label={t(locale, m.cancelReason)}
                hint={t(locale, m.cancelHint)}
                value={props.cancelForm?.value}
                error={props.cancelForm?.error}
                required
                rows={3}
              />
              <button type="submit" class="fr-btn fr-btn--tertiary" safe>
                {t(locale, m.cancelEvent)}
              </button>
            </form>
          </section>
        )}
      </div>
    </Page>
  );
}

/** The closing report's form: who came, a number, the minutes, the documents. */
export function ReportPage(props: {
  ctx: ViewContext;
  event: EventRow;
  registered: RegistrationRow[];
  documents: EventDocument[];
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  notice?: string;
}): JSX.Element {
  const { ctx, event: e } = props;
  const { locale } = ctx;
  const title = t(locale, m.editReport);
  return (
    <Page ctx={ctx} title={`${title} — ${e.title}`}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={staffCrumbs(locale, [{ label: e.title, href: staffEventHref(e.id) }, { label: title }])}
        />
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.reportHint)}</p>
        <ErrorSummary
          locale={locale}
          errors={props.errors}
          labels={{
            attendance: t(locale, m.fieldAttendance),
            minutes: t(locale, m.fieldMinutes),
            title: t(locale, m.documentTitle),
            file: t(locale, m.documentFile),
          }}
        />
        <form method="post" action={`${staffEventHref(e.id)}/compte-rendu`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          {props.registered.length > 0 ? (
            <fieldset class="fr-fieldset">
              <legend class="fr-fieldset__legend" safe>
                {t(locale, m.attendance)}
              </legend>
              {props.registered.map((r) => (
                <div class="fr-fieldset__element">
                  <div class="fr-checkbox-group">
                    <input type="checkbox" id={`came-${r.id}`} name="attended" value={r.id} checked={r.attended} />
                    <label class="fr-label" for={`came-${r.id}`} safe>
                      {r.name}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
          ) : (
            ''
          )}
          <Input
            locale={locale}
            name="attendance"
            type="number"
            label={t(locale, m.fieldAttendance)}
            hint={t(locale, m.attendanceHint)}
            value={props.values.attendance}
            error={props.errors.attendance}
          />
          <TextArea
            locale={locale}
            name="minutes"
            label={t(locale, m.fieldMinutes)}
            hint={t(locale, m.markdownHint)}
            value={props.values.minutes}
            error={props.errors.minutes}
            rows={12}
          />
          <Checkbox name="publish" label={t(locale, m.fieldReportPublished)} checked={props.values.publish === 'on'} />
          <button type="submit" class="fr-btn fr-mt-2w" safe>
            {t(locale, m.save)}
          </button>
        </form>
        <h2 class="fr-mt-6w" safe>
          {t(locale, m.documents)}
        </h2>
        {props.documents.length === 0 ? (
          <p safe>{t(locale, m.noDocuments)}</p>
        ) : (
          <ul>
            {props.documents.map((d) => (
              <li>
                <a href={`${eventHref(e.id)}/documents/${d.id}`} safe>
                  {d.title}
                </a>
                <form
                  method="post"
                  action={`${staffEventHref(e.id)}/documents/${d.id}/retirer`}
                  class="fr-display-inline"
                >
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" safe>
                    {`${t(locale, m.remove)} « ${d.title} »`}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={`${staffEventHref(e.id)}/documents`} enctype="multipart/form-data">
          <CsrfField token={ctx.csrfToken} />
          <h3 class="fr-h6" safe>
            {t(locale, m.addDocument)}
          </h3>
          <Input
            locale={locale}
            name="title"
            label={t(locale, m.documentTitle)}
            value={props.values.title}
            error={props.errors.title}
            required
            maxlength={200}
          />
          <div class={`fr-upload-group${props.errors.file ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for="file">
              <span safe>{t(locale, m.documentFile)}</span>
              <span class="fr-hint-text" safe>
                {t(locale, m.documentHint)}
              </span>
            </label>
            <input class="fr-upload" type="file" id="file" name="file" />
            {props.errors.file ? (
              <p class="fr-error-text" safe>
                {t(locale, props.errors.file.message, props.errors.file.params)}
              </p>
            ) : (
              ''
            )}
          </div>
          <button type="submit" class="fr-btn fr-btn--secondary fr-mt-2w" safe>
            {t(locale, m.addDocument)}
          </button>
        </form>
      </div>
    </Page>
  );
}

/** The printable check-in list: a plain page (no site header), one line per registered person with a box to tick. */
export function CheckInPage(props: {
  ctx: ViewContext;
  event: EventRow;
  questions: EventQuestion[];
  registered: RegistrationRow[];
}): JSX.Element {
  const { ctx, event: e } = props;
  const { locale } = ctx;
  const title = `${t(locale, m.checkIn)} — ${e.title}`;
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{title}</title>
          <link rel="stylesheet" href={dsfrAsset('dsfr.min.css')} />
        </head>
        <body>
          <main class="fr-container fr-my-4w">
            <p class="fr-no-print">
              <a class="fr-link" href={staffEventHref(e.id)} safe>
                {e.title}
              </a>
            </p>
            <h1 class="fr-h3" safe>
              {title}
            </h1>
            <p safe>{`${whenText(locale, e.starts_at, e.ends_at)}${e.place ? ` — ${e.place}` : ''}`}</p>
            <div class="fr-table fr-table--bordered">
              <table>
                <caption class="fr-sr-only" safe>
                  {title}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" safe>
                      {t(locale, m.colArrived)}
                    </th>
                    <th scope="col" safe>
                      {t(locale, m.colName)}
                    </th>
                    {props.questions.map((q) => (
                      <th scope="col" safe>
                        {q.label}
                      </th>
                    ))}
                    <th scope="col" safe>
                      {t(locale, m.colSignature)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {props.registered.map((r) => (
                    <tr>
                      <td>
                        <span aria-hidden="true">☐</span>
                      </td>
                      <td safe>{r.name}</td>
                      {props.questions.map((q) => (
                        <td safe>{r.answers[q.id] ?? ''}</td>
                      ))}
                      <td></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </main>
        </body>
      </html>
    </>
  );
}

import type Html from '@kitajs/html';
import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, ErrorSummary, Input, Pagination, Select } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { MAIL_STATUSES, type MailListRow } from '../admin-queries.js';
import type { ReadableSummary } from '../audit-summary.js';
import { adminCounts, adminMessages as m } from '../messages.js';
import { crumbs } from './admin.js';

/** The filters of a list as typed (the query string's fields), their errors, and the link of a page keeping them. */
export interface Filters {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

/** The query string of the filters that hold a value, with `extra` (the page) appended. */
export function filterQuery(values: Record<string, string>, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function PeriodFields({ locale, filters }: { locale: Locale; filters: Filters }): JSX.Element {
  return (
    <>
      <div class="fr-col-12 fr-col-sm-6 fr-col-md-3">
        <Input
          locale={locale}
          type="date"
          name="du"
          label={t(locale, m.from)}
          hint={t(locale, m.dayHint)}
          value={filters.values.du}
          error={filters.errors.du}
        />
      </div>
      <div class="fr-col-12 fr-col-sm-6 fr-col-md-3">
        <Input
          locale={locale}
          type="date"
          name="au"
          label={t(locale, m.to)}
          hint={t(locale, m.dayHint)}
          value={filters.values.au}
          error={filters.errors.au}
        />
      </div>
    </>
  );
}

/** A search form sent with GET (works without JavaScript; its URL can be kept or shared). */
function FilterForm({
  locale,
  action,
  filters,
  labels,
  children,
}: {
  locale: Locale;
  action: string;
  filters: Filters;
  labels: Record<string, string>;
  children: Html.Children;
}): JSX.Element {
  const active = Object.values(filters.values).some(Boolean);
  return (
    <>
      <ErrorSummary locale={locale} errors={filters.errors} labels={labels} />
      <form method="get" action={action} role="search" class="fr-mb-4w" aria-label={t(locale, m.filters)}>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend" safe>
            {t(locale, m.filters)}
          </legend>
          <div class="fr-grid-row fr-grid-row--gutters acc-fieldset-content">
            {children}
            <PeriodFields locale={locale} filters={filters} />
          </div>
        </fieldset>
        <ul class="fr-btns-group fr-btns-group--inline-sm">
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" safe>
              {t(locale, m.filter)}
            </button>
          </li>
          {active ? (
            <li>
              <a class="fr-btn fr-btn--tertiary" href={action} safe>
                {t(locale, m.clearFilters)}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </form>
    </>
  );
}

export function statusText(locale: Locale, status: MailListRow['status']): string {
  return t(
    locale,
    { queued: m.statusQueued, sent: m.statusSent, stored: m.statusStored, failed: m.statusFailed }[status],
  );
}

export function MailsPage({
  ctx,
  mails,
  total,
  page,
  pages,
  filters,
}: {
  ctx: ViewContext;
  mails: MailListRow[];
  total: number;
  page: number;
  pages: number;
  filters: Filters;
}): JSX.Element {
  const { locale } = ctx;
  const labels = {
    destinataire: t(locale, m.recipient),
    objet: t(locale, m.subject),
    statut: t(locale, m.status),
    du: t(locale, m.from),
    au: t(locale, m.to),
  };
  const filtered = Object.values(filters.values).some(Boolean);
  return (
    <Page ctx={ctx} title={t(locale, m.mails)}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.mails) })}
        <h1 safe>{t(locale, m.mails)}</h1>
        <FilterForm locale={locale} action="/admin/courriels" filters={filters} labels={labels}>
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="destinataire"
              label={labels.destinataire}
              hint={t(locale, m.containsHint)}
              value={filters.values.destinataire}
              error={filters.errors.destinataire}
              maxlength={254}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="objet"
              label={labels.objet}
              hint={t(locale, m.containsHint)}
              value={filters.values.objet}
              error={filters.errors.objet}
              maxlength={200}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Select
              locale={locale}
              name="statut"
              label={labels.statut}
              value={filters.values.statut ?? ''}
              error={filters.errors.statut}
              options={[
                { value: '', label: t(locale, m.anyStatus) },
                ...MAIL_STATUSES.map((s) => ({ value: s, label: statusText(locale, s) })),
              ]}
            />
          </div>
        </FilterForm>
        {mails.length === 0 ? (
          <p safe>{t(locale, filtered ? m.noMailMatches : m.noMail)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.mailsFound, { n: total })}
            columns={[
              t(locale, m.date),
              t(locale, m.recipient),
              t(locale, m.subject),
              t(locale, m.template),
              t(locale, m.status),
            ]}
          >
            {mails.map((mail) => (
              <tr>
                <td safe>{formatDateTime(locale, mail.createdAt)}</td>
                <td safe>{mail.to}</td>
                <td>
                  <a href={`/admin/courriels/${mail.id}`} safe>
                    {mail.subject}
                  </a>
                </td>
                <td safe>{mail.template}</td>
                <td safe>{statusText(locale, mail.status)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination
          locale={locale}
          page={page}
          pages={pages}
          href={(n) => `/admin/courriels${filterQuery(filters.values, { page: n })}`}
        />
      </div>
    </Page>
  );
}

export function MailPage({
  ctx,
  mail,
  notice,
}: {
  ctx: ViewContext;
  mail: MailListRow & { text: string; error: string | null; sentAt: Date | null };
  notice?: string;
}): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.mailTitle, { subject: mail.subject });
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.mails), href: '/admin/courriels' }, { label: mail.subject })}
        <h1 safe>{title}</h1>
        {notice ? <Alert kind="success" title={notice} /> : ''}
        <dl>
          <dt safe>{t(locale, m.recipient)}</dt>
          <dd safe>{mail.to}</dd>
          <dt safe>{t(locale, m.date)}</dt>
          <dd safe>{formatDateTime(locale, mail.createdAt)}</dd>
          <dt safe>{t(locale, m.template)}</dt>
          <dd safe>{mail.template}</dd>
          <dt safe>{t(locale, m.status)}</dt>
          <dd safe>{statusText(locale, mail.status)}</dd>
          {mail.error ? (
            <>
              <dt safe>{t(locale, m.error)}</dt>
              <dd safe>{mail.error}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
        <h2 class="fr-mt-4w" safe>
          {t(locale, m.textBody)}
        </h2>
        <p class="fr-text--sm" safe>
          {t(locale, m.linksMasked)}
        </p>
        <pre class="fr-p-2w acc-mail-text" safe>
          {mail.text}
        </pre>
        <form method="post" action={`/admin/courriels/${mail.id}/renvoyer`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.resendMail, { to: mail.to })}
          </button>
        </form>
      </div>
    </Page>
  );
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  /** The names of the fields the event changed or records, for a glance; the event's page shows them. */
  fields: string;
}

export interface JournalProps {
  ctx: ViewContext;
  events: AuditRow[];
  olderThan: number | null;
  isNewest: boolean;
  filters: Filters;
  verification?: { checked: number; problems: { seq: number; problem: string }[] };
}

export function JournalPage({ ctx, events, olderThan, isNewest, filters, verification }: JournalProps): JSX.Element {
  const { locale } = ctx;
  const labels = {
    acteur: t(locale, m.actor),
    action: t(locale, m.action),
    type: t(locale, m.subjectType),
    du: t(locale, m.from),
    au: t(locale, m.to),
  };
  const filtered = Object.values(filters.values).some(Boolean);
  return (
    <Page ctx={ctx} title={t(locale, m.journal)}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.journal) })}
        <h1 safe>{t(locale, m.journal)}</h1>
        {verification ? (
          verification.problems.length === 0 ? (
            <Alert kind="success" title={tCount(locale, adminCounts.chainOk, verification.checked)} />
          ) : (
            <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
              <h2 class="fr-alert__title" safe>
                {tCount(locale, adminCounts.chainBroken, verification.problems.length)}
              </h2>
              <ul>
                {verification.problems.map((p) => (
                  <li safe>{t(locale, m.chainProblem, { seq: p.seq, problem: p.problem })}</li>
                ))}
              </ul>
            </div>
          )
        ) : (
          ''
        )}
        <form method="get" action="/admin/journal/verification" class="fr-mb-4w">
          <button class="fr-btn fr-btn--secondary" type="submit" safe>
            {t(locale, m.verify)}
          </button>
        </form>
        <FilterForm locale={locale} action="/admin/journal" filters={filters} labels={labels}>
          <div class="fr-col-12 fr-col-md-4">
            <Input
              locale={locale}
              name="acteur"
              label={labels.acteur}
              hint={t(locale, m.actorHint)}
              value={filters.values.acteur}
              error={filters.errors.acteur}
              maxlength={254}
            />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <Input
              locale={locale}
              name="action"
              label={labels.action}
              hint={t(locale, m.actionHint)}
              value={filters.values.action}
              error={filters.errors.action}
              maxlength={100}
            />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <Input
              locale={locale}
              name="type"
              label={labels.type}
              hint={t(locale, m.subjectTypeHint)}
              value={filters.values.type}
              error={filters.errors.type}
              maxlength={100}
            />
          </div>
        </FilterForm>
        {events.length === 0 ? (
          <p safe>{t(locale, filtered ? m.noEventMatches : m.noEvent)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.journalCaption)}
            columns={[
              t(locale, m.seq),
              t(locale, m.date),
              t(locale, m.actor),
              t(locale, m.action),
              t(locale, m.subjectCol),
              t(locale, m.summary),
            ]}
          >
            {events.map((e) => (
              <tr>
                <td>
                  <a href={`/admin/journal/${e.seq}`} title={t(locale, m.eventLink, { seq: e.seq })} safe>
                    {String(e.seq)}
                  </a>
                </td>
                <td safe>{formatDateTime(locale, e.at)}</td>
                <td safe>{e.actor}</td>
                <td safe>{e.action}</td>
                <td safe>{e.subject}</td>
                <td safe>{e.fields}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <ul class="fr-btns-group fr-btns-group--inline fr-mt-2w">
          {isNewest ? (
            ''
          ) : (
            <li>
              <a class="fr-btn fr-btn--tertiary" href={`/admin/journal${filterQuery(filters.values)}`} safe>
                {t(locale, m.newest)}
              </a>
            </li>
          )}
          {olderThan ? (
            <li>
              <a
                class="fr-btn fr-btn--tertiary"
                href={`/admin/journal${filterQuery(filters.values, { avant: olderThan })}`}
                safe
              >
                {t(locale, m.older)}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </div>
    </Page>
  );
}

export interface AuditEventView {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  readable: ReadableSummary;
  raw: string;
  hash: string;
  prevHash: string;
}

function Shown({ locale, text }: { locale: Locale; text: string }): JSX.Element {
  return text === '' ? (
    <span class="fr-text-mention--grey" safe>
      {t(locale, m.empty)}
    </span>
  ) : (
    <span class="acc-command" safe>
      {text}
    </span>
  );
}

/** /admin/journal/:seq: who did what, when, and what changed (before → after); the stored JSON folded below. */
export function AuditEventPage({ ctx, event }: { ctx: ViewContext; event: AuditEventView }): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.eventTitle, { seq: event.seq });
  const { changes, details } = event.readable;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-7w">
        {crumbs(locale, { label: t(locale, m.journal), href: '/admin/journal' }, { label: title })}
        <h1 safe>{title}</h1>
        <dl>
          <dt safe>{t(locale, m.who)}</dt>
          <dd safe>{event.actor}</dd>
          <dt safe>{t(locale, m.what)}</dt>
          <dd>
            <code safe>{event.action}</code>
            {' — '}
            <span class="acc-command" safe>
              {event.subject}
            </span>
          </dd>
          <dt safe>{t(locale, m.when)}</dt>
          <dd safe>{formatDateTime(locale, event.at)}</dd>
        </dl>
        {changes.length > 0 ? (
          <>
            <h2 class="fr-mt-4w" safe>
              {t(locale, m.changesTitle)}
            </h2>
            <DataTable
              caption={t(locale, m.changesCaption)}
              hiddenCaption
              columns={[t(locale, m.field), t(locale, m.before), t(locale, m.after)]}
            >
              {changes.map((c) => (
                <tr>
                  <td>
                    <code safe>{c.field || t(locale, m.value)}</code>
                  </td>
                  <td>
                    <Shown locale={locale} text={c.before} />
                  </td>
                  <td>
                    <Shown locale={locale} text={c.after} />
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          ''
        )}
        <h2 class="fr-mt-4w" safe>
          {t(locale, m.detailsTitle)}
        </h2>
        {details.length === 0 ? (
          <p safe>{t(locale, m.noDetail)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.detailsCaption)}
            hiddenCaption
            columns={[t(locale, m.field), t(locale, m.value)]}
          >
            {details.map((d) => (
              <tr>
                <td>
                  <code safe>{d.field || t(locale, m.value)}</code>
                </td>
                <td>
                  <Shown locale={locale} text={d.value} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <h2 class="fr-mt-4w" safe>
          {t(locale, m.chainTitle)}
        </h2>
        <dl>
          <dt safe>{t(locale, m.hash)}</dt>
          <dd>
            <code class="acc-command" safe>
              {event.hash}
            </code>
          </dd>
          <dt safe>{t(locale, m.prevHash)}</dt>
          <dd>
            <code class="acc-command" safe>
              {event.prevHash}
            </code>
          </dd>
        </dl>
        <details class="fr-mt-4w">
          <summary safe>{t(locale, m.rawSummary)}</summary>
          <pre class="fr-p-2w acc-mail-text" safe>
            {event.raw}
          </pre>
        </details>
        <p class="fr-mt-4w">
          <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/admin/journal" safe>
            {t(locale, m.backToJournal)}
          </a>
        </p>
      </div>
    </Page>
  );
}

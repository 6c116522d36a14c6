import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { Deliberation } from '../deliberation.js';
import { noticeMessages as m } from '../notice-messages.js';
import type { DecisionRow, NoticeRow } from '../notice-queries.js';

export interface PageNotice {
  kind: 'success' | 'error' | 'info' | 'warning';
  title: string;
}

export const outboxPath = (seasonId: string) => `/admin/decisions/${seasonId}/notifications`;

export function kindLabel(locale: Locale, kind: string): string {
  const message = (m as Record<string, { fr: string; en: string }>)[`kind_${kind}`];
  return message ? t(locale, message) : kind;
}

function Crumbs({ ctx, seasonName }: { ctx: ViewContext; seasonName: string }) {
  const { locale } = ctx;
  return (
    <Breadcrumb
      locale={locale}
      items={[
        { label: t(locale, m.administration), href: '/admin' },
        { label: t(locale, m.decisions), href: '/admin/decisions' },
        { label: `${t(locale, m.outboxTitle)} – ${seasonName}` },
      ]}
    />
  );
}

export interface OutboxProps {
  ctx: ViewContext;
  season: { id: string; name: string };
  deliberation: Deliberation | null;
  notices: NoticeRow[];
  decisions: DecisionRow[];
  titles: Map<string, string>;
  notice?: PageNotice;
  settings?: { values: Record<string, string>; errors: Record<string, FieldError> };
}

function answerText(locale: Locale, d: DecisionRow): string {
  if (d.confirmedAt) return t(locale, m.answerConfirmed, { date: formatDateTime(locale, d.confirmedAt) });
  if (d.declinedAt) return t(locale, m.answerDeclined, { date: formatDateTime(locale, d.declinedAt) });
  if (d.lapsedAt) return t(locale, m.answerLapsed, { date: formatDateTime(locale, d.lapsedAt) });
  return t(locale, m.answerPending);
}

/** /admin/decisions/:seasonId/notifications: settings, the outbox of drafts and sent notices, the confirmations. */
export function OutboxPage(props: OutboxProps): JSX.Element {
  const { ctx, season, deliberation } = props;
  const { locale } = ctx;
  const base = outboxPath(season.id);
  const title = `${t(locale, m.outboxTitle)} – ${season.name}`;
  const closed = deliberation?.status === 'closed';
  const drafts = props.notices.filter((n) => n.status === 'draft').length;
  const places = props.decisions.filter((d) => d.outcome === 'laureate' && d.notifiedAt !== null);
  const waiting = props.decisions
    .filter((d) => d.outcome === 'waiting_list')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const values = props.settings?.values ?? {
    confirm_days: String(deliberation?.confirmDays ?? 15),
    share_jury_comments: deliberation?.shareJuryComments ? 'on' : '',
  };
  const errors = props.settings?.errors ?? {};
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Crumbs ctx={ctx} seasonName={season.name} />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        {!deliberation ? (
          <p safe>{t(locale, m.noDeliberation)}</p>
        ) : !closed ? (
          <div class="fr-callout">
            <p class="fr-callout__text" safe>
              {t(locale, m.notClosed)}
            </p>
          </div>
        ) : (
          <>
            <section class="fr-mb-6w" aria-labelledby="settings-title">
              <h2 id="settings-title" class="fr-h4" safe>
                {t(locale, m.settingsTitle)}
              </h2>
              <ErrorSummary locale={locale} errors={errors} labels={{ confirm_days: t(locale, m.confirmDays) }} />
              <form method="post" action={`${base}/reglages`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <Checkbox
                  name="share_jury_comments"
                  label={t(locale, m.shareComments)}
                  hint={t(locale, m.shareCommentsHint)}
                  checked={values.share_jury_comments === 'on'}
                />
                <Input
                  locale={locale}
                  name="confirm_days"
                  type="number"
                  label={t(locale, m.confirmDays)}
                  value={values.confirm_days ?? ''}
                  error={errors.confirm_days}
                  required
                />
                <button type="submit" class="fr-btn fr-btn--secondary" safe>
                  {t(locale, m.saveSettings)}
                </button>
              </form>
              <p class="fr-mt-2w">
                <a class="fr-link" href={`/admin/decisions/${season.id}/modeles`} safe>
                  {t(locale, m.templatesLink)}
                </a>
              </p>
            </section>

            <section class="fr-mb-6w" aria-labelledby="outbox-title">
              <h2 id="outbox-title" class="fr-h4" safe>
                {t(locale, m.noticesTable)}
              </h2>
              <ul class="fr-btns-group fr-btns-group--inline-md">
                <li>
                  <form method="post" action={`${base}/preparer`}>
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="fr-btn fr-btn--secondary" safe>
                      {t(locale, m.prepare)}
                    </button>
                  </form>
                </li>
                {drafts > 0 ? (
                  <li>
                    <form method="post" action={`${base}/envoyer`} data-confirm={t(locale, m.sendAllConfirm)}>
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit" class="fr-btn" safe>
                        {t(locale, m.sendAll)}
                      </button>
                    </form>
                  </li>
                ) : (
                  ''
                )}
              </ul>
              <p class="fr-hint-text" safe>
                {t(locale, m.prepareHint)}
              </p>
              {props.notices.length === 0 ? (
                <p safe>{t(locale, m.outboxEmpty)}</p>
              ) : (
                <DataTable
                  caption={t(locale, m.noticesTable)}
                  hiddenCaption
                  columns={[
                    t(locale, m.colProject),
                    t(locale, m.colKind),
                    t(locale, m.colLocale),
                    t(locale, m.colStatus),
                    t(locale, m.colActions),
                  ]}
                >
                  {props.notices.map((n) => {
                    const projectTitle = props.titles.get(n.applicationId) || '—';
                    return (
                      <tr>
                        <td safe>{projectTitle}</td>
                        <td safe>{kindLabel(locale, n.kind)}</td>
                        <td safe>{t(locale, n.locale === 'en' ? m.locale_en : m.locale_fr)}</td>
                        <td safe>
                          {n.status === 'sent' && n.sentAt
                            ? t(locale, m.sentOn, { date: formatDateTime(locale, n.sentAt) })
                            : t(locale, n.edited ? m.draftEdited : m.draft)}
                        </td>
                        <td>
                          <a
                            class="fr-link"
                            href={`${base}/${n.id}`}
                            aria-label={t(locale, m.openNotice, { title: projectTitle })}
                            safe
                          >
                            {t(locale, m.open)}
                          </a>
                          {n.status === 'sent' ? (
                            <>
                              {' · '}
                              <a
                                class="fr-link"
                                href={`${base}/${n.id}/avis.pdf`}
                                aria-label={t(locale, m.pdfOf, { title: projectTitle })}
                                safe
                              >
                                {t(locale, m.pdf)}
                              </a>
                            </>
                          ) : (
                            ''
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </DataTable>
              )}
            </section>

            <section class="fr-mb-6w" aria-labelledby="places-title">
              <h2 id="places-title" class="fr-h4" safe>
                {t(locale, m.placesTitle)}
              </h2>
              {places.length === 0 ? (
                <p safe>{t(locale, m.noPlaces)}</p>
              ) : (
                <DataTable
                  caption={t(locale, m.placesTable)}
                  hiddenCaption
                  columns={[
                    t(locale, m.colProject),
                    t(locale, m.colDeadline),
                    t(locale, m.colAnswer),
                    t(locale, m.colActions),
                  ]}
                >
                  {places.map((d) => (
                    <tr>
                      <td safe>{props.titles.get(d.applicationId) || '—'}</td>
                      <td>{d.confirmBy ? formatDateTime(locale, d.confirmBy) : '—'}</td>
                      <td safe>{answerText(locale, d)}</td>
                      <td>
                        {d.placeOfferedTo ? (
                          <span safe>
                            {t(locale, m.offeredTo, { title: props.titles.get(d.placeOfferedTo) || '—' })}
                          </span>
                        ) : d.declinedAt || d.lapsedAt ? (
                          <form method="post" action={`${base}/places`}>
                            <CsrfField token={ctx.csrfToken} />
                            <input type="hidden" name="freed" value={d.applicationId} />
                            <button type="submit" class="fr-btn fr-btn--sm" safe>
                              {t(locale, m.offerNext)}
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
              {waiting.length > 0 ? (
                <>
                  <h3 class="fr-h6" safe>
                    {t(locale, m.waitingList)}
                  </h3>
                  <ol>
                    {waiting.map((d) => (
                      <li safe>{props.titles.get(d.applicationId) || '—'}</li>
                    ))}
                  </ol>
                </>
              ) : (
                ''
              )}
            </section>
          </>
        )}
      </div>
    </Page>
  );
}

export interface NoticePageProps {
  ctx: ViewContext;
  season: { id: string; name: string };
  notice: NoticeRow;
  projectTitle: string;
  /** The full text as sent, or as it would be sent now. */
  preview: { subject: string; text: string };
  values?: Record<string, string>;
  errors?: Record<string, FieldError>;
  alert?: PageNotice;
}

/** One notice: its draft to edit and send, with a preview of what the applicant will receive; or what was sent. */
export function NoticePage(props: NoticePageProps): JSX.Element {
  const { ctx, season, notice } = props;
  const { locale } = ctx;
  const base = outboxPath(season.id);
  const title = t(locale, m.noticeTitle, { title: props.projectTitle || '—' });
  const errors = props.errors ?? {};
  const values = props.values ?? { subject: notice.subject, body: notice.body };
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.administration), href: '/admin' },
            { label: t(locale, m.decisions), href: '/admin/decisions' },
            { label: `${t(locale, m.outboxTitle)} – ${season.name}`, href: base },
            { label: props.projectTitle || '—' },
          ]}
        />
        <h1 safe>{title}</h1>
        {props.alert ? <Alert kind={props.alert.kind} title={props.alert.title} /> : ''}
        <p>
          <span class="fr-badge fr-badge--info" safe>
            {kindLabel(locale, notice.kind)}
          </span>{' '}
          <span class="fr-badge" safe>
            {notice.status === 'sent' && notice.sentAt
              ? t(locale, m.sentOn, { date: formatDateTime(locale, notice.sentAt) })
              : t(locale, notice.edited ? m.draftEdited : m.draft)}
          </span>
        </p>
        {notice.status === 'draft' ? (
          <>
            <ErrorSummary
              locale={locale}
              errors={errors}
              labels={{ subject: t(locale, m.subject), body: t(locale, m.body) }}
            />
            <form method="post" action={`${base}/${notice.id}`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <Input
                locale={locale}
                name="subject"
                label={t(locale, m.subject)}
                value={values.subject ?? ''}
                error={errors.subject}
                required
              />
              <TextArea
                locale={locale}
                name="body"
                label={t(locale, m.body)}
                hint={t(locale, m.bodyHint)}
                value={values.body ?? ''}
                error={errors.body}
                rows={16}
                required
              />
              <button type="submit" class="fr-btn fr-btn--secondary" safe>
                {t(locale, m.saveDraft)}
              </button>
            </form>
            <form method="post" action={`${base}/${notice.id}/envoyer`} class="fr-mt-2w">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="fr-btn" safe>
                {t(locale, m.sendOne)}
              </button>
            </form>
          </>
        ) : (
          <p>
            <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${base}/${notice.id}/avis.pdf`} safe>
              {t(locale, m.downloadPdf)}
            </a>
            {notice.pdfSha256 ? (
              <span class="fr-hint-text" safe>
                {t(locale, m.pdfSha, { sha: notice.pdfSha256 })}
              </span>
            ) : (
              ''
            )}
          </p>
        )}
        <section class="fr-mt-6w" aria-labelledby="preview-title">
          <h2 id="preview-title" class="fr-h4" safe>
            {t(locale, notice.status === 'sent' ? m.sentText : m.preview)}
          </h2>
          {notice.status === 'draft' ? (
            <p class="fr-hint-text" safe>
              {t(locale, m.previewAt)}
            </p>
          ) : (
            ''
          )}
          <NoticeText subject={props.preview.subject} text={props.preview.text} lang={notice.locale} />
        </section>
        <p class="fr-mt-4w">
          <a class="fr-link" href={base} safe>
            {t(locale, m.back)}
          </a>
        </p>
      </div>
    </Page>
  );
}

/** A notice's text as read on a page: its paragraphs, line breaks kept. */
export function NoticeText({ subject, text, lang }: { subject: string; text: string; lang: Locale }): JSX.Element {
  return (
    <div class="fr-card fr-p-3w" lang={lang}>
      <p class="fr-text--bold" safe>
        {subject}
      </p>
      {text.split(/\n{2,}/).map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, index) => (
            <>
              {index > 0 ? <br /> : ''}
              <span safe>{line}</span>
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

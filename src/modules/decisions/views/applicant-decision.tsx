import { formatDateTime, t } from '../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, CsrfField } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { noticeMessages as m } from '../notice-messages.js';
import type { DecisionRow } from '../notice-queries.js';
import { NoticeText, type PageNotice } from './outbox.js';

export interface ReceivedNotice {
  id: string;
  kind: string;
  locale: 'fr' | 'en';
  subject: string;
  text: string;
  sentAt: Date;
}

export interface ApplicantDecisionProps {
  ctx: ViewContext;
  application: { id: string; title: string };
  decision: DecisionRow;
  notices: ReceivedNotice[];
  /** The place may be confirmed or declined now. */
  canAnswer: boolean;
  alert?: PageNotice;
}

/** /mes-candidatures/:id/decision: the outcome, the notices received with their PDF, and the answer to give. */
export function ApplicantDecisionPage(props: ApplicantDecisionProps): JSX.Element {
  const { ctx, application, decision } = props;
  const { locale } = ctx;
  const projectTitle = application.title || '—';
  const title = t(locale, m.decisionTitle, { title: projectTitle });
  const outcome =
    decision.outcome === 'laureate'
      ? m.outcome_laureate
      : decision.outcome === 'waiting_list'
        ? m.outcome_waiting_list
        : m.outcome_not_selected;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.myApplications), href: '/mes-candidatures' },
            { label: projectTitle, href: `/mes-candidatures/${application.id}` },
            { label: t(locale, m.decisionCrumb) },
          ]}
        />
        <h1 safe>{title}</h1>
        {props.alert ? <Alert kind={props.alert.kind} title={props.alert.title} /> : ''}
        <div class="fr-callout fr-mb-4w">
          <h2 class="fr-callout__title" safe>
            {t(locale, outcome)}
          </h2>
          <p class="fr-callout__text" safe>
            {t(locale, m.noChange)}
          </p>
        </div>
        {decision.outcome === 'laureate' && decision.confirmBy ? (
          <section class="fr-mb-6w" aria-labelledby="answer-title">
            <h2 id="answer-title" class="fr-h4" safe>
              {t(locale, m.confirmTitle)}
            </h2>
            {decision.confirmedAt ? (
              <>
                <p safe>{t(locale, m.confirmed, { date: formatDateTime(locale, decision.confirmedAt) })}</p>
                {/* The laureate space (support module) opens with the confirmed place. */}
                <p>
                  <a class="fr-link" href={`/espace-laureat/${application.id}`} safe>
                    {t(locale, m.laureateSpaceLink)}
                  </a>
                </p>
              </>
            ) : decision.declinedAt ? (
              <p safe>{t(locale, m.declined, { date: formatDateTime(locale, decision.declinedAt) })}</p>
            ) : props.canAnswer ? (
              <>
                <p class="fr-text--bold" safe>
                  {t(locale, m.confirmBy, { date: formatDateTime(locale, decision.confirmBy) })}
                </p>
                <p safe>{t(locale, m.confirmHelp)}</p>
                <ul class="fr-btns-group fr-btns-group--inline-md">
                  <li>
                    <form method="post" action={`/mes-candidatures/${application.id}/decision`}>
                      <CsrfField token={ctx.csrfToken} />
                      <input type="hidden" name="reponse" value="confirmer" />
                      <button type="submit" class="fr-btn" safe>
                        {t(locale, m.confirm)}
                      </button>
                    </form>
                  </li>
                  <li>
                    <form
                      method="post"
                      action={`/mes-candidatures/${application.id}/decision`}
                      data-confirm={t(locale, m.declineConfirm)}
                    >
                      <CsrfField token={ctx.csrfToken} />
                      <input type="hidden" name="reponse" value="renoncer" />
                      <button type="submit" class="fr-btn fr-btn--secondary" safe>
                        {t(locale, m.decline)}
                      </button>
                    </form>
                  </li>
                </ul>
              </>
            ) : (
              <p safe>
                {t(locale, m.lapsed, { date: formatDateTime(locale, decision.lapsedAt ?? decision.confirmBy) })}
              </p>
            )}
          </section>
        ) : (
          ''
        )}
        <section aria-labelledby="notices-title">
          <h2 id="notices-title" class="fr-h4" safe>
            {t(locale, m.noticesReceived)}
          </h2>
          {props.notices.map((notice) => (
            <article class="fr-mb-4w">
              <p class="fr-hint-text" safe>
                {t(locale, m.receivedOn, { date: formatDateTime(locale, notice.sentAt) })}
              </p>
              <NoticeText subject={notice.subject} text={notice.text} lang={notice.locale} />
              <p class="fr-mt-2w">
                <a
                  class="fr-link fr-icon-download-line fr-link--icon-left"
                  href={`/mes-candidatures/${application.id}/decision/${notice.id}/avis.pdf`}
                  safe
                >
                  {t(locale, m.downloadPdf)}
                </a>
              </p>
            </article>
          ))}
        </section>
        <p class="fr-mt-4w">
          <a class="fr-link" href={`/mes-candidatures/${application.id}`} safe>
            {t(locale, m.backToApplication)}
          </a>
        </p>
      </div>
    </Page>
  );
}

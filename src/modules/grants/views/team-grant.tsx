import { formatDate, t } from '../../../core/i18n/i18n.js';
import { Alert, ButtonGroup, CsrfField, TextArea } from '../../../core/ui/components.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { type LaureateSpace, SpacePage } from '../../support/index.js';
import { grantMessages as m } from '../grant-messages.js';
import type { Convention, Grant, Payment, Procedure, TrancheState } from '../queries.js';
import { dayText, euros, type FormState, type PageNotice, StatusBadge, teamGrantPath } from './common.js';
import { PaymentTable, TrancheTable } from './grant-page.js';

/** /espace-laureat/:id/subvention: the team's grant, once committed. */
export function TeamGrantPage(props: {
  ctx: ViewContext;
  space: LaureateSpace;
  grant: Grant | null;
  tranches: TrancheState[];
  payments: Payment[];
  convention: Convention | null;
  openProcedure: Procedure | null;
  answer?: FormState;
  notice?: PageNotice;
}): JSX.Element {
  const { ctx, space, grant } = props;
  const { locale } = ctx;
  const base = teamGrantPath(space.application.id);
  const visible = grant !== null && grant.status !== 'draft';
  const open = props.openProcedure;
  const answer = props.answer ?? { values: { answer: open?.answer ?? '' }, errors: {} };
  return (
    <SpacePage ctx={ctx} side="team" space={space} section="grant" title={t(locale, m.grantTitle)} showGrant>
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      {!visible || !grant ? (
        <p safe>{t(locale, m.teamNoGrant)}</p>
      ) : (
        <>
          <p safe>{t(locale, m.teamIntro)}</p>
          <StatusBadge locale={locale} status={grant.status} />
          <ul>
            <li safe>{`${t(locale, m.amount)} : ${euros(locale, grant.amountCents)}`}</li>
            <li safe>{`${t(locale, m.purpose)} : ${grant.purpose}`}</li>
            <li safe>
              {`${t(locale, m.period)} : ${t(locale, m.periodValue, { from: dayText(locale, grant.actionStartsOn), to: dayText(locale, grant.actionEndsOn) })}`}
            </li>
          </ul>
          {open ? (
            <section class="fr-callout fr-mt-4w" aria-labelledby="procedure-title">
              <h3 id="procedure-title" class="fr-callout__title" safe>
                {t(locale, m.openProcedureTitle, { kind: t(locale, m[`procedure_${open.kind}`]) })}
              </h3>
              <p safe>{t(locale, m.openedOn, { date: formatDate(locale, open.openedAt) })}</p>
              <p safe>{open.reasons}</p>
              {open.proposedCents !== null ? (
                <p safe>{`${t(locale, m.proposedAmount)} : ${euros(locale, open.proposedCents)}`}</p>
              ) : (
                ''
              )}
              <p safe>{t(locale, m.answerBy, { date: dayText(locale, open.answerDueOn) })}</p>
              <form method="post" action={`${base}/reponse`}>
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="procedure_id" value={open.id} />
                <TextArea
                  locale={locale}
                  name="answer"
                  label={t(locale, m.yourAnswer)}
                  hint={t(locale, m.answerHint)}
                  value={answer.values.answer ?? ''}
                  error={answer.errors.answer}
                  required
                  rows={6}
                />
                <ButtonGroup buttons={[{ label: t(locale, m.sendAnswer) }]} />
              </form>
            </section>
          ) : (
            ''
          )}
          <section class="fr-mt-6w" aria-labelledby="tranches-title">
            <h3 id="tranches-title" safe>
              {t(locale, m.tranches)}
            </h3>
            <TrancheTable locale={locale} tranches={props.tranches} caption={t(locale, m.tranches)} />
          </section>
          <section class="fr-mt-6w" aria-labelledby="payments-title">
            <h3 id="payments-title" safe>
              {t(locale, m.received)}
            </h3>
            <PaymentTable
              locale={locale}
              payments={props.payments}
              tranches={props.tranches}
              caption={t(locale, m.received)}
            />
          </section>
          <section class="fr-mt-6w" aria-labelledby="convention-title">
            <h3 id="convention-title" safe>
              {t(locale, m.convention)}
            </h3>
            {props.convention?.generated ? (
              <p>
                <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${base}/convention.pdf`} safe>
                  {t(locale, m.downloadConvention)}
                </a>
              </p>
            ) : (
              <p safe>{t(locale, m.noConvention)}</p>
            )}
            {props.convention?.signedFileId ? (
              <p>
                <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${base}/convention-signee`} safe>
                  {t(locale, m.downloadSigned)}
                </a>
              </p>
            ) : (
              ''
            )}
            {props.convention?.signedOn ? (
              <p safe>{t(locale, m.signedOnValue, { date: dayText(locale, props.convention.signedOn) })}</p>
            ) : (
              ''
            )}
          </section>
          <section class="fr-mt-6w" aria-labelledby="report-title">
            <h3 id="report-title" safe>
              {t(locale, m.financialReport)}
            </h3>
            <p safe>{t(locale, m.financialReportText)}</p>
            <p>
              <a class="fr-link" href={`${base}/compte-rendu`} safe>
                {t(locale, m.financialReportLink)}
              </a>
            </p>
          </section>
        </>
      )}
    </SpacePage>
  );
}

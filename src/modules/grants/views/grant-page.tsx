import { formatDate, formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  ButtonGroup,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  RadioGroup,
  Select,
  TextArea,
} from '../../../core/ui/components.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { type LaureateSpace, type Milestone, SpacePage } from '../../support/index.js';
import { PROCEDURE_KINDS } from '../grant-inputs.js';
import { grantMessages as m } from '../grant-messages.js';
import {
  type Amendment,
  CONVENTION_THRESHOLD_CENTS,
  type Convention,
  type Envelope,
  type Grant,
  type Payment,
  type Procedure,
  type TrancheState,
} from '../queries.js';
import { dayText, euros, type FormState, type PageNotice, StatusBadge, staffGrantPath } from './common.js';
import { GrantFields, grantFieldLabels } from './grant-form.js';

export interface StaffGrantPageProps {
  ctx: ViewContext;
  space: LaureateSpace;
  grant: Grant | null;
  envelopes: Envelope[];
  milestones: Milestone[];
  tranches: TrancheState[];
  payments: Payment[];
  amendments: Amendment[];
  convention: Convention | null;
  procedures: Procedure[];
  earliestDeadline: string;
  today: string;
  notice?: PageNotice;
  forms: {
    grant: FormState;
    payment?: FormState;
    signature?: FormState;
    procedure?: FormState;
    decision?: FormState;
    page?: FormState;
  };
}

const empty: FormState = { values: {}, errors: {} };

export function TrancheTable(props: { locale: Locale; tranches: TrancheState[]; caption: string }): JSX.Element {
  const { locale } = props;
  return (
    <DataTable
      caption={props.caption}
      hiddenCaption
      columns={[
        t(locale, m.colPosition),
        t(locale, m.colAmount),
        t(locale, m.colPlanned),
        t(locale, m.colCondition),
        t(locale, m.colPaid),
        t(locale, m.colWaits),
      ]}
    >
      {props.tranches.map((tr) => (
        <tr>
          <td safe>{String(tr.position)}</td>
          <td safe>{euros(locale, tr.amountCents)}</td>
          <td safe>{dayText(locale, tr.plannedOn)}</td>
          <td>
            <span safe>
              {tr.condition === 'milestone'
                ? t(locale, m.milestoneNamed, { title: tr.milestoneTitle ?? '' })
                : t(locale, m[`condition_${tr.condition}`])}
            </span>
            {tr.conditionText ? (
              <>
                <br />
                <span class="fr-hint-text" safe>
                  {tr.conditionText}
                </span>
              </>
            ) : (
              ''
            )}
          </td>
          <td safe>{euros(locale, tr.paidCents)}</td>
          <td safe>{t(locale, m[`wait_${tr.waitsFor}`])}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function PaymentTable(props: {
  locale: Locale;
  payments: Payment[];
  tranches: TrancheState[];
  caption: string;
}): JSX.Element {
  const { locale } = props;
  const positions = new Map(props.tranches.map((tr) => [tr.id, String(tr.position)]));
  const positionOf = (id: string | null): string => (id ? (positions.get(id) ?? '—') : '—');
  if (props.payments.length === 0) return <p safe>{t(locale, m.noPayment)}</p>;
  return (
    <DataTable
      caption={props.caption}
      hiddenCaption
      columns={[t(locale, m.colPaidOn), t(locale, m.colAmount), t(locale, m.colTranche), t(locale, m.colReference)]}
    >
      {props.payments.map((p) => (
        <tr>
          <td safe>{dayText(locale, p.paidOn)}</td>
          <td safe>{euros(locale, p.amountCents)}</td>
          <td safe>{positionOf(p.trancheId)}</td>
          <td safe>{p.reference}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function amendmentText(locale: Locale, kind: Amendment['kind'], value: unknown): string {
  if (kind === 'amount' && typeof value === 'number') return euros(locale, value);
  if (kind === 'dates' && value && typeof value === 'object') {
    const v = value as { startsOn?: string; endsOn?: string };
    return t(locale, m.periodValue, { from: dayText(locale, v.startsOn ?? ''), to: dayText(locale, v.endsOn ?? '') });
  }
  if (kind === 'tranches' && Array.isArray(value))
    return value
      .map(
        (tr: { amountCents?: number; plannedOn?: string }, i) =>
          `${i + 1}. ${euros(locale, tr.amountCents ?? 0)} (${tr.plannedOn ?? ''})`,
      )
      .join(' ; ');
  return '';
}

function ProcedureBlock(props: {
  ctx: ViewContext;
  grant: Grant;
  procedures: Procedure[];
  earliestDeadline: string;
  today: string;
  forms: StaffGrantPageProps['forms'];
}): JSX.Element {
  const { ctx, grant } = props;
  const { locale } = ctx;
  const open = props.procedures.find((p) => p.status === 'open');
  const past = props.procedures.filter((p) => p.status !== 'open');
  const form = props.forms.procedure ?? { values: { answer_due_on: props.earliestDeadline }, errors: {} };
  const decision = props.forms.decision ?? empty;
  const canOpen = ['committed', 'signed', 'suspended'].includes(grant.status);
  const base = staffGrantPath(grant.applicationId);
  const labels = {
    kind: t(locale, m.procedureKind),
    reasons: t(locale, m.reasons),
    proposed_amount: t(locale, m.proposedAmount),
    answer_due_on: t(locale, m.answerDueOn),
  };
  return (
    <section class="fr-mt-6w" aria-labelledby="procedures-title">
      <h3 id="procedures-title" safe>
        {t(locale, m.procedures)}
      </h3>
      <p class="fr-hint-text" safe>
        {t(locale, m.proceduresIntro)}
      </p>
      {open ? (
        <div class="fr-callout fr-mb-4w">
          <h4 class="fr-callout__title" safe>
            {t(locale, m.openProcedureTitle, { kind: t(locale, m[`procedure_${open.kind}`]) })}
          </h4>
          <p safe>{t(locale, m.openedOn, { date: formatDate(locale, open.openedAt) })}</p>
          <p safe>{open.reasons}</p>
          {open.proposedCents !== null ? (
            <p safe>{`${t(locale, m.proposedAmount)} : ${euros(locale, open.proposedCents)}`}</p>
          ) : (
            ''
          )}
          <p safe>{t(locale, m.answerBy, { date: dayText(locale, open.answerDueOn) })}</p>
          <h5 class="fr-h6" safe>
            {t(locale, m.teamAnswer)}
          </h5>
          <p safe>{open.answer || t(locale, m.noAnswerYet)}</p>
          {decision.errors[''] ? (
            <Alert kind="error" title={t(locale, decision.errors[''].message, decision.errors[''].params)} />
          ) : (
            ''
          )}
          <form method="post" action={`${base}/procedure/decision`}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="procedure_id" value={open.id} />
            <TextArea
              locale={locale}
              name="note"
              label={t(locale, m.decisionNote)}
              value={decision.values.note ?? ''}
              error={decision.errors.note}
              rows={3}
            />
            <ButtonGroup
              name="outcome"
              buttons={[
                { label: t(locale, m.apply), value: 'apply' },
                { label: t(locale, m.drop), value: 'drop', priority: 'secondary' },
              ]}
            />
          </form>
        </div>
      ) : canOpen ? (
        <form method="post" action={`${base}/procedure`}>
          <CsrfField token={ctx.csrfToken} />
          {form.errors[''] ? (
            <Alert kind="error" title={t(locale, form.errors[''].message, form.errors[''].params)} />
          ) : (
            ''
          )}
          <ErrorSummary
            locale={locale}
            errors={Object.fromEntries(Object.entries(form.errors).filter(([k]) => k))}
            labels={labels}
          />
          <RadioGroup
            locale={locale}
            name="kind"
            legend={labels.kind}
            value={form.values.kind ?? ''}
            error={form.errors.kind}
            required
            options={PROCEDURE_KINDS.map((k) => ({ value: k, label: t(locale, m[`procedure_${k}`]) }))}
          />
          <TextArea
            locale={locale}
            name="reasons"
            label={labels.reasons}
            value={form.values.reasons ?? ''}
            error={form.errors.reasons}
            required
            rows={4}
          />
          <Input
            locale={locale}
            name="proposed_amount"
            label={labels.proposed_amount}
            value={form.values.proposed_amount ?? ''}
            error={form.errors.proposed_amount}
            hint={t(locale, m.amountHint)}
          />
          <Input
            locale={locale}
            name="answer_due_on"
            type="date"
            label={labels.answer_due_on}
            value={form.values.answer_due_on ?? ''}
            error={form.errors.answer_due_on}
            required
            hint={t(locale, m.dateHint)}
          />
          <ButtonGroup buttons={[{ label: t(locale, m.openProcedure), priority: 'secondary' }]} />
        </form>
      ) : (
        <p safe>{t(locale, m.noOpenProcedure)}</p>
      )}
      {grant.status === 'suspended' && !open ? (
        <form method="post" action={`${base}/reprendre`} class="fr-mt-4w">
          <CsrfField token={ctx.csrfToken} />
          <p class="fr-hint-text" safe>
            {t(locale, m.resumeHint)}
          </p>
          <TextArea locale={locale} name="note" label={t(locale, m.decisionNote)} value="" rows={2} />
          <ButtonGroup buttons={[{ label: t(locale, m.resume) }]} />
        </form>
      ) : (
        ''
      )}
      {past.length > 0 ? (
        <DataTable
          caption={t(locale, m.pastProcedures)}
          columns={[
            t(locale, m.colDate),
            t(locale, m.procedureKind),
            t(locale, m.reasons),
            t(locale, m.teamAnswer),
            t(locale, m.colStatus),
            t(locale, m.decisionNote),
          ]}
        >
          {past.map((p) => (
            <tr>
              <td safe>{formatDate(locale, p.openedAt)}</td>
              <td safe>{t(locale, m[`procedure_${p.kind}`])}</td>
              <td safe>{p.reasons}</td>
              <td safe>{p.answer || '—'}</td>
              <td safe>{t(locale, m[`procStatus_${p.status}`])}</td>
              <td safe>{p.decisionNote || '—'}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        ''
      )}
    </section>
  );
}

/** /admin/subventions/laureats/:id: the laureate's grant in its space, for staff with grants.manage. */
export function StaffGrantPage(props: StaffGrantPageProps): JSX.Element {
  const { ctx, space, grant } = props;
  const { locale } = ctx;
  const base = staffGrantPath(space.application.id);
  const grantForm = props.forms.grant;
  const amending = grant !== null && ['committed', 'signed', 'suspended'].includes(grant.status);
  const editable = grant === null || grant.status === 'draft' || amending;
  const labels = grantFieldLabels(locale);
  const payable = props.tranches.filter((tr) => tr.waitsFor === 'none');
  const payment = props.forms.payment ?? { values: { paid_on: props.today }, errors: {} };
  const signature = props.forms.signature ?? empty;
  const pageError = props.forms.page?.errors[''];
  const above = grant !== null && grant.amountCents > CONVENTION_THRESHOLD_CENTS;
  return (
    <SpacePage ctx={ctx} side="staff" space={space} section="grant" title={t(locale, m.grantTitle)} showGrant>
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      {pageError ? <Alert kind="error" title={t(locale, pageError.message, pageError.params)} /> : ''}
      {grant ? (
        <section aria-labelledby="summary-title">
          <h3 id="summary-title" safe>
            {t(locale, m.summary)}
          </h3>
          <StatusBadge locale={locale} status={grant.status} />
          <ul>
            <li safe>{`${t(locale, m.reference)} : ${grant.reference}`}</li>
            <li safe>{`${t(locale, m.amount)} : ${euros(locale, grant.amountCents)}`}</li>
            <li safe>{`${t(locale, m.purpose)} : ${grant.purpose}`}</li>
            <li safe>
              {`${t(locale, m.period)} : ${t(locale, m.periodValue, { from: dayText(locale, grant.actionStartsOn), to: dayText(locale, grant.actionEndsOn) })}`}
            </li>
          </ul>
        </section>
      ) : (
        <p safe>{t(locale, m.grantIntro)}</p>
      )}
      {props.envelopes.length === 0 && (grant === null || grant.status === 'draft') ? (
        <div class="fr-alert fr-alert--warning fr-mb-4w">
          <p safe>{t(locale, m.noEnvelopeFor)}</p>
          <p>
            <a class="fr-link" href={`/admin/subventions/enveloppes?saison=${space.application.seasonId}`} safe>
              {t(locale, m.envelopes)}
            </a>
          </p>
        </div>
      ) : editable ? (
        <section class="fr-mt-4w" aria-labelledby="grant-form-title">
          <h3 id="grant-form-title" safe>
            {amending ? t(locale, m.saveAmendment) : t(locale, m.grantTitle)}
          </h3>
          <ErrorSummary
            locale={locale}
            errors={Object.fromEntries(Object.entries(grantForm.errors).filter(([k]) => k))}
            labels={labels}
          />
          <form method="post" action={base}>
            <CsrfField token={ctx.csrfToken} />
            {grant ? <input type="hidden" name="version" value={String(grant.version)} /> : ''}
            <GrantFields
              locale={locale}
              state={grantForm}
              envelopes={props.envelopes}
              envelopeLocked={amending}
              milestones={props.milestones}
              amending={amending}
            />
            <ButtonGroup buttons={[{ label: amending ? t(locale, m.saveAmendment) : t(locale, m.saveDraft) }]} />
          </form>
          {grant?.status === 'draft' ? (
            <form method="post" action={`${base}/engager`} class="fr-mt-2w">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="version" value={String(grant.version)} />
              <p class="fr-hint-text" safe>
                {t(locale, m.commitHint)}
              </p>
              <ButtonGroup buttons={[{ label: t(locale, m.commit) }]} />
            </form>
          ) : (
            ''
          )}
        </section>
      ) : (
        <p safe>{t(locale, m.frozen)}</p>
      )}
      {grant && grant.status !== 'draft' ? (
        <>
          <section class="fr-mt-6w" aria-labelledby="tranches-title">
            <h3 id="tranches-title" safe>
              {t(locale, m.tranches)}
            </h3>
            <TrancheTable locale={locale} tranches={props.tranches} caption={t(locale, m.tranches)} />
          </section>
          <section class="fr-mt-6w" aria-labelledby="payments-title">
            <h3 id="payments-title" safe>
              {t(locale, m.payments)}
            </h3>
            <PaymentTable
              locale={locale}
              payments={props.payments}
              tranches={props.tranches}
              caption={t(locale, m.payments)}
            />
            <h4 class="fr-h5" safe>
              {t(locale, m.recordPayment)}
            </h4>
            {payable.length === 0 ? (
              <p safe>{t(locale, m.noPayable)}</p>
            ) : (
              <form method="post" action={`${base}/versements`}>
                <CsrfField token={ctx.csrfToken} />
                <ErrorSummary
                  locale={locale}
                  errors={payment.errors}
                  labels={{
                    tranche_id: t(locale, m.paymentTranche),
                    paid_on: t(locale, m.paidOn),
                    payment_amount: t(locale, m.paymentAmount),
                    payment_reference: t(locale, m.paymentReference),
                  }}
                />
                <Select
                  locale={locale}
                  name="tranche_id"
                  label={t(locale, m.paymentTranche)}
                  value={payment.values.tranche_id ?? ''}
                  error={payment.errors.tranche_id}
                  options={payable.map((tr) => ({
                    value: tr.id,
                    label: `${t(locale, m.trancheN, { n: tr.position })} – ${euros(locale, tr.remainingCents)}`,
                  }))}
                />
                <Input
                  locale={locale}
                  name="paid_on"
                  type="date"
                  label={t(locale, m.paidOn)}
                  value={payment.values.paid_on ?? ''}
                  error={payment.errors.paid_on}
                  required
                  hint={t(locale, m.dateHint)}
                />
                <Input
                  locale={locale}
                  name="payment_amount"
                  label={t(locale, m.paymentAmount)}
                  value={payment.values.payment_amount ?? ''}
                  error={payment.errors.payment_amount}
                  required
                  hint={t(locale, m.amountHint)}
                />
                <Input
                  locale={locale}
                  name="payment_reference"
                  label={t(locale, m.paymentReference)}
                  value={payment.values.payment_reference ?? ''}
                  error={payment.errors.payment_reference}
                  required
                  maxlength={100}
                />
                <ButtonGroup buttons={[{ label: t(locale, m.recordPayment) }]} />
              </form>
            )}
          </section>
          <section class="fr-mt-6w" aria-labelledby="convention-title">
            <h3 id="convention-title" safe>
              {t(locale, m.convention)}
            </h3>
            <p class="fr-hint-text" safe>
              {t(locale, above ? m.conventionMandatory : m.conventionOptional)}
            </p>
            {props.convention?.generated ? (
              <p>
                <span safe>
                  {t(locale, m.generatedOn, {
                    date: formatDateTime(locale, props.convention.generatedAt),
                    sha: props.convention.pdfSha256.slice(0, 16),
                  })}
                </span>{' '}
                <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${base}/convention.pdf`} safe>
                  {t(locale, m.downloadConvention)}
                </a>
              </p>
            ) : (
              ''
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
            <p safe>
              {props.convention?.signedOn
                ? t(locale, m.signedOnValue, { date: dayText(locale, props.convention.signedOn) })
                : t(locale, m.notSigned)}
            </p>
            {['committed', 'signed', 'suspended'].includes(grant.status) && !props.convention?.signedOn ? (
              <form method="post" action={`${base}/convention`}>
                <CsrfField token={ctx.csrfToken} />
                <Select
                  locale={locale}
                  name="langue"
                  label={t(locale, m.language)}
                  value="fr"
                  options={[
                    { value: 'fr', label: 'Français' },
                    { value: 'en', label: 'English' },
                  ]}
                />
                <ButtonGroup
                  buttons={[
                    {
                      label: t(locale, props.convention?.generated ? m.regenerate : m.generate),
                      priority: 'secondary',
                    },
                  ]}
                />
              </form>
            ) : (
              ''
            )}
            {grant.status === 'committed' ? (
              <form method="post" action={`${base}/signature`} enctype="multipart/form-data" class="fr-mt-4w">
                <CsrfField token={ctx.csrfToken} />
                <h4 class="fr-h5" safe>
                  {t(locale, m.signature)}
                </h4>
                {signature.errors[''] ? (
                  <Alert kind="error" title={t(locale, signature.errors[''].message, signature.errors[''].params)} />
                ) : (
                  ''
                )}
                <div class={`fr-upload-group${signature.errors.signed_file ? ' fr-input-group--error' : ''}`}>
                  <label class="fr-label" for="signed_file">
                    <span safe>{t(locale, m.signedFile)}</span>
                    <span class="fr-hint-text" safe>
                      {t(locale, m.signedFileHint)}
                    </span>
                  </label>
                  <input
                    class="fr-upload"
                    type="file"
                    id="signed_file"
                    name="signed_file"
                    accept="application/pdf"
                    {...(signature.errors.signed_file ? { 'aria-describedby': 'signed_file-error' } : {})}
                  />
                  {signature.errors.signed_file ? (
                    <p id="signed_file-error" class="fr-error-text" safe>
                      {t(locale, signature.errors.signed_file.message, signature.errors.signed_file.params)}
                    </p>
                  ) : (
                    ''
                  )}
                </div>
                <Input
                  locale={locale}
                  name="signed_by_beneficiary_on"
                  type="date"
                  label={t(locale, m.signedByBeneficiary)}
                  value={signature.values.signed_by_beneficiary_on ?? ''}
                  error={signature.errors.signed_by_beneficiary_on}
                  required
                  hint={t(locale, m.dateHint)}
                />
                <Input
                  locale={locale}
                  name="signed_by_payer_on"
                  type="date"
                  label={t(locale, m.signedByPayer)}
                  value={signature.values.signed_by_payer_on ?? ''}
                  error={signature.errors.signed_by_payer_on}
                  required
                  hint={t(locale, m.dateHint)}
                />
                <ButtonGroup buttons={[{ label: t(locale, m.recordSignature) }]} />
              </form>
            ) : (
              ''
            )}
          </section>
          <section class="fr-mt-6w" aria-labelledby="amendments-title">
            <h3 id="amendments-title" safe>
              {t(locale, m.amendments)}
            </h3>
            {props.amendments.length === 0 ? (
              <p safe>{t(locale, m.noAmendment)}</p>
            ) : (
              <DataTable
                caption={t(locale, m.amendments)}
                hiddenCaption
                columns={[
                  t(locale, m.colDate),
                  t(locale, m.colKind),
                  t(locale, m.colBefore),
                  t(locale, m.colAfter),
                  t(locale, m.colReason),
                ]}
              >
                {props.amendments.map((a) => (
                  <tr>
                    <td safe>{formatDate(locale, a.createdAt)}</td>
                    <td safe>{t(locale, m[`amendment_${a.kind}`])}</td>
                    <td safe>{amendmentText(locale, a.kind, a.before)}</td>
                    <td safe>{amendmentText(locale, a.kind, a.after)}</td>
                    <td safe>{a.reason}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
          <ProcedureBlock
            ctx={ctx}
            grant={grant}
            procedures={props.procedures}
            earliestDeadline={props.earliestDeadline}
            today={props.today}
            forms={props.forms}
          />
        </>
      ) : (
        ''
      )}
    </SpacePage>
  );
}

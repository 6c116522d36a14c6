import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, EveryTrackOnly, Input } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { formatEuros } from '../../seasons/index.js';
import type { Board, BoardRow } from '../board-data.js';
import { boardCounts, boardMessages as m } from '../board-messages.js';
import { outcomeLabel } from '../minutes-pdf.js';
import { DecisionsBreadcrumb, formatNumber, statusLabel } from './common.js';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export interface BoardPageProps {
  ctx: ViewContext;
  board: Board;
  /** The person's rights are limited to some tracks. */
  limited: boolean;
  notice?: string;
  /** A refusal of the whole action (closed, stale form, incomplete close). */
  problem?: string;
  weightsForm?: FormState;
  closeForm?: FormState;
}

export function criterionField(code: string): string {
  return `criterion_${code.replace(/[^a-z0-9_-]/gi, '_')}`;
}

export function presentField(memberId: string): string {
  return `present_${memberId}`;
}

/** The weights form's values from the board (what is saved). */
export function weightsValues(board: Board): Record<string, string> {
  return {
    jury_weight: String(board.weights.jury),
    panel_weight: String(board.weights.panel),
    version: String(board.deliberation?.version ?? ''),
    ...Object.fromEntries(board.weights.panelCriteria.map((c) => [criterionField(c.code), String(c.weight)])),
  };
}

export function weightsFieldLabels(locale: Locale, board: Board): Record<string, string> {
  return {
    jury_weight: t(locale, m.fieldJuryWeight),
    panel_weight: t(locale, m.fieldPanelWeight),
    ...Object.fromEntries(
      board.weights.panelCriteria.map((c) => [
        criterionField(c.code),
        t(locale, m.fieldCriterionWeight, { label: locale === 'en' && c.labelEn ? c.labelEn : c.label }),
      ]),
    ),
  };
}

function DecisionCell({
  locale,
  row,
  editable,
  seasonId,
}: {
  locale: Locale;
  row: BoardRow;
  editable: boolean;
  seasonId: string;
}) {
  const d = row.decision;
  const href = `/admin/decisions/${seasonId}/candidatures/${row.application.id}`;
  const missing = d && (d.outcome === 'not_selected' || row.departs) && d.reasonCodes.length === 0;
  const badge = d?.outcome === 'laureate' ? 'fr-badge--success' : d?.outcome === 'waiting_list' ? 'fr-badge--info' : '';
  return (
    <td>
      {d ? (
        <p class={`fr-badge fr-badge--sm ${badge}`} safe>
          {outcomeLabel(locale, d)}
        </p>
      ) : (
        <p class="fr-badge fr-badge--sm fr-badge--new" safe>
          {t(locale, m.noDecision)}
        </p>
      )}
      {d?.amountCents != null ? (
        <p class="fr-text--sm fr-mb-0" safe>
          {t(locale, m.granted, { amount: formatEuros(locale, d.amountCents) })}
        </p>
      ) : (
        ''
      )}
      {row.departs ? (
        <p class="fr-badge fr-badge--sm fr-badge--warning" safe>
          {t(locale, m.departs)}
        </p>
      ) : (
        ''
      )}
      {missing ? (
        <p class="fr-badge fr-badge--sm fr-badge--error" safe>
          {t(locale, m.reasonsMissing)}
        </p>
      ) : (
        ''
      )}
      {editable ? (
        <p class="fr-mb-0">
          <a class="fr-link fr-text--sm" href={href}>
            <span safe>{t(locale, d ? m.changeDecision : m.decide)}</span>
            <span class="fr-sr-only" safe>{` : ${row.application.title}`}</span>
          </a>
        </p>
      ) : (
        ''
      )}
    </td>
  );
}

function BoardTable({ locale, board, editable }: { locale: Locale; board: Board; editable: boolean }): JSX.Element {
  const size = board.selectionSize;
  const line = (
    <tr class="decisions-selection-line">
      <td colspan="7">
        <strong safe>{tCount(locale, boardCounts.selectionLine, size)}</strong>
      </td>
    </tr>
  );
  const firstBelow = board.rows.findIndex((r) => r.combined.rank > size);
  const lineAt = firstBelow === -1 ? board.rows.length : firstBelow;
  const criterionLabel = (code: string) => {
    const c = board.weights.panelCriteria.find((p) => p.code === code);
    return c ? (locale === 'en' && c.labelEn ? c.labelEn : c.label) : code;
  };
  const body = board.rows.map((row) => {
    const c = row.combined;
    return (
      <tr id={`row-${row.application.id}`}>
        <td>
          <span safe>{t(locale, m.rankInterval, { rank: c.rank, low: c.rankLow, high: c.rankHigh })}</span>
          {c.crossesLine ? (
            <p class="fr-badge fr-badge--sm fr-badge--warning" safe>
              {t(locale, m.crossesLine)}
            </p>
          ) : (
            ''
          )}
        </td>
        <td>
          <strong safe>{row.application.title}</strong>
          {row.application.organisationName ? (
            <p class="fr-text--sm fr-mb-0" safe>
              {row.application.organisationName}
            </p>
          ) : (
            ''
          )}
          {row.recused.length > 0 ? (
            <p class="fr-text--sm fr-mb-0" safe>
              {tCount(locale, boardCounts.recused, row.recused.length, {
                names: row.recused.map((r) => r.name).join(', '),
              })}
            </p>
          ) : (
            ''
          )}
        </td>
        <td>
          {c.jury ? (
            <>
              <span safe>{formatNumber(locale, c.jury.calibrated, 2)}</span>
              <p class="fr-text--sm fr-mb-0" safe>
                {tCount(locale, boardCounts.reviews, c.jury.reviews)}
              </p>
            </>
          ) : (
            <span safe>{t(locale, m.noJury)}</span>
          )}
        </td>
        <td>
          {c.panel ? (
            <>
              <ul class="fr-text--sm fr-mb-0">
                {Object.entries(c.panel.means).map(([code, value]) => (
                  <li safe>{`${criterionLabel(code)} : ${formatNumber(locale, value, 1)}`}</li>
                ))}
              </ul>
              <p class="fr-text--sm fr-mb-0" safe>
                {tCount(locale, boardCounts.panelists, c.panel.panelists, {
                  spread: formatNumber(locale, c.panel.spread, 2),
                })}
              </p>
            </>
          ) : (
            <span safe>{t(locale, m.noPanel)}</span>
          )}
        </td>
        <td>
          <strong safe>{c.combined === null ? '—' : formatNumber(locale, c.combined, 1)}</strong>
          {c.complete ? (
            ''
          ) : (
            <p class="fr-badge fr-badge--sm" safe>
              {t(locale, m.incomplete)}
            </p>
          )}
        </td>
        <td safe>
          {row.application.requestedCents === null ? '—' : formatEuros(locale, row.application.requestedCents)}
        </td>
        <DecisionCell locale={locale} row={row} editable={editable} seasonId={board.season.id} />
      </tr>
    );
  });
  return (
    <div class="fr-table fr-table--bordered">
      <table tabindex="0">
        <caption safe>{t(locale, m.tableCaption, { n: board.candidateCount, size })}</caption>
        <thead>
          <tr>
            {[m.colRank, m.colApplication, m.colJury, m.colPanel, m.colCombined, m.colRequested, m.colDecision].map(
              (col) => (
                <th scope="col" safe>
                  {t(locale, col)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {body.slice(0, lineAt)}
          {lineAt > 0 || board.rows.length > 0 ? line : ''}
          {body.slice(lineAt)}
        </tbody>
      </table>
    </div>
  );
}

function WeightsForm({ ctx, board, form }: { ctx: ViewContext; board: Board; form: FormState }): JSX.Element {
  const { locale } = ctx;
  const labels = weightsFieldLabels(locale, board);
  const field = (name: string) => ({
    locale,
    name,
    value: form.values[name] ?? '',
    error: form.errors[name],
    label: labels[name],
    hint: t(locale, m.weightHint),
  });
  return (
    <form method="post" action={`/admin/decisions/${board.season.id}/ponderations`} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="version" value={form.values.version ?? ''} />
      <ErrorSummary locale={locale} errors={form.errors} labels={labels} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <Input {...field('jury_weight')} required />
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <Input {...field('panel_weight')} required />
        </div>
        {board.weights.panelCriteria.map((c) => (
          <div class="fr-col-12 fr-col-md-6">
            <Input {...field(criterionField(c.code))} />
          </div>
        ))}
      </div>
      <button class="fr-btn" type="submit" safe>
        {t(locale, m.saveWeights)}
      </button>
    </form>
  );
}

function AttendanceForm({ ctx, board }: { ctx: ViewContext; board: Board }): JSX.Element {
  const { locale } = ctx;
  if (board.members.length === 0) return <p safe>{t(locale, m.noMembers)}</p>;
  return (
    <form method="post" action={`/admin/decisions/${board.season.id}/presences`}>
      <CsrfField token={ctx.csrfToken} />
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular" safe>
          {t(locale, m.attendanceTitle)}
        </legend>
        {board.members.map((member) => (
          <div class="fr-fieldset__element">
            <Checkbox
              name={presentField(member.id)}
              label={t(locale, m.present, { name: member.name })}
              checked={member.present}
            />
          </div>
        ))}
      </fieldset>
      <button class="fr-btn fr-btn--secondary" type="submit" safe>
        {t(locale, m.saveAttendance)}
      </button>
    </form>
  );
}

function CloseForm({ ctx, board, form }: { ctx: ViewContext; board: Board; form: FormState }): JSX.Element {
  const { locale } = ctx;
  const error = form.errors.confirm;
  return (
    <form method="post" action={`/admin/decisions/${board.season.id}/cloture`} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="version" value={String(board.deliberation?.version ?? '')} />
      {board.undecided.length > 0 ? <p safe>{tCount(locale, boardCounts.remaining, board.undecided.length)}</p> : ''}
      <div class={`fr-checkbox-group${error ? ' fr-checkbox-group--error' : ''}`}>
        <input
          type="checkbox"
          id="confirm"
          name="confirm"
          {...(error ? { 'aria-describedby': 'confirm-error' } : {})}
        />
        <label class="fr-label" for="confirm" safe>
          {t(locale, m.closeConfirm)}
        </label>
        {error ? (
          <p id="confirm-error" class="fr-error-text" safe>
            {t(locale, error.message, error.params)}
          </p>
        ) : (
          ''
        )}
      </div>
      <button class="fr-btn fr-mt-2w" type="submit" safe>
        {t(locale, m.closeButton)}
      </button>
    </form>
  );
}

/** /admin/decisions/:seasonId: the board of the season's deliberation. */
export function BoardPage(props: BoardPageProps): JSX.Element {
  const { ctx, board } = props;
  const { locale } = ctx;
  const title = t(locale, m.boardTitle, { season: board.season.name });
  const open = board.status === 'open';
  const closed = board.status === 'closed' || board.status === 'published';
  const { budget } = board;
  const presentNames = board.members.filter((x) => x.present).map((x) => x.name);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <DecisionsBreadcrumb locale={locale} current={board.season.name} />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind="success" title={t(locale, m.doneTitle)} text={props.notice} /> : ''}
        {props.problem ? <Alert kind="error" title={t(locale, m.refusedTitle)} text={props.problem} /> : ''}
        {board.problem ? <Alert kind="warning" title={t(locale, m.problem, { problem: board.problem })} /> : ''}
        <p safe>{t(locale, m.statusLine, { status: statusLabel(locale, board.status) })}</p>
        {props.limited ? (
          <p class="fr-hint-text" safe>
            {t(locale, m.trackLimited)}
          </p>
        ) : (
          ''
        )}
        {board.status === 'none' ? (
          <>
            <p safe>{t(locale, m.notOpenedText)}</p>
            <EveryTrackOnly user={ctx.user} locale={locale}>
              <form method="post" action={`/admin/decisions/${board.season.id}/ouvrir`}>
                <CsrfField token={ctx.csrfToken} />
                <button class="fr-btn" type="submit" safe>
                  {t(locale, m.openDeliberation)}
                </button>
              </form>
            </EveryTrackOnly>
          </>
        ) : (
          ''
        )}
        {closed && board.deliberation?.closedAt ? (
          <>
            <p safe>{t(locale, m.closedText, { date: formatDateTime(locale, board.deliberation.closedAt) })}</p>
            <EveryTrackOnly user={ctx.user} locale={locale}>
              <ul>
                <li>
                  <a href={`/admin/decisions/${board.season.id}/proces-verbal.pdf`} safe>
                    {t(locale, m.minutesFr)}
                  </a>
                  <p class="fr-text--xs fr-mb-0 acc-break" safe>
                    {t(locale, m.minutesHash, { hash: board.deliberation.minutesSha256 ?? '' })}
                  </p>
                </li>
                <li>
                  <a href={`/admin/decisions/${board.season.id}/minutes.pdf`} hreflang="en" safe>
                    {t(locale, m.minutesEn)}
                  </a>
                  <p class="fr-text--xs fr-mb-0 acc-break" safe>
                    {t(locale, m.minutesHash, { hash: board.deliberation.minutesSha256En ?? '' })}
                  </p>
                </li>
              </ul>
              <h2 class="fr-h6" safe>
                {t(locale, m.nextSteps)}
              </h2>
              <ul>
                <li>
                  <a href={`/admin/decisions/${board.season.id}/notifications`} safe>
                    {t(locale, m.toNotices)}
                  </a>
                </li>
                <li>
                  <a href={`/admin/decisions/${board.season.id}/publication`} safe>
                    {t(locale, m.toPublication)}
                  </a>
                </li>
              </ul>
            </EveryTrackOnly>
          </>
        ) : (
          ''
        )}

        <h2 id="budget" safe>
          {t(locale, m.budgetTitle)}
        </h2>
        <ul>
          <li safe>{t(locale, m.budgetEnvelope, { amount: formatEuros(locale, budget.envelopeCents) })}</li>
          <li safe>{t(locale, m.budgetGranted, { amount: formatEuros(locale, budget.grantedCents) })}</li>
          <li>
            <strong safe>{t(locale, m.budgetLeft, { amount: formatEuros(locale, budget.leftCents) })}</strong>
          </li>
        </ul>
        {budget.leftCents < 0 ? (
          <p class="fr-error-text" safe>
            {t(locale, m.budgetOver)}
          </p>
        ) : (
          ''
        )}

        <h2 id="classement" class="fr-mt-6w" safe>
          {t(locale, m.rankingTitle)}
        </h2>
        {board.rows.length === 0 ? (
          <p safe>{t(locale, props.limited && board.candidateCount > 0 ? m.missingTrack : m.noRows)}</p>
        ) : (
          <BoardTable locale={locale} board={board} editable={open} />
        )}

        <h2 id="ponderations" class="fr-mt-6w" safe>
          {t(locale, m.weightsTitle)}
        </h2>
        <p safe>{t(locale, m.weightsIntro)}</p>
        {board.hasPanel ? (
          ''
        ) : (
          <p class="fr-hint-text" safe>
            {t(locale, m.noPanelText)}
          </p>
        )}
        {open ? (
          <EveryTrackOnly user={ctx.user} locale={locale}>
            <WeightsForm
              ctx={ctx}
              board={board}
              form={props.weightsForm ?? { values: weightsValues(board), errors: {} }}
            />
          </EveryTrackOnly>
        ) : (
          <ul>
            <li safe>{`${t(locale, m.fieldJuryWeight)} : ${board.weights.jury}`}</li>
            <li safe>{`${t(locale, m.fieldPanelWeight)} : ${board.weights.panel}`}</li>
            {board.weights.panelCriteria.map((c) => (
              <li
                safe
              >{`${t(locale, m.fieldCriterionWeight, { label: locale === 'en' && c.labelEn ? c.labelEn : c.label })} : ${c.weight}`}</li>
            ))}
          </ul>
        )}

        <h2 id="presences" class="fr-mt-6w" safe>
          {t(locale, m.attendanceTitle)}
        </h2>
        <p safe>{t(locale, m.attendanceIntro)}</p>
        {open ? (
          <EveryTrackOnly user={ctx.user} locale={locale}>
            <AttendanceForm ctx={ctx} board={board} />
          </EveryTrackOnly>
        ) : (
          <p safe>
            {presentNames.length > 0
              ? t(locale, m.presentList, { names: presentNames.join(', ') })
              : t(locale, m.nobodyPresent)}
          </p>
        )}

        {open ? (
          <>
            <h2 id="cloture" class="fr-mt-6w" safe>
              {t(locale, m.closeTitle)}
            </h2>
            <p safe>{t(locale, m.closeIntro)}</p>
            <EveryTrackOnly user={ctx.user} locale={locale}>
              <CloseForm ctx={ctx} board={board} form={props.closeForm ?? { values: {}, errors: {} }} />
            </EveryTrackOnly>
          </>
        ) : (
          ''
        )}
      </div>
    </Page>
  );
}

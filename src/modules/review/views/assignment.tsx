import { formatDateTime, t, tCount } from '../../../core/i18n/i18n.js';
import { Alert, Checkbox, CsrfField, DataTable, ErrorSummary, Input } from '../../../core/ui/components.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { ApplicationForReview } from '../../applications/index.js';
import type { AssignedPair, RunRow } from '../assignment.js';
import type { JuryMember } from '../jury.js';
import { juryCounts, juryMessages as m } from '../messages.js';
import { conflictLabels, PairSelects } from './conflicts.js';
import { type FormState, juryPath, type SeasonRef, Shell } from './staff-shell.js';

/** The staff page of a season's assignment of applications to reviewers: run, pairs, manual changes, publication. */

function round(x: number): string {
  return (Math.round(x * 1000) / 1000).toString();
}

/** /admin/saisons/:id/jury/affectation: counts, the run form, the latest run with its metrics and pairs. */
export function AssignmentPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  applications: ApplicationForReview[];
  members: JuryMember[];
  conflictCount: number;
  run?: RunRow;
  pairs: AssignedPair[];
  state: FormState;
  pairState: FormState;
  notice?: string;
  infeasible?: Array<{ fr: string; en: string }>;
  problem?: string;
  /** Staff limited to tracks: only their tracks are shown, and the run and publication are not theirs. */
  trackLimited?: boolean;
}): JSX.Element {
  const { ctx, season, applications, members, run, pairs, state, pairState } = props;
  const { locale } = ctx;
  const base = `${juryPath(season.id)}/affectation`;
  const email = new Map(members.map((x) => [x.id, x.email]));
  const runLabels = { per_application: t(locale, m.perApplication) };
  return (
    <Shell
      ctx={ctx}
      season={season}
      title={t(locale, m.assignmentTitle)}
      crumb={t(locale, m.assignmentTitle)}
      notice={props.notice}
    >
      <p safe>{t(locale, m.assignmentIntro)}</p>
      <p safe>
        {`${[
          tCount(locale, juryCounts.applicationsToReview, applications.length),
          tCount(locale, juryCounts.activeReviewers, members.length),
          tCount(locale, juryCounts.conflicts, props.conflictCount),
        ].join(', ')}.`}
      </p>
      {props.infeasible ? (
        <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <h2 class="fr-alert__title" safe>
            {t(locale, m.infeasibleTitle)}
          </h2>
          <p safe>{t(locale, m.infeasibleText)}</p>
          <ul>
            {props.infeasible.map((e) => (
              <li safe>{locale === 'en' ? e.en : e.fr}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {props.problem ? <Alert kind="error" title={props.problem} /> : ''}
      {props.trackLimited ? (
        <Alert kind="info" title={t(locale, m.trackLimited)} text={t(locale, m.trackLimitedRun)} />
      ) : (
        <form method="post" action={base} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary locale={locale} errors={state.errors} labels={runLabels} />
          <Input
            locale={locale}
            name="per_application"
            label={runLabels.per_application}
            type="number"
            value={state.values.per_application ?? String(run?.per_application ?? 3)}
            error={state.errors.per_application}
            required
          />
          <Checkbox
            name="fair"
            label={t(locale, m.fair)}
            checked={state.values.fair === 'on' || (state.values.fair === undefined && run?.fair === true)}
          />
          <button type="submit" class="fr-btn fr-mt-2w" safe>
            {t(locale, run ? m.rerun : m.run)}
          </button>
        </form>
      )}
      <h2 class="fr-mt-6w" safe>
        {t(locale, m.runTitle)}
      </h2>
      {!run ? (
        <p safe>{t(locale, m.noRun)}</p>
      ) : (
        <>
          <dl class="fr-mb-4w">
            <dt safe>{t(locale, m.totalAffinity)}</dt>
            <dd safe>{round(run.total_affinity)}</dd>
            <dt safe>{t(locale, m.minAffinity)}</dt>
            <dd safe>{round(run.min_application_affinity)}</dd>
            <dt safe>{t(locale, m.optimal)}</dt>
            <dd safe>{t(locale, run.optimal ? m.yes : m.no)}</dd>
            <dt safe>{t(locale, m.mode)}</dt>
            <dd safe>{t(locale, run.fair ? m.modeFair : m.modeTotal)}</dd>
            <dt safe>{t(locale, m.seconds)}</dt>
            <dd safe>{t(locale, m.secondsValue, { s: run.seconds.toFixed(3) })}</dd>
            <dt safe>{t(locale, m.publish)}</dt>
            <dd safe>
              {run.published_at
                ? t(locale, m.published, { date: formatDateTime(locale, new Date(run.published_at)) })
                : t(locale, m.notPublished)}
            </dd>
          </dl>
          <DataTable
            caption={t(locale, m.perApplicationTable)}
            columns={[t(locale, m.application), t(locale, m.count), t(locale, m.assigned)]}
          >
            {applications.map((a) => {
              const mine = pairs.filter((p) => p.applicationId === a.id);
              return (
                <tr>
                  <td safe>{a.title || a.id}</td>
                  <td safe>{String(mine.length)}</td>
                  <td>
                    <ul class="fr-raw-list">
                      {mine.map((p) => (
                        <li>
                          <span
                            safe
                          >{`${email.get(p.memberId) ?? '—'} (${t(locale, m.affinity)} ${round(p.affinity)}, ${t(locale, p.origin === 'manual' ? m.originManual : m.originEngine)}${p.reviewed ? `, ${t(locale, m.reviewed)}` : ''})`}</span>
                          {p.reviewed ? (
                            ''
                          ) : (
                            <form method="post" action={`${base}/paires/${p.id}/retirer`} class="fr-displayed-inline">
                              <CsrfField token={ctx.csrfToken} />
                              <button
                                type="submit"
                                class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
                                title={t(locale, m.removePairOf, {
                                  reviewer: email.get(p.memberId) ?? '',
                                  application: a.title,
                                })}
                                safe
                              >
                                {t(locale, m.removePair)}
                              </button>
                            </form>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <DataTable
            caption={t(locale, m.perReviewerTable)}
            columns={[t(locale, m.reviewer), t(locale, m.load), t(locale, m.count)]}
          >
            {members.map((x) => (
              <tr>
                <td safe>{x.email}</td>
                <td safe>{`${x.minLoad}–${x.maxLoad}`}</td>
                <td safe>{String(pairs.filter((p) => p.memberId === x.id).length)}</td>
              </tr>
            ))}
          </DataTable>
          <h2 id="paire" safe>
            {t(locale, m.addPair)}
          </h2>
          <p class="fr-hint-text" safe>
            {t(locale, m.addPairHint)}
          </p>
          <form method="post" action={`${base}/paires`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <ErrorSummary locale={locale} errors={pairState.errors} labels={conflictLabels(locale)} />
            <PairSelects locale={locale} state={pairState} applications={applications} members={members} />
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.add)}
            </button>
          </form>
          {run.published_at || props.trackLimited ? (
            ''
          ) : (
            <form method="post" action={`${base}/publier`} class="fr-mt-6w">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="fr-btn fr-btn--icon-left fr-icon-send-plane-line" safe>
                {t(locale, m.publish)}
              </button>
            </form>
          )}
        </>
      )}
    </Shell>
  );
}

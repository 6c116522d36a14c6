import { t } from '../../../core/i18n/i18n.js';
import { Alert, CsrfField } from '../../../core/ui/components.js';
import { panelMessages as m } from '../messages.js';
import type { AnalysisResult } from '../tables.js';
import { ErrorExplanation, profileLabeller } from './admin-common.js';
import { ProbabilityChart, percent } from './chart.js';
import type { AnalysisView, PanelPageProps } from './panel.js';

/** The analyses section of a panel's staff page: selection probabilities and their chart. */

export function AnalysisSection({ ctx, panel, quotas, analyses }: PanelPageProps): JSX.Element {
  const { locale } = ctx;
  const done = (['legacy', 'leximin'] as const)
    .map((algorithm) => analyses.find((a) => a.algorithm === algorithm && a.state === 'done'))
    .filter((a): a is AnalysisView & { result: AnalysisResult } => a !== undefined && a.result !== null);
  const pending = analyses.filter((a) => a.state === 'pending');
  const failed = analyses.find((a) => a.state === 'failed' && a.error);
  const outdated = analyses.some((a) => a.outdated);
  return (
    <section class="fr-mb-6w" aria-labelledby="analysis-title">
      <h2 id="analysis-title" safe>
        {t(locale, m.analysisTitle)}
      </h2>
      <p safe>{t(locale, m.analysisIntro)}</p>
      {outdated ? <Alert kind="warning" title={t(locale, m.analysisOutdated)} /> : ''}
      {pending.map((a) => (
        <Alert kind="info" title={t(locale, m.analysisPending, { algorithm: a.algorithm.toUpperCase() })} />
      ))}
      {failed ? <ErrorExplanation locale={locale} error={failed.error!} quotas={quotas} /> : ''}
      {analyses.length === 0 ? <p safe>{t(locale, m.analysisNone)}</p> : ''}
      {done.length > 0 ? (
        <>
          <ul>
            {done.map((a) => (
              <li>
                <span safe>
                  {t(locale, m.analysisSummary, {
                    algorithm: a.algorithm.toUpperCase(),
                    min: percent(locale, a.result.minProbability),
                    n: a.result.n,
                    k: a.result.k,
                    seconds: a.result.seconds.toFixed(2),
                  })}
                </span>
                {a.outdated ? (
                  <>
                    {' '}
                    <span class="fr-badge fr-badge--warning fr-badge--sm" safe>
                      {t(locale, m.outdatedBadge)}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
          <ProbabilityChart
            id="probabilities"
            locale={locale}
            series={done.map((a) => ({ label: a.algorithm.toUpperCase(), result: a.result }))}
            labelOf={profileLabeller(locale, quotas)}
          />
        </>
      ) : (
        ''
      )}
      <form method="post" action={`/admin/panels/${panel.id}/analyses`}>
        <CsrfField token={ctx.csrfToken} />
        <button class="fr-btn fr-btn--secondary" type="submit" safe>
          {t(locale, m.runAnalysis)}
        </button>
      </form>
    </section>
  );
}

import { formatNumber, type Locale, t } from '../../../core/i18n/i18n.js';
import { DataTable } from '../../../core/ui/components.js';
import { panelMessages as m } from '../messages.js';
import type { AnalysisResult } from '../tables.js';

export const percent = (locale: Locale, p: number) =>
  `${formatNumber(locale, 100 * p, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;

export interface ChartSeries {
  label: string;
  result: AnalysisResult;
}

/**
 * Selection probability per profile, one bar per algorithm, drawn in SVG on the server (no script, no
 * inline style: the CSP allows neither), followed by the same figures as a table for screen readers.
 */
export function ProbabilityChart({
  locale,
  series,
  labelOf,
  id,
}: {
  locale: Locale;
  series: ChartSeries[];
  labelOf: (features: string[]) => string;
  id: string;
}): JSX.Element {
  if (series.length === 0) return '';
  const keys = series[0].result.profiles.map((p) => p.features.join('\u0000'));
  const byKey = series.map((s) => new Map(s.result.profiles.map((p) => [p.features.join('\u0000'), p])));
  const max = Math.max(0.0001, ...series.flatMap((s) => s.result.profiles.map((p) => p.probability)));
  const shown = keys.slice(0, 60);
  const labelWidth = 260;
  const barArea = 420;
  const bar = 12;
  const rowHeight = series.length * bar + 10;
  const height = shown.length * rowHeight + 30;
  const equal = series[0].result.n > 0 ? series[0].result.k / series[0].result.n : 0;
  const fills = ['#000091', '#ce614a', '#18753c'];
  const x = (p: number) => labelWidth + (barArea * p) / max;
  return (
    <figure class="fr-my-4w">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${labelWidth + barArea + 90} ${height}`}
        width="100%"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`} safe>
          {t(locale, m.chartTitle)}
        </title>
        <desc id={`${id}-desc`} safe>
          {t(locale, m.chartDesc)}
        </desc>
        {series.map((s, i) => (
          <g>
            <rect x={String(labelWidth + i * 140)} y="4" width="12" height="12" fill={fills[i % fills.length]} />
            <text x={String(labelWidth + i * 140 + 18)} y="14" font-size="12" safe>
              {s.label}
            </text>
          </g>
        ))}
        {shown.map((key, row) => {
          const y = 30 + row * rowHeight;
          const label = labelOf(byKey[0].get(key)!.features);
          return (
            <g>
              <text
                x={String(labelWidth - 6)}
                y={String(y + (series.length * bar) / 2 + 4)}
                text-anchor="end"
                font-size="11"
                safe
              >
                {label.length > 40 ? `${label.slice(0, 39)}…` : label}
              </text>
              {series.map((_s, i) => {
                const p = byKey[i].get(key)?.probability ?? 0;
                return (
                  <g>
                    <rect
                      x={String(labelWidth)}
                      y={String(y + i * bar)}
                      width={String(Math.max(1, x(p) - labelWidth))}
                      height={String(bar - 2)}
                      fill={fills[i % fills.length]}
                    />
                    <text x={String(x(p) + 4)} y={String(y + i * bar + bar - 3)} font-size="10" safe>
                      {percent(locale, p)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {equal > 0 && equal <= max ? (
          <line
            x1={String(x(equal))}
            x2={String(x(equal))}
            y1="24"
            y2={String(height)}
            stroke="#666"
            stroke-dasharray="4 3"
          />
        ) : (
          ''
        )}
      </svg>
      <DataTable
        caption={t(locale, m.chartTable)}
        columns={[t(locale, m.colProfile), t(locale, m.colCount), ...series.map((s) => s.label)]}
      >
        {keys.map((key) => {
          const profile = byKey[0].get(key)!;
          return (
            <tr>
              <td safe>{labelOf(profile.features)}</td>
              <td safe>{String(profile.count)}</td>
              {byKey.map((map) => (
                <td safe>{percent(locale, map.get(key)?.probability ?? 0)}</td>
              ))}
            </tr>
          );
        })}
      </DataTable>
    </figure>
  );
}

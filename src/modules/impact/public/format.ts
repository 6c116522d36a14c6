import { formatDateWith, formatNumber as formatInLocale, type Locale, t } from '../../../core/i18n/i18n.js';
import type { ChartInput, ChartModel } from '../charts/geometry.js';
import { chartModel } from '../charts/geometry.js';
import type { PublicIndicator } from '../queries.js';
import { publicMessages as m } from './messages.js';

/** A figure in the locale's format (French: narrow no-break space between thousands, decimal comma). */
export function formatNumber(locale: Locale, value: number): string {
  return formatInLocale(locale, value, { maximumFractionDigits: 2 });
}

/** An axis label: compact for large figures (1,2 M), full otherwise. */
export function formatAxis(locale: Locale, value: number): string {
  if (Math.abs(value) >= 100_000)
    return formatInLocale(locale, value, { notation: 'compact', maximumFractionDigits: 1 });
  return formatNumber(locale, value);
}

/** A calendar day (YYYY-MM-DD), in full: "31 décembre 2023". Days carry no time zone: read as UTC. */
export function formatDay(locale: Locale, day: string): string {
  const text = formatDateWith(locale, new Date(`${day}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'long' });
  // French writes the first day of a month "1er".
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

function formatTick(locale: Locale, tick: { date: string; unit: 'month' | 'year' }): string {
  const date = new Date(`${tick.date}T00:00:00Z`);
  if (tick.unit === 'year') return String(date.getUTCFullYear());
  return formatDateWith(locale, date, { timeZone: 'UTC', month: 'short', year: 'numeric' });
}

export const pick = (locale: Locale, fr: string, en: string) => (locale === 'en' && en ? en : fr);

export function indicatorName(locale: Locale, indicator: PublicIndicator): string {
  return pick(locale, indicator.name, indicator.nameEn);
}

export function indicatorUnit(locale: Locale, indicator: PublicIndicator): string {
  return pick(locale, indicator.unit, indicator.unitEn);
}

export function chartInputOf(indicator: PublicIndicator): ChartInput {
  return {
    points: indicator.points.map((p) => ({ date: p.periodEnd, value: p.value })),
    baseline: indicator.baseline,
    targets: indicator.targets,
    direction: indicator.direction,
  };
}

/** The chart of an indicator in the locale: the same model feeds the page's SVG and the PDF. */
export function indicatorChart(
  locale: Locale,
  indicator: PublicIndicator,
  size: 'wide' | 'narrow' = 'wide',
): ChartModel {
  return chartModel(chartInputOf(indicator), {
    ...(size === 'narrow' ? { width: 360, height: 300 } : {}),
    formatValue: (v) => formatAxis(locale, v),
    formatTick: (tick) => formatTick(locale, tick),
    legend: {
      values: t(locale, m.legendValues),
      baseline: t(locale, m.legendBaseline),
      target: t(locale, m.legendTarget),
    },
    unit: indicatorUnit(locale, indicator),
  });
}

/** The chart's title and its text description (what a reader of the drawing learns from it). */
export function chartTexts(locale: Locale, indicator: PublicIndicator): { title: string; description: string } {
  const name = indicatorName(locale, indicator);
  const unit = indicatorUnit(locale, indicator);
  const points = indicator.points;
  const parts: string[] = [];
  if (points.length === 0) parts.push(t(locale, m.chartDescNone));
  else {
    const first = points[0];
    const last = points[points.length - 1];
    parts.push(
      t(locale, points.length === 1 ? m.chartDescOne : m.chartDescMany, {
        count: points.length,
        from: formatDay(locale, first.periodEnd),
        to: formatDay(locale, last.periodEnd),
        first: formatNumber(locale, first.value),
        last: formatNumber(locale, last.value),
        unit,
      }),
    );
  }
  if (indicator.baseline)
    parts.push(
      t(locale, m.chartDescBaseline, {
        value: formatNumber(locale, indicator.baseline.value),
        unit,
        date: formatDay(locale, indicator.baseline.date),
      }),
    );
  for (const target of indicator.targets)
    parts.push(
      t(locale, m.chartDescTarget, {
        value: formatNumber(locale, target.value),
        unit,
        date: formatDay(locale, target.date),
      }),
    );
  parts.push(t(locale, indicator.direction === 'decrease' ? m.lowerBetter : m.higherBetter));
  parts.push(t(locale, m.chartDescTable));
  return { title: t(locale, m.chartTitle, { name }), description: parts.join(' ') };
}

/** The rows of the table beside the chart, by date: the baseline, the approved values, the targets. */
export interface FigureRow {
  kind: 'baseline' | 'value' | 'target';
  date: string;
  period: string;
  value: number;
  source: string;
}

export function figureRows(locale: Locale, indicator: PublicIndicator): FigureRow[] {
  const rows: FigureRow[] = [];
  if (indicator.baseline)
    rows.push({
      kind: 'baseline',
      date: indicator.baseline.date,
      period: formatDay(locale, indicator.baseline.date),
      value: indicator.baseline.value,
      source: '',
    });
  for (const p of indicator.points)
    rows.push({
      kind: 'value',
      date: p.periodEnd,
      period: t(locale, m.periodRange, { from: formatDay(locale, p.periodStart), to: formatDay(locale, p.periodEnd) }),
      value: p.value,
      source: p.source,
    });
  for (const target of indicator.targets)
    rows.push({
      kind: 'target',
      date: target.date,
      period: formatDay(locale, target.date),
      value: target.value,
      source: '',
    });
  const order = { baseline: 0, value: 1, target: 2 };
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.kind] - order[b.kind]));
}

export function kindOfRow(locale: Locale, kind: FigureRow['kind']): string {
  return t(locale, kind === 'baseline' ? m.kindBaseline : kind === 'value' ? m.kindValue : m.kindTarget);
}

/** Whether the indicator has anything to draw: a value, a baseline or a target. */
export function hasFigures(indicator: PublicIndicator): boolean {
  return indicator.points.length > 0 || indicator.baseline !== null || indicator.targets.length > 0;
}

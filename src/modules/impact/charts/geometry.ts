/**
 * The geometry of an indicator's chart: values over time, the baseline and the targets, in SVG coordinates
 * (y grows downwards). Pure: no database, no clock, no locale — numbers and dates are formatted by the
 * functions the caller passes. The same model is drawn as SVG markup in the pages (svg.tsx) and with
 * pdf-lib's drawSvgPath / drawText in the season report's PDF (pdf.ts): the chart is the same in both.
 */

export type Direction = 'increase' | 'decrease';

export interface ChartInput {
  /** Approved values: the day that closes each period (YYYY-MM-DD) and the figure. */
  points: readonly { date: string; value: number }[];
  baseline: { date: string; value: number } | null;
  targets: readonly { date: string; value: number }[];
  direction: Direction;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Formats a figure (tick labels): the caller's locale. */
  formatValue?: (value: number) => string;
  /** Formats a tick of the time axis: a month (`2023-04`) or a year (`2023`). */
  formatTick?: (tick: { date: string; unit: 'month' | 'year' }) => string;
  /** The legend's three labels, in the caller's language. */
  legend?: { values: string; baseline: string; target: string };
  /** A short label above the value axis (the unit). */
  unit?: string;
}

export interface ChartText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  size: number;
}

export type MarkerShape = 'circle' | 'square' | 'diamond';

export interface ChartMarker {
  x: number;
  y: number;
  date: string;
  value: number;
  shape: MarkerShape;
  /** The marker's outline as SVG path data. */
  path: string;
}

export interface LegendItem {
  kind: 'values' | 'baseline' | 'target';
  /** The sample drawn before the label (a short line and the marker). */
  line: string;
  marker: string;
  text: ChartText;
}

export interface ChartModel {
  width: number;
  height: number;
  /** The plot area: every mark lies inside it. */
  plot: { x: number; y: number; width: number; height: number };
  yDomain: [number, number];
  /** Value-axis ticks, ascending, evenly spaced by a "nice" step (1, 2 or 5 × 10ⁿ). */
  yTicks: { value: number; y: number; label: string }[];
  /** Time-axis ticks, ascending: first days of months or of years. */
  xTicks: { date: string; x: number; unit: 'month' | 'year'; label: string }[];
  /** Horizontal grid lines at the value ticks, then the two axes. */
  grid: string;
  axes: string;
  /** The line through the approved values, oldest first ('' with fewer than two). */
  valuesPath: string;
  values: ChartMarker[];
  baseline: (ChartMarker & { line: string }) | null;
  targets: ChartMarker[];
  /** The dashed way from the last known figure (last value, else baseline) to the targets ('' if none). */
  targetPath: string;
  texts: ChartText[];
  legend: LegendItem[];
  direction: Direction;
}

export const CHART_COLOURS = {
  values: '#000091',
  baseline: '#666666',
  target: '#b34000',
  grid: '#dddddd',
  axis: '#3a3a3a',
  text: '#161616',
} as const;

const DAY_MS = 86_400_000;
const FONT = 12;
/** A generous estimate of a character's width in the fonts used (Marianne, Helvetica), at size 1. */
const CHAR = 0.6;
const MAX_ABS = 1e15;

export const round2 = (n: number): number => Math.round(n * 100) / 100;
const fmt = (n: number): string => String(round2(n) === 0 ? 0 : round2(n));

export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const usable = (p: { date: string; value: number }) =>
  isDay(p.date) && Number.isFinite(p.value) && Math.abs(p.value) <= MAX_ABS;

/** The decimals a step needs to be written exactly (0.25 → 2). */
function decimalsOf(step: number): number {
  for (let d = 0; d < 12; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 12;
}

/** A "nice" step (1, 2 or 5 × 10ⁿ) giving at most `maxTicks` intervals over the span. */
export function niceStep(span: number, maxTicks = 5): number {
  const raw = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw - 1e-12 * raw) return factor * power;
  return 10 * power;
}

/**
 * The value axis: it always holds 0 (a count read from a line that does not start at zero misleads), the
 * data and the targets; a flat series of zeros gets 0 → 1. Ends are rounded out to the step.
 */
export function valueTicks(min: number, max: number, maxTicks = 5): number[] {
  const lo = Math.min(0, min);
  let hi = Math.max(0, max);
  // A flat series (or one too fine to draw) gets a unit span.
  if (hi - lo < 1e-6) hi = lo + 1;
  const step = niceStep(hi - lo, maxTicks);
  const decimals = decimalsOf(step);
  let first = Math.floor(lo / step + 1e-9);
  let last = Math.ceil(hi / step - 1e-9);
  if (first * step > lo) first -= 1;
  if (last * step < hi) last += 1;
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(decimals)));
  return ticks.map((v) => (Object.is(v, -0) ? 0 : v));
}

/** Time ticks: first days of months every 1, 3 or 6 months, or of years every 1, 2, 5… years, at most `maxTicks`. */
export function timeTicks(from: number, to: number, maxTicks = 7): { date: string; unit: 'month' | 'year' }[] {
  const start = new Date(from * DAY_MS);
  const end = new Date(to * DAY_MS);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
  for (const every of [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200]) {
    const unit: 'month' | 'year' = every >= 12 ? 'year' : 'month';
    const ticks: { date: string; unit: 'month' | 'year' }[] = [];
    if (months / every > maxTicks) continue;
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth();
    // The first tick at or after `from`, on the grid of `every` months.
    for (let guard = 0; guard < 2000; guard++) {
      const day = Math.round(Date.UTC(y, m, 1) / DAY_MS);
      const onGrid = unit === 'year' ? m === 0 && y % (every / 12) === 0 : m % every === 0;
      if (day > to) break;
      if (day >= from && onGrid) ticks.push({ date: dayOfNumber(day), unit });
      m += 1;
      if (m === 12) {
        m = 0;
        y += 1;
      }
    }
    if (ticks.length <= maxTicks) return ticks;
  }
  return [];
}

const circle = (x: number, y: number, r: number) =>
  `M${fmt(x - r)} ${fmt(y)} a${fmt(r)} ${fmt(r)} 0 1 0 ${fmt(2 * r)} 0 a${fmt(r)} ${fmt(r)} 0 1 0 ${fmt(-2 * r)} 0 Z`;
const square = (x: number, y: number, r: number) =>
  `M${fmt(x - r)} ${fmt(y - r)} L${fmt(x + r)} ${fmt(y - r)} L${fmt(x + r)} ${fmt(y + r)} L${fmt(x - r)} ${fmt(y + r)} Z`;
const diamond = (x: number, y: number, r: number) =>
  `M${fmt(x)} ${fmt(y - r)} L${fmt(x + r)} ${fmt(y)} L${fmt(x)} ${fmt(y + r)} L${fmt(x - r)} ${fmt(y)} Z`;
const SHAPES: Record<MarkerShape, (x: number, y: number, r: number) => string> = { circle, square, diamond };
const MARKER = 5;

const defaultValue = (v: number) => String(v);
const defaultTick = (tick: { date: string; unit: 'month' | 'year' }) =>
  tick.unit === 'year' ? tick.date.slice(0, 4) : tick.date.slice(0, 7);

/** The chart's geometry. Points that are not finite figures on valid days are left out. */
export function chartModel(input: ChartInput, options: ChartOptions = {}): ChartModel {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const formatValue = options.formatValue ?? defaultValue;
  const formatTick = options.formatTick ?? defaultTick;
  const legendLabels = options.legend ?? { values: 'Values', baseline: 'Baseline', target: 'Target' };
  const points = input.points.filter(usable).sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  const baseline = input.baseline && usable(input.baseline) ? input.baseline : null;
  const targets = input.targets.filter(usable).sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  const all = [...points, ...(baseline ? [baseline] : []), ...targets];

  const values = all.map((p) => p.value);
  const ticks = valueTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1);
  const yLabels = ticks.map(formatValue);
  const yDomain: [number, number] = [ticks[0], ticks[ticks.length - 1]];

  const days = all.map((p) => dayNumber(p.date));
  let from = days.length ? Math.min(...days) : 0;
  let to = days.length ? Math.max(...days) : 0;
  if (to - from < 60) {
    // One day or a few: a window of a few months around them, so the time axis has ticks.
    const middle = Math.round((from + to) / 2);
    from = middle - 91;
    to = middle + 91;
  }

  // Room: value labels on the left, time labels and the legend below, the unit above.
  const longest = Math.max(1, ...yLabels.map((l) => l.length));
  const left = Math.ceil(12 + longest * FONT * CHAR);
  const top = options.unit ? 30 : 14;
  const right = 20;
  // The legend runs on one row, or wraps on narrow charts; its rows sit under the time labels.
  const kinds: { kind: LegendItem['kind']; shape: MarkerShape; label: string; show: boolean }[] = [
    { kind: 'values', shape: 'circle', label: legendLabels.values, show: true },
    { kind: 'baseline', shape: 'square', label: legendLabels.baseline, show: baseline !== null },
    { kind: 'target', shape: 'diamond', label: legendLabels.target, show: targets.length > 0 },
  ];
  const placed: { item: (typeof kinds)[number]; x: number; row: number }[] = [];
  let cursor = left;
  let row = 0;
  for (const item of kinds.filter((k) => k.show)) {
    const itemWidth = 30 + item.label.length * FONT * CHAR;
    if (cursor > left && cursor + itemWidth > width - right) {
      row += 1;
      cursor = left;
    }
    placed.push({ item, x: cursor, row });
    cursor = round2(cursor + itemWidth + 18);
  }
  const legendRows = row + 1;
  const bottom = 28 + legendRows * 22;
  const plot = {
    x: left,
    y: top,
    width: Math.max(40, width - left - right),
    height: Math.max(40, height - top - bottom),
  };
  const inset = 12;
  // A time label takes about 80 units ("janv. 2025"): no more ticks than fit.
  const xTickDays = timeTicks(from, to, Math.max(2, Math.min(7, Math.floor(plot.width / 84))));
  const xOf = (day: number) => round2(plot.x + inset + ((day - from) / (to - from)) * (plot.width - 2 * inset));
  const yOf = (value: number) =>
    round2(plot.y + plot.height - ((value - yDomain[0]) / (yDomain[1] - yDomain[0])) * plot.height);
  const marker = (p: { date: string; value: number }, shape: MarkerShape): ChartMarker => {
    const x = xOf(dayNumber(p.date));
    const y = yOf(p.value);
    return { x, y, date: p.date, value: p.value, shape, path: SHAPES[shape](x, y, MARKER) };
  };

  const yTicks = ticks.map((value, i) => ({ value, y: yOf(value), label: yLabels[i] }));
  const xTicks = xTickDays.map((tick) => ({ ...tick, x: xOf(dayNumber(tick.date)), label: formatTick(tick) }));
  const plotRight = round2(plot.x + plot.width);
  const plotBottom = round2(plot.y + plot.height);
  const grid = yTicks.map((t) => `M${fmt(plot.x)} ${fmt(t.y)} H${fmt(plotRight)}`).join(' ');
  const axes = `M${fmt(plot.x)} ${fmt(plot.y)} V${fmt(plotBottom)} H${fmt(plotRight)}`;

  const valueMarkers = points.map((p) => marker(p, 'circle'));
  const valuesPath =
    valueMarkers.length < 2
      ? ''
      : valueMarkers.map((m, i) => `${i === 0 ? 'M' : 'L'}${fmt(m.x)} ${fmt(m.y)}`).join(' ');
  const baselineMarker = baseline
    ? { ...marker(baseline, 'square'), line: `M${fmt(plot.x)} ${fmt(yOf(baseline.value))} H${fmt(plotRight)}` }
    : null;
  const targetMarkers = targets.map((p) => marker(p, 'diamond'));
  const anchor = valueMarkers.at(-1) ?? baselineMarker;
  const way = anchor ? targetMarkers.filter((t) => dayNumber(t.date) >= dayNumber(anchor.date)) : targetMarkers;
  const targetPath =
    anchor && way.length > 0
      ? [anchor, ...way].map((m, i) => `${i === 0 ? 'M' : 'L'}${fmt(m.x)} ${fmt(m.y)}`).join(' ')
      : '';

  const texts: ChartText[] = [
    ...yTicks.map((t) => ({
      x: round2(plot.x - 6),
      y: round2(t.y + 4),
      text: t.label,
      anchor: 'end' as const,
      size: FONT,
    })),
    ...xTicks.map((t) => ({
      x: t.x,
      y: round2(plotBottom + 18),
      text: t.label,
      anchor: 'middle' as const,
      size: FONT,
    })),
  ];
  if (options.unit) texts.push({ x: 0, y: 14, text: options.unit, anchor: 'start', size: FONT });

  const legend: LegendItem[] = placed.map(({ item, x, row: r }) => {
    const ly = round2(plot.y + plot.height + 28 + 22 * r + 14);
    const cy = ly - 4;
    return {
      kind: item.kind,
      line: `M${fmt(x)} ${fmt(cy)} H${fmt(x + 24)}`,
      marker: SHAPES[item.shape](x + 12, cy, MARKER),
      text: { x: round2(x + 30), y: ly, text: item.label, anchor: 'start' as const, size: FONT },
    };
  });

  return {
    width,
    height,
    plot,
    yDomain,
    yTicks,
    xTicks,
    grid,
    axes,
    valuesPath,
    values: valueMarkers,
    baseline: baselineMarker,
    targets: targetMarkers,
    targetPath,
    texts,
    legend,
    direction: input.direction,
  };
}

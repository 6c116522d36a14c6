import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChartInput, chartModel, dayNumber, niceStep, timeTicks, valueTicks } from './geometry.js';
import { ChartSvg } from './svg.js';

const day = fc
  .integer({ min: dayNumber('2000-01-01'), max: dayNumber('2060-12-31') })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const value = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 1, 1e12, -1e12, 0.001, 1234567.89),
);
const point = fc.record({ date: day, value });
const input: fc.Arbitrary<ChartInput> = fc.record({
  points: fc.array(point, { maxLength: 12 }),
  baseline: fc.option(point, { nil: null }),
  targets: fc.array(point, { maxLength: 4 }),
  direction: fc.constantFrom('increase' as const, 'decrease' as const),
});

const within = (model: ReturnType<typeof chartModel>, m: { x: number; y: number }) =>
  m.x >= model.plot.x &&
  m.x <= model.plot.x + model.plot.width &&
  m.y >= model.plot.y - 0.01 &&
  m.y <= model.plot.y + model.plot.height + 0.01;

/** Every coordinate of an SVG path's absolute commands (M, L, H, V), as numbers. */
const numbersOf = (d: string) => (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

describe('the chart geometry', () => {
  it('puts every mark inside the plot area, whatever the figures and dates', () => {
    fc.assert(
      fc.property(input, (chart) => {
        const model = chartModel(chart);
        for (const m of [...model.values, ...model.targets, ...(model.baseline ? [model.baseline] : [])])
          expect(within(model, m)).toBe(true);
        for (const t of model.xTicks) expect(within(model, { x: t.x, y: model.plot.y })).toBe(true);
        for (const t of model.yTicks) expect(within(model, { x: model.plot.x, y: t.y })).toBe(true);
        for (const d of [model.grid, model.axes, model.valuesPath, model.targetPath])
          for (const n of numbersOf(d)) expect(Number.isFinite(n)).toBe(true);
        for (const item of model.legend) {
          expect(item.text.y).toBeGreaterThan(model.plot.y + model.plot.height);
          expect(item.text.y).toBeLessThanOrEqual(model.height);
        }
        expect(model.values).toHaveLength(chart.points.length);
        expect(model.targets).toHaveLength(chart.targets.length);
      }),
    );
  });

  it('draws the values oldest first, higher figures higher up', () => {
    fc.assert(
      fc.property(input, (chart) => {
        const model = chartModel(chart);
        for (let i = 1; i < model.values.length; i++) {
          const [a, b] = [model.values[i - 1], model.values[i]];
          expect(a.date <= b.date).toBe(true);
          expect(a.x <= b.x).toBe(true);
          if (b.value - a.value > (model.yDomain[1] - model.yDomain[0]) / 1000) expect(b.y).toBeLessThan(a.y);
        }
      }),
    );
  });

  it('has value ticks ascending, evenly spaced by a nice step, covering the data and zero', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 10 }), (values) => {
        const ticks = valueTicks(Math.min(...values), Math.max(...values));
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(12);
        const step = ticks[1] - ticks[0];
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 5, 10].some((f) => Math.abs(mantissa - f) < 1e-6)).toBe(true);
        for (let i = 1; i < ticks.length; i++) {
          expect(ticks[i]).toBeGreaterThan(ticks[i - 1]);
          expect(Math.abs(ticks[i] - ticks[i - 1] - step)).toBeLessThanOrEqual(step * 1e-6);
        }
        expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, ...values));
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(Math.max(0, ...values));
        expect(ticks).toContain(0);
      }),
    );
  });

  it('has time ticks ascending on first days of months, at most seven', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = [dayNumber(a), dayNumber(b)].sort((x, y) => x - y);
        const ticks = timeTicks(from, to + 62);
        expect(ticks.length).toBeGreaterThanOrEqual(1);
        expect(ticks.length).toBeLessThanOrEqual(7);
        for (const t of ticks) expect(t.date.endsWith('-01')).toBe(true);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i].date > ticks[i - 1].date).toBe(true);
      }),
    );
  });

  it('gives the same output for the same input, and escapes every text', () => {
    const name = fc.string({ maxLength: 30 }).map((s) => `${s}<script>alert("x")</script>&`);
    fc.assert(
      fc.property(input, name, (chart, title) => {
        const options = { unit: title, legend: { values: title, baseline: 'Référence', target: 'Cible' } };
        const a = String(ChartSvg({ id: 'c', model: chartModel(chart, options), title, description: title }));
        const b = String(ChartSvg({ id: 'c', model: chartModel(chart, options), title, description: title }));
        expect(a).toBe(b);
        expect(a).not.toContain('<script');
        expect(a).toContain('&lt;script');
      }),
    );
  });

  it('handles the edge cases: one point, equal values, negatives, baseline only, targets after the last value', () => {
    const narrow = chartModel(
      {
        points: [{ date: '2023-06-30', value: 1 }],
        baseline: { date: '2022-01-01', value: 0 },
        targets: [{ date: '2025-01-01', value: 3 }],
        direction: 'increase',
      },
      { width: 360, legend: { values: 'Valeurs validées', baseline: 'Référence', target: 'Cible' } },
    );
    for (const item of narrow.legend) expect(item.text.x + item.text.text.length * 12 * 0.6).toBeLessThanOrEqual(360);
    expect(new Set(narrow.legend.map((l) => l.text.y)).size).toBe(2);
    const one = chartModel({
      points: [{ date: '2023-06-30', value: 300 }],
      baseline: null,
      targets: [],
      direction: 'increase',
    });
    expect(one.values).toHaveLength(1);
    expect(one.valuesPath).toBe('');
    expect(one.values[0].x).toBeGreaterThan(one.plot.x);
    expect(one.xTicks.length).toBeGreaterThan(0);

    const flat = chartModel({
      points: [
        { date: '2022-01-01', value: 5 },
        { date: '2023-01-01', value: 5 },
      ],
      baseline: null,
      targets: [],
      direction: 'increase',
    });
    expect(flat.yDomain[0]).toBe(0);
    expect(flat.values[0].y).toBe(flat.values[1].y);
    expect(flat.values[0].y).toBeLessThan(flat.plot.y + flat.plot.height);

    const zeros = chartModel({
      points: [{ date: '2022-01-01', value: 0 }],
      baseline: null,
      targets: [],
      direction: 'decrease',
    });
    expect(zeros.yDomain).toEqual([0, 1]);

    const negative = chartModel({
      points: [
        { date: '2022-01-01', value: -40 },
        { date: '2023-01-01', value: 15 },
      ],
      baseline: null,
      targets: [],
      direction: 'decrease',
    });
    expect(negative.yDomain[0]).toBeLessThanOrEqual(-40);
    expect(negative.yTicks.map((t) => t.value)).toContain(0);

    const baselineOnly = chartModel({
      points: [],
      baseline: { date: '2022-01-01', value: 12 },
      targets: [],
      direction: 'increase',
    });
    expect(baselineOnly.baseline).not.toBeNull();
    expect(baselineOnly.legend.map((l) => l.kind)).toEqual(['values', 'baseline']);

    const ahead = chartModel({
      points: [{ date: '2022-12-31', value: 300 }],
      baseline: { date: '2022-01-01', value: 100 },
      targets: [{ date: '2025-12-31', value: 2000 }],
      direction: 'increase',
    });
    expect(ahead.targets[0].x).toBeGreaterThan(ahead.values[0].x);
    expect(ahead.targetPath.startsWith(`M${ahead.values[0].x} ${ahead.values[0].y}`)).toBe(true);
    expect(niceStep(1e15)).toBe(2e14);
    const huge = chartModel({
      points: [{ date: '2022-01-01', value: 9.99e14 }],
      baseline: null,
      targets: [],
      direction: 'increase',
    });
    expect(huge.yDomain[1]).toBeGreaterThanOrEqual(9.99e14);
  });
});

import type { PDFFont, PDFPage } from 'pdf-lib';
import { pdfSafe } from '../../../core/pdf/text.js';
import { CHART_COLOURS as C, type ChartModel, type ChartText } from './geometry.js';

type Rgb = (r: number, g: number, b: number) => ReturnType<typeof import('pdf-lib').rgb>;

const hex = (rgb: Rgb, colour: string) =>
  rgb(
    Number.parseInt(colour.slice(1, 3), 16) / 255,
    Number.parseInt(colour.slice(3, 5), 16) / 255,
    Number.parseInt(colour.slice(5, 7), 16) / 255,
  );

/**
 * Draws the chart's model on a PDF page, its top-left corner at (x, top) in PDF points, scaled by `scale`.
 * The paths are the SVG's own path data (pdf-lib's drawSvgPath reads SVG coordinates, y downwards), so
 * the chart in the PDF is the one in the page.
 */
export function drawChart(
  page: PDFPage,
  model: ChartModel,
  at: { x: number; top: number; scale: number; font: PDFFont; rgb: Rgb },
): void {
  const { x, top, scale, font, rgb } = at;
  const path = (d: string, options: { stroke?: string; fill?: string; width?: number; dash?: number[] }) => {
    if (!d) return;
    page.drawSvgPath(d, {
      x,
      y: top,
      scale,
      borderColor: options.stroke ? hex(rgb, options.stroke) : undefined,
      borderWidth: options.stroke ? (options.width ?? 1) : 0,
      borderDashArray: options.dash,
      color: options.fill ? hex(rgb, options.fill) : undefined,
    });
  };
  const text = (t: ChartText) => {
    const value = pdfSafe(t.text);
    const size = t.size * scale;
    const width = font.widthOfTextAtSize(value, size);
    const dx = t.anchor === 'end' ? -width : t.anchor === 'middle' ? -width / 2 : 0;
    page.drawText(value, { x: x + t.x * scale + dx, y: top - t.y * scale, size, font, color: hex(rgb, C.text) });
  };
  path(model.grid, { stroke: C.grid });
  path(model.axes, { stroke: C.axis });
  if (model.baseline) path(model.baseline.line, { stroke: C.baseline, width: 1.5, dash: [6, 4] });
  path(model.targetPath, { stroke: C.target, width: 1.5, dash: [3, 3] });
  path(model.valuesPath, { stroke: C.values, width: 2.5 });
  if (model.baseline) path(model.baseline.path, { fill: C.baseline, stroke: '#ffffff' });
  for (const m of model.values) path(m.path, { fill: C.values, stroke: '#ffffff' });
  for (const m of model.targets) path(m.path, { fill: '#ffffff', stroke: C.target, width: 2 });
  for (const t of model.texts) text(t);
  for (const item of model.legend) {
    path(item.line, {
      stroke: C[item.kind],
      width: 2,
      dash: item.kind === 'values' ? undefined : item.kind === 'baseline' ? [6, 4] : [3, 3],
    });
    path(item.marker, {
      fill: item.kind === 'target' ? '#ffffff' : C[item.kind],
      stroke: item.kind === 'target' ? C.target : '#ffffff',
      width: item.kind === 'target' ? 2 : 1,
    });
    text(item.text);
  }
}

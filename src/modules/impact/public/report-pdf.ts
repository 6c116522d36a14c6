import type { PDFFont, PDFPage } from 'pdf-lib';
import { formatDate, type Locale, t } from '../../../core/i18n/i18n.js';
import { pdfSafe, wrapText } from '../../../core/pdf/text.js';
import { formatEuros } from '../../seasons/index.js';
import { drawChart } from '../charts/pdf.js';
import type { SeasonReport } from './data.js';
import {
  chartTexts,
  figureRows,
  formatNumber,
  hasFigures,
  indicatorChart,
  indicatorName,
  indicatorUnit,
  kindOfRow,
  pick,
} from './format.js';
import { publicMessages as m } from './messages.js';
import { type ReportTable, reportSections } from './report-sections.js';

/**
 * The season report as an A4 PDF in one language: a title page, the sections of the page in the same order,
 * each indicator's chart drawn from the same geometry as the page's SVG with its figures below, page
 * numbers, and the document's title, subject and language in its metadata.
 */
export async function renderReportPdf(report: SeasonReport, locale: Locale): Promise<Uint8Array> {
  const { PDFDocument, PDFName, PDFString, rgb, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const season = pick(locale, report.season.name, report.season.nameEn);
  const title = t(locale, m.reportTitle, { season });
  pdf.setTitle(pdfSafe(title), { showInWindowTitleBar: true });
  pdf.setSubject(pdfSafe(t(locale, m.pdfSubject)));
  pdf.setAuthor(pdfSafe(t(locale, m.service)));
  pdf.setLanguage(locale === 'en' ? 'en-GB' : 'fr-FR');
  pdf.setCreator('Accélérateur');
  pdf.setProducer('Accélérateur');
  pdf.setCreationDate(report.generatedAt);
  pdf.setModificationDate(report.generatedAt);
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of(locale === 'en' ? 'en-GB' : 'fr-FR'));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const italic = await pdf.embedFont(StandardFonts.HelveticaOblique);
  const ink = rgb(0.09, 0.09, 0.09);
  const blue = rgb(0, 0, 0.57);
  const grey = rgb(0.4, 0.4, 0.4);
  const size: [number, number] = [595.28, 841.89];
  const margin = 56;
  const width = size[0] - 2 * margin;
  let page: PDFPage = pdf.addPage(size);
  let y = size[1] - margin;

  const newPage = () => {
    page = pdf.addPage(size);
    y = size[1] - margin;
  };
  const room = (needed: number) => {
    if (y - needed < margin + 24) newPage();
  };
  const write = (
    value: string,
    font: PDFFont = regular,
    fontSize = 10,
    options: { gap?: number; color?: typeof ink } = {},
  ) => {
    const gap = options.gap ?? 4;
    for (const line of wrapText(pdfSafe(value), font, fontSize, width)) {
      room(fontSize + gap);
      y -= fontSize + gap;
      page.drawText(line, { x: margin, y, size: fontSize, font, color: options.color ?? ink });
    }
  };
  const heading = (value: string, level: 1 | 2 = 1) => {
    room(level === 1 ? 90 : 60);
    y -= level === 1 ? 18 : 10;
    write(value, bold, level === 1 ? 16 : 12, { color: level === 1 ? blue : ink, gap: 5 });
    if (level === 1) {
      y -= 7;
      page.drawLine({ start: { x: margin, y }, end: { x: margin + 60, y }, thickness: 2, color: blue });
    }
    y -= 6;
  };
  const ellipsis = (text: string, font: PDFFont, fontSize: number, cell: number) => {
    let value = pdfSafe(text);
    if (font.widthOfTextAtSize(value, fontSize) <= cell) return value;
    while (value.length > 1 && font.widthOfTextAtSize(`${value}...`, fontSize) > cell) value = value.slice(0, -1);
    return `${value}...`;
  };
  const table = (data: ReportTable) => {
    room(40);
    y -= 4;
    write(data.caption, bold, 9);
    // The first column takes what the others leave; figures are right-aligned.
    const others = data.columns.length - 1;
    const figureWidth = others > 0 ? Math.min(110, (width * 0.5) / others) : 0;
    const firstWidth = width - others * figureWidth;
    const line = (cells: string[], font: PDFFont) => {
      room(16);
      y -= 14;
      cells.forEach((cell, i) => {
        const cellWidth = (i === 0 ? firstWidth : figureWidth) - 6;
        const text = ellipsis(cell, font, 9, cellWidth);
        const textWidth = font.widthOfTextAtSize(text, 9);
        const x = i === 0 ? margin : margin + firstWidth + i * figureWidth - textWidth - 4;
        page.drawText(text, { x, y, size: 9, font, color: ink });
      });
      page.drawLine({
        start: { x: margin, y: y - 4 },
        end: { x: margin + width, y: y - 4 },
        thickness: 0.5,
        color: rgb(0.85, 0.85, 0.85),
      });
    };
    line(data.columns, bold);
    for (const row of data.rows) line(row, regular);
    y -= 8;
  };

  // Title page.
  page.drawRectangle({ x: 0, y: size[1] - 12, width: size[0], height: 12, color: blue });
  y = size[1] - 120;
  write(t(locale, m.service), bold, 12, { color: blue });
  y -= 40;
  write(title, bold, 28, { gap: 10 });
  y -= 16;
  write(pick(locale, report.season.summary, report.season.summaryEn), regular, 12, { gap: 6 });
  y -= 24;
  write(t(locale, m.pdfGenerated, { date: formatDate(locale, report.generatedAt) }), regular, 10, { color: grey });
  y -= 8;
  write(t(locale, m.reportLead, { date: formatDate(locale, report.generatedAt) }), italic, 9, { color: grey });

  // The key figures, as on the page.
  y -= 48;
  const figures = [
    [formatNumber(locale, report.applications.submitted), t(locale, m.submitted)],
    [formatNumber(locale, report.laureates.length), t(locale, m.laureatesCount)],
    [
      report.grants ? formatEuros(locale, report.grants.committedCents) : t(locale, m.none),
      t(locale, m.grantsCommitted),
    ],
    [formatNumber(locale, report.indicators.length), t(locale, m.indicatorsPublished)],
  ];
  const column = width / figures.length;
  figures.forEach(([value, label], i) => {
    const x = margin + i * column;
    page.drawRectangle({ x, y: y - 62, width: 3, height: 62, color: blue });
    page.drawText(pdfSafe(value), { x: x + 10, y: y - 22, size: 18, font: bold, color: ink });
    wrapText(pdfSafe(label), regular, 8, column - 18).forEach((line, j) =>
      page.drawText(line, { x: x + 10, y: y - 38 - j * 10, size: 8, font: regular, color: grey }),
    );
  });
  page.drawText(pdfSafe('République française'), { x: margin, y: size[1] - 70, size: 9, font: bold, color: ink });

  const sections = reportSections(locale, report);
  const [selection, ...rest] = sections;
  const section = (s: (typeof sections)[number]) => {
    heading(s.title);
    if (s.lead) write(s.lead, italic, 9, { color: grey });
    if (s.empty) write(s.empty);
    for (const data of s.tables) table(data);
  };

  newPage();
  section(selection);
  heading(t(locale, m.secLaureates));
  if (report.laureates.length === 0) write(t(locale, m.noLaureates));
  for (const l of report.laureates) {
    room(30);
    y -= 4;
    write(l.name, bold, 10);
    const summary = pick(locale, l.summary, l.summaryEn);
    if (summary) write(summary, regular, 9, { gap: 3 });
  }
  for (const s of rest) section(s);

  heading(t(locale, m.secIndicators));
  if (report.indicators.length === 0) write(t(locale, m.noIndicators));
  const scale = width / 640;
  for (const laureate of report.laureates) {
    const mine = report.indicators.filter((i) => i.laureateId === laureate.id);
    if (mine.length === 0) continue;
    for (const indicator of mine) {
      if (!hasFigures(indicator)) {
        heading(`${laureate.name} — ${indicatorName(locale, indicator)}`, 2);
        write(t(locale, m.noValueYet));
        continue;
      }
      const model = indicatorChart(locale, indicator);
      const chartHeight = model.height * scale;
      room(chartHeight + 80);
      heading(`${laureate.name} — ${indicatorName(locale, indicator)}`, 2);
      const texts = chartTexts(locale, indicator);
      write(texts.description, regular, 8, { color: grey, gap: 3 });
      y -= 6;
      drawChart(page, model, { x: margin, top: y, scale, font: regular, rgb });
      y -= chartHeight + 6;
      const unit = indicatorUnit(locale, indicator);
      table({
        caption: t(locale, m.tableCaption, { name: indicatorName(locale, indicator) }),
        columns: [t(locale, m.colPeriod), t(locale, m.colKind), `${t(locale, m.colValue)} (${unit})`],
        rows: figureRows(locale, indicator).map((row) => [
          row.source ? `${row.period} (${row.source})` : row.period,
          kindOfRow(locale, row.kind),
          formatNumber(locale, row.value),
        ]),
      });
    }
  }

  heading(t(locale, m.secTestimonies));
  if (report.testimonies.length === 0) write(t(locale, m.noTestimonies));
  const laureateName = new Map(report.laureates.map((l) => [l.id, l.name]));
  for (const testimony of report.testimonies) {
    room(50);
    y -= 6;
    write(`« ${pick(locale, testimony.quote, testimony.quoteEn)} »`, italic, 10);
    const who = [testimony.authorName, testimony.authorRole, laureateName.get(testimony.laureateId) ?? '']
      .filter(Boolean)
      .join(', ');
    write(`— ${who}`, regular, 9, { color: grey });
    if (testimony.videoUrl) write(testimony.videoUrl, regular, 8, { color: blue });
  }

  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    if (i === 0) return;
    const label = pdfSafe(t(locale, m.pdfPage, { n: i + 1, total: pages.length }));
    p.drawText(pdfSafe(title), { x: margin, y: margin / 2, size: 8, font: regular, color: grey });
    p.drawText(label, {
      x: size[0] - margin - regular.widthOfTextAtSize(label, 8),
      y: margin / 2,
      size: 8,
      font: regular,
      color: grey,
    });
  });
  return pdf.save();
}

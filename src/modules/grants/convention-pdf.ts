import { createHash } from 'node:crypto';
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { Locale } from '../../core/i18n/i18n.js';
import { pdfSafe, wrapText } from '../../core/pdf/text.js';

const LABELS = {
  fr: {
    service: 'Accélérateur d’initiatives citoyennes',
    page: 'Page',
    signatures: 'Signatures',
    payer: 'Pour l’attribuant',
    beneficiary: 'Pour le bénéficiaire',
    date: 'Date :',
  },
  en: {
    service: 'Citizen initiatives accelerator',
    page: 'Page',
    signatures: 'Signatures',
    payer: 'For the paying body',
    beneficiary: 'For the beneficiary',
    date: 'Date:',
  },
} as const;

/**
 * The convention as a PDF: its filled text (the first line is the title), then a block for both parties'
 * signatures. Dated with the generation time so the same inputs give the same bytes and SHA-256.
 */
export async function renderConventionPdf(data: {
  locale: Locale;
  title: string;
  text: string;
  generatedAt: Date;
}): Promise<Uint8Array> {
  const labels = LABELS[data.locale];
  const { PDFDocument, rgb, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(data.title));
  pdf.setCreator('Accélérateur');
  pdf.setProducer('Accélérateur');
  pdf.setCreationDate(data.generatedAt);
  pdf.setModificationDate(data.generatedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page: PDFPage = pdf.addPage([595.28, 841.89]);
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const write = (value: string, font: PDFFont, size: number, gap = 4) => {
    for (const line of wrapText(pdfSafe(value), font, size, width, { keepEmpty: true })) {
      if (y - size - gap < margin) {
        page = pdf.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      y -= size + gap;
      if (line) page.drawText(line, { x: margin, y, size, font, color: rgb(0.09, 0.09, 0.09) });
    }
  };
  write(labels.service, bold, 10);
  y -= 10;
  write(data.title, bold, 16);
  y -= 8;
  for (const paragraph of data.text.split(/\n{2,}/)) {
    const lines = paragraph.split('\n');
    // An article's heading ("Article 3 – …") is set in bold.
    for (const line of lines) write(line, /^(Article|Art\.)\s/i.test(line) ? bold : regular, 10.5, 3);
    y -= 8;
  }
  y -= 12;
  write(labels.signatures, bold, 12);
  write(`${labels.payer}      ${labels.date}`, regular, 10.5);
  y -= 40;
  write(`${labels.beneficiary}      ${labels.date}`, regular, 10.5);
  const pages = pdf.getPages();
  pages.forEach((p, index) =>
    p.drawText(`${labels.page} ${index + 1}/${pages.length}`, {
      x: margin,
      y: margin / 2,
      size: 8,
      font: regular,
      color: rgb(0.4, 0.4, 0.4),
    }),
  );
  return pdf.save();
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

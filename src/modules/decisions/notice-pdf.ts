import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { formatDateTime, type Locale } from '../../core/i18n/i18n.js';
import { pdfSafe, wrapText } from '../../core/pdf/text.js';

export interface NoticePdfData {
  locale: Locale;
  applicationId: string;
  seasonName: string;
  subject: string;
  /** The full text as sent (paragraphs separated by blank lines). */
  text: string;
  sentAt: Date;
}

const LABELS = {
  fr: {
    service: 'Accélérateur d’initiatives citoyennes',
    heading: 'Notification de décision',
    reference: 'Référence de la candidature',
    season: 'Saison',
    date: 'Date d’envoi (heure de Paris)',
    page: 'Page',
  },
  en: {
    service: 'Citizen initiatives accelerator',
    heading: 'Notice of decision',
    reference: 'Application reference',
    season: 'Season',
    date: 'Sent on (Paris time)',
    page: 'Page',
  },
} as const;

/** The notice as a PDF the applicant keeps: who sent it, when, about which application, and the full text. */
export async function renderNoticePdf(data: NoticePdfData): Promise<Uint8Array> {
  const labels = LABELS[data.locale];
  const { PDFDocument, rgb, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(data.subject));
  pdf.setCreator('Accélérateur');
  pdf.setProducer('Accélérateur');
  pdf.setCreationDate(data.sentAt);
  pdf.setModificationDate(data.sentAt);
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
  write(labels.service, bold, 11);
  y -= 10;
  write(labels.heading, bold, 18);
  y -= 8;
  write(`${labels.season} : ${data.seasonName}`, regular, 10);
  write(`${labels.reference} : ${data.applicationId}`, regular, 10);
  write(`${labels.date} : ${formatDateTime(data.locale, data.sentAt)}`, regular, 10);
  y -= 14;
  write(data.subject, bold, 13);
  y -= 8;
  for (const paragraph of data.text.split(/\n{2,}/)) {
    for (const line of paragraph.split('\n')) write(line, regular, 11, 3);
    y -= 8;
  }
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

/** A sent notice's PDF, as a download for this person only. */
export function sendPdf(reply: FastifyReply, pdf: Uint8Array, applicationId: string, kind: string): FastifyReply {
  return reply
    .type('application/pdf')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="decision-${kind}-${applicationId}.pdf"`)
    .send(Buffer.from(pdf));
}

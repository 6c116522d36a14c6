import type { PDFFont } from 'pdf-lib';
import { formatDateTime, type Locale } from '../../../core/i18n/i18n.js';
import { pdfSafe, wrapText } from '../../../core/pdf/text.js';

export interface ReceiptData {
  locale: Locale;
  applicationId: string;
  applicant: string;
  applicantEmail: string;
  title: string;
  season: string;
  version: number;
  submittedAt: Date;
  sha256: string;
}

const TEXT = {
  fr: {
    heading: 'Accusé de réception de candidature',
    service: 'Accélérateur d’initiatives citoyennes',
    applicant: 'Porteur',
    project: 'Projet',
    season: 'Saison',
    reference: 'Référence',
    version: 'Version',
    date: 'Date et heure de dépôt (heure de Paris)',
    hash: 'Empreinte SHA-256 des réponses',
    note: 'L’empreinte permet de vérifier que les réponses enregistrées sont exactement celles qui ont été déposées.',
  },
  en: {
    heading: 'Application receipt',
    service: 'Citizen initiatives accelerator',
    applicant: 'Applicant',
    project: 'Project',
    season: 'Season',
    reference: 'Reference',
    version: 'Version',
    date: 'Date and time of submission (Paris time)',
    hash: 'SHA-256 fingerprint of the answers',
    note: 'The fingerprint shows that the recorded answers are exactly those that were submitted.',
  },
} as const;

/** The PDF receipt of one submitted version: who, what, when (Europe/Paris) and the answers' SHA-256. */
export async function renderReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  const text = TEXT[data.locale];
  // Loaded on the first receipt: pdf-lib is a fifth of a second of every start otherwise (decision 0013).
  const { PDFDocument, rgb, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(`${text.heading} - ${data.title}`));
  pdf.setCreator('Accélérateur');
  pdf.setCreationDate(data.submittedAt);
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const write = (value: string, font: PDFFont, size: number, gap = 4) => {
    for (const line of wrapText(pdfSafe(value), font, size, width)) {
      y -= size + gap;
      page.drawText(line, { x: margin, y, size, font, color: rgb(0.09, 0.09, 0.09) });
    }
  };
  write(text.service, bold, 11);
  y -= 12;
  write(text.heading, bold, 20);
  y -= 16;
  const fields: [string, string][] = [
    [text.applicant, `${data.applicant} <${data.applicantEmail}>`],
    [text.project, data.title],
    [text.season, data.season],
    [text.reference, data.applicationId],
    [text.version, String(data.version)],
    [text.date, formatDateTime(data.locale, data.submittedAt)],
    [text.hash, data.sha256],
  ];
  for (const [label, value] of fields) {
    write(label, bold, 10, 10);
    write(value || '-', regular, 12);
  }
  y -= 20;
  write(text.note, regular, 9);
  return pdf.save();
}

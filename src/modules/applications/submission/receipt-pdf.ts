import type { PDFFont } from 'pdf-lib';
import { formatDateTime, type Locale } from '../../../core/i18n/i18n.js';

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

/** The standard PDF fonts speak WinAnsi: keep Latin-1 and its typographic extras, replace the rest. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function pdfSafe(text: string): string {
  return Array.from(text.replace(/[\u00a0\u202f\u2009]/g, ' '))
    .map((c) => (c.charCodeAt(0) <= 0xff && c >= ' ' ? c : WIN_ANSI_EXTRAS.has(c) ? c : '?'))
    .join('');
}

/** Splits a text into lines that fit the width, breaking long words (a hash) where needed. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

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
    for (const line of wrap(pdfSafe(value), font, size, width)) {
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

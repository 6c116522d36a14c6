import type { PDFFont, PDFPage } from 'pdf-lib';
import { formatDateTime, type Locale } from '../../../core/i18n/i18n.js';
import { pdfSafe, wrapText } from '../../../core/pdf/text.js';
import type { SummaryAnswer, SummaryItem, SummarySection } from '../form/summary.js';

export interface ReceiptData {
  locale: Locale;
  applicationId: string;
  /** The submitter's name as given on their account; '' when none was given (the address then stands alone). */
  applicant: string;
  applicantEmail: string;
  title: string;
  season: string;
  version: number;
  submittedAt: Date;
  sha256: string;
  /** The submitted answers, as every reader reads them (form/summary.ts); files carry their SHA-256. */
  answers: SummarySection[];
}

const TEXT = {
  fr: {
    heading: 'Accusé de réception de candidature',
    service: 'Accélérateur d’initiatives citoyennes',
    applicant: 'Porteur',
    email: 'Adresse électronique',
    project: 'Projet',
    season: 'Saison',
    reference: 'Référence',
    version: 'Version',
    date: 'Date et heure de dépôt (heure de Paris)',
    hash: 'Empreinte SHA-256 des réponses',
    note: 'L’empreinte permet de vérifier que les réponses enregistrées sont exactement celles qui ont été déposées.',
    answers: 'Réponses déposées',
    notAnswered: 'Non renseigné',
    fileHash: 'SHA-256',
    page: 'Page',
  },
  en: {
    heading: 'Application receipt',
    service: 'Citizen initiatives accelerator',
    applicant: 'Applicant',
    email: 'Email address',
    project: 'Project',
    season: 'Season',
    reference: 'Reference',
    version: 'Version',
    date: 'Date and time of submission (Paris time)',
    hash: 'SHA-256 fingerprint of the answers',
    note: 'The fingerprint shows that the recorded answers are exactly those that were submitted.',
    answers: 'Submitted answers',
    notAnswered: 'Not answered',
    fileHash: 'SHA-256',
    page: 'Page',
  },
} as const;

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/**
 * The PDF receipt of one submitted version, the applicant's proof: who (name and address, each once), what
 * (project, season), when (Europe/Paris), the version, the answers' SHA-256, then the whole of the submitted
 * answers — question → answer, files by name with the SHA-256 of their bytes — over as many pages as they need.
 */
export async function renderReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  const text = TEXT[data.locale];
  // Loaded on the first receipt: pdf-lib is a fifth of a second of every start otherwise (decision 0013).
  const { PDFDocument, rgb, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(`${text.heading} - ${data.title}`));
  pdf.setCreator('Accélérateur');
  pdf.setCreationDate(data.submittedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.09, 0.09, 0.09);
  let page: PDFPage = pdf.addPage(A4);
  let y = page.getHeight() - MARGIN;
  const write = (value: string, font: PDFFont, size: number, gap = 4, indent = 0) => {
    const width = page.getWidth() - 2 * MARGIN - indent;
    for (const line of wrapText(pdfSafe(value), font, size, width)) {
      if (y - (size + gap) < MARGIN) {
        page = pdf.addPage(A4);
        y = page.getHeight() - MARGIN;
      }
      y -= size + gap;
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: ink });
    }
  };

  write(text.service, bold, 11);
  y -= 12;
  write(text.heading, bold, 20);
  y -= 16;
  const fields: [string, string][] = [
    ...(data.applicant && data.applicant !== data.applicantEmail
      ? ([[text.applicant, data.applicant]] as [string, string][])
      : []),
    [text.email, data.applicantEmail],
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

  const writeAnswer = (answer: SummaryAnswer, indent: number) => {
    switch (answer.type) {
      case 'none':
        return write(text.notAnswered, regular, 10, 4, indent);
      case 'text':
        for (const paragraph of answer.paragraphs) write(paragraph, regular, 10, 4, indent);
        return;
      case 'choices':
        for (const label of answer.labels)
          write(answer.labels.length > 1 ? `- ${label}` : label, regular, 10, 4, indent);
        return;
      case 'files':
        for (const file of answer.files) {
          write(file.name, regular, 10, 4, indent);
          if (file.sha256) write(`${text.fileHash} : ${file.sha256}`, regular, 8, 3, indent + 10);
        }
        return;
      case 'entries':
        for (const entry of answer.entries) {
          write(entry.heading, bold, 10, 8, indent);
          writeItems(entry.items, indent + 12);
        }
        return;
    }
  };
  const writeItems = (items: SummaryItem[], indent: number) => {
    for (const item of items) {
      write(item.label, bold, 10, 8, indent);
      writeAnswer(item.answer, indent);
    }
  };
  if (data.answers.length > 0) {
    y -= 24;
    write(text.answers, bold, 16);
    for (const section of data.answers) {
      y -= 10;
      write(section.title, bold, 13, 8);
      writeItems(section.items, 0);
    }
  }

  const pages = pdf.getPages();
  if (pages.length > 1)
    pages.forEach((p, index) =>
      p.drawText(`${text.page} ${index + 1} / ${pages.length}`, {
        x: p.getWidth() - MARGIN - 60,
        y: MARGIN / 2,
        size: 8,
        font: regular,
        color: ink,
      }),
    );
  return pdf.save();
}

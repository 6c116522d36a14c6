import type { PDFFont, PDFPage } from 'pdf-lib';
import type { CombinedRow } from '../../algorithms/selection/index.js';
import { formatDateTime, formatNumber, type Locale, t } from '../../core/i18n/i18n.js';
import { pdfSafe, wrapText } from '../../core/pdf/text.js';
import { formatEuros } from '../seasons/index.js';
import { boardMessages as bm } from './board-messages.js';
import type { FrozenDecision, FrozenDeliberation } from './inputs.js';
import { reasonLabel } from './reasons.js';

/** What the minutes need beside the frozen record: labels only (names, titles, criteria), no number. */
export interface MinutesLabels {
  seasonName: string;
  seasonNameEn: string;
  /** Application id → title. */
  titles: Record<string, string>;
  juryCriteria: { code: string; label: string; labelEn: string }[];
  panelCriteria: { code: string; label: string; labelEn: string }[];
  /** Application id → the decision's free-text explanation. */
  reasonTexts: Record<string, string>;
}

const TEXT = {
  fr: {
    service: 'Accélérateur d’initiatives citoyennes',
    heading: 'Procès-verbal de délibération',
    season: 'Saison',
    closedAt: 'Délibération close le (heure de Paris)',
    present: 'Membres présents',
    absent: 'Membres absents',
    recused: 'Déports (conflits d’intérêts)',
    recusedFor: '{name} : déport pour {titles}',
    none: 'Aucun',
    method: 'Méthode et pondérations',
    methodText:
      'Le score calibré du jury (moyenne des évaluations corrigée de la sévérité de chaque évaluateur) et l’avis du panel citoyen (moyenne des avis, pondérée par critère) sont chacun ramenés sur une échelle de 0 à 1, puis combinés en un score sur 100 selon les poids ci-dessous. L’intervalle de rang ({level} %) vient d’un rééchantillonnage ({replicates} tirages) qui porte sur les deux sources ; la graine {seed} le rend reproductible.',
    weights: 'Poids du jury : {jury} % ; poids du panel citoyen : {panel} %.',
    juryCriteria: 'Critères du jury (poids) : {list}',
    panelCriteria: 'Critères du panel (poids) : {list}',
    line: 'Ligne de sélection : {size} lauréat recherché.',
    lines: 'Ligne de sélection : {size} lauréats recherchés.',
    table: 'Résultats combinés',
    cols: ['Rang', 'Intervalle', 'Candidature', 'Jury', 'Panel', 'Combiné', 'Décision'],
    decisions: 'Décisions et motifs',
    amount: 'Montant accordé : {amount}',
    departs: 'S’écarte du classement combiné.',
    reasons: 'Motifs : {list}',
    explanation: 'Explication : {text}',
    footer:
      'Document produit à la clôture à partir des données figées de la délibération ; son empreinte SHA-256 est inscrite au journal d’audit.',
    page: 'Page {n} sur {total}',
  },
  en: {
    service: 'Citizen initiatives accelerator',
    heading: 'Minutes of the deliberation',
    season: 'Season',
    closedAt: 'Deliberation closed on (Paris time)',
    present: 'Members present',
    absent: 'Members absent',
    recused: 'Recusals (conflicts of interest)',
    recusedFor: '{name}, recused for: {titles}',
    none: 'None',
    method: 'Method and weights',
    methodText:
      'The jury’s calibrated score (the mean of the reviews corrected for each reviewer’s severity) and the citizen panel’s opinion (the mean of the opinions, weighted per criterion) are each brought to a 0 to 1 scale, then combined into a score out of 100 with the weights below. The rank interval ({level} %) comes from a resampling ({replicates} draws) that carries both sources; the seed {seed} makes it reproducible.',
    weights: 'Jury’s weight: {jury} %; citizen panel’s weight: {panel} %.',
    juryCriteria: 'Jury criteria (weight): {list}',
    panelCriteria: 'Panel criteria (weight): {list}',
    line: 'Selection line: {size} laureate sought.',
    lines: 'Selection line: {size} laureates sought.',
    table: 'Combined results',
    cols: ['Rank', 'Interval', 'Application', 'Jury', 'Panel', 'Combined', 'Decision'],
    decisions: 'Decisions and reasons',
    amount: 'Amount granted: {amount}',
    departs: 'Departs from the combined order.',
    reasons: 'Reasons: {list}',
    explanation: 'Explanation: {text}',
    footer:
      'Document produced at the close from the deliberation’s frozen data; its SHA-256 fingerprint is written in the audit log.',
    page: 'Page {n} of {total}',
  },
} as const;

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

function fitText(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text.length;
  while (cut > 1 && font.widthOfTextAtSize(`${text.slice(0, cut)}...`, size) > width) cut--;
  return `${text.slice(0, cut)}...`;
}

const number = (locale: Locale, value: number, digits: number, minDigits = digits) =>
  formatNumber(locale, value, { minimumFractionDigits: minDigits, maximumFractionDigits: digits });

export function outcomeLabel(locale: Locale, decision: Pick<FrozenDecision, 'outcome' | 'waitlistPosition'>): string {
  if (decision.outcome === 'laureate') return t(locale, bm.outcomeLaureate);
  if (decision.outcome === 'not_selected') return t(locale, bm.outcomeNotSelected);
  return t(locale, bm.waitlistAt, { n: decision.waitlistPosition ?? '?' });
}

/**
 * The minutes (procès-verbal) of a closed deliberation, in one language, made from the frozen record and
 * labels only: the same record always gives the same bytes (its dates are the close's).
 */
export async function renderMinutesPdf(
  frozen: FrozenDeliberation,
  labels: MinutesLabels,
  locale: Locale,
): Promise<Uint8Array> {
  const text = TEXT[locale];
  const { PDFDocument, rgb, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const frozenAt = new Date(frozen.frozenAt);
  const season = locale === 'en' && labels.seasonNameEn ? labels.seasonNameEn : labels.seasonName;
  pdf.setTitle(pdfSafe(`${text.heading} - ${season}`));
  pdf.setCreator('Accélérateur');
  pdf.setProducer('Accélérateur');
  pdf.setCreationDate(frozenAt);
  pdf.setModificationDate(frozenAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.09, 0.09, 0.09);
  const margin = 48;
  const size: [number, number] = [595.28, 841.89];
  const width = size[0] - 2 * margin;
  let page: PDFPage = pdf.addPage(size);
  let y = size[1] - margin;
  const room = (needed: number) => {
    if (y - needed < margin + 20) {
      page = pdf.addPage(size);
      y = size[1] - margin;
    }
  };
  const write = (value: string, font: PDFFont = regular, fontSize = 10, gap = 3, indent = 0) => {
    for (const line of wrapText(pdfSafe(value), font, fontSize, width - indent)) {
      room(fontSize + gap);
      y -= fontSize + gap;
      page.drawText(line, { x: margin + indent, y, size: fontSize, font, color: ink });
    }
  };
  const heading = (value: string) => {
    room(60);
    y -= 14;
    write(value, bold, 13, 4);
    y -= 4;
  };
  const criterionName = (c: { label: string; labelEn: string }) => (locale === 'en' && c.labelEn ? c.labelEn : c.label);
  const title = (id: string) => labels.titles[id] ?? id;

  write(text.service, bold, 10);
  y -= 8;
  write(text.heading, bold, 20, 6);
  y -= 8;
  const colon = locale === 'en' ? ': ' : ' : ';
  write(`${text.season}${colon}${season}`, regular, 11);
  write(`${text.closedAt}${colon}${formatDateTime(locale, frozenAt)}`, regular, 11);

  const present = frozen.attendance.filter((a) => a.present);
  const absent = frozen.attendance.filter((a) => !a.present);
  heading(text.present);
  write(present.length ? present.map((a) => a.name).join(', ') : text.none);
  heading(text.absent);
  write(absent.length ? absent.map((a) => a.name).join(', ') : text.none);
  heading(text.recused);
  if (frozen.recusals.length === 0) write(text.none);
  for (const member of present) {
    const mine = frozen.recusals.filter((r) => r.memberId === member.memberId);
    if (mine.length > 0)
      write(fill(text.recusedFor, { name: member.name, titles: mine.map((r) => title(r.applicationId)).join(', ') }));
  }

  heading(text.method);
  const { inputs } = frozen;
  write(
    fill(text.methodText, {
      level: Math.round(inputs.level * 100),
      replicates: inputs.replicates,
      seed: inputs.seed,
    }),
  );
  y -= 4;
  write(fill(text.weights, { jury: inputs.weights.jury, panel: inputs.weights.panel }), bold);
  const juryList = inputs.juryCriteria
    .map((c) => {
      const known = labels.juryCriteria.find((k) => k.code === c.code);
      return `${known ? criterionName(known) : c.code} (${number(locale, c.weight, 2, 0)})`;
    })
    .join(' ; ');
  write(fill(text.juryCriteria, { list: juryList }));
  if (inputs.panelCriteria.length > 0) {
    const panelList = inputs.panelCriteria
      .map((c) => {
        const known = labels.panelCriteria.find((k) => k.code === c.code);
        return `${known ? criterionName(known) : c.code} (${number(locale, c.weight, 2, 0)})`;
      })
      .join(' ; ');
    write(fill(text.panelCriteria, { list: panelList }));
  }
  const oneLaureate = new Intl.PluralRules(locale).select(inputs.selectionSize) === 'one';
  write(fill(oneLaureate ? text.line : text.lines, { size: inputs.selectionSize }));

  heading(text.table);
  const decisionOf = new Map(frozen.decisions.map((d) => [d.application, d]));
  const columns = [0, 34, 92, 300, 345, 395, 445];
  const tableRow = (cells: string[], font: PDFFont) => {
    room(14);
    y -= 12;
    cells.forEach((cell, i) => {
      const cellWidth = (columns[i + 1] ?? width) - columns[i] - 4;
      page.drawText(fitText(pdfSafe(cell), font, 8, cellWidth), {
        x: margin + columns[i],
        y,
        size: 8,
        font,
        color: ink,
      });
    });
  };
  tableRow([...text.cols], bold);
  const cell = (row: CombinedRow): string[] => {
    const decision = decisionOf.get(row.application);
    return [
      String(row.rank),
      `${row.rankLow}-${row.rankHigh}`,
      title(row.application),
      row.jury ? number(locale, row.jury.calibrated, 2) : '-',
      row.panel ? number(locale, row.panel.score, 2) : '-',
      row.combined === null ? '-' : number(locale, row.combined, 1),
      decision ? outcomeLabel(locale, decision) : '-',
    ];
  };
  for (const row of frozen.result.rows) {
    tableRow(cell(row), regular);
    if (row.rank === inputs.selectionSize) {
      room(6);
      y -= 4;
      page.drawLine({
        start: { x: margin, y },
        end: { x: margin + width, y },
        thickness: 1,
        color: ink,
        dashArray: [3, 2],
      });
    }
  }

  heading(text.decisions);
  for (const row of frozen.result.rows) {
    const decision = decisionOf.get(row.application);
    if (!decision) continue;
    room(40);
    y -= 4;
    write(`${row.rank}. ${title(row.application)}${colon}${outcomeLabel(locale, decision)}`, bold, 10);
    if (decision.amountCents !== null)
      write(fill(text.amount, { amount: formatEuros(locale, decision.amountCents) }), regular, 9, 3, 12);
    if (decision.departsFromOrder) write(text.departs, bold, 9, 3, 12);
    if (decision.reasonCodes.length > 0)
      write(
        fill(text.reasons, {
          list: decision.reasonCodes.map((c) => reasonLabel(locale, c, labels.juryCriteria)).join(' ; '),
        }),
        regular,
        9,
        3,
        12,
      );
    const explanation = labels.reasonTexts[row.application]?.trim();
    if (explanation) write(fill(text.explanation, { text: explanation }), regular, 9, 3, 12);
  }
  y -= 12;
  write(text.footer, regular, 8);

  const pages = pdf.getPages();
  pages.forEach((p, i) =>
    p.drawText(pdfSafe(fill(text.page, { n: i + 1, total: pages.length })), {
      x: margin,
      y: margin / 2,
      size: 8,
      font: regular,
      color: ink,
    }),
  );
  return pdf.save();
}

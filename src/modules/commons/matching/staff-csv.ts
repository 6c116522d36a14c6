import { type Locale, t } from '../../../core/i18n/i18n.js';
import { csvLines } from '../../../core/spreadsheet/csv.js';
import type { CooperationFigures, FigureRow } from './figures.js';
import {
  CONTACT_OUTCOMES,
  leverLabel,
  OUTCOME_SHORT,
  SIDE_LABELS,
  USE_CASE_STATUS_LABELS,
  USE_CASE_STATUSES,
} from './labels.js';
import { matchingMessages as m } from './messages.js';
import type { StaffContactRow } from './staff-contacts.js';

/** French CSV for a spreadsheet (core's writer): UTF-8 with BOM, `;` between cells, CRLF, labels not codes. */
const csv = csvLines;

const parisStamp = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A date and time as a French spreadsheet reads it, in Europe/Paris: 08/12/2026 10:30. */
export function csvDateTime(date: Date | null): string {
  return date ? parisStamp.format(date).replace(',', '') : '';
}

/** The overview's lines (indicator, value), shared by the page and the CSV. */
export function overviewLines(locale: Locale, f: CooperationFigures): [string, number][] {
  return [
    [t(locale, m.figCommons), f.commons],
    [t(locale, m.figAdministrations), f.administrations],
    [t(locale, m.figUseCases), f.useCasesTotal],
    ...USE_CASE_STATUSES.map((s): [string, number] => [
      t(locale, m.figUseCasesStatus, { status: t(locale, USE_CASE_STATUS_LABELS[s]) }),
      f.useCases[s],
    ]),
    [t(locale, m.figExperiments), f.experiments],
    ...(['administration', 'commons'] as const).flatMap((side): [string, number][] => [
      [t(locale, m.figNeedsOpen, { side: t(locale, SIDE_LABELS[side]) }), f.needs[side].open],
      [t(locale, m.figNeedsClosed, { side: t(locale, SIDE_LABELS[side]) }), f.needs[side].closed],
    ]),
    [t(locale, m.figContacts), f.contacts.made],
    [t(locale, m.figAnswered), f.contacts.answered],
    [t(locale, m.figFollowedUp), f.contacts.followedUp],
    ...CONTACT_OUTCOMES.map((o): [string, number] => [
      t(locale, m.figOutcome, { outcome: t(locale, OUTCOME_SHORT[o]) }),
      f.contacts.outcomes[o],
    ]),
    [t(locale, m.figNoOutcome), f.contacts.noOutcome],
  ];
}

/** A lever's label, "no lever" for ''. */
export function leverName(locale: Locale, code: string): string {
  return code ? leverLabel(locale, code) : t(locale, m.noLever);
}

/** The columns of a figures row (after its label). */
export function rowCells(row: FigureRow): number[] {
  return [row.needsOpen, row.needsClosed, row.contacts, row.answered, ...CONTACT_OUTCOMES.map((o) => row.outcomes[o])];
}

export function rowColumns(locale: Locale): string[] {
  return [
    t(locale, m.colNeedsOpen),
    t(locale, m.colNeedsClosed),
    t(locale, m.colContacts),
    t(locale, m.colAnswered),
    ...CONTACT_OUTCOMES.map((o) => t(locale, OUTCOME_SHORT[o])),
  ];
}

/** The figures as one CSV: the overview's indicators, then one line per lever and per administration. */
export function figuresCsv(locale: Locale, f: CooperationFigures): string {
  const blank = rowColumns(locale).map(() => '');
  const rows: string[][] = [
    [t(locale, m.colGroup), t(locale, m.colKey), t(locale, m.value), ...rowColumns(locale)],
    ...overviewLines(locale, f).map(([label, value]) => [t(locale, m.overview), label, String(value), ...blank]),
    ...f.byLever.map((r) => [t(locale, m.byLever), leverName(locale, r.key), '', ...rowCells(r).map(String)]),
    ...f.byAdministration.map((r) => [t(locale, m.byAdministration), r.label, '', ...rowCells(r).map(String)]),
    [t(locale, m.total), t(locale, m.total), '', ...rowCells(f.total).map(String)],
  ];
  return csv(rows);
}

/** Every contact with what came of it (no message, no subject): for staff's own counts. */
export function contactsCsv(locale: Locale, rows: StaffContactRow[]): string {
  return csv([
    [
      t(locale, m.colDate),
      t(locale, m.colKind),
      t(locale, m.colAbout),
      t(locale, m.colLever),
      t(locale, m.colSenderAdministration),
      t(locale, m.colRecipients),
      t(locale, m.colAnsweredOn),
      t(locale, m.colFollowedUpOn),
      t(locale, m.colOutcome),
      t(locale, m.colOutcomeNote),
      t(locale, m.colOutcomeOn),
    ],
    ...rows.map((r) => [
      csvDateTime(r.createdAt),
      t(locale, r.target === 'commons_referents' ? m.targetCommons : m.targetNeed),
      r.about,
      r.lever ? leverLabel(locale, r.lever) : '',
      r.senderAdministration ?? '',
      String(r.recipients),
      csvDateTime(r.answeredAt),
      csvDateTime(r.followedUpAt),
      r.outcome ? t(locale, OUTCOME_SHORT[r.outcome]) : '',
      r.outcomeNote ?? '',
      csvDateTime(r.outcomeAt),
    ]),
  ]);
}

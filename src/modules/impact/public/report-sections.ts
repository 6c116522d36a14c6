import { type Locale, t } from '../../../core/i18n/i18n.js';
import { formatEuros, kindLabel, SUPPORT_LEVERS } from '../../seasons/index.js';
import type { SeasonReport } from './data.js';
import { formatNumber, pick } from './format.js';
import { publicMessages as m } from './messages.js';

/**
 * The season report's figures as plain rows (label, value), in the report's order: the page's tables and the
 * PDF's read the same rows, so both say the same. A section with nothing to show has `empty` and no rows.
 */
export interface ReportTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

export interface ReportSection {
  id: string;
  title: string;
  lead?: string;
  empty?: string;
  tables: ReportTable[];
}

const OUTCOMES = ['meeting', 'data_access', 'partnership', 'experiment', 'no_follow_up'] as const;

export function reportSections(locale: Locale, report: SeasonReport): ReportSection[] {
  const n = (value: number) => formatNumber(locale, value);
  const figure = [t(locale, m.figure), t(locale, m.count)];
  const { applications: a, season } = report;
  const trackName = (code: string) => {
    const track = season.tracks.find((tr) => tr.code === code);
    return track ? pick(locale, track.name, track.nameEn) : code;
  };
  const leverName = (code: string) => {
    const lever = SUPPORT_LEVERS.find((l) => l.code === code);
    return lever ? pick(locale, lever.label, lever.labelEn) : code;
  };

  const selectionRows: string[][] = [
    [t(locale, m.submitted), n(a.submitted)],
    [t(locale, m.eligible), n(a.eligible)],
    [t(locale, m.ineligible), n(a.ineligible)],
    [t(locale, m.withdrawn), n(a.withdrawn)],
  ];
  if (report.jury)
    selectionRows.push(
      [t(locale, m.reviewedByJury), n(report.jury.applicationsReviewed)],
      [t(locale, m.juryReviews), n(report.jury.reviews)],
      [t(locale, m.juryExperts), n(report.jury.experts)],
    );
  if (report.panel)
    selectionRows.push(
      [t(locale, m.panelSize), n(report.panel.size)],
      [t(locale, m.panelApplications), n(report.panel.applications)],
      [t(locale, m.panelOpinions), n(report.panel.opinions)],
    );
  selectionRows.push([t(locale, m.laureatesCount), n(report.laureates.length)]);
  const selection: ReportSection = {
    id: 'selection',
    title: t(locale, m.secSelection),
    empty: a.submitted === 0 && report.laureates.length === 0 ? t(locale, m.noApplications) : undefined,
    tables:
      a.submitted === 0 && report.laureates.length === 0
        ? []
        : [
            { caption: t(locale, m.selectionFigures), columns: figure, rows: selectionRows },
            ...(a.byTrackAndKind.length > 0
              ? [
                  {
                    caption: t(locale, m.byTrackKind),
                    columns: [t(locale, m.colTrack), t(locale, m.colKindApplicant), t(locale, m.count)],
                    rows: a.byTrackAndKind.map((c) => [trackName(c.trackCode), kindLabel(locale, c.kind), n(c.count)]),
                  },
                ]
              : []),
          ],
  };

  const levers = SUPPORT_LEVERS.map((l) => report.supportByLever.find((f) => f.lever === l.code)).filter(
    (f) => f !== undefined,
  );
  const support: ReportSection = {
    id: 'accompagnement',
    title: t(locale, m.secSupport),
    empty: levers.length === 0 ? t(locale, m.noSupportFigures) : undefined,
    tables:
      levers.length === 0
        ? []
        : [
            {
              caption: t(locale, m.secSupport),
              columns: [
                t(locale, m.colLever),
                t(locale, m.colLaureatesOnLever),
                t(locale, m.colActions),
                t(locale, m.colDone),
              ],
              rows: levers.map((f) => [leverName(f.lever), n(f.laureates), n(f.actions), n(f.done)]),
            },
          ],
  };

  const intro = report.introductions;
  const introductions: ReportSection = {
    id: 'mises-en-relation',
    title: t(locale, m.secIntroductions),
    empty: intro.total.made === 0 ? t(locale, m.noIntroductions) : undefined,
    tables:
      intro.total.made === 0
        ? []
        : [
            {
              caption: t(locale, m.secIntroductions),
              columns: figure,
              rows: [
                [t(locale, m.introMade), n(intro.total.made)],
                [t(locale, m.introPositive), n(intro.total.positive)],
                ...OUTCOMES.map((o) => [t(locale, m[`outcome_${o}`]), n(intro.total.byOutcome[o] ?? 0)]),
              ],
            },
            {
              caption: `${t(locale, m.secIntroductions)} — ${t(locale, m.colLever)}`,
              columns: [t(locale, m.colLever), t(locale, m.introMade), t(locale, m.introPositive)],
              rows: intro.byLever.map((r) => [leverName(r.key), n(r.made), n(r.positive)]),
            },
          ],
  };

  const c = report.cooperation;
  const nothingCooperation = c.useCasesTotal === 0 && c.experiments === 0;
  const cooperation: ReportSection = {
    id: 'cooperation',
    title: t(locale, m.secCooperation),
    lead: t(locale, m.cooperationLead),
    empty: nothingCooperation ? t(locale, m.noCooperation) : undefined,
    tables: nothingCooperation
      ? []
      : [
          {
            caption: t(locale, m.secCooperation),
            columns: figure,
            rows: [
              [t(locale, m.useCases), n(c.useCasesTotal)],
              [t(locale, m.experiments), n(c.experiments)],
              [t(locale, m.contactsMade), n(c.contacts.made)],
            ],
          },
        ],
  };

  const g = report.grants;
  const grants: ReportSection = {
    id: 'subventions',
    title: t(locale, m.secGrants),
    empty: g === null ? t(locale, m.noGrants) : undefined,
    tables:
      g === null
        ? []
        : [
            {
              caption: t(locale, m.secGrants),
              columns: [t(locale, m.figure), t(locale, m.colAmount)],
              rows: [
                [t(locale, m.grantsEnvelope), formatEuros(locale, g.amountCents)],
                [t(locale, m.grantsCommitted), formatEuros(locale, g.committedCents)],
                [t(locale, m.grantsSigned), formatEuros(locale, g.signedCents)],
                [t(locale, m.grantsPaid), formatEuros(locale, g.paidCents)],
              ],
            },
          ],
  };
  return [selection, support, introductions, cooperation, grants];
}

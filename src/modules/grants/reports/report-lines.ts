/**
 * The lines of a financial report (compte rendu financier, the content of CERFA 15059): the action's charges
 * and income, each with the forecast (the budget of the application or the convention) and the actual amount,
 * in integer cents. Pure code: no database, no HTTP.
 *
 * The JSON kept in `grant_financial_reports.lines`:
 *
 * ```json
 * { "version": 1,
 *   "lines": [
 *     { "code": "60", "funder": "", "forecastCents": 120000, "actualCents": 98000, "explanation": "…" },
 *     { "code": "74-other-1", "funder": "Région Bretagne", "forecastCents": 500000, "actualCents": 500000, "explanation": "" }
 *   ] }
 * ```
 *
 * `code` names one of LINE_SPECS (its side, charge or income, and its label come from there, never from the
 * stored JSON); `funder` is the name of another public funder on the `74-other-*` lines, '' elsewhere. A code
 * absent from the JSON is a line of 0 € forecast and 0 € actual.
 *
 * The gap rule (documented in docs and on the form): a line's gap is actual − forecast, in cents and in percent
 * of the forecast (rounded half away from zero to one decimal; none when the forecast is 0). A line needs a
 * written explanation when its gap is strictly more than 15 % of its forecast either way
 * (|actual − forecast| × 100 > 15 × forecast), or when it has an actual amount without a forecast.
 */

export type LineSide = 'charge' | 'income';

export interface LineSpec {
  code: string;
  side: LineSide;
  /** The CERFA's account number and label. */
  label: { fr: string; en: string };
  /** Lines of other public funders: the funder's name is typed beside the amounts. */
  funder?: boolean;
}

/** The CERFA 15059 lines, in the form's order. */
export const LINE_SPECS: readonly LineSpec[] = [
  { code: '60', side: 'charge', label: { fr: '60 – Achats', en: '60 – Purchases' } },
  { code: '61', side: 'charge', label: { fr: '61 – Services extérieurs', en: '61 – External services' } },
  {
    code: '62',
    side: 'charge',
    label: { fr: '62 – Autres services extérieurs', en: '62 – Other external services' },
  },
  { code: '63', side: 'charge', label: { fr: '63 – Impôts et taxes', en: '63 – Taxes' } },
  { code: '64', side: 'charge', label: { fr: '64 – Charges de personnel', en: '64 – Staff costs' } },
  {
    code: '65',
    side: 'charge',
    label: { fr: '65 – Autres charges de gestion courante', en: '65 – Other operating costs' },
  },
  {
    code: '66-68',
    side: 'charge',
    label: {
      fr: '66 à 68 – Charges financières, exceptionnelles, dotations',
      en: '66 to 68 – Financial and exceptional costs, depreciation',
    },
  },
  {
    code: '86',
    side: 'charge',
    label: {
      fr: '86 – Emplois des contributions volontaires en nature',
      en: '86 – Use of voluntary contributions in kind',
    },
  },
  {
    code: '70',
    side: 'income',
    label: { fr: '70 – Ventes de produits et prestations', en: '70 – Sales of goods and services' },
  },
  {
    code: '74-aic',
    side: 'income',
    label: {
      fr: '74 – Subvention de l’Accélérateur d’initiatives citoyennes',
      en: '74 – Grant of the Accélérateur d’initiatives citoyennes',
    },
  },
  {
    code: '74-other-1',
    side: 'income',
    funder: true,
    label: { fr: '74 – Autre subvention publique (1)', en: '74 – Other public grant (1)' },
  },
  {
    code: '74-other-2',
    side: 'income',
    funder: true,
    label: { fr: '74 – Autre subvention publique (2)', en: '74 – Other public grant (2)' },
  },
  {
    code: '74-other-3',
    side: 'income',
    funder: true,
    label: { fr: '74 – Autre subvention publique (3)', en: '74 – Other public grant (3)' },
  },
  {
    code: '75',
    side: 'income',
    label: {
      fr: '75 – Autres produits de gestion courante (dont cotisations, dons)',
      en: '75 – Other operating income (membership fees, donations)',
    },
  },
  {
    code: '76-78',
    side: 'income',
    label: {
      fr: '76 à 78 – Produits financiers et exceptionnels, reprises',
      en: '76 to 78 – Financial and exceptional income',
    },
  },
  { code: 'own', side: 'income', label: { fr: 'Fonds propres', en: 'Own resources' } },
  {
    code: '87',
    side: 'income',
    label: { fr: '87 – Contributions volontaires en nature', en: '87 – Voluntary contributions in kind' },
  },
];

const SPEC_BY_CODE = new Map(LINE_SPECS.map((spec) => [spec.code, spec]));

/** The largest amount a line takes: 999 999 999,99 € (keeps every sum and percent exact in a double). */
export const MAX_LINE_CENTS = 99_999_999_999;
/** The gap, in percent of the forecast, beyond which a line needs an explanation. */
export const EXPLANATION_THRESHOLD_PERCENT = 15;

export interface ReportLine {
  code: string;
  funder: string;
  forecastCents: number;
  actualCents: number;
  explanation: string;
}

export interface StoredLines {
  version: 1;
  lines: ReportLine[];
}

export interface ComputedLine extends ReportLine {
  spec: LineSpec;
  gapCents: number;
  /** Tenths of a percent of the forecast (e.g. 153 = 15,3 %), rounded half away from zero; null when the forecast is 0. */
  gapTenths: number | null;
  needsExplanation: boolean;
}

export interface SideTotals {
  forecastCents: number;
  actualCents: number;
  gapCents: number;
  gapTenths: number | null;
}

export interface ComputedReport {
  lines: ComputedLine[];
  charges: SideTotals;
  income: SideTotals;
}

/** (gap / forecast) in tenths of a percent, rounded half away from zero; null for a zero forecast. */
export function gapTenths(gapCents: number, forecastCents: number): number | null {
  if (forecastCents === 0) return null;
  // Integer arithmetic: |gap| × 1000 stays below 2^53 for amounts within MAX_LINE_CENTS × the number of lines.
  const numerator = Math.abs(gapCents) * 1000;
  const denominator = Math.abs(forecastCents);
  const quotient = Math.floor(numerator / denominator);
  const rest = numerator - quotient * denominator;
  const rounded = rest * 2 >= denominator ? quotient + 1 : quotient;
  const sign = Math.sign(gapCents) * Math.sign(forecastCents);
  return sign < 0 ? -rounded : rounded;
}

/** Whether the gap rule asks for an explanation (see the file's comment). */
export function needsExplanation(forecastCents: number, actualCents: number): boolean {
  const gap = Math.abs(actualCents - forecastCents);
  if (forecastCents === 0) return actualCents !== 0;
  return gap * 100 > EXPLANATION_THRESHOLD_PERCENT * Math.abs(forecastCents);
}

function totals(lines: ComputedLine[]): SideTotals {
  const forecastCents = lines.reduce((sum, l) => sum + l.forecastCents, 0);
  const actualCents = lines.reduce((sum, l) => sum + l.actualCents, 0);
  const gapCents = actualCents - forecastCents;
  return { forecastCents, actualCents, gapCents, gapTenths: gapTenths(gapCents, forecastCents) };
}

/** Every line of LINE_SPECS with its amounts (0 when absent), gaps and the explanation rule; totals per side. */
export function computeReport(input: readonly ReportLine[]): ComputedReport {
  const given = new Map(input.filter((l) => SPEC_BY_CODE.has(l.code)).map((l) => [l.code, l]));
  const lines: ComputedLine[] = LINE_SPECS.map((spec) => {
    const line = given.get(spec.code);
    const forecastCents = line?.forecastCents ?? 0;
    const actualCents = line?.actualCents ?? 0;
    const gapCents = actualCents - forecastCents;
    return {
      code: spec.code,
      funder: spec.funder ? (line?.funder ?? '') : '',
      forecastCents,
      actualCents,
      explanation: line?.explanation ?? '',
      spec,
      gapCents,
      gapTenths: gapTenths(gapCents, forecastCents),
      needsExplanation: needsExplanation(forecastCents, actualCents),
    };
  });
  return {
    lines,
    charges: totals(lines.filter((l) => l.spec.side === 'charge')),
    income: totals(lines.filter((l) => l.spec.side === 'income')),
  };
}

/** Whether the report says anything: a line with an amount. */
export function hasAmounts(lines: readonly ReportLine[]): boolean {
  return lines.some((l) => l.forecastCents !== 0 || l.actualCents !== 0);
}

/** "15,3 %" / "15.3 %" from tenths of a percent; '—' when there is none. */
export function formatGapPercent(locale: 'fr' | 'en', tenths: number | null): string {
  if (tenths === null) return '—';
  const sign = tenths > 0 ? '+' : tenths < 0 ? '−' : '';
  const abs = Math.abs(tenths);
  const text = `${Math.floor(abs / 10)}${locale === 'fr' ? ',' : '.'}${abs % 10}`;
  return `${sign}${text} %`;
}

function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_LINE_CENTS;
}

/** The stored JSON read back defensively: unknown codes and malformed lines are left out. */
export function parseStoredLines(value: unknown): ReportLine[] {
  let parsed = value;
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return [];
    }
  }
  const lines = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as StoredLines).lines)
      ? (parsed as StoredLines).lines
      : [];
  const out: ReportLine[] = [];
  for (const raw of lines as unknown[]) {
    if (!raw || typeof raw !== 'object') continue;
    const l = raw as Record<string, unknown>;
    if (typeof l.code !== 'string' || !SPEC_BY_CODE.has(l.code)) continue;
    if (!isCents(l.forecastCents) || !isCents(l.actualCents)) continue;
    out.push({
      code: l.code,
      funder: typeof l.funder === 'string' ? l.funder : '',
      forecastCents: l.forecastCents,
      actualCents: l.actualCents,
      explanation: typeof l.explanation === 'string' ? l.explanation : '',
    });
  }
  return out;
}

/** The JSON to store: only lines that hold something. */
export function storedLines(lines: readonly ReportLine[]): string {
  const kept = lines.filter((l) => l.forecastCents !== 0 || l.actualCents !== 0 || l.explanation || l.funder);
  return JSON.stringify({ version: 1, lines: kept } satisfies StoredLines);
}

/** The form field names of a line. */
export const lineFields = (code: string) => ({
  forecast: `forecast_${code}`,
  actual: `actual_${code}`,
  explanation: `explanation_${code}`,
  funder: `funder_${code}`,
});

import type { FormReader } from '../../../core/http/forms.js';
import { centsToInput, parseEurosToCents } from '../../seasons/index.js';
import { reportMessages as m } from './messages.js';
import type { ReportRecord } from './queries.js';
import { LINE_SPECS, lineFields, MAX_LINE_CENTS, needsExplanation, type ReportLine } from './report-lines.js';

export const COMMENT_MAX = 5000;
export const EXPLANATION_MAX = 2000;
export const FUNDER_MAX = 200;

/** An amount typed in euros ('' is 0); a message on the field otherwise. Negative, text, NUL bytes: refused. */
function amount(form: FormReader, field: string): number {
  const text = form.text(field, { max: 40 });
  if (form.errors[field] || text === '') return 0;
  const cents = parseEurosToCents(text);
  if (cents === null) {
    form.fail(field, m.amountInvalid);
    return 0;
  }
  if (cents > MAX_LINE_CENTS) {
    form.fail(field, m.amountTooLarge);
    return 0;
  }
  return cents;
}

/**
 * The report's lines and comment as the team typed them, every problem on its field. On submit, the gap rule
 * (report-lines.ts) asks for an explanation, a funder's line for its funder's name, and the report for either
 * amounts or a file.
 */
export function readReportForm(
  form: FormReader,
  options: { submit: boolean; hasFile: boolean },
): { lines: ReportLine[]; comment: string } {
  const lines: ReportLine[] = [];
  for (const spec of LINE_SPECS) {
    const f = lineFields(spec.code);
    const forecastCents = amount(form, f.forecast);
    const actualCents = amount(form, f.actual);
    const explanation = form.text(f.explanation, { max: EXPLANATION_MAX });
    const funder = spec.funder ? form.text(f.funder, { max: FUNDER_MAX }) : '';
    if (options.submit) {
      if (needsExplanation(forecastCents, actualCents) && explanation === '' && !form.errors[f.explanation])
        form.fail(f.explanation, m.explanationRequired);
      if (spec.funder && (forecastCents > 0 || actualCents > 0) && funder === '' && !form.errors[f.funder])
        form.fail(f.funder, m.funderRequired);
    }
    lines.push({ code: spec.code, funder, forecastCents, actualCents, explanation });
  }
  const comment = form.text('comment', { max: COMMENT_MAX });
  if (options.submit && form.ok && !options.hasFile && !lines.some((l) => l.forecastCents > 0 || l.actualCents > 0))
    form.fail('report_file', m.emptyReport);
  return { lines, comment };
}

/** The form's values from the stored report (amounts as the team would type them). */
export function reportFormValues(report: ReportRecord): Record<string, string> {
  const values: Record<string, string> = { comment: report.comment, version: String(report.version) };
  for (const line of report.lines) {
    const f = lineFields(line.code);
    values[f.forecast] = line.forecastCents === 0 ? '' : centsToInput(line.forecastCents);
    values[f.actual] = line.actualCents === 0 ? '' : centsToInput(line.actualCents);
    values[f.explanation] = line.explanation;
    values[f.funder] = line.funder;
  }
  return values;
}

import type { FormReader } from '../../../core/http/forms.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import { reportingMessages as m } from './messages.js';
import { parseFigure } from './numbers.js';
import type { ValueInput } from './report-value.js';
import type { IndicatorInput } from './save-indicator.js';
import type { TestimonyInput } from './save-testimony.js';

/** How many target rows the indicator form offers (the filled ones plus empty ones, up to this). */
export const MAX_TARGETS = 8;
export const LEVER_CODES = SUPPORT_LEVERS.map((l) => l.code);
const IRIS_ID = /^[A-Z]{2}\d{4}$/;

/** A figure field: French ("1 234,5") or English ("1234.5") decimals; canonical text, or null (error recorded). */
export function readFigure(form: FormReader, field: string, options: { required?: boolean } = {}): string | null {
  const typed = form.text(field, { required: options.required, max: 40 });
  if (!typed || form.errors[field]) return null;
  const value = parseFigure(typed);
  if (value === null) form.fail(field, m.notAFigure);
  return value;
}

/** A hidden `version` field (optimistic concurrency); -1 when missing or malformed (never matches). */
export function readVersion(form: FormReader): number {
  const text = form.text('version', { max: 10 });
  return /^\d{1,9}$/.test(text) ? Number(text) : -1;
}

export function readIndicatorForm(form: FormReader): IndicatorInput {
  const name = form.text('name', { required: true, max: 200 });
  const nameEn = form.text('name_en', { max: 200 });
  const description = form.text('description', { max: 2000 });
  const unit = form.text('unit', { required: true, max: 60 });
  const unitEn = form.text('unit_en', { max: 60 });
  const direction = form.choice('direction', ['increase', 'decrease'] as const, { required: true }) ?? 'increase';
  const baselineValue = readFigure(form, 'baseline_value');
  const baselineDate = form.date('baseline_date');
  if (baselineValue !== null && !baselineDate && !form.errors.baseline_date)
    form.fail('baseline_date', m.baselineDateRequired);
  if (baselineDate && baselineValue === null && !form.errors.baseline_value)
    form.fail('baseline_value', m.baselineValueRequired);
  const targets: IndicatorInput['targets'] = [];
  for (let i = 0; i < MAX_TARGETS; i++) {
    const value = readFigure(form, `target_value_${i}`);
    const date = form.date(`target_date_${i}`);
    const valueTyped = form.values[`target_value_${i}`] !== '';
    const dateTyped = form.values[`target_date_${i}`] !== '';
    if (valueTyped && !dateTyped) form.fail(`target_date_${i}`, m.targetDateRequired);
    if (dateTyped && !valueTyped) form.fail(`target_value_${i}`, m.targetValueRequired);
    if (value !== null && date) {
      if (targets.some((t) => t.date === date)) form.fail(`target_date_${i}`, m.targetDateTwice);
      else targets.push({ value, date });
    }
  }
  const irisTyped = form.text('iris_id', { max: 6 + 10 }).toUpperCase();
  form.values.iris_id = irisTyped;
  if (irisTyped && !form.errors.iris_id && !IRIS_ID.test(irisTyped)) form.fail('iris_id', m.irisFormat);
  const lever = form.choice('lever', LEVER_CODES);
  const isPublic = form.checkbox('is_public');
  const positionText = form.text('position', { max: 4 });
  let position = 0;
  if (positionText) {
    if (/^\d{1,3}$/.test(positionText)) position = Number(positionText);
    else form.fail('position', m.positionFormat);
  }
  return {
    name,
    nameEn,
    description,
    unit,
    unitEn,
    direction,
    baseline: baselineValue !== null && baselineDate ? { value: baselineValue, date: baselineDate } : null,
    targets: targets.sort((a, b) => a.date.localeCompare(b.date)),
    irisId: irisTyped || null,
    lever,
    isPublic,
    position,
  };
}

export function readValueForm(form: FormReader): ValueInput {
  const periodStart = form.date('period_start', { required: true }) ?? '';
  const periodEnd = form.date('period_end', { required: true }) ?? '';
  if (periodStart && periodEnd && periodStart > periodEnd) form.fail('period_end', m.periodOrder);
  const value = readFigure(form, 'value', { required: true }) ?? '';
  const source = form.text('source', { max: 500 });
  const comment = form.text('comment', { max: 2000 });
  return { periodStart, periodEnd, value, source, comment };
}

/** An https link to a video (YouTube, Dailymotion, PeerTube…): never http, javascript: or data:. */
function readVideoUrl(form: FormReader): string | null {
  const url = form.text('video_url', { max: 2000 });
  if (!url || form.errors.video_url) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed?.protocol !== 'https:' || !/^https:\/\/[^\s]+$/.test(url) || !parsed.hostname.includes('.')) {
    form.fail('video_url', m.httpsOnly);
    return null;
  }
  return url;
}

/**
 * The testimony form. `hasPhoto`: a photo is sent or kept, so its text alternative is required. The
 * consent checkbox is required every time: whoever records confirms the author agreed to this text.
 */
export function readTestimonyForm(
  form: FormReader,
  options: { laureateIds?: readonly string[]; hasPhoto: boolean },
): Omit<TestimonyInput, 'laureateId'> & { laureateId: string | null } {
  const laureateId = options.laureateIds ? form.choice('laureate_id', options.laureateIds, { required: true }) : null;
  const quote = form.text('quote', { required: true, max: 2000 });
  const quoteEn = form.text('quote_en', { max: 2000 });
  const authorName = form.text('author_name', { required: true, max: 120 });
  const authorRole = form.text('author_role', { max: 200 });
  if (!form.checkbox('consent')) form.fail('consent', m.consentRequired);
  const photoAlt = form.text('photo_alt', { max: 300 });
  if (options.hasPhoto && !photoAlt && !form.errors.photo_alt) form.fail('photo_alt', m.altRequired);
  const videoUrl = readVideoUrl(form);
  const lever = form.choice('lever', LEVER_CODES);
  return { laureateId, quote, quoteEn, authorName, authorRole, photoAlt, videoUrl, lever };
}

import { FormReader, formMessages } from '../../core/http/forms.js';
import { isoDateParis } from '../../core/i18n/i18n.js';
import {
  isParisTime,
  parisClockTime,
  parisDateTime,
  parisEndOfDay,
  parisStartOfDay,
} from '../../core/time/paris-time.js';
import { DEFAULT_CRITERIA } from './criteria.js';
import { ELIGIBLE_KINDS } from './eligibility.js';
import { centsToInput, parseEurosToCents } from './format.js';
import { seasonMessages as m } from './messages.js';
import type { SeasonRecord } from './queries.js';

/** What a season form carries once read and checked. */
export interface SeasonInput {
  number: number;
  slug: string;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string;
  opensAt: Date;
  closesAt: Date;
  eligibleKinds: string[];
  supportMonths: number;
  grantEnvelopeCents: number;
  laureatesSought: number;
  tracks: { code: string; name: string; nameEn: string; lead: string }[];
  criteria: {
    code: string;
    label: string;
    labelEn: string;
    description: string;
    descriptionEn: string;
    weight: number;
  }[];
}

export const TRACK_FIELDS = ['code', 'name', 'name_en', 'lead'] as const;
export const CRITERION_FIELDS = ['code', 'label', 'label_en', 'description', 'description_en', 'weight'] as const;
const MAX_ROWS = 30;
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Rows in the submitted form for a prefix (track_3_code → 4 rows), so a re-shown form keeps them all. */
export function rowCount(body: unknown, prefix: string): number {
  if (!body || typeof body !== 'object') return 0;
  let max = -1;
  for (const key of Object.keys(body)) {
    const match = new RegExp(`^${prefix}_(\\d+)_`).exec(key);
    if (match && +match[1] < MAX_ROWS) max = Math.max(max, +match[1]);
  }
  return max + 1;
}

function integer(form: FormReader, field: string, options: { min: number; max: number; required?: boolean }): number {
  const text = form.text(field, { required: options.required ?? true, max: 12 });
  if (!text) return 0;
  if (!/^\d+$/.test(text)) {
    form.fail(field, options.min > 0 ? m.positiveInteger : m.naturalInteger);
    return 0;
  }
  const value = Number(text);
  if (value < options.min) form.fail(field, options.min > 0 ? m.positiveInteger : m.naturalInteger);
  else if (value > options.max) form.fail(field, m.tooBig);
  return value;
}

function readTracks(form: FormReader, body: unknown): SeasonInput['tracks'] {
  const tracks: SeasonInput['tracks'] = [];
  const seen = new Set<string>();
  for (let i = 0; i < rowCount(body, 'track'); i++) {
    const code = form.text(`track_${i}_code`, { max: 40 });
    const name = form.text(`track_${i}_name`, { max: 200 });
    const nameEn = form.text(`track_${i}_name_en`, { max: 200 });
    const lead = form.text(`track_${i}_lead`, { max: 100 });
    if (!code && !name && !nameEn && !lead) continue;
    if (!code) form.fail(`track_${i}_code`, m.rowIncomplete);
    else if (!CODE.test(code)) form.fail(`track_${i}_code`, formMessages.slug);
    else if (seen.has(code)) form.fail(`track_${i}_code`, m.duplicateTrack);
    if (!name) form.fail(`track_${i}_name`, m.rowIncomplete);
    seen.add(code);
    tracks.push({ code, name, nameEn, lead });
  }
  return tracks;
}

function readCriteria(form: FormReader, body: unknown): SeasonInput['criteria'] {
  const criteria: SeasonInput['criteria'] = [];
  const seen = new Set<string>();
  for (let i = 0; i < rowCount(body, 'criterion'); i++) {
    const code = form.text(`criterion_${i}_code`, { max: 40 });
    const label = form.text(`criterion_${i}_label`, { max: 200 });
    const labelEn = form.text(`criterion_${i}_label_en`, { max: 200 });
    const description = form.text(`criterion_${i}_description`, { max: 1000 });
    const descriptionEn = form.text(`criterion_${i}_description_en`, { max: 1000 });
    const weightText = form.text(`criterion_${i}_weight`, { max: 12 });
    if (!code && !label && !labelEn && !description && !descriptionEn && !weightText) continue;
    if (!code) form.fail(`criterion_${i}_code`, m.rowIncomplete);
    else if (!CODE.test(code)) form.fail(`criterion_${i}_code`, formMessages.slug);
    else if (seen.has(code)) form.fail(`criterion_${i}_code`, m.duplicateCriterion);
    if (!label) form.fail(`criterion_${i}_label`, m.rowIncomplete);
    seen.add(code);
    const weight = integer(form, `criterion_${i}_weight`, { min: 1, max: 1000 });
    criteria.push({ code, label, labelEn, description, descriptionEn, weight });
  }
  return criteria;
}

/** Reads and checks a season form; field errors are left on the reader, never thrown. */
export function readSeasonForm(body: unknown): { form: FormReader; input: SeasonInput } {
  const form = new FormReader(body);
  const number = integer(form, 'number', { min: 1, max: 999 });
  const slug = form.slug('slug', { required: true });
  const name = form.text('name', { required: true, max: 200 });
  const nameEn = form.text('name_en', { max: 200 });
  const summary = form.text('summary', { max: 4000 });
  const summaryEn = form.text('summary_en', { max: 4000 });
  const opensOn = form.date('opens_on', { required: true });
  const closesOn = form.date('closes_on', { required: true });
  const closesTime = form.text('closes_time', { max: 8 });
  if (closesTime && !isParisTime(closesTime)) form.fail('closes_time', m.time);
  const opensAt = opensOn ? parisStartOfDay(opensOn) : new Date(0);
  let closesAt = new Date(0);
  if (closesOn && !form.errors.closes_time)
    closesAt = closesTime ? parisDateTime(closesOn, closesTime) : parisEndOfDay(closesOn);
  if (opensOn && closesOn && !form.errors.closes_time && closesAt.getTime() <= opensAt.getTime())
    form.fail('closes_on', m.closesBeforeOpens);
  const eligibleKinds = ELIGIBLE_KINDS.filter((kind) => form.checkbox(`eligible_${kind}`));
  if (eligibleKinds.length === 0) form.fail(`eligible_${ELIGIBLE_KINDS[0]}`, m.eligibleRequired);
  const supportMonths = integer(form, 'support_months', { min: 0, max: 120 });
  const envelopeText = form.text('envelope_euros', { max: 30 });
  let grantEnvelopeCents = 0;
  if (envelopeText) {
    const cents = parseEurosToCents(envelopeText);
    if (cents === null) form.fail('envelope_euros', m.euros);
    else grantEnvelopeCents = cents;
  }
  const laureatesSought = integer(form, 'laureates_sought', { min: 0, max: 10_000 });
  const tracks = readTracks(form, body);
  const criteria = readCriteria(form, body);
  if (criteria.length === 0 && !Object.keys(form.errors).some((k) => k.startsWith('criterion_')))
    form.fail('criterion_0_code', m.criteriaRequired);
  return {
    form,
    input: {
      number,
      slug,
      name,
      nameEn,
      summary,
      summaryEn,
      opensAt,
      closesAt,
      eligibleKinds,
      supportMonths,
      grantEnvelopeCents,
      laureatesSought,
      tracks,
      criteria,
    },
  };
}

/** Form values for an existing season (the same names the form posts). */
export function seasonFormValues(season: SeasonRecord): Record<string, string> {
  const closesTime = parisClockTime(season.closesAt);
  const values: Record<string, string> = {
    number: String(season.number),
    slug: season.slug,
    name: season.name,
    name_en: season.nameEn,
    summary: season.summary,
    summary_en: season.summaryEn,
    opens_on: isoDateParis(season.opensAt),
    closes_on: isoDateParis(season.closesAt),
    closes_time: closesTime === '23:59:59' ? '' : closesTime.endsWith(':00') ? closesTime.slice(0, 5) : closesTime,
    support_months: String(season.supportMonths),
    envelope_euros: centsToInput(season.grantEnvelopeCents),
    laureates_sought: String(season.laureatesSought),
  };
  for (const kind of ELIGIBLE_KINDS) values[`eligible_${kind}`] = season.eligibleKinds.includes(kind) ? 'on' : '';
  season.tracks.forEach((track, i) => {
    Object.assign(values, {
      [`track_${i}_code`]: track.code,
      [`track_${i}_name`]: track.name,
      [`track_${i}_name_en`]: track.nameEn,
      [`track_${i}_lead`]: track.lead,
    });
  });
  season.criteria.forEach((c, i) => {
    Object.assign(values, {
      [`criterion_${i}_code`]: c.code,
      [`criterion_${i}_label`]: c.label,
      [`criterion_${i}_label_en`]: c.labelEn,
      [`criterion_${i}_description`]: c.description,
      [`criterion_${i}_description_en`]: c.descriptionEn,
      [`criterion_${i}_weight`]: String(c.weight),
    });
  });
  return values;
}

/** A new season's form: the five default criteria, every kind of applicant but companies. */
export function newSeasonFormValues(nextNumber: number): Record<string, string> {
  const values: Record<string, string> = {
    number: String(nextNumber),
    slug: `saison-${nextNumber}`,
    name: `Saison ${nextNumber}`,
    name_en: `Season ${nextNumber}`,
    eligible_citizen: 'on',
    eligible_association: 'on',
    eligible_administration: 'on',
  };
  DEFAULT_CRITERIA.forEach((c, i) => {
    Object.assign(values, {
      [`criterion_${i}_code`]: c.code,
      [`criterion_${i}_label`]: c.label,
      [`criterion_${i}_label_en`]: c.labelEn,
      [`criterion_${i}_description`]: c.description,
      [`criterion_${i}_description_en`]: c.descriptionEn,
      [`criterion_${i}_weight`]: String(c.weight),
    });
  });
  return values;
}

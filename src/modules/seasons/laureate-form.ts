import { FormReader } from '../../core/http/forms.js';
import { seasonMessages as m } from './messages.js';
import type { LaureateRecord } from './queries.js';

export interface LaureateInput {
  trackCode: string;
  name: string;
  organisation: string;
  summary: string;
  summaryEn: string;
  website: string;
  position: number;
}

/** Reads a laureate form; the track must be one of the season's (or none). */
export function readLaureateForm(body: unknown, trackCodes: string[]): { form: FormReader; input: LaureateInput } {
  const form = new FormReader(body);
  const name = form.text('name', { required: true, max: 200 });
  const organisation = form.text('organisation', { max: 200 });
  const trackCode = form.text('track_code', { max: 40 });
  if (trackCode && !trackCodes.includes(trackCode)) form.fail('track_code', m.unknownTrack);
  const summary = form.text('summary', { max: 4000 });
  const summaryEn = form.text('summary_en', { max: 4000 });
  const website = form.url('website');
  const positionText = form.text('position', { max: 6 });
  let position = 0;
  if (positionText) {
    if (!/^\d+$/.test(positionText)) form.fail('position', m.naturalInteger);
    else position = Number(positionText);
  }
  return { form, input: { trackCode, name, organisation, summary, summaryEn, website, position } };
}

export function laureateFormValues(l: LaureateRecord): Record<string, string> {
  return {
    name: l.name,
    organisation: l.organisation,
    track_code: l.trackCode,
    summary: l.summary,
    summary_en: l.summaryEn,
    website: l.website,
    position: String(l.position),
  };
}

export function laureateColumns(input: LaureateInput) {
  return {
    track_code: input.trackCode,
    name: input.name,
    organisation: input.organisation,
    summary: input.summary,
    summary_en: input.summaryEn,
    website: input.website,
    position: input.position,
  };
}

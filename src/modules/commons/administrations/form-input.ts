import type { FormReader } from '../../../core/http/forms.js';
import { TERRITORIES } from '../territories.js';
import { administrationMessages as m } from './messages.js';

const TERRITORY_CODES = TERRITORIES.map((territory) => territory.code);
export const MAX_DESCRIPTION = 5000;

/** Territory, website and presentation, as members and staff type them. */
export function readPresentation(form: FormReader): { territory: string; website: string | null; description: string } {
  const territory = form.text('territory', { required: true, max: 10 });
  if (territory && !form.errors.territory && !TERRITORY_CODES.includes(territory))
    form.fail('territory', m.territoryInvalid);
  const website = form.text('website', { max: 500 });
  if (website && !form.errors.website && !/^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(website))
    form.fail('website', m.websiteInvalid);
  const description = form.text('description', { max: MAX_DESCRIPTION });
  return { territory, website: website || null, description };
}

/** The version a form was read at; -1 (never a row's) when missing or malformed. */
export function readVersion(form: FormReader): number {
  const text = form.text('version', { max: 12 });
  return /^\d{1,9}$/.test(text) ? Number(text) : -1;
}

import { sniffContentType } from '../../../core/files/sniff.js';
import { formatFileSize } from '../../../core/files/store-file.js';
import { type FieldError, FormReader } from '../../../core/http/forms.js';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import type { PartnerKind } from '../tables.js';
import { partnerMessages as m } from './messages.js';
import { PARTNER_KINDS } from './queries.js';

export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 2000;
export const MAX_WEBSITE = 500;
export const MAX_LOGO_ALT = 300;
/** A logo is shown small: 1 MB is plenty for a PNG, JPEG or WebP of a few hundred pixels. */
export const MAX_LOGO_BYTES = 1_000_000;
/**
 * The images a logo may be: what browsers show as a plain image. SVG is refused: it is a document that can
 * hold scripts, links and external references, and no sanitiser is part of the platform.
 */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export interface PartnerInput {
  name: string;
  kind: PartnerKind;
  description: string;
  descriptionEn: string;
  website: string | null;
  logoAlt: string;
  seasonIds: string[];
  removeLogo: boolean;
}

export interface PartnerReading {
  ok: boolean;
  input: PartnerInput;
  /** What was typed, to show the form again. */
  values: Record<string, string>;
  seasonIds: string[];
  errors: Record<string, FieldError>;
}

/** Every value a form sent under `name` (a repeated field arrives as a list). */
export function listOf(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const value = (body as Record<string, unknown>)[name];
  return ([] as unknown[]).concat(value ?? []).filter((v): v is string => typeof v === 'string');
}

/** An http(s) address a browser can follow: a host, no spaces. */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Reads a partner's form. `hasLogo` says whether the partner will have a logo once saved (the one it has and
 * keeps, or one sent now): its text alternative is then required.
 */
export function readPartner(
  body: unknown,
  options: { seasonIds: ReadonlySet<string>; hasLogo: (removeLogo: boolean) => boolean },
): PartnerReading {
  const form = new FormReader(body);
  const name = form.text('name', { required: true, max: MAX_NAME });
  const kind = form.choice('kind', PARTNER_KINDS, { required: true });
  const description = form.text('description', { max: MAX_DESCRIPTION });
  const descriptionEn = form.text('description_en', { max: MAX_DESCRIPTION });
  const website = form.text('website', { max: MAX_WEBSITE });
  if (website && !form.errors.website && !isWebAddress(website)) form.fail('website', m.errWebsite);
  const removeLogo = form.checkbox('remove_logo');
  const logoAlt = form.text('logo_alt', { max: MAX_LOGO_ALT });
  if (!form.errors.logo_alt && !logoAlt && options.hasLogo(removeLogo)) form.fail('logo_alt', m.errLogoAlt);
  const sent = listOf(body, 'seasons');
  const seasonIds = [...new Set(sent.filter((id) => options.seasonIds.has(id)))];
  if (seasonIds.length !== new Set(sent).size) form.fail('seasons', m.errSeasons);
  return {
    ok: form.ok,
    input: {
      name,
      kind: kind ?? 'administration',
      description,
      descriptionEn,
      website: website || null,
      logoAlt: removeLogo ? '' : logoAlt,
      seasonIds,
      removeLogo,
    },
    values: form.values,
    seasonIds,
    errors: form.errors,
  };
}

export type LogoProblem = 'logo_type' | 'logo_too_large';

/** A logo's bytes checked: a PNG, JPEG or WebP image (read from its bytes, not its name) within the size limit. */
export function checkLogo(data: Buffer): { ok: true; contentType: string } | { ok: false; problem: LogoProblem } {
  if (data.length > MAX_LOGO_BYTES) return { ok: false, problem: 'logo_too_large' };
  const sniffed = sniffContentType(data);
  if (!sniffed || !(LOGO_TYPES as readonly string[]).includes(sniffed.contentType))
    return { ok: false, problem: 'logo_type' };
  return { ok: true, contentType: sniffed.contentType };
}

/** The field error of a refused logo. */
export function logoError(locale: Locale, problem: LogoProblem): FieldError {
  return problem === 'logo_too_large'
    ? { message: m.errLogoTooLarge, params: { max: formatFileSize(locale, MAX_LOGO_BYTES) } }
    : { message: m.errLogoType };
}

/** The labels of the form's fields, for the error summary. */
export function partnerFieldLabels(locale: Locale): Record<string, string> {
  return {
    name: t(locale, m.fieldName),
    kind: t(locale, m.fieldKind),
    description: t(locale, m.fieldDescription),
    description_en: t(locale, m.fieldDescriptionEn),
    website: t(locale, m.fieldWebsite),
    logo: t(locale, m.fieldLogo),
    logo_alt: t(locale, m.fieldLogoAlt),
    seasons: t(locale, m.fieldSeasons),
  };
}

import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * The client of the SILL's public JSON export (the State's recommended free software, run on Catalogi:
 * `…/sill/api/sill.json`, also served as `catalogi.json`). The export is an array of software, each the
 * public part of Catalogi's compiled data (`CompiledData.Software.Public`, api/src/core/ports/CompileData.ts):
 *
 *   { id, name, description, license, categories, keywords, image, referencedSinceTime, updateTime,
 *     dereferencing?, isStillInObservation, serviceProviders, latestVersion?, hasExpertReferent,
 *     userAndReferentCountByOrganization, instances,
 *     softwareExternalData?: { externalId, sourceSlug, name, description, url, codeRepositoryUrl, license,
 *                              authors: [{ "@type": "Organization" | "Person", name }], … } }
 *
 * where `softwareExternalData` comes from the software's main source (Wikidata for most: `sourceSlug`
 * "wikidata", `externalId` "Q…"). Exports written before 2026 spell some of it differently — the external
 * data's `websiteUrl` and `sourceUrl`, the software's own `externalId` with `sourceSlug` or
 * `externalDataOrigin`, `logoUrl` — and Catalogi's list API (`v2/catalogi.json`) had `softwareId`,
 * `softwareName`, `softwareDescription`, `officialWebsiteUrl`, `codeRepositoryUrl`; names and descriptions may
 * be a string or `{ fr, en }`. This reader accepts all of them, checks each entry with a TypeBox schema, and
 * turns it into what the cooperation space keeps of a software.
 */

const Text = Type.String({ maxLength: 100_000 });
/** A string, or Catalogi's LocalizedString `{ fr?, en? }`. */
const Localized = Type.Union([Text, Type.Object({ fr: Type.Optional(Text), en: Type.Optional(Text) })]);
const OptionalText = Type.Optional(Type.Union([Text, Type.Null()]));
const Words = Type.Optional(
  Type.Union([Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 500 }), Type.Null()]),
);
const Author = Type.Object({ '@type': Type.Optional(Type.String()), name: Type.Optional(Type.String()) });

const ExternalData = Type.Object({
  externalId: OptionalText,
  sourceSlug: OptionalText,
  externalDataOrigin: OptionalText,
  name: Type.Optional(Type.Union([Localized, Type.Null()])),
  label: Type.Optional(Type.Union([Localized, Type.Null()])),
  description: Type.Optional(Type.Union([Localized, Type.Null()])),
  url: OptionalText,
  websiteUrl: OptionalText,
  codeRepositoryUrl: OptionalText,
  sourceUrl: OptionalText,
  license: OptionalText,
  authors: Type.Optional(Type.Union([Type.Array(Author, { maxItems: 500 }), Type.Null()])),
  developers: Type.Optional(Type.Union([Type.Array(Author, { maxItems: 500 }), Type.Null()])),
});

/** One software of the export, as far as the cooperation space reads it (other fields are let through). */
export const SillSoftware = Type.Object({
  id: Type.Optional(Type.Integer({ minimum: 0 })),
  softwareId: Type.Optional(Type.Integer({ minimum: 0 })),
  name: Type.Optional(Localized),
  softwareName: Type.Optional(Localized),
  description: Type.Optional(Type.Union([Localized, Type.Null()])),
  softwareDescription: Type.Optional(Type.Union([Localized, Type.Null()])),
  license: OptionalText,
  categories: Words,
  applicationCategories: Words,
  keywords: Words,
  url: OptionalText,
  officialWebsiteUrl: OptionalText,
  codeRepositoryUrl: OptionalText,
  externalId: OptionalText,
  sourceSlug: OptionalText,
  externalDataOrigin: OptionalText,
  authors: Type.Optional(Type.Union([Type.Array(Author, { maxItems: 500 }), Type.Null()])),
  dereferencing: Type.Optional(
    Type.Union([
      Type.Null(),
      Type.Object({ reason: OptionalText, time: Type.Optional(Type.Union([Type.String(), Type.Number()])) }),
    ]),
  ),
  softwareExternalData: Type.Optional(Type.Union([ExternalData, Type.Null()])),
});
export type SillSoftware = Static<typeof SillSoftware>;

/** What the cooperation space keeps of a SILL software. */
export interface SillEntry {
  sillId: string;
  name: string;
  description: string;
  /** The licence as the SILL writes it (checked as SPDX by the import). */
  licence: string;
  website: string;
  repository: string;
  wikidataId: string | null;
  categories: string[];
  keywords: string[];
  /** The first organisation among its authors, else its first author. */
  governance: string;
  /** Withdrawn from the SILL (`dereferencing` set), with its reason when given. */
  dereferenced: { reason: string } | null;
}

export type SillReading =
  | { ok: true; entry: SillEntry }
  | { ok: false; sillId: string | null; name: string; problem: string };

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object') {
    const localized = value as { fr?: unknown; en?: unknown };
    return text(localized.fr) || text(localized.en);
  }
  return '';
}

const WIKIDATA = /^Q[0-9]{1,12}$/;

function wikidataOf(
  holder: { externalId?: string | null; sourceSlug?: string | null; externalDataOrigin?: string | null } | null,
): string | null {
  const id = holder?.externalId?.trim() ?? '';
  if (!WIKIDATA.test(id)) return null;
  const origin = holder?.sourceSlug ?? holder?.externalDataOrigin ?? null;
  // An id of Wikidata's shape from another source (HAL, Zenodo…) is not a Wikidata item.
  return origin === null || origin === 'wikidata' ? id : null;
}

/** Reads one entry of the export: what the space keeps of it, or why it cannot be read. */
export function readSillSoftware(raw: unknown): SillReading {
  const rawId = raw && typeof raw === 'object' ? ((raw as SillSoftware).id ?? (raw as SillSoftware).softwareId) : null;
  const sillId = Number.isSafeInteger(rawId) && (rawId as number) >= 0 ? String(rawId) : null;
  const rawName =
    raw && typeof raw === 'object' ? text((raw as SillSoftware).name ?? (raw as SillSoftware).softwareName) : '';
  const name = rawName.slice(0, 200);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, sillId, name, problem: 'not an object' };
  if (!Value.Check(SillSoftware, raw)) {
    const first = Value.Errors(SillSoftware, raw).First();
    return { ok: false, sillId, name, problem: `${first?.path || '/'}: ${first?.message ?? 'invalid'}` };
  }
  const software = raw as SillSoftware;
  if (sillId === null) return { ok: false, sillId, name, problem: '/id: missing' };
  if (!name) return { ok: false, sillId, name, problem: '/name: missing' };
  const external = software.softwareExternalData ?? null;
  const authors = software.authors ?? external?.authors ?? external?.developers ?? [];
  const named = authors.filter((a) => text(a.name));
  const organisation = named.find((a) => a['@type'] === 'Organization') ?? named[0];
  return {
    ok: true,
    entry: {
      sillId,
      name,
      description:
        text(software.description ?? software.softwareDescription) ||
        text(external?.description) ||
        text(external?.label),
      licence: text(software.license) || text(external?.license),
      website:
        text(external?.url) || text(external?.websiteUrl) || text(software.url) || text(software.officialWebsiteUrl),
      repository: text(external?.codeRepositoryUrl) || text(external?.sourceUrl) || text(software.codeRepositoryUrl),
      wikidataId: wikidataOf(external) ?? wikidataOf(software),
      categories: (software.categories ?? software.applicationCategories ?? []).map((c) => c.trim()).filter(Boolean),
      keywords: (software.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      governance: organisation ? text(organisation.name).slice(0, 200) : '',
      dereferenced: software.dereferencing ? { reason: text(software.dereferencing.reason) } : null,
    },
  };
}

/** Reads the whole export: an array of software (anything else is refused as a whole). */
export function readSillExport(json: unknown): { ok: true; readings: SillReading[] } | { ok: false; problem: string } {
  if (!Array.isArray(json)) return { ok: false, problem: 'the export is not an array of software' };
  if (json.length > 20_000) return { ok: false, problem: 'the export holds more than 20,000 entries' };
  return { ok: true, readings: json.map(readSillSoftware) };
}

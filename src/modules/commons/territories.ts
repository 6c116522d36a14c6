import { foldAccents } from '../../algorithms/text/index.js';
import type { Locale } from '../../core/i18n/i18n.js';

/**
 * The territories of the cooperation space: the whole country (`FR`), the 18 regions (`R` + INSEE region code)
 * and the 101 départements (`D` + INSEE département code, `D2A`/`D2B` for Corsica, `D971`… overseas), with
 * their French names (a French place keeps its name in English). Administrations, use cases, needs and
 * experiments store one of these codes in their `territory` column; a filter on a region also finds its
 * départements (`territoryWithin`). Source: INSEE's Code officiel géographique (regions since 2016).
 */

export type TerritoryKind = 'country' | 'region' | 'departement';

export interface Territory {
  /** 'FR', 'R' + region code or 'D' + département code. */
  code: string;
  kind: TerritoryKind;
  /** The official French name. */
  name: string;
  /** For a département, the code of its region ('R84'); null otherwise. */
  region: string | null;
}

export const NATIONAL = 'FR';

/** INSEE region code → name. */
const REGION_NAMES: [string, string][] = [
  ['01', 'Guadeloupe'],
  ['02', 'Martinique'],
  ['03', 'Guyane'],
  ['04', 'La Réunion'],
  ['06', 'Mayotte'],
  ['11', 'Île-de-France'],
  ['24', 'Centre-Val de Loire'],
  ['27', 'Bourgogne-Franche-Comté'],
  ['28', 'Normandie'],
  ['32', 'Hauts-de-France'],
  ['44', 'Grand Est'],
  ['52', 'Pays de la Loire'],
  ['53', 'Bretagne'],
  ['75', 'Nouvelle-Aquitaine'],
  ['76', 'Occitanie'],
  ['84', 'Auvergne-Rhône-Alpes'],
  ['93', 'Provence-Alpes-Côte d’Azur'],
  ['94', 'Corse'],
];

/** INSEE département code, name, region code. */
const DEPARTEMENT_NAMES: [string, string, string][] = [
  ['01', 'Ain', '84'],
  ['02', 'Aisne', '32'],
  ['03', 'Allier', '84'],
  ['04', 'Alpes-de-Haute-Provence', '93'],
  ['05', 'Hautes-Alpes', '93'],
  ['06', 'Alpes-Maritimes', '93'],
  ['07', 'Ardèche', '84'],
  ['08', 'Ardennes', '44'],
  ['09', 'Ariège', '76'],
  ['10', 'Aube', '44'],
  ['11', 'Aude', '76'],
  ['12', 'Aveyron', '76'],
  ['13', 'Bouches-du-Rhône', '93'],
  ['14', 'Calvados', '28'],
  ['15', 'Cantal', '84'],
  ['16', 'Charente', '75'],
  ['17', 'Charente-Maritime', '75'],
  ['18', 'Cher', '24'],
  ['19', 'Corrèze', '75'],
  ['2A', 'Corse-du-Sud', '94'],
  ['2B', 'Haute-Corse', '94'],
  ['21', 'Côte-d’Or', '27'],
  ['22', 'Côtes-d’Armor', '53'],
  ['23', 'Creuse', '75'],
  ['24', 'Dordogne', '75'],
  ['25', 'Doubs', '27'],
  ['26', 'Drôme', '84'],
  ['27', 'Eure', '28'],
  ['28', 'Eure-et-Loir', '24'],
  ['29', 'Finistère', '53'],
  ['30', 'Gard', '76'],
  ['31', 'Haute-Garonne', '76'],
  ['32', 'Gers', '76'],
  ['33', 'Gironde', '75'],
  ['34', 'Hérault', '76'],
  ['35', 'Ille-et-Vilaine', '53'],
  ['36', 'Indre', '24'],
  ['37', 'Indre-et-Loire', '24'],
  ['38', 'Isère', '84'],
  ['39', 'Jura', '27'],
  ['40', 'Landes', '75'],
  ['41', 'Loir-et-Cher', '24'],
  ['42', 'Loire', '84'],
  ['43', 'Haute-Loire', '84'],
  ['44', 'Loire-Atlantique', '52'],
  ['45', 'Loiret', '24'],
  ['46', 'Lot', '76'],
  ['47', 'Lot-et-Garonne', '75'],
  ['48', 'Lozère', '76'],
  ['49', 'Maine-et-Loire', '52'],
  ['50', 'Manche', '28'],
  ['51', 'Marne', '44'],
  ['52', 'Haute-Marne', '44'],
  ['53', 'Mayenne', '52'],
  ['54', 'Meurthe-et-Moselle', '44'],
  ['55', 'Meuse', '44'],
  ['56', 'Morbihan', '53'],
  ['57', 'Moselle', '44'],
  ['58', 'Nièvre', '27'],
  ['59', 'Nord', '32'],
  ['60', 'Oise', '32'],
  ['61', 'Orne', '28'],
  ['62', 'Pas-de-Calais', '32'],
  ['63', 'Puy-de-Dôme', '84'],
  ['64', 'Pyrénées-Atlantiques', '75'],
  ['65', 'Hautes-Pyrénées', '76'],
  ['66', 'Pyrénées-Orientales', '76'],
  ['67', 'Bas-Rhin', '44'],
  ['68', 'Haut-Rhin', '44'],
  ['69', 'Rhône', '84'],
  ['70', 'Haute-Saône', '27'],
  ['71', 'Saône-et-Loire', '27'],
  ['72', 'Sarthe', '52'],
  ['73', 'Savoie', '84'],
  ['74', 'Haute-Savoie', '84'],
  ['75', 'Paris', '11'],
  ['76', 'Seine-Maritime', '28'],
  ['77', 'Seine-et-Marne', '11'],
  ['78', 'Yvelines', '11'],
  ['79', 'Deux-Sèvres', '75'],
  ['80', 'Somme', '32'],
  ['81', 'Tarn', '76'],
  ['82', 'Tarn-et-Garonne', '76'],
  ['83', 'Var', '93'],
  ['84', 'Vaucluse', '93'],
  ['85', 'Vendée', '52'],
  ['86', 'Vienne', '75'],
  ['87', 'Haute-Vienne', '75'],
  ['88', 'Vosges', '44'],
  ['89', 'Yonne', '27'],
  ['90', 'Territoire de Belfort', '27'],
  ['91', 'Essonne', '11'],
  ['92', 'Hauts-de-Seine', '11'],
  ['93', 'Seine-Saint-Denis', '11'],
  ['94', 'Val-de-Marne', '11'],
  ['95', 'Val-d’Oise', '11'],
  ['971', 'Guadeloupe', '01'],
  ['972', 'Martinique', '02'],
  ['973', 'Guyane', '03'],
  ['974', 'La Réunion', '04'],
  ['976', 'Mayotte', '06'],
];

export const REGIONS: readonly Territory[] = REGION_NAMES.map(([code, name]) => ({
  code: `R${code}`,
  kind: 'region',
  name,
  region: null,
}));

export const DEPARTEMENTS: readonly Territory[] = DEPARTEMENT_NAMES.map(([code, name, region]) => ({
  code: `D${code}`,
  kind: 'departement',
  name,
  region: `R${region}`,
}));

/** The whole list: the country first, then the regions, then the départements (each in INSEE code order). */
export const TERRITORIES: readonly Territory[] = [
  { code: NATIONAL, kind: 'country', name: 'France', region: null },
  ...REGIONS,
  ...DEPARTEMENTS,
];

const BY_CODE = new Map(TERRITORIES.map((territory) => [territory.code, territory]));

export function territoryByCode(code: string): Territory | undefined {
  return BY_CODE.get(code);
}

export function isTerritoryCode(code: unknown): code is string {
  return typeof code === 'string' && BY_CODE.has(code);
}

/**
 * The name shown for a code: "France entière" / "All of France" for the country, a region's name, a
 * département's name with its number ("Paris (75)"); an unknown code (free text stored before the list
 * existed) is shown as it is.
 */
export function territoryName(locale: Locale, code: string): string {
  const territory = BY_CODE.get(code);
  if (!territory) return code;
  if (territory.kind === 'country') return locale === 'en' ? 'All of France' : 'France entière';
  if (territory.kind === 'departement') return `${territory.name} (${territory.code.slice(1)})`;
  return territory.name;
}

/** The options of a territory select: the country, the regions, then the départements, each labelled with its kind. */
export function territoryOptions(locale: Locale): { value: string; label: string }[] {
  const kindLabel = (kind: TerritoryKind) =>
    kind === 'region' ? (locale === 'en' ? 'Region' : 'Région') : locale === 'en' ? 'Département' : 'Département';
  return TERRITORIES.map((territory) => ({
    value: territory.code,
    label:
      territory.kind === 'country'
        ? territoryName(locale, territory.code)
        : `${kindLabel(territory.kind)} — ${territoryName(locale, territory.code)}`,
  }));
}

/**
 * Whether something placed in `code` lies within `area`: the same territory, any territory of the country,
 * or a département of the region. An unknown code lies only within itself.
 */
export function territoryWithin(code: string, area: string): boolean {
  if (code === area) return true;
  if (!BY_CODE.has(code) || !BY_CODE.has(area)) return false;
  if (area === NATIONAL) return true;
  return BY_CODE.get(code)?.region === area;
}

/** The codes that lie within an area (itself included), for a query's `in` list. */
export function territoriesWithin(area: string): string[] {
  return TERRITORIES.filter((territory) => territoryWithin(territory.code, area)).map((territory) => territory.code);
}

/** A name or code as people type it: case, accents, apostrophes, dashes and spaces do not matter. */
function foldName(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[’'`\s_-]+/g, ' ')
    .trim();
}

const BY_FOLDED_NAME = new Map<string, string>();
for (const territory of [...TERRITORIES].reverse()) {
  // A region and a département with the same name (Guadeloupe, Martinique…): the region wins (set last).
  BY_FOLDED_NAME.set(foldName(territory.name), territory.code);
}
BY_FOLDED_NAME.set('france entiere', NATIONAL);
BY_FOLDED_NAME.set('national', NATIONAL);
BY_FOLDED_NAME.set('nationale', NATIONAL);

/**
 * The territory a person typed (a file's column, a form): a code (`FR`, `R11`, `D2A`, in any case), a bare
 * département number (`75`, `2a`, `971`), or a name (`Île-de-France`, `cote d'or`). Null when none matches.
 */
export function findTerritory(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const upper = trimmed.toUpperCase();
  if (BY_CODE.has(upper)) return upper;
  if (/^(\d{2,3}|2[AB])$/.test(upper) && BY_CODE.has(`D${upper}`)) return `D${upper}`;
  return BY_FOLDED_NAME.get(foldName(trimmed)) ?? null;
}

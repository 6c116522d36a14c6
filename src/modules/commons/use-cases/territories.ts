import { DEPARTEMENTS, isTerritoryCode, NATIONAL, REGIONS } from '../territories.js';

/**
 * The use cases' and needs' view of the space's one list of territories (../territories.ts). A filter on a
 * region also finds what is posted for one of its départements; a filter on 'FR' finds what is national.
 */

export { NATIONAL };

export interface Territory {
  code: string;
  name: string;
  /** The region a département belongs to (its 'R…' code); absent for regions and 'FR'. */
  region?: string;
}

export const TERRITORY_REGIONS: readonly Territory[] = REGIONS.map(({ code, name }) => ({ code, name }));
export const TERRITORY_DEPARTEMENTS: readonly Territory[] = DEPARTEMENTS.map(({ code, name, region }) => ({
  code,
  name: `${name} (${code.slice(1)})`,
  ...(region ? { region } : {}),
}));

const BY_CODE = new Map<string, Territory>(
  [...TERRITORY_REGIONS, ...TERRITORY_DEPARTEMENTS].map((territory) => [territory.code, territory]),
);

export const TERRITORY_CODES: readonly string[] = [NATIONAL, ...BY_CODE.keys()];

export function isTerritory(code: string): boolean {
  return isTerritoryCode(code);
}

/** A territory's name; 'FR' is named by the caller's message ("National"), an unknown code is shown as is. */
export function territoryName(code: string, national: string): string {
  if (code === NATIONAL) return national;
  return BY_CODE.get(code)?.name ?? code;
}

/** The codes a filter on `code` finds: itself, and for a region its départements. */
export function territoriesWithin(code: string): string[] {
  if (!isTerritory(code)) return [];
  if (!code.startsWith('R')) return [code];
  return [code, ...TERRITORY_DEPARTEMENTS.filter((d) => d.region === code).map((d) => d.code)];
}

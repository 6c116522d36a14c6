// The experiments' names for the space's one list of territories (../territories.ts).
export { isTerritoryCode as isTerritory, territoryName as territoryLabel, territoryOptions } from '../territories.js';

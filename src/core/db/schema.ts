import type { CoreTables } from './core-tables.js';

/**
 * The whole database as Kysely sees it: core's tables, plus each module's, which its tables.ts adds by
 * declaration merging —
 *
 *   declare module '../../core/db/schema.js' {
 *     interface DB extends SeasonsTables {}
 *   }
 *
 * so core names no module, and a module's queries see every table of the modules the app is built with.
 */
export interface DB extends CoreTables {}

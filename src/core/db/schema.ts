import type { AccountsTables } from '../../modules/accounts/tables.js';
import type { ApplicationsTables } from '../../modules/applications/tables.js';
import type { ContentTables } from '../../modules/content/tables.js';
import type { PanelTables } from '../../modules/panel/tables.js';
import type { ReviewTables } from '../../modules/review/tables.js';
import type { SeasonsTables } from '../../modules/seasons/tables.js';
import type { CoreTables } from './core-tables.js';

/** The whole database as Kysely sees it: core tables plus each module's own (modules/<name>/tables.ts). */
export interface DB
  extends CoreTables,
    AccountsTables,
    SeasonsTables,
    ContentTables,
    ApplicationsTables,
    ReviewTables,
    PanelTables {}

/**
 * The citizen panel's tables (volunteers, their demographics kept apart, quotas, draws, members, opinions).
 * Filled in by the panel module's migrations; listed here so Kysely sees them.
 */
export interface PanelTables {}

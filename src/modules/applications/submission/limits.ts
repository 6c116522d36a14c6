/**
 * What one account can make the platform do, and so mail (issue 11, item 11; docs/applications.md,
 * "Limites"). Generous for a real project team, small enough that nobody can use the platform to mail
 * strangers in bulk.
 */
/** Applications one account owns in one season, whatever their state. */
export const MAX_APPLICATIONS_PER_SEASON = 10;
/** Co-applicants (invited or joined) of one application. */
export const MAX_CO_APPLICANTS = 8;
/** Invitations one account sends over any 24 hours, all its applications together. */
export const MAX_INVITATIONS_PER_DAY = 12;
export const INVITATION_WINDOW_MS = 24 * 3600_000;

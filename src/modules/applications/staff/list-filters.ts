import type { Static } from '@sinclair/typebox';
import { tracksOf } from '../../../core/http/request-context.js';
import { Query } from '../../../core/http/route-schemas.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { loadSeasons } from '../../seasons/index.js';
import type { StaffFilters } from '../queries.js';
import { LenientText, type RequestWithQuery } from '../schemas.js';
import { isApplicationState } from '../states.js';

/**
 * The staff list's query string (French parameter names, as in the filter form). Read leniently: each
 * field is free text the list interprets (an unknown state or a bad cursor is ignored, never a 400).
 */
const text = LenientText;
export const ListQuery = Query({
  q: text(),
  saison: text(),
  parcours: text(),
  etat: text(),
  type: text(),
  territoire: text(),
  apres: text(),
  /** `enregistre` after the state-change notices of the season were saved. */
  avis: text(),
});
type ListQuery = Static<typeof ListQuery>;

/** The list filters from the query string, within the tracks the staff member instructs. */
export async function readListFilters(request: RequestWithQuery<ListQuery>, services: Services) {
  const query = request.query;
  const text = (value: string | undefined) => (value ?? '').slice(0, 200);
  const shown = {
    q: text(query.q),
    saison: text(query.saison),
    parcours: text(query.parcours),
    etat: text(query.etat),
    type: text(query.type),
    territoire: text(query.territoire),
  };
  const seasons = await loadSeasons(services.db);
  const season = seasons.find((s) => s.slug === shown.saison);
  const cursor = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/i.exec(text(query.apres));
  const after =
    cursor && isUuid(cursor[2]) && !Number.isNaN(Date.parse(cursor[1]))
      ? { createdAt: new Date(cursor[1]), id: cursor[2] }
      : undefined;
  const filters: StaffFilters = {
    seasonId: season?.id,
    trackCode: shown.parcours || undefined,
    state: isApplicationState(shown.etat) ? shown.etat : undefined,
    kind: shown.type || undefined,
    territory: shown.territoire || undefined,
    q: shown.q || undefined,
    after,
    tracks: tracksOf(request),
  };
  return { shown, seasons, filters };
}

import type { Kysely } from 'kysely';
import type { Clock } from '../../../core/clock.js';
import type { DB } from '../../../core/db/schema.js';
import { insertAdministration, insertCommons, VALID_SIRETS } from '../testing.js';

/**
 * Test support of this part: a small cooperation space — two administrations (one with a service), three
 * commons of the catalogue (one hidden) — and the people around it, given as the ids of accounts the test
 * created (members of A, a member of B, a maintainer of a commons).
 */
export interface Space {
  administrationA: string;
  administrationB: string;
  serviceA: string;
  umap: string;
  openFoodFacts: string;
  hiddenCommons: string;
}

export async function seedSpace(
  db: Kysely<DB>,
  clock: Clock,
  people: { membersA: string[]; membersB: string[]; maintainers: string[] },
): Promise<Space> {
  const now = clock.now();
  const suffix = Math.random().toString(36).slice(2, 8);
  const administrationA = await insertAdministration(db, now, {
    name: `Mairie de Rennes ${suffix}`,
    siret: VALID_SIRETS[0],
    territory: 'D35',
    members: people.membersA,
  });
  const administrationB = await insertAdministration(db, now, {
    name: `Préfecture du Rhône ${suffix}`,
    siret: VALID_SIRETS[1],
    territory: 'D69',
    members: people.membersB,
  });
  const service = await db
    .insertInto('commons_services')
    .values({ administration_id: administrationA, name: 'Direction du numérique', siret: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const umap = await insertCommons(db, now, {
    name: `uMap ${suffix}`,
    categories: ['cartographie'],
    kind: 'software',
    maintainers: people.maintainers,
  });
  const openFoodFacts = await insertCommons(db, now, {
    name: `Open Food Facts ${suffix}`,
    categories: ['alimentation'],
    kind: 'data',
  });
  const hiddenCommons = await insertCommons(db, now, { name: `Commun masqué ${suffix}`, hidden: true });
  return { administrationA, administrationB, serviceA: service.id, umap, openFoodFacts, hiddenCommons };
}

/** A valid use case form for administration A of the space. */
export function useCaseFields(space: Space, fields: Record<string, string> = {}): Record<string, string> {
  return {
    administration: space.administrationA,
    commun: space.umap,
    service: space.serviceA,
    title: 'Carte des équipements sportifs',
    description: 'La ville publie la carte des équipements sportifs et des données ouvertes associées.',
    status: 'production',
    abandon_reason: '',
    service_url: 'https://carte.rennes.example.fr/sport',
    audience: 'Habitants de la commune',
    territory: 'D35',
    started_on: '2025-03-01',
    ended_on: '',
    visibility: 'public',
    ...fields,
  };
}

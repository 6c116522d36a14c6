import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { NeedKind, NeedSide, UseCaseStatus } from '../tables.js';
import '../tables.js';

/** The space's key figures, counting only what anyone may see (public, not hidden, not merged). */
export interface HomeFigures {
  commons: number;
  administrations: number;
  useCasesInProduction: number;
  openNeeds: number;
  runningExperiments: number;
}

export interface HomeUseCase {
  id: string;
  title: string;
  status: UseCaseStatus;
  administration: string;
  commons: string;
}

export interface HomeNeed {
  id: string;
  title: string;
  kind: NeedKind;
  side: NeedSide;
  owner: string;
}

const count = (n: unknown) => Number(n ?? 0);

export async function homeFigures(db: Kysely<DB>): Promise<HomeFigures> {
  const [commons, administrations, useCases, needs, experiments] = await Promise.all([
    db
      .selectFrom('commons')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('hidden', '=', false)
      .where('merged_into', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('commons_administrations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('hidden', '=', false)
      .where('merged_into', 'is', null)
      .executeTakeFirstOrThrow(),
    publicUseCases(db)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('u.status', '=', 'production')
      .executeTakeFirstOrThrow(),
    publicOpenNeeds(db)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('commons_experiments as e')
      .innerJoin('commons as c', 'c.id', 'e.commons_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('e.status', '=', 'running')
      .where('e.visibility', '=', 'public')
      .where('c.hidden', '=', false)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    commons: count(commons.n),
    administrations: count(administrations.n),
    useCasesInProduction: count(useCases.n),
    openNeeds: count(needs.n),
    runningExperiments: count(experiments.n),
  };
}

/** Public use cases of visible administrations and commons. */
function publicUseCases(db: Kysely<DB>) {
  return db
    .selectFrom('commons_use_cases as u')
    .innerJoin('commons_administrations as a', 'a.id', 'u.administration_id')
    .innerJoin('commons as c', 'c.id', 'u.commons_id')
    .where('u.visibility', '=', 'public')
    .where('u.hidden', '=', false)
    .where('a.hidden', '=', false)
    .where('c.hidden', '=', false);
}

/** Public open needs and offers whose owner (administration or commons) is visible. */
function publicOpenNeeds(db: Kysely<DB>) {
  return db
    .selectFrom('commons_needs as n')
    .leftJoin('commons_administrations as a', 'a.id', 'n.administration_id')
    .leftJoin('commons as c', 'c.id', 'n.commons_id')
    .where('n.visibility', '=', 'public')
    .where('n.hidden', '=', false)
    .where('n.closed_at', 'is', null)
    .where((eb) => eb.or([eb('a.hidden', '=', false), eb('c.hidden', '=', false)]));
}

export async function latestUseCases(db: Kysely<DB>, limit: number): Promise<HomeUseCase[]> {
  const rows = await publicUseCases(db)
    .select(['u.id', 'u.title', 'u.status', 'a.name as administration', 'c.name as commons'])
    .orderBy('u.created_at', 'desc')
    .orderBy('u.id')
    .limit(limit)
    .execute();
  return rows;
}

export async function latestOpenNeeds(db: Kysely<DB>, limit: number): Promise<HomeNeed[]> {
  const rows = await publicOpenNeeds(db)
    .select(['n.id', 'n.title', 'n.kind', 'n.side', 'a.name as administration', 'c.name as commons'])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    side: r.side,
    owner: (r.side === 'administration' ? r.administration : r.commons) ?? '',
  }));
}

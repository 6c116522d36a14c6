import type { Kysely, Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import { type CriterionRecord, loadSeasons } from '../../seasons/index.js';
import { defaultLevelText, type LevelText, RUBRIC_LEVELS } from './rubric-defaults.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A season criterion as the jury scores it: its weight and the meaning of each level 0–5. */
export interface RubricCriterion extends Omit<CriterionRecord, 'id'> {
  /** Index = level. */
  levels: LevelText[];
}

export interface SeasonRubric {
  seasonId: string;
  seasonName: string;
  seasonNameEn: string;
  laureatesSought: number;
  criteria: RubricCriterion[];
}

/** The season's criteria with their rubric: the texts staff set, else the defaults. Null for no such season. */
export async function loadRubric(db: Db, seasonId: string): Promise<SeasonRubric | null> {
  const [season] = await loadSeasons(db, { id: seasonId });
  if (!season) return null;
  const stored = await db
    .selectFrom('review_rubric_levels')
    .select(['criterion_code', 'level', 'description', 'description_en'])
    .where('season_id', '=', seasonId)
    .execute();
  const text = (code: string, level: (typeof RUBRIC_LEVELS)[number]): LevelText => {
    const row = stored.find((r) => r.criterion_code === code && Number(r.level) === level);
    return row ? { fr: row.description, en: row.description_en } : defaultLevelText(code, level);
  };
  return {
    seasonId,
    seasonName: season.name,
    seasonNameEn: season.nameEn,
    laureatesSought: season.laureatesSought,
    criteria: season.criteria.map((c) => ({
      code: c.code,
      label: c.label,
      labelEn: c.labelEn,
      description: c.description,
      descriptionEn: c.descriptionEn,
      weight: c.weight,
      levels: RUBRIC_LEVELS.map((level) => text(c.code, level)),
    })),
  };
}

/** Stores every level text of the season's criteria (all of them: what staff saw is what is kept). */
export async function saveRubric(
  services: Services,
  actor: Actor,
  input: { seasonId: string; userId: string; texts: Record<string, LevelText[]> },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const rubric = await loadRubric(trx, input.seasonId);
    if (!rubric) return false;
    const changed: string[] = [];
    for (const criterion of rubric.criteria) {
      const texts = input.texts[criterion.code];
      if (!texts) continue;
      for (const level of RUBRIC_LEVELS) {
        const next = texts[level];
        if (!next) continue;
        const before = criterion.levels[level];
        if (before.fr === next.fr && before.en === next.en) continue;
        changed.push(`${criterion.code}:${level}`);
        await trx
          .insertInto('review_rubric_levels')
          .values({
            season_id: input.seasonId,
            criterion_code: criterion.code,
            level,
            description: next.fr,
            description_en: next.en,
            updated_at: now,
            updated_by: input.userId,
          })
          .onConflict((oc) =>
            oc.columns(['season_id', 'criterion_code', 'level']).doUpdateSet({
              description: next.fr,
              description_en: next.en,
              updated_at: now,
              updated_by: input.userId,
            }),
          )
          .execute();
      }
    }
    await audit({
      action: 'review.rubric_update',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: { changed },
    });
    return true;
  });
}

import type { DataSubject, ErasureContext, ErasureCounts, PersonalDataPart } from '../../core/module.js';
import type { Services } from '../../core/services.js';
import './tables.js';

/**
 * What the impact module holds about a person with an account: the values they reported for their laureate
 * (and reviewed, for staff), the indicators and testimonies they recorded. These are the programme's records
 * of a laureate's impact, not the person's own: an erasure keeps them, attributed to the pseudonymous account
 * the erasure leaves (core/auth/pseudonym.ts), so the figures and their history stay whole.
 *
 * The authors of testimonies hold no account here: their name, role, words and photo are deleted by staff on
 * request (the testimony's "Supprimer" button), which also deletes the photo's file (docs/impact.md).
 */
export async function impactDataOf(services: Services, person: DataSubject): Promise<unknown> {
  const { db } = services;
  const [valuesReported, valuesReviewed, indicatorsDefined, testimoniesRecorded] = await Promise.all([
    db
      .selectFrom('impact_values as v')
      .innerJoin('impact_indicators as i', 'i.id', 'v.indicator_id')
      .select([
        'i.name as indicator',
        'v.period_start',
        'v.period_end',
        'v.value',
        'v.source',
        'v.comment',
        'v.state',
        'v.submitted_at',
        'v.created_at',
      ])
      .where('v.reported_by', '=', person.id)
      .orderBy('v.created_at')
      .execute(),
    db
      .selectFrom('impact_values as v')
      .innerJoin('impact_indicators as i', 'i.id', 'v.indicator_id')
      .select(['i.name as indicator', 'v.period_end', 'v.state', 'v.review_comment', 'v.reviewed_at'])
      .where('v.reviewed_by', '=', person.id)
      .orderBy('v.reviewed_at')
      .execute(),
    db
      .selectFrom('impact_indicators')
      .select(['name', 'unit', 'created_at'])
      .where('created_by', '=', person.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('impact_testimonies')
      .select(['author_name', 'quote', 'consent_at', 'consent_version', 'published_at', 'created_at'])
      .where((eb) => eb.or([eb('created_by', '=', person.id), eb('consent_recorded_by', '=', person.id)]))
      .orderBy('created_at')
      .execute(),
  ]);
  return { valuesReported, valuesReviewed, indicatorsDefined, testimoniesRecorded };
}

/** Keeps every record, attributed to the pseudonym; returns how many stay, for the erasure's audit event. */
export async function eraseImpactData({ trx }: ErasureContext, person: DataSubject): Promise<ErasureCounts> {
  const count = async (query: Promise<{ n: number | string | bigint } | undefined>) => Number((await query)?.n ?? 0);
  return {
    valuesKept: await count(
      trx
        .selectFrom('impact_values')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('reported_by', '=', person.id), eb('reviewed_by', '=', person.id)]))
        .executeTakeFirst(),
    ),
    testimoniesKept: await count(
      trx
        .selectFrom('impact_testimonies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('created_by', '=', person.id), eb('consent_recorded_by', '=', person.id)]))
        .executeTakeFirst(),
    ),
  };
}

export const impactPersonalData: PersonalDataPart = { name: 'impact', export: impactDataOf, erase: eraseImpactData };

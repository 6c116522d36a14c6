import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { IndicatorDirection, ValueState } from './tables.js';
import './tables.js';

/**
 * Test support: impact records written straight into this module's tables, so that each part's tests start
 * from known indicators and testimonies (each part's own use cases are tested through its routes). The
 * laureate is a seasons' `laureates` row (test/support/factories). Every helper returns the new row's id.
 */

export async function insertIndicator(
  db: Kysely<DB>,
  now: Date,
  values: {
    laureateId: string;
    name: string;
    unit: string;
    direction?: IndicatorDirection;
    baseline?: { value: number; date: string };
    targets?: { value: number; date: string }[];
    irisId?: string;
    lever?: string;
    isPublic?: boolean;
    position?: number;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('impact_indicators')
    .values({
      laureate_id: values.laureateId,
      name: values.name,
      unit: values.unit,
      direction: values.direction ?? 'increase',
      baseline_value: values.baseline?.value ?? null,
      baseline_date: values.baseline?.date ?? null,
      iris_id: values.irisId ?? null,
      lever: values.lever ?? null,
      is_public: values.isPublic ?? true,
      position: values.position ?? 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const target of values.targets ?? [])
    await db
      .insertInto('impact_targets')
      .values({ indicator_id: id, target_value: target.value, target_date: target.date })
      .execute();
  return id;
}

export async function insertValue(
  db: Kysely<DB>,
  now: Date,
  values: {
    indicatorId: string;
    periodStart: string;
    periodEnd: string;
    value: number;
    state?: ValueState;
    source?: string;
    comment?: string;
    reviewComment?: string;
    reportedBy?: string;
  },
): Promise<string> {
  const state = values.state ?? 'approved';
  const { id } = await db
    .insertInto('impact_values')
    .values({
      indicator_id: values.indicatorId,
      period_start: values.periodStart,
      period_end: values.periodEnd,
      value: values.value,
      state,
      source: values.source ?? '',
      comment: values.comment ?? '',
      review_comment: values.reviewComment ?? (state === 'returned' ? 'À préciser' : ''),
      reported_by: values.reportedBy ?? null,
      submitted_at: state === 'draft' ? null : now,
      reviewed_at: state === 'approved' || state === 'returned' ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertTestimony(
  db: Kysely<DB>,
  now: Date,
  values: {
    laureateId: string;
    quote: string;
    authorName: string;
    authorRole?: string;
    published?: boolean;
    videoUrl?: string;
    lever?: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('impact_testimonies')
    .values({
      laureate_id: values.laureateId,
      quote: values.quote,
      author_name: values.authorName,
      author_role: values.authorRole ?? '',
      consent_at: now,
      consent_version: 1,
      video_url: values.videoUrl ?? null,
      lever: values.lever ?? null,
      published_at: values.published === false ? null : now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

// A season with laureates, plans, grants and impact figures, for the season report's cross-module tests.
export { seedReportSeason } from './public/testing.js';

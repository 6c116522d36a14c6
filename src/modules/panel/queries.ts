import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SortitionInput } from '../../algorithms/sortition/index.js';
import type { DB } from '../../core/db/schema.js';
import { countForm, type Locale, type Message } from '../../core/i18n/i18n.js';
import { panelMessages as m, panelCounts } from './messages.js';
import type { AnalysisError, AnalysisResult, MemberStatus, PanelCriterion, PanelStatus } from './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface PanelRecord {
  id: string;
  seasonId: string | null;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  size: number;
  status: PanelStatus;
  recruitUntil: Date;
  endsAt: Date;
  retentionDays: number;
  onePerHousehold: boolean;
  criteria: PanelCriterion[];
  opinionWeight: number;
  /** When the demographic answers are deleted: the end of the panel plus the retention. */
  deleteAfter: Date;
  /** Bumped by every edit (optimistic concurrency). */
  version: number;
}

export interface QuotaRecord {
  category: string;
  /** The category's question, French and English (empty: the code is shown). */
  categoryLabel: string;
  categoryLabelEn: string;
  feature: string;
  label: string;
  labelEn: string;
  min: number;
  max: number;
}

const DAY_MS = 24 * 3600_000;

export function deleteAfterOf(endsAt: Date, retentionDays: number): Date {
  return new Date(endsAt.getTime() + retentionDays * DAY_MS);
}

export async function loadPanels(db: Db, id?: string): Promise<(PanelRecord & { volunteers: number })[]> {
  let query = db
    .selectFrom('panels')
    .selectAll('panels')
    .select((eb) =>
      eb
        .selectFrom('panel_volunteers')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('panel_volunteers.panel_id', '=', 'panels.id')
        .as('volunteers'),
    );
  if (id) query = query.where('panels.id', '=', id);
  const rows = await query.orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    seasonId: r.season_id,
    name: r.name,
    nameEn: r.name_en,
    description: r.description,
    descriptionEn: r.description_en,
    size: r.size,
    status: r.status,
    recruitUntil: new Date(r.recruit_until),
    endsAt: new Date(r.ends_at),
    retentionDays: r.retention_days,
    onePerHousehold: r.one_per_household,
    criteria: r.criteria,
    opinionWeight: r.opinion_weight,
    deleteAfter: deleteAfterOf(new Date(r.ends_at), r.retention_days),
    version: r.version,
    volunteers: Number(r.volunteers ?? 0),
  }));
}

export async function loadPanel(db: Db, id: string): Promise<(PanelRecord & { volunteers: number }) | undefined> {
  return (await loadPanels(db, id))[0];
}

export async function loadQuotas(db: Db, panelId: string): Promise<QuotaRecord[]> {
  const rows = await db
    .selectFrom('panel_quotas')
    .selectAll()
    .where('panel_id', '=', panelId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    category: r.category,
    categoryLabel: r.category_label,
    categoryLabelEn: r.category_label_en,
    feature: r.feature,
    label: r.label,
    labelEn: r.label_en,
    min: r.min,
    max: r.max,
  }));
}

export interface QuotaCategory {
  category: string;
  label: string;
  labelEn: string;
  values: QuotaRecord[];
}

/** The categories in the order of their first quota, each with its question and values: the volunteers' questions. */
export function categoriesOf(quotas: QuotaRecord[]): QuotaCategory[] {
  const groups = new Map<string, QuotaRecord[]>();
  for (const q of quotas) groups.set(q.category, [...(groups.get(q.category) ?? []), q]);
  return [...groups.entries()].map(([category, values]) => ({
    category,
    label: values.find((v) => v.categoryLabel)?.categoryLabel ?? '',
    labelEn: values.find((v) => v.categoryLabelEn)?.categoryLabelEn ?? '',
    values,
  }));
}

/** A category's question in the reader's language: English falls back to French, French to the code. */
export function categoryLabelOf(locale: Locale, c: { category: string; label: string; labelEn: string }): string {
  return (locale === 'en' && c.labelEn) || c.label || c.category;
}

/** The question of a quota row's category, in the reader's language. */
export function quotaCategoryLabel(locale: Locale, q: QuotaRecord): string {
  return categoryLabelOf(locale, { category: q.category, label: q.categoryLabel, labelEn: q.categoryLabelEn });
}

/** A value's label in the reader's language (English falls back to French). */
export function valueLabelOf(locale: Locale, q: QuotaRecord): string {
  return locale === 'en' && q.labelEn ? q.labelEn : q.label;
}

export const countKey = (category: string, feature: string) => `${category}\u0000${feature}`;

/** How many volunteers (with demographic answers still kept) have each category value: aggregated only. */
export async function quotaCounts(db: Db, panelId: string): Promise<{ total: number; counts: Map<string, number> }> {
  const rows = await db.selectFrom('panel_demographics').select('answers').where('panel_id', '=', panelId).execute();
  const counts = new Map<string, number>();
  for (const { answers } of rows)
    for (const [category, feature] of Object.entries(answers))
      counts.set(countKey(category, feature), (counts.get(countKey(category, feature)) ?? 0) + 1);
  return { total: rows.length, counts };
}

export interface QuotaWarning {
  message: Message;
  params: Record<string, string | number>;
}

/** What makes the quotas impossible to meet, found by counting (the analysis explains the rest). */
export function quotaWarnings(
  k: number,
  quotas: QuotaRecord[],
  total: number,
  counts: Map<string, number>,
): { perQuota: Map<string, QuotaWarning>; general: QuotaWarning[] } {
  const perQuota = new Map<string, QuotaWarning>();
  const general: QuotaWarning[] = [];
  if (total < k) general.push({ message: countForm(panelCounts.warnPoolSmall, total), params: { n: total, k } });
  for (const { category, values } of categoriesOf(quotas)) {
    const minSum = values.reduce((s, q) => s + q.min, 0);
    const maxSum = values.reduce((s, q) => s + q.max, 0);
    if (minSum > k) general.push({ message: m.warnMinSum, params: { category, sum: minSum, k } });
    if (maxSum < k) general.push({ message: m.warnMaxSum, params: { category, sum: maxSum, k } });
    for (const q of values) {
      const count = counts.get(countKey(q.category, q.feature)) ?? 0;
      if (count < q.min)
        perQuota.set(countKey(q.category, q.feature), {
          message: countForm(panelCounts.warnShort, count),
          params: { n: count },
        });
    }
  }
  return { perQuota, general };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A random pseudonym such as `K7QM-2XHD-A9…` (60 random bits, base 32): drawn for each commitment, so it
 * is unrelated to any id, row or date staff can see; only the volunteer (told by mail) and the holders of
 * `panel.demographics` can tie it to a person.
 */
export function newPseudonym(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => BASE32[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/**
 * The sortition input from the volunteers whose demographic answers are still kept. Pool rows get fresh
 * random pseudonyms and are sorted by them, so neither the ids nor the row order say anything about who
 * registered when; households are renamed H1, H2… in that order. The published pool file holds no name,
 * address or contact. `poolVolunteers` (never published, never shown to staff) maps pseudonyms back.
 */
export async function poolInput(
  db: Db,
  panel: PanelRecord,
  quotas: QuotaRecord[],
): Promise<{ input: SortitionInput; poolVolunteers: Record<string, string> }> {
  const rows = await db
    .selectFrom('panel_demographics')
    .innerJoin('panel_volunteers', 'panel_volunteers.id', 'panel_demographics.volunteer_id')
    .select(['panel_volunteers.id', 'panel_volunteers.household', 'panel_demographics.answers'])
    .where('panel_demographics.panel_id', '=', panel.id)
    .execute();
  const categories = [...new Set(quotas.map((q) => q.category))];
  const shared = new Map<string, number>();
  for (const r of rows) if (r.household) shared.set(r.household, (shared.get(r.household) ?? 0) + 1);
  const taken = new Set<string>();
  const pseudonymous = rows
    .filter((r) => categories.every((c) => typeof r.answers[c] === 'string'))
    .map((r) => {
      let pseudonym = newPseudonym();
      while (taken.has(pseudonym)) pseudonym = newPseudonym();
      taken.add(pseudonym);
      return { pseudonym, row: r };
    })
    .sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1));
  const householdNames = new Map<string, string>();
  const poolVolunteers: Record<string, string> = {};
  const people = pseudonymous.map(({ pseudonym: id, row: r }) => {
    poolVolunteers[id] = r.id;
    let household: string | undefined;
    if (panel.onePerHousehold && r.household && (shared.get(r.household) ?? 0) > 1) {
      if (!householdNames.has(r.household)) householdNames.set(r.household, `H${householdNames.size + 1}`);
      household = householdNames.get(r.household);
    }
    return {
      id,
      values: Object.fromEntries(categories.map((c) => [c, r.answers[c]])),
      ...(household ? { household } : {}),
    };
  });
  return {
    input: {
      quotas: quotas.map((q) => ({ category: q.category, feature: q.feature, min: q.min, max: q.max })),
      people,
      k: panel.size,
    },
    poolVolunteers,
  };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What the staff page shows of the analyses (the latest request), the initial draw and the members. */
export async function panelPageData(db: Db, panelId: string) {
  const analysisRows = await db
    .selectFrom('panel_analyses')
    .select(['algorithm', 'state', 'result', 'error', 'outdated_at'])
    .where('panel_id', '=', panelId)
    .orderBy('requested_at', 'desc')
    .orderBy('id')
    .limit(2)
    .execute();
  const drawRow = await db
    .selectFrom('panel_draws')
    .select(['state', 'commitment', 'random_value', 'witnesses', 'drawn_at', 'error'])
    .where('panel_id', '=', panelId)
    .where('kind', '=', 'initial')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const members = await db
    .selectFrom('panel_members')
    .innerJoin('panel_volunteers', 'panel_volunteers.id', 'panel_members.volunteer_id')
    // Never the pool id: beside a name it would lead to that person's answers in the published pool.csv.
    .select([
      'panel_members.status',
      'panel_members.invited_at',
      'panel_volunteers.given_name',
      'panel_volunteers.family_name',
      'panel_volunteers.email',
    ])
    .where('panel_members.panel_id', '=', panelId)
    .orderBy('panel_volunteers.family_name')
    .orderBy('panel_volunteers.given_name')
    .orderBy('panel_volunteers.email')
    .execute();
  return {
    analyses: analysisRows.map((r) => ({
      algorithm: r.algorithm,
      state: r.state,
      result: r.result as AnalysisResult | null,
      error: r.error as AnalysisError | null,
      outdated: r.outdated_at !== null,
    })),
    draw: drawRow
      ? {
          state: drawRow.state,
          commitment: drawRow.commitment,
          randomValue: drawRow.random_value,
          witnesses: drawRow.witnesses,
          drawnAt: drawRow.drawn_at ? new Date(drawRow.drawn_at) : null,
          error: drawRow.error as AnalysisError | null,
        }
      : null,
    members: members.map((r) => ({
      name: `${r.given_name} ${r.family_name}`,
      email: r.email,
      status: r.status as MemberStatus,
      invitedAt: new Date(r.invited_at),
    })),
  };
}

/** Volunteer id → pseudonym in the panel's committed pool (empty before the commitment and after withdrawal). */
export async function pseudonymsOf(db: Db, panelId: string): Promise<Map<string, string>> {
  const draw = await db
    .selectFrom('panel_draws')
    .select('pool_volunteers')
    .where('panel_id', '=', panelId)
    .where('kind', '=', 'initial')
    .where('state', 'in', ['committed', 'drawn'])
    .executeTakeFirst();
  return new Map(Object.entries(draw?.pool_volunteers ?? {}).map(([pseudonym, volunteer]) => [volunteer, pseudonym]));
}

/** Each volunteer's demographic answers with contact, consent and pseudonym: for `panel.demographics` only. */
export async function demographicRows(db: Db, panelId: string) {
  const rows = await db
    .selectFrom('panel_demographics')
    .innerJoin('panel_volunteers', 'panel_volunteers.id', 'panel_demographics.volunteer_id')
    .select([
      'panel_volunteers.id',
      'panel_volunteers.email',
      'panel_volunteers.given_name',
      'panel_volunteers.family_name',
      'panel_volunteers.availability',
      'panel_volunteers.consent_at',
      'panel_volunteers.consent_version',
      'panel_demographics.answers',
    ])
    .where('panel_demographics.panel_id', '=', panelId)
    .orderBy('panel_volunteers.created_at')
    .execute();
  const pseudonymOf = await pseudonymsOf(db, panelId);
  return rows.map((r) => ({
    pseudonym: pseudonymOf.get(r.id) ?? '',
    email: r.email,
    name: `${r.given_name} ${r.family_name}`,
    availability: r.availability,
    consentAt: new Date(r.consent_at),
    consentVersion: r.consent_version,
    answers: r.answers,
  }));
}

/**
 * What may still change on a panel: once a draw is under way (commitment requested, published or
 * drawn) nothing that feeds the draw changes; once the call has opened or anyone volunteered, the
 * categories and their values are the questions people answered, so only labels and bounds change.
 */
export interface PanelStage {
  drawStarted: boolean;
  answered: boolean;
  /** Volunteers whose demographic answers are still kept (they were told when those are deleted). */
  keptAnswers: number;
  /** Applications of the panel's season are put before it: the season stays while the shortlist is not empty. */
  shortlisted: boolean;
}

export async function panelStage(db: Db, panel: { id: string; status: PanelStatus }): Promise<PanelStage> {
  const draw = await db
    .selectFrom('panel_draws')
    .select('id')
    .where('panel_id', '=', panel.id)
    .where('state', '!=', 'failed')
    .limit(1)
    .executeTakeFirst();
  const volunteers = await db
    .selectFrom('panel_volunteers')
    .select('id')
    .where('panel_id', '=', panel.id)
    .limit(1)
    .executeTakeFirst();
  const kept = await db
    .selectFrom('panel_demographics')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('panel_id', '=', panel.id)
    .executeTakeFirstOrThrow();
  const shortlisted = await db
    .selectFrom('panel_shortlist')
    .select('application_id')
    .where('panel_id', '=', panel.id)
    .limit(1)
    .executeTakeFirst();
  return {
    drawStarted: draw !== undefined,
    answered: panel.status !== 'setup' || volunteers !== undefined,
    keptAnswers: Number(kept.n),
    shortlisted: shortlisted !== undefined,
  };
}

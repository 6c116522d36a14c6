import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { FieldError } from '../../core/http/forms.js';
import { FormReader } from '../../core/http/forms.js';
import type { Services } from '../../core/services.js';
import { applicationLabels, listApplicationsForReview } from '../applications/index.js';
import type { PanelRecord } from './queries.js';
import type { PanelCriterion } from './tables.js';

type Db = Services['db'];

/** States an application may be in to be put before the panel. */
export const SHORTLIST_STATES = ['eligible', 'in_review'] as const;

/**
 * The season's applications staff may put before the panel, and which ones are; with `tracks` (staff
 * limited to some tracks), only those tracks' applications.
 */
export async function shortlistChoices(
  db: Db,
  panel: PanelRecord,
  tracks?: readonly string[],
): Promise<{ id: string; title: string; chosen: boolean }[]> {
  if (!panel.seasonId) return [];
  const candidates = (await listApplicationsForReview(db, panel.seasonId, SHORTLIST_STATES)).filter(
    (a) => !tracks || tracks.includes(a.trackCode),
  );
  const chosen = new Set(await shortlistIds(db, panel.id));
  return candidates.map((a) => ({ id: a.id, title: a.title, chosen: chosen.has(a.id) }));
}

export async function shortlistIds(db: Db, panelId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('panel_shortlist')
    .select('application_id')
    .where('panel_id', '=', panelId)
    .orderBy('added_at')
    .orderBy('application_id')
    .execute();
  return rows.map((r) => r.application_id);
}

/** Replaces the shortlist with the chosen candidates (ids that are not candidates are ignored). */
export async function saveShortlist(
  services: Services,
  actor: Actor,
  panel: PanelRecord,
  requested: string[],
): Promise<string[]> {
  const now = services.clock.now();
  const candidates = new Set((await shortlistChoices(services.db, panel)).map((c) => c.id));
  const ids = [...new Set(requested)].filter((id) => candidates.has(id));
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    let removal = trx.deleteFrom('panel_shortlist').where('panel_id', '=', panel.id);
    if (ids.length > 0) removal = removal.where('application_id', 'not in', ids);
    await removal.execute();
    if (ids.length > 0) {
      await trx
        .insertInto('panel_shortlist')
        .values(
          ids.map((application_id) => ({ panel_id: panel.id, application_id, added_at: now, added_by: actor.id })),
        )
        .onConflict((oc) => oc.columns(['panel_id', 'application_id']).doNothing())
        .execute();
    }
    await audit({
      action: 'panel.shortlist-saved',
      subjectType: 'panel',
      subjectId: panel.id,
      summary: { applications: ids },
    });
    return ids;
  });
}

/** The panels where this account is an accepted member, with the member row. */
export async function panelistMemberships(db: Db, userId: string): Promise<{ memberId: string; panelId: string }[]> {
  const rows = await db
    .selectFrom('panel_members')
    .select(['id', 'panel_id'])
    .where('user_id', '=', userId)
    .where('status', '=', 'accepted')
    .execute();
  return rows.map((r) => ({ memberId: r.id, panelId: r.panel_id }));
}

/** The shortlisted applications with their titles; with `tracks`, only those tracks' applications. */
export async function shortlistWithLabels(
  db: Db,
  panelId: string,
  tracks?: readonly string[],
): Promise<{ id: string; title: string }[]> {
  const ids = await shortlistIds(db, panelId);
  const labels = await applicationLabels(db, ids);
  return ids
    .filter((id) => labels.has(id) && (!tracks || tracks.includes(labels.get(id)!.trackCode)))
    .map((id) => ({ id, title: labels.get(id)!.title }));
}

export async function opinionsOf(
  db: Db,
  memberId: string,
): Promise<Map<string, { scores: Record<string, number>; comment: string }>> {
  const rows = await db
    .selectFrom('panel_opinions')
    .select(['application_id', 'scores', 'comment'])
    .where('member_id', '=', memberId)
    .execute();
  return new Map(rows.map((r) => [r.application_id, { scores: r.scores, comment: r.comment }]));
}

export const SCORES = ['1', '2', '3', '4', '5'] as const;

/** One score per criterion (1 to 5) and an optional comment; errors on the criterion's field. */
export function readOpinionForm(
  body: unknown,
  criteria: PanelCriterion[],
): { form: FormReader; scores: Record<string, number>; comment: string } {
  const form = new FormReader(body);
  const scores: Record<string, number> = {};
  for (const c of criteria) {
    const value = form.choice(`score_${c.code}`, SCORES, { required: true });
    if (value) scores[c.code] = Number(value);
  }
  const comment = form.text('panel_comment', { max: 5000 });
  return { form, scores, comment };
}

/** Records (or changes) a panelist's opinion on a shortlisted application while the panel works. */
export async function saveOpinion(
  services: Services,
  actor: Actor,
  input: {
    panel: PanelRecord;
    memberId: string;
    applicationId: string;
    scores: Record<string, number>;
    comment: string;
  },
): Promise<{ ok: true } | { ok: false; errors?: Record<string, FieldError>; reason: 'ended' | 'not-shortlisted' }> {
  const now = services.clock.now();
  if (now > input.panel.endsAt) return { ok: false, reason: 'ended' };
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const listed = await trx
      .selectFrom('panel_shortlist')
      .select('application_id')
      .where('panel_id', '=', input.panel.id)
      .where('application_id', '=', input.applicationId)
      .executeTakeFirst();
    if (!listed) return { ok: false as const, reason: 'not-shortlisted' as const };
    await trx
      .insertInto('panel_opinions')
      .values({
        panel_id: input.panel.id,
        member_id: input.memberId,
        panelist_ref: (eb) => eb.selectFrom('panel_members').select('opinion_ref').where('id', '=', input.memberId),
        application_id: input.applicationId,
        scores: JSON.stringify(input.scores),
        comment: input.comment,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['member_id', 'application_id'])
          .doUpdateSet({ scores: JSON.stringify(input.scores), comment: input.comment, updated_at: now }),
      )
      .execute();
    await audit({
      action: 'panel.opinion-saved',
      subjectType: 'panel_member',
      subjectId: input.memberId,
      summary: { application: input.applicationId, scores: input.scores },
    });
    return { ok: true as const };
  });
}

export interface OpinionResult {
  applicationId: string;
  title: string;
  count: number;
  /** Mean score per criterion code (undefined without opinions). */
  means: Record<string, number>;
  /** Mean over the criteria. */
  overall: number | null;
}

/**
 * The panel's opinions aggregated per shortlisted application: what staff see (no one's individual scores);
 * staff limited to some tracks (`tracks`) see their tracks' applications only.
 */
export async function opinionResults(db: Db, panel: PanelRecord, tracks?: readonly string[]): Promise<OpinionResult[]> {
  const shortlist = await shortlistWithLabels(db, panel.id, tracks);
  const rows = await db
    .selectFrom('panel_opinions')
    .select(['application_id', 'scores'])
    .where('panel_id', '=', panel.id)
    .execute();
  return shortlist.map(({ id, title }) => {
    const mine = rows.filter((r) => r.application_id === id);
    const means: Record<string, number> = {};
    for (const c of panel.criteria) {
      const values = mine.map((r) => r.scores[c.code]).filter((v): v is number => typeof v === 'number');
      if (values.length > 0) means[c.code] = values.reduce((a, b) => a + b, 0) / values.length;
    }
    const all = Object.values(means);
    return {
      applicationId: id,
      title,
      count: mine.length,
      means,
      overall: all.length > 0 ? all.reduce((a, b) => a + b, 0) / all.length : null,
    };
  });
}

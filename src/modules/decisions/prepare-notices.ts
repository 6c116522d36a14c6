import type { Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { Locale } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { peopleByIds } from '../accounts/index.js';
import { loadDeliberation } from './deliberation.js';
import { type DecisionRow, decisionsOf, loadNoticeContext, type NoticeContext } from './notice-queries.js';
import { loadTemplates, type NoticeKind, type NoticeTemplate } from './notice-templates.js';
import { reasonLabel } from './reasons.js';
import { renderDraft } from './render-notice.js';

export type PrepareResult =
  | { ok: true; created: number; refreshed: number; kept: number }
  | { ok: false; problem: 'not_found' | 'not_closed' };

/** The language a notice is written in: its owner's. */
export async function ownerLocales(trx: Transaction<DB>, ownerIds: string[]): Promise<Map<string, Locale>> {
  const people = await peopleByIds(trx, ownerIds);
  return new Map([...people].map(([id, person]) => [id, person.locale]));
}

/** The draft of one application's notice of this kind, from the season's template in the notice's language. */
export function draftFor(
  context: NoticeContext,
  templates: Record<NoticeKind, Record<Locale, NoticeTemplate>>,
  decision: DecisionRow,
  kind: NoticeKind,
  locale: Locale,
  baseUrl: string,
): NoticeTemplate {
  const application = context.applications.get(decision.applicationId);
  return renderDraft(
    templates[kind][locale],
    {
      kind,
      locale,
      applicationId: decision.applicationId,
      title: application?.title ?? '',
      seasonName: context.seasonName[locale],
      reasons: decision.reasonCodes.map((code) => reasonLabel(locale, code, context.criteria)),
      reasonText: decision.reasonText,
      amountCents: decision.amountCents ?? application?.requestedCents ?? null,
      waitlistPosition: decision.waitlistPosition,
    },
    baseUrl,
  );
}

/**
 * Fills the outbox of a closed deliberation: one draft per decided application (its outcome's template, in
 * its owner's language). Preparing again refreshes the drafts nobody edited by hand (after a template
 * changed); an edited draft and a sent notice are left as they are.
 */
export async function prepareNotices(
  services: Services,
  actor: Actor,
  input: { seasonId: string },
): Promise<PrepareResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<PrepareResult> => {
    const deliberation = await loadDeliberation(trx, input.seasonId, { forUpdate: true });
    if (!deliberation) return { ok: false, problem: 'not_found' };
    if (deliberation.status !== 'closed') return { ok: false, problem: 'not_closed' };
    const context = (await loadNoticeContext(trx, input.seasonId))!;
    const templates = await loadTemplates(trx, input.seasonId);
    const decisions = await decisionsOf(trx, deliberation.id);
    if (decisions.length === 0) {
      await audit({ action: 'decisions.notices-prepared', subjectType: 'season', subjectId: input.seasonId });
      return { ok: true, created: 0, refreshed: 0, kept: 0 };
    }
    const locales = await ownerLocales(
      trx,
      decisions.flatMap((d) => {
        const owner = context.applications.get(d.applicationId)?.ownerId;
        return owner ? [owner] : [];
      }),
    );
    let created = 0;
    let refreshed = 0;
    let kept = 0;
    // An application offered a freed place has its `offer` notice: no other notice is prepared for it.
    const offered = new Set(
      (
        await trx
          .selectFrom('decision_notices')
          .select('application_id')
          .where('kind', '=', 'offer')
          .where(
            'application_id',
            'in',
            decisions.map((d) => d.applicationId),
          )
          .execute()
      ).map((r) => r.application_id),
    );
    for (const decision of decisions) {
      if (offered.has(decision.applicationId)) continue;
      const kind: NoticeKind = decision.outcome;
      const owner = context.applications.get(decision.applicationId)?.ownerId;
      const locale = (owner && locales.get(owner)) || 'fr';
      const draft = draftFor(context, templates, decision, kind, locale, services.config.baseUrl);
      const existing = await trx
        .selectFrom('decision_notices')
        .select(['id', 'status', 'edited'])
        .where('application_id', '=', decision.applicationId)
        .where('kind', '=', kind)
        .forUpdate()
        .executeTakeFirst();
      if (!existing) {
        const inserted = await trx
          .insertInto('decision_notices')
          .values({
            application_id: decision.applicationId,
            kind,
            locale,
            subject: draft.subject,
            body: draft.body,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.columns(['application_id', 'kind']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted) created++;
        else kept++;
      } else if (existing.status === 'draft' && !existing.edited) {
        await trx
          .updateTable('decision_notices')
          .set({ locale, subject: draft.subject, body: draft.body, updated_at: now })
          .where('id', '=', existing.id)
          .where('status', '=', 'draft')
          .where('edited', '=', false)
          .execute();
        refreshed++;
      } else kept++;
    }
    await audit({
      action: 'decisions.notices-prepared',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: { created, refreshed, kept },
    });
    return { ok: true, created, refreshed, kept };
  });
}

/** Staff edit one draft by hand: a later preparation no longer overwrites it. */
export async function editNotice(
  services: Services,
  actor: Actor,
  input: { seasonId: string; noticeId: string; subject: string; body: string },
): Promise<{ ok: true } | { ok: false; problem: 'not_found' | 'sent' }> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const deliberation = await loadDeliberation(trx, input.seasonId);
    if (!deliberation) return { ok: false as const, problem: 'not_found' as const };
    const updated = await trx
      .updateTable('decision_notices as n')
      .set({ subject: input.subject, body: input.body, edited: true, updated_at: now })
      .where('n.id', '=', input.noticeId)
      .where('n.status', '=', 'draft')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('decisions as d')
            .select('d.application_id')
            .whereRef('d.application_id', '=', 'n.application_id')
            .where('d.deliberation_id', '=', deliberation.id),
        ),
      )
      .returning('n.id')
      .executeTakeFirst();
    if (!updated) {
      const exists = await trx
        .selectFrom('decision_notices')
        .select('status')
        .where('id', '=', input.noticeId)
        .executeTakeFirst();
      return { ok: false as const, problem: exists?.status === 'sent' ? ('sent' as const) : ('not_found' as const) };
    }
    await audit({
      action: 'decisions.notice-edited',
      subjectType: 'decision_notice',
      subjectId: input.noticeId,
      summary: { subjectLength: input.subject.length, bodyLength: input.body.length },
    });
    return { ok: true as const };
  });
}

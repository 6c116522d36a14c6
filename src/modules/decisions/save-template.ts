import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { FormReader } from '../../core/http/forms.js';
import type { Locale } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { loadDeliberation } from './deliberation.js';
import { noticeMessages as m } from './notice-messages.js';
import { type NoticeKind, type NoticeTemplate, PLACEHOLDERS, unknownPlaceholders } from './notice-templates.js';
import './tables.js';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

export const placeholderList = () => PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

/**
 * Reads a template (or a draft) from a form: subject and text required, no unknown placeholder (a typo would
 * reach the applicant as is), and a refusal names its reasons.
 */
export function readNoticeForm(form: FormReader): NoticeTemplate | null {
  const subject = form.text('subject', { required: true, max: SUBJECT_MAX });
  const body = form.text('body', { required: true, max: BODY_MAX });
  for (const [field, value] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0 && !form.errors[field])
      form.fail(field, m.unknownPlaceholder, {
        names: unknown.map((name) => `{${name}}`).join(', '),
        list: placeholderList(),
      });
  }
  return form.ok ? { subject, body } : null;
}

/** A template must name the reasons of a refusal. */
export function checkTemplateReasons(form: FormReader, kind: NoticeKind, template: NoticeTemplate): boolean {
  if (kind === 'not_selected' && !template.body.includes('{motifs}')) {
    form.fail('body', m.motifsRequired);
    return false;
  }
  return true;
}

/** Saves a season's template of one kind and language (`null`: back to the default). */
export async function saveTemplate(
  services: Services,
  actor: Actor,
  input: { seasonId: string; kind: NoticeKind; locale: Locale; template: NoticeTemplate | null },
): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    if (input.template === null) {
      await trx
        .deleteFrom('decision_notice_templates')
        .where('season_id', '=', input.seasonId)
        .where('kind', '=', input.kind)
        .where('locale', '=', input.locale)
        .execute();
    } else {
      const values = {
        subject: input.template.subject,
        body: input.template.body,
        updated_at: now,
        updated_by: actor.id,
      };
      await trx
        .insertInto('decision_notice_templates')
        .values({ season_id: input.seasonId, kind: input.kind, locale: input.locale, ...values })
        .onConflict((oc) => oc.columns(['season_id', 'kind', 'locale']).doUpdateSet(values))
        .execute();
    }
    await audit({
      action: input.template === null ? 'decisions.template-reset' : 'decisions.template-saved',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: { kind: input.kind, locale: input.locale },
    });
  });
}

/** The outbox's settings: whether refusals quote the jury's comments, and the days laureates have to confirm. */
export async function saveNoticeSettings(
  services: Services,
  actor: Actor,
  input: { seasonId: string; shareJuryComments: boolean; confirmDays: number },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const deliberation = await loadDeliberation(trx, input.seasonId, { forUpdate: true });
    if (!deliberation) return false;
    await trx
      .updateTable('deliberations')
      .set({ share_jury_comments: input.shareJuryComments, confirm_days: input.confirmDays, updated_at: now })
      .where('id', '=', deliberation.id)
      .execute();
    await audit({
      action: 'decisions.notice-settings',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: {
        shareJuryComments: { from: deliberation.shareJuryComments, to: input.shareJuryComments },
        confirmDays: { from: deliberation.confirmDays, to: input.confirmDays },
      },
    });
    return true;
  });
}

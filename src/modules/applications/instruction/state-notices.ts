import type { Kysely, Transaction } from 'kysely';
import { type Actor, type AuditInput, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { seasonSummariesById } from '../../seasons/index.js';
import type { ApplicationState } from '../states.js';
import { STATE_NOTICE_MAIL } from './mails.js';
import { instructionMessages as im } from './messages.js';
import { applicantRecipients } from './post-message.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The instruction states whose change, made by staff, tells the applicants (unless switched off for the season). */
export const NOTIFIED_STATES = ['eligible', 'ineligible', 'in_review'] as const;
export type NotifiedState = (typeof NOTIFIED_STATES)[number];

export function isNotifiedState(state: string): state is NotifiedState {
  return (NOTIFIED_STATES as readonly string[]).includes(state);
}

export type StateNoticeSettings = Record<NotifiedState, boolean>;

/** The season's switches: every notice on unless staff switched it off. */
export async function stateNoticeSettings(db: Db, seasonId: string): Promise<StateNoticeSettings> {
  const rows = await db
    .selectFrom('application_state_notice_settings')
    .select(['state', 'enabled'])
    .where('season_id', '=', seasonId)
    .execute();
  const settings: StateNoticeSettings = { eligible: true, ineligible: true, in_review: true };
  for (const row of rows) if (isNotifiedState(row.state)) settings[row.state] = row.enabled;
  return settings;
}

/** Records the season's switches (audited, with the ones that changed). */
export async function saveStateNoticeSettings(
  services: Services,
  actor: Actor,
  seasonId: string,
  settings: StateNoticeSettings,
): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const before = await stateNoticeSettings(trx, seasonId);
    const changed = NOTIFIED_STATES.filter((state) => before[state] !== settings[state]);
    if (changed.length === 0) return;
    for (const state of changed)
      await trx
        .insertInto('application_state_notice_settings')
        .values({ season_id: seasonId, state, enabled: settings[state], updated_at: now, updated_by: actor.id })
        .onConflict((oc) =>
          oc.columns(['season_id', 'state']).doUpdateSet({
            enabled: settings[state],
            updated_at: now,
            updated_by: actor.id,
          }),
        )
        .execute();
    await audit({
      action: 'application.state-notices-set',
      subjectType: 'season',
      subjectId: seasonId,
      summary: Object.fromEntries(changed.map((state) => [state, settings[state]])),
    });
  });
}

export interface StateNoticeInput {
  application: { id: string; title: string; seasonId: string };
  from: ApplicationState;
  to: ApplicationState;
  reason: string;
  /** The staff member who moved it (the thread message's author), or null for the platform. */
  authorId: string | null;
}

const THREAD_TEXT = {
  eligible: im.stateNoticeEligible,
  ineligible: im.stateNoticeIneligible,
  in_review: im.stateNoticeInReview,
} as const satisfies Record<NotifiedState, unknown>;

function threadText(locale: Locale, to: NotifiedState, reason: string): string {
  const text = t(locale, THREAD_TEXT[to]);
  return to === 'ineligible' && reason ? `${text}\n\n${reason}` : text;
}

/**
 * Tells the applicants their application moved to `to`, in the caller's transaction (the notice exists if and
 * only if the change commits): a mail to every member in their own locale and, as staff messages do, a message
 * in the application's thread (in the members' language, both when they differ). Nothing for other states, or
 * when staff switched this state's notice off for the season. Returns whether a notice was written.
 */
export async function queueStateNotice(
  trx: Transaction<DB>,
  services: Pick<Services, 'config'>,
  now: Date,
  input: StateNoticeInput,
  audit?: (input: AuditInput) => Promise<void>,
): Promise<boolean> {
  const to = input.to;
  if (!isNotifiedState(to)) return false;
  // Back to "eligible" from the jury is a correction, not news: only the instruction's verdict is told.
  if (to === 'eligible' && input.from !== 'in_instruction') return false;
  if (!(await stateNoticeSettings(trx, input.application.seasonId))[to]) return false;
  const recipients = await applicantRecipients(trx, input.application.id);
  const season = (await seasonSummariesById(trx, [input.application.seasonId])).get(input.application.seasonId);
  const url = `${services.config.baseUrl.replace(/\/$/, '')}/mes-candidatures/${input.application.id}#messages-title`;
  const reason = to === 'ineligible' ? input.reason : '';
  for (const recipient of recipients) {
    const seasonName = season ? (recipient.locale === 'en' && season.nameEn ? season.nameEn : season.name) : '';
    await queueMail(
      trx,
      {
        to: recipient.email,
        template: STATE_NOTICE_MAIL,
        locale: recipient.locale,
        data: { title: input.application.title || '—', season: seasonName, state: to, reason, url },
      },
      now,
    );
  }
  const locales = [...new Set(recipients.map((r) => r.locale))];
  const body = (locales.length === 1 ? locales : (['fr', 'en'] as Locale[]))
    .map((locale) => threadText(locale, to, reason))
    .join('\n\n—\n\n');
  await trx
    .insertInto('application_messages')
    .values({ application_id: input.application.id, author_id: input.authorId, from_staff: true, body, at: now })
    .execute();
  await audit?.({
    action: 'application.state-notice',
    subjectType: 'application',
    subjectId: input.application.id,
    summary: { state: to, recipients: recipients.length },
  });
  return true;
}

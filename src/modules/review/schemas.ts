import { type Static, Type } from '@sinclair/typebox';
import { OptionalText, Query, type RequestWithQuery, Uuid } from '../../core/http/route-schemas.js';
import { type Locale, t, tCount } from '../../core/i18n/i18n.js';
import { juryCounts, juryMessages as m } from './messages.js';

/** Params of the jury routes: a malformed id answers 404 before any query (see the app's error handler). */
export const MemberParams = Type.Object({ id: Uuid, memberId: Uuid });
export const PhaseParams = Type.Object({ id: Uuid, phaseId: Uuid });
export const ConflictParams = Type.Object({ id: Uuid, conflictId: Uuid });
export const PairParams = Type.Object({ id: Uuid, assignmentId: Uuid });
export const ApplicationParams = Type.Object({ id: Uuid, applicationId: Uuid });

/** `?ok=…&n=…` after a redirect: which change was made (and how many people were notified). */
export const NoticeQuery = Query({ ok: OptionalText(), n: OptionalText() });
export type NoticeQuery = Static<typeof NoticeQuery>;

/** A request of a route that declares `querystring: NoticeQuery`, as the page helpers receive it. */
export type NoticeRequest = RequestWithQuery<NoticeQuery>;

const NOTICES: Record<string, typeof m.saved> = {
  invited: m.invited,
  saved: m.saved,
  removed: m.removed,
  conflict: m.conflictAdded,
  lifted: m.lifted,
  phase: m.phaseCreated,
  ran: m.ranDone,
  pair: m.pairAdded,
  unpaired: m.pairRemoved,
  bid: m.bidSaved,
  declared: m.declared,
  recusal: m.recused,
};

/** The success notice a page shows after a redirect; an unknown `ok` shows none. */
export function notice(locale: Locale, query: NoticeQuery): string | undefined {
  const { ok, n } = query;
  if (ok === 'published')
    return tCount(locale, juryCounts.publishedDone, typeof n === 'string' && /^\d{1,6}$/.test(n) ? Number(n) : 0);
  return typeof ok === 'string' && Object.hasOwn(NOTICES, ok) ? t(locale, NOTICES[ok]) : undefined;
}

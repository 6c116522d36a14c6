import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Message } from '../../core/i18n/i18n.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The kinds of entries a laureate's timeline gathers (its filter offers these). */
export type TimelineKind = 'message' | 'milestone' | 'session' | 'introduction' | 'payment' | 'grant' | 'report';

/** One dated entry of a laureate's timeline. Text is plain (views escape it). */
export interface TimelineEntry {
  kind: TimelineKind;
  at: Date;
  title: Message;
  /** Values for the title's {placeholders}. */
  params?: Record<string, string | number>;
  /** A short plain text under the title (a message's body, a comment), or ''. */
  text: string;
  /** Where the entry's details are, for staff and for the team (null: none on that side). */
  staffHref: string | null;
  teamHref: string | null;
  /** Money and payments are shown only to who may see them (grants.manage, or the team itself). */
  restricted?: 'grants';
}

/** Something overdue, for the staff's weekly digest. */
export interface LateItem {
  applicationId: string;
  kind: TimelineKind | 'action_item';
  title: string;
  dueOn: string;
  staffHref: string;
  /** Money (tranches, procedures, financial reports): told only to staff who hold grants.manage. */
  restricted?: 'grants';
}

/**
 * A module's contribution to the timeline and the weekly digest. Support's own parts (messages, milestones,
 * sessions, introductions) and the grants module (grant, payments, financial report) add theirs from their
 * index.ts: support never imports grants, which depends on it.
 */
export interface TimelineSource {
  name: string;
  /** The entries of one laureate (by application id), any order. */
  entries(db: Db, applicationId: string): Promise<TimelineEntry[]>;
  /** What is late on `today` (YYYY-MM-DD, Paris) across every laureate; absent when the source has no due dates. */
  late?(db: Db, today: string): Promise<LateItem[]>;
}

const sources = new Map<string, TimelineSource>();

/** Adds (or replaces, by name) a source: modules are imported more than once in tests. */
export function addTimelineSource(source: TimelineSource): void {
  sources.set(source.name, source);
}

export function timelineSources(): TimelineSource[] {
  return [...sources.values()].sort((a, b) => a.name.localeCompare(b.name));
}

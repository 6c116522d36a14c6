import type { FieldError, FormReader } from '../../../core/http/forms.js';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import { isParisTime, parisClockTime, parisDateTime } from '../../../core/time/paris-time.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import { sessionMessages as m } from './messages.js';
import type { Candidate, CoachingSession, Participant } from './queries.js';

/** What a session form sends, read and checked (save-session.ts writes it). */
export interface SessionInput {
  heldAt: Date;
  durationMinutes: number;
  countsHours: boolean;
  topics: string;
  notes: string;
  staffNote: string;
  levers: string[];
  participants: Participant[];
  items: ItemInput[];
}

export interface ItemInput {
  /** An existing item of the session (kept with its done state), or null for a new one. */
  id: string | null;
  text: string;
  ownerName: string;
  ownerUserId: string | null;
  dueOn: string | null;
}

/** The form as typed (or as stored), with its errors: what the form page shows. */
export interface SessionFormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  /** How many action-item rows the form shows. */
  itemRows: number;
}

export const TOPICS_MAX = 2000;
export const NOTES_MAX = 10_000;
export const STAFF_NOTE_MAX = 5000;
export const ITEM_TEXT_MAX = 500;
export const NAME_MAX = 200;
export const MAX_NAMES = 30;
export const MAX_ITEM_ROWS = 40;
/** Empty action-item rows a form offers below the existing ones (no JavaScript to add rows). */
export const BLANK_ITEM_ROWS = 3;

const MINUTES = /^\d{1,4}$/;

export const leverField = (code: string) => `lever_${code}`;
export const participantField = (userId: string) => `p_${userId}`;
export const itemField = (name: 'id' | 'text' | 'owner' | 'owner_name' | 'due', n: number) => `item_${name}_${n}`;
/** The owner select's value for the laureate's team (no one person). */
export const TEAM_OWNER = 'team';
export const OTHER_OWNER = 'other';

/** The people offered as participants: the candidates, plus anyone already named in the session with an account. */
export function offeredPeople(candidates: readonly Candidate[], session?: CoachingSession | null): Candidate[] {
  const offered = [...candidates];
  for (const p of session?.participants ?? [])
    if (p.userId && (p.side === 'team' || p.side === 'staff') && !offered.some((c) => c.userId === p.userId))
      offered.push({ userId: p.userId, name: p.name, side: p.side });
  return offered;
}

/** A day typed in a form, kept to years PostgreSQL and people both read (year 0 does not exist in PostgreSQL). */
function day(form: FormReader, field: string, options: { required?: boolean } = {}): string | null {
  const value = form.date(field, options);
  if (value && (value < '1900-01-01' || value > '2999-12-31')) {
    form.fail(field, m.dayOutOfRange);
    return null;
  }
  return value;
}

function names(form: FormReader, field: string): string[] {
  const text = form.text(field, { max: MAX_NAMES * (NAME_MAX + 2) });
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (lines.length > MAX_NAMES) form.fail(field, m.tooManyLines);
  else if (lines.some((line) => line.length > NAME_MAX)) form.fail(field, m.lineTooLong);
  return lines;
}

/**
 * Reads a session form. Every problem is put on its field (never thrown) and what was typed stays in
 * `form.values`; returns the input when the form is right.
 */
export function readSessionForm(
  form: FormReader,
  offered: readonly Candidate[],
  existingItemIds: readonly string[],
): SessionInput | null {
  const heldOn = day(form, 'held_on', { required: true });
  const time = form.text('held_time', { required: true, max: 8 });
  if (time && !form.errors.held_time && !isParisTime(time)) form.fail('held_time', m.badTime);
  const durationText = form.text('duration', { required: true, max: 8 });
  const durationMinutes = MINUTES.test(durationText) ? Number(durationText) : Number.NaN;
  if (durationText && !form.errors.duration && !(durationMinutes >= 1 && durationMinutes <= 1440))
    form.fail('duration', m.badDuration);
  const countsHours = form.checkbox('counts_hours');
  const topics = form.text('topics', { required: true, max: TOPICS_MAX });
  const notes = form.text('notes', { max: NOTES_MAX });
  const staffNote = form.text('staff_note', { max: STAFF_NOTE_MAX });
  const levers = SUPPORT_LEVERS.filter((l) => form.checkbox(leverField(l.code))).map((l) => l.code);

  const participants: Participant[] = [];
  for (const person of offered)
    if (form.checkbox(participantField(person.userId)))
      participants.push({ userId: person.userId, name: person.name, side: person.side });
  for (const name of names(form, 'mentors')) participants.push({ userId: null, name, side: 'mentor' });
  for (const name of names(form, 'administration')) participants.push({ userId: null, name, side: 'administration' });

  const rowsText = form.text('item_rows', { max: 3 });
  const rows = Math.min(MAX_ITEM_ROWS, /^\d{1,3}$/.test(rowsText) ? Number(rowsText) : 0);
  const items: ItemInput[] = [];
  const usedIds = new Set<string>();
  for (let n = 0; n < rows; n++) {
    const idText = form.text(itemField('id', n), { max: 36 });
    const text = form.text(itemField('text', n), { max: ITEM_TEXT_MAX });
    const owner = form.text(itemField('owner', n), { max: 36 });
    const ownerNameTyped = form.text(itemField('owner_name', n), { max: NAME_MAX });
    const dueOn = day(form, itemField('due', n));
    if (!text) continue;
    const id = isUuid(idText) && existingItemIds.includes(idText) && !usedIds.has(idText) ? idText : null;
    if (id) usedIds.add(id);
    let ownerUserId: string | null = null;
    let ownerName = '';
    const person = offered.find((p) => p.userId === owner);
    if (person) {
      ownerUserId = person.userId;
      ownerName = person.name;
    } else if (owner === OTHER_OWNER || (owner === '' && ownerNameTyped)) {
      ownerName = ownerNameTyped;
      if (!ownerName) form.fail(itemField('owner_name', n), m.itemOwnerNameRequired);
    } else {
      // The team (the default), or a choice no longer offered.
      ownerName = '';
    }
    items.push({ id, text, ownerName, ownerUserId, dueOn });
  }
  if (!form.ok || !heldOn || !isParisTime(time)) return null;
  return {
    heldAt: parisDateTime(heldOn, time),
    durationMinutes,
    countsHours,
    topics,
    notes,
    staffNote,
    levers,
    participants,
    items,
  };
}

/** A new session's form: today, one hour, counted. */
export function blankSessionForm(now: Date): SessionFormState {
  return {
    values: { held_on: isoDateParis(now), held_time: '', duration: '60', counts_hours: 'on' },
    errors: {},
    itemRows: BLANK_ITEM_ROWS,
  };
}

/** The form of a stored session, with blank rows for new action items. */
export function sessionFormOf(session: CoachingSession): SessionFormState {
  const values: Record<string, string> = {
    held_on: isoDateParis(session.heldAt),
    held_time: parisClockTime(session.heldAt).slice(0, 5),
    duration: String(session.durationMinutes),
    counts_hours: session.countsHours ? 'on' : '',
    topics: session.topics,
    notes: session.notes,
    staff_note: session.staffNote,
    mentors: session.participants
      .filter((p) => p.side === 'mentor')
      .map((p) => p.name)
      .join('\n'),
    administration: session.participants
      .filter((p) => p.side === 'administration')
      .map((p) => p.name)
      .join('\n'),
    version: String(session.version),
  };
  for (const code of session.levers) values[leverField(code)] = 'on';
  for (const p of session.participants) if (p.userId) values[participantField(p.userId)] = 'on';
  session.items.forEach((item, n) => {
    values[itemField('id', n)] = item.id;
    values[itemField('text', n)] = item.text;
    values[itemField('owner', n)] = item.ownerUserId ?? (item.ownerName ? OTHER_OWNER : TEAM_OWNER);
    values[itemField('owner_name', n)] = item.ownerUserId ? '' : item.ownerName;
    values[itemField('due', n)] = item.dueOn ?? '';
  });
  return {
    values,
    errors: {},
    itemRows: Math.min(MAX_ITEM_ROWS, session.items.length + BLANK_ITEM_ROWS),
  };
}

/** The number of rows a form sent back with errors shows: as many as it had. */
export function rowsOf(values: Record<string, string>): number {
  const n = /^\d{1,3}$/.test(values.item_rows ?? '') ? Number(values.item_rows) : BLANK_ITEM_ROWS;
  return Math.max(1, Math.min(MAX_ITEM_ROWS, n));
}

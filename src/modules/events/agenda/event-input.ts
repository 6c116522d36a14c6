import { randomUUID } from 'node:crypto';
import { FormReader, formMessages } from '../../../core/http/forms.js';
import { badFieldsOf } from '../../../core/http/input-rules.js';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import { parisClockTime, parisDateTime } from '../../../core/time/paris-time.js';
import type { EventKind, EventQuestion } from '../tables.js';
import { agendaMessages as m } from './messages.js';

export const EVENT_KINDS: readonly EventKind[] = ['in_person', 'online', 'hybrid'];
export const TITLE_MAX = 200;
export const MAX_QUESTIONS = 5;

/** Every value of a repeated field (checkboxes), strings only. */
export function listField(body: unknown, field: string): string[] {
  const source = badFieldsOf(body)?.clean ?? body;
  if (!source || typeof source !== 'object') return [];
  const raw = (source as Record<string, unknown>)[field];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string');
}

/** An instant as a `datetime-local` value in Paris time (2027-03-15T14:30). */
export function parisInputValue(instant: Date | null): string {
  return instant ? `${isoDateParis(instant)}T${parisClockTime(instant).slice(0, 5)}` : '';
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2})?$/;

/** A Paris date and time typed in a form, or null (with the field's error) when empty or malformed. */
function readParisDateTime(form: FormReader, field: string, required: boolean): Date | null {
  const value = form.text(field, { required, max: 20 });
  if (!value || form.errors[field]) return null;
  const match = DATE_TIME.exec(value);
  if (!match) {
    form.fail(field, m.dateTime);
    return null;
  }
  try {
    const [y, mo, d] = match[1].split('-').map(Number);
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) throw new RangeError('date');
    return parisDateTime(match[1], match[2]);
  } catch {
    form.fail(field, m.dateTime);
    return null;
  }
}

/** "Question | answer | answer" lines to questions; ids stay when a question keeps its label. */
export function parseQuestions(text: string, previous: EventQuestion[] = []): EventQuestion[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts[0] !== '')
    .map(([label, ...options]) => {
      const choices = options.filter((o) => o !== '').map((o) => o.slice(0, 100));
      const kept = previous.find((q) => q.label === label);
      return {
        id: kept?.id ?? randomUUID(),
        label: label.slice(0, 300),
        kind: choices.length > 0 ? 'choice' : 'text',
        options: choices,
      };
    });
}

export function questionsText(questions: EventQuestion[]): string {
  return questions.map((q) => [q.label, ...q.options].join(' | ')).join('\n');
}

export interface EventInput {
  title: string;
  description: string;
  kind: EventKind;
  place: string;
  accessibility: string;
  onlineLink: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  opensAt: Date | null;
  closesAt: Date | null;
  offerHours: number;
  questionsText: string;
  laureateIds: string[];
  commonsIds: string[];
  published: boolean;
}

function readInteger(form: FormReader, field: string, min: number, max: number, message = formMessages.integer) {
  const value = form.text(field, { max: 10 });
  if (value === '' || form.errors[field]) return null;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    form.fail(field, message);
    return null;
  }
  return Number(value);
}

/** The staff's event form, field by field: the input when every field is right. */
export function readEventForm(body: unknown): { form: FormReader; input: EventInput | null; version: number } {
  const form = new FormReader(body);
  const title = form.text('title', { required: true, max: TITLE_MAX });
  const description = form.text('description', { max: 20000 });
  const kind = form.choice('kind', EVENT_KINDS, { required: true });
  const place = form.text('place', { max: 500 });
  const accessibility = form.text('accessibility', { max: 2000 });
  const onlineLink = form.text('online_link', { max: 2000 });
  if (onlineLink && !form.errors.online_link && !/^https:\/\/[^\s<>"]+$/i.test(onlineLink))
    form.fail('online_link', m.linkHttps);
  const startsAt = readParisDateTime(form, 'starts_at', true);
  const endsAt = readParisDateTime(form, 'ends_at', true);
  if (startsAt && endsAt && endsAt <= startsAt) form.fail('ends_at', m.endBeforeStart);
  const capacity = readInteger(form, 'capacity', 1, 1_000_000, m.capacityPositive);
  const opensAt = readParisDateTime(form, 'registration_opens_at', false);
  const closesAt = readParisDateTime(form, 'registration_closes_at', false);
  if (closesAt && startsAt && closesAt > startsAt) form.fail('registration_closes_at', m.closesAfterStart);
  if (opensAt && (closesAt ?? startsAt) && opensAt >= (closesAt ?? startsAt)!)
    form.fail('registration_opens_at', m.opensAfterCloses);
  const offerText = form.text('offer_hours', { max: 10 });
  const offerHours = offerText === '' ? 48 : Number(offerText);
  if (!form.errors.offer_hours && (!/^\d+$/.test(offerText || '48') || offerHours < 1 || offerHours > 336))
    form.fail('offer_hours', m.offerHoursRange);
  const questions = form.text('questions', { max: 3000 });
  if (parseQuestions(questions).length > MAX_QUESTIONS) form.fail('questions', m.tooManyQuestions);
  const laureateIds = listField(body, 'laureates').filter(isUuid);
  const commonsIds = listField(body, 'commons').filter(isUuid);
  form.values.laureates = laureateIds.join(',');
  form.values.commons = commonsIds.join(',');
  const published = form.checkbox('published');
  const version = Number(form.text('version', { max: 10 })) || 0;
  if (!form.ok || !kind || !startsAt || !endsAt) return { form, input: null, version };
  return {
    form,
    version,
    input: {
      title,
      description,
      kind,
      place,
      accessibility,
      onlineLink: onlineLink || null,
      startsAt,
      endsAt,
      capacity,
      opensAt,
      closesAt,
      offerHours,
      questionsText: questions,
      laureateIds: [...new Set(laureateIds)],
      commonsIds: [...new Set(commonsIds)],
      published,
    },
  };
}

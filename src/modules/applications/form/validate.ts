import { type FieldError, formMessages } from '../../../core/http/forms.js';
import { badFieldsOf } from '../../../core/http/input-rules.js';
import type { Message } from '../../../core/i18n/i18n.js';
import { isValidRna, isValidSiret, normaliseRna, normaliseSiret } from './identifiers.js';
import { formFieldMessages as fm } from './messages.js';
import type { AnswerMap, AnswerValue, FormDefinition, Question } from './model.js';

/*
 * Reading and checking answers to an application form. Both functions take input straight from the
 * network or from a jsonb column, so they trust nothing about its shape and never throw: every
 * problem becomes a FieldError keyed by the path of the field that caused it (`team[1][member_email]`).
 *
 * HTML field names: a question's path (`project_name`); a repeatable child `<parent>[<i>][<child>]`;
 * a multiple choice sends its field once per ticked value; file ids already stored for a file
 * question come back as `<path>[fileIds]` (the upload itself is handled by the caller).
 */

export const DEFAULT_MAX_LENGTH: Record<'short_text' | 'long_text', number> = { short_text: 200, long_text: 5000 };
/** Upper bound on rows read for a repeatable, so a hostile body cannot make huge answers. */
export const MAX_REPEATABLE_ROWS = 200;
const MAX_DEPTH = 8;

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function childPath(parent: string, index: number, child: string): string {
  return `${parent}[${index}][${child}]`;
}

export function maxLengthOf(question: Question): number {
  if (question.kind !== 'short_text' && question.kind !== 'long_text') return DEFAULT_MAX_LENGTH.short_text;
  return typeof question.maxLength === 'number' && question.maxLength > 0
    ? question.maxLength
    : DEFAULT_MAX_LENGTH[question.kind];
}

function own(object: unknown, key: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** Sets a key as an own property, so even an id like `__proto__` cannot touch the prototype. */
function put<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Multipart fields arrive as { value }; repeated fields as arrays. */
function unwrap(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) return (raw as { value: unknown }).value;
  return raw;
}

function rawList(raw: unknown): unknown[] {
  if (raw === undefined || raw === null) return [];
  return Array.isArray(raw) ? raw.map(unwrap) : [unwrap(raw)];
}

/** Where the fields of one level of the form are found: flat names in the body, or a nested object. */
interface Scope {
  body: Record<string, unknown>;
  prefix: (id: string) => string;
  nested: unknown;
}

function lookup(scope: Scope, id: string): unknown {
  const flat = own(scope.body, scope.prefix(id));
  if (flat !== undefined) return flat;
  return own(scope.nested, id);
}

/** Row indexes submitted for a repeatable, in order: from flat names `path[i][…]` and from a nested array. */
function rowIndexes(
  body: Record<string, unknown>,
  path: string,
  nested: unknown,
): { index: number; nested: unknown }[] {
  const rows = new Map<number, unknown>();
  const head = `${path}[`;
  for (const key of Object.keys(body)) {
    if (!key.startsWith(head)) continue;
    const match = /^\[(\d{1,6})\]\[/.exec(key.slice(path.length));
    if (match) rows.set(Number(match[1]), rows.get(Number(match[1])));
    if (rows.size > MAX_REPEATABLE_ROWS * 4) break;
  }
  if (Array.isArray(nested)) nested.slice(0, MAX_REPEATABLE_ROWS).forEach((row, index) => rows.set(index, row));
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(0, MAX_REPEATABLE_ROWS)
    .map(([index, row]) => ({ index, nested: row }));
}

function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return !Array.isArray(value.fileIds) || value.fileIds.length === 0;
  return false;
}

function readText(raw: unknown, path: string, max: number, errors: Record<string, FieldError>): string {
  const list = rawList(raw);
  const first = list[0];
  if (first === undefined || first === null) return '';
  if (typeof first !== 'string') {
    put(errors, path, { message: formMessages.notText });
    return '';
  }
  const value = first.trim();
  if (value.length > max) put(errors, path, { message: formMessages.tooLong, params: { max } });
  return value;
}

function readOne(
  question: Question,
  raw: unknown,
  path: string,
  body: Record<string, unknown>,
  depth: number,
  errors: Record<string, FieldError>,
): AnswerValue {
  switch (question.kind) {
    case 'short_text':
    case 'long_text':
      return readText(raw, path, maxLengthOf(question), errors);
    case 'email':
      return readText(raw, path, 254, errors).toLowerCase();
    case 'url':
      return readText(raw, path, 2000, errors);
    case 'siret': {
      const value = readText(raw, path, 40, errors);
      return isValidSiret(value) ? normaliseSiret(value) : value;
    }
    case 'rna': {
      const value = readText(raw, path, 40, errors);
      return isValidRna(value) ? normaliseRna(value) : value;
    }
    case 'date': {
      const value = readText(raw, path, 10, errors);
      if (value && !errors[path] && !isValidDate(value)) put(errors, path, { message: formMessages.date });
      return value;
    }
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
      const value = readText(raw, path, 40, errors)
        .replace(/[\s\u00a0\u202f]/g, '')
        .replace(',', '.');
      if (!value || errors[path]) return value || null;
      const parsed = Number(value);
      if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(parsed)) {
        put(errors, path, { message: fm.number });
        return value;
      }
      return parsed;
    }
    case 'single_choice': {
      const value = readText(raw, path, 200, errors);
      if (value && !errors[path] && !optionValues(question).includes(value))
        put(errors, path, { message: formMessages.choice });
      return value || null;
    }
    case 'multiple_choice': {
      const allowed = optionValues(question);
      const values: string[] = [];
      for (const item of rawList(raw).slice(0, 200)) {
        if (typeof item !== 'string' || !allowed.includes(item)) {
          put(errors, path, { message: fm.choices });
          continue;
        }
        if (!values.includes(item)) values.push(item);
      }
      return values;
    }
    case 'file': {
      const ids = rawList(own(body, `${path}[fileIds]`) ?? own(raw, 'fileIds'))
        .filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id))
        .slice(0, 20);
      return { fileIds: ids };
    }
    case 'repeatable': {
      if (depth >= MAX_DEPTH) return [];
      const children = Array.isArray(question.children) ? question.children : [];
      const rows: AnswerMap[] = [];
      for (const { index, nested } of rowIndexes(body, path, raw)) {
        const rowErrors: Record<string, FieldError> = {};
        const position = rows.length;
        const row = readLevel(
          children,
          { body, prefix: (id) => childPath(path, index, id), nested },
          depth + 1,
          rowErrors,
        );
        // A row left empty is how a person removes it (and the blank row offered to add one).
        if (children.every((child) => isBlank(own(row, child.id) as AnswerValue | undefined))) continue;
        rows.push(row);
        // Errors are keyed by the row's position in the kept answers, which is how it will be shown again.
        for (const [key, error] of Object.entries(rowErrors)) {
          put(errors, `${path}[${position}]${key.slice(`${path}[${index}]`.length)}`, error);
        }
      }
      return rows;
    }
    default:
      return null;
  }
}

function readLevel(
  questions: readonly Question[],
  scope: Scope,
  depth: number,
  errors: Record<string, FieldError>,
): AnswerMap {
  const answers: AnswerMap = {};
  for (const question of questions) {
    if (!question || typeof question.id !== 'string') continue;
    const path = scope.prefix(question.id);
    const value = readOne(question, lookup(scope, question.id), path, scope.body, depth, errors);
    put(answers, question.id, value);
  }
  return answers;
}

function isValidDate(value: string): boolean {
  const parsed = DATE.exec(value);
  if (!parsed) return false;
  const date = new Date(Date.UTC(+parsed[1], +parsed[2] - 1, +parsed[3]));
  return (
    date.getUTCFullYear() === +parsed[1] && date.getUTCMonth() === +parsed[2] - 1 && date.getUTCDate() === +parsed[3]
  );
}

function optionValues(question: Question): string[] {
  return Array.isArray(question.options)
    ? question.options.map((o) => o?.value).filter((v): v is string => typeof v === 'string')
    : [];
}

function sectionQuestions(definition: FormDefinition): Question[] {
  if (!definition || !Array.isArray(definition.sections)) return [];
  return definition.sections.flatMap((section) =>
    section && Array.isArray(section.questions) ? section.questions : [],
  );
}

/**
 * Reads a submitted HTML form into answers, keeping what was typed. Only type problems are reported
 * here (too long, not a number, not one of the choices); completeness is checked by validateForSubmit,
 * so a draft can be saved half-filled.
 */
export function readAnswers(
  definition: FormDefinition,
  body: Record<string, unknown>,
): { answers: AnswerMap; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {};
  // A body with bad characters (NUL, lone surrogates) comes marked by the core input rule: read it
  // without them, and report each such field on the form rather than failing the whole request.
  const marks = badFieldsOf(body);
  const given = marks ? marks.clean : body;
  const safeBody = given && typeof given === 'object' && !Array.isArray(given) ? given : {};
  try {
    const answers = readLevel(
      sectionQuestions(definition),
      { body: safeBody, prefix: (id) => id, nested: undefined },
      0,
      errors,
    );
    for (const field of marks?.fields ?? []) put(errors, field, { message: formMessages.badCharacters });
    return { answers, errors };
  } catch {
    // Only a malformed definition can get here (the body is read defensively); answer nothing rather than fail.
    return { answers: {}, errors };
  }
}

/* ---------- submit checks ---------- */

/** Whether a question is shown, given the answers at its level and at the top of the form. */
function conditionHolds(
  question: Question,
  local: AnswerMap,
  top: AnswerMap,
  siblings: readonly Question[],
  all: readonly Question[],
  depth = 0,
): boolean {
  const condition = question.condition;
  if (!condition || typeof condition.questionId !== 'string' || !Array.isArray(condition.equals)) return true;
  if (depth > MAX_DEPTH) return false;
  const inLevel = siblings.find((q) => q?.id === condition.questionId);
  const target = inLevel ?? all.find((q) => q?.id === condition.questionId);
  const scope = inLevel ? local : top;
  if (target && !conditionHolds(target, scope, top, inLevel ? siblings : all, all, depth + 1)) return false;
  const answer = own(scope, condition.questionId) as AnswerValue | undefined;
  const given = Array.isArray(answer)
    ? answer.filter((v) => typeof v === 'string' || typeof v === 'number').map(String)
    : typeof answer === 'string' || typeof answer === 'number'
      ? [String(answer)]
      : [];
  return given.some((value) => condition.equals.includes(value));
}

export function isQuestionShown(definition: FormDefinition, question: Question, answers: AnswerMap): boolean {
  const all = sectionQuestions(definition);
  return conditionHolds(question, answers, answers, all, all);
}

function stringValue(value: AnswerValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function checkOne(
  question: Question,
  value: AnswerValue | undefined,
  path: string,
  top: AnswerMap,
  all: readonly Question[],
  depth: number,
  errors: Record<string, FieldError>,
): void {
  const fail = (message: Message, params?: Record<string, string | number>) =>
    put(errors, path, { message, ...(params ? { params } : {}) });
  if (question.kind === 'repeatable') {
    const rows = Array.isArray(value)
      ? (value.filter((row) => row && typeof row === 'object' && !Array.isArray(row)) as AnswerMap[])
      : [];
    if (value !== undefined && value !== null && !Array.isArray(value)) return fail(formMessages.notText);
    const min = Math.max(question.required ? 1 : 0, typeof question.minItems === 'number' ? question.minItems : 0);
    if (rows.length === 0 && question.required) return fail(formMessages.required);
    if (rows.length < min) return fail(fm.minItems, { min });
    if (typeof question.maxItems === 'number' && rows.length > question.maxItems)
      return fail(fm.maxItems, { max: question.maxItems });
    if (depth >= MAX_DEPTH) return;
    const children = Array.isArray(question.children) ? question.children : [];
    rows
      .slice(0, MAX_REPEATABLE_ROWS)
      .forEach((row, index) =>
        checkLevel(children, row, (id) => childPath(path, index, id), top, all, depth + 1, errors),
      );
    return;
  }
  if (isBlank(value)) {
    if (question.required) fail(formMessages.required);
    return;
  }
  const text = stringValue(value);
  switch (question.kind) {
    case 'short_text':
    case 'long_text':
      if (text === null) return fail(formMessages.notText);
      if (text.length > maxLengthOf(question)) return fail(formMessages.tooLong, { max: maxLengthOf(question) });
      return;
    case 'email':
      if (text === null || text.length > 254 || !EMAIL.test(text)) return fail(formMessages.email);
      return;
    case 'url':
      if (text === null || text.length > 2000 || !isWebAddress(text)) return fail(fm.url);
      return;
    case 'siret':
      if (text === null || !isValidSiret(text)) return fail(fm.siret);
      return;
    case 'rna':
      if (text === null || !isValidRna(text)) return fail(fm.rna);
      return;
    case 'date':
      if (text === null || !isValidDate(text)) return fail(formMessages.date);
      return;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(fm.number);
      if (typeof question.min === 'number' && value < question.min) return fail(fm.numberMin, { min: question.min });
      if (typeof question.max === 'number' && value > question.max) return fail(fm.numberMax, { max: question.max });
      return;
    }
    case 'single_choice':
      if (text === null || !optionValues(question).includes(text)) return fail(formMessages.choice);
      return;
    case 'multiple_choice': {
      const allowed = optionValues(question);
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && allowed.includes(item)))
        return fail(fm.choices);
      return;
    }
    case 'file': {
      const ids = value && typeof value === 'object' && !Array.isArray(value) ? value.fileIds : undefined;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return fail(fm.file);
      return;
    }
    default:
      return;
  }
}

function checkLevel(
  questions: readonly Question[],
  answers: AnswerMap,
  prefix: (id: string) => string,
  top: AnswerMap,
  all: readonly Question[],
  depth: number,
  errors: Record<string, FieldError>,
): void {
  for (const question of questions) {
    if (!question || typeof question.id !== 'string') continue;
    if (!conditionHolds(question, answers, top, questions, all)) continue;
    checkOne(
      question,
      own(answers, question.id) as AnswerValue | undefined,
      prefix(question.id),
      top,
      all,
      depth,
      errors,
    );
  }
}

function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Everything a submission needs: required answers (only where the question is shown), formats,
 * and the number of rows of repeatables. Error keys are field paths. Never throws.
 */
export function validateForSubmit(definition: FormDefinition, answers: AnswerMap): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  const safeAnswers: AnswerMap = answers && typeof answers === 'object' && !Array.isArray(answers) ? answers : {};
  try {
    const all = sectionQuestions(definition);
    checkLevel(all, safeAnswers, (id) => id, safeAnswers, all, 0, errors);
  } catch {
    // Only a malformed definition can get here; what was found so far is still reported.
  }
  return errors;
}

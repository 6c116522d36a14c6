import { type FieldError, formMessages } from '../../../core/http/forms.js';
import { badFieldsOf } from '../../../core/http/input-rules.js';
import type { Message } from '../../../core/i18n/i18n.js';
import { isBlank, kindSpec } from './kinds.js';
import type { AnswerMap, AnswerValue, FormDefinition, Question } from './model.js';
import { own, put } from './values.js';

/*
 * Reading and checking answers to an application form. Both functions take input straight from the
 * network or from a jsonb column, so they trust nothing about its shape and never throw: every
 * problem becomes a FieldError keyed by the path of the field that caused it (`team[1][member_email]`).
 *
 * HTML field names: a question's path (`project_name`); a repeatable child `<parent>[<i>][<child>]`;
 * a multiple choice sends its field once per ticked value; file ids already stored for a file
 * question come back as `<path>[fileIds]` (the upload itself is handled by the caller).
 */

/** Upper bound on rows read for a repeatable, so a hostile body cannot make huge answers. */
export const MAX_REPEATABLE_ROWS = 200;
const MAX_DEPTH = 8;

export function childPath(parent: string, index: number, child: string): string {
  return `${parent}[${index}][${child}]`;
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

function readOne(
  question: Question,
  raw: unknown,
  path: string,
  body: Record<string, unknown>,
  depth: number,
  errors: Record<string, FieldError>,
): AnswerValue {
  // A kind no entry of kinds.ts knows can only come from a malformed stored definition: read as nothing.
  const spec = kindSpec(question.kind);
  if (!spec) return null;
  return spec.read({
    question,
    raw,
    path,
    body,
    errors,
    readRows: () => readRows(question, raw, path, body, depth, errors),
  });
}

/** A repeatable's rows: each read as a level of its own, errors keyed by the row's place among those kept. */
function readRows(
  question: Question,
  raw: unknown,
  path: string,
  body: Record<string, unknown>,
  depth: number,
  errors: Record<string, FieldError>,
): AnswerMap[] {
  if (depth >= MAX_DEPTH) return [];
  const children = Array.isArray(question.children) ? question.children : [];
  const rows: AnswerMap[] = [];
  for (const { index, nested } of rowIndexes(body, path, raw)) {
    const rowErrors: Record<string, FieldError> = {};
    const position = rows.length;
    const row = readLevel(children, { body, prefix: (id) => childPath(path, index, id), nested }, depth + 1, rowErrors);
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

export function sectionQuestions(definition: FormDefinition): Question[] {
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

/**
 * Whether a question is shown (applies), given the answers at its level (`local`: a repeatable's row, or the
 * top answers) and at the top of the form: the submit checks and the answers' summary use the same rule.
 */
export function questionApplies(
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
  if (target && !questionApplies(target, scope, top, inLevel ? siblings : all, all, depth + 1)) return false;
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
  return questionApplies(question, answers, answers, all, all);
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
  const spec = kindSpec(question.kind);
  if (!spec) {
    // A kind unknown to kinds.ts (a malformed stored definition): only whether it was answered is known.
    if (isBlank(value) && question.required) fail(formMessages.required);
    return;
  }
  spec.check({
    question,
    value,
    fail,
    checkRows: (rows) => {
      if (depth >= MAX_DEPTH) return;
      const children = Array.isArray(question.children) ? question.children : [];
      rows
        .slice(0, MAX_REPEATABLE_ROWS)
        .forEach((row, index) =>
          checkLevel(children, row, (id) => childPath(path, index, id), top, all, depth + 1, errors),
        );
    },
  });
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
    if (!questionApplies(question, answers, top, questions, all)) continue;
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

import { type FieldError, formMessages } from '../../../core/http/forms.js';
import { countForm, type Message } from '../../../core/i18n/i18n.js';
import { formsMessages } from '../form-builder/messages.js';
import { isValidRna, isValidSiret, normaliseRna, normaliseSiret } from './identifiers.js';
import { formFieldMessages as fm, formFieldCounts } from './messages.js';
import type { AnswerMap, AnswerValue, Question, QuestionKind } from './model.js';
import { isValidDate, optionValues, own, put, rawList, readText } from './values.js';

/*
 * Every kind of form field, in one table: how it is read, checked and shown, what the form builder offers
 * for it, and who may see its answers. `KINDS` is a `Record<QuestionKind, KindSpec>`: adding a kind to
 * `QuestionKind` (model.ts) does not compile until its entry here says all of that — in particular whether
 * it names the applicant, which a blind review must hide.
 */

/** A setting the form builder offers for a kind; the others are dropped when the form is saved. */
export type KindSetting = 'maxLength' | 'bounds' | 'options' | 'file' | 'items';

/** How the applicant's form shows a field (form/render.tsx). */
export type FieldShape = 'input' | 'textarea' | 'choices' | 'file' | 'rows';

/** What reading one posted or stored answer needs (form/validate.ts provides it). */
export interface ReadInput {
  question: Question;
  raw: unknown;
  path: string;
  body: Record<string, unknown>;
  errors: Record<string, FieldError>;
  /** Reads a repeatable's rows (recursion stays with the form reader). */
  readRows(): AnswerMap[];
}

/** What checking one answer for submission needs. */
export interface CheckInput {
  question: Question;
  value: AnswerValue | undefined;
  fail(message: Message, params?: Record<string, string | number>): void;
  /** Checks each row of a repeatable against its children. */
  checkRows(rows: AnswerMap[]): void;
}

export interface KindSpec {
  /** Its name in the form builder's list of kinds. */
  label: Message;
  settings: readonly KindSetting[];
  field: FieldShape;
  /** HTML attributes of its `<input>` (field 'input'); a text field's `maxlength`. */
  input?(question: Question): Record<string, string>;
  /** Default and ceiling of a text answer's length, when the builder lets staff choose it. */
  defaultMaxLength?: number;
  read(input: ReadInput): AnswerValue;
  check(input: CheckInput): void;
  /** Its answer can tell who applies (organisation, identifiers, links, team): hidden in a blind review. */
  identifiesApplicant: boolean;
  /** Outside experts and reviewers see its answers (contact addresses and files they do not). */
  shownToExperts: boolean;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return !Array.isArray(value.fileIds) || value.fileIds.length === 0;
  return false;
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

/** A check of a single answer: a blank one only fails when required; `given` checks the rest. */
function whenGiven(given: (value: AnswerValue, input: CheckInput, text: string | null) => void) {
  return (input: CheckInput): void => {
    if (isBlank(input.value)) {
      if (input.question.required) input.fail(formMessages.required);
      return;
    }
    const value = input.value as AnswerValue;
    given(value, input, typeof value === 'string' ? value : null);
  };
}

/** The maximum length of a text answer: the question's own, else its kind's default (200 for other kinds). */
export function maxLengthOf(question: Question): number {
  const fallback = kindSpec(question.kind)?.defaultMaxLength;
  if (fallback === undefined) return KINDS.short_text.defaultMaxLength!;
  return typeof question.maxLength === 'number' && question.maxLength > 0 ? question.maxLength : fallback;
}

function textInput(question: Question): Record<string, string> {
  return { type: 'text', maxlength: String(maxLengthOf(question)) };
}

const readPlainText = ({ question, raw, path, errors }: ReadInput) =>
  readText(raw, path, maxLengthOf(question), errors);

const checkPlainText = whenGiven((_value, { question, fail }, text) => {
  if (text === null) return fail(formMessages.notText);
  if (text.length > maxLengthOf(question)) return fail(formMessages.tooLong, { max: maxLengthOf(question) });
});

const m = formsMessages;

export const KINDS: Record<QuestionKind, KindSpec> = {
  short_text: {
    label: m.kindShortText,
    settings: ['maxLength'],
    field: 'input',
    input: textInput,
    defaultMaxLength: 200,
    read: readPlainText,
    check: checkPlainText,
    identifiesApplicant: false,
    shownToExperts: true,
  },
  long_text: {
    label: m.kindLongText,
    settings: ['maxLength'],
    field: 'textarea',
    defaultMaxLength: 5000,
    read: readPlainText,
    check: checkPlainText,
    identifiesApplicant: false,
    shownToExperts: true,
  },
  number: {
    label: m.kindNumber,
    settings: ['bounds'],
    field: 'input',
    input: () => ({ type: 'text', inputmode: 'decimal' }),
    read: ({ raw, path, errors }) => {
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
    },
    check: whenGiven((value, { question, fail }) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(fm.number);
      if (typeof question.min === 'number' && value < question.min) return fail(fm.numberMin, { min: question.min });
      if (typeof question.max === 'number' && value > question.max) return fail(fm.numberMax, { max: question.max });
    }),
    identifiesApplicant: false,
    shownToExperts: true,
  },
  date: {
    label: m.kindDate,
    settings: [],
    field: 'input',
    input: () => ({ type: 'date' }),
    read: ({ raw, path, errors }) => {
      const value = readText(raw, path, 10, errors);
      if (value && !errors[path] && !isValidDate(value)) put(errors, path, { message: formMessages.date });
      return value;
    },
    check: whenGiven((_value, { fail }, text) => {
      if (text === null || !isValidDate(text)) fail(formMessages.date);
    }),
    identifiesApplicant: false,
    shownToExperts: true,
  },
  single_choice: {
    label: m.kindSingleChoice,
    settings: ['options'],
    field: 'choices',
    read: ({ question, raw, path, errors }) => {
      const value = readText(raw, path, 200, errors);
      if (value && !errors[path] && !optionValues(question).includes(value))
        put(errors, path, { message: formMessages.choice });
      return value || null;
    },
    check: whenGiven((_value, { question, fail }, text) => {
      if (text === null || !optionValues(question).includes(text)) fail(formMessages.choice);
    }),
    identifiesApplicant: false,
    shownToExperts: true,
  },
  multiple_choice: {
    label: m.kindMultipleChoice,
    settings: ['options'],
    field: 'choices',
    read: ({ question, raw, path, errors }) => {
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
    },
    check: whenGiven((value, { question, fail }) => {
      const allowed = optionValues(question);
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && allowed.includes(item)))
        fail(fm.choices);
    }),
    identifiesApplicant: false,
    shownToExperts: true,
  },
  url: {
    label: m.kindUrl,
    settings: [],
    field: 'input',
    input: () => ({ type: 'url', spellcheck: 'false' }),
    read: ({ raw, path, errors }) => readText(raw, path, 2000, errors),
    check: whenGiven((_value, { fail }, text) => {
      if (text === null || text.length > 2000 || !isWebAddress(text)) fail(fm.url);
    }),
    // A project's web address names the organisation behind it.
    identifiesApplicant: true,
    shownToExperts: true,
  },
  email: {
    label: m.kindEmail,
    settings: [],
    field: 'input',
    input: () => ({ type: 'email', autocomplete: 'email', spellcheck: 'false' }),
    read: ({ raw, path, errors }) => readText(raw, path, 254, errors).toLowerCase(),
    check: whenGiven((_value, { fail }, text) => {
      if (text === null || text.length > 254 || !EMAIL.test(text)) fail(formMessages.email);
    }),
    // Contact details: never shown to experts or reviewers, so it need not be hidden again when blind.
    identifiesApplicant: false,
    shownToExperts: false,
  },
  siret: {
    label: m.kindSiret,
    settings: [],
    field: 'input',
    input: () => ({ type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' }),
    read: ({ raw, path, errors }) => {
      const value = readText(raw, path, 40, errors);
      return isValidSiret(value) ? normaliseSiret(value) : value;
    },
    check: whenGiven((_value, { fail }, text) => {
      // Fourteen digits with a wrong key is a typing slip, not a wrong format: say which.
      if (text !== null && !isValidSiret(text)) fail(/^\d{14}$/.test(normaliseSiret(text)) ? fm.siretKey : fm.siret);
      else if (text === null) fail(fm.siret);
    }),
    identifiesApplicant: true,
    shownToExperts: true,
  },
  rna: {
    label: m.kindRna,
    settings: [],
    field: 'input',
    input: () => ({ type: 'text', autocomplete: 'off', spellcheck: 'false' }),
    read: ({ raw, path, errors }) => {
      const value = readText(raw, path, 40, errors);
      return isValidRna(value) ? normaliseRna(value) : value;
    },
    check: whenGiven((_value, { fail }, text) => {
      if (text === null || !isValidRna(text)) fail(fm.rna);
    }),
    identifiesApplicant: true,
    shownToExperts: true,
  },
  file: {
    label: m.kindFile,
    settings: ['file'],
    field: 'file',
    read: ({ raw, path, body }) => {
      const ids = rawList(own(body, `${path}[fileIds]`) ?? own(raw, 'fileIds'))
        .filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id))
        .slice(0, 20);
      return { fileIds: ids };
    },
    check: whenGiven((value, { fail }) => {
      const ids = value && typeof value === 'object' && !Array.isArray(value) ? value.fileIds : undefined;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) fail(fm.file);
    }),
    identifiesApplicant: false,
    // Attachments stay with staff: they often carry names, signatures and letterheads.
    shownToExperts: false,
  },
  repeatable: {
    label: m.kindRepeatable,
    settings: ['items'],
    field: 'rows',
    read: ({ readRows }) => readRows(),
    check: ({ question, value, fail, checkRows }) => {
      const rows = Array.isArray(value)
        ? (value.filter((row) => row && typeof row === 'object' && !Array.isArray(row)) as AnswerMap[])
        : [];
      if (value !== undefined && value !== null && !Array.isArray(value)) return fail(formMessages.notText);
      const min = Math.max(question.required ? 1 : 0, typeof question.minItems === 'number' ? question.minItems : 0);
      if (rows.length === 0 && question.required) return fail(formMessages.required);
      if (rows.length < min) return fail(countForm(formFieldCounts.minItems, min), { n: min });
      if (typeof question.maxItems === 'number' && rows.length > question.maxItems)
        return fail(countForm(formFieldCounts.maxItems, question.maxItems), { n: question.maxItems });
      checkRows(rows);
    },
    // Team members and partners are people and organisations by name.
    identifiesApplicant: true,
    shownToExperts: true,
  },
};

/** Every kind, in the builder's order. */
export const QUESTION_KINDS = Object.keys(KINDS) as QuestionKind[];

/**
 * The spec of a kind read from a stored or posted definition, which may name no known kind: callers decide
 * what an unknown kind means where they stand (read as nothing, shown as text, hidden from reviewers).
 */
export function kindSpec(kind: unknown): KindSpec | undefined {
  return typeof kind === 'string' && Object.hasOwn(KINDS, kind) ? KINDS[kind as QuestionKind] : undefined;
}

/** Whether the builder offers (and saving keeps) a setting for this kind. */
export function offers(kind: unknown, setting: KindSetting): boolean {
  return kindSpec(kind)?.settings.includes(setting) ?? false;
}

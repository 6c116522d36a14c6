import { formatDate, formatNumber, type Locale, t } from '../../../core/i18n/i18n.js';
import { isBlank, kindSpec } from './kinds.js';
import { formFieldMessages as fm } from './messages.js';
import type { AnswerMap, AnswerValue, Bilingual, FormDefinition, Question } from './model.js';
import { questionApplies, sectionQuestions } from './validate.js';
import { isValidDate } from './values.js';

/*
 * The submitted answers as a reader reads them (staff, jurors, experts, panelists, the applicant's receipt):
 * question → answer, with option labels instead of codes, files by name, only the questions that apply (a
 * conditional question whose condition is not met is left out) and repeatable blocks as their entries. The same
 * model feeds the page (form/summary-view.tsx) and the receipt PDF, so both say the same thing.
 */

/** An attached file as the reader may see it: a link only when this reader may open it. */
export interface SummaryFile {
  name: string;
  href?: string;
  /** Type, size, scan state… as one short text. */
  detail?: string;
  sha256?: string;
}

export type SummaryAnswer =
  /** Free text, a number, a date, an address or one chosen option: one paragraph per line typed. */
  | { type: 'text'; paragraphs: string[] }
  /** The labels of the options chosen. */
  | { type: 'choices'; labels: string[] }
  | { type: 'files'; files: SummaryFile[] }
  /** A repeatable block: one entry per row, each with its own questions. */
  | { type: 'entries'; entries: { heading: string; items: SummaryItem[] }[] }
  /** An optional question that applies and was left blank. */
  | { type: 'none' };

export interface SummaryItem {
  id: string;
  label: string;
  answer: SummaryAnswer;
}

export interface SummarySection {
  id: string;
  title: string;
  items: SummaryItem[];
}

/** What the summary knows of each attached file, by stored file id (those not given are named as unavailable). */
export type SummaryFiles = Record<string, SummaryFile>;

const text = (locale: Locale, value: Bilingual | undefined): string => (value ? value[locale] || value.fr : '');

function optionLabel(locale: Locale, question: Question, value: string): string {
  const option = Array.isArray(question.options) ? question.options.find((o) => o?.value === value) : undefined;
  return text(locale, option?.label) || value;
}

function fileIdsOf(value: AnswerValue | undefined): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const ids = (value as { fileIds?: unknown }).fileIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function rowsOf(value: AnswerValue | undefined): AnswerMap[] {
  return Array.isArray(value)
    ? (value.filter((row) => row && typeof row === 'object' && !Array.isArray(row)) as AnswerMap[])
    : [];
}

function own(answers: AnswerMap, id: string): AnswerValue | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

function plain(locale: Locale, question: Question, value: AnswerValue): string {
  if (typeof value === 'number') return formatNumber(locale, value, { maximumFractionDigits: 20 });
  if (typeof value !== 'string') return '';
  if (question.kind === 'date' && isValidDate(value)) return formatDate(locale, new Date(`${value}T12:00:00Z`));
  if (question.kind === 'single_choice') return optionLabel(locale, question, value);
  return value;
}

interface Walk {
  locale: Locale;
  all: readonly Question[];
  top: AnswerMap;
  files: SummaryFiles;
  depth: number;
}

function answerOf(walk: Walk, question: Question, value: AnswerValue | undefined): SummaryAnswer {
  if (isBlank(value)) return { type: 'none' };
  const { locale } = walk;
  const shape = kindSpec(question.kind)?.field ?? 'input';
  if (shape === 'file') {
    const files = fileIdsOf(value).map(
      (id) => walk.files[id] ?? { name: t(locale, fm.fileUnavailable, { id: id.slice(0, 8) }) },
    );
    return files.length ? { type: 'files', files } : { type: 'none' };
  }
  if (shape === 'rows') {
    if (walk.depth >= 3) return { type: 'none' };
    const children = Array.isArray(question.children) ? question.children : [];
    const entries = rowsOf(value).map((row, index) => ({
      heading: t(locale, fm.item, { label: text(locale, question.label), n: index + 1 }),
      items: level({ ...walk, depth: walk.depth + 1 }, children, row),
    }));
    return entries.length ? { type: 'entries', entries } : { type: 'none' };
  }
  if (question.kind === 'multiple_choice' || Array.isArray(value)) {
    const values = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string | number => typeof v === 'string' || typeof v === 'number',
    );
    const labels = values.map((v) => optionLabel(locale, question, String(v)));
    return labels.length ? { type: 'choices', labels } : { type: 'none' };
  }
  const shown = plain(locale, question, value as AnswerValue);
  const paragraphs = shown
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return paragraphs.length ? { type: 'text', paragraphs } : { type: 'none' };
}

function level(walk: Walk, questions: readonly Question[], answers: AnswerMap): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const question of questions) {
    if (!question || typeof question.id !== 'string') continue;
    if (!questionApplies(question, answers, walk.top, questions, walk.all)) continue;
    items.push({
      id: question.id,
      label: text(walk.locale, question.label) || question.id,
      answer: answerOf(walk, question, own(answers, question.id)),
    });
  }
  return items;
}

/**
 * The answers as sections of question → answer, in the form's order: only the questions that apply to these
 * answers, option labels in the reader's language, files as `files` describes them. Never throws on a malformed
 * stored definition or answer (what cannot be read is left out).
 */
export function summariseAnswers(
  locale: Locale,
  definition: FormDefinition,
  answers: AnswerMap,
  files: SummaryFiles = {},
): SummarySection[] {
  const top: AnswerMap = answers && typeof answers === 'object' && !Array.isArray(answers) ? answers : {};
  const sections = Array.isArray(definition?.sections) ? definition.sections : [];
  const walk: Walk = { locale, all: sectionQuestions(definition), top, files, depth: 0 };
  return sections
    .map((section) => ({
      id: section.id,
      title: text(locale, section.title) || section.id,
      items: level(walk, Array.isArray(section.questions) ? section.questions : [], top),
    }))
    .filter((section) => section.items.length > 0);
}

/** How far a draft is: the required questions that apply to its answers, and how many of them are answered. */
export interface DraftProgress {
  required: number;
  answered: number;
}

export function draftProgress(definition: FormDefinition, answers: AnswerMap): DraftProgress {
  const top: AnswerMap = answers && typeof answers === 'object' && !Array.isArray(answers) ? answers : {};
  const all = sectionQuestions(definition);
  let required = 0;
  let answered = 0;
  for (const question of all) {
    if (!question?.required || !questionApplies(question, top, top, all, all)) continue;
    required += 1;
    if (!isBlank(own(top, question.id))) answered += 1;
  }
  return { required, answered };
}

/**
 * The application form model shared by the form builder (FORMS) and the application lifecycle
 * (LIFECYCLE). A season's form is a versioned `FormDefinition`; answers are stored as an `AnswerMap`
 * keyed by question id, and read back with the version they were given against.
 */
export type QuestionKind =
  | 'short_text'
  | 'long_text'
  | 'number'
  | 'date'
  | 'single_choice'
  | 'multiple_choice'
  | 'url'
  | 'email'
  | 'siret'
  | 'rna'
  | 'file'
  | 'repeatable';
export interface Bilingual {
  fr: string;
  en: string;
}
export interface Question {
  id: string; // stable key, [a-z0-9_]{1,40}, unique in the form (children too)
  kind: QuestionKind;
  label: Bilingual;
  help?: Bilingual;
  required: boolean;
  maxLength?: number; // short_text (default 200), long_text (default 5000)
  min?: number;
  max?: number; // number
  options?: { value: string; label: Bilingual }[]; // choices
  file?: { contentTypes: string[]; maxBytes: number }; // file
  children?: Question[];
  minItems?: number;
  maxItems?: number; // repeatable (e.g. team members)
  condition?: { questionId: string; equals: string[] }; // shown only if that answer is one of these
}
export interface Section {
  id: string;
  title: Bilingual;
  description?: Bilingual;
  questions: Question[];
}
export interface FormDefinition {
  sections: Section[];
}
/** Answers keyed by question id; file answers hold stored file ids; repeatable: array of child answer maps. */
export type AnswerValue = string | string[] | number | null | { fileIds: string[] } | AnswerMap[];
export type AnswerMap = Record<string, AnswerValue>;

/**
 * The question of the form that holds the kind of applicant (citizen, association, company, administration):
 * asked once, when the draft is created, then shown pre-filled in the form, where it can be corrected. The
 * application's `applicant_kind` (staff lists, filters, exports) follows its answer on every save and submit.
 */
export const APPLICANT_KIND_QUESTION = 'organisation_type';

/** The kind of applicant the answers give, when the form asks it and the answer is one of its options. */
export function applicantKindOf(definition: FormDefinition, answers: AnswerMap): string | undefined {
  const question = definition.sections
    ?.flatMap((section) => section.questions ?? [])
    .find((q) => q?.id === APPLICANT_KIND_QUESTION && q.kind === 'single_choice');
  const answer = answers[APPLICANT_KIND_QUESTION];
  if (!question || typeof answer !== 'string') return undefined;
  return question.options?.some((option) => option.value === answer) ? answer : undefined;
}

/** Whether the form asks the kind of applicant among `kind`'s options (a draft starts with it answered). */
export function asksApplicantKind(definition: FormDefinition, kind: string): boolean {
  return applicantKindOf(definition, { [APPLICANT_KIND_QUESTION]: kind }) !== undefined;
}

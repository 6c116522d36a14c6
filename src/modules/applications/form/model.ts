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

import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../core/audit/audit.js';
import type { AnswerMap, FormDefinition } from '../form/model.js';

/** SHA-256 of the answers in canonical JSON (keys sorted): the same answers always give the same hash. */
export function answersSha256(answers: AnswerMap): string {
  return createHash('sha256').update(canonicalJson(answers)).digest('hex');
}

/** The application's title: the project name when the form asks it, else its first short text. */
export function titleOf(definition: FormDefinition, answers: AnswerMap): string {
  const questions = definition.sections.flatMap((s) => s.questions);
  const named = questions.find((q) => q.id === 'project_name') ?? questions.find((q) => q.kind === 'short_text');
  const value = named ? answers[named.id] : undefined;
  return typeof value === 'string' ? value.trim().slice(0, 200) : '';
}

/** The territory staff filter on: the answer to a top-level question whose id ends with "territory". */
export function territoryOf(definition: FormDefinition, answers: AnswerMap): string {
  const question = definition.sections.flatMap((s) => s.questions).find((q) => q.id.endsWith('territory'));
  const value = question ? answers[question.id] : undefined;
  return typeof value === 'string' ? value.trim().slice(0, 120) : '';
}

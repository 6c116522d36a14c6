import { describe, expect, it } from 'vitest';
import { formForExpert } from '../experts/expert-opinions.js';
import { formForReviewer } from '../for-scoring.js';
import { KINDS, QUESTION_KINDS } from './kinds.js';
import type { FormDefinition, Question, QuestionKind } from './model.js';

/** One question of each kind, as the builder would save it. */
function questionOf(kind: QuestionKind): Question {
  const question: Question = { id: `q_${kind}`, kind, label: { fr: kind, en: kind }, required: false };
  if (KINDS[kind].settings.includes('options'))
    question.options = [
      { value: 'a', label: { fr: 'A', en: 'A' } },
      { value: 'b', label: { fr: 'B', en: 'B' } },
    ];
  if (KINDS[kind].field === 'rows') question.children = [questionOf('short_text')];
  return question;
}

const everyKind: FormDefinition = {
  sections: [{ id: 's', title: { fr: 'S', en: 'S' }, questions: QUESTION_KINDS.map(questionOf) }],
};
const keptIds = (definition: FormDefinition) => definition.sections.flatMap((s) => s.questions.map((q) => q.id));

describe('the registry of field kinds', () => {
  it('names each kind in both languages', () => {
    for (const kind of QUESTION_KINDS) {
      expect(KINDS[kind].label.fr, kind).not.toBe('');
      expect(KINDS[kind].label.en, kind).not.toBe('');
    }
  });

  it('is what experts and blind reviewers see: a kind that names the applicant never reaches a blind review', () => {
    const expert = keptIds(formForExpert(everyKind));
    const blind = keptIds(formForReviewer(everyKind, true));
    for (const kind of QUESTION_KINDS) {
      expect(expert.includes(`q_${kind}`), kind).toBe(KINDS[kind].shownToExperts);
      expect(blind.includes(`q_${kind}`), kind).toBe(KINDS[kind].shownToExperts && !KINDS[kind].identifiesApplicant);
    }
  });
});

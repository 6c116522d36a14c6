import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction, editorFieldOf, questionFieldValues, readEditor } from '../form-builder/editor.js';
import { DEFAULT_FORM } from './default-form.js';
import { checkDefinition, parseDefinitionJson } from './definition-check.js';
import type { FormDefinition } from './model.js';
import { readAnswers, validateForSubmit } from './validate.js';

/** The structured editor's fields for a definition, as the browser sends them. */
function editorBody(definition: FormDefinition): Record<string, string> {
  const body: Record<string, string> = {};
  definition.sections.forEach((section, s) => {
    Object.assign(body, {
      [`s${s}.id`]: section.id,
      [`s${s}.title_fr`]: section.title.fr,
      [`s${s}.title_en`]: section.title.en,
      [`s${s}.description_fr`]: section.description?.fr ?? '',
      [`s${s}.description_en`]: section.description?.en ?? '',
    });
    section.questions.forEach((question, q) => {
      const add = (prefix: string, values: Record<string, string>, required: boolean) => {
        for (const [key, value] of Object.entries(values)) body[`${prefix}.${key}`] = value;
        if (required) body[`${prefix}.required`] = 'on';
      };
      add(`s${s}.q${q}`, questionFieldValues(question), question.required);
      question.children?.forEach((child, c) => add(`s${s}.q${q}.c${c}`, questionFieldValues(child), child.required));
    });
  });
  return body;
}

describe('checkDefinition', () => {
  it('accepts the default form unchanged, and the structured editor gives it back', () => {
    expect(checkDefinition(DEFAULT_FORM)).toEqual({ definition: DEFAULT_FORM, problems: [] });
    expect(readEditor(editorBody(DEFAULT_FORM))).toEqual(DEFAULT_FORM);
  });

  it('never throws, and whatever it accepts can be read, validated and edited', () => {
    const json = fc.jsonValue({ maxDepth: 6 });
    const shaped = fc.record({
      sections: fc.array(
        fc.record({
          id: fc.constantFrom('a', 'b', 'A'),
          title: fc.constantFrom({ fr: 'T', en: 'T' }, 1),
          questions: fc.array(
            fc.record(
              {
                id: fc.constantFrom('x', 'y', 'z', '__proto__'),
                kind: fc.constantFrom('short_text', 'single_choice', 'repeatable', 'file', 'number', 'nope'),
                label: fc.constantFrom({ fr: 'L', en: 'L' }, null),
                required: fc.boolean(),
                options: json,
                children: json,
                condition: json,
                min: json,
                max: json,
                file: json,
              },
              { requiredKeys: ['id', 'kind', 'label'] },
            ),
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(fc.oneof(json, shaped), fc.jsonValue(), (input, body) => {
        const { definition, problems } = checkDefinition(input);
        for (const problem of problems)
          expect(editorFieldOf(problem.path)).toMatch(/^(editor|s\d+(\.q\d+(\.c\d+)?)?\.[a-z_]+)$/);
        if (problems.length > 0) return;
        const { answers } = readAnswers(definition, body as Record<string, unknown>);
        validateForSubmit(definition, answers);
        expect(checkDefinition(readEditor(editorBody(definition))).problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('names each problem where it is', () => {
    const { problems } = checkDefinition({
      sections: [
        {
          id: 'one',
          title: { fr: '', en: 'One' },
          questions: [
            {
              id: 'kind',
              kind: 'single_choice',
              required: true,
              label: { fr: 'Type', en: 'Kind' },
              options: [
                { value: 'a', label: { fr: 'A', en: 'A' } },
                { value: 'b', label: { fr: 'B', en: 'B' } },
              ],
            },
            { id: 'kind', kind: 'number', required: false, label: { fr: 'N', en: 'N' }, min: 5, max: 1 },
            {
              id: 'later',
              kind: 'short_text',
              required: false,
              label: { fr: 'L', en: 'L' },
              condition: { questionId: 'kind', equals: ['c'] },
            },
            {
              id: 'block',
              kind: 'repeatable',
              required: false,
              label: { fr: 'B', en: 'B' },
              children: [{ id: 'inner', kind: 'repeatable', label: { fr: 'I', en: 'I' }, children: [] }],
            },
            {
              id: 'doc',
              kind: 'file',
              required: false,
              label: { fr: 'D', en: 'D' },
              file: { contentTypes: ['pdf'], maxBytes: 10 },
            },
          ],
        },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'sections[0].title',
      'sections[0].questions[1].id',
      'sections[0].questions[1].min',
      'sections[0].questions[2].condition',
      'sections[0].questions[3].children[0].kind',
      'sections[0].questions[3].children[0].children',
      'sections[0].questions[4].file',
    ]);
    expect(parseDefinitionJson('{').problems[0].path).toBe('json');
  });

  it('takes French alone: English is optional', () => {
    const { problems, definition } = checkDefinition({
      sections: [
        {
          id: 'one',
          title: { fr: 'Un', en: '' },
          questions: [{ id: 'name', kind: 'short_text', required: true, label: { fr: 'Nom' } }],
        },
      ],
    });
    expect(problems).toEqual([]);
    expect(definition.sections[0].questions[0].label).toEqual({ fr: 'Nom', en: '' });
  });
});

describe('structured editor actions', () => {
  it('add, move and remove, ignoring positions that do not exist', () => {
    const draft = structuredClone(DEFAULT_FORM);
    applyAction(draft, { kind: 'up', section: 0, question: 0 });
    expect(draft).toEqual(DEFAULT_FORM);
    applyAction(draft, { kind: 'remove', section: 9, question: 0 });
    applyAction(draft, { kind: 'down', section: 4 });
    expect(draft).toEqual(DEFAULT_FORM);
    applyAction(draft, { kind: 'down', section: 0 });
    expect(draft.sections.map((s) => s.id)).toEqual(['organisation', 'project', 'team', 'needs', 'attachments']);
    applyAction(draft, { kind: 'add-child', section: 2, question: 0 });
    expect(draft.sections[2].questions[0].children?.at(-1)?.id).toBe('question_1');
    applyAction(draft, { kind: 'remove', section: 2, question: 0, child: 0 });
    expect(draft.sections[2].questions[0].children?.map((c) => c.id)).toEqual([
      'member_email',
      'member_role',
      'question_1',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM } from './default-form.js';
import type { AnswerMap, AnswerValue, FormDefinition, Question, QuestionKind } from './model.js';
import { readAnswers, validateForSubmit } from './validate.js';

/* ---------- generators ---------- */

const label = { fr: 'Question', en: 'Question' };
const LEAF_KINDS: QuestionKind[] = [
  'short_text',
  'long_text',
  'number',
  'date',
  'single_choice',
  'multiple_choice',
  'url',
  'email',
  'siret',
  'rna',
  'file',
];

function leafQuestion(id: string, kind: QuestionKind, required: boolean): Question {
  const question: Question = { id, kind, label, required };
  if (kind === 'short_text') question.maxLength = 30;
  if (kind === 'number') Object.assign(question, { min: -5, max: 1000 });
  if (kind === 'single_choice' || kind === 'multiple_choice')
    question.options = ['a', 'b', 'c'].map((value) => ({ value, label }));
  if (kind === 'file') question.file = { contentTypes: ['application/pdf'], maxBytes: 1000 };
  return question;
}

/** Definitions with every kind, repeatables (whose first child is required) and conditions on earlier choices. */
const definitionArb: fc.Arbitrary<FormDefinition> = fc
  .array(
    fc.record({
      kind: fc.constantFrom<QuestionKind>(...LEAF_KINDS, 'repeatable'),
      required: fc.boolean(),
      conditional: fc.boolean(),
      equals: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
      children: fc.array(fc.record({ kind: fc.constantFrom(...LEAF_KINDS), required: fc.boolean() }), { maxLength: 3 }),
      minItems: fc.integer({ min: 0, max: 2 }),
      sectionBreak: fc.boolean(),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((specs) => {
    const sections: FormDefinition['sections'] = [{ id: 's0', title: label, questions: [] }];
    const choices: string[] = [];
    specs.forEach((spec, i) => {
      const id = `q${i}`;
      let question: Question;
      if (spec.kind === 'repeatable') {
        const children = [
          leafQuestion(`q${i}_c0`, 'short_text', true),
          ...spec.children.map((c, j) => leafQuestion(`q${i}_c${j + 1}`, c.kind, c.required)),
        ];
        question = {
          id,
          kind: 'repeatable',
          label,
          required: spec.required,
          minItems: spec.minItems,
          maxItems: 4,
          children,
        };
      } else question = leafQuestion(id, spec.kind, spec.required);
      if (spec.conditional && choices.length > 0)
        question.condition = { questionId: choices[i % choices.length], equals: spec.equals };
      if (spec.kind === 'single_choice') choices.push(id);
      if (spec.sectionBreak) sections.push({ id: `s${sections.length}`, title: label, questions: [] });
      sections[sections.length - 1].questions.push(question);
    });
    return { sections };
  });

function withLuhnKey(digits: string): string {
  for (let key = 0; key < 10; key++) {
    const candidate = digits + key;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let d = +candidate[candidate.length - 1 - i];
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));

function validValue(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.kind) {
    case 'short_text':
    case 'long_text':
      return fc.string({ minLength: 1, maxLength: 20 }).map((s) => `x${s.trim()}`.slice(0, 20));
    case 'number':
      return fc.integer({ min: question.min ?? 0, max: question.max ?? 1000 });
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'single_choice':
      return fc.constantFrom(...question.options!.map((o) => o.value));
    case 'multiple_choice':
      return fc.subarray(
        question.options!.map((o) => o.value),
        { minLength: 1 },
      );
    case 'url':
      return fc
        .webUrl({ validSchemes: ['https'] })
        .filter((u) => /^https:\/\/[^\s]+$/.test(u) && new URL(u).hostname.includes('.'));
    case 'email':
      return fc
        .tuple(fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.stringMatching(/^[a-z]{1,10}$/))
        .map(([a, b]) => `${a}@${b}.fr`);
    case 'siret':
      return digits(13)
        .filter((d) => !d.startsWith('356000000'))
        .map(withLuhnKey);
    case 'rna':
      return digits(9).map((d) => `W${d}`);
    case 'file':
      return fc.uuid().map((id) => ({ fileIds: [id] }));
    case 'repeatable': {
      const row = levelArb(question.children ?? []);
      return fc.array(row, { minLength: Math.max(1, question.minItems ?? 0), maxLength: question.maxItems ?? 4 });
    }
  }
}

function levelArb(questions: Question[]): fc.Arbitrary<AnswerMap> {
  return fc.record(Object.fromEntries(questions.map((q) => [q.id, validValue(q)]))) as fc.Arbitrary<AnswerMap>;
}

const allQuestions = (d: FormDefinition) => d.sections.flatMap((s) => s.questions);
const formWithAnswers = definitionArb.chain((definition) =>
  levelArb(allQuestions(definition)).map((answers) => ({ definition, answers })),
);

/** Whether an error key is the path of a field of the form: `id` or `parent[i][child]`, recursively. */
function namesField(questions: Question[], key: string): boolean {
  if (questions.some((q) => q.id === key)) return true;
  const match = /^([a-z0-9_]+)\[(\d+)\]\[(.+)\]$/.exec(key);
  if (!match) return false;
  const parent = questions.find((q) => q.id === match[1] && q.kind === 'repeatable');
  if (!parent) return false;
  const rest = match[3];
  const inner = /^([a-z0-9_]+)\]\[(\d+)\]\[(.+)$/.exec(rest);
  return inner
    ? namesField(parent.children ?? [], `${inner[1]}[${inner[2]}][${inner[3]}]`)
    : namesField(parent.children ?? [], rest);
}

/** The HTML form a browser would send for these answers. */
function toBody(questions: Question[], answers: AnswerMap, prefix = ''): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const q of questions) {
    const name = prefix ? `${prefix}[${q.id}]` : q.id;
    const value = answers[q.id];
    if (q.kind === 'repeatable')
      (value as AnswerMap[]).forEach((row, i) => Object.assign(body, toBody(q.children ?? [], row, `${name}[${i}]`)));
    else if (q.kind === 'file') body[`${name}[fileIds]`] = (value as { fileIds: string[] }).fileIds;
    else if (Array.isArray(value)) body[name] = value.length === 1 ? value[0] : value;
    else body[name] = String(value);
  }
  return body;
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    '\u0000',
    'x'.repeat(100_000),
    '1e400',
    'NaN',
    '-0',
    '9'.repeat(400),
    'W12345678\u202f9',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
    fc.record({ value: tie('value') }),
    fc.record({ fileIds: tie('value') }),
  ),
})).value;

function hostileBody(definition: FormDefinition): fc.Arbitrary<Record<string, unknown>> {
  const names = allQuestions(definition).flatMap((q) => [
    q.id,
    `${q.id}[fileIds]`,
    ...(q.children ?? []).flatMap((c) => [
      `${q.id}[0][${c.id}]`,
      `${q.id}[999999][${c.id}]`,
      `${q.id}[-1][${c.id}]`,
      `${q.id}[1e3][${c.id}]`,
    ]),
  ]);
  return fc.dictionary(fc.oneof(fc.constantFrom(...names), hostileString), hostileValue, { maxKeys: 30 });
}

/* ---------- properties ---------- */

describe('readAnswers and validateForSubmit', () => {
  it('never throw, and only name fields of the form, whatever the body', () => {
    fc.assert(
      fc.property(
        definitionArb.chain((d) =>
          fc.tuple(fc.constant(d), fc.oneof(hostileBody(d), hostileValue as fc.Arbitrary<Record<string, unknown>>)),
        ),
        ([definition, body]) => {
          const { answers, errors } = readAnswers(definition, body);
          const submitErrors = validateForSubmit(definition, answers);
          const questions = allQuestions(definition);
          for (const key of [...Object.keys(errors), ...Object.keys(submitErrors)])
            expect(namesField(questions, key), key).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validateForSubmit never throws on arbitrary stored answers, nor on a broken definition', () => {
    fc.assert(
      fc.property(definitionArb, hostileValue, (definition, answers) => {
        const errors = validateForSubmit(definition, answers as AnswerMap);
        for (const key of Object.keys(errors)) expect(namesField(allQuestions(definition), key), key).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(hostileValue, hostileValue, (definition, body) => {
        validateForSubmit(definition as FormDefinition, body as AnswerMap);
        readAnswers(definition as FormDefinition, body as Record<string, unknown>);
      }),
      { numRuns: 300 },
    );
  });

  it('copes with a huge repeatable and a huge multiple choice', () => {
    const body: Record<string, unknown> = { needs_levers: Array.from({ length: 100_000 }, () => 'coaching') };
    for (let i = 0; i < 50_000; i++) body[`team[${i}][member_name]`] = `Person ${i}`;
    const { answers, errors } = readAnswers(DEFAULT_FORM, body);
    expect((answers.team as AnswerMap[]).length).toBe(200);
    expect(answers.needs_levers).toEqual(['coaching']);
    expect(errors).toEqual({});
    expect(validateForSubmit(DEFAULT_FORM, answers).team).toBeDefined();
  });

  it('valid answers have no error, directly and after a round trip through an HTML form', () => {
    fc.assert(
      fc.property(formWithAnswers, ({ definition, answers }) => {
        expect(validateForSubmit(definition, answers)).toEqual({});
        const read = readAnswers(definition, toBody(allQuestions(definition), answers));
        expect(read.errors).toEqual({});
        expect(validateForSubmit(definition, read.answers)).toEqual({});
      }),
      { numRuns: 150 },
    );
  });

  it('never requires a question whose condition does not hold', () => {
    fc.assert(
      fc.property(formWithAnswers, fc.constantFrom<AnswerValue>(null, '', 'zzz'), ({ definition, answers }, other) => {
        const conditional = allQuestions(definition).filter((q) => q.condition);
        fc.pre(conditional.length > 0);
        for (const q of conditional) {
          const changed: AnswerMap = {
            ...answers,
            [q.condition!.questionId]: other,
            [q.id]: q.kind === 'repeatable' ? [] : null,
          };
          const errors = validateForSubmit(definition, changed);
          expect(Object.keys(errors).filter((key) => key === q.id || key.startsWith(`${q.id}[`))).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the default form', () => {
  const complete: Record<string, unknown> = {
    project_name: 'Stations météo ouvertes',
    project_summary: 'Des stations météo libres.',
    project_track: 'digital',
    organisation_type: 'association',
    organisation_name: 'Météo pour tous',
    organisation_rna: 'w 751 234 567',
    'team[0][member_name]': 'Camille Dupont',
    'team[0][member_email]': 'Camille@Example.fr',
    'team[3][member_name]': 'Lou Martin',
    'team[3][member_email]': 'lou@example.fr',
    'team[4][member_name]': '',
    needs_levers: ['coaching', 'promotion'],
    needs_stage: 'deploy',
  };

  it('reads a complete submission, normalising identifiers and compacting rows', () => {
    const { answers, errors } = readAnswers(DEFAULT_FORM, complete);
    expect(errors).toEqual({});
    expect(answers.organisation_rna).toBe('W751234567');
    expect(answers.team).toEqual([
      { member_name: 'Camille Dupont', member_email: 'camille@example.fr', member_role: '' },
      { member_name: 'Lou Martin', member_email: 'lou@example.fr', member_role: '' },
    ]);
    expect(validateForSubmit(DEFAULT_FORM, answers)).toEqual({});
  });

  it('asks for the SIRET of a company but not of an association, and checks its key', () => {
    const association = readAnswers(DEFAULT_FORM, complete).answers;
    expect(validateForSubmit(DEFAULT_FORM, association).organisation_siret).toBeUndefined();
    const company = readAnswers(DEFAULT_FORM, {
      ...complete,
      organisation_type: 'company',
      organisation_siret: '130 025 265 00014',
    }).answers;
    // Fourteen digits whose key is wrong: the message says the key, not "14 chiffres" (which were typed).
    const wrongKey = validateForSubmit(DEFAULT_FORM, company).organisation_siret?.message;
    expect(wrongKey?.fr).toContain('clé de contrôle');
    expect(wrongKey?.en).toContain('check digit');
    const short = readAnswers(DEFAULT_FORM, {
      ...complete,
      organisation_type: 'company',
      organisation_siret: '130 025 265 0001',
    }).answers;
    expect(validateForSubmit(DEFAULT_FORM, short).organisation_siret?.message.fr).toContain('14 chiffres');
    const fixed = readAnswers(DEFAULT_FORM, {
      ...complete,
      organisation_type: 'company',
      organisation_siret: '130 025 265 00013',
    }).answers;
    expect(fixed.organisation_siret).toBe('13002526500013');
    expect(validateForSubmit(DEFAULT_FORM, fixed)).toEqual({});
  });

  it('keeps what was typed and reports type errors on the field, with row positions as shown again', () => {
    const { answers, errors } = readAnswers(DEFAULT_FORM, {
      ...complete,
      project_people_reached: 'beaucoup',
      project_name: 'x'.repeat(121),
      'team[3][member_role]': ['a', 'b'].join('').repeat(100),
      needs_stage: 'other',
    });
    expect(answers.project_people_reached).toBe('beaucoup');
    expect(Object.keys(errors).sort()).toEqual([
      'needs_stage',
      'project_name',
      'project_people_reached',
      'team[1][member_role]',
    ]);
    expect(validateForSubmit(DEFAULT_FORM, answers).project_people_reached).toBeDefined();
  });

  it('reports missing required answers and bad formats at submit', () => {
    const { answers } = readAnswers(DEFAULT_FORM, {
      organisation_type: 'association',
      organisation_rna: 'X12',
      'team[0][member_name]': 'A',
      'team[0][member_email]': 'pas-une-adresse',
      project_website: 'javascript:alert(1)',
    });
    const errors = validateForSubmit(DEFAULT_FORM, answers);
    expect(Object.keys(errors).sort()).toEqual([
      'needs_levers',
      'needs_stage',
      'organisation_name',
      'organisation_rna',
      'project_name',
      'project_summary',
      'project_website',
      'team[0][member_email]',
    ]);
  });
});

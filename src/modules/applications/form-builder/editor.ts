import { rowIndexes } from '../../../core/http/row-fields.js';
import { offers, QUESTION_KINDS } from '../form/kinds.js';
import type { FormDefinition, Question, Section } from '../form/model.js';

/*
 * The structured form editor works without JavaScript: the whole definition is one HTML form with
 * flat field names (`s0.title_fr`, `s0.q2.kind`, `s0.q2.c1.label_en` for a repeatable's children),
 * and every button (add, remove, move, save) submits it with `action`. This file turns those fields
 * into a draft definition and back, and applies the actions. Drafts may hold wrong values (a
 * non-number typed as maximum); checkDefinition reports them when saving.
 */

const MAX_SECTIONS = 40;
const MAX_QUESTIONS = 120;
const MAX_CHILDREN = 40;

export type EditorAction =
  | { kind: 'save' }
  | { kind: 'add-section' }
  | { kind: 'add-question'; section: number; questionKind?: Question['kind'] }
  | { kind: 'add-child'; section: number; question: number }
  | { kind: 'remove' | 'up' | 'down'; section: number; question?: number; child?: number };

export function parseAction(raw: unknown, body: Record<string, unknown> = {}): EditorAction {
  const value = typeof raw === 'string' ? raw : '';
  if (value === 'add-section') return { kind: 'add-section' };
  const match = /^(add-question|add-child|remove|up|down):s(\d{1,3})(?:\.q(\d{1,3})(?:\.c(\d{1,3}))?)?$/.exec(value);
  if (!match) return { kind: 'save' };
  const section = Number(match[2]);
  const question = match[3] === undefined ? undefined : Number(match[3]);
  const child = match[4] === undefined ? undefined : Number(match[4]);
  if (match[1] === 'add-question') {
    // The section's "kind of the new question" list; a repeatable block comes with its first sub-question.
    const chosen = field(body, `s${section}.new_kind`);
    const questionKind = QUESTION_KINDS.find((kind) => kind === chosen);
    return { kind: 'add-question', section, ...(questionKind ? { questionKind } : {}) };
  }
  if (match[1] === 'add-child')
    return question === undefined ? { kind: 'save' } : { kind: 'add-child', section, question };
  return { kind: match[1] as 'remove' | 'up' | 'down', section, question, child };
}

function field(body: Record<string, unknown>, name: string): string {
  const raw = Object.hasOwn(body, name) ? body[name] : undefined;
  const first = Array.isArray(raw) ? raw[0] : raw;
  const value = first && typeof first === 'object' && 'value' in first ? (first as { value: unknown }).value : first;
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
}

/** A number typed in a field: undefined when empty, the text itself when it is not a number (so the check names it). */
function numberField(text: string): number | string | undefined {
  if (text === '') return undefined;
  const parsed = Number(text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : text;
}

function bilingual(body: Record<string, unknown>, prefix: string, name: string): { fr: string; en: string } {
  return { fr: field(body, `${prefix}.${name}_fr`), en: field(body, `${prefix}.${name}_en`) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function parseOptions(text: string): { value: string; label: { fr: string; en: string } }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 100)
    .map((line) => {
      const [value = '', fr = '', en = ''] = line.split('|').map((part) => part.trim());
      return { value, label: { fr, en } };
    });
}

function readQuestion(body: Record<string, unknown>, prefix: string, withChildren: boolean): Question {
  const kind = field(body, `${prefix}.kind`) as Question['kind'];
  const question: Record<string, unknown> = {
    id: field(body, `${prefix}.id`),
    kind,
    label: bilingual(body, prefix, 'label'),
    required: field(body, `${prefix}.required`) !== '',
  };
  const help = bilingual(body, prefix, 'help');
  if (help.fr || help.en) question.help = help;
  const set = (key: string, value: unknown) => value !== undefined && (question[key] = value);
  if (offers(kind, 'maxLength')) set('maxLength', numberField(field(body, `${prefix}.max_length`)));
  if (offers(kind, 'bounds')) {
    set('min', numberField(field(body, `${prefix}.min`)));
    set('max', numberField(field(body, `${prefix}.max`)));
  }
  if (offers(kind, 'options')) question.options = parseOptions(field(body, `${prefix}.options`));
  if (offers(kind, 'file')) {
    const megabytes = numberField(field(body, `${prefix}.file_max_mb`));
    question.file = {
      contentTypes: field(body, `${prefix}.file_types`)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      maxBytes: typeof megabytes === 'number' ? Math.round(megabytes * 1024 * 1024) : megabytes,
    };
  }
  if (offers(kind, 'items')) {
    set('minItems', numberField(field(body, `${prefix}.min_items`)));
    set('maxItems', numberField(field(body, `${prefix}.max_items`)));
    question.children = withChildren
      ? rowIndexes(body, new RegExp(`^${escapeRegExp(prefix)}\\.c(\\d{1,3})\\.id$`), MAX_CHILDREN).map((c) =>
          readQuestion(body, `${prefix}.c${c}`, false),
        )
      : [];
  }
  const conditionQuestion = field(body, `${prefix}.condition_question`);
  if (conditionQuestion) {
    question.condition = {
      questionId: conditionQuestion,
      equals: field(body, `${prefix}.condition_values`)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  }
  return question as unknown as Question;
}

/** The draft definition held by the submitted editor form. */
export function readEditor(body: unknown): FormDefinition {
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const sections = rowIndexes(fields, /^s(\d{1,3})\.id$/, MAX_SECTIONS).map((s): Section => {
    const prefix = `s${s}`;
    const description = bilingual(fields, prefix, 'description');
    return {
      id: field(fields, `${prefix}.id`),
      title: bilingual(fields, prefix, 'title'),
      ...(description.fr || description.en ? { description } : {}),
      questions: rowIndexes(fields, new RegExp(`^s${s}\\.q(\\d{1,3})\\.id$`), MAX_QUESTIONS).map((q) =>
        readQuestion(fields, `${prefix}.q${q}`, true),
      ),
    };
  });
  return { sections };
}

function uniqueId(definition: FormDefinition, base: string): string {
  const used = new Set<string>();
  for (const section of definition.sections) {
    used.add(section.id);
    for (const q of section.questions) {
      used.add(q.id);
      for (const c of q.children ?? []) used.add(c.id);
    }
  }
  let n = 1;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

function move<T>(list: T[], index: number, delta: number): void {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return;
  [list[index], list[target]] = [list[target], list[index]];
}

/** Applies an editor button to the draft (in place); out-of-range positions change nothing. */
export function applyAction(definition: FormDefinition, action: EditorAction): void {
  const blankQuestion = (): Question => ({
    id: uniqueId(definition, 'question'),
    kind: 'short_text',
    label: { fr: '', en: '' },
    required: false,
  });
  if (action.kind === 'save') return;
  if (action.kind === 'add-section') {
    definition.sections.push({ id: uniqueId(definition, 'section'), title: { fr: '', en: '' }, questions: [] });
    return;
  }
  const section = definition.sections[action.section];
  if (!section) return;
  if (action.kind === 'add-question') {
    const question = { ...blankQuestion(), kind: action.questionKind ?? 'short_text' };
    section.questions.push(question);
    if (offers(question.kind, 'items')) question.children = [blankQuestion()];
    return;
  }
  if (action.kind === 'add-child') {
    const parent = section.questions[action.question];
    if (parent?.kind === 'repeatable') (parent.children ??= []).push(blankQuestion());
    return;
  }
  const delta = action.kind === 'up' ? -1 : 1;
  if (action.question === undefined) {
    if (action.kind === 'remove') definition.sections.splice(action.section, 1);
    else move(definition.sections, action.section, delta);
    return;
  }
  if (action.child === undefined) {
    if (action.kind === 'remove') section.questions.splice(action.question, 1);
    else move(section.questions, action.question, delta);
    return;
  }
  const children = section.questions[action.question]?.children;
  if (!children) return;
  if (action.kind === 'remove') children.splice(action.child, 1);
  else move(children, action.child, delta);
}

/** The editor field a checkDefinition problem belongs to (`sections[0].questions[2].label` → `s0.q2.label_fr`). */
export function editorFieldOf(problemPath: string): string {
  const match = /^sections\[(\d+)\](?:\.questions\[(\d+)\](?:\.children\[(\d+)\])?)?(?:\.([a-zA-Z]+))?/.exec(
    problemPath,
  );
  if (!match) return 'editor';
  const [, s, q, c, property] = match;
  const prefix = `s${s}${q !== undefined ? `.q${q}` : ''}${c !== undefined ? `.c${c}` : ''}`;
  const names: Record<string, string> = {
    id: 'id',
    kind: 'kind',
    label: 'label_fr',
    title: 'title_fr',
    help: 'help_fr',
    description: 'description_fr',
    required: 'required',
    maxLength: 'max_length',
    min: 'min',
    max: 'max',
    options: 'options',
    file: 'file_types',
    minItems: 'min_items',
    maxItems: 'max_items',
    condition: 'condition_question',
    children: 'add_child',
    questions: 'id',
  };
  return `${prefix}.${names[property ?? ''] ?? 'id'}`;
}

/** The values shown in a question's editor fields. */
export function questionFieldValues(question: Question): Record<string, string> {
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  return {
    id: text(question.id),
    kind: text(question.kind),
    label_fr: text(question.label?.fr),
    label_en: text(question.label?.en),
    help_fr: text(question.help?.fr),
    help_en: text(question.help?.en),
    max_length: text(question.maxLength),
    min: text(question.min),
    max: text(question.max),
    options: (question.options ?? []).map((o) => `${o.value} | ${o.label?.fr ?? ''} | ${o.label?.en ?? ''}`).join('\n'),
    file_types: (question.file?.contentTypes ?? []).join(', '),
    file_max_mb:
      typeof question.file?.maxBytes === 'number'
        ? String(Math.round((question.file.maxBytes / (1024 * 1024)) * 100) / 100)
        : text(question.file?.maxBytes),
    min_items: text(question.minItems),
    max_items: text(question.maxItems),
    condition_question: text(question.condition?.questionId),
    condition_values: (question.condition?.equals ?? []).join(', '),
  };
}

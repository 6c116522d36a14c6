import type { FieldError } from '../../../core/http/forms.js';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import { BilingualText, plainText } from './bilingual.js';
import { type FieldShape, kindSpec, maxLengthOf } from './kinds.js';
import { formFieldMessages as fm } from './messages.js';
import type { AnswerMap, AnswerValue, FormDefinition, Question } from './model.js';
import { childPath } from './validate.js';

/*
 * DSFR rendering of an application form. Field names and ids are the field paths used by
 * readAnswers and validateForSubmit, so ErrorSummary links (`#team[1][member_email]`) land on the field.
 * Everything works without JavaScript: a conditional question is always shown, with a hint naming its
 * condition, and carries data-condition-* attributes a script may use to hide it.
 */

export interface FormFieldsProps {
  locale: Locale;
  definition: FormDefinition;
  answers: AnswerMap;
  errors: Record<string, FieldError>;
  /** What to show of each attached file (by stored file id); without it, only the ids are kept. */
  files?: Record<string, AttachedFileView>;
}

/** An attached file as shown under its question: name (display text), link, scan state, removal box. */
export interface AttachedFileView {
  name: string;
  href: string;
  detail: string;
  /** Label of a "remove" checkbox (field remove_files); absent when the file cannot be removed here. */
  removeLabel?: string;
}

interface Context {
  locale: Locale;
  errors: Record<string, FieldError>;
  /** Every question of the form, to name the question a condition depends on. */
  all: Question[];
  files?: Record<string, AttachedFileView>;
}

const text = plainText;

function answerAt(answers: AnswerMap | undefined, id: string): AnswerValue | undefined {
  return answers && Object.hasOwn(answers, id) ? answers[id] : undefined;
}

function asText(value: AnswerValue | undefined): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function asList(value: AnswerValue | undefined): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

function conditionHint(ctx: Context, question: Question): string {
  const condition = question.condition;
  if (!condition) return '';
  const target = ctx.all.find((q) => q.id === condition.questionId);
  const values = condition.equals.map(
    (value) => text(ctx.locale, target?.options?.find((o) => o.value === value)?.label) || value,
  );
  return t(ctx.locale, fm.conditionHint, {
    question: text(ctx.locale, target?.label) || condition.questionId,
    values: values.join(', '),
  });
}

function ErrorMessage({ ctx, path }: { ctx: Context; path: string }): JSX.Element {
  const error = ctx.errors[path];
  if (!error) return '';
  return (
    <p id={`${path}-error`} class="fr-error-text" safe>
      {t(ctx.locale, error.message, error.params)}
    </p>
  );
}

/** Label text, required mark and hints (help, condition, limits), as DSFR expects inside a label or legend. */
function LabelContent({
  ctx,
  question,
  extraHint,
}: {
  ctx: Context;
  question: Question;
  extraHint?: string;
}): JSX.Element {
  const hints = [conditionHint(ctx, question), extraHint ?? ''].filter(Boolean);
  return (
    <>
      <BilingualText locale={ctx.locale} value={question.label} />
      {question.required ? <span class="fr-sr-only" safe>{` (${t(ctx.locale, fm.requiredMark)})`}</span> : ''}
      {question.required ? <span aria-hidden="true"> *</span> : ''}
      {question.help && plainText(ctx.locale, question.help) ? (
        <span class="fr-hint-text">
          <BilingualText locale={ctx.locale} value={question.help} />
        </span>
      ) : (
        ''
      )}
      {hints.map((hint) => (
        <span class="fr-hint-text" safe>
          {hint}
        </span>
      ))}
    </>
  );
}

function conditionAttributes(question: Question): Record<string, string> {
  return question.condition
    ? {
        'data-condition-question': question.condition.questionId,
        'data-condition-equals': JSON.stringify(question.condition.equals),
      }
    : {};
}

function fileHint(ctx: Context, question: Question): string {
  if (!question.file) return '';
  const size = Math.round((question.file.maxBytes / (1024 * 1024)) * 10) / 10;
  return t(ctx.locale, fm.fileHint, { types: question.file.contentTypes.join(', '), size: String(size) });
}

function InputField({
  ctx,
  question,
  path,
  value,
}: {
  ctx: Context;
  question: Question;
  path: string;
  value: AnswerValue | undefined;
}): JSX.Element {
  const error = ctx.errors[path];
  const common = {
    id: path,
    name: path,
    class: `fr-input${error ? ' fr-input--error' : ''}`,
    ...(question.required && !question.condition ? { 'aria-required': 'true' } : {}),
    ...(error ? { 'aria-describedby': `${path}-error`, 'aria-invalid': 'true' } : {}),
  };
  const spec = kindSpec(question.kind);
  // A kind kinds.ts does not know (a malformed stored definition) is shown as a plain text field.
  const typed = spec?.input?.(question) ?? { type: 'text', maxlength: String(maxLengthOf(question)) };
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`} {...conditionAttributes(question)}>
      <label class="fr-label" for={path}>
        <LabelContent ctx={ctx} question={question} />
      </label>
      {spec?.field === 'textarea' ? (
        <textarea {...common} rows="8" maxlength={String(maxLengthOf(question))} safe>
          {asText(value)}
        </textarea>
      ) : (
        <input {...common} {...typed} value={asText(value)} />
      )}
      <ErrorMessage ctx={ctx} path={path} />
    </div>
  );
}

function ChoiceField({
  ctx,
  question,
  path,
  value,
}: {
  ctx: Context;
  question: Question;
  path: string;
  value: AnswerValue | undefined;
}): JSX.Element {
  const error = ctx.errors[path];
  const multiple = question.kind === 'multiple_choice';
  const chosen = asList(value);
  const legendId = `${path}-legend`;
  return (
    <fieldset
      class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      aria-labelledby={error ? `${legendId} ${path}-error` : legendId}
      {...(multiple ? {} : { role: 'radiogroup' })}
      {...conditionAttributes(question)}
    >
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id={legendId}>
        <LabelContent ctx={ctx} question={question} />
      </legend>
      {(question.options ?? []).map((option, index) => {
        const id = index === 0 ? path : `${path}--${index}`;
        return (
          <div class="fr-fieldset__element">
            <div class={multiple ? 'fr-checkbox-group' : 'fr-radio-group'}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={id}
                name={path}
                value={option.value}
                checked={chosen.includes(option.value)}
              />
              <label class="fr-label" for={id}>
                <BilingualText locale={ctx.locale} value={option.label} />
              </label>
            </div>
          </div>
        );
      })}
      <div class="fr-messages-group" aria-live="polite">
        <ErrorMessage ctx={ctx} path={path} />
      </div>
    </fieldset>
  );
}

function FileField({
  ctx,
  question,
  path,
  value,
}: {
  ctx: Context;
  question: Question;
  path: string;
  value: AnswerValue | undefined;
}): JSX.Element {
  const error = ctx.errors[path];
  const ids =
    value && typeof value === 'object' && !Array.isArray(value) && Array.isArray(value.fileIds)
      ? value.fileIds.filter((id) => typeof id === 'string')
      : [];
  return (
    <div class={`fr-upload-group${error ? ' fr-input-group--error' : ''}`} {...conditionAttributes(question)}>
      <label class="fr-label" for={path}>
        <LabelContent ctx={ctx} question={question} extraHint={fileHint(ctx, question)} />
      </label>
      <input
        class="fr-upload"
        type="file"
        id={path}
        name={path}
        {...(question.file ? { accept: question.file.contentTypes.join(',') } : {})}
        {...(error ? { 'aria-describedby': `${path}-error`, 'aria-invalid': 'true' } : {})}
      />
      {ids.map((id) => {
        const file = ctx.files?.[id];
        if (!file) {
          return (
            <>
              <input type="hidden" name={`${path}[fileIds]`} value={id} />
              <p class="fr-text--sm fr-mb-0" safe>
                {t(ctx.locale, fm.fileKept, { id })}
              </p>
            </>
          );
        }
        return (
          <div class="fr-mt-1w">
            <input type="hidden" name={`${path}[fileIds]`} value={id} />
            <p class="fr-text--sm fr-mb-0">
              <a class="fr-link fr-link--sm" href={file.href} safe>
                {file.name}
              </a>{' '}
              <span safe>{`(${file.detail})`}</span>
            </p>
            {file.removeLabel ? (
              <div class="fr-checkbox-group fr-checkbox-group--sm">
                <input type="checkbox" id={`remove-${id}`} name="remove_files" value={id} />
                <label class="fr-label" for={`remove-${id}`} safe>
                  {file.removeLabel}
                </label>
              </div>
            ) : (
              ''
            )}
          </div>
        );
      })}
      <ErrorMessage ctx={ctx} path={path} />
    </div>
  );
}

function RepeatableField({
  ctx,
  question,
  path,
  value,
}: {
  ctx: Context;
  question: Question;
  path: string;
  value: AnswerValue | undefined;
}): JSX.Element {
  const error = ctx.errors[path];
  const rows = Array.isArray(value)
    ? (value.filter((row) => row && typeof row === 'object' && !Array.isArray(row)) as AnswerMap[])
    : [];
  // Without JavaScript, a blank row is how a new item is added; enough rows are offered to reach minItems.
  const max = question.maxItems ?? 50;
  const count = Math.min(max, Math.max(rows.length + 1, question.minItems ?? 1));
  const children = question.children ?? [];
  const legendId = `${path}-legend`;
  return (
    <fieldset
      class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id={path}
      aria-labelledby={error ? `${legendId} ${path}-error` : legendId}
      {...conditionAttributes(question)}
    >
      <legend class="fr-fieldset__legend" id={legendId}>
        <LabelContent ctx={ctx} question={question} extraHint={t(ctx.locale, fm.itemHint)} />
      </legend>
      <div class="fr-messages-group" aria-live="polite">
        <ErrorMessage ctx={ctx} path={path} />
      </div>
      {Array.from({ length: count }, (_, index) => (
        <div class="fr-fieldset__element">
          <fieldset class="fr-fieldset" aria-labelledby={`${path}-${index}-legend`}>
            <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id={`${path}-${index}-legend`} safe>
              {t(ctx.locale, fm.item, { label: text(ctx.locale, question.label), n: index + 1 })}
            </legend>
            {children.map((child) => (
              <div class="fr-fieldset__element">
                <QuestionField
                  ctx={ctx}
                  question={child}
                  path={childPath(path, index, child.id)}
                  value={answerAt(rows[index], child.id)}
                />
              </div>
            ))}
          </fieldset>
        </div>
      ))}
    </fieldset>
  );
}

function QuestionField(props: {
  ctx: Context;
  question: Question;
  path: string;
  value: AnswerValue | undefined;
}): JSX.Element {
  // A kind kinds.ts does not know (a malformed stored definition) is shown as a text field.
  const shape: FieldShape = kindSpec(props.question.kind)?.field ?? 'input';
  switch (shape) {
    case 'choices':
      return <ChoiceField {...props} />;
    case 'file':
      return <FileField {...props} />;
    case 'rows':
      return <RepeatableField {...props} />;
    case 'input':
    case 'textarea':
      return <InputField {...props} />;
  }
}

/** The questions of a form, one DSFR fieldset per section, filled with the answers and errors given. */
export function FormFields({ locale, definition, answers, errors, files }: FormFieldsProps): JSX.Element {
  const all = definition.sections.flatMap((section) => section.questions);
  const ctx: Context = { locale, errors, all, files };
  return (
    <>
      {definition.sections.map((section) => (
        <fieldset
          class="fr-fieldset fr-mb-4w"
          id={`section-${section.id}`}
          aria-labelledby={`section-${section.id}-legend`}
        >
          <legend class="fr-fieldset__legend" id={`section-${section.id}-legend`}>
            <span class="fr-h4">
              <BilingualText locale={locale} value={section.title} />
            </span>
            {section.description ? (
              <span class="fr-hint-text">
                <BilingualText locale={locale} value={section.description} />
              </span>
            ) : (
              ''
            )}
          </legend>
          {section.questions.map((question) => (
            <div class="fr-fieldset__element">
              <QuestionField ctx={ctx} question={question} path={question.id} value={answerAt(answers, question.id)} />
            </div>
          ))}
        </fieldset>
      ))}
    </>
  );
}

/** The field labels by path, for ErrorSummary (children named "Team members no. 2 – Email address"). */
export function fieldLabels(
  locale: Locale,
  definition: FormDefinition,
  errors: Record<string, FieldError>,
): Record<string, string> {
  const all = definition.sections.flatMap((section) => section.questions);
  const labels: Record<string, string> = {};
  for (const path of Object.keys(errors)) {
    const top = all.find((q) => q.id === path);
    if (top) {
      labels[path] = text(locale, top.label);
      continue;
    }
    const match = /^([a-z0-9_]+)\[(\d+)\]\[([a-z0-9_]+)\]$/.exec(path);
    const parent = match ? all.find((q) => q.id === match[1]) : undefined;
    const child = match ? parent?.children?.find((c) => c.id === match[3]) : undefined;
    if (match && parent && child)
      labels[path] =
        `${t(locale, fm.item, { label: text(locale, parent.label), n: Number(match[2]) + 1 })} – ${text(locale, child.label)}`;
  }
  return labels;
}

import type { FieldError } from '../../../../core/http/forms.js';
import { formatDateTime, type Locale, type Message, t, tCount } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Select,
  TextArea,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { SeasonStatus } from '../../../seasons/index.js';
import { KINDS, type KindSetting, kindSpec, offers, QUESTION_KINDS } from '../../form/kinds.js';
import type { FormDefinition, Question } from '../../form/model.js';
import { FormFields, fieldLabels } from '../../form/render.js';
import { questionFieldValues } from '../editor.js';
import { formsCounts, formsMessages as m } from '../messages.js';
import type { FormVersion } from '../queries.js';

export interface SeasonRef {
  id: string;
  name: string;
  nameEn: string;
  /** Null while the season is a draft. */
  publishedAt: Date | null;
  /** Where its call stands by its dates (what publishing it now would make it). */
  call: Exclude<SeasonStatus, 'draft'>;
}

const seasonName = (locale: Locale, season: Pick<SeasonRef, 'name' | 'nameEn'>) =>
  locale === 'en' && season.nameEn ? season.nameEn : season.name;
const builderPath = (season: SeasonRef) => `/admin/saisons/${season.id}/formulaire`;

function BuilderBreadcrumb({
  locale,
  season,
  current,
}: {
  locale: Locale;
  season: SeasonRef;
  current?: string;
}): JSX.Element {
  const items = [
    { label: t(locale, m.administration), href: '/admin' },
    { label: t(locale, m.seasons), href: '/admin/saisons' },
    { label: seasonName(locale, season), href: `/admin/saisons/${season.id}/modifier` },
    { label: t(locale, m.breadcrumb), href: current ? builderPath(season) : '' },
  ];
  if (current) items.push({ label: current, href: '' });
  return <Breadcrumb locale={locale} items={items} />;
}

/** A small submit button of the editor; its accessible name says what it acts on. */
function ActionButton({
  locale,
  action,
  label,
  what,
  icon,
  id,
}: {
  locale: Locale;
  action: string;
  label: string;
  what: string;
  icon: string;
  id?: string;
}): JSX.Element {
  return (
    <button
      {...(id ? { id } : {})}
      type="submit"
      name="action"
      value={action}
      class={`fr-btn fr-btn--sm fr-btn--tertiary fr-btn--icon-left ${icon}`}
      title={t(locale, m.actionOn, { action: label, what })}
      safe
    >
      {label}
    </button>
  );
}

function Actions({ locale, path, what }: { locale: Locale; path: string; what: string }): JSX.Element {
  return (
    <div class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-btns-group--icon-left fr-mb-2w">
      <ActionButton
        locale={locale}
        action={`up:${path}`}
        label={t(locale, m.moveUp)}
        what={what}
        icon="fr-icon-arrow-up-line"
      />
      <ActionButton
        locale={locale}
        action={`down:${path}`}
        label={t(locale, m.moveDown)}
        what={what}
        icon="fr-icon-arrow-down-line"
      />
      <ActionButton
        locale={locale}
        action={`remove:${path}`}
        label={t(locale, m.remove)}
        what={what}
        icon="fr-icon-delete-line"
      />
    </div>
  );
}

interface EditorProps {
  locale: Locale;
  errors: Record<string, FieldError>;
  choiceQuestions: { id: string; label: string }[];
}

function QuestionEditor({
  p,
  question,
  path,
  title,
  inBlock,
}: {
  p: EditorProps;
  question: Question;
  path: string;
  title: string;
  inBlock: boolean;
}): JSX.Element {
  const { locale, errors } = p;
  const v = questionFieldValues(question);
  const name = (key: string) => `${path}.${key}`;
  const input = (key: string, label: string, extra: { hint?: string; type?: 'text' | 'number' } = {}) => (
    <Input
      locale={locale}
      name={name(key)}
      label={label}
      value={v[key]}
      error={errors[name(key)]}
      hint={extra.hint}
      type={extra.type}
    />
  );
  // Each setting's hint names the kinds it applies to, as kinds.ts says.
  const onlyFor = (setting: KindSetting) =>
    t(locale, m.onlyFor, {
      kinds: QUESTION_KINDS.filter((kind) => offers(kind, setting))
        .map((kind) => t(locale, KINDS[kind].label))
        .join(', '),
    });
  // Rows do not nest: a repeatable's children offer every kind but that one.
  const kinds = QUESTION_KINDS.filter((kind) => !inBlock || KINDS[kind].field !== 'rows');
  return (
    <fieldset class="fr-fieldset fr-p-2w fr-mb-2w" aria-labelledby={`${path}-legend`}>
      <legend class="fr-fieldset__legend fr-h6" id={`${path}-legend`} safe>
        {`${title} – ${v.label_fr || v.id}`}
      </legend>
      <div class="fr-fieldset__element">
        <Actions locale={locale} path={path} what={v.label_fr || v.id} />
        {input('id', t(locale, m.questionId), { hint: t(locale, m.idHint) })}
        <Select
          locale={locale}
          name={name('kind')}
          label={t(locale, m.kind)}
          value={v.kind}
          error={errors[name('kind')]}
          options={kinds.map((kind) => ({ value: kind, label: t(locale, KINDS[kind].label) }))}
        />
        {input('label_fr', t(locale, m.labelFr))}
        {input('label_en', t(locale, m.labelEn))}
        {input('help_fr', t(locale, m.helpFr))}
        {input('help_en', t(locale, m.helpEn))}
        <Checkbox name={name('required')} label={t(locale, m.required)} checked={question.required === true} />
        {input('max_length', t(locale, m.maxLength), {
          hint: onlyFor('maxLength'),
        })}
        {input('min', t(locale, m.min), { hint: onlyFor('bounds') })}
        {input('max', t(locale, m.max), { hint: onlyFor('bounds') })}
        <TextArea
          locale={locale}
          name={name('options')}
          label={t(locale, m.options)}
          value={v.options}
          error={errors[name('options')]}
          rows={4}
          hint={onlyFor('options')}
        />
        {input('file_types', t(locale, m.fileTypes), { hint: onlyFor('file') })}
        {input('file_max_mb', t(locale, m.fileMaxMb), { hint: onlyFor('file') })}
        {inBlock ? '' : input('min_items', t(locale, m.minItems), { hint: onlyFor('items') })}
        {inBlock ? '' : input('max_items', t(locale, m.maxItems), { hint: onlyFor('items') })}
        <Select
          locale={locale}
          name={name('condition_question')}
          label={t(locale, m.conditionQuestion)}
          value={v.condition_question}
          error={errors[name('condition_question')]}
          options={[
            { value: '', label: t(locale, m.conditionNone) },
            ...p.choiceQuestions
              .filter((c) => c.id !== question.id)
              .map((c) => ({ value: c.id, label: `${c.id} – ${c.label}` })),
          ]}
        />
        {input('condition_values', t(locale, m.conditionValues))}
        {!inBlock && kindSpec(question.kind)?.field === 'rows' ? (
          <div class="fr-ml-4w">
            {(question.children ?? []).map((child, c) => (
              <QuestionEditor
                p={p}
                question={child}
                path={`${path}.c${c}`}
                title={t(locale, m.child, { n: c + 1 })}
                inBlock
              />
            ))}
            {errors[name('add_child')] ? (
              <div class="fr-messages-group" id={`${name('add_child')}-error`}>
                <p class="fr-message fr-message--error" safe>
                  {`${t(locale, errors[name('add_child')].message, errors[name('add_child')].params)} ${t(locale, m.noChildrenHint)}`}
                </p>
              </div>
            ) : (
              ''
            )}
            <ActionButton
              locale={locale}
              action={`add-child:${path}`}
              label={t(locale, m.addChild)}
              what={v.label_fr || v.id}
              icon="fr-icon-add-line"
              id={name('add_child')}
            />
          </div>
        ) : (
          ''
        )}
      </div>
    </fieldset>
  );
}

function StructuredEditor({
  ctx,
  season,
  draft,
  errors,
}: {
  ctx: ViewContext;
  season: SeasonRef;
  draft: FormDefinition;
  errors: Record<string, FieldError>;
}): JSX.Element {
  const { locale } = ctx;
  const choiceQuestions = draft.sections
    .flatMap((s) => s.questions.flatMap((q) => [q, ...(q.children ?? [])]))
    .filter((q) => offers(q.kind, 'options'))
    .map((q) => ({ id: q.id, label: q.label?.[locale] || q.label?.fr || '' }));
  const p: EditorProps = { locale, errors, choiceQuestions };
  return (
    <form method="post" action={builderPath(season)} id="editor" novalidate>
      <CsrfField token={ctx.csrfToken} />
      {/* The first submit button is the one Enter triggers: saving, never removing something. */}
      <button type="submit" name="action" value="save" class="fr-btn fr-mb-4w" safe>
        {t(locale, m.save)}
      </button>
      {draft.sections.map((section, s) => {
        const prefix = `s${s}`;
        const name = (key: string) => `${prefix}.${key}`;
        const title = section.title?.fr || section.id;
        return (
          <fieldset class="fr-fieldset fr-mb-4w" aria-labelledby={`${prefix}-legend`}>
            <legend class="fr-fieldset__legend fr-h4" id={`${prefix}-legend`} safe>
              {`${t(locale, m.section, { n: s + 1 })} – ${title}`}
            </legend>
            <div class="fr-fieldset__element">
              <Actions locale={locale} path={prefix} what={title} />
              <Input
                locale={locale}
                name={name('id')}
                label={t(locale, m.sectionId)}
                value={section.id}
                error={errors[name('id')]}
                hint={t(locale, m.idHint)}
              />
              <Input
                locale={locale}
                name={name('title_fr')}
                label={t(locale, m.titleFr)}
                value={section.title?.fr ?? ''}
                error={errors[name('title_fr')]}
              />
              <Input
                locale={locale}
                name={name('title_en')}
                label={t(locale, m.titleEn)}
                value={section.title?.en ?? ''}
                error={errors[name('title_en')]}
              />
              <Input
                locale={locale}
                name={name('description_fr')}
                label={t(locale, m.descriptionFr)}
                value={section.description?.fr ?? ''}
                error={errors[name('description_fr')]}
              />
              <Input
                locale={locale}
                name={name('description_en')}
                label={t(locale, m.descriptionEn)}
                value={section.description?.en ?? ''}
                error={errors[name('description_en')]}
              />
              {section.questions.map((question, q) => (
                <QuestionEditor
                  p={p}
                  question={question}
                  path={`${prefix}.q${q}`}
                  title={t(locale, m.question, { n: q + 1 })}
                  inBlock={false}
                />
              ))}
              <Select
                locale={locale}
                name={name('new_kind')}
                label={t(locale, m.newKind)}
                value="short_text"
                options={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(locale, KINDS[kind].label) }))}
              />
              <ActionButton
                locale={locale}
                action={`add-question:${prefix}`}
                label={t(locale, m.addQuestion)}
                what={title}
                icon="fr-icon-add-line"
              />
            </div>
          </fieldset>
        );
      })}
      <div class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <button
          type="submit"
          name="action"
          value="add-section"
          class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
          safe
        >
          {t(locale, m.addSection)}
        </button>
        <button type="submit" name="action" value="save" class="fr-btn" safe>
          {t(locale, m.save)}
        </button>
      </div>
    </form>
  );
}

export interface BuilderPageProps {
  ctx: ViewContext;
  season: SeasonRef;
  current: FormVersion | null;
  referenced: boolean;
  canEdit: boolean;
  draft: FormDefinition;
  /** Problems of the structured editor, by editor field name. */
  errors: Record<string, FieldError>;
  /** True when the draft differs from what is saved (after an add/remove/move button). */
  unsaved: boolean;
  jsonText: string;
  jsonErrors: { path: string; error: FieldError }[];
  copySources: Pick<SeasonRef, 'id' | 'name' | 'nameEn'>[];
  versions: { id: string; version: number; createdAt: Date }[];
  copyError?: FieldError;
  /** Why publishing the season was refused. */
  publishError?: FieldError;
  notice?: string;
}

/**
 * The season's publication: a draft is not public and takes no application; it is published here, once
 * its form is saved (a season whose call is over may be published without one, as history).
 */
function Publication(props: BuilderPageProps): JSX.Element {
  const { ctx, season, current } = props;
  const { locale } = ctx;
  if (season.publishedAt) {
    return (
      <p class="fr-badge fr-badge--success fr-mb-4w" safe>
        {t(locale, m.publishedOn, { date: formatDateTime(locale, season.publishedAt) })}
      </p>
    );
  }
  const needsForm = !current && season.call !== 'closed';
  return (
    <section class="fr-mb-4w" aria-labelledby="publication-title">
      <h2 id="publication-title" class="fr-h4" safe>
        {t(locale, m.publication)}
      </h2>
      <p class="fr-badge fr-badge--warning" safe>
        {t(locale, m.draftBadge)}
      </p>
      <p safe>{t(locale, m.draftText)}</p>
      {props.publishError ? (
        <div class="fr-alert fr-alert--error fr-mb-2w" role="alert">
          <p safe>{t(locale, props.publishError.message, props.publishError.params)}</p>
        </div>
      ) : needsForm ? (
        <p class="fr-text--sm" safe>
          {t(locale, m.publishNeedsForm)}
        </p>
      ) : (
        ''
      )}
      {props.canEdit ? (
        <form method="post" action={`/admin/saisons/${season.id}/publier`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="fr-btn fr-btn--icon-left fr-icon-send-plane-line" safe>
            {t(locale, season.call === 'open' ? m.publishAndOpen : m.publish)}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

/** The builder's fields by the last part of their name (`s0.q2.label_fr` → label_fr). */
const FIELD_NAMES: Record<string, Message> = {
  title_fr: m.titleFr,
  title_en: m.titleEn,
  description_fr: m.descriptionFr,
  description_en: m.descriptionEn,
  kind: m.kind,
  label_fr: m.labelFr,
  label_en: m.labelEn,
  help_fr: m.helpFr,
  help_en: m.helpEn,
  required: m.required,
  max_length: m.maxLength,
  min: m.min,
  max: m.max,
  options: m.options,
  file_types: m.fileTypes,
  file_max_mb: m.fileMaxMb,
  min_items: m.minItems,
  max_items: m.maxItems,
  condition_question: m.conditionQuestion,
  condition_values: m.conditionValues,
  add_child: m.addChildField,
};

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);

/** Where an editor field is, in words: `s0.title_fr` → "Rubrique 1, titre en français". */
export function editorFieldLabel(locale: Locale, key: string): string {
  const match = /^s(\d+)(?:\.q(\d+))?(?:\.c(\d+))?\.([a-z_]+)$/.exec(key);
  if (!match) return t(locale, m.generalProblem);
  const [, s, q, c, name] = match;
  const n = (index: string) => Number(index) + 1;
  const place =
    c !== undefined
      ? t(locale, m.whereChild, { s: n(s), q: n(q), c: n(c) })
      : q !== undefined
        ? t(locale, m.whereQuestion, { s: n(s), q: n(q) })
        : t(locale, m.section, { n: n(s) });
  const message = name === 'id' ? (q === undefined ? m.sectionId : m.questionId) : FIELD_NAMES[name];
  return message ? t(locale, m.where, { place, field: lowerFirst(t(locale, message)) }) : place;
}

/** /admin/saisons/:seasonId/formulaire: the current form, its editors, copying, and a link to the preview. */
export function FormBuilderPage(props: BuilderPageProps): JSX.Element {
  const { ctx, season, current } = props;
  const { locale } = ctx;
  const name = seasonName(locale, season);
  const labels = Object.fromEntries(Object.keys(props.errors).map((key) => [key, editorFieldLabel(locale, key)]));
  return (
    <Page ctx={ctx} title={t(locale, m.title, { season: name })}>
      <div class="fr-container fr-my-6w">
        <BuilderBreadcrumb locale={locale} season={season} />
        <h1 safe>{t(locale, m.title, { season: name })}</h1>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        <Publication {...props} />
        {current ? (
          <>
            <p safe>
              {t(locale, m.current, { version: current.version, date: formatDateTime(locale, current.createdAt) })}
            </p>
            <p class="fr-text--sm" safe>
              {t(locale, props.referenced ? m.referenced : m.notReferenced)}
            </p>
            <p>
              <a class="fr-link fr-icon-eye-line fr-link--icon-left" href={`${builderPath(season)}/apercu`} safe>
                {t(locale, m.preview)}
              </a>
            </p>
          </>
        ) : (
          <Alert kind="info" title={t(locale, m.noForm)} />
        )}
        {!props.canEdit ? <Alert kind="info" title={t(locale, m.onlyAllTracks)} /> : ''}
        {props.canEdit && !current ? (
          <form method="post" action={`${builderPath(season)}/defaut`} class="fr-mb-4w">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.startDefault)}
            </button>
          </form>
        ) : (
          ''
        )}
        {props.canEdit ? (
          <section class="fr-mb-6w" aria-labelledby="structured-title">
            <h2 id="structured-title" safe>
              {t(locale, m.structured)}
            </h2>
            {props.unsaved ? <Alert kind="warning" title={t(locale, m.unsaved)} /> : ''}
            <ErrorSummary locale={locale} errors={props.errors} labels={labels} />
            <StructuredEditor ctx={ctx} season={season} draft={props.draft} errors={props.errors} />
          </section>
        ) : (
          ''
        )}
        {props.versions.length > 1 ? <Versions {...props} /> : ''}
        {props.canEdit ? <JsonEditor {...props} /> : ''}
        {props.canEdit ? <CopyForm {...props} /> : ''}
      </div>
    </Page>
  );
}

function JsonEditor(props: BuilderPageProps): JSX.Element {
  const { locale } = props.ctx;
  const errorId = 'definition-json-error';
  return (
    <section class="fr-mb-6w" aria-labelledby="json-title">
      <h2 id="json-title" safe>
        {t(locale, m.jsonTitle)}
      </h2>
      {props.jsonErrors.length > 0 ? (
        <div class="fr-alert fr-alert--error fr-mb-2w" role="alert" id={errorId}>
          <h3 class="fr-alert__title" safe>
            {tCount(locale, formsCounts.problems, props.jsonErrors.length)}
          </h3>
          <ul>
            {props.jsonErrors.map((problem) => (
              <li>
                <code safe>{problem.path}</code>{' '}
                <span safe>{t(locale, problem.error.message, problem.error.params)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <form method="post" action={`${builderPath(props.season)}/json`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <div class={`fr-input-group${props.jsonErrors.length ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="definition">
            <span safe>{t(locale, m.jsonLabel)}</span>
            <span class="fr-hint-text" safe>
              {t(locale, m.jsonHint)}
            </span>
          </label>
          <textarea
            class="fr-input"
            id="definition"
            name="definition"
            rows="20"
            spellcheck="false"
            {...(props.jsonErrors.length ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {})}
            safe
          >
            {props.jsonText}
          </textarea>
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary" safe>
          {t(locale, m.jsonSave)}
        </button>
      </form>
    </section>
  );
}

function Versions(props: BuilderPageProps): JSX.Element {
  const { locale } = props.ctx;
  return (
    <section class="fr-mb-6w" aria-labelledby="versions-title">
      <h2 id="versions-title" safe>
        {t(locale, m.versions)}
      </h2>
      <DataTable
        caption={t(locale, m.versionsCaption)}
        hiddenCaption
        columns={[t(locale, m.colVersion), t(locale, m.colSaved), t(locale, m.colPreview)]}
      >
        {props.versions.map((v) => (
          <tr>
            <td>{v.version}</td>
            <td safe>{formatDateTime(locale, v.createdAt)}</td>
            <td>
              <a class="fr-link" href={`${builderPath(props.season)}/apercu?version=${v.id}`} safe>
                {t(locale, m.previewVersion, { version: v.version })}
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function CopyForm(props: BuilderPageProps): JSX.Element {
  const { locale } = props.ctx;
  return (
    <section class="fr-mb-6w" aria-labelledby="copy-title">
      <h2 id="copy-title" safe>
        {t(locale, m.copyTitle)}
      </h2>
      {props.copySources.length === 0 ? (
        <p safe>{t(locale, m.copyNone)}</p>
      ) : (
        <form method="post" action={`${builderPath(props.season)}/copie`}>
          <CsrfField token={props.ctx.csrfToken} />
          <p class="fr-text--sm" safe>
            {t(locale, m.copyWarning)}
          </p>
          <Select
            locale={locale}
            name="source"
            label={t(locale, m.copySource)}
            error={props.copyError}
            options={props.copySources.map((s) => ({ value: s.id, label: seasonName(locale, s) }))}
          />
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.copyButton)}
          </button>
        </form>
      )}
    </section>
  );
}

/** /admin/saisons/:seasonId/formulaire/apercu: the form as applicants see it; "check" shows what submit would say. */
export function FormPreviewPage({
  ctx,
  season,
  version,
  definition,
  answers,
  errors,
  checked,
}: {
  ctx: ViewContext;
  season: SeasonRef;
  version: { id: string; version: number };
  definition: FormDefinition;
  answers: Record<string, unknown>;
  errors: Record<string, FieldError>;
  checked: boolean;
}): JSX.Element {
  const { locale } = ctx;
  const name = seasonName(locale, season);
  return (
    <Page ctx={ctx} title={t(locale, m.previewTitle, { season: name })}>
      <div class="fr-container fr-my-6w">
        <BuilderBreadcrumb locale={locale} season={season} current={t(locale, m.preview)} />
        <h1 safe>{t(locale, m.previewTitle, { season: name })}</h1>
        <p safe>{`${t(locale, m.previewOf, { version: version.version })} ${t(locale, m.previewIntro)}`}</p>
        {checked && Object.keys(errors).length === 0 ? <Alert kind="success" title={t(locale, m.previewValid)} /> : ''}
        <ErrorSummary locale={locale} errors={errors} labels={fieldLabels(locale, definition, errors)} />
        <form
          method="post"
          action={`${builderPath(season)}/apercu?version=${version.id}`}
          enctype="application/x-www-form-urlencoded"
          novalidate
        >
          <CsrfField token={ctx.csrfToken} />
          <FormFields locale={locale} definition={definition} answers={answers as never} errors={errors} />
          <div class="fr-btns-group fr-btns-group--inline-md">
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.previewCheck)}
            </button>
            <a class="fr-btn fr-btn--secondary" href={builderPath(season)} safe>
              {t(locale, m.backToBuilder)}
            </a>
          </div>
        </form>
      </div>
    </Page>
  );
}

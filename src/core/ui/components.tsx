import type Html from '@kitajs/html';
import { type CurrentUser, coversEveryTrack } from '../auth/permissions.js';
import type { FieldError } from '../http/forms.js';
import { type Locale, t } from '../i18n/i18n.js';
import type { PublicNotice } from '../module.js';
import { uiMessages as m } from './messages.js';

export interface FieldProps {
  locale: Locale;
  name: string;
  label: string;
  value?: string;
  error?: FieldError;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'date' | 'url' | 'number' | 'datetime-local' | 'password' | 'search';
  autocomplete?: string;
  maxlength?: number;
}

function ErrorText({ locale, id, error }: { locale: Locale; id: string; error?: FieldError }): JSX.Element {
  if (!error) return '';
  return (
    <p id={id} class="fr-error-text" safe>
      {t(locale, error.message, error.params)}
    </p>
  );
}

function Label({ name, label, hint, required }: Pick<FieldProps, 'name' | 'label' | 'hint' | 'required'>): JSX.Element {
  return (
    <label class="fr-label" for={name}>
      <span safe>{label}</span>
      {required ? ' *' : ''}
      {hint ? (
        <span class="fr-hint-text" safe>
          {hint}
        </span>
      ) : (
        ''
      )}
    </label>
  );
}

/** A DSFR text input; an error is shown under the field and announced with aria-describedby. */
export function Input(props: FieldProps): JSX.Element {
  const errorId = `${props.name}-error`;
  return (
    <div class={`fr-input-group${props.error ? ' fr-input-group--error' : ''}`}>
      <Label {...props} />
      <input
        class={`fr-input${props.error ? ' fr-input--error' : ''}`}
        type={props.type ?? 'text'}
        id={props.name}
        name={props.name}
        value={props.value ?? ''}
        {...(props.required ? { required: true, 'aria-required': 'true' } : {})}
        {...(props.error ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {})}
        {...(props.autocomplete ? { autocomplete: props.autocomplete } : {})}
        {...(props.maxlength ? { maxlength: String(props.maxlength) } : {})}
      />
      <ErrorText locale={props.locale} id={errorId} error={props.error} />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }): JSX.Element {
  const errorId = `${props.name}-error`;
  return (
    <div class={`fr-input-group${props.error ? ' fr-input-group--error' : ''}`}>
      <Label {...props} />
      <textarea
        class={`fr-input${props.error ? ' fr-input--error' : ''}`}
        id={props.name}
        name={props.name}
        rows={String(props.rows ?? 8)}
        {...(props.required ? { required: true, 'aria-required': 'true' } : {})}
        {...(props.error ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {})}
        safe
      >
        {props.value ?? ''}
      </textarea>
      <ErrorText locale={props.locale} id={errorId} error={props.error} />
    </div>
  );
}

/**
 * A list of choices. When nothing is chosen yet (no option has the value) and no option says so,
 * an empty "choose" option comes first and is selected: a browser would otherwise show the first
 * option as chosen, and one click would send a choice (an opinion, a state, a role) nobody made.
 */
export function Select(props: FieldProps & { options: { value: string; label: string }[] }): JSX.Element {
  const errorId = `${props.name}-error`;
  const chosen = props.options.some((o) => o.value === (props.value ?? ''));
  const options = chosen ? props.options : [{ value: '', label: t(props.locale, m.chooseOption) }, ...props.options];
  const selected = chosen ? (props.value ?? '') : '';
  return (
    <div class={`fr-select-group${props.error ? ' fr-select-group--error' : ''}`}>
      <Label {...props} />
      <select
        class={`fr-select${props.error ? ' fr-select--error' : ''}`}
        id={props.name}
        name={props.name}
        {...(props.error ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {})}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === selected} safe>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText locale={props.locale} id={errorId} error={props.error} />
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; checked?: boolean; hint?: string }): JSX.Element {
  return (
    <div class="fr-checkbox-group">
      <input type="checkbox" id={props.name} name={props.name} checked={props.checked ?? false} />
      <label class="fr-label" for={props.name}>
        <span safe>{props.label}</span>
        {props.hint ? (
          <span class="fr-hint-text" safe>
            {props.hint}
          </span>
        ) : (
          ''
        )}
      </label>
    </div>
  );
}

/**
 * A DSFR radio group. The first button carries the field's id, so the error summary's link lands on it; an
 * error is shown under the group and announced with the legend.
 */
export function RadioGroup(props: {
  locale: Locale;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  value: string;
  error?: FieldError;
  required?: boolean;
  inline?: boolean;
}): JSX.Element {
  const { name, error } = props;
  const legendId = `${name}-legend`;
  return (
    <fieldset
      class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      aria-labelledby={error ? `${legendId} ${name}-error` : legendId}
      role={error ? 'group' : undefined}
    >
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={legendId}>
        <span safe>{props.legend}</span>
        {props.required ? ' *' : ''}
        {props.hint ? (
          <span class="fr-hint-text" safe>
            {props.hint}
          </span>
        ) : (
          ''
        )}
      </legend>
      {props.options.map((option, index) => {
        const id = index === 0 ? name : `${name}--${index}`;
        return (
          <div class={`fr-fieldset__element${props.inline ? ' fr-fieldset__element--inline' : ''}`}>
            <div class="fr-radio-group">
              <input type="radio" id={id} name={name} value={option.value} checked={props.value === option.value} />
              <label class="fr-label" for={id} safe>
                {option.label}
              </label>
            </div>
          </div>
        );
      })}
      <div class="fr-messages-group" aria-live="polite">
        <ErrorText locale={props.locale} id={`${name}-error`} error={error} />
      </div>
    </fieldset>
  );
}

/** One submit button of a ButtonGroup. */
export interface GroupButton {
  /** The button's text, already in the page's language. */
  label: string;
  /** What the button sends under the group's `name` (save, submit, accepter…). */
  value?: string;
  /** DSFR rank of the button; primary when not given. */
  priority?: 'primary' | 'secondary' | 'tertiary';
  /** Sends the form to another address than the form's own (e.g. submit rather than save a draft). */
  formaction?: string;
}

/**
 * A DSFR group of the submit buttons of one form (save / submit, accept / decline…): every button sends the
 * group's `name` with its own value, so the route knows which one was pressed. A button given as `false`
 * (one that does not apply on this page) is left out. `inline` says from which width the buttons stand side
 * by side (`md`: from medium screens; default: always).
 */
export function ButtonGroup(props: {
  name?: string;
  buttons: (GroupButton | false)[];
  inline?: 'always' | 'md';
  size?: 'sm';
  class?: string;
}): JSX.Element {
  const classes = [
    'fr-btns-group',
    props.inline === 'md' ? 'fr-btns-group--inline-md' : 'fr-btns-group--inline',
    props.size ? `fr-btns-group--${props.size}` : '',
    props.class ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <ul class={classes}>
      {props.buttons
        .filter((button): button is GroupButton => button !== false)
        .map((button) => (
          <li>
            <button
              type="submit"
              name={props.name}
              value={button.value}
              class={button.priority && button.priority !== 'primary' ? `fr-btn fr-btn--${button.priority}` : 'fr-btn'}
              formaction={button.formaction}
              safe
            >
              {button.label}
            </button>
          </li>
        ))}
    </ul>
  );
}

export function CsrfField({ token }: { token?: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={token ?? ''} />;
}

/** Lists every error at the top of a form, each linking to its field (RGAA 11.10). */
export function ErrorSummary({
  locale,
  errors,
  labels,
}: {
  locale: Locale;
  errors: Record<string, FieldError>;
  labels: Record<string, string>;
}): JSX.Element {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return (
    <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
      <h2 class="fr-alert__title" safe>
        {t(locale, m.errorSummary)}
      </h2>
      <ul>
        {entries.map(([field, error]) => (
          <li>
            <a href={`#${field}`} safe>
              {`${labels[field] ?? field} : ${t(locale, error.message, error.params)}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Alert({
  kind,
  title,
  text,
}: {
  kind: 'success' | 'error' | 'info' | 'warning';
  title: string;
  text?: string;
}): JSX.Element {
  return (
    <div class={`fr-alert fr-alert--${kind} fr-mb-4w`} role={kind === 'error' ? 'alert' : 'status'}>
      <h2 class="fr-alert__title" safe>
        {title}
      </h2>
      {text ? <p safe>{text}</p> : ''}
    </div>
  );
}

/**
 * A form or button of an action that concerns every track of a season (the app refuses it to staff
 * limited to some tracks, see `config.allTracks`): shown to people with rights on every track; the
 * others read why it is not there, or nothing when `quiet` (a button repeated in a table).
 */
export function EveryTrackOnly({
  user,
  locale,
  quiet,
  children,
}: {
  user: CurrentUser | null;
  locale: Locale;
  quiet?: boolean;
  children?: Html.Children;
}): JSX.Element {
  if (coversEveryTrack(user)) return <>{children}</>;
  if (quiet) return '';
  return (
    <p class="fr-hint-text" safe>
      {t(locale, m.everyTrackOnly)}
    </p>
  );
}

export function Breadcrumb({
  locale,
  items,
}: {
  locale: Locale;
  items: { label: string; href?: string }[];
}): JSX.Element {
  return (
    <nav class="fr-breadcrumb" aria-label={t(locale, m.breadcrumb)}>
      <button type="button" class="fr-breadcrumb__button" aria-expanded="false" aria-controls="breadcrumb" safe>
        {t(locale, m.showBreadcrumb)}
      </button>
      <div class="fr-collapse" id="breadcrumb">
        <ol class="fr-breadcrumb__list">
          {items.map((item, i) =>
            item.href && i < items.length - 1 ? (
              <li>
                <a class="fr-breadcrumb__link" href={item.href} safe>
                  {item.label}
                </a>
              </li>
            ) : (
              <li>
                <a class="fr-breadcrumb__link" aria-current="page" safe>
                  {item.label}
                </a>
              </li>
            ),
          )}
        </ol>
      </div>
    </nav>
  );
}

/** DSFR pagination; `href(n)` builds the link of page n (keeping the filters). */
export function Pagination({
  locale,
  page,
  pages,
  href,
}: {
  locale: Locale;
  page: number;
  pages: number;
  href: (n: number) => string;
}): JSX.Element {
  if (pages <= 1) return '';
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === pages || Math.abs(n - page) <= 2,
  );
  const link = (n: number, cls: string, label: string, text: string) =>
    n >= 1 && n <= pages && n !== page ? (
      <a class={`fr-pagination__link ${cls}`} href={href(n)} title={label} safe>
        {text}
      </a>
    ) : (
      <a class={`fr-pagination__link ${cls}`} aria-disabled="true" role="link" safe>
        {text}
      </a>
    );
  return (
    <nav class="fr-pagination" aria-label={t(locale, m.pagination)}>
      <ul class="fr-pagination__list">
        <li>{link(1, 'fr-pagination__link--first', t(locale, m.firstPage), t(locale, m.firstPage))}</li>
        <li>
          {link(
            page - 1,
            'fr-pagination__link--prev fr-pagination__link--lg-label',
            t(locale, m.previousPage),
            t(locale, m.previousPage),
          )}
        </li>
        {numbers.map((n) => (
          <li>
            {n === page ? (
              <a class="fr-pagination__link" aria-current="page" title={t(locale, m.page, { n })}>
                {n}
              </a>
            ) : (
              <a class="fr-pagination__link" href={href(n)} title={t(locale, m.page, { n })}>
                {n}
              </a>
            )}
          </li>
        ))}
        <li>
          {link(
            page + 1,
            'fr-pagination__link--next fr-pagination__link--lg-label',
            t(locale, m.nextPage),
            t(locale, m.nextPage),
          )}
        </li>
        <li>{link(pages, 'fr-pagination__link--last', t(locale, m.lastPage), t(locale, m.lastPage))}</li>
      </ul>
    </nav>
  );
}

/**
 * A DSFR table with its caption and column headers; `children` are the body rows. The table is the
 * scrolling region on narrow screens, so it takes keyboard focus (tabindex 0) to be scrollable
 * without a mouse (axe: scrollable-region-focusable).
 */
export function DataTable({
  caption,
  columns,
  hiddenCaption,
  children,
}: {
  caption: string;
  columns: string[];
  /** The caption is read by screen readers only (a visible heading already says it). */
  hiddenCaption?: boolean;
  children?: Html.Children;
}): JSX.Element {
  return (
    <div class="fr-table">
      <table tabindex="0">
        <caption class={hiddenCaption ? 'fr-sr-only' : undefined} safe>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" safe>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * Other modules' notices on a public page (core/site.ts `publicNoticesFor`): each open call as a callout with its
 * button, then the published records as a list of links under `recordsHeading` (a heading of `level`).
 */
export function PublicNotices({
  locale,
  notices,
  level = 2,
}: {
  locale: Locale;
  notices: PublicNotice[];
  level?: 2 | 3;
}): JSX.Element {
  const calls = notices.filter((n) => n.kind === 'call');
  const records = notices.filter((n) => n.kind === 'record');
  const Heading = `h${level}` as 'h2' | 'h3';
  return (
    <>
      {calls.map((call) => (
        <div class="fr-callout fr-icon-team-line fr-mb-4w">
          <Heading class="fr-callout__title" safe>
            {call.title}
          </Heading>
          {call.text ? (
            <p class="fr-callout__text" safe>
              {call.text}
            </p>
          ) : (
            ''
          )}
          <a class="fr-btn" href={call.href} safe>
            {call.action ?? call.title}
          </a>
        </div>
      ))}
      {records.length > 0 ? (
        <section class="fr-mb-4w">
          <Heading safe>{t(locale, m.publishedRecords)}</Heading>
          <ul>
            {records.map((record) => (
              <li>
                <a href={record.href} safe>
                  {record.title}
                </a>
                {record.text ? <span safe>{` — ${record.text}`}</span> : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </>
  );
}

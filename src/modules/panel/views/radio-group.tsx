import type { FieldError } from '../../../core/http/forms.js';
import { t, type Locale } from '../../../core/i18n/i18n.js';

/** A required DSFR radio group; its error is shown under it and announced with the legend. */
export function RadioGroup({ locale, name, legend, options, value, error, inline }: { locale: Locale; name: string; legend: string; options: { value: string; label: string }[]; value: string; error?: FieldError; inline?: boolean }): JSX.Element {
  return (
    <fieldset
      class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id={name}
      aria-labelledby={error ? `${name}-legend ${name}-error` : `${name}-legend`}
      role={error ? 'group' : undefined}
    >
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`${name}-legend`}>
        <span safe>{legend}</span> *
      </legend>
      {options.map((o, i) => (
        <div class={`fr-fieldset__element${inline ? ' fr-fieldset__element--inline' : ''}`}>
          <div class="fr-radio-group">
            <input type="radio" id={`${name}-${i}`} name={name} value={o.value} checked={o.value === value} />
            <label class="fr-label" for={`${name}-${i}`} safe>
              {o.label}
            </label>
          </div>
        </div>
      ))}
      {error ? (
        <div class="fr-messages-group" id={`${name}-error`} aria-live="assertive">
          <p class="fr-message fr-message--error" safe>
            {t(locale, error.message, error.params)}
          </p>
        </div>
      ) : (
        ''
      )}
    </fieldset>
  );
}

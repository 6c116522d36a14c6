import { type Locale, t } from '../../../core/i18n/i18n.js';
import { formFieldMessages as fm } from './messages.js';
import type { Bilingual } from './model.js';

/*
 * A form's texts are written in French, and in English when staff gave a translation (it is optional).
 * An English reader of a text with no English gets the French, marked as such: `lang="fr"` for screen
 * readers and a visible "(in French)".
 */

/** The text to show in `locale`, and whether it is the French standing in for a missing English one. */
export function textIn(locale: Locale, value: Bilingual | undefined): { text: string; fallback: boolean } {
  if (!value) return { text: '', fallback: false };
  const wanted = locale === 'en' ? value.en?.trim() : value.fr;
  if (wanted) return { text: wanted, fallback: false };
  return { text: value.fr ?? '', fallback: locale !== 'fr' && Boolean(value.fr) };
}

/** The plain text (for a title attribute, an error summary, a CSV). */
export function plainText(locale: Locale, value: Bilingual | undefined): string {
  return textIn(locale, value).text;
}

/** The text as a span: the French fallback carries lang="fr" and a visible marker. */
export function BilingualText({ locale, value }: { locale: Locale; value: Bilingual | undefined }): JSX.Element {
  const { text, fallback } = textIn(locale, value);
  if (!fallback) return <span safe>{text}</span>;
  return (
    <>
      <span lang="fr" safe>
        {text}
      </span>{' '}
      <span class="fr-text--xs" safe>
        {`(${t(locale, fm.inFrench)})`}
      </span>
    </>
  );
}

import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../../core/ui/components.js';
import { SUPPORT_LEVERS } from '../../../seasons/index.js';
import type { CommonsKind, CommonsMaturity } from '../../tables.js';
import { KINDS, MATURITIES } from '../commons-input.js';
import { licencesIn } from '../licence.js';
import { catalogueMessages as m } from '../messages.js';

export const CATALOGUE_PATH = '/cooperation/communs';
export const STAFF_PATH = '/admin/cooperation/communs';

export const commonsHref = (slug: string) => `${CATALOGUE_PATH}/${slug}`;

export function kindLabel(locale: Locale, kind: CommonsKind): string {
  return t(locale, m[`kind_${kind}`]);
}

export function maturityLabel(locale: Locale, maturity: CommonsMaturity): string {
  return t(locale, m[`maturity_${maturity}`]);
}

export function leverLabel(locale: Locale, code: string): string {
  const lever = SUPPORT_LEVERS.find((l) => l.code === code);
  if (!lever) return code;
  return locale === 'en' ? lever.labelEn : lever.label;
}

export const kindOptions = (locale: Locale) => KINDS.map((k) => ({ value: k, label: kindLabel(locale, k) }));
export const maturityOptions = (locale: Locale) =>
  MATURITIES.map((k) => ({ value: k, label: maturityLabel(locale, k) }));
export const leverOptions = (locale: Locale) =>
  SUPPORT_LEVERS.map((l) => ({ value: l.code, label: locale === 'en' ? l.labelEn : l.label }));

/** A text someone typed, as paragraphs (blank lines part them; single line breaks are kept by CSS). */
export function Paragraphs({ text, class: cls }: { text: string; class?: string }): JSX.Element {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {parts.map((part) => (
        <p class={`acc-mail-text${cls ? ` ${cls}` : ''}`} safe>
          {part}
        </p>
      ))}
    </>
  );
}

/** A licence expression with the full SPDX name of each licence in it, linked to its SPDX page. */
export function LicenceText({ locale, licence }: { locale: Locale; licence: string | null }): JSX.Element {
  if (!licence) return <span safe>{t(locale, m.licenceUnknown)}</span>;
  const named = licencesIn(licence);
  return (
    <>
      <code safe>{licence}</code>
      {named.length > 0 ? (
        <>
          {' ('}
          {named.map((info, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a
                class="fr-link"
                href={info.url}
                target="_blank"
                rel="noopener"
                title={`${info.name} - ${t(locale, m.newWindow)}`}
                safe
              >
                {info.name}
              </a>
            </>
          ))}
          {')'}
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** The staff pages' breadcrumb: Administration › Cooperation space › … */
export function StaffBreadcrumb(props: { locale: Locale; trail: { label: string; href?: string }[] }): JSX.Element {
  const { locale } = props;
  return (
    <Breadcrumb
      locale={locale}
      items={[
        { label: t(locale, m.administration), href: '/admin' },
        { label: t(locale, m.cooperationAdmin), href: '/admin/cooperation' },
        ...props.trail,
      ]}
    />
  );
}

import type Html from '@kitajs/html';
import type { FieldError } from '../../../core/http/forms.js';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import { Alert, Breadcrumb } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { juryMessages as m } from '../messages.js';

/** The frame of the staff jury pages: breadcrumb, title, notice and the links between the jury's pages. */

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

export interface SeasonRef {
  id: string;
  name: string;
}

export const juryPath = (seasonId: string) => `/admin/saisons/${seasonId}/jury`;

export function Crumbs({
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
    { label: t(locale, m.seasons), href: '/admin/jury' },
    { label: t(locale, m.juryTitle, { season: season.name }), href: juryPath(season.id) },
  ];
  if (current) items.push({ label: current, href: '' });
  return <Breadcrumb locale={locale} items={items} />;
}

export function Shell(props: {
  ctx: ViewContext;
  season: SeasonRef;
  title: string;
  crumb?: string;
  notice?: string;
  children?: Html.Children;
}): JSX.Element {
  return (
    <Page ctx={props.ctx} title={props.title}>
      <div class="fr-container fr-my-6w">
        <Crumbs locale={props.ctx.locale} season={props.season} current={props.crumb} />
        <h1 safe>{props.title}</h1>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        {props.children}
      </div>
    </Page>
  );
}

export function Nav({ locale, season }: { locale: Locale; season: SeasonRef }): JSX.Element {
  const base = juryPath(season.id);
  return (
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <li>
        <a class="fr-btn fr-btn--secondary" href={`${base}/conflits`} safe>
          {t(locale, m.linkConflicts)}
        </a>
      </li>
      <li>
        <a class="fr-btn fr-btn--secondary" href={`${base}/phases`} safe>
          {t(locale, m.linkPhases)}
        </a>
      </li>
      <li>
        <a class="fr-btn fr-btn--secondary" href={`${base}/affectation`} safe>
          {t(locale, m.linkAssignment)}
        </a>
      </li>
    </ul>
  );
}

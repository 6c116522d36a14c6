import type Html from '@kitajs/html';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { commonsSiteMessages as m } from '../messages.js';

/**
 * The frame of the cooperation space's public pages: a breadcrumb from the space's home, the page's h1, and a
 * side menu of the space's sections (commons, administrations, use cases, needs and offers, experiments,
 * and the signed-in person's own space). Each section is owned by one part of the module.
 */

export type CooperationSection =
  | 'home'
  | 'commons'
  | 'administrations'
  | 'use-cases'
  | 'needs'
  | 'experiments'
  | 'mine';

/** The public address of each section. */
export const COOPERATION_HREFS: Record<CooperationSection, string> = {
  home: '/cooperation',
  commons: '/cooperation/communs',
  administrations: '/cooperation/administrations',
  'use-cases': '/cooperation/cas-d-usage',
  needs: '/cooperation/besoins',
  experiments: '/cooperation/experimentations',
  mine: '/cooperation/mon-espace',
};

const SECTIONS: { section: CooperationSection; label: (typeof m)[keyof typeof m] }[] = [
  { section: 'home', label: m.home },
  { section: 'commons', label: m.commons },
  { section: 'administrations', label: m.administrations },
  { section: 'use-cases', label: m.useCases },
  { section: 'needs', label: m.needs },
  { section: 'experiments', label: m.experiments },
  { section: 'mine', label: m.mySpace },
];

function SectionMenu(props: { locale: Locale; current: CooperationSection; signedIn: boolean }): JSX.Element {
  const { locale } = props;
  const sections = SECTIONS.filter((s) => s.section !== 'mine' || props.signedIn);
  return (
    <nav class="fr-sidemenu" aria-labelledby="cooperation-menu-title">
      <div class="fr-sidemenu__inner">
        <button type="button" class="fr-sidemenu__btn" aria-controls="cooperation-menu" aria-expanded="false" safe>
          {t(locale, m.sectionsNav)}
        </button>
        <div class="fr-collapse" id="cooperation-menu">
          <p class="fr-sidemenu__title" id="cooperation-menu-title" safe>
            {t(locale, m.cooperation)}
          </p>
          <ul class="fr-sidemenu__list">
            {sections.map((s) => {
              const current = s.section === props.current;
              return (
                <li class={`fr-sidemenu__item${current ? ' fr-sidemenu__item--active' : ''}`}>
                  <a
                    class="fr-sidemenu__link"
                    href={COOPERATION_HREFS[s.section]}
                    {...(current ? { 'aria-current': 'page' } : {})}
                    safe
                  >
                    {t(locale, s.label)}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </nav>
  );
}

/**
 * A public page of the cooperation space. `crumbs` are the steps between the section and this page (the
 * section itself is added when the page is not the section's own); `head` carries feeds (Atom links).
 */
export function CooperationPage(props: {
  ctx: ViewContext;
  section: CooperationSection;
  title: string;
  crumbs?: { label: string; href?: string }[];
  description?: string;
  head?: Html.Children;
  children?: Html.Children;
}): JSX.Element {
  const { ctx, section } = props;
  const { locale } = ctx;
  const sectionLabel = t(locale, SECTIONS.find((s) => s.section === section)?.label ?? m.cooperation);
  const items = [
    ...(section === 'home' ? [] : [{ label: t(locale, m.cooperation), href: COOPERATION_HREFS.home }]),
    ...(props.crumbs ? [{ label: sectionLabel, href: COOPERATION_HREFS[section] }, ...props.crumbs] : []),
    ...(props.crumbs ? [] : [{ label: props.title }]),
  ];
  return (
    <Page ctx={ctx} title={props.title} description={props.description} head={props.head}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb locale={locale} items={items} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">
            <SectionMenu locale={locale} current={section} signedIn={ctx.user !== null} />
          </div>
          <div class="fr-col-12 fr-col-md-9">
            <h1 safe>{props.title}</h1>
            {props.children}
          </div>
        </div>
      </div>
    </Page>
  );
}

import type Html from '@kitajs/html';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { LaureateSpace } from '../laureate-space.js';
import { supportSiteMessages as m } from '../messages.js';

/**
 * The frame every page of a laureate space shares, on the team's side (/espace-laureat/:id/…) and the
 * staff's (/admin/accompagnement/laureats/:id/…): the breadcrumb, the laureate's title, and a side menu of
 * the space's sections. Each section is its own page (works without JavaScript), owned by one topic's
 * routes; the grant's section is the grants module's and shows only to who may see it.
 */

export type SpaceSide = 'team' | 'staff';
export type SpaceSection = 'overview' | 'milestones' | 'sessions' | 'introductions' | 'timeline' | 'grant' | 'impact';

/** The URL of a section of a space, on one side. */
export function spaceHref(side: SpaceSide, applicationId: string, section: SpaceSection = 'overview'): string {
  if (section === 'grant')
    return side === 'team'
      ? `/espace-laureat/${applicationId}/subvention`
      : `/admin/subventions/laureats/${applicationId}`;
  // The impact module's section (indicators and values): on the staff side, its page of the laureate's record.
  if (section === 'impact')
    return side === 'team' ? `/espace-laureat/${applicationId}/impact` : `/admin/impact/espaces/${applicationId}`;
  const base = side === 'team' ? `/espace-laureat/${applicationId}` : `/admin/accompagnement/laureats/${applicationId}`;
  const path = {
    overview: '',
    milestones: '/jalons',
    sessions: '/seances',
    introductions: '/mises-en-relation',
    timeline: '/fil',
  }[section];
  return `${base}${path}`;
}

const SECTIONS: { section: SpaceSection; label: (typeof m)[keyof typeof m] }[] = [
  { section: 'overview', label: m.tabOverview },
  { section: 'milestones', label: m.tabMilestones },
  { section: 'sessions', label: m.tabSessions },
  { section: 'introductions', label: m.tabIntroductions },
  { section: 'timeline', label: m.tabTimeline },
  { section: 'grant', label: m.tabGrant },
  { section: 'impact', label: m.tabImpact },
];

function SpaceMenu(props: {
  locale: Locale;
  side: SpaceSide;
  applicationId: string;
  current: SpaceSection;
  showGrant: boolean;
}): JSX.Element {
  const { locale } = props;
  const sections = SECTIONS.filter((s) => s.section !== 'grant' || props.showGrant);
  return (
    <nav class="fr-sidemenu" aria-labelledby="space-menu-title">
      <div class="fr-sidemenu__inner">
        <button type="button" class="fr-sidemenu__btn" aria-controls="space-menu" aria-expanded="false" safe>
          {t(locale, m.spaceNav)}
        </button>
        <div class="fr-collapse" id="space-menu">
          <p class="fr-sidemenu__title" id="space-menu-title" safe>
            {t(locale, m.spaceNav)}
          </p>
          <ul class="fr-sidemenu__list">
            {sections.map((s) => {
              const current = s.section === props.current;
              return (
                <li class={`fr-sidemenu__item${current ? ' fr-sidemenu__item--active' : ''}`}>
                  <a
                    class="fr-sidemenu__link"
                    href={spaceHref(props.side, props.applicationId, s.section)}
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
 * A page of a laureate space. `title` is the section's heading (the page's h1 is the laureate's title);
 * `showGrant` shows the grant's section in the menu (the team always; staff with grants.manage).
 */
export function SpacePage(props: {
  ctx: ViewContext;
  side: SpaceSide;
  space: LaureateSpace;
  section: SpaceSection;
  title: string;
  showGrant: boolean;
  children?: Html.Children;
}): JSX.Element {
  const { ctx, side, space } = props;
  const { locale } = ctx;
  const crumbs =
    side === 'team'
      ? [{ label: t(locale, m.mySpace), href: '/espace-laureat' }]
      : [
          { label: t(locale, m.administration), href: '/admin' },
          { label: t(locale, m.support), href: '/admin/accompagnement' },
        ];
  return (
    <Page ctx={ctx} title={`${props.title} — ${space.application.title}`}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb locale={locale} items={[...crumbs, { label: space.application.title }]} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">
            <SpaceMenu
              locale={locale}
              side={side}
              applicationId={space.application.id}
              current={props.section}
              showGrant={props.showGrant}
            />
          </div>
          <div class="fr-col-12 fr-col-md-9">
            <h1 safe>{space.application.title}</h1>
            <h2 safe>{props.title}</h2>
            {props.children}
          </div>
        </div>
      </div>
    </Page>
  );
}

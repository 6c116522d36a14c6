import type Html from '@kitajs/html';
import { hasPermission } from '../auth/permissions.js';
import { escapeT, type Locale, t } from '../i18n/i18n.js';
import { dsfrAsset, staticAsset } from './assets.js';
import { uiMessages as m } from './messages.js';
import type { ViewContext } from './view-context.js';

export interface PageProps {
  ctx: ViewContext;
  title: string;
  description?: string;
  /** Extra head elements (feeds, canonical link). */
  head?: Html.Children;
  children?: Html.Children;
}

/**
 * The Marianne weight most of the first screen is written in (body text), asked for beside the style sheets instead
 * of once they are parsed, so the text rarely has to swap fonts under the reader's eyes. Bold and medium are left to
 * the style sheet: on a slow link each preloaded font (~42 KB) takes bandwidth from the style sheets that hold back
 * the first paint, ~0.2 s of Largest Contentful Paint each on "Slow 4G" (docs/decisions/0017). `crossorigin`
 * because fonts are always fetched in CORS mode; without it the preloaded copy would not be used.
 */
const FONT_PRELOAD = (
  <link
    rel="preload"
    href={dsfrAsset('fonts/Marianne-Regular.woff2')}
    as="font"
    type="font/woff2"
    crossorigin="anonymous"
  />
);

/** For browsers without ES modules; written out because @kitajs/html's types have no `nomodule` (the URL is hex). */
const NOMODULE_SCRIPT: JSX.Element = `<script nomodule src="${dsfrAsset('dsfr.nomodule.min.js')}"></script>`;

function isCurrent(path: string, href: string): boolean {
  return path === href || path.startsWith(`${href}/`);
}

function Header({ ctx }: { ctx: ViewContext }): JSX.Element {
  const { locale } = ctx;
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  const switchHref = `/langue/${other}?retour=${encodeURIComponent(ctx.path)}`;
  return (
    <header class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <p class="fr-logo">
                    République
                    <br />
                    Française
                  </p>
                </div>
                <div class="fr-header__navbar">
                  <button
                    type="button"
                    class="fr-btn--menu fr-btn"
                    data-fr-opened="false"
                    aria-controls="modal-menu"
                    aria-haspopup="menu"
                    id="button-menu"
                    title={t(locale, m.menu)}
                    safe
                  >
                    {t(locale, m.menu)}
                  </button>
                </div>
              </div>
              <div class="fr-header__service">
                <a href="/" title={t(locale, m.homeLinkTitle)}>
                  <p class="fr-header__service-title" safe>
                    {t(locale, m.serviceTitle)}
                  </p>
                </a>
                <p class="fr-header__service-tagline" safe>
                  {t(locale, m.serviceTagline)}
                </p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">
                <ToolLinks ctx={ctx} switchHref={switchHref} other={other} />
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-header__menu fr-modal" id="modal-menu" aria-labelledby="button-menu">
        <div class="fr-container">
          <button type="button" class="fr-btn--close fr-btn" aria-controls="modal-menu" title={t(locale, m.close)} safe>
            {t(locale, m.close)}
          </button>
          <div class="fr-header__menu-links"></div>
          <nav class="fr-nav" id="header-navigation" aria-label={t(locale, m.mainMenu)}>
            <ul class="fr-nav__list">
              <li class="fr-nav__item">
                <a class="fr-nav__link" href="/" {...(ctx.path === '/' ? { 'aria-current': 'page' } : {})} safe>
                  {t(locale, m.homeTitle)}
                </a>
              </li>
              {ctx.site.nav.map((item) => (
                <li class="fr-nav__item">
                  <a
                    class="fr-nav__link"
                    href={item.href}
                    {...(isCurrent(ctx.path, item.href) ? { 'aria-current': 'page' } : {})}
                    safe
                  >
                    {t(locale, item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

function ToolLinks({ ctx, switchHref, other }: { ctx: ViewContext; switchHref: string; other: Locale }): JSX.Element {
  const { locale, user } = ctx;
  return (
    <ul class="fr-btns-group">
      <li>
        <a
          class="fr-btn fr-icon-translate-2"
          href={switchHref}
          lang={other}
          hreflang={other}
          title={t(locale, m.otherLanguageTitle)}
          safe
        >
          {t(locale, m.otherLanguage)}
        </a>
      </li>
      {user ? (
        <>
          {ctx.site.headerLinks
            .filter((link) => hasPermission(user, link.permission))
            .map((link) => (
              <li>
                <a class={`fr-btn ${link.icon}`} href={link.href} safe>
                  {t(locale, link.label)}
                </a>
              </li>
            ))}
          <li>
            <form method="post" action="/deconnexion">
              <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
              <button type="submit" class="fr-btn fr-icon-logout-box-r-line" safe>
                {t(locale, m.signOut)}
              </button>
            </form>
          </li>
        </>
      ) : (
        <li>
          <a class="fr-btn fr-icon-lock-line" href="/connexion" safe>
            {t(locale, m.signIn)}
          </a>
        </li>
      )}
    </ul>
  );
}

function Footer({ locale }: { locale: Locale }): JSX.Element {
  const stateLinks = ['info.gouv.fr', 'service-public.fr', 'legifrance.gouv.fr', 'data.gouv.fr'];
  return (
    <footer class="fr-footer" role="contentinfo" id="footer">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title={t(locale, m.homeLinkTitle)}>
              <p class="fr-logo">
                République
                <br />
                Française
              </p>
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc" safe>
              {t(locale, m.footerDesc)}
            </p>
            <ul class="fr-footer__content-list">
              {stateLinks.map((host) => (
                <li class="fr-footer__content-item">
                  <a
                    class="fr-footer__content-link"
                    target="_blank"
                    rel="noopener"
                    title={`${host} - ${t(locale, m.newWindow)}`}
                    href={`https://${host}`}
                    safe
                  >
                    {host}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/plan-du-site" safe>
                {t(locale, m.siteMap)}
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/accessibilite" safe>
                {t(locale, m.accessibility)}
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/mentions-legales" safe>
                {t(locale, m.legal)}
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/donnees-personnelles" safe>
                {t(locale, m.personalData)}
              </a>
            </li>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>
              {escapeT(locale, m.license)}{' '}
              <a
                href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"
                target="_blank"
                rel="noopener"
                title={`${t(locale, m.licenseName)} - ${t(locale, m.newWindow)}`}
                safe
              >
                {t(locale, m.licenseName)}
              </a>
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** The DSFR page frame: skip links, header with the service name, main content, State footer. */
export function Page({ ctx, title, description, head, children }: PageProps): JSX.Element {
  const { locale } = ctx;
  const fullTitle = `${title} - ${t(locale, m.serviceTitle)}`;
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale} data-fr-scheme="system">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
          <title safe>{fullTitle}</title>
          {description ? <meta name="description" content={description} /> : ''}
          <link rel="stylesheet" href={dsfrAsset('dsfr.min.css')} />
          <link rel="stylesheet" href={dsfrAsset('utility/icons/icons.min.css')} />
          <link rel="stylesheet" href={staticAsset('app.css')} />
          {FONT_PRELOAD}
          <link rel="icon" href={dsfrAsset('favicon/favicon.svg')} type="image/svg+xml" />
          {head}
        </head>
        <body>
          <div class="fr-skiplinks">
            <nav class="fr-container" aria-label={t(locale, m.quickAccess)}>
              <ul class="fr-skiplinks__list">
                <li>
                  <a class="fr-link" href="#contenu" safe>
                    {t(locale, m.skipContent)}
                  </a>
                </li>
                <li>
                  <a class="fr-link" href="#header-navigation" safe>
                    {t(locale, m.skipMenu)}
                  </a>
                </li>
                <li>
                  <a class="fr-link" href="#footer" safe>
                    {t(locale, m.skipFooter)}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
          <Header ctx={ctx} />
          <main id="contenu" tabindex="-1">
            {children}
          </main>
          <Footer locale={locale} />
          <script type="module" src={dsfrAsset('dsfr.module.min.js')}></script>
          {NOMODULE_SCRIPT}
          <script type="module" src={staticAsset('app.js')}></script>
        </body>
      </html>
    </>
  );
}

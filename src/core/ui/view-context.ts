import type { CurrentUser } from '../auth/permissions.js';
import type { Locale } from '../i18n/i18n.js';
import type { Site } from '../site.js';

/** What every page needs to know about the request it answers. */
export interface ViewContext {
  locale: Locale;
  user: CurrentUser | null;
  /** The request path (no query), for the current menu item and the language switch. */
  path: string;
  /** The CSRF token for forms; absent on cached public pages, which hold no form. */
  csrfToken?: string;
  /** The modules' menu, header links, site map and dashboard tiles, which the shared pages render. */
  site: Site;
}

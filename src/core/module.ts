import type { Transaction } from 'kysely';
import type { Actor, AuditRecorder } from './audit/audit.js';
import type { CurrentUser, Permission, Role } from './auth/permissions.js';
import type { DB } from './db/schema.js';
import type { App } from './http/route-schemas.js';
import type { CountMessage, Locale, Message } from './i18n/i18n.js';
import type { JobHandler } from './jobs/worker.js';
import type { Services } from './services.js';

/** The person whose data is exported (right of access) or erased (right to erasure). */
export interface DataSubject {
  id: string;
  email: string;
}

/**
 * Where a module erases its part of a person's data: inside the one transaction of the whole erasure, so
 * the account is erased entirely or not at all. The account row itself stays, as a pseudonym
 * (`pseudonymOf`, core/auth/pseudonym.ts): every record pointing at it remains valid.
 */
export interface ErasureContext {
  services: Services;
  trx: Transaction<DB>;
  actor: Actor;
  now: Date;
  /** Records the module's own events, if it needs any beyond the erasure's (which lists each part's counts). */
  audit: AuditRecorder;
}

/** What a part did, as counts by kind (`{ draftsDeleted: 2, reviewsKept: 3 }`): recorded in the audit, so never personal data. */
export type ErasureCounts = Record<string, number>;

/**
 * A module's part of a person's data. The accounts module's "my data" pages gather every part into the
 * export file, and erase every part in the transaction that pseudonymises the account.
 */
export interface PersonalDataPart {
  /** The key of this part in the export file. */
  name: string;
  export(services: Services, person: DataSubject): Promise<unknown>;
  /**
   * Deletes what the programme does not need (drafts never submitted, personal details) and strips the
   * person from what it must keep (submitted applications, reviews…), which stays attributed to the
   * pseudonymous account. Absent when the module holds nothing but records pointing at the account.
   */
  erase?(context: ErasureContext, person: DataSubject): Promise<ErasureCounts>;
}

/** A CLI sub-command a module offers (`npx accelerateur <name> …`). Returns the exit code. */
export interface Command {
  description: string;
  /**
   * Set, to the defining file's `import.meta.url`, by a command that works on files alone (no database, no
   * app): the CLI then loads only that file and opens nothing, so it answers in a fraction of a second.
   * Its `run` gets services that throw when touched. The file must export the command (alone or in a record).
   */
  standalone?: string;
  run(args: string[], services: Services): Promise<number>;
}

/**
 * Entries a module adds to the pages every module shares (menu, header, site map, dashboard) are sorted by
 * `order` across modules, so a module places its links among the others' without naming them. The
 * numbers in use are tens (10, 20…): a newcomer takes a free one in between.
 */
interface Ordered {
  order: number;
}

/** A link of the main menu of public pages (core/ui/layout.tsx). */
export interface NavEntry extends Ordered {
  href: string;
  label: Message;
}

/** A button of the header for signed-in people: the door to a role's area, shown to who holds `permission`. */
export interface HeaderLink extends Ordered {
  href: string;
  label: Message;
  /** The DSFR icon class (`fr-icon-…`). */
  icon: string;
  permission: Permission;
}

/** A link of the site map (/plan-du-site): among the main pages, or among the legal information. */
export interface SiteMapEntry extends Ordered {
  href: string;
  label: Message;
  section: 'main' | 'legal';
}

/** A tile of the staff dashboard (/admin), shown to who holds `permission`. */
export interface DashboardTile extends Ordered {
  href: string;
  title: Message;
  text: Message;
  permission: Permission;
  /**
   * What waits for the person behind this tile (applications to instruct, values to approve, mails that
   * failed…), shown with `countLabel` in its plural form ({n}); a tile that stands for work to do has one.
   * Undefined shows none. Runs on each visit of /admin: keep it to one cheap query.
   */
  count?(services: Services, user: CurrentUser): Promise<number | undefined>;
  countLabel?: CountMessage;
}

/** Where a public notice is shown: the home page, or one season's page. */
export type NoticePlace = { page: 'home' } | { page: 'season'; seasonId: string };

/**
 * What a module announces on the public pages other modules render (the home page, a season's page): an open
 * call (`call`, shown as a callout with its button) or a published record to read (`record`, listed), e.g. the
 * citizen panel's call for volunteers and its draws' transparency pages. Text is already in the page's locale.
 */
export interface PublicNotice {
  kind: 'call' | 'record';
  title: string;
  text?: string;
  href: string;
  /** The button's text (a call's); a record's link is its title. */
  action?: string;
}

/**
 * A page the browser accessibility test visits (test/browser/accessibility.test.ts), one per page
 * template the module renders: a fixed URL, or the first link matching `link` on the `listing` page.
 */
export interface ExamplePage {
  name: string;
  url?: string;
  /**
   * `next`: the links to follow, one after the other, from the page `link` found, for a template two or more
   * steps from a fixed URL.
   */
  from?: { listing: string; link: RegExp; next?: RegExp | RegExp[] };
  /** Visited signed in as an admin. */
  staff?: boolean;
  /** The status the page must answer (200 unless said). */
  status?: number;
}

/**
 * A module's manifest: everything it contributes, exported from its index.ts (Decidim's component
 * manifest is the model). Modules are listed in src/modules/index.ts, which the entry points (main.ts,
 * cli.ts) hand to buildApp; core and app.ts never name a module.
 */
export interface Module {
  name: string;
  /**
   * The permissions the module's routes name, with the roles granted them: merged into the one table
   * deny-by-default reads. Declare the names to the compiler too (see PermissionRegistry).
   */
  permissions?: Partial<Record<Permission, readonly Role[]>>;
  /** The folder of the module's migrations (`fileURLToPath(new URL('./migrations', import.meta.url))`). */
  migrations?: string;
  nav?: NavEntry[];
  headerLinks?: HeaderLink[];
  siteMap?: SiteMapEntry[];
  dashboard?: DashboardTile[];
  examplePages?: ExamplePage[];
  /**
   * Its notices for a public page (see PublicNotice), read by the module that renders the page through
   * `publicNoticesFor` (core/site.ts). Those pages are cached for anonymous visitors: a change that alters the
   * notices calls `announcePublicChange` in its transaction and `afterPublicChange` after it.
   */
  publicNotices?(services: Services, place: NoticePlace, locale: Locale): Promise<PublicNotice[]>;
  /**
   * Registers the module's HTTP routes; every route sets `config.permission` and declares TypeBox schemas
   * for its params and query string (core/http/route-schemas.ts).
   */
  routes?(app: App, services: Services): Promise<void>;
  jobs?(services: Services): Record<string, JobHandler>;
  /**
   * Enqueues the module's recurring jobs when a process starts its job worker (each job then schedules
   * its next run); idempotent, so any number of processes may call it.
   */
  schedule?(services: Services): Promise<void>;
  commands?: Record<string, Command>;
  /** What the module holds about a person, for the export and erasure of their data. */
  personalData?: PersonalDataPart;
  /** Loads the module's part of the demo programme (idempotent). */
  loadDemo?(services: Services): Promise<void>;
  /**
   * Runs once when `npm start` has loaded the demo and before it listens (e.g. granting ADMIN_EMAIL its role);
   * returns lines the server prints once it listens, to tell whoever started it what to do next.
   */
  onStart?(services: Services): Promise<string[]>;
}

import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert } from '../../../../core/ui/components.js';
import { NEED_KIND_LABELS, OUTCOME_LABELS, STATUS_BADGES, STATUS_LABELS } from '../labels.js';
import { useCaseMessages as m } from '../messages.js';
import type { NeedView, UseCaseView } from '../queries.js';

/** What the pages of use cases and needs share: addresses, badges, dates, paragraphs, notices. */

export const USE_CASES_PATH = '/cooperation/cas-d-usage';
export const NEEDS_PATH = '/cooperation/besoins';
export const MODERATION_PATH = '/admin/cooperation/publications';

export const useCaseHref = (id: string) => `${USE_CASES_PATH}/${id}`;
export const needHref = (id: string) => `${NEEDS_PATH}/${id}`;
export const commonsHref = (slug: string) => `/cooperation/communs/${encodeURIComponent(slug)}`;
export const administrationHref = (slug: string) => `/cooperation/administrations/${encodeURIComponent(slug)}`;

/** A list's address with its filters (empty ones left out) and page. */
export function hrefWith(path: string, params: Record<string, string | undefined>, page = 1): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A calendar day (YYYY-MM-DD) in words. */
export function formatDay(locale: Locale, day: string): string {
  return formatDate(locale, new Date(`${day}T12:00:00Z`));
}

/** The first characters of a text, cut at a word, for lists. */
export function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30)).trimEnd()}…`;
}

/** A text typed in a textarea: one paragraph per blank-line-separated block, line breaks kept. */
export function Paragraphs({ text }: { text: string }): JSX.Element {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block) => (
        <p class="acc-break">
          {block.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : ''}
              <span safe>{line}</span>
            </>
          ))}
        </p>
      ))}
    </>
  );
}

export function StatusBadge({ locale, useCase }: { locale: Locale; useCase: Pick<UseCaseView, 'status'> }) {
  return (
    <p class={`fr-badge fr-badge--sm fr-badge--${STATUS_BADGES[useCase.status]}`} safe>
      {t(locale, STATUS_LABELS[useCase.status])}
    </p>
  );
}

/** The badges of a use case or a need: status or state, members only, hidden. */
export function Badges(props: { locale: Locale; items: (JSX.Element | false)[] }): JSX.Element {
  const shown = props.items.filter((item): item is JSX.Element => item !== false);
  if (shown.length === 0) return '';
  return (
    <ul class="fr-badges-group">
      {shown.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
}

export function MembersOnlyBadge({ locale }: { locale: Locale }): JSX.Element {
  return (
    <p class="fr-badge fr-badge--sm fr-badge--purple-glycine" safe>
      {t(locale, m.membersOnlyBadge)}
    </p>
  );
}

export function HiddenBadge({ locale }: { locale: Locale }): JSX.Element {
  return (
    <p class="fr-badge fr-badge--sm fr-badge--error" safe>
      {t(locale, m.hiddenBadge)}
    </p>
  );
}

export function NeedBadges({ locale, need }: { locale: Locale; need: NeedView }): JSX.Element {
  return (
    <Badges
      locale={locale}
      items={[
        <p
          class={`fr-badge fr-badge--sm ${need.kind === 'offer' ? 'fr-badge--green-emeraude' : 'fr-badge--blue-ecume'}`}
          safe
        >
          {t(locale, NEED_KIND_LABELS[need.kind])}
        </p>,
        need.closedAt ? (
          <p class="fr-badge fr-badge--sm" safe>
            {`${t(locale, m.closedBadge)}${need.outcome ? ` — ${t(locale, OUTCOME_LABELS[need.outcome])}` : ''}`}
          </p>
        ) : (
          <p class="fr-badge fr-badge--sm fr-badge--success" safe>
            {t(locale, m.openBadge)}
          </p>
        ),
        need.visibility === 'members' && <MembersOnlyBadge locale={locale} />,
        (need.hidden || need.ownerHidden) && <HiddenBadge locale={locale} />,
      ]}
    />
  );
}

/** Shown to staff on a hidden item's page: why nobody else sees it. */
export function HiddenNotice(props: {
  locale: Locale;
  item: { hidden: boolean; ownerHidden: boolean; hiddenReason: string | null };
}): JSX.Element {
  const { locale, item } = props;
  if (!item.hidden && !item.ownerHidden) return '';
  return (
    <Alert
      kind="warning"
      title={t(locale, m.hiddenNotice)}
      text={item.hiddenReason ? t(locale, m.hiddenReason, { reason: item.hiddenReason }) : undefined}
    />
  );
}

/** A notice after a redirect (`?ok=…`); an unknown value shows none. */
export function okNotice(
  locale: Locale,
  ok: string | undefined,
  known: Record<string, (typeof m)[keyof typeof m]>,
): { kind: 'success'; title: string } | undefined {
  const message = ok && Object.hasOwn(known, ok) ? known[ok] : undefined;
  return message ? { kind: 'success', title: t(locale, message) } : undefined;
}

/** The feed link of a list, in the page's head. */
export function FeedHead({ href, title }: { href: string; title: string }): JSX.Element {
  return <link rel="alternate" type="application/atom+xml" title={title} href={href} />;
}

import { formatNumber as formatInLocale, type Locale, t } from '../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../core/ui/components.js';
import type { BoardStatus } from '../board-data.js';
import { boardMessages as m } from '../board-messages.js';

/** What the deliberation's staff pages share: the breadcrumb, status labels, numbers. */

export function DecisionsBreadcrumb({
  locale,
  season,
  current,
}: {
  locale: Locale;
  season?: { id: string; name: string };
  current?: string;
}): JSX.Element {
  const items: { label: string; href?: string }[] = [
    { label: t(locale, m.administration), href: '/admin' },
    { label: t(locale, m.listTitle), href: '/admin/decisions' },
  ];
  if (season) items.push({ label: season.name, href: `/admin/decisions/${season.id}` });
  if (current) items.push({ label: current });
  return <Breadcrumb locale={locale} items={items} />;
}

const STATUS = { none: m.statusNone, open: m.statusOpen, closed: m.statusClosed, published: m.statusPublished };

export function statusLabel(locale: Locale, status: BoardStatus): string {
  return t(locale, STATUS[status]);
}

export function formatNumber(locale: Locale, value: number, digits: number): string {
  return formatInLocale(locale, value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

import { type Locale, type Message, t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../../core/ui/components.js';
import type { PartnerKind } from '../../tables.js';
import { partnerMessages as m } from '../messages.js';
import { STAFF_PATH } from '../queries.js';

const KIND_GROUPS: Record<PartnerKind, Message> = {
  administration: m.kindAdministration,
  association: m.kindAssociation,
  company: m.kindCompany,
  foundation: m.kindFoundation,
};
const KIND_LABELS: Record<PartnerKind, Message> = {
  administration: m.kindAdministrationOne,
  association: m.kindAssociationOne,
  company: m.kindCompanyOne,
  foundation: m.kindFoundationOne,
};

/** The heading of a kind's group on the public page ("Associations"). */
export const kindGroupLabel = (locale: Locale, kind: PartnerKind) => t(locale, KIND_GROUPS[kind]);
/** One partner's kind ("Association"). */
export const kindLabel = (locale: Locale, kind: PartnerKind) => t(locale, KIND_LABELS[kind]);

/** Administration › Partenaires › (current page). */
export function StaffBreadcrumb({ locale, current }: { locale: Locale; current?: string }): JSX.Element {
  const items = [
    { label: t(locale, m.administration), href: '/admin' },
    { label: t(locale, m.staffTitle), href: STAFF_PATH },
  ];
  if (current) items.push({ label: current, href: '' });
  return <Breadcrumb locale={locale} items={items} />;
}

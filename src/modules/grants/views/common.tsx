import type { FieldError } from '../../../core/http/forms.js';
import { formatDate, type Locale, t } from '../../../core/i18n/i18n.js';
import { formatEuros } from '../../seasons/index.js';
import { grantMessages as m } from '../grant-messages.js';
import type { GrantStatus } from '../tables.js';

export interface PageNotice {
  kind: 'success' | 'error' | 'info' | 'warning';
  title: string;
}

/** What a form shows again after a refusal: the values typed and the errors by field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export const euros = (locale: Locale, cents: number) => formatEuros(locale, cents);

/** A calendar day (YYYY-MM-DD) in words. */
export const dayText = (locale: Locale, day: string) => formatDate(locale, new Date(`${day}T12:00:00Z`));

export const statusLabel = (locale: Locale, status: GrantStatus) => t(locale, m[`status_${status}`]);

const BADGE: Record<GrantStatus, string> = {
  draft: 'fr-badge--info',
  committed: 'fr-badge--new',
  signed: 'fr-badge--success',
  suspended: 'fr-badge--warning',
  closed: '',
  cancelled: 'fr-badge--error',
};

export function StatusBadge({ locale, status }: { locale: Locale; status: GrantStatus }): JSX.Element {
  return (
    <p class={`fr-badge fr-badge--sm ${BADGE[status]}`} safe>
      {statusLabel(locale, status)}
    </p>
  );
}

export const staffGrantPath = (applicationId: string) => `/admin/subventions/laureats/${applicationId}`;
export const teamGrantPath = (applicationId: string) => `/espace-laureat/${applicationId}/subvention`;
export const seasonGrantsPath = (seasonId: string) => `/admin/subventions/saisons/${seasonId}`;
export const conventionTemplatePath = (seasonId: string) => `/admin/subventions/saisons/${seasonId}/convention`;
export const ENVELOPES_PATH = '/admin/subventions/enveloppes';

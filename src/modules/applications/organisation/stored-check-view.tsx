import { formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import { CsrfField } from '../../../core/ui/components.js';
import { organisationMessages as m } from './messages.js';
import { OrganisationCheckSummary } from './organisation-check-view.js';
import type { StoredOrganisationCheck } from './stored-check.js';

/**
 * The organisation section of the staff application page: the stored register check ("not
 * verified" when none is stored or the register failed) and a button to check again now.
 */
export function StoredOrganisationSection(props: {
  locale: Locale;
  csrfToken: string | undefined;
  applicationId: string;
  heading: string;
  stored: StoredOrganisationCheck | null;
  /** Whether COMPANY_REGISTER_URL is set (with no check stored, says why). */
  registerEnabled: boolean;
}): JSX.Element {
  const { locale, stored } = props;
  return (
    <section aria-labelledby="organisation-title" class="fr-my-4w">
      <h2 id="organisation-title" class="fr-h4" safe>
        {props.heading}
      </h2>
      {stored ? (
        <>
          <OrganisationCheckSummary locale={locale} check={stored.check} />
          <p class="fr-text--xs fr-mb-1w" safe>
            {t(locale, m.checkedAt, { date: formatDateTime(locale, stored.checkedAt) })}
          </p>
        </>
      ) : (
        <div class="organisation-check">
          <p class="fr-badge fr-badge--warning fr-badge--sm" safe>
            {t(locale, m.notVerified)}
          </p>
          <p class="fr-text--sm" safe>
            {t(locale, props.registerEnabled ? m.notCheckedYet : m.disabled)}
          </p>
        </div>
      )}
      <form method="post" action={`/admin/candidatures/${props.applicationId}/organisation`}>
        <CsrfField token={props.csrfToken} />
        <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm" safe>
          {t(locale, m.recheck)}
        </button>
      </form>
    </section>
  );
}

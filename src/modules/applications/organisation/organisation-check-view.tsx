import { type Locale, t } from '../../../core/i18n/i18n.js';
import type { OrganisationCheck } from './check-organisation.js';
import { legalFormMessage, organisationMessages as m, unavailableReasons } from './messages.js';

/** Why an organisation is not verified, in the staff member's language. */
function notVerifiedReason(locale: Locale, check: Pick<OrganisationCheck, 'register'>): string {
  const register = check.register;
  switch (register.status) {
    case 'verified':
      return '';
    case 'not_found':
      return t(locale, m.notFound);
    case 'unavailable':
      return t(locale, m.unavailable, { reason: t(locale, unavailableReasons[register.reason]) });
    case 'not_checked':
      return t(
        locale,
        register.reason === 'disabled' ? m.disabled : register.reason === 'no_siret' ? m.noSiret : m.invalidSiret,
      );
  }
}

/**
 * The organisation check as staff see it beside an application: a "verified" or "not verified"
 * badge, and what the register said (name, legal form, state, association and RNA).
 */
export function OrganisationCheckSummary({
  locale,
  check,
}: {
  locale: Locale;
  check: Pick<OrganisationCheck, 'register' | 'rnaMismatch'>;
}): JSX.Element {
  const register = check.register;
  if (register.status !== 'verified') {
    return (
      <div class="organisation-check">
        <p class="fr-badge fr-badge--warning fr-badge--sm" safe>
          {t(locale, m.notVerified)}
        </p>
        <p class="fr-text--sm" safe>
          {notVerifiedReason(locale, check)}
        </p>
      </div>
    );
  }
  const legalForm = legalFormMessage(register.legalForm);
  return (
    <div class="organisation-check">
      <p class="fr-badge fr-badge--success fr-badge--sm" safe>
        {t(locale, m.verified)}
      </p>
      <dl class="fr-text--sm">
        <dt safe>{t(locale, m.name)}</dt>
        <dd safe>{register.name}</dd>
        <dt safe>{t(locale, m.legalForm)}</dt>
        <dd safe>
          {legalForm ? t(locale, legalForm) : t(locale, m.otherLegalForm, { code: register.legalForm || '?' })}
        </dd>
        <dt safe>{t(locale, m.state)}</dt>
        <dd>
          {register.active ? (
            <span class="fr-badge fr-badge--success fr-badge--no-icon fr-badge--sm" safe>
              {t(locale, m.active)}
            </span>
          ) : (
            <span class="fr-badge fr-badge--error fr-badge--sm" safe>
              {t(locale, m.closed)}
            </span>
          )}
        </dd>
        <dt safe>{t(locale, m.association)}</dt>
        <dd safe>
          {`${t(locale, register.isAssociation ? m.yes : m.no)}${register.rna ? ` — ${t(locale, m.rnaRegister, { rna: register.rna })}` : ''}`}
        </dd>
      </dl>
      {check.rnaMismatch ? (
        <p class="fr-text--sm fr-text-default--warning" safe>
          {t(locale, m.rnaMismatch, { given: check.rnaMismatch.given, register: check.rnaMismatch.register })}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

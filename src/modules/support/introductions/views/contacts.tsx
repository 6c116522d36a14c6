import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, t, tCount } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Pagination,
  RadioGroup,
  Select,
  TextArea,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { contactFieldLabels, LEGAL_BASES } from '../contact-input.js';
import { introductionCounts, introductionMessages as m } from '../messages.js';
import type { Contact, ContactFilter } from '../queries.js';
import { leverLabel, leverOptions, RegisterBadge, StaffBreadcrumb } from './common.js';

export const CONTACTS_PATH = '/admin/contacts';

/** The directory's address with its filters and page, for links that keep them. */
export function contactsHref(filter: ContactFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.lever) params.set('levier', filter.lever);
  if (filter.topic) params.set('sujet', filter.topic);
  if (filter.archived) params.set('etat', 'archives');
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${CONTACTS_PATH}?${query}` : CONTACTS_PATH;
}

export function ContactListPage(props: {
  ctx: ViewContext;
  contacts: Contact[];
  total: number;
  page: number;
  pages: number;
  filter: ContactFilter;
  topics: string[];
  notice?: { kind: 'success' | 'warning'; title: string };
}): JSX.Element {
  const { ctx, filter } = props;
  const { locale } = ctx;
  const title = t(locale, m.directory);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb locale={locale} trail={[{ label: title }]} />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.directoryIntro)}</p>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn" href={`${CONTACTS_PATH}/nouveau`} safe>
              {t(locale, m.newContact)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={`${CONTACTS_PATH}/import`} safe>
              {t(locale, m.importContacts)}
            </a>
          </li>
        </ul>
        <form method="get" action={CONTACTS_PATH} class="fr-mb-4w">
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <Input
                locale={locale}
                name="q"
                type="search"
                label={t(locale, m.searchLabel)}
                value={filter.q}
                maxlength={200}
              />
            </div>
            <div class="fr-col-12 fr-col-md-3">
              <Select
                locale={locale}
                name="levier"
                label={t(locale, m.filterLever)}
                value={filter.lever ?? ''}
                options={[{ value: '', label: t(locale, m.anyOption) }, ...leverOptions(locale)]}
              />
            </div>
            <div class="fr-col-12 fr-col-md-3">
              <Select
                locale={locale}
                name="sujet"
                label={t(locale, m.filterTopic)}
                value={filter.topic ?? ''}
                options={[
                  { value: '', label: t(locale, m.anyOption) },
                  ...props.topics.map((topic) => ({ value: topic, label: topic })),
                ]}
              />
            </div>
            <div class="fr-col-12 fr-col-md-2">
              <Select
                locale={locale}
                name="etat"
                label={t(locale, m.filterState)}
                value={filter.archived ? 'archives' : ''}
                options={[
                  { value: '', label: t(locale, m.stateActive) },
                  { value: 'archives', label: t(locale, m.stateArchived) },
                ]}
              />
            </div>
          </div>
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.filter)}
          </button>
        </form>
        <p safe>{tCount(locale, introductionCounts.contacts, props.total)}</p>
        {props.contacts.length === 0 ? (
          <p safe>{t(locale, m.noContacts)}</p>
        ) : (
          <DataTable
            caption={title}
            hiddenCaption
            columns={[
              t(locale, m.colPerson),
              t(locale, m.colOrganisation),
              t(locale, m.colTopics),
              t(locale, m.colRegister),
              t(locale, m.colActions),
            ]}
          >
            {props.contacts.map((c) => (
              <tr>
                <td>
                  <strong safe>{c.personName}</strong>
                  <br />
                  <span safe>{c.role}</span>
                  <br />
                  <span class="acc-break" safe>
                    {c.email}
                  </span>
                </td>
                <td>
                  <span safe>{c.organisation}</span>
                  <br />
                  <span safe>{c.service}</span>
                </td>
                <td>
                  <span safe>{c.topics.join(', ')}</span>
                  {c.levers.length > 0 ? (
                    <ul class="fr-text--xs fr-mb-0">
                      {c.levers.map((code) => (
                        <li safe>{leverLabel(locale, code)}</li>
                      ))}
                    </ul>
                  ) : (
                    ''
                  )}
                </td>
                <td>
                  <RegisterBadge locale={locale} siret={c.siret} check={c.siretCheck} />
                  {c.archivedAt ? (
                    <p class="fr-text--xs fr-mb-0" safe>
                      {t(locale, m.archivedOn, { date: formatDate(locale, c.archivedAt) })}
                    </p>
                  ) : (
                    ''
                  )}
                </td>
                <td>
                  <a
                    class="fr-link"
                    href={`${CONTACTS_PATH}/${c.id}`}
                    title={t(locale, m.editContactOf, { name: c.personName })}
                    safe
                  >
                    {t(locale, m.edit)}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination locale={locale} page={props.page} pages={props.pages} href={(n) => contactsHref(filter, n)} />
      </div>
    </Page>
  );
}

export interface ContactFormState {
  values: Record<string, string>;
  levers: string[];
  errors: Record<string, FieldError>;
}

/** The form's values for a stored contact. */
export function contactFormState(contact: Contact, legal: { choice: string; other: string }): ContactFormState {
  return {
    values: {
      organisation: contact.organisation,
      siret: contact.siret ?? '',
      service: contact.service,
      person_name: contact.personName,
      role: contact.role,
      email: contact.email,
      topics: contact.topics.join(', '),
      legal_basis: legal.choice,
      legal_basis_other: legal.other,
      consent_note: contact.consentNote,
      version: String(contact.version),
    },
    levers: contact.levers,
    errors: {},
  };
}

export function ContactFormPage(props: {
  ctx: ViewContext;
  contact: Contact | null;
  form: ContactFormState;
  notice?: { kind: 'success' | 'warning'; title: string };
}): JSX.Element {
  const { ctx, contact, form } = props;
  const { locale } = ctx;
  const title = contact ? t(locale, m.editContactOf, { name: contact.personName }) : t(locale, m.contactForm);
  const v = form.values;
  const e = form.errors;
  const action = contact ? `${CONTACTS_PATH}/${contact.id}` : CONTACTS_PATH;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[{ label: t(locale, m.directory), href: CONTACTS_PATH }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        {contact ? (
          <div class="fr-mb-4w">
            <RegisterBadge locale={locale} siret={contact.siret} check={contact.siretCheck} />
          </div>
        ) : (
          ''
        )}
        <ErrorSummary locale={locale} errors={e} labels={contactFieldLabels(locale)} />
        <form method="post" action={action}>
          <CsrfField token={ctx.csrfToken} />
          {contact ? <input type="hidden" name="version" value={v.version ?? String(contact.version)} /> : ''}
          <Input
            locale={locale}
            name="organisation"
            label={t(locale, m.fieldOrganisation)}
            hint={t(locale, m.fieldOrganisationHint)}
            value={v.organisation}
            error={e.organisation}
            required
            maxlength={200}
          />
          <Input
            locale={locale}
            name="siret"
            label={t(locale, m.fieldSiret)}
            hint={t(locale, m.fieldSiretHint)}
            value={v.siret}
            error={e.siret}
            maxlength={30}
          />
          <Input
            locale={locale}
            name="service"
            label={t(locale, m.fieldService)}
            value={v.service}
            error={e.service}
            required
            maxlength={200}
          />
          <Input
            locale={locale}
            name="person_name"
            label={t(locale, m.fieldPerson)}
            value={v.person_name}
            error={e.person_name}
            required
            maxlength={200}
            autocomplete="off"
          />
          <Input
            locale={locale}
            name="role"
            label={t(locale, m.fieldRole)}
            value={v.role}
            error={e.role}
            maxlength={200}
          />
          <Input
            locale={locale}
            name="email"
            type="email"
            label={t(locale, m.fieldEmail)}
            value={v.email}
            error={e.email}
            required
            autocomplete="off"
          />
          <Input
            locale={locale}
            name="topics"
            label={t(locale, m.fieldTopics)}
            hint={t(locale, m.fieldTopicsHint)}
            value={v.topics}
            error={e.topics}
            maxlength={2000}
          />
          <fieldset
            class={`fr-fieldset${e.levers ? ' fr-fieldset--error' : ''}`}
            id="levers"
            aria-labelledby={e.levers ? 'levers-legend levers-error' : 'levers-legend'}
          >
            <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="levers-legend" safe>
              {t(locale, m.fieldLevers)}
            </legend>
            {leverOptions(locale).map((option, i) => (
              <div class="fr-fieldset__element">
                <div class="fr-checkbox-group">
                  <input
                    type="checkbox"
                    id={`lever-${i}`}
                    name="levers"
                    value={option.value}
                    checked={form.levers.includes(option.value)}
                  />
                  <label class="fr-label" for={`lever-${i}`} safe>
                    {option.label}
                  </label>
                </div>
              </div>
            ))}
            {e.levers ? (
              <p id="levers-error" class="fr-error-text" safe>
                {t(locale, e.levers.message, e.levers.params)}
              </p>
            ) : (
              ''
            )}
          </fieldset>
          <RadioGroup
            locale={locale}
            name="legal_basis"
            legend={t(locale, m.fieldLegalBasis)}
            hint={t(locale, m.fieldLegalBasisHint)}
            options={[
              ...LEGAL_BASES.map((b) => ({ value: b.code, label: t(locale, b.label) })),
              { value: 'autre', label: t(locale, m.legalBasisOther) },
            ]}
            value={v.legal_basis ?? ''}
            error={e.legal_basis}
            required
          />
          <Input
            locale={locale}
            name="legal_basis_other"
            label={t(locale, m.fieldLegalBasisOther)}
            value={v.legal_basis_other}
            error={e.legal_basis_other}
            maxlength={300}
          />
          <TextArea
            locale={locale}
            name="consent_note"
            label={t(locale, m.fieldConsent)}
            hint={t(locale, m.fieldConsentHint)}
            value={v.consent_note}
            error={e.consent_note}
            required
            rows={3}
            maxlength={1000}
          />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="submit" class="fr-btn" safe>
                {t(locale, m.save)}
              </button>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href={CONTACTS_PATH} safe>
                {t(locale, m.cancel)}
              </a>
            </li>
          </ul>
        </form>
        {contact ? (
          <form
            method="post"
            action={`${CONTACTS_PATH}/${contact.id}/${contact.archivedAt ? 'reactiver' : 'archiver'}`}
            class="fr-mt-4w"
          >
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="fr-btn fr-btn--tertiary" safe>
              {t(locale, contact.archivedAt ? m.restore : m.archive)}
            </button>
          </form>
        ) : (
          ''
        )}
      </div>
    </Page>
  );
}

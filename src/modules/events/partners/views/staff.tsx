import { formatFileSize } from '../../../../core/files/store-file.js';
import type { FieldError } from '../../../../core/http/forms.js';
import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, ErrorSummary, Input, Select, TextArea } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { partnerMessages as m } from '../messages.js';
import {
  LOGO_TYPES,
  MAX_DESCRIPTION,
  MAX_LOGO_ALT,
  MAX_LOGO_BYTES,
  MAX_NAME,
  MAX_WEBSITE,
  partnerFieldLabels,
} from '../partner-input.js';
import { PARTNER_KINDS, type Partner, PUBLIC_PATH, STAFF_PATH, staffLogoHref } from '../queries.js';
import { kindLabel, StaffBreadcrumb } from './common.js';

export type Notice = { kind: 'success' | 'warning' | 'error'; title: string; text?: string };

function ActionButton(props: {
  ctx: ViewContext;
  action: string;
  label: string;
  named: string;
  icon?: string;
  priority?: 'secondary' | 'tertiary';
}): JSX.Element {
  const classes = ['fr-btn', 'fr-btn--sm', `fr-btn--${props.priority ?? 'secondary'}`];
  if (props.icon) classes.push(props.icon, 'fr-btn--icon-left');
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.ctx.csrfToken} />
      <button type="submit" class={classes.join(' ')} title={props.named}>
        <span safe>{props.label}</span>
        <span class="fr-sr-only" safe>
          {` – ${props.named}`}
        </span>
      </button>
    </form>
  );
}

/** /admin/partenaires: every partner in the public page's order, with moving, publishing, editing, deleting. */
export function StaffListPage(props: { ctx: ViewContext; partners: Partner[]; notice?: Notice }): JSX.Element {
  const { ctx, partners } = props;
  const { locale } = ctx;
  const title = t(locale, m.staffTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb locale={locale} />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.staffLead)}</p>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <a class="fr-btn fr-icon-add-line" href={`${STAFF_PATH}/nouveau`} safe>
              {t(locale, m.newPartner)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary fr-icon-eye-line" href={PUBLIC_PATH} safe>
              {t(locale, m.seePublicPage)}
            </a>
          </li>
        </ul>
        {partners.length === 0 ? (
          <p safe>{t(locale, m.none)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.tableCaption)}
            columns={[
              t(locale, m.colOrder),
              t(locale, m.colName),
              t(locale, m.colKind),
              t(locale, m.colLogo),
              t(locale, m.colState),
              t(locale, m.colActions),
            ]}
          >
            {partners.map((p, i) => {
              const base = `${STAFF_PATH}/${p.id}`;
              return (
                <tr>
                  <td>
                    <p class="fr-mb-1w" safe>
                      {String(i + 1)}
                    </p>
                    <div class="acc-partner-moves">
                      {i > 0 ? (
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/monter`}
                          label={t(locale, m.moveUp)}
                          named={t(locale, m.moveUpNamed, { name: p.name })}
                          icon="fr-icon-arrow-up-line"
                          priority="tertiary"
                        />
                      ) : (
                        ''
                      )}
                      {i < partners.length - 1 ? (
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/descendre`}
                          label={t(locale, m.moveDown)}
                          named={t(locale, m.moveDownNamed, { name: p.name })}
                          icon="fr-icon-arrow-down-line"
                          priority="tertiary"
                        />
                      ) : (
                        ''
                      )}
                    </div>
                  </td>
                  <td>
                    <a href={`${base}/modifier`} safe>
                      {p.name}
                    </a>
                  </td>
                  <td safe>{kindLabel(locale, p.kind)}</td>
                  <td>
                    {p.logo_file_id ? (
                      <img class="acc-partner-thumb" src={staffLogoHref(p.id)} alt={p.logo_alt} />
                    ) : (
                      <span safe>{t(locale, m.withoutLogo)}</span>
                    )}
                  </td>
                  <td>
                    {p.published ? (
                      <p class="fr-badge fr-badge--success fr-badge--sm" safe>
                        {t(locale, m.published)}
                      </p>
                    ) : (
                      <p class="fr-badge fr-badge--sm" safe>
                        {t(locale, m.unpublished)}
                      </p>
                    )}
                  </td>
                  <td>
                    <div class="acc-partner-actions">
                      <a
                        class="fr-btn fr-btn--sm fr-btn--secondary"
                        href={`${base}/modifier`}
                        title={t(locale, m.editNamed, { name: p.name })}
                      >
                        <span safe>{t(locale, m.edit)}</span>
                        <span class="fr-sr-only" safe>
                          {` – ${p.name}`}
                        </span>
                      </a>
                      {p.published ? (
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/depublier`}
                          label={t(locale, m.unpublish)}
                          named={t(locale, m.unpublishNamed, { name: p.name })}
                        />
                      ) : (
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/publier`}
                          label={t(locale, m.publish)}
                          named={t(locale, m.publishNamed, { name: p.name })}
                        />
                      )}
                      <a
                        class="fr-btn fr-btn--sm fr-btn--tertiary"
                        href={`${base}/supprimer`}
                        title={t(locale, m.deleteNamed, { name: p.name })}
                      >
                        <span safe>{t(locale, m.delete)}</span>
                        <span class="fr-sr-only" safe>
                          {` – ${p.name}`}
                        </span>
                      </a>
                    </div>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

export interface PartnerFormState {
  values: Record<string, string>;
  seasonIds: string[];
  errors: Record<string, FieldError>;
}

export function partnerFormState(partner: Partner): PartnerFormState {
  return {
    values: {
      name: partner.name,
      kind: partner.kind,
      description: partner.description,
      description_en: partner.description_en,
      website: partner.website ?? '',
      logo_alt: partner.logo_alt,
      version: String(partner.version),
    },
    seasonIds: partner.season_ids,
    errors: {},
  };
}

export const emptyPartnerForm = (): PartnerFormState => ({ values: {}, seasonIds: [], errors: {} });

export interface SeasonChoice {
  id: string;
  label: string;
}

function FieldErrorText({ locale, id, error }: { locale: Locale; id: string; error?: FieldError }): JSX.Element {
  if (!error) return '';
  return (
    <p id={id} class="fr-error-text" safe>
      {t(locale, error.message, error.params)}
    </p>
  );
}

/** Adding (`partner` null) or editing a partner; on a stale save, what was typed comes back with the new version. */
export function PartnerFormPage(props: {
  ctx: ViewContext;
  partner: Partner | null;
  form: PartnerFormState;
  seasons: SeasonChoice[];
  notice?: Notice;
}): JSX.Element {
  const { ctx, partner, form, seasons } = props;
  const { locale } = ctx;
  const v = form.values;
  const e = form.errors;
  const title = partner ? t(locale, m.editTitle, { name: partner.name }) : t(locale, m.newTitle);
  const action = partner ? `${STAFF_PATH}/${partner.id}/modifier` : `${STAFF_PATH}/nouveau`;
  const max = formatFileSize(locale, MAX_LOGO_BYTES);
  const kindOptions = PARTNER_KINDS.map((kind) => ({ value: kind, label: kindLabel(locale, kind) }));
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb locale={locale} current={title} />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
        <ErrorSummary locale={locale} errors={e} labels={partnerFieldLabels(locale)} />
        <p class="fr-hint-text" safe>
          {t(locale, m.requiredHint)}
        </p>
        <form method="post" action={action} enctype="multipart/form-data">
          <CsrfField token={ctx.csrfToken} />
          {partner ? <input type="hidden" name="version" value={v.version ?? String(partner.version)} /> : ''}
          <Input
            locale={locale}
            name="name"
            label={t(locale, m.fieldName)}
            value={v.name}
            error={e.name}
            required
            maxlength={MAX_NAME}
          />
          <Select
            locale={locale}
            name="kind"
            label={t(locale, m.fieldKind)}
            value={v.kind}
            error={e.kind}
            required
            options={kindOptions}
          />
          <TextArea
            locale={locale}
            name="description"
            label={t(locale, m.fieldDescription)}
            hint={t(locale, m.fieldDescriptionHint, { max: MAX_DESCRIPTION })}
            value={v.description}
            error={e.description}
            rows={5}
          />
          <TextArea
            locale={locale}
            name="description_en"
            label={t(locale, m.fieldDescriptionEn)}
            hint={t(locale, m.fieldDescriptionHint, { max: MAX_DESCRIPTION })}
            value={v.description_en}
            error={e.description_en}
            rows={5}
          />
          <Input
            locale={locale}
            name="website"
            type="url"
            label={t(locale, m.fieldWebsite)}
            hint={t(locale, m.fieldWebsiteHint)}
            value={v.website}
            error={e.website}
            maxlength={MAX_WEBSITE}
          />
          {partner?.logo_file_id ? (
            <div class="fr-mb-3w">
              <p class="fr-mb-1w" safe>
                {t(locale, m.currentLogo)}
              </p>
              <img class="acc-partner-logo-preview" src={staffLogoHref(partner.id)} alt={partner.logo_alt} />
              <div class="fr-checkbox-group fr-mt-1w">
                <input type="checkbox" id="remove_logo" name="remove_logo" checked={v.remove_logo === 'on'} />
                <label class="fr-label" for="remove_logo" safe>
                  {t(locale, m.removeLogo)}
                </label>
              </div>
            </div>
          ) : (
            ''
          )}
          <div class={`fr-upload-group fr-mb-3w${e.logo ? ' fr-upload-group--error' : ''}`}>
            <label class="fr-label" for="logo">
              <span safe>{t(locale, m.fieldLogo)}</span>
              <span class="fr-hint-text" safe>
                {t(locale, partner?.logo_file_id ? m.fieldLogoReplaceHint : m.fieldLogoHint, { max })}
              </span>
            </label>
            <input
              class="fr-upload"
              type="file"
              id="logo"
              name="logo"
              accept={LOGO_TYPES.join(',')}
              {...(e.logo ? { 'aria-describedby': 'logo-error', 'aria-invalid': 'true' } : {})}
            />
            <FieldErrorText locale={locale} id="logo-error" error={e.logo} />
          </div>
          <Input
            locale={locale}
            name="logo_alt"
            label={t(locale, m.fieldLogoAlt)}
            hint={t(locale, m.fieldLogoAltHint)}
            value={v.logo_alt}
            error={e.logo_alt}
            maxlength={MAX_LOGO_ALT}
          />
          <fieldset
            class={`fr-fieldset${e.seasons ? ' fr-fieldset--error' : ''}`}
            id="seasons"
            aria-labelledby={e.seasons ? 'seasons-legend seasons-error' : 'seasons-legend'}
          >
            <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="seasons-legend">
              <span safe>{t(locale, m.fieldSeasons)}</span>
              <span class="fr-hint-text" safe>
                {t(locale, m.fieldSeasonsHint)}
              </span>
            </legend>
            {seasons.length === 0 ? (
              <p class="fr-fieldset__element" safe>
                {t(locale, m.noSeasonsYet)}
              </p>
            ) : (
              seasons.map((season, i) => (
                <div class="fr-fieldset__element">
                  <div class="fr-checkbox-group">
                    <input
                      type="checkbox"
                      id={`season-${i}`}
                      name="seasons"
                      value={season.id}
                      checked={form.seasonIds.includes(season.id)}
                    />
                    <label class="fr-label" for={`season-${i}`} safe>
                      {season.label}
                    </label>
                  </div>
                </div>
              ))
            )}
            <FieldErrorText locale={locale} id="seasons-error" error={e.seasons} />
          </fieldset>
          {partner ? (
            ''
          ) : (
            <div class="fr-checkbox-group fr-mb-3w">
              <input type="checkbox" id="published" name="published" checked={v.published === 'on'} />
              <label class="fr-label" for="published" safe>
                {t(locale, m.fieldPublished)}
              </label>
            </div>
          )}
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="submit" class="fr-btn" safe>
                {t(locale, partner ? m.save : m.create)}
              </button>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href={STAFF_PATH} safe>
                {t(locale, m.cancel)}
              </a>
            </li>
          </ul>
        </form>
      </div>
    </Page>
  );
}

/** The confirmation asked before deleting a partner (a GET page, so deleting never happens by one click). */
export function DeletePartnerPage(props: { ctx: ViewContext; partner: Partner }): JSX.Element {
  const { ctx, partner } = props;
  const { locale } = ctx;
  const title = t(locale, m.deleteTitle, { name: partner.name });
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb locale={locale} current={title} />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.deleteQuestion, { name: partner.name })}</p>
        <form method="post" action={`${STAFF_PATH}/${partner.id}/supprimer`}>
          <CsrfField token={ctx.csrfToken} />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="submit" class="fr-btn" safe>
                {t(locale, m.confirmDelete)}
              </button>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href={STAFF_PATH} safe>
                {t(locale, m.cancel)}
              </a>
            </li>
          </ul>
        </form>
      </div>
    </Page>
  );
}

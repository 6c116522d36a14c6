import type { FieldError } from '../../../../core/http/forms.js';
import { t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, Input, Select, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { commonsFieldLabels, MAX_SUMMARY } from '../commons-input.js';
import { catalogueMessages as m } from '../messages.js';
import type { Commons } from '../queries.js';
import { CATALOGUE_PATH, commonsHref, kindOptions, leverOptions, maturityOptions } from './common.js';

export interface CommonsFormState {
  values: Record<string, string>;
  levers: string[];
  errors: Record<string, FieldError>;
}

/** The form's values for a stored commons. */
export function commonsFormState(commons: Commons): CommonsFormState {
  return {
    values: {
      name: commons.name,
      summary: commons.summary,
      description: commons.description,
      website: commons.website ?? '',
      repository: commons.repository ?? '',
      licence: commons.licence ?? '',
      kind: commons.kind,
      maturity: commons.maturity,
      governance_name: commons.governance_name,
      governance_siret: commons.governance_siret ?? '',
      governance_rna: commons.governance_rna ?? '',
      categories: commons.categories.join(', '),
      keywords: commons.keywords.join(', '),
      wikidata_id: commons.wikidata_id ?? '',
      version: String(commons.version),
    },
    levers: commons.levers,
    errors: {},
  };
}

export const emptyFormState = (): CommonsFormState => ({
  values: { kind: 'software', maturity: 'production' },
  levers: [],
  errors: {},
});

/**
 * Proposing a commons (`commons` null) or editing one. On a stale save the person's typed values come back
 * with a warning and the current version's name and summary, and the form carries the new version.
 */
export function CommonsFormPage(props: {
  ctx: ViewContext;
  commons: Commons | null;
  form: CommonsFormState;
  notice?: { kind: 'success' | 'warning'; title: string; text?: string };
}): JSX.Element {
  const { ctx, commons, form } = props;
  const { locale } = ctx;
  const v = form.values;
  const e = form.errors;
  const title = commons ? t(locale, m.editTitle, { name: commons.name }) : t(locale, m.proposeTitle);
  const action = commons ? `${commonsHref(commons.slug)}/modifier` : `${CATALOGUE_PATH}/nouveau`;
  const cancel = commons ? commonsHref(commons.slug) : CATALOGUE_PATH;
  return (
    <CooperationPage
      ctx={ctx}
      section="commons"
      title={title}
      crumbs={
        commons ? [{ label: commons.name, href: commonsHref(commons.slug) }, { label: title }] : [{ label: title }]
      }
    >
      {commons ? '' : <p safe>{t(locale, m.proposeIntro)}</p>}
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
      <ErrorSummary locale={locale} errors={e} labels={commonsFieldLabels(locale)} />
      <p class="fr-hint-text" safe>
        {t(locale, m.requiredHint)}
      </p>
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        {commons ? <input type="hidden" name="version" value={v.version ?? String(commons.version)} /> : ''}
        <Input
          locale={locale}
          name="name"
          label={t(locale, m.fieldName)}
          value={v.name}
          error={e.name}
          required
          maxlength={120}
        />
        <Input
          locale={locale}
          name="summary"
          label={t(locale, m.fieldSummary)}
          hint={t(locale, m.fieldSummaryHint)}
          value={v.summary}
          error={e.summary}
          required
          maxlength={MAX_SUMMARY}
        />
        <TextArea
          locale={locale}
          name="description"
          label={t(locale, m.fieldDescription)}
          value={v.description}
          error={e.description}
          rows={8}
        />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <Select
              locale={locale}
              name="kind"
              label={t(locale, m.fieldKind)}
              value={v.kind}
              error={e.kind}
              required
              options={kindOptions(locale)}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Select
              locale={locale}
              name="maturity"
              label={t(locale, m.fieldMaturity)}
              value={v.maturity}
              error={e.maturity}
              required
              options={maturityOptions(locale)}
            />
          </div>
        </div>
        <Input
          locale={locale}
          name="website"
          type="url"
          label={t(locale, m.fieldWebsite)}
          hint={t(locale, m.urlHint)}
          value={v.website}
          error={e.website}
          maxlength={2000}
        />
        <Input
          locale={locale}
          name="repository"
          type="url"
          label={t(locale, m.fieldRepository)}
          hint={t(locale, m.urlHint)}
          value={v.repository}
          error={e.repository}
          maxlength={2000}
        />
        <Input
          locale={locale}
          name="licence"
          label={t(locale, m.fieldLicence)}
          hint={t(locale, m.fieldLicenceHint)}
          value={v.licence}
          error={e.licence}
          maxlength={200}
        />
        <Input
          locale={locale}
          name="governance_name"
          label={t(locale, m.fieldGovernance)}
          value={v.governance_name}
          error={e.governance_name}
          maxlength={200}
        />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="governance_siret"
              label={t(locale, m.fieldSiret)}
              hint={t(locale, m.fieldSiretHint)}
              value={v.governance_siret}
              error={e.governance_siret}
              maxlength={30}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="governance_rna"
              label={t(locale, m.fieldRna)}
              hint={t(locale, m.fieldRnaHint)}
              value={v.governance_rna}
              error={e.governance_rna}
              maxlength={30}
            />
          </div>
        </div>
        <Input
          locale={locale}
          name="categories"
          label={t(locale, m.fieldCategories)}
          hint={t(locale, m.fieldCategoriesHint)}
          value={v.categories}
          error={e.categories}
          maxlength={1000}
        />
        <Input
          locale={locale}
          name="keywords"
          label={t(locale, m.fieldKeywords)}
          hint={t(locale, m.fieldKeywordsHint)}
          value={v.keywords}
          error={e.keywords}
          maxlength={1000}
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
        <Input
          locale={locale}
          name="wikidata_id"
          label={t(locale, m.fieldWikidata)}
          hint={t(locale, m.fieldWikidataHint)}
          value={v.wikidata_id}
          error={e.wikidata_id}
          maxlength={20}
        />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, commons ? m.save : m.create)}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={cancel} safe>
              {t(locale, m.cancel)}
            </a>
          </li>
        </ul>
      </form>
    </CooperationPage>
  );
}

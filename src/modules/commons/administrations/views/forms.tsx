import type { FieldError } from '../../../../core/http/forms.js';
import { t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, Input, Select, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { territoryOptions } from '../../territories.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { administrationMessages as m } from '../messages.js';
import { administrationHref, PUBLIC_PATH } from '../policy.js';
import type { Administration } from '../queries.js';
import { formatSiret } from './common.js';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

function fieldLabels(ctx: ViewContext): Record<string, string> {
  const { locale } = ctx;
  return {
    siret: t(locale, m.fieldSiret),
    name: t(locale, m.fieldName),
    territory: t(locale, m.fieldTerritory),
    website: t(locale, m.fieldWebsite),
    description: t(locale, m.fieldDescription),
    version: t(locale, m.fieldDescription),
  };
}

/** Territory, website and presentation: what members write of their administration. */
function PresentationFields(props: { ctx: ViewContext; form: FormState }): JSX.Element {
  const { locale } = props.ctx;
  const { values: v, errors: e } = props.form;
  return (
    <>
      <Select
        locale={locale}
        name="territory"
        label={t(locale, m.fieldTerritory)}
        hint={t(locale, m.fieldTerritoryHint)}
        value={v.territory ?? 'FR'}
        error={e.territory}
        options={territoryOptions(locale)}
      />
      <Input
        locale={locale}
        name="website"
        type="url"
        label={t(locale, m.fieldWebsite)}
        hint={t(locale, m.fieldWebsiteHint)}
        value={v.website}
        error={e.website}
        maxlength={500}
      />
      <TextArea
        locale={locale}
        name="description"
        label={t(locale, m.fieldDescription)}
        hint={t(locale, m.fieldDescriptionHint)}
        value={v.description}
        error={e.description}
        rows={8}
      />
    </>
  );
}

/**
 * Creating an administration. An agent signed in with ProConnect creates the one of their SIRET (shown, not
 * typed); staff type any SIRET; anyone else reads how to sign in with ProConnect. An administration that
 * already has the SIRET is linked.
 */
export function CreatePage(props: {
  ctx: ViewContext;
  mode: 'agent' | 'staff' | 'needs-proconnect';
  /** ProConnect is configured: the page offers its button to people who need it. */
  proconnect: boolean;
  /** The agent's SIRET (mode agent). */
  siret: string | null;
  form: FormState;
  /** An administration already has the SIRET. */
  existing?: { slug: string; name: string } | null;
}): JSX.Element {
  const { ctx, form } = props;
  const { locale } = ctx;
  const title = t(locale, m.createTitle);
  const crumbs = [{ label: title }];
  if (props.mode === 'needs-proconnect')
    return (
      <CooperationPage ctx={ctx} section="administrations" title={title} crumbs={crumbs}>
        <p safe>{t(locale, m.createNeedsProconnect)}</p>
        {props.proconnect ? (
          <form method="get" action="/connexion/proconnect">
            <input type="hidden" name="retour" value={`${PUBLIC_PATH}/nouvelle`} />
            <div class="fr-connect-group">
              <button type="submit" class="fr-connect">
                <span class="fr-connect__login" safe>
                  {t(locale, m.proconnectLogin)}
                </span>{' '}
                <span class="fr-connect__brand">ProConnect</span>
              </button>
            </div>
          </form>
        ) : (
          ''
        )}
      </CooperationPage>
    );
  return (
    <CooperationPage ctx={ctx} section="administrations" title={title} crumbs={crumbs}>
      <p safe>
        {props.mode === 'agent'
          ? t(locale, m.createIntroAgent, { siret: formatSiret(props.siret ?? '') })
          : t(locale, m.createIntroStaff)}
      </p>
      {props.existing ? (
        <div class="fr-alert fr-alert--info fr-mb-4w">
          <h2 class="fr-alert__title" safe>
            {t(locale, m.createExists)}
          </h2>
          <p>
            <a href={administrationHref(props.existing.slug)} safe>
              {`${t(locale, m.seeExisting)} : ${props.existing.name}`}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      {props.mode === 'agent' && props.existing ? (
        ''
      ) : (
        <CreateForm ctx={ctx} mode={props.mode} siret={props.siret} form={form} />
      )}
    </CooperationPage>
  );
}

function CreateForm(props: {
  ctx: ViewContext;
  mode: 'agent' | 'staff';
  siret: string | null;
  form: FormState;
}): JSX.Element {
  const { ctx, form } = props;
  const { locale } = ctx;
  return (
    <>
      <ErrorSummary locale={locale} errors={form.errors} labels={fieldLabels(ctx)} />
      <form method="post" action={`${PUBLIC_PATH}/nouvelle`}>
        <CsrfField token={ctx.csrfToken} />
        {props.mode === 'staff' ? (
          <Input
            locale={locale}
            name="siret"
            label={t(locale, m.fieldSiret)}
            hint={t(locale, m.fieldSiretHint)}
            value={form.values.siret}
            error={form.errors.siret}
            required
            maxlength={40}
            autocomplete="off"
          />
        ) : (
          <>
            {form.errors.siret ? <Alert kind="error" title={t(locale, form.errors.siret.message)} /> : ''}
            <p>
              <strong safe>{`${t(locale, m.siret)} : ${formatSiret(props.siret ?? '')}`}</strong>
            </p>
          </>
        )}
        <Input
          locale={locale}
          name="name"
          label={t(locale, m.fieldName)}
          hint={t(locale, m.fieldNameHint)}
          value={form.values.name}
          error={form.errors.name}
          maxlength={200}
          autocomplete="organization"
        />
        <PresentationFields ctx={ctx} form={form} />
        <ul class="fr-btns-group fr-btns-group--inline">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.create)}
            </button>
          </li>
        </ul>
      </form>
    </>
  );
}

/** Editing the presentation (members and staff), with the version it was read at. */
export function EditPage(props: {
  ctx: ViewContext;
  administration: Administration;
  form: FormState;
  stale?: boolean;
}): JSX.Element {
  const { ctx, administration: a, form } = props;
  const { locale } = ctx;
  const title = t(locale, m.editTitle, { name: a.name });
  return (
    <CooperationPage
      ctx={ctx}
      section="administrations"
      title={title}
      crumbs={[{ label: a.name, href: administrationHref(a.slug) }, { label: t(locale, m.editLink) }]}
    >
      <p safe>{t(locale, m.editIntro)}</p>
      {props.stale ? <Alert kind="warning" title={t(locale, m.stale)} /> : ''}
      <ErrorSummary locale={locale} errors={form.errors} labels={fieldLabels(ctx)} />
      <form method="post" action={`${administrationHref(a.slug)}/modifier`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(a.version)} />
        <PresentationFields ctx={ctx} form={form} />
        <ul class="fr-btns-group fr-btns-group--inline">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.save)}
            </button>
          </li>
        </ul>
      </form>
    </CooperationPage>
  );
}

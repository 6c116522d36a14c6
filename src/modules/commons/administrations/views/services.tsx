import { t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, ErrorSummary, Input } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { administrationMessages as m } from '../messages.js';
import { administrationHref } from '../policy.js';
import type { Administration, Service } from '../queries.js';
import { formatSiret } from './common.js';
import type { FormState } from './forms.js';
import { RowButton } from './members.js';

function ServiceFields(props: { ctx: ViewContext; form: FormState }): JSX.Element {
  const { locale } = props.ctx;
  const { values: v, errors: e } = props.form;
  return (
    <>
      <Input
        locale={locale}
        name="name"
        label={t(locale, m.fieldServiceName)}
        value={v.name}
        error={e.name}
        required
        maxlength={200}
      />
      <Input
        locale={locale}
        name="siret"
        label={t(locale, m.fieldServiceSiret)}
        hint={t(locale, m.fieldServiceSiretHint)}
        value={v.siret}
        error={e.siret}
        maxlength={40}
        autocomplete="off"
      />
    </>
  );
}

const labels = (ctx: ViewContext) => ({
  name: t(ctx.locale, m.fieldServiceName),
  siret: t(ctx.locale, m.fieldServiceSiret),
});

/** The services of an administration (members and staff): the list, removing one, adding one. */
export function ServicesPage(props: {
  ctx: ViewContext;
  administration: Administration;
  services: Service[];
  form: FormState;
  notice?: { kind: 'success' | 'warning'; title: string };
}): JSX.Element {
  const { ctx, administration: a } = props;
  const { locale } = ctx;
  const base = administrationHref(a.slug);
  const title = t(locale, m.servicesTitle, { name: a.name });
  return (
    <CooperationPage
      ctx={ctx}
      section="administrations"
      title={title}
      crumbs={[{ label: a.name, href: base }, { label: t(locale, m.servicesLink) }]}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      <p safe>{t(locale, m.servicesIntro)}</p>
      {props.services.length === 0 ? (
        <p safe>{t(locale, m.noServices)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.servicesLink)}
          hiddenCaption
          columns={[t(locale, m.colName), t(locale, m.colSiret), t(locale, m.colMembers), t(locale, m.colActions)]}
        >
          {props.services.map((service) => (
            <tr>
              <td safe>{service.name}</td>
              <td safe>{service.siret ? formatSiret(service.siret) : t(locale, m.noService)}</td>
              <td safe>{String(service.members)}</td>
              <td>
                <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  <li>
                    <a class="fr-btn fr-btn--tertiary" href={`${base}/services/${service.id}`}>
                      <span safe>{t(locale, m.editServiceLink)}</span>
                      <span class="fr-sr-only" safe>{` — ${service.name}`}</span>
                    </a>
                  </li>
                  <li>
                    <form method="post" action={`${base}/services/${service.id}/supprimer`}>
                      <CsrfField token={ctx.csrfToken} />
                      <RowButton label={t(locale, m.removeService)} what={service.name} />
                    </form>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 class="fr-h4 fr-mt-4w" safe>
        {t(locale, m.addService)}
      </h2>
      <ErrorSummary locale={locale} errors={props.form.errors} labels={labels(ctx)} />
      <form method="post" action={`${base}/services`}>
        <CsrfField token={ctx.csrfToken} />
        <ServiceFields ctx={ctx} form={props.form} />
        <ul class="fr-btns-group fr-btns-group--inline">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.addService)}
            </button>
          </li>
        </ul>
      </form>
    </CooperationPage>
  );
}

/** Renaming a service, or changing its SIRET. */
export function ServiceEditPage(props: {
  ctx: ViewContext;
  administration: Administration;
  service: Service;
  form: FormState;
}): JSX.Element {
  const { ctx, administration: a, service } = props;
  const { locale } = ctx;
  const base = administrationHref(a.slug);
  const title = t(locale, m.editService, { name: service.name });
  return (
    <CooperationPage
      ctx={ctx}
      section="administrations"
      title={title}
      crumbs={[
        { label: a.name, href: base },
        { label: t(locale, m.servicesLink), href: `${base}/services` },
        { label: service.name },
      ]}
    >
      <ErrorSummary locale={locale} errors={props.form.errors} labels={labels(ctx)} />
      <form method="post" action={`${base}/services/${service.id}`}>
        <CsrfField token={ctx.csrfToken} />
        <ServiceFields ctx={ctx} form={props.form} />
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

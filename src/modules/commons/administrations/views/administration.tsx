import { formatDate, t } from '../../../../core/i18n/i18n.js';
import { Alert, DataTable } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { territoryName } from '../../territories.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { legalCategoryLabel } from '../legal-categories.js';
import { administrationMessages as m } from '../messages.js';
import { administrationHref, staffAdministrationHref } from '../policy.js';
import type {
  Administration,
  AdministrationExperiment,
  AdministrationNeed,
  AdministrationUseCase,
} from '../queries.js';
import {
  Badge,
  ClosedBadge,
  EXPERIMENT_STATUS,
  Facts,
  formatSiret,
  hrefs,
  MembersOnlyBadge,
  NEED_CATEGORY,
  registerText,
  USE_CASE_STATUS,
} from './common.js';

function paragraphs(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The public page of an administration: who it is, what it uses, what it needs, its experiments. */
export function AdministrationPage(props: {
  ctx: ViewContext;
  administration: Administration;
  member: boolean;
  staff: boolean;
  useCases: AdministrationUseCase[];
  needs: AdministrationNeed[];
  experiments: AdministrationExperiment[];
  notice?: { kind: 'success'; title: string };
}): JSX.Element {
  const { ctx, administration: a } = props;
  const { locale } = ctx;
  const base = administrationHref(a.slug);
  const manages = props.member || props.staff;
  return (
    <CooperationPage
      ctx={ctx}
      section="administrations"
      title={a.name}
      crumbs={[{ label: a.name }]}
      description={a.description ? a.description.slice(0, 200) : undefined}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      {a.hidden ? (
        <Alert
          kind="warning"
          title={t(locale, m.hiddenNotice)}
          text={t(locale, m.hiddenNoticeText, { reason: a.hiddenReason ?? '' })}
        />
      ) : (
        ''
      )}
      <ul class="fr-badges-group fr-mb-2w">
        <li>
          <Badge kind="info" text={territoryName(locale, a.territory)} />
        </li>
        {a.active === false ? (
          <li>
            <ClosedBadge locale={locale} active={a.active} />
          </li>
        ) : (
          ''
        )}
      </ul>
      {a.active === false ? (
        <p class="fr-text--sm" safe>
          {t(locale, m.closedText)}
        </p>
      ) : (
        ''
      )}
      {props.member ? (
        <p class="fr-text--sm" safe>
          {t(locale, m.memberNotice)}
        </p>
      ) : (
        ''
      )}

      <h2 class="fr-h4" safe>
        {t(locale, m.facts)}
      </h2>
      <Facts
        items={[
          [t(locale, m.siret), formatSiret(a.siret)],
          a.legalCategory ? [t(locale, m.legalCategory), legalCategoryLabel(locale, a.legalCategory)] : false,
          [t(locale, m.territory), territoryName(locale, a.territory)],
          a.website ? [t(locale, m.website), { href: a.website, text: a.website }] : false,
          [t(locale, m.register), registerText(locale, a)],
        ]}
      />

      <h2 class="fr-h4" safe>
        {t(locale, m.presentation)}
      </h2>
      {a.description ? (
        paragraphs(a.description).map((p) => <p safe>{p}</p>)
      ) : (
        <p class="fr-text--sm" safe>
          {t(locale, m.noDescription)}
        </p>
      )}

      {manages ? (
        <nav class="fr-mb-4w" aria-label={t(locale, m.manage)}>
          <h2 class="fr-h4" safe>
            {t(locale, m.manage)}
          </h2>
          <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
            <li>
              <a class="fr-btn fr-btn--secondary" href={`${base}/membres`} safe>
                {t(locale, m.membersLink)}
              </a>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href={`${base}/services`} safe>
                {t(locale, m.servicesLink)}
              </a>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href={`${base}/modifier`} safe>
                {t(locale, m.editLink)}
              </a>
            </li>
            {props.member ? (
              <>
                <li>
                  <a class="fr-btn fr-btn--tertiary" href={hrefs.newUseCase} safe>
                    {t(locale, m.newUseCase)}
                  </a>
                </li>
                <li>
                  <a class="fr-btn fr-btn--tertiary" href={hrefs.newNeed} safe>
                    {t(locale, m.newNeed)}
                  </a>
                </li>
              </>
            ) : (
              ''
            )}
            {props.staff ? (
              <li>
                <a class="fr-btn fr-btn--tertiary" href={staffAdministrationHref(a.id)} safe>
                  {t(locale, m.moderateLink)}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}

      <h2 class="fr-h4" id="utilise" safe>
        {t(locale, m.uses)}
      </h2>
      {props.useCases.length === 0 ? (
        <p safe>{t(locale, m.usesEmpty)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.uses)}
          hiddenCaption
          columns={[t(locale, m.colCommons), t(locale, m.colUseCase), t(locale, m.colStatus)]}
        >
          {props.useCases.map((u) => (
            <tr>
              <td>
                <a href={hrefs.commons(u.commonsSlug)} safe>
                  {u.commonsName}
                </a>
              </td>
              <td>
                <a href={hrefs.useCase(u.id)} safe>
                  {u.title}
                </a>
                <MembersOnlyBadge locale={locale} visibility={u.visibility} />
              </td>
              <td>
                <Badge kind={USE_CASE_STATUS[u.status].badge} text={t(locale, USE_CASE_STATUS[u.status].label)} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2 class="fr-h4" id="besoins" safe>
        {t(locale, m.needs)}
      </h2>
      {props.needs.length === 0 ? (
        <p safe>{t(locale, m.needsEmpty)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.needs)}
          hiddenCaption
          columns={[t(locale, m.colNeed), t(locale, m.colCategory), t(locale, m.colDeadline)]}
        >
          {props.needs.map((n) => (
            <tr>
              <td>
                <a href={hrefs.need(n.id)} safe>
                  {n.title}
                </a>
                <MembersOnlyBadge locale={locale} visibility={n.visibility} />
              </td>
              <td safe>{t(locale, NEED_CATEGORY[n.category])}</td>
              <td safe>
                {n.deadline ? formatDate(locale, new Date(`${n.deadline}T12:00:00Z`)) : t(locale, m.noDeadline)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2 class="fr-h4" id="experimentations" safe>
        {t(locale, m.experiments)}
      </h2>
      {props.experiments.length === 0 ? (
        <p safe>{t(locale, m.experimentsEmpty)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.experiments)}
          hiddenCaption
          columns={[t(locale, m.colExperiment), t(locale, m.colCommons), t(locale, m.colStatus)]}
        >
          {props.experiments.map((e) => (
            <tr>
              <td>
                <a href={hrefs.experiment(e.id)} safe>
                  {e.title}
                </a>
                <MembersOnlyBadge locale={locale} visibility={e.visibility} />
              </td>
              <td>
                <a href={hrefs.commons(e.commonsSlug)} safe>
                  {e.commonsName}
                </a>
              </td>
              <td>
                <Badge kind={EXPERIMENT_STATUS[e.status].badge} text={t(locale, EXPERIMENT_STATUS[e.status].label)} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </CooperationPage>
  );
}

import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, Checkbox, CsrfField, Input, Pagination, Select } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { formatEuros } from '../../../seasons/index.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import {
  COMMONS_KINDS,
  CONTRIBUTION_LABELS,
  KIND_LABELS,
  optionsOf,
  STATUS_LABELS,
  territoryLabel,
  territoryOptions,
  USE_CASE_STATUSES,
} from '../labels.js';
import { useCaseMessages as m, useCaseCounts } from '../messages.js';
import type { Contribution, UseCaseView } from '../queries.js';
import {
  administrationHref,
  Badges,
  commonsHref,
  excerpt,
  FeedHead,
  formatDay,
  HiddenBadge,
  HiddenNotice,
  hrefWith,
  MembersOnlyBadge,
  Paragraphs,
  StatusBadge,
  USE_CASES_PATH,
  useCaseHref,
} from './common.js';

/** The filters of the use cases list as typed in the address (checked values only). */
export interface UseCaseListParams {
  q?: string;
  statut?: string;
  type?: string;
  categorie?: string;
  territoire?: string;
}

export function UseCaseListPage(props: {
  ctx: ViewContext;
  items: UseCaseView[];
  total: number;
  page: number;
  pages: number;
  params: UseCaseListParams;
  categories: string[];
  canCreate: boolean;
}): JSX.Element {
  const { ctx, params } = props;
  const { locale } = ctx;
  const title = t(locale, m.useCasesTitle);
  const any = { value: '', label: t(locale, m.any) };
  return (
    <CooperationPage
      ctx={ctx}
      section="use-cases"
      title={title}
      description={t(locale, m.useCasesIntro)}
      head={<FeedHead href={`${USE_CASES_PATH}.atom`} title={t(locale, m.useCasesFeedTitle)} />}
    >
      <p class="fr-text--lead" safe>
        {t(locale, m.useCasesIntro)}
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {props.canCreate ? (
          <li>
            <a class="fr-btn fr-icon-add-line fr-btn--icon-left" href={`${USE_CASES_PATH}/nouveau`} safe>
              {t(locale, m.newUseCase)}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="fr-btn fr-btn--tertiary fr-icon-rss-line fr-btn--icon-left" href={`${USE_CASES_PATH}.atom`} safe>
            {t(locale, m.feedLink)}
          </a>
        </li>
      </ul>
      <form method="get" action={USE_CASES_PATH} class="fr-mb-4w" role="search">
        <Input
          locale={locale}
          name="q"
          type="search"
          label={t(locale, m.search)}
          hint={t(locale, m.searchHint)}
          value={params.q}
          maxlength={200}
        />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              locale={locale}
              name="statut"
              label={t(locale, m.filterStatus)}
              value={params.statut ?? ''}
              options={[any, ...optionsOf(locale, USE_CASE_STATUSES, STATUS_LABELS)]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              locale={locale}
              name="type"
              label={t(locale, m.filterKind)}
              value={params.type ?? ''}
              options={[any, ...optionsOf(locale, COMMONS_KINDS, KIND_LABELS)]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              locale={locale}
              name="categorie"
              label={t(locale, m.filterCategory)}
              value={params.categorie ?? ''}
              options={[any, ...props.categories.map((c) => ({ value: c, label: c }))]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              locale={locale}
              name="territoire"
              label={t(locale, m.fieldTerritory)}
              value={params.territoire ?? ''}
              options={[any, ...territoryOptions(locale)]}
            />
          </div>
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary fr-mt-2w" safe>
          {t(locale, m.filter)}
        </button>
      </form>
      <p role="status" safe>
        {tCount(locale, useCaseCounts.useCasesCount, props.total)}
      </p>
      {props.items.length === 0 ? (
        <p safe>{t(locale, m.noUseCases)}</p>
      ) : (
        <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
          {props.items.map((u) => (
            <li class="fr-col-12">
              <div class="fr-card fr-enlarge-link fr-card--sm">
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h2 class="fr-card__title">
                      <a href={useCaseHref(u.id)} safe>
                        {u.title}
                      </a>
                    </h2>
                    <p class="fr-card__desc" safe>
                      {excerpt(u.description)}
                    </p>
                    <div class="fr-card__start">
                      <Badges
                        locale={locale}
                        items={[
                          <StatusBadge locale={locale} useCase={u} />,
                          u.visibility === 'members' && <MembersOnlyBadge locale={locale} />,
                        ]}
                      />
                      <p class="fr-card__detail" safe>
                        {t(locale, m.usesFor, { administration: u.administrationName, commons: u.commonsName })}
                      </p>
                    </div>
                    <div class="fr-card__end">
                      <p class="fr-card__detail fr-icon-map-pin-2-line" safe>
                        {territoryLabel(locale, u.territory)}
                      </p>
                    </div>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        locale={locale}
        page={props.page}
        pages={props.pages}
        href={(n) => hrefWith(USE_CASES_PATH, { ...params }, n)}
      />
    </CooperationPage>
  );
}

/** The period of a use case in words, or '' when no date is known. */
function period(locale: ViewContext['locale'], useCase: UseCaseView): string {
  const { startedOn, endedOn } = useCase;
  if (startedOn && endedOn)
    return t(locale, m.fromTo, { from: formatDay(locale, startedOn), to: formatDay(locale, endedOn) });
  if (startedOn) return t(locale, m.since, { date: formatDay(locale, startedOn) });
  if (endedOn) return t(locale, m.until, { date: formatDay(locale, endedOn) });
  return '';
}

export function ContributionList(props: {
  locale: ViewContext['locale'];
  contributions: Contribution[];
  /** With a remove button per contribution (the edit page). */
  removeAction?: (id: string) => string;
  csrfToken?: string;
}): JSX.Element {
  const { locale } = props;
  if (props.contributions.length === 0) return <p safe>{t(locale, m.noContributions)}</p>;
  return (
    <ul>
      {props.contributions.map((c) => (
        <li class="fr-mb-2w">
          <strong safe>{t(locale, CONTRIBUTION_LABELS[c.kind])}</strong>
          {c.amountCents !== null ? <span safe>{` — ${formatEuros(locale, c.amountCents)}`}</span> : ''}
          {c.occurredOn ? <span safe>{` — ${formatDay(locale, c.occurredOn)}`}</span> : ''}
          <br />
          <span class="acc-break" safe>
            {c.description}
          </span>
          {props.removeAction ? (
            <form method="post" action={props.removeAction(c.id)} class="fr-mt-1w">
              <CsrfField token={props.csrfToken} />
              <button
                type="submit"
                class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left"
                title={t(locale, m.removeContributionOf, { what: excerpt(c.description, 60) })}
                safe
              >
                {t(locale, m.removeContribution)}
              </button>
            </form>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

/** What a referent commits to, and does not (catalogi#242): on every use case page and the referent form. */
export function Commitment({ locale, headingLevel }: { locale: ViewContext['locale']; headingLevel: 2 | 3 }) {
  const heading = t(locale, m.commitmentHeading);
  return (
    <div class="fr-callout fr-mb-4w">
      {headingLevel === 2 ? (
        <h2 class="fr-callout__title" safe>
          {heading}
        </h2>
      ) : (
        <h3 class="fr-callout__title" safe>
          {heading}
        </h3>
      )}
      <p safe>{t(locale, m.commitmentIntro)}</p>
      <ul>
        <li safe>{t(locale, m.commitment1)}</li>
        <li safe>{t(locale, m.commitment2)}</li>
        <li safe>{t(locale, m.commitment3)}</li>
      </ul>
      <p safe>{t(locale, m.commitmentNotHeading)}</p>
      <ul>
        <li safe>{t(locale, m.commitmentNot1)}</li>
        <li safe>{t(locale, m.commitmentNot2)}</li>
        <li safe>{t(locale, m.commitmentNot3)}</li>
      </ul>
      <p class="fr-text--sm fr-mb-0" safe>
        {t(locale, m.commitmentNames)}
      </p>
    </div>
  );
}

export interface ReferentShown {
  name: string;
  isExpert: boolean;
}

/** The form to become a referent (or update one's expertise), and to withdraw. */
export function ReferentForm(props: {
  ctx: ViewContext;
  useCase: UseCaseView;
  mine: { acceptedAt: Date; isExpert: boolean } | null;
  values?: Record<string, string>;
  error?: FieldError;
}): JSX.Element {
  const { ctx, useCase, mine } = props;
  const { locale } = ctx;
  const action = `${useCaseHref(useCase.id)}/referent`;
  const error = props.error;
  return (
    <div class="fr-mb-4w">
      {mine ? <p safe>{t(locale, m.youAreReferent, { date: formatDate(locale, mine.acceptedAt) })}</p> : ''}
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        <fieldset
          class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
          aria-labelledby={error ? 'referent-legend engagement-error' : 'referent-legend'}
        >
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="referent-legend" safe>
            {t(locale, mine ? m.updateReferent : m.becomeReferent)}
          </legend>
          <div class="fr-fieldset__element">
            <Checkbox
              name="engagement"
              label={`${t(locale, m.acceptCommitment)} *`}
              checked={props.values?.engagement === 'on' || (!!mine && !props.values)}
            />
          </div>
          <div class="fr-fieldset__element">
            <Checkbox
              name="expert"
              label={t(locale, m.declareExpert)}
              checked={props.values ? props.values.expert === 'on' : (mine?.isExpert ?? false)}
            />
          </div>
          {error ? (
            <div class="fr-messages-group" aria-live="polite">
              <p id="engagement-error" class="fr-error-text" safe>
                {t(locale, error.message)}
              </p>
            </div>
          ) : (
            ''
          )}
        </fieldset>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, mine ? m.updateReferent : m.becomeReferent)}
            </button>
          </li>
          {mine ? (
            <li>
              <button type="submit" class="fr-btn fr-btn--secondary" name="action" value="retirer" safe>
                {t(locale, m.withdrawReferent)}
              </button>
            </li>
          ) : (
            ''
          )}
        </ul>
      </form>
    </div>
  );
}

export function UseCasePage(props: {
  ctx: ViewContext;
  useCase: UseCaseView;
  contributions: Contribution[];
  referentCount: number;
  /** Their names, for members of the space only (null otherwise). */
  referents: ReferentShown[] | null;
  /** The visitor is a member of the use case's administration: edits it and may be a referent. */
  canEdit: boolean;
  mine: { acceptedAt: Date; isExpert: boolean } | null;
  notice?: { kind: 'success'; title: string };
}): JSX.Element {
  const { ctx, useCase: u } = props;
  const { locale } = ctx;
  const when = period(locale, u);
  const facts: [string, JSX.Element][] = [
    [
      t(locale, m.labelAdministration),
      <a href={administrationHref(u.administrationSlug)} safe>
        {u.administrationName}
      </a>,
    ],
    [
      t(locale, m.labelCommons),
      <a href={commonsHref(u.commonsSlug)} safe>
        {u.commonsName}
      </a>,
    ],
    ...(u.serviceName ? [[t(locale, m.labelService), <span safe>{u.serviceName}</span>] as [string, JSX.Element]] : []),
    [
      t(locale, m.labelStatus),
      <span safe>
        {u.status === 'abandoned' && u.abandonReason
          ? t(locale, m.abandonedBecause, { reason: u.abandonReason })
          : t(locale, STATUS_LABELS[u.status])}
      </span>,
    ],
    ...(u.serviceUrl
      ? [
          [
            t(locale, m.labelServiceUrl),
            <a class="acc-break" href={u.serviceUrl} rel="noopener" target="_blank" safe>
              {u.serviceUrl}
            </a>,
          ] as [string, JSX.Element],
        ]
      : []),
    ...(u.audience ? [[t(locale, m.labelAudience), <span safe>{u.audience}</span>] as [string, JSX.Element]] : []),
    [t(locale, m.labelTerritory), <span safe>{territoryLabel(locale, u.territory)}</span>],
    ...(when ? [[t(locale, m.labelDates), <span safe>{when}</span>] as [string, JSX.Element]] : []),
  ];
  return (
    <CooperationPage
      ctx={ctx}
      section="use-cases"
      title={u.title}
      description={excerpt(u.description, 160)}
      crumbs={[{ label: u.title }]}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      <HiddenNotice locale={locale} item={u} />
      <Badges
        locale={locale}
        items={[
          <StatusBadge locale={locale} useCase={u} />,
          u.visibility === 'members' && <MembersOnlyBadge locale={locale} />,
          (u.hidden || u.ownerHidden) && <HiddenBadge locale={locale} />,
        ]}
      />
      {props.canEdit ? (
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-2w">
          <li>
            <a
              class="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left"
              href={`${useCaseHref(u.id)}/modifier`}
              safe
            >
              {t(locale, m.edit)}
            </a>
          </li>
        </ul>
      ) : (
        ''
      )}
      <h2 class="fr-h4 fr-mt-4w" safe>
        {t(locale, m.details)}
      </h2>
      <dl>
        {facts.map(([label, value]) => (
          <>
            <dt class="fr-text--bold" safe>
              {label}
            </dt>
            <dd class="fr-mb-2w fr-ml-0">{value}</dd>
          </>
        ))}
      </dl>
      <h2 class="fr-h4" safe>
        {t(locale, m.descriptionHeading)}
      </h2>
      <Paragraphs text={u.description} />
      <h2 class="fr-h4" safe>
        {t(locale, m.contributionsHeading)}
      </h2>
      <p class="fr-text--sm" safe>
        {t(locale, m.contributionsIntro)}
      </p>
      <ContributionList locale={locale} contributions={props.contributions} />
      <h2 class="fr-h4" id="referents" safe>
        {t(locale, m.referentsHeading)}
      </h2>
      <p safe>
        {props.referentCount > 0
          ? tCount(locale, useCaseCounts.referents, props.referentCount)
          : t(locale, m.noReferents)}
      </p>
      {props.referents && props.referents.length > 0 ? (
        <ul>
          {props.referents.map((r) => (
            <li>
              <span safe>{r.name}</span>
              {r.isExpert ? (
                <>
                  {' '}
                  <span class="fr-badge fr-badge--sm fr-badge--info" safe>
                    {t(locale, m.expertBadge)}
                  </span>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {props.referentCount > 0 ? (
        <p>
          <a class="fr-link fr-icon-mail-line fr-link--icon-left" href={`${commonsHref(u.commonsSlug)}/contacter`} safe>
            {t(locale, m.contactReferents)}
          </a>
        </p>
      ) : (
        ''
      )}
      <Commitment locale={locale} headingLevel={3} />
      {props.canEdit && ctx.csrfToken ? <ReferentForm ctx={ctx} useCase={u} mine={props.mine} /> : ''}
    </CooperationPage>
  );
}

/** /cooperation/cas-d-usage/:id/referent: the commitment and its form alone (also where its errors are shown). */
export function ReferentPage(props: {
  ctx: ViewContext;
  useCase: UseCaseView;
  mine: { acceptedAt: Date; isExpert: boolean } | null;
  values?: Record<string, string>;
  error?: FieldError;
}): JSX.Element {
  const { ctx, useCase } = props;
  const { locale } = ctx;
  const title = t(locale, m.becomeReferentTitle, { title: useCase.title });
  return (
    <CooperationPage
      ctx={ctx}
      section="use-cases"
      title={title}
      crumbs={[{ label: useCase.title, href: useCaseHref(useCase.id) }, { label: t(locale, m.becomeReferent) }]}
    >
      {props.error ? (
        <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <h2 class="fr-alert__title" safe>
            {t(locale, props.error.message)}
          </h2>
          <p>
            <a href="#engagement" safe>
              {t(locale, m.acceptCommitment)}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      <Commitment locale={locale} headingLevel={2} />
      <ReferentForm ctx={ctx} useCase={useCase} mine={props.mine} values={props.values} error={props.error} />
    </CooperationPage>
  );
}

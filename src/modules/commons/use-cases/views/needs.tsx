import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, type Locale, t, tCount } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  Input,
  Pagination,
  RadioGroup,
  Select,
  TextArea,
} from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { NeedSide } from '../../tables.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { closeFieldLabels, MAX_TITLE, needFieldLabels } from '../forms.js';
import {
  COMMONS_NEED_CATEGORIES,
  KIND_PARAM,
  leverLabel,
  leverOptions,
  NEED_CATEGORIES,
  NEED_CATEGORY_LABELS,
  NEED_KIND_LABELS,
  NEED_KINDS,
  NEED_OUTCOMES,
  NEED_SIDES,
  OUTCOME_LABELS,
  optionsOf,
  SIDE_LABELS,
  SIDE_PARAM,
  territoryLabel,
  territoryOptions,
  VISIBILITIES,
  VISIBILITY_LABELS,
} from '../labels.js';
import { useCaseMessages as m, useCaseCounts } from '../messages.js';
import type { Named, NeedView } from '../queries.js';
import {
  administrationHref,
  commonsHref,
  excerpt,
  FeedHead,
  formatDay,
  HiddenNotice,
  hrefWith,
  NEEDS_PATH,
  NeedBadges,
  needHref,
  Paragraphs,
} from './common.js';
import { AdministrationField, type FormState } from './use-case-form.js';

export interface NeedListParams {
  q?: string;
  cote?: string;
  type?: string;
  categorie?: string;
  levier?: string;
  territoire?: string;
  etat?: string;
}

export function NeedListPage(props: {
  ctx: ViewContext;
  items: NeedView[];
  total: number;
  page: number;
  pages: number;
  params: NeedListParams;
  canPostForAdministration: boolean;
  canPostForCommons: boolean;
}): JSX.Element {
  const { ctx, params } = props;
  const { locale } = ctx;
  const title = t(locale, m.needsTitle);
  const any = { value: '', label: t(locale, m.any) };
  return (
    <CooperationPage
      ctx={ctx}
      section="needs"
      title={title}
      description={t(locale, m.needsIntro)}
      head={<FeedHead href={`${NEEDS_PATH}.atom`} title={t(locale, m.needsFeedTitle)} />}
    >
      <p class="fr-text--lead" safe>
        {t(locale, m.needsIntro)}
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {props.canPostForAdministration ? (
          <li>
            <a
              class="fr-btn fr-icon-add-line fr-btn--icon-left"
              href={`${NEEDS_PATH}/nouveau?cote=administration`}
              safe
            >
              {t(locale, m.newNeedAdministration)}
            </a>
          </li>
        ) : (
          ''
        )}
        {props.canPostForCommons ? (
          <li>
            <a class="fr-btn fr-icon-add-line fr-btn--icon-left" href={`${NEEDS_PATH}/nouveau?cote=commun`} safe>
              {t(locale, m.newNeedCommons)}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="fr-btn fr-btn--tertiary fr-icon-rss-line fr-btn--icon-left" href={`${NEEDS_PATH}.atom`} safe>
            {t(locale, m.feedLink)}
          </a>
        </li>
      </ul>
      <form method="get" action={NEEDS_PATH} class="fr-mb-4w" role="search">
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
          <div class="fr-col-12 fr-col-md-4">
            <Select
              locale={locale}
              name="cote"
              label={t(locale, m.filterSide)}
              value={params.cote ?? ''}
              options={[any, ...NEED_SIDES.map((s) => ({ value: SIDE_PARAM[s], label: t(locale, SIDE_LABELS[s]) }))]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <Select
              locale={locale}
              name="type"
              label={t(locale, m.filterNeedKind)}
              value={params.type ?? ''}
              options={[
                any,
                ...NEED_KINDS.map((k) => ({ value: KIND_PARAM[k], label: t(locale, NEED_KIND_LABELS[k]) })),
              ]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <Select
              locale={locale}
              name="etat"
              label={t(locale, m.filterState)}
              value={params.etat ?? 'ouverts'}
              options={[
                { value: 'ouverts', label: t(locale, m.stateOpen) },
                { value: 'clos', label: t(locale, m.stateClosed) },
                { value: 'tous', label: t(locale, m.stateAll) },
              ]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <Select
              locale={locale}
              name="categorie"
              label={t(locale, m.filterNeedCategory)}
              value={params.categorie ?? ''}
              options={[any, ...optionsOf(locale, NEED_CATEGORIES, NEED_CATEGORY_LABELS)]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <Select
              locale={locale}
              name="levier"
              label={t(locale, m.filterLever)}
              value={params.levier ?? ''}
              options={[any, ...leverOptions(locale)]}
            />
          </div>
          <div class="fr-col-12 fr-col-md-4">
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
        {tCount(locale, useCaseCounts.needsCount, props.total)}
      </p>
      {props.items.length === 0 ? (
        <p safe>{t(locale, m.noNeeds)}</p>
      ) : (
        <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
          {props.items.map((n) => (
            <li class="fr-col-12">
              <div class="fr-card fr-enlarge-link fr-card--sm">
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h2 class="fr-card__title">
                      <a href={needHref(n.id)} safe>
                        {n.title}
                      </a>
                    </h2>
                    <p class="fr-card__desc" safe>
                      {excerpt(n.description)}
                    </p>
                    <div class="fr-card__start">
                      <NeedBadges locale={locale} need={n} />
                      <p class="fr-card__detail" safe>
                        {`${n.ownerName} · ${t(locale, NEED_CATEGORY_LABELS[n.category])}`}
                      </p>
                    </div>
                    <div class="fr-card__end">
                      <p class="fr-card__detail fr-icon-map-pin-2-line" safe>
                        {[
                          territoryLabel(locale, n.territory),
                          n.lever ? leverLabel(locale, n.lever) : '',
                          n.deadline && !n.closedAt
                            ? t(locale, m.deadlineOn, { date: formatDay(locale, n.deadline) })
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
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
        href={(n) => hrefWith(NEEDS_PATH, { ...params }, n)}
      />
    </CooperationPage>
  );
}

export function NeedPage(props: {
  ctx: ViewContext;
  need: NeedView;
  canEdit: boolean;
  notice?: { kind: 'success'; title: string };
}): JSX.Element {
  const { ctx, need: n } = props;
  const { locale } = ctx;
  const ownerLink = n.side === 'administration' ? administrationHref(n.ownerSlug) : commonsHref(n.ownerSlug);
  const facts: [string, JSX.Element][] = [
    [
      t(locale, m.labelPostedBy),
      <a href={ownerLink} safe>
        {n.ownerName}
      </a>,
    ],
    [t(locale, m.labelKind), <span safe>{t(locale, NEED_KIND_LABELS[n.kind])}</span>],
    [t(locale, m.labelCategory), <span safe>{t(locale, NEED_CATEGORY_LABELS[n.category])}</span>],
    [t(locale, m.labelTerritory), <span safe>{territoryLabel(locale, n.territory)}</span>],
    ...(n.lever
      ? [[t(locale, m.labelLever), <span safe>{leverLabel(locale, n.lever)}</span>] as [string, JSX.Element]]
      : []),
    ...(n.deadline
      ? [[t(locale, m.labelDeadline), <span safe>{formatDay(locale, n.deadline)}</span>] as [string, JSX.Element]]
      : []),
    [
      t(locale, m.labelState),
      <span safe>
        {n.closedAt && n.outcome
          ? t(locale, m.closedOn, {
              date: formatDate(locale, n.closedAt),
              outcome: t(locale, OUTCOME_LABELS[n.outcome]),
            })
          : t(locale, m.openBadge)}
      </span>,
    ],
  ];
  const base = needHref(n.id);
  return (
    <CooperationPage
      ctx={ctx}
      section="needs"
      title={n.title}
      description={excerpt(n.description, 160)}
      crumbs={[{ label: n.title }]}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      <HiddenNotice locale={locale} item={n} />
      <NeedBadges locale={locale} need={n} />
      <p class="fr-text--sm fr-mt-1w" safe>
        {t(locale, m.postedOn, { date: formatDate(locale, n.createdAt) })}
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <a class="fr-btn fr-icon-lightbulb-line fr-btn--icon-left" href={`${base}/suggestions`} safe>
            {t(locale, m.suggestions)}
          </a>
        </li>
        {n.closedAt ? (
          ''
        ) : (
          <li>
            <a class="fr-btn fr-btn--secondary fr-icon-mail-line fr-btn--icon-left" href={`${base}/contacter`} safe>
              {t(locale, m.contactAuthors)}
            </a>
          </li>
        )}
      </ul>
      <h2 class="fr-h4" safe>
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
        {t(locale, n.side === 'administration' ? m.fieldProblem : m.fieldNeedDescription)}
      </h2>
      <Paragraphs text={n.description} />
      {n.context ? (
        <>
          <h2 class="fr-h4" safe>
            {t(locale, m.contextHeading)}
          </h2>
          <Paragraphs text={n.context} />
        </>
      ) : (
        ''
      )}
      {n.closedAt && n.outcomeNote ? (
        <>
          <h2 class="fr-h4" safe>
            {t(locale, m.fieldOutcome)}
          </h2>
          <Paragraphs text={n.outcomeNote} />
        </>
      ) : (
        ''
      )}
      {props.canEdit ? (
        n.closedAt ? (
          <form method="post" action={`${base}/reouverture`} class="fr-mt-4w">
            <CsrfField token={ctx.csrfToken} />
            <p class="fr-hint-text" safe>
              {t(locale, m.reopenHint)}
            </p>
            <button type="submit" class="fr-btn fr-btn--secondary" safe>
              {t(locale, m.reopenNeed)}
            </button>
          </form>
        ) : (
          <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-4w">
            <li>
              <a class="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left" href={`${base}/modifier`} safe>
                {t(locale, m.edit)}
              </a>
            </li>
            <li>
              <a class="fr-btn fr-btn--tertiary" href={`${base}/cloture`} safe>
                {t(locale, m.closeNeed)}
              </a>
            </li>
          </ul>
        )
      ) : (
        ''
      )}
    </CooperationPage>
  );
}

/** The form's values for a stored need or offer. */
export function needFormValues(n: NeedView): Record<string, string> {
  return {
    administration: n.administrationId ?? '',
    commun: n.commonsId ?? '',
    kind: n.kind,
    category: n.category,
    title: n.title,
    description: n.description,
    context: n.context,
    territory: n.territory,
    lever: n.lever ?? '',
    deadline: n.deadline ?? '',
    visibility: n.visibility,
    version: String(n.version),
  };
}

function CommonsOwnerField(props: {
  locale: Locale;
  commons: Named[];
  value: string;
  error?: FieldError;
  fixed?: Named;
}): JSX.Element {
  const { locale } = props;
  const fixed = props.fixed ?? (props.commons.length === 1 ? props.commons[0] : undefined);
  if (fixed)
    return (
      <div class="fr-mb-3w">
        <input type="hidden" name="commun" value={fixed.id} />
        <p class="fr-mb-0">
          <span class="fr-text--bold" safe>
            {`${t(locale, m.fieldNeedCommons)} : `}
          </span>
          <span safe>{fixed.name}</span>
        </p>
      </div>
    );
  return (
    <Select
      locale={locale}
      name="commun"
      label={t(locale, m.fieldNeedCommons)}
      hint={t(locale, m.fieldNeedCommonsHint)}
      value={props.value}
      error={props.error}
      required
      options={props.commons.map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}

export function NeedFormPage(props: {
  ctx: ViewContext;
  side: NeedSide;
  need: NeedView | null;
  owners: Named[];
  form: FormState;
  notice?: { kind: 'warning'; title: string; text?: string };
}): JSX.Element {
  const { ctx, side, need, form } = props;
  const { locale } = ctx;
  const v = form.values;
  const e = form.errors;
  const title = need
    ? t(locale, m.needEditTitle)
    : t(locale, side === 'administration' ? m.needNewAdministrationTitle : m.needNewCommonsTitle);
  const action = need ? `${needHref(need.id)}/modifier` : `${NEEDS_PATH}/nouveau?cote=${SIDE_PARAM[side]}`;
  const fixed = need
    ? {
        id: (side === 'administration' ? need.administrationId : need.commonsId) ?? '',
        slug: need.ownerSlug,
        name: need.ownerName,
      }
    : undefined;
  return (
    <CooperationPage
      ctx={ctx}
      section="needs"
      title={title}
      crumbs={
        need ? [{ label: need.title, href: needHref(need.id) }, { label: t(locale, m.edit) }] : [{ label: title }]
      }
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
      <p safe>{t(locale, side === 'administration' ? m.needFormIntroAdministration : m.needFormIntroCommons)}</p>
      <ErrorSummary locale={locale} errors={e} labels={needFieldLabels(locale, side)} />
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        {need ? <input type="hidden" name="version" value={v.version ?? String(need.version)} /> : ''}
        {side === 'administration' ? (
          <AdministrationField
            locale={locale}
            administrations={props.owners}
            value={v.administration ?? ''}
            error={e.administration}
            fixed={fixed}
          />
        ) : (
          <>
            <CommonsOwnerField
              locale={locale}
              commons={props.owners}
              value={v.commun ?? ''}
              error={e.commun}
              fixed={fixed}
            />
            <RadioGroup
              locale={locale}
              name="kind"
              legend={t(locale, m.fieldNeedKind)}
              options={optionsOf(locale, NEED_KINDS, NEED_KIND_LABELS)}
              value={v.kind ?? ''}
              error={e.kind}
              required
              inline
            />
            <Select
              locale={locale}
              name="category"
              label={t(locale, m.fieldNeedCategory)}
              value={v.category ?? ''}
              error={e.category}
              required
              options={optionsOf(locale, COMMONS_NEED_CATEGORIES, NEED_CATEGORY_LABELS)}
            />
          </>
        )}
        <Input
          locale={locale}
          name="title"
          label={t(locale, m.fieldTitle)}
          value={v.title}
          error={e.title}
          required
          maxlength={MAX_TITLE}
        />
        <TextArea
          locale={locale}
          name="description"
          label={t(locale, side === 'administration' ? m.fieldProblem : m.fieldNeedDescription)}
          hint={side === 'administration' ? t(locale, m.fieldProblemHint) : undefined}
          value={v.description}
          error={e.description}
          required
          rows={8}
        />
        <TextArea
          locale={locale}
          name="context"
          label={t(locale, m.fieldContext)}
          hint={t(locale, m.fieldContextHint)}
          value={v.context}
          error={e.context}
          rows={4}
        />
        <Select
          locale={locale}
          name="territory"
          label={t(locale, m.fieldTerritory)}
          value={v.territory ?? ''}
          error={e.territory}
          required
          options={territoryOptions(locale)}
        />
        <Select
          locale={locale}
          name="lever"
          label={t(locale, m.fieldLever)}
          hint={t(locale, m.fieldLeverHint)}
          value={v.lever ?? ''}
          error={e.lever}
          options={[{ value: '', label: t(locale, m.noLever) }, ...leverOptions(locale)]}
        />
        <Input
          locale={locale}
          name="deadline"
          type="date"
          label={t(locale, m.fieldDeadline)}
          hint={t(locale, m.fieldDeadlineHint)}
          value={v.deadline}
          error={e.deadline}
        />
        <RadioGroup
          locale={locale}
          name="visibility"
          legend={t(locale, m.fieldVisibility)}
          options={optionsOf(locale, VISIBILITIES, VISIBILITY_LABELS)}
          value={v.visibility ?? 'public'}
          error={e.visibility}
          required
        />
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.save)}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={need ? needHref(need.id) : NEEDS_PATH} safe>
              {t(locale, m.cancel)}
            </a>
          </li>
        </ul>
      </form>
    </CooperationPage>
  );
}

export function CloseNeedPage(props: {
  ctx: ViewContext;
  need: NeedView;
  form: FormState;
  notice?: { kind: 'warning'; title: string; text?: string };
}): JSX.Element {
  const { ctx, need, form } = props;
  const { locale } = ctx;
  const v = form.values;
  const e = form.errors;
  const title = t(locale, m.closeNeedTitle, { title: need.title });
  return (
    <CooperationPage
      ctx={ctx}
      section="needs"
      title={title}
      crumbs={[{ label: need.title, href: needHref(need.id) }, { label: t(locale, m.closeNeed) }]}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
      <p safe>{t(locale, m.closeNeedIntro)}</p>
      <ErrorSummary locale={locale} errors={e} labels={closeFieldLabels(locale)} />
      <form method="post" action={`${needHref(need.id)}/cloture`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={v.version ?? String(need.version)} />
        <RadioGroup
          locale={locale}
          name="outcome"
          legend={t(locale, m.fieldOutcome)}
          options={optionsOf(locale, NEED_OUTCOMES, OUTCOME_LABELS)}
          value={v.outcome ?? ''}
          error={e.outcome}
          required
        />
        <TextArea
          locale={locale}
          name="outcome_note"
          label={t(locale, m.fieldOutcomeNote)}
          hint={t(locale, m.fieldOutcomeNoteHint)}
          value={v.outcome_note}
          error={e.outcome_note}
          required
          rows={4}
        />
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.closeNeed)}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={needHref(need.id)} safe>
              {t(locale, m.cancel)}
            </a>
          </li>
        </ul>
      </form>
    </CooperationPage>
  );
}

import type { FieldError } from '../../../../core/http/forms.js';
import { t } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  ButtonGroup,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  RadioGroup,
  Select,
  TextArea,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { LaureateRecord } from '../../../seasons/index.js';
import { MAX_TARGETS } from '../forms.js';
import { reportingMessages as m } from '../messages.js';
import type { Indicator, ReportedValue } from '../queries.js';
import { IndicatorFacts, indicatorName, leverOptions, type Notice, StaffCrumbs, ValueCells } from './common.js';
import { ValueForm, type ValueFormState } from './value-form.js';

export interface StaffRow {
  laureate: LaureateRecord;
  seasonName: string;
  indicators: number;
  pending: number;
}

/** /admin/impact: the laureates (of the staff member's tracks) with their indicators and values to approve. */
export function StaffListPage(props: { ctx: ViewContext; rows: StaffRow[] }): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.staffTitle)}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs locale={locale} items={[]} />
        <h1 safe>{t(locale, m.staffTitle)}</h1>
        <p safe>{t(locale, m.staffIntro)}</p>
        <p>
          <a class="fr-link fr-icon-chat-quote-line fr-link--icon-left" href="/admin/impact/temoignages" safe>
            {t(locale, m.testimoniesLink)}
          </a>
        </p>
        {props.rows.length === 0 ? (
          <p safe>{t(locale, m.noLaureates)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.laureatesCaption)}
            columns={[
              t(locale, m.colLaureate),
              t(locale, m.colSeason),
              t(locale, m.colIndicators),
              t(locale, m.colPending),
            ]}
          >
            {props.rows.map((row) => (
              <tr>
                <td>
                  <a href={`/admin/impact/laureats/${row.laureate.id}`} safe>
                    {row.laureate.name}
                  </a>
                  {row.laureate.applicationRef ? (
                    ''
                  ) : (
                    <span class="fr-hint-text" safe>
                      {t(locale, m.handTyped)}
                    </span>
                  )}
                </td>
                <td safe>{row.seasonName}</td>
                <td safe>{String(row.indicators)}</td>
                <td>
                  {row.pending > 0 ? (
                    <p class="fr-badge fr-badge--new fr-badge--sm" safe>
                      {String(row.pending)}
                    </p>
                  ) : (
                    '0'
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

function ReviewForms(props: {
  ctx: ViewContext;
  value: ReportedValue;
  values: Record<string, string>;
  error?: FieldError;
}): JSX.Element {
  const { ctx, value } = props;
  const { locale } = ctx;
  const field = `comment-${value.id}`;
  return (
    <div>
      <form method="post" action={`/admin/impact/valeurs/${value.id}/approuver`}>
        <CsrfField token={ctx.csrfToken} />
        <ButtonGroup size="sm" buttons={[{ label: t(locale, m.approve) }]} />
      </form>
      <form method="post" action={`/admin/impact/valeurs/${value.id}/renvoyer`}>
        <CsrfField token={ctx.csrfToken} />
        <TextArea
          locale={locale}
          name={field}
          label={t(locale, m.returnCommentLabel)}
          value={props.values[field]}
          error={props.error}
          rows={2}
        />
        <ButtonGroup size="sm" buttons={[{ label: t(locale, m.returnValue), priority: 'secondary' }]} />
      </form>
    </div>
  );
}

/** A laureate's indicators with every value, the review of pending ones, and the indicators' actions. */
export function StaffLaureatePage(props: {
  ctx: ViewContext;
  laureate: LaureateRecord;
  seasonName: string;
  /** The team's laureate space on the platform (a laureate decided here), or null for a hand-typed one. */
  spaceHref: string | null;
  indicators: Indicator[];
  values: ReportedValue[];
  notice?: Notice;
  review?: { values: Record<string, string>; errors: Record<string, FieldError> };
}): JSX.Element {
  const { ctx, laureate } = props;
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={`${t(locale, m.indicatorsTitle)} — ${laureate.name}`}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs locale={locale} items={[{ label: laureate.name }]} />
        <h1 safe>{laureate.name}</h1>
        <p class="fr-text--lead" safe>
          {props.seasonName}
        </p>
        {props.spaceHref ? (
          <p>
            <a class="fr-link" href={props.spaceHref} safe>
              {t(locale, m.spaceLink)}
            </a>
          </p>
        ) : (
          ''
        )}
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
        <h2 safe>{t(locale, m.indicatorsTitle)}</h2>
        <p>
          <a
            class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
            href={`/admin/impact/laureats/${laureate.id}/indicateurs/nouveau`}
            safe
          >
            {t(locale, m.newIndicator)}
          </a>
        </p>
        {props.indicators.length === 0 ? <p safe>{t(locale, m.noIndicators)}</p> : ''}
        {props.indicators.map((indicator) => {
          const values = props.values.filter((v) => v.indicatorId === indicator.id);
          const name = indicatorName(locale, indicator);
          return (
            <section class="fr-mb-6w" aria-labelledby={`indicator-${indicator.id}`}>
              <h3 id={`indicator-${indicator.id}`} safe>
                {name}
              </h3>
              <ul class="fr-badges-group">
                <li>
                  <p class={`fr-badge fr-badge--sm ${indicator.isPublic ? 'fr-badge--info' : ''}`} safe>
                    {t(locale, indicator.isPublic ? m.publicBadge : m.privateBadge)}
                  </p>
                </li>
                {indicator.archivedAt ? (
                  <li>
                    <p class="fr-badge fr-badge--sm fr-badge--warning" safe>
                      {t(locale, m.archived)}
                    </p>
                  </li>
                ) : (
                  ''
                )}
              </ul>
              <IndicatorFacts locale={locale} indicator={indicator} />
              <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
                <li>
                  <a class="fr-btn fr-btn--secondary" href={`/admin/impact/indicateurs/${indicator.id}/modifier`} safe>
                    {t(locale, m.editIndicator)}
                  </a>
                </li>
                {indicator.archivedAt ? (
                  ''
                ) : (
                  <li>
                    <a
                      class="fr-btn fr-btn--secondary"
                      href={`/admin/impact/indicateurs/${indicator.id}/valeurs/nouvelle`}
                      safe
                    >
                      {t(locale, m.recordValue)}
                    </a>
                  </li>
                )}
                <li>
                  <form
                    method="post"
                    action={`/admin/impact/indicateurs/${indicator.id}/${indicator.archivedAt ? 'retablir' : 'archiver'}`}
                  >
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="version" value={String(indicator.version)} />
                    <button type="submit" class="fr-btn fr-btn--tertiary" safe>
                      {t(locale, indicator.archivedAt ? m.restore : m.archive)}
                    </button>
                  </form>
                </li>
              </ul>
              {values.length === 0 ? (
                <p safe>{t(locale, m.noValues)}</p>
              ) : (
                <DataTable
                  caption={t(locale, m.valuesCaption, { name })}
                  columns={[
                    t(locale, m.colPeriod),
                    t(locale, m.colValue),
                    t(locale, m.colSource),
                    t(locale, m.colState),
                    t(locale, m.colActions),
                  ]}
                >
                  {values.map((value) => (
                    <tr>
                      <ValueCells
                        locale={locale}
                        indicator={indicator}
                        value={value}
                        evidenceHref={`/admin/impact/valeurs/${value.id}/justificatif`}
                      />
                      <td>
                        {value.state === 'pending' ? (
                          <ReviewForms
                            ctx={ctx}
                            value={value}
                            values={props.review?.values ?? {}}
                            error={props.review?.errors[`comment-${value.id}`]}
                          />
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
          );
        })}
      </div>
    </Page>
  );
}

/** The indicator form: new (for a laureate) or edit (with its version, for optimistic concurrency). */
export function IndicatorFormPage(props: {
  ctx: ViewContext;
  laureate: LaureateRecord;
  heading: string;
  action: string;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  notice?: Notice;
}): JSX.Element {
  const { ctx, values: v, errors: e } = props;
  const { locale } = ctx;
  const labels: Record<string, string> = {
    name: t(locale, m.fieldName),
    name_en: t(locale, m.fieldNameEn),
    description: t(locale, m.fieldDescription),
    unit: t(locale, m.fieldUnit),
    unit_en: t(locale, m.fieldUnitEn),
    direction: t(locale, m.fieldDirection),
    baseline_value: t(locale, m.fieldBaselineValue),
    baseline_date: t(locale, m.fieldBaselineDate),
    iris_id: t(locale, m.fieldIris),
    lever: t(locale, m.fieldLever),
    is_public: t(locale, m.fieldPublic),
    position: t(locale, m.fieldPosition),
  };
  for (let i = 0; i < MAX_TARGETS; i++) {
    labels[`target_value_${i}`] = t(locale, m.fieldTargetValue, { n: i + 1 });
    labels[`target_date_${i}`] = t(locale, m.fieldTargetDate, { n: i + 1 });
  }
  const filled = Array.from({ length: MAX_TARGETS }, (_, i) => i).filter(
    (i) => v[`target_value_${i}`] || v[`target_date_${i}`],
  ).length;
  const rows = Math.min(MAX_TARGETS, Math.max(3, filled + 2));
  const laureateHref = `/admin/impact/laureats/${props.laureate.id}`;
  return (
    <Page ctx={ctx} title={`${props.heading} — ${props.laureate.name}`}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs
          locale={locale}
          items={[{ label: props.laureate.name, href: laureateHref }, { label: props.heading }]}
        />
        <h1 safe>{props.heading}</h1>
        <p class="fr-text--lead" safe>
          {props.laureate.name}
        </p>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
        <ErrorSummary locale={locale} errors={e} labels={labels} />
        <form method="post" action={props.action} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="version" value={v.version ?? ''} />
          <input type="hidden" name="submission_key" value={v.submission_key ?? ''} />
          <Input
            locale={locale}
            name="name"
            label={labels.name!}
            hint={t(locale, m.fieldNameHint)}
            value={v.name}
            error={e.name}
            required
            maxlength={200}
          />
          <Input
            locale={locale}
            name="name_en"
            label={labels.name_en!}
            value={v.name_en}
            error={e.name_en}
            maxlength={200}
          />
          <TextArea
            locale={locale}
            name="description"
            label={labels.description!}
            value={v.description}
            error={e.description}
            rows={3}
          />
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-6">
              <Input
                locale={locale}
                name="unit"
                label={labels.unit!}
                hint={t(locale, m.fieldUnitHint)}
                value={v.unit}
                error={e.unit}
                required
                maxlength={60}
              />
            </div>
            <div class="fr-col-12 fr-col-md-6">
              <Input
                locale={locale}
                name="unit_en"
                label={labels.unit_en!}
                value={v.unit_en}
                error={e.unit_en}
                maxlength={60}
              />
            </div>
          </div>
          <RadioGroup
            locale={locale}
            name="direction"
            legend={labels.direction!}
            value={v.direction ?? ''}
            error={e.direction}
            required
            options={[
              { value: 'increase', label: t(locale, m.directionIncrease) },
              { value: 'decrease', label: t(locale, m.directionDecrease) },
            ]}
          />
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-6">
              <Input
                locale={locale}
                name="baseline_value"
                label={labels.baseline_value!}
                hint={t(locale, m.figureHint)}
                value={v.baseline_value}
                error={e.baseline_value}
                maxlength={40}
              />
            </div>
            <div class="fr-col-12 fr-col-md-6">
              <Input
                locale={locale}
                name="baseline_date"
                type="date"
                label={labels.baseline_date!}
                hint={t(locale, m.dateHint)}
                value={v.baseline_date}
                error={e.baseline_date}
              />
            </div>
          </div>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend" safe>
              {t(locale, m.targetsLegend)}
            </legend>
            {Array.from({ length: rows }, (_, i) => (
              <div class="fr-fieldset__element">
                <div class="fr-grid-row fr-grid-row--gutters">
                  <div class="fr-col-12 fr-col-md-6">
                    <Input
                      locale={locale}
                      name={`target_value_${i}`}
                      label={labels[`target_value_${i}`]!}
                      hint={t(locale, m.figureHint)}
                      value={v[`target_value_${i}`]}
                      error={e[`target_value_${i}`]}
                      maxlength={40}
                    />
                  </div>
                  <div class="fr-col-12 fr-col-md-6">
                    <Input
                      locale={locale}
                      name={`target_date_${i}`}
                      type="date"
                      label={labels[`target_date_${i}`]!}
                      hint={t(locale, m.dateHint)}
                      value={v[`target_date_${i}`]}
                      error={e[`target_date_${i}`]}
                    />
                  </div>
                </div>
              </div>
            ))}
          </fieldset>
          <Input
            locale={locale}
            name="iris_id"
            label={labels.iris_id!}
            hint={t(locale, m.fieldIrisHint)}
            value={v.iris_id}
            error={e.iris_id}
            maxlength={16}
          />
          <Select
            locale={locale}
            name="lever"
            label={labels.lever!}
            value={v.lever}
            error={e.lever}
            options={leverOptions(locale)}
          />
          <Checkbox
            name="is_public"
            label={labels.is_public!}
            hint={t(locale, m.fieldPublicHint)}
            checked={v.is_public === 'on'}
          />
          <Input
            locale={locale}
            name="position"
            label={labels.position!}
            hint={t(locale, m.fieldPositionHint)}
            value={v.position}
            error={e.position}
            maxlength={4}
          />
          <ButtonGroup buttons={[{ label: t(locale, m.save) }]} class="fr-mt-4w" />
          <p>
            <a class="fr-link" href={laureateHref} safe>
              {t(locale, m.cancel)}
            </a>
          </p>
        </form>
      </div>
    </Page>
  );
}

/** Staff record an approved value (a laureate without a team on the platform). */
export function StaffValueFormPage(props: {
  ctx: ViewContext;
  laureate: LaureateRecord;
  indicator: Indicator;
  state: ValueFormState;
}): JSX.Element {
  const { ctx, indicator } = props;
  const { locale } = ctx;
  const heading = t(locale, m.recordValue);
  const laureateHref = `/admin/impact/laureats/${props.laureate.id}`;
  return (
    <Page ctx={ctx} title={`${heading} — ${indicatorName(locale, indicator)}`}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs locale={locale} items={[{ label: props.laureate.name, href: laureateHref }, { label: heading }]} />
        <h1 safe>{heading}</h1>
        <p class="fr-text--lead" safe>
          {`${props.laureate.name} — ${indicatorName(locale, indicator)}`}
        </p>
        <p class="fr-hint-text" safe>
          {t(locale, m.recordValueHint)}
        </p>
        <ValueForm
          locale={locale}
          csrfToken={ctx.csrfToken}
          action={`/admin/impact/indicateurs/${indicator.id}/valeurs`}
          indicator={indicator}
          state={props.state}
          buttons={[{ label: t(locale, m.recordAndApprove), value: 'record' }]}
          cancelHref={laureateHref}
        />
      </div>
    </Page>
  );
}

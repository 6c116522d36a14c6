import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, ErrorSummary, Input, Select, TextArea } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { seasonMessages as m } from '../messages.js';
import type { LaureateRecord, SeasonRecord } from '../queries.js';
import { AdminBreadcrumb } from './admin-seasons.js';

function labels(locale: Locale): Record<string, string> {
  return {
    name: t(locale, m.fieldLaureateName),
    organisation: t(locale, m.fieldOrganisation),
    track_code: t(locale, m.fieldTrack),
    summary: t(locale, m.fieldLaureateSummary),
    summary_en: t(locale, m.fieldLaureateSummaryEn),
    website: t(locale, m.fieldWebsite),
    position: t(locale, m.fieldPosition),
  };
}

interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

function LaureateForm({
  ctx,
  season,
  action,
  state,
}: {
  ctx: ViewContext;
  season: SeasonRecord;
  action: string;
  state: FormState;
}): JSX.Element {
  const { locale } = ctx;
  const l = labels(locale);
  const field = (name: string) => ({
    locale,
    name,
    value: state.values[name] ?? '',
    error: state.errors[name],
    label: l[name],
  });
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      {state.values.submission_key ? (
        <input type="hidden" name="submission_key" value={state.values.submission_key} />
      ) : (
        ''
      )}
      <p class="fr-hint-text" safe>
        {t(locale, uiMessages.requiredHint)}
      </p>
      <Input {...field('name')} required />
      <Input {...field('organisation')} />
      <Select
        {...field('track_code')}
        options={[
          { value: '', label: t(locale, m.noTrack) },
          ...season.tracks.map((tr) => ({ value: tr.code, label: tr.name })),
        ]}
      />
      <TextArea {...field('summary')} rows={4} />
      <TextArea {...field('summary_en')} rows={4} />
      <Input {...field('website')} type="url" />
      <Input {...field('position')} />
      <button type="submit" class="fr-btn" safe>
        {t(locale, m.save)}
      </button>
    </form>
  );
}

/** /admin/saisons/:id/laureats: the season's laureates, with delete buttons and the add form. */
export function AdminLaureatesPage(props: {
  ctx: ViewContext;
  season: SeasonRecord;
  laureates: LaureateRecord[];
  state: FormState;
  notice?: string;
}): JSX.Element {
  const { ctx, season, laureates, state } = props;
  const { locale } = ctx;
  const heading = t(locale, m.laureatesOf, { n: season.number });
  return (
    <Page ctx={ctx} title={heading}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} current={heading} />
        <h1 safe>{heading}</h1>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        <DataTable
          caption={t(locale, m.laureatesTable)}
          columns={[
            t(locale, m.colPosition),
            t(locale, m.colName),
            t(locale, m.colOrganisation),
            t(locale, m.colTrack),
            t(locale, m.colActions),
          ]}
        >
          {laureates.map((l) => (
            <tr>
              <td safe>{String(l.position)}</td>
              <td>
                <span safe>{l.name}</span>
                {l.applicationRef ? (
                  <p class="fr-hint-text" safe>
                    {l.visibleFrom
                      ? t(locale, m.fromDecisions, { from: formatDateTime(locale, l.visibleFrom) })
                      : t(locale, m.fromDecisionsAlways)}
                  </p>
                ) : (
                  ''
                )}
              </td>
              <td safe>{l.organisation}</td>
              <td safe>{season.tracks.find((tr) => tr.code === l.trackCode)?.name ?? ''}</td>
              <td>
                <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  <li>
                    <a
                      class="fr-btn fr-btn--secondary"
                      href={`/admin/saisons/${season.id}/laureats/${l.id}/modifier`}
                      title={`${t(locale, m.edit)} ${l.name}`}
                      safe
                    >
                      {t(locale, m.edit)}
                    </a>
                  </li>
                  <li>
                    <form method="post" action={`/admin/saisons/${season.id}/laureats/${l.id}/supprimer`}>
                      <CsrfField token={ctx.csrfToken} />
                      <button
                        type="submit"
                        class="fr-btn fr-btn--tertiary"
                        title={t(locale, m.deleteLaureateTitle, { name: l.name })}
                        safe
                      >
                        {t(locale, m.deleteLaureate)}
                      </button>
                    </form>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
        <h2 id="ajouter" safe>
          {t(locale, m.newLaureate)}
        </h2>
        <ErrorSummary locale={locale} errors={state.errors} labels={labels(locale)} />
        <LaureateForm ctx={ctx} season={season} action={`/admin/saisons/${season.id}/laureats`} state={state} />
      </div>
    </Page>
  );
}

/** /admin/saisons/:id/laureats/:laureateId/modifier */
export function EditLaureatePage(props: {
  ctx: ViewContext;
  season: SeasonRecord;
  laureateId: string;
  state: FormState;
}): JSX.Element {
  const { ctx, season, state } = props;
  const { locale } = ctx;
  const heading = t(locale, m.editLaureate);
  return (
    <Page ctx={ctx} title={heading}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} current={heading} />
        <h1 safe>{heading}</h1>
        <ErrorSummary locale={locale} errors={state.errors} labels={labels(locale)} />
        <LaureateForm
          ctx={ctx}
          season={season}
          action={`/admin/saisons/${season.id}/laureats/${props.laureateId}`}
          state={state}
        />
        <p class="fr-mt-4w">
          <a class="fr-link" href={`/admin/saisons/${season.id}/laureats`} safe>
            {t(locale, m.laureatesOf, { n: season.number })}
          </a>
        </p>
      </div>
    </Page>
  );
}

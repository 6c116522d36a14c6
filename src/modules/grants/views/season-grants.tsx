import { t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  ButtonGroup,
  CsrfField,
  DataTable,
  ErrorSummary,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { placeholderList } from '../convention-template.js';
import { grantMessages as m } from '../grant-messages.js';
import type { GrantStatus } from '../tables.js';
import {
  conventionTemplatePath,
  ENVELOPES_PATH,
  euros,
  type FormState,
  type PageNotice,
  StatusBadge,
  staffGrantPath,
} from './common.js';

export interface SeasonGrantRow {
  applicationId: string;
  title: string;
  trackCode: string;
  decidedCents: number | null;
  grant: { amountCents: number; status: GrantStatus; paidCents: number } | null;
}

/** /admin/subventions/saisons/:id: the season's laureates (of the member's tracks) with their grant's state. */
export function SeasonGrantsPage(props: {
  ctx: ViewContext;
  season: { id: string; name: string };
  rows: SeasonGrantRow[];
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const title = t(locale, m.seasonGrants, { season: props.season.name });
  const money = (cents: number | null): string => (cents === null ? '—' : euros(locale, cents));
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.administration), href: '/admin' },
            { label: t(locale, m.grants), href: '/admin/subventions' },
            { label: t(locale, m.envelopes), href: `${ENVELOPES_PATH}?saison=${props.season.id}` },
            { label: title },
          ]}
        />
        <h1 safe>{title}</h1>
        {props.rows.length === 0 ? (
          <p safe>{t(locale, m.noLaureate)}</p>
        ) : (
          <DataTable
            caption={title}
            hiddenCaption
            columns={[
              t(locale, m.colLaureate),
              t(locale, m.colTrack),
              t(locale, m.colDecided),
              t(locale, m.colGrant),
              t(locale, m.colPaid),
              t(locale, m.colStatus),
            ]}
          >
            {props.rows.map((row) => (
              <tr>
                <td>
                  <a class="fr-link" href={staffGrantPath(row.applicationId)} safe>
                    {row.title || '—'}
                  </a>
                </td>
                <td safe>{row.trackCode}</td>
                <td safe>{money(row.decidedCents)}</td>
                <td safe>{money(row.grant?.amountCents ?? null)}</td>
                <td safe>{money(row.grant?.paidCents ?? null)}</td>
                <td>
                  {row.grant ? (
                    <StatusBadge locale={locale} status={row.grant.status} />
                  ) : (
                    <span safe>{t(locale, m.noGrant)}</span>
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

/** /admin/subventions/saisons/:id/convention: the season's convention text, in French and in English. */
export function ConventionTemplatePage(props: {
  ctx: ViewContext;
  season: { id: string; name: string };
  state: FormState;
  custom: boolean;
  notice?: PageNotice;
}): JSX.Element {
  const { ctx, state } = props;
  const { locale } = ctx;
  const title = t(locale, m.templateTitle, { season: props.season.name });
  const labels = { body_fr: t(locale, m.templateFr), body_en: t(locale, m.templateEn) };
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.administration), href: '/admin' },
            { label: t(locale, m.grants), href: '/admin/subventions' },
            { label: t(locale, m.envelopes), href: `${ENVELOPES_PATH}?saison=${props.season.id}` },
            { label: title },
          ]}
        />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <p safe>{t(locale, m.templateIntro, { list: placeholderList() })}</p>
        {props.custom ? (
          ''
        ) : (
          <p class="fr-hint-text" safe>
            {t(locale, m.templateDefaultNote)}
          </p>
        )}
        <ErrorSummary locale={locale} errors={state.errors} labels={labels} />
        <form method="post" action={conventionTemplatePath(props.season.id)}>
          <CsrfField token={ctx.csrfToken} />
          <TextArea
            locale={locale}
            name="body_fr"
            label={labels.body_fr}
            value={state.values.body_fr ?? ''}
            error={state.errors.body_fr}
            rows={24}
            required
          />
          <TextArea
            locale={locale}
            name="body_en"
            label={labels.body_en}
            value={state.values.body_en ?? ''}
            error={state.errors.body_en}
            rows={24}
            required
          />
          <ButtonGroup buttons={[{ label: t(locale, m.save) }]} />
        </form>
      </div>
    </Page>
  );
}

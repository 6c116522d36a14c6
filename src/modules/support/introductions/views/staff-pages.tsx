import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { DataTable, Select } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { FigureRow, IntroductionFigures } from '../figures.js';
import { introductionMessages as m } from '../messages.js';
import { OUTCOMES } from '../queries.js';
import { leverLabel, OUTCOME_LABELS, StaffBreadcrumb } from './common.js';
import { staffIntroductionHref } from './introductions.js';

export const QUEUE_PATH = '/admin/accompagnement/mises-en-relation';
export const FIGURES_PATH = `${QUEUE_PATH}/chiffres`;

const supportCrumb = (locale: Locale) => ({ label: t(locale, m.support), href: '/admin/accompagnement' });

export interface QueueRow {
  id: string;
  applicationId: string;
  title: string;
  lever: string;
  request: string;
  requestedAt: Date;
}

/** The waiting requests of the staff member's tracks, oldest first. */
export function QueuePage(props: { ctx: ViewContext; rows: QueueRow[] }): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const title = t(locale, m.queueTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb locale={locale} trail={[supportCrumb(locale), { label: title }]} />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.queueIntro)}</p>
        <p>
          <a class="fr-link" href={FIGURES_PATH} safe>
            {t(locale, m.figuresLink)}
          </a>
        </p>
        {props.rows.length === 0 ? (
          <p safe>{t(locale, m.queueEmpty)}</p>
        ) : (
          <DataTable
            caption={title}
            hiddenCaption
            columns={[
              t(locale, m.colLaureate),
              t(locale, m.colLever),
              t(locale, m.colRequest),
              t(locale, m.colWaiting),
              t(locale, m.colActions),
            ]}
          >
            {props.rows.map((r) => (
              <tr>
                <td safe>{r.title}</td>
                <td safe>{leverLabel(locale, r.lever)}</td>
                <td safe>{r.request.length > 200 ? `${r.request.slice(0, 199)}…` : r.request}</td>
                <td safe>{formatDate(locale, r.requestedAt)}</td>
                <td>
                  <a
                    class="fr-link"
                    href={staffIntroductionHref(r.applicationId, r.id)}
                    title={`${t(locale, m.handle)} — ${r.title}`}
                    safe
                  >
                    {t(locale, m.handle)}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

function FigureTable(props: {
  locale: Locale;
  caption: string;
  first: string;
  rows: FigureRow[];
  total: FigureRow;
  label: (key: string) => string;
}): JSX.Element {
  const { locale } = props;
  const cells = (row: FigureRow) => [
    String(row.made),
    String(row.positive),
    ...OUTCOMES.map((o) => String(row.byOutcome[o])),
  ];
  return (
    <DataTable
      caption={props.caption}
      columns={[
        props.first,
        t(locale, m.colMade),
        t(locale, m.colPositive),
        ...OUTCOMES.map((o) => t(locale, OUTCOME_LABELS[o])),
      ]}
    >
      {props.rows.map((row) => (
        <tr>
          <th scope="row" safe>
            {props.label(row.key)}
          </th>
          {cells(row).map((c) => (
            <td safe>{c}</td>
          ))}
        </tr>
      ))}
      <tr>
        <th scope="row" safe>
          {t(locale, m.total)}
        </th>
        {cells(props.total).map((c) => (
          <td>
            <strong safe>{c}</strong>
          </td>
        ))}
      </tr>
    </DataTable>
  );
}

/** Figures per lever, per administration and per season, with a season filter and the CSV download. */
export function FiguresPage(props: {
  ctx: ViewContext;
  figures: IntroductionFigures;
  seasons: { id: string; name: string }[];
  seasonId: string;
}): JSX.Element {
  const { ctx, figures } = props;
  const { locale } = ctx;
  const title = t(locale, m.figuresTitle);
  const seasonName = (id: string) => props.seasons.find((s) => s.id === id)?.name ?? id;
  const csv = `${FIGURES_PATH}.csv${props.seasonId ? `?saison=${encodeURIComponent(props.seasonId)}` : ''}`;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[supportCrumb(locale), { label: t(locale, m.queueTitle), href: QUEUE_PATH }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.figuresIntro)}</p>
        <form method="get" action={FIGURES_PATH} class="fr-mb-4w">
          <Select
            locale={locale}
            name="saison"
            label={t(locale, m.season)}
            value={props.seasonId}
            options={[
              { value: '', label: t(locale, m.allSeasons) },
              ...props.seasons.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.show)}
          </button>
        </form>
        <p>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href={csv} safe>
            {t(locale, m.downloadCsv)}
          </a>
        </p>
        {figures.total.made === 0 ? (
          <p safe>{t(locale, m.noFigures)}</p>
        ) : (
          <>
            <FigureTable
              locale={locale}
              caption={t(locale, m.byLever)}
              first={t(locale, m.colLever)}
              rows={figures.byLever}
              total={figures.total}
              label={(k) => leverLabel(locale, k)}
            />
            <FigureTable
              locale={locale}
              caption={t(locale, m.byOrganisation)}
              first={t(locale, m.fieldOrganisation)}
              rows={figures.byOrganisation}
              total={figures.total}
              label={(k) => k}
            />
            <FigureTable
              locale={locale}
              caption={t(locale, m.bySeason)}
              first={t(locale, m.season)}
              rows={figures.bySeason}
              total={figures.total}
              label={seasonName}
            />
          </>
        )}
      </div>
    </Page>
  );
}

/** The figures as a CSV for a French spreadsheet: UTF-8 with BOM, `;`, labels not codes. */
export function figuresCsv(
  locale: Locale,
  figures: IntroductionFigures,
  seasonName: (id: string) => string,
  cell: (value: string) => string,
): string {
  const header = [
    t(locale, m.colGroup),
    t(locale, m.colKey),
    t(locale, m.colMade),
    t(locale, m.colPositive),
    ...OUTCOMES.map((o) => t(locale, OUTCOME_LABELS[o])),
  ];
  const line = (group: string, key: string, row: FigureRow) =>
    [group, key, String(row.made), String(row.positive), ...OUTCOMES.map((o) => String(row.byOutcome[o]))]
      .map(cell)
      .join(';');
  const lines = [
    header.map(cell).join(';'),
    ...figures.byLever.map((r) => line(t(locale, m.byLever), leverLabel(locale, r.key), r)),
    ...figures.byOrganisation.map((r) => line(t(locale, m.byOrganisation), r.key, r)),
    ...figures.bySeason.map((r) => line(t(locale, m.bySeason), seasonName(r.key), r)),
    line(t(locale, m.total), t(locale, m.total), figures.total),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

import { escapeT, formatDate, t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb, DataTable } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { formatEuros } from '../../../seasons/index.js';
import type { SeasonReport } from '../data.js';
import { formatNumber, pick } from '../format.js';
import { publicMessages as m } from '../messages.js';
import { type ReportSection, reportSections } from '../report-sections.js';
import { IndicatorFigure, KeyFigure, Testimony } from './indicator-figure.js';

function Section({ section }: { section: ReportSection }): JSX.Element {
  return (
    <section class="fr-mb-6w" aria-labelledby={section.id}>
      <h2 id={section.id} safe>
        {section.title}
      </h2>
      {section.lead ? (
        <p class="fr-text--sm" safe>
          {section.lead}
        </p>
      ) : (
        ''
      )}
      {section.empty ? <p safe>{section.empty}</p> : ''}
      {section.tables.map((table) => (
        <DataTable caption={table.caption} columns={table.columns}>
          {table.rows.map((row) => (
            <tr>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th scope="row" safe>
                    {cell}
                  </th>
                ) : (
                  <td class="fr-cell--right" safe>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </DataTable>
      ))}
    </section>
  );
}

/** /saisons/:slug/bilan — the season report, generated from the data; its PDF says the same. */
export function ReportPage(props: { ctx: ViewContext; report: SeasonReport }): JSX.Element {
  const { ctx, report } = props;
  const { locale } = ctx;
  const { season } = report;
  const seasonName = pick(locale, season.name, season.nameEn);
  const title = t(locale, m.reportTitle, { season: seasonName });
  const sections = reportSections(locale, report);
  const [selection, ...rest] = sections;
  const laureateName = new Map(report.laureates.map((l) => [l.id, l.name]));
  const contents = [
    { id: selection.id, title: selection.title },
    { id: 'laureats', title: t(locale, m.secLaureates) },
    ...rest.map((s) => ({ id: s.id, title: s.title })),
    { id: 'indicateurs', title: t(locale, m.secIndicators) },
    { id: 'temoignages', title: t(locale, m.secTestimonies) },
  ];
  const n = (value: number) => formatNumber(locale, value);
  const keyFigures = [
    { value: n(report.applications.submitted), label: t(locale, m.submitted) },
    { value: n(report.laureates.length), label: t(locale, m.laureatesCount) },
    {
      value: report.grants ? formatEuros(locale, report.grants.committedCents) : t(locale, m.none),
      label: t(locale, m.grantsCommitted),
    },
    { value: n(report.indicators.length), label: t(locale, m.indicatorsPublished) },
  ];
  const pdfHref = `/saisons/${encodeURIComponent(season.slug)}/bilan.pdf${locale === 'en' ? '?lang=en' : ''}`;
  return (
    <Page ctx={ctx} title={title} description={t(locale, m.pdfSubject)}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.seasons), href: '/saisons' },
            { label: seasonName, href: `/saisons/${encodeURIComponent(season.slug)}` },
            { label: t(locale, m.seeSeasonReport) },
          ]}
        />
        <h1 safe>{title}</h1>
        <p class="fr-text--lead" safe>
          {pick(locale, season.summary, season.summaryEn)}
        </p>
        <p class="fr-text--sm" safe>
          {t(locale, m.reportLead, { date: formatDate(locale, report.generatedAt) })}
        </p>
        <div class="fr-download fr-mb-4w">
          <p>
            <a href={pdfHref} download="" class="fr-download__link">
              {escapeT(locale, m.downloadPdf)}{' '}
              <span class="fr-download__detail" safe>
                {t(locale, m.pdfDetail)}
              </span>
            </a>
          </p>
        </div>
        <h2 class="fr-sr-only" safe>
          {t(locale, m.keyFigures)}
        </h2>
        <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-6w">
          {keyFigures.map((figure) => (
            <li class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
              <KeyFigure value={figure.value} label={figure.label} />
            </li>
          ))}
        </ul>
        <nav class="fr-summary fr-mb-6w" aria-labelledby="sommaire">
          <h2 class="fr-summary__title" id="sommaire" safe>
            {t(locale, m.contents)}
          </h2>
          <ol class="fr-summary__list">
            {contents.map((c) => (
              <li>
                <a class="fr-summary__link" href={`#${c.id}`} safe>
                  {c.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>

        <Section section={selection} />

        <section class="fr-mb-6w" aria-labelledby="laureats">
          <h2 id="laureats" safe>
            {t(locale, m.secLaureates)}
          </h2>
          {report.laureates.length === 0 ? (
            <p safe>{t(locale, m.noLaureates)}</p>
          ) : (
            <ul>
              {report.laureates.map((l) => (
                <li>
                  <a href={`/laureats/${l.id}`} safe>
                    {l.name}
                  </a>
                  {l.summary ? <span safe>{` — ${pick(locale, l.summary, l.summaryEn)}`}</span> : ''}
                </li>
              ))}
            </ul>
          )}
        </section>

        {rest.map((section) => (
          <Section section={section} />
        ))}

        <section class="fr-mb-6w" aria-labelledby="indicateurs">
          <h2 id="indicateurs" safe>
            {t(locale, m.secIndicators)}
          </h2>
          {report.indicators.length === 0 ? <p safe>{t(locale, m.noIndicators)}</p> : ''}
          {report.laureates
            .filter((l) => report.indicators.some((i) => i.laureateId === l.id))
            .map((l) => (
              <>
                <h3 class="fr-mt-4w" safe>
                  {l.name}
                </h3>
                {report.indicators
                  .filter((i) => i.laureateId === l.id)
                  .map((indicator) => (
                    <IndicatorFigure locale={locale} indicator={indicator} level="h4" />
                  ))}
              </>
            ))}
        </section>

        <section class="fr-mb-6w" aria-labelledby="temoignages">
          <h2 id="temoignages" safe>
            {t(locale, m.secTestimonies)}
          </h2>
          {report.testimonies.length === 0 ? <p safe>{t(locale, m.noTestimonies)}</p> : ''}
          {report.testimonies.map((testimony) => (
            <Testimony locale={locale} testimony={testimony} laureateName={laureateName.get(testimony.laureateId)} />
          ))}
        </section>
      </div>
    </Page>
  );
}

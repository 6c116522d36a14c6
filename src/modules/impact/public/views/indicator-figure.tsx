import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { DataTable } from '../../../../core/ui/components.js';
import { ChartSvg } from '../../charts/svg.js';
import type { PublicIndicator, PublicTestimony } from '../../queries.js';
import {
  chartTexts,
  figureRows,
  formatNumber,
  hasFigures,
  indicatorChart,
  indicatorName,
  indicatorUnit,
  kindOfRow,
  pick,
} from '../format.js';
import { publicMessages as m } from '../messages.js';

/**
 * One public indicator: its name and reading notes, the SVG chart (title, description) and beside it the
 * DSFR table with the same figures — the accessible equivalent, never left out.
 */
export function IndicatorFigure(props: {
  locale: Locale;
  indicator: PublicIndicator;
  level: 'h3' | 'h4';
}): JSX.Element {
  const { locale, indicator } = props;
  const name = indicatorName(locale, indicator);
  const unit = indicatorUnit(locale, indicator);
  const id = `indicateur-${indicator.id}`;
  const texts = chartTexts(locale, indicator);
  const Heading = props.level;
  const description = indicator.description;
  return (
    <section class="fr-mb-6w impact-indicator" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} safe>
        {name}
      </Heading>
      {description ? <p safe>{description}</p> : ''}
      <p class="fr-text--sm fr-mb-2w">
        <span safe>{t(locale, m.unit, { unit })}</span>
        {' · '}
        <span safe>{t(locale, indicator.direction === 'decrease' ? m.lowerBetter : m.higherBetter)}</span>
        {indicator.irisId ? (
          <>
            {' · '}
            <span safe>{t(locale, m.irisId, { id: indicator.irisId })}</span>
          </>
        ) : (
          ''
        )}
      </p>
      {indicator.points.length === 0 ? (
        <p class="fr-text--sm" safe>
          {t(locale, m.noValueYet)}
        </p>
      ) : (
        ''
      )}
      {hasFigures(indicator) ? (
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-lg-7">
            <figure class="fr-m-0">
              {/* The same chart drawn for small screens (larger text) and for wider ones; one is shown at a time. */}
              <div class="fr-hidden-md">
                <ChartSvg
                  id={`${id}-etroit`}
                  model={indicatorChart(locale, indicator, 'narrow')}
                  title={texts.title}
                  description={texts.description}
                />
              </div>
              <div class="fr-hidden fr-unhidden-md">
                <ChartSvg
                  id={id}
                  model={indicatorChart(locale, indicator)}
                  title={texts.title}
                  description={texts.description}
                />
              </div>
            </figure>
          </div>
          <div class="fr-col-12 fr-col-lg-5">
            <DataTable
              caption={t(locale, m.tableCaption, { name })}
              columns={[
                t(locale, m.colPeriod),
                t(locale, m.colKind),
                `${t(locale, m.colValue)} (${unit})`,
                t(locale, m.colSource),
              ]}
            >
              {figureRows(locale, indicator).map((row) => (
                <tr>
                  <td safe>{row.period}</td>
                  <td safe>{kindOfRow(locale, row.kind)}</td>
                  <td class="fr-cell--right" safe>
                    {formatNumber(locale, row.value)}
                  </td>
                  <td safe>{row.source || t(locale, m.none)}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        </div>
      ) : (
        ''
      )}
    </section>
  );
}

/** A published testimony: the quote, who said it (name and role), the photo with its text alternative, a video link. */
export function Testimony(props: { locale: Locale; testimony: PublicTestimony; laureateName?: string }): JSX.Element {
  const { locale, testimony } = props;
  return (
    <figure class={testimony.photo ? 'fr-quote fr-quote--column fr-mb-4w' : 'fr-quote fr-mb-4w'}>
      <blockquote>
        <p safe>{`« ${pick(locale, testimony.quote, testimony.quoteEn)} »`}</p>
      </blockquote>
      <figcaption>
        <p class="fr-quote__author" safe>
          {testimony.authorName}
        </p>
        <ul class="fr-quote__source">
          {testimony.authorRole ? <li safe>{testimony.authorRole}</li> : ''}
          {props.laureateName ? <li safe>{props.laureateName}</li> : ''}
          {testimony.videoUrl ? (
            <li>
              <a
                href={testimony.videoUrl}
                target="_blank"
                rel="noopener"
                title={`${t(locale, m.watchVideo, { name: testimony.authorName })} - ${t(locale, m.newWindow)}`}
                safe
              >
                {t(locale, m.watchVideo, { name: testimony.authorName })}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
        {testimony.photo ? (
          <div class="fr-quote__image">
            <img
              src={`/impact/temoignages/${testimony.id}/photo`}
              class="fr-responsive-img"
              alt={testimony.photo.alt}
              width="150"
              height="150"
            />
          </div>
        ) : (
          ''
        )}
      </figcaption>
    </figure>
  );
}

/** A key figure of a report: the value large, what it counts below, in a DSFR callout. */
export function KeyFigure(props: { value: string; label: string }): JSX.Element {
  return (
    <div class="fr-callout fr-mb-0">
      <p class="fr-callout__title" safe>
        {props.value}
      </p>
      <p class="fr-callout__text fr-text--sm" safe>
        {props.label}
      </p>
    </div>
  );
}

import { formatDate, type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import type { PublicNotice } from '../../../core/module.js';
import { Breadcrumb, DataTable, PublicNotices } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { countdownText, formatEuros, formatParisMoment } from '../format.js';
import type { PublicSeason } from '../list-public-seasons.js';
import { seasonMessages as m, seasonCounts } from '../messages.js';
import { SUPPORT_LEVERS } from '../support-levers.js';
import { kindLabel, pick, statusBadgeClass, statusLabel } from './text.js';

function StatusBadge({ locale, season }: { locale: Locale; season: PublicSeason }): JSX.Element {
  return (
    <p class={statusBadgeClass(season.status)} safe>
      {statusLabel(locale, season.status)}
    </p>
  );
}

function Countdown({ locale, season, now }: { locale: Locale; season: PublicSeason; now: Date }): JSX.Element {
  const text = countdownText(locale, season, now);
  if (!text) return '';
  return (
    <p
      class="fr-text--bold"
      data-countdown={season.status === 'open' ? season.closesAt.toISOString() : season.opensAt.toISOString()}
      safe
    >
      {text}
    </p>
  );
}

function Dates({ locale, season }: { locale: Locale; season: PublicSeason }): JSX.Element {
  return (
    <p class="fr-card__detail fr-icon-calendar-line">
      <span safe>
        {t(locale, m.period, { from: formatDate(locale, season.opensAt), to: formatDate(locale, season.closesAt) })}
      </span>
    </p>
  );
}

/** /saisons: every season in calendar order with its status badge. */
export function SeasonsListPage({
  ctx,
  seasons,
  now,
}: {
  ctx: ViewContext;
  seasons: PublicSeason[];
  now: Date;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.seasonsTitle)} description={t(locale, m.seasonsLead)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.seasonsTitle)}</h1>
        <p class="fr-text--lead" safe>
          {t(locale, m.seasonsLead)}
        </p>
        {seasons.length === 0 ? (
          <p safe>{t(locale, m.noSeasons)}</p>
        ) : (
          <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
            {seasons.map((season) => (
              <li class="fr-col-12 fr-col-md-6 fr-col-lg-4">
                <div class="fr-card fr-enlarge-link">
                  <div class="fr-card__body">
                    <div class="fr-card__content">
                      <h2 class="fr-card__title">
                        <a href={`/saisons/${season.slug}`} safe>
                          {pick(locale, season.name, season.nameEn)}
                        </a>
                      </h2>
                      <p class="fr-card__desc" safe>
                        {pick(locale, season.summary, season.summaryEn)}
                      </p>
                      <div class="fr-card__start">
                        <StatusBadge locale={locale} season={season} />
                        <Dates locale={locale} season={season} />
                      </div>
                      <div class="fr-card__end">
                        <Countdown locale={locale} season={season} now={now} />
                        <p class="fr-card__detail" safe>
                          {tCount(locale, seasonCounts.laureates, season.laureateCount)}
                        </p>
                      </div>
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Page>
  );
}

/** /saisons/:slug: dates in Paris time, countdown, eligibility, tracks, weighted criteria, support. */
export function SeasonPage({
  ctx,
  season,
  now,
  notices,
}: {
  ctx: ViewContext;
  season: PublicSeason;
  now: Date;
  /** Other modules' announcements for this season (its panel's call for volunteers, its draws…). */
  notices: PublicNotice[];
}): JSX.Element {
  const { locale } = ctx;
  const name = pick(locale, season.name, season.nameEn);
  return (
    <Page ctx={ctx} title={name} description={pick(locale, season.summary, season.summaryEn)}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb locale={locale} items={[{ label: t(locale, m.seasonsTitle), href: '/saisons' }, { label: name }]} />
        <h1 safe>{name}</h1>
        <StatusBadge locale={locale} season={season} />
        <Countdown locale={locale} season={season} now={now} />
        <p class="fr-text--lead" safe>
          {pick(locale, season.summary, season.summaryEn)}
        </p>
        {season.status === 'open' ? (
          <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            <li>
              <a
                class="fr-btn fr-btn--lg fr-icon-edit-line fr-btn--icon-left"
                href={`/candidater/${encodeURIComponent(season.slug)}`}
                safe
              >
                {t(locale, m.apply)}
              </a>
            </li>
            <li>
              <a
                class="fr-btn fr-btn--lg fr-btn--secondary"
                href={`/candidater/${encodeURIComponent(season.slug)}/questions`}
                safe
              >
                {t(locale, m.formOutline)}
              </a>
            </li>
          </ul>
        ) : (
          ''
        )}
        <PublicNotices locale={locale} notices={notices} />

        <h2 safe>{t(locale, m.calendar)}</h2>
        <dl>
          <dt safe>{t(locale, m.opening)}</dt>
          <dd>
            <time datetime={season.opensAt.toISOString()} safe>
              {formatParisMoment(locale, season.opensAt)}
            </time>
          </dd>
          <dt safe>{t(locale, m.closing)}</dt>
          <dd>
            <time datetime={season.closesAt.toISOString()} safe>
              {formatParisMoment(locale, season.closesAt)}
            </time>
          </dd>
        </dl>

        <h2 safe>{t(locale, m.whoCanApply)}</h2>
        <ul>
          {season.eligibleKinds.map((kind) => (
            <li safe>{kindLabel(locale, kind)}</li>
          ))}
        </ul>

        {season.tracks.length > 0 ? (
          <>
            <h2 safe>{t(locale, m.tracks)}</h2>
            <ul>
              {season.tracks.map((track) => (
                <li>
                  <strong safe>{pick(locale, track.name, track.nameEn)}</strong>
                  {track.lead ? <span safe>{` — ${t(locale, m.trackLead, { lead: track.lead })}`}</span> : ''}
                </li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}

        <h2 safe>{t(locale, m.criteria)}</h2>
        <DataTable
          caption={t(locale, m.criteria)}
          columns={[t(locale, m.criterion), t(locale, m.weight)]}
          hiddenCaption
        >
          {season.criteria.map((c) => (
            <tr>
              <td>
                <strong safe>{pick(locale, c.label, c.labelEn)}</strong>
                <br />
                <span safe>{pick(locale, c.description, c.descriptionEn)}</span>
              </td>
              <td safe>{String(c.weight)}</td>
            </tr>
          ))}
        </DataTable>

        <h2 safe>{t(locale, m.support)}</h2>
        <ul>
          <li safe>{t(locale, m.supportMonths, { n: season.supportMonths })}</li>
          {season.grantEnvelopeCents > 0 ? (
            <li safe>{t(locale, m.envelope, { amount: formatEuros(locale, season.grantEnvelopeCents) })}</li>
          ) : (
            ''
          )}
          {season.laureatesSought > 0 ? (
            <li safe>{t(locale, m.laureatesSought, { n: season.laureatesSought })}</li>
          ) : (
            ''
          )}
        </ul>
        <h3 safe>{t(locale, m.levers)}</h3>
        <ul>
          {SUPPORT_LEVERS.map((lever) => (
            <li>
              <strong safe>{pick(locale, lever.label, lever.labelEn)}</strong>
              <span safe>{` : ${pick(locale, lever.description, lever.descriptionEn)}`}</span>
            </li>
          ))}
        </ul>
        {season.laureateCount > 0 ? (
          <p>
            <a
              class="fr-link fr-icon-arrow-right-line fr-link--icon-right"
              href={`/laureats?saison=${encodeURIComponent(season.slug)}`}
              safe
            >
              {`${t(locale, m.seeLaureates)} (${tCount(locale, seasonCounts.laureates, season.laureateCount)})`}
            </a>
          </p>
        ) : (
          ''
        )}
        {season.status === 'closed' ? (
          <p>
            <a
              class="fr-link fr-icon-arrow-right-line fr-link--icon-right"
              href={`/saisons/${encodeURIComponent(season.slug)}/transparence`}
              safe
            >
              {t(locale, m.selectionTransparency)}
            </a>
          </p>
        ) : (
          ''
        )}
        {season.laureateCount > 0 ? (
          <p>
            <a
              class="fr-link fr-icon-arrow-right-line fr-link--icon-right"
              href={`/saisons/${encodeURIComponent(season.slug)}/bilan`}
              safe
            >
              {t(locale, m.seasonReport)}
            </a>
          </p>
        ) : (
          ''
        )}
      </div>
    </Page>
  );
}

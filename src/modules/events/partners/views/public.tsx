import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, Breadcrumb } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { PartnerKind } from '../../tables.js';
import { partnerMessages as m } from '../messages.js';
import { PARTNER_KINDS, PUBLIC_PATH, type PublicPartner } from '../queries.js';
import { kindGroupLabel } from './common.js';

export interface SeasonOption {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
}

/** A text in the visitor's language; the French one, marked lang="fr", when the English one is missing. */
function localized(locale: Locale, fr: string, en: string): { text: string; lang?: string } {
  if (locale === 'en') return en.trim() ? { text: en } : { text: fr, lang: 'fr' };
  return { text: fr };
}

const seasonName = (locale: Locale, s: SeasonOption) => (locale === 'en' && s.nameEn ? s.nameEn : s.name);

function PartnerCard(props: {
  locale: Locale;
  partner: PublicPartner;
  seasons: Map<string, SeasonOption>;
}): JSX.Element {
  const { locale, partner } = props;
  const description = localized(locale, partner.description, partner.descriptionEn);
  // In the seasons' order (oldest first), whatever order they were ticked in.
  const names = [...props.seasons.values()]
    .reverse()
    .filter((s) => partner.seasonIds.includes(s.id))
    .map((s) => seasonName(locale, s));
  const seasonsText =
    partner.seasonIds.length === 0 || names.length === 0 ? t(locale, m.everySeason) : names.join(', ');
  return (
    <li class="fr-col-12 fr-col-md-6 fr-col-lg-4">
      <div class="fr-card acc-partner-card">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h3 class="fr-card__title" safe>
              {partner.name}
            </h3>
            {description.text ? (
              <p class="fr-card__desc" {...(description.lang ? { lang: description.lang } : {})} safe>
                {description.text}
              </p>
            ) : (
              ''
            )}
            <div class="fr-card__start">
              <p class="fr-card__detail" safe>
                {seasonsText}
              </p>
            </div>
          </div>
          {partner.website ? (
            <div class="fr-card__footer">
              <a
                class="fr-link"
                href={partner.website}
                target="_blank"
                rel="noopener"
                title={t(locale, m.websiteTitle, { name: partner.name })}
              >
                <span safe>{t(locale, m.website)}</span>
                <span class="fr-sr-only" safe>
                  {` – ${partner.name}`}
                </span>
              </a>
            </div>
          ) : (
            ''
          )}
        </div>
        {partner.logoUrl ? (
          <div class="fr-card__header">
            <div class="acc-partner-logo">
              <img src={partner.logoUrl} alt={partner.logoAlt} />
            </div>
          </div>
        ) : (
          ''
        )}
      </div>
    </li>
  );
}

/** /partenaires: the published partners grouped by kind, with a season filter that works without JavaScript. */
export function PartnersPage(props: {
  ctx: ViewContext;
  intro: JSX.Element;
  partners: PublicPartner[];
  seasons: SeasonOption[];
  selected: string;
  unknownFilter: boolean;
}): JSX.Element {
  const { ctx, partners, seasons, selected } = props;
  const { locale } = ctx;
  const title = t(locale, m.publicTitle);
  const bySeason = new Map(seasons.map((s) => [s.id, s]));
  const groups = PARTNER_KINDS.map((kind) => ({ kind, partners: partners.filter((p) => p.kind === kind) })).filter(
    (g) => g.partners.length > 0,
  );
  const countText = (n: number) =>
    t(locale, new Intl.PluralRules(locale).select(n) === 'one' ? m.partnerCountOne : m.partnerCountOther, { n });
  const groupId = (kind: PartnerKind) => `partenaires-${kind}`;
  return (
    <Page ctx={ctx} title={title} description={t(locale, m.publicLead)}>
      <div class="fr-container fr-mb-7w">
        <Breadcrumb locale={locale} items={[{ label: t(locale, m.home), href: '/' }, { label: title }]} />
        <h1 safe>{title}</h1>
        {props.intro ? (
          props.intro
        ) : (
          <p class="fr-text--lead" safe>
            {t(locale, m.publicLead)}
          </p>
        )}
        {props.unknownFilter ? <Alert kind="info" title={t(locale, m.unknownSeasonFilter)} /> : ''}
        {seasons.length > 0 ? (
          <form method="get" action={PUBLIC_PATH} class="fr-mb-4w acc-filter">
            <div class="fr-select-group">
              <label class="fr-label" for="saison" safe>
                {t(locale, m.filterSeason)}
              </label>
              <select class="fr-select" id="saison" name="saison">
                <option value="" selected={selected === ''} safe>
                  {t(locale, m.allSeasons)}
                </option>
                {seasons.map((s) => (
                  <option value={s.slug} selected={s.slug === selected} safe>
                    {seasonName(locale, s)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="fr-btn fr-btn--secondary" safe>
              {t(locale, m.filterButton)}
            </button>
          </form>
        ) : (
          ''
        )}
        <p class="fr-sr-only" role="status" safe>
          {countText(partners.length)}
        </p>
        {groups.length === 0 ? (
          <p safe>{t(locale, selected ? m.noPartnersForSeason : m.noPartners)}</p>
        ) : (
          groups.map((group) => (
            <section class="fr-mb-6w" aria-labelledby={groupId(group.kind)}>
              <h2 id={groupId(group.kind)} safe>
                {kindGroupLabel(locale, group.kind)}
              </h2>
              <ul class="fr-grid-row fr-grid-row--gutters acc-card-list">
                {group.partners.map((partner) => (
                  <PartnerCard locale={locale} partner={partner} seasons={bySeason} />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </Page>
  );
}

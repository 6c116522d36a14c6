import { t } from '../../../../core/i18n/i18n.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { commonsSiteMessages as sm } from '../../messages.js';
import { COOPERATION_HREFS, CooperationPage } from '../../views/cooperation-layout.js';
import type { HomeFigures, HomeNeed, HomeUseCase } from '../home-queries.js';
import { homeMessages as m } from '../messages.js';

/** Where one proposes a commons or posts a need (pages of the catalogue and use-cases parts). */
export const PROPOSE_COMMONS_HREF = `${COOPERATION_HREFS.commons}/nouveau`;
export const POST_NEED_HREF = `${COOPERATION_HREFS.needs}/nouveau`;

function Figure({ value, label }: { value: number; label: string }): JSX.Element {
  return (
    <li class="fr-col-6 fr-col-md-4 fr-col-lg">
      <div class="fr-tile fr-tile--sm acc-tile">
        <div class="fr-tile__body">
          <div class="fr-tile__content">
            <p class="fr-tile__title fr-h3 fr-mb-1v" safe>
              {String(value)}
            </p>
            <p class="fr-tile__desc" safe>
              {label}
            </p>
          </div>
        </div>
      </div>
    </li>
  );
}

/** The space's home: what it is for, its figures, the latest public use cases and open needs, its sections. */
export function CooperationHomePage(props: {
  ctx: ViewContext;
  figures: HomeFigures;
  useCases: HomeUseCase[];
  needs: HomeNeed[];
}): JSX.Element {
  const { ctx, figures } = props;
  const { locale } = ctx;
  const sections = [
    { href: COOPERATION_HREFS.commons, title: sm.commons, text: m.sectionCommons },
    { href: COOPERATION_HREFS.administrations, title: sm.administrations, text: m.sectionAdministrations },
    { href: COOPERATION_HREFS['use-cases'], title: sm.useCases, text: m.sectionUseCases },
    { href: COOPERATION_HREFS.needs, title: sm.needs, text: m.sectionNeeds },
    { href: COOPERATION_HREFS.experiments, title: sm.experiments, text: m.sectionExperiments },
  ];
  return (
    <CooperationPage ctx={ctx} section="home" title={t(locale, m.title)} description={t(locale, m.description)}>
      <p class="fr-text--lead" safe>
        {t(locale, m.lead)}
      </p>
      <p safe>{t(locale, m.why)}</p>
      <p safe>{t(locale, m.lasting)}</p>

      <section class="fr-mt-4w" aria-labelledby="figures">
        <h2 id="figures" safe>
          {t(locale, m.figuresTitle)}
        </h2>
        <ul class="fr-grid-row fr-grid-row--gutters acc-card-list">
          <Figure value={figures.commons} label={t(locale, m.figureCommons)} />
          <Figure value={figures.administrations} label={t(locale, m.figureAdministrations)} />
          <Figure value={figures.useCasesInProduction} label={t(locale, m.figureProduction)} />
          <Figure value={figures.openNeeds} label={t(locale, m.figureNeeds)} />
          <Figure value={figures.runningExperiments} label={t(locale, m.figureExperiments)} />
        </ul>
      </section>

      <section class="fr-mt-4w" aria-labelledby="take-part">
        <h2 id="take-part" safe>
          {t(locale, m.actionsTitle)}
        </h2>
        <p safe>{t(locale, m.actionsText)}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn" href={PROPOSE_COMMONS_HREF} safe>
              {t(locale, m.proposeCommons)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={POST_NEED_HREF} safe>
              {t(locale, m.postNeed)}
            </a>
          </li>
        </ul>
      </section>

      <div class="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <section class="fr-col-12 fr-col-lg-6" aria-labelledby="latest-use-cases">
          <h2 id="latest-use-cases" class="fr-h4" safe>
            {t(locale, m.latestUseCases)}
          </h2>
          {props.useCases.length === 0 ? (
            <p safe>{t(locale, m.noUseCases)}</p>
          ) : (
            <ul>
              {props.useCases.map((u) => (
                <li class="fr-mb-1w">
                  <a class="fr-link" href={`${COOPERATION_HREFS['use-cases']}/${u.id}`} safe>
                    {u.title}
                  </a>
                  <br />
                  <span class="fr-text--sm" safe>
                    {`${t(locale, m.useCaseLine, { administration: u.administration, commons: u.commons })} — ${t(locale, m[`status_${u.status}`])}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={COOPERATION_HREFS['use-cases']} safe>
              {t(locale, m.allUseCases)}
            </a>
          </p>
        </section>
        <section class="fr-col-12 fr-col-lg-6" aria-labelledby="open-needs">
          <h2 id="open-needs" class="fr-h4" safe>
            {t(locale, m.openNeeds)}
          </h2>
          {props.needs.length === 0 ? (
            <p safe>{t(locale, m.noNeeds)}</p>
          ) : (
            <ul>
              {props.needs.map((n) => (
                <li class="fr-mb-1w">
                  <a class="fr-link" href={`${COOPERATION_HREFS.needs}/${n.id}`} safe>
                    {n.title}
                  </a>
                  <br />
                  <span class="fr-text--sm" safe>
                    {t(locale, n.kind === 'offer' ? m.offerBy : m.needBy, { owner: n.owner })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={COOPERATION_HREFS.needs} safe>
              {t(locale, m.allNeeds)}
            </a>
          </p>
        </section>
      </div>

      <section class="fr-mt-4w" aria-labelledby="sections">
        <h2 id="sections" safe>
          {t(locale, m.sectionsTitle)}
        </h2>
        <ul class="fr-grid-row fr-grid-row--gutters acc-card-list">
          {sections.map((s) => (
            <li class="fr-col-12 fr-col-md-6">
              <div class="fr-card fr-enlarge-link fr-card--sm acc-tile">
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h3 class="fr-card__title">
                      <a href={s.href} safe>
                        {t(locale, s.title)}
                      </a>
                    </h3>
                    <p class="fr-card__desc" safe>
                      {t(locale, s.text)}
                    </p>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </CooperationPage>
  );
}

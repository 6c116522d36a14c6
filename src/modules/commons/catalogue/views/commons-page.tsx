import type Html from '@kitajs/html';
import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { COOPERATION_HREFS, CooperationPage } from '../../views/cooperation-layout.js';
import { catalogueMessages as m } from '../messages.js';
import type { Commons, CommonsPageData } from '../queries.js';
import { commonsHref, kindLabel, LicenceText, leverLabel, maturityLabel, Paragraphs } from './common.js';

export interface LaureateLink {
  href: string;
  season: string;
}

const colon = (locale: Locale) => (locale === 'fr' ? ' : ' : ': ');

function Badge({ text, tone }: { text: string; tone?: string }): JSX.Element {
  return (
    <p class={`fr-badge fr-badge--sm${tone ? ` fr-badge--${tone}` : ''}`} safe>
      {text}
    </p>
  );
}

const STATUS_TONE = {
  production: 'success',
  experimentation: 'info',
  exploration: 'new',
  abandoned: 'warning',
} as const;

function dateText(locale: Locale, day: string): string {
  return formatDate(locale, new Date(`${day}T12:00:00Z`));
}

/** One fact of the "at a glance" list: a plain text, or markup built by the caller. */
function Fact({ label, text, children }: { label: string; text?: string; children?: Html.Children }): JSX.Element {
  return (
    <div class="fr-mb-1w">
      <dt class="fr-text--bold fr-mb-0" safe>
        {label}
      </dt>
      {text !== undefined ? (
        <dd class="fr-ml-0 acc-break" safe>
          {text}
        </dd>
      ) : (
        <dd class="fr-ml-0 acc-break">{children}</dd>
      )}
    </div>
  );
}

function ExternalLink({ locale, href, text }: { locale: Locale; href: string; text: string }): JSX.Element {
  return (
    <a class="fr-link" href={href} target="_blank" rel="noopener" title={`${text} - ${t(locale, m.newWindow)}`} safe>
      {text}
    </a>
  );
}

/**
 * A commons' page: what it is, who carries it, its licence and links, the levers it needs, who uses it for
 * what (use cases with their administration and status), its open needs and offers, its experiments, and the
 * ways to act (contact its referents, see suggestions; for its maintainers, edit it and its maintainers).
 */
export function CommonsPage(props: {
  ctx: ViewContext;
  commons: Commons;
  data: CommonsPageData;
  canEdit: boolean;
  laureate: LaureateLink | null;
  notice?: { kind: 'success' | 'warning'; title: string };
}): JSX.Element {
  const { ctx, commons, data } = props;
  const { locale } = ctx;
  const base = commonsHref(commons.slug);
  return (
    <CooperationPage
      ctx={ctx}
      section="commons"
      title={commons.name}
      description={commons.summary}
      crumbs={[{ label: commons.name }]}
    >
      {commons.hidden ? (
        <Alert
          kind="warning"
          title={t(locale, m.hiddenNotice)}
          text={commons.hidden_reason ? t(locale, m.hiddenReason, { reason: commons.hidden_reason }) : undefined}
        />
      ) : (
        ''
      )}
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      <p class="fr-text--lead" safe>
        {commons.summary}
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <a class="fr-btn fr-icon-mail-line" href={`${base}/contacter`} safe>
            {t(locale, m.contactReferents)}
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary fr-icon-lightbulb-line" href={`${base}/suggestions`} safe>
            {t(locale, m.suggestions)}
          </a>
        </li>
        {props.canEdit ? (
          <>
            <li>
              <a class="fr-btn fr-btn--tertiary fr-icon-edit-line" href={`${base}/modifier`} safe>
                {t(locale, m.editLink)}
              </a>
            </li>
            <li>
              <a class="fr-btn fr-btn--tertiary fr-icon-team-line" href={`${base}/mainteneurs`} safe>
                {t(locale, m.maintainersLink)}
              </a>
            </li>
          </>
        ) : (
          ''
        )}
      </ul>

      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-lg-8">
          {commons.description ? (
            <section aria-labelledby="description">
              <h2 id="description" safe>
                {t(locale, m.description)}
              </h2>
              <Paragraphs text={commons.description} />
            </section>
          ) : (
            ''
          )}
        </div>
        <div class="fr-col-12 fr-col-lg-4">
          <section aria-labelledby="en-bref" class="fr-callout">
            <h2 id="en-bref" class="fr-h5" safe>
              {t(locale, m.about)}
            </h2>
            <dl class="fr-pl-0">
              <Fact label={t(locale, m.kind)} text={kindLabel(locale, commons.kind)} />
              <Fact label={t(locale, m.maturity)} text={maturityLabel(locale, commons.maturity)} />
              <Fact label={t(locale, m.licence)}>
                <LicenceText locale={locale} licence={commons.licence} />
              </Fact>
              {commons.governance_name || commons.governance_siret || commons.governance_rna ? (
                <Fact label={t(locale, m.governance)}>
                  <span>
                    <span safe>{commons.governance_name}</span>
                    {commons.governance_siret ? (
                      <span
                        class="fr-hint-text"
                        safe
                      >{`${t(locale, m.siret)}${colon(locale)}${commons.governance_siret}`}</span>
                    ) : (
                      ''
                    )}
                    {commons.governance_rna ? (
                      <span
                        class="fr-hint-text"
                        safe
                      >{`${t(locale, m.rna)}${colon(locale)}${commons.governance_rna}`}</span>
                    ) : (
                      ''
                    )}
                  </span>
                </Fact>
              ) : (
                ''
              )}
              {commons.website ? (
                <Fact label={t(locale, m.website)}>
                  <ExternalLink locale={locale} href={commons.website} text={commons.website} />
                </Fact>
              ) : (
                ''
              )}
              {commons.repository ? (
                <Fact label={t(locale, m.repository)}>
                  <ExternalLink locale={locale} href={commons.repository} text={commons.repository} />
                </Fact>
              ) : (
                ''
              )}
              {commons.categories.length > 0 ? (
                <Fact label={t(locale, m.categories)} text={commons.categories.join(', ')} />
              ) : (
                ''
              )}
              {commons.keywords.length > 0 ? (
                <Fact label={t(locale, m.keywords)} text={commons.keywords.join(', ')} />
              ) : (
                ''
              )}
            </dl>
            {commons.sill_id || commons.wikidata_id || props.laureate ? (
              <>
                <h3 class="fr-h6 fr-mt-2w" safe>
                  {t(locale, m.elsewhere)}
                </h3>
                <ul>
                  {props.laureate ? (
                    <li>
                      <a class="fr-link" href={props.laureate.href} safe>
                        {t(locale, m.laureateLink, { season: props.laureate.season })}
                      </a>
                    </li>
                  ) : (
                    ''
                  )}
                  {commons.sill_id ? (
                    <li>
                      <ExternalLink
                        locale={locale}
                        href={`https://code.gouv.fr/sill/detail?id=${encodeURIComponent(commons.sill_id)}`}
                        text={t(locale, m.sillLink, { id: commons.sill_id })}
                      />
                    </li>
                  ) : (
                    ''
                  )}
                  {commons.wikidata_id ? (
                    <li>
                      <ExternalLink
                        locale={locale}
                        href={`https://www.wikidata.org/wiki/${commons.wikidata_id}`}
                        text={t(locale, m.wikidataLink, { id: commons.wikidata_id })}
                      />
                    </li>
                  ) : (
                    ''
                  )}
                </ul>
              </>
            ) : (
              ''
            )}
          </section>
        </div>
      </div>

      <section aria-labelledby="leviers" class="fr-mt-4w">
        <h2 id="leviers" safe>
          {t(locale, m.leversNeeded)}
        </h2>
        {commons.levers.length === 0 ? (
          <p safe>{t(locale, m.noLevers)}</p>
        ) : (
          <ul>
            {commons.levers.map((code) => (
              <li safe>{leverLabel(locale, code)}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="usages" class="fr-mt-4w">
        <h2 id="usages" safe>
          {t(locale, m.whoUses)}
        </h2>
        {data.useCases.length === 0 ? (
          <p safe>{t(locale, m.noUseCase)}</p>
        ) : (
          <ul class="acc-card-list">
            {data.useCases.map((u) => (
              <li class="fr-mb-3w">
                <h3 class="fr-h6 fr-mb-1w">
                  <a href={`${COOPERATION_HREFS['use-cases']}/${u.id}`} safe>
                    {u.title}
                  </a>
                </h3>
                <ul class="fr-badges-group">
                  <li>
                    <Badge text={t(locale, m[`status_${u.status}`])} tone={STATUS_TONE[u.status]} />
                  </li>
                  {u.visibility === 'members' ? (
                    <li>
                      <Badge text={t(locale, m.membersOnly)} tone="purple-glycine" />
                    </li>
                  ) : (
                    ''
                  )}
                </ul>
                <p class="fr-mb-1w">
                  <a class="fr-link" href={`${COOPERATION_HREFS.administrations}/${u.administrationSlug}`} safe>
                    {u.administrationName}
                  </a>
                </p>
                <p class="fr-text--sm fr-mb-0 acc-mail-text" safe>
                  {u.description.length > 400 ? `${u.description.slice(0, 399)}…` : u.description}
                </p>
                {u.status === 'abandoned' && u.abandonReason ? (
                  <p class="fr-text--sm fr-mb-0" safe>
                    {u.abandonReason}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a
            class="fr-link fr-icon-add-line fr-link--icon-left"
            href={`${COOPERATION_HREFS['use-cases']}/nouveau?commun=${commons.slug}`}
            safe
          >
            {t(locale, m.declareUseCase)}
          </a>
        </p>
      </section>

      <section aria-labelledby="besoins" class="fr-mt-4w">
        <h2 id="besoins" safe>
          {t(locale, m.needsOffers)}
        </h2>
        {data.needs.length === 0 ? (
          <p safe>{t(locale, m.noNeed)}</p>
        ) : (
          <ul class="acc-card-list">
            {data.needs.map((n) => (
              <li class="fr-mb-2w">
                <ul class="fr-badges-group">
                  <li>
                    <Badge
                      text={t(locale, m[`needKind_${n.kind}`])}
                      tone={n.kind === 'offer' ? 'green-menthe' : 'blue-cumulus'}
                    />
                  </li>
                  {n.visibility === 'members' ? (
                    <li>
                      <Badge text={t(locale, m.membersOnly)} tone="purple-glycine" />
                    </li>
                  ) : (
                    ''
                  )}
                </ul>
                <p class="fr-mb-0">
                  <a href={`${COOPERATION_HREFS.needs}/${n.id}`} safe>
                    {n.title}
                  </a>
                </p>
                {n.deadline ? (
                  <p class="fr-text--sm fr-mb-0" safe>
                    {t(locale, m.deadline, { date: dateText(locale, n.deadline) })}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="experimentations" class="fr-mt-4w">
        <h2 id="experimentations" safe>
          {t(locale, m.experiments)}
        </h2>
        {data.experiments.length === 0 ? (
          <p safe>{t(locale, m.noExperiment)}</p>
        ) : (
          <ul class="acc-card-list">
            {data.experiments.map((x) => (
              <li class="fr-mb-2w">
                <ul class="fr-badges-group">
                  <li>
                    <Badge
                      text={t(locale, m[`experiment_${x.status}`])}
                      tone={x.status === 'running' ? 'info' : undefined}
                    />
                  </li>
                  {x.visibility === 'members' ? (
                    <li>
                      <Badge text={t(locale, m.membersOnly)} tone="purple-glycine" />
                    </li>
                  ) : (
                    ''
                  )}
                </ul>
                <p class="fr-mb-0">
                  <a href={`${COOPERATION_HREFS.experiments}/${x.id}`} safe>
                    {x.title}
                  </a>
                </p>
                <p class="fr-text--sm fr-mb-0" safe>
                  {[
                    x.administrations.join(', '),
                    x.startsOn ? dateText(locale, x.startsOn) : '',
                    x.endsOn ? `→ ${dateText(locale, x.endsOn)}` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </CooperationPage>
  );
}

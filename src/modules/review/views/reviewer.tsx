import type { FieldError } from '../../../core/http/forms.js';
import { t, tCount } from '../../../core/i18n/i18n.js';
import { Alert, ButtonGroup, CsrfField, Input } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { BidValue, ConflictRow } from '../conflicts.js';
import { juryCounts, juryMessages as m } from '../messages.js';
import { conflictReason } from './conflicts.js';

/** What a reviewer sees of an application on the declaration page: no contact data. */
export interface ApplicationCard {
  id: string;
  title: string;
  track: string;
  /** '' when the phase is blind. */
  organisation: string;
  assigned: boolean;
  conflicts: ConflictRow[];
  bid: BidValue | null;
}

export interface SeasonCard {
  seasonId: string;
  name: string;
  assigned: number;
}

/** /jury: the reviewer's seasons, with links to their declarations and to their reviews. */
export function JuryHomePage({ ctx, seasons }: { ctx: ViewContext; seasons: SeasonCard[] }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.homeTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.homeTitle)}</h1>
        <p safe>{t(locale, m.homeIntro)}</p>
        {seasons.length === 0 ? (
          <p safe>{t(locale, m.noSeason)}</p>
        ) : (
          <div class="fr-grid-row fr-grid-row--gutters">
            {seasons.map((s) => (
              <div class="fr-col-12 fr-col-md-6">
                <div class="fr-card fr-p-3w">
                  <h2 class="fr-h4" safe>
                    {s.name}
                  </h2>
                  <p safe>{tCount(locale, juryCounts.assigned, s.assigned)}</p>
                  <ul class="fr-btns-group fr-btns-group--inline-md">
                    <li>
                      <a class="fr-btn fr-btn--secondary" href={`/jury/saisons/${s.seasonId}`} safe>
                        {t(locale, m.declarations)}
                      </a>
                    </li>
                    <li>
                      <a class="fr-btn" href="/jury/evaluations" safe>
                        {t(locale, m.evaluations)}
                      </a>
                    </li>
                  </ul>
                </div>
              </div>
            ))}
          </div>
        )}
      </div>
    </Page>
  );
}

export interface CardError {
  applicationId: string;
  field: 'reason';
  error: FieldError;
  value: string;
}

const bidLabels = { eager: m.bidEager, willing: m.bidWilling, not_willing: m.bidNotWilling } as const;

/** /jury/saisons/:id: the reviewer's SIREN, and per application their conflict, recusal and wish. */
export function DeclarePage(props: {
  ctx: ViewContext;
  seasonId: string;
  seasonName: string;
  siren: string;
  sirenError?: FieldError;
  cards: ApplicationCard[];
  cardError?: CardError;
  notice?: string;
}): JSX.Element {
  const { ctx, cards } = props;
  const { locale } = ctx;
  const base = `/jury/saisons/${props.seasonId}`;
  const title = t(locale, m.declareTitle, { season: props.seasonName });
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <p>
          <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/jury" safe>
            {t(locale, m.homeTitle)}
          </a>
        </p>
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        <p safe>{t(locale, m.declareIntro)}</p>
        <h2 safe>{t(locale, m.profile)}</h2>
        <form method="post" action={`${base}/profil`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Input
            locale={locale}
            name="siren"
            label={t(locale, m.mySiren)}
            hint={t(locale, m.sirenHint)}
            value={props.siren}
            error={props.sirenError}
          />
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.save)}
          </button>
        </form>
        <h2 class="fr-mt-6w" safe>
          {t(locale, m.eligibleApplications)}
        </h2>
        {cards.length === 0 ? <p safe>{t(locale, m.noApplications)}</p> : ''}
        {cards.map((card, i) => {
          const error = props.cardError?.applicationId === card.id ? props.cardError : undefined;
          const reasonId = `reason-${i}`;
          return (
            <section class="fr-card fr-p-3w fr-mb-3w" aria-labelledby={`card-${i}`}>
              <h3 class="fr-h5" id={`card-${i}`} safe>
                {card.title}
              </h3>
              <p class="fr-text--sm">
                <span safe>{`${t(locale, m.track)} : ${card.track}`}</span>
                {card.organisation ? <span safe>{` · ${t(locale, m.organisation)} : ${card.organisation}`}</span> : ''}
                {card.assigned ? (
                  <>
                    {' '}
                    <span class="fr-badge fr-badge--info fr-badge--sm" safe>
                      {t(locale, m.assignedLabel)}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </p>
              {card.conflicts.map((c) => (
                <p class="fr-badge fr-badge--warning" safe>
                  {t(locale, m.inConflict, { reason: conflictReason(locale, c) || '—' })}
                </p>
              ))}
              <form method="post" action={`${base}/candidatures/${card.id}/souhait`} class="fr-mb-2w">
                <CsrfField token={ctx.csrfToken} />
                <div class="fr-select-group">
                  <label class="fr-label" for={`bid-${i}`} safe>
                    {t(locale, m.myBid)}
                  </label>
                  <select class="fr-select" id={`bid-${i}`} name="bid">
                    <option value="" selected={card.bid === null} safe>
                      {t(locale, m.bidNone)}
                    </option>
                    {(['eager', 'willing', 'not_willing'] as const).map((b) => (
                      <option value={b} selected={card.bid === b} safe>
                        {t(locale, bidLabels[b])}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary" safe>
                  {t(locale, m.saveBid)}
                </button>
              </form>
              <form method="post" action={`${base}/candidatures/${card.id}/conflit`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
                  <label
                    class="fr-label"
                    for={reasonId}
                    safe
                  >{`${t(locale, m.conflictReason)} / ${t(locale, m.recuseReason)}`}</label>
                  <input
                    class={`fr-input${error ? ' fr-input--error' : ''}`}
                    id={reasonId}
                    name="reason"
                    value={error?.value ?? ''}
                    maxlength="1000"
                    {...(error ? { 'aria-describedby': `${reasonId}-error`, 'aria-invalid': 'true' } : {})}
                  />
                  {error ? (
                    <p id={`${reasonId}-error`} class="fr-error-text" safe>
                      {t(locale, error.error.message, error.error.params)}
                    </p>
                  ) : (
                    ''
                  )}
                </div>
                <ButtonGroup
                  name="kind"
                  size="sm"
                  buttons={[
                    { value: 'declared', label: t(locale, m.declareConflict), priority: 'secondary' },
                    { value: 'recusal', label: t(locale, m.recuse), priority: 'tertiary' },
                  ]}
                />
              </form>
            </section>
          );
        })}
      </div>
    </Page>
  );
}

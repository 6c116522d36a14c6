import { t } from '../../../../core/i18n/i18n.js';
import { Alert, Checkbox, CsrfField, EveryTrackOnly } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { stateLabel } from '../../views/text.js';
import { instructionMessages as im } from '../messages.js';
import { NOTIFIED_STATES, type StateNoticeSettings } from '../state-notices.js';

export interface StateNoticesData {
  seasonId: string;
  seasonName: string;
  settings: StateNoticeSettings;
  saved: boolean;
}

/**
 * On the staff list, under the filters' season: which state changes tell the applicants (every state on unless
 * switched off). A season-wide setting: staff limited to some tracks read it and are told why they cannot change it.
 */
export function StateNoticesSection({ ctx, data }: { ctx: ViewContext; data?: StateNoticesData }): JSX.Element {
  const { locale } = ctx;
  if (!data)
    return (
      <p class="fr-hint-text fr-mt-4w" safe>
        {t(locale, im.stateNoticesChooseSeason)}
      </p>
    );
  return (
    <section class="fr-mt-6w" aria-labelledby="avis-candidats">
      <h2 id="avis-candidats" class="fr-h4" safe>
        {t(locale, im.stateNoticesTitle, { season: data.seasonName })}
      </h2>
      {data.saved ? <Alert kind="success" title={t(locale, im.stateNoticesSaved)} /> : ''}
      <p safe>{t(locale, im.stateNoticesIntro)}</p>
      <EveryTrackOnly user={ctx.user} locale={locale}>
        <form method="post" action={`/admin/saisons/${data.seasonId}/avis-candidats`}>
          <CsrfField token={ctx.csrfToken} />
          <fieldset class="fr-fieldset">
            {NOTIFIED_STATES.map((state) => (
              <div class="fr-fieldset__element">
                <Checkbox
                  name={`notice_${state}`}
                  label={t(locale, im.stateNoticeFor, { state: stateLabel(locale, state) })}
                  checked={data.settings[state]}
                  hint={state === 'ineligible' ? t(locale, im.stateNoticeIneligibleHint) : undefined}
                />
              </div>
            ))}
          </fieldset>
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, im.stateNoticesSave)}
          </button>
        </form>
      </EveryTrackOnly>
    </section>
  );
}

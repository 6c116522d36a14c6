import { formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  EveryTrackOnly,
  Input,
  Select,
} from '../../../core/ui/components.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { juryMessages as m } from '../messages.js';
import { type PhaseRow, parisInputValue } from '../save-phase.js';
import { type FormState, juryPath, type SeasonRef, Shell } from './staff-shell.js';

/** The staff pages of a season's review phases: the list with its creation form, and one phase's edit form. */

function phaseLabels(locale: Locale): Record<string, string> {
  return {
    name: t(locale, m.phaseName),
    name_en: t(locale, m.phaseNameEn),
    starts_at: t(locale, m.startsAt),
    ends_at: t(locale, m.endsAt),
    visibility: t(locale, m.visibility),
    others_reviews: t(locale, m.othersReviews),
  };
}

export function phaseFormValues(p: PhaseRow): Record<string, string> {
  return {
    name: p.name,
    name_en: p.name_en,
    starts_at: parisInputValue(new Date(p.starts_at)),
    ends_at: parisInputValue(new Date(p.ends_at)),
    visibility: p.visibility,
    others_reviews: p.others_reviews,
    blind: p.blind ? 'on' : '',
    editable_after_end: p.editable_after_end ? 'on' : '',
  };
}

function PhaseForm({
  ctx,
  action,
  state,
  button,
}: {
  ctx: ViewContext;
  action: string;
  state: FormState;
  button: string;
}): JSX.Element {
  const { locale } = ctx;
  const l = phaseLabels(locale);
  const field = (name: string) => ({
    locale,
    name,
    label: l[name],
    value: state.values[name] ?? '',
    error: state.errors[name],
  });
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary locale={locale} errors={state.errors} labels={l} />
      <p class="fr-hint-text" safe>
        {t(locale, uiMessages.requiredHint)}
      </p>
      <Input {...field('name')} required />
      <Input {...field('name_en')} />
      <Input {...field('starts_at')} type="datetime-local" required />
      <Input {...field('ends_at')} type="datetime-local" required />
      <Select
        {...field('visibility')}
        options={[
          { value: 'assigned', label: t(locale, m.visibilityAssigned) },
          { value: 'all', label: t(locale, m.visibilityAll) },
        ]}
      />
      <Select
        {...field('others_reviews')}
        options={[
          { value: 'never', label: t(locale, m.othersNever) },
          { value: 'after_own', label: t(locale, m.othersAfterOwn) },
          { value: 'always', label: t(locale, m.othersAlways) },
        ]}
      />
      <Checkbox name="blind" label={t(locale, m.blind)} checked={state.values.blind === 'on'} />
      <Checkbox
        name="editable_after_end"
        label={t(locale, m.editableAfterEnd)}
        checked={state.values.editable_after_end === 'on'}
      />
      <button type="submit" class="fr-btn fr-mt-2w" safe>
        {button}
      </button>
    </form>
  );
}

const othersLabel = { never: m.othersNever, after_own: m.othersAfterOwn, always: m.othersAlways } as const;

/** /admin/saisons/:id/jury/phases: the season's phases and the form to add one. */
export function PhasesPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  phases: PhaseRow[];
  state: FormState;
  notice?: string;
}): JSX.Element {
  const { ctx, season, phases, state } = props;
  const { locale } = ctx;
  const base = `${juryPath(season.id)}/phases`;
  return (
    <Shell
      ctx={ctx}
      season={season}
      title={t(locale, m.phasesTitle)}
      crumb={t(locale, m.phasesTitle)}
      notice={props.notice}
    >
      {phases.length === 0 ? (
        <p safe>{t(locale, m.noPhases)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.phasesTitle)}
          hiddenCaption
          columns={[
            t(locale, m.phaseName),
            t(locale, m.dates),
            t(locale, m.visibility),
            t(locale, m.othersReviews),
            t(locale, m.actions),
          ]}
        >
          {phases.map((p) => (
            <tr>
              <td safe>{p.name}</td>
              <td
                safe
              >{`${formatDateTime(locale, new Date(p.starts_at))} → ${formatDateTime(locale, new Date(p.ends_at))}`}</td>
              <td safe>{t(locale, p.visibility === 'all' ? m.visibilityAll : m.visibilityAssigned)}</td>
              <td safe>{t(locale, othersLabel[p.others_reviews])}</td>
              <td>
                <EveryTrackOnly user={ctx.user} locale={locale} quiet>
                  <a
                    class="fr-btn fr-btn--sm fr-btn--secondary"
                    href={`${base}/${p.id}/modifier`}
                    title={`${t(locale, m.edit)} : ${p.name}`}
                    safe
                  >
                    {t(locale, m.edit)}
                  </a>
                </EveryTrackOnly>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 id="nouvelle" safe>
        {t(locale, m.newPhase)}
      </h2>
      <EveryTrackOnly user={ctx.user} locale={locale}>
        <PhaseForm ctx={ctx} action={base} state={state} button={t(locale, m.create)} />
      </EveryTrackOnly>
    </Shell>
  );
}

export function PhaseEditPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  phase: PhaseRow;
  state: FormState;
}): JSX.Element {
  const { ctx, season, phase, state } = props;
  const { locale } = ctx;
  return (
    <Shell ctx={ctx} season={season} title={`${t(locale, m.editPhase)} : ${phase.name}`} crumb={t(locale, m.editPhase)}>
      <PhaseForm
        ctx={ctx}
        action={`${juryPath(season.id)}/phases/${phase.id}`}
        state={state}
        button={t(locale, m.save)}
      />
    </Shell>
  );
}

import { type Locale, t } from '../../../core/i18n/i18n.js';
import { CsrfField, DataTable, ErrorSummary, Select, TextArea } from '../../../core/ui/components.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { ApplicationForReview } from '../../applications/for-review.js';
import type { ConflictRow, ConflictSource } from '../conflicts.js';
import type { JuryMember } from '../jury.js';
import { juryMessages as m } from '../messages.js';
import { type FormState, juryPath, type SeasonRef, Shell } from './staff-shell.js';

/** The staff page of a season's conflicts of interest, and the labels of a conflict's source and reason. */

export function sourceLabel(locale: Locale, source: ConflictSource): string {
  const labels: Record<ConflictSource, typeof m.sourceStaff> = {
    declared: m.sourceDeclared,
    recusal: m.sourceRecusal,
    staff: m.sourceStaff,
    organisation: m.sourceOrganisation,
    email_domain: m.sourceEmailDomain,
    co_applicant: m.sourceCoApplicant,
  };
  return t(locale, labels[source]);
}

/** The reason shown for a conflict: detected ones are described from their machine reason. */
export function conflictReason(locale: Locale, c: Pick<ConflictRow, 'source' | 'reason'>): string {
  if (c.source === 'organisation') return t(locale, m.detectedSiren, { siren: c.reason });
  if (c.source === 'email_domain') return t(locale, m.detectedDomain, { domain: c.reason });
  if (c.source === 'co_applicant') return t(locale, m.detectedMember);
  return c.reason;
}

export function conflictLabels(locale: Locale): Record<string, string> {
  return { application_id: t(locale, m.application), member_id: t(locale, m.reviewer), reason: t(locale, m.reason) };
}

export function PairSelects({
  locale,
  state,
  applications,
  members,
}: {
  locale: Locale;
  state: FormState;
  applications: ApplicationForReview[];
  members: JuryMember[];
}): JSX.Element {
  const l = conflictLabels(locale);
  const choose = { value: '', label: t(locale, m.chooseOne) };
  return (
    <>
      <Select
        locale={locale}
        name="application_id"
        label={l.application_id}
        value={state.values.application_id ?? ''}
        error={state.errors.application_id}
        required
        options={[choose, ...applications.map((a) => ({ value: a.id, label: a.title || a.id }))]}
      />
      <Select
        locale={locale}
        name="member_id"
        label={l.member_id}
        value={state.values.member_id ?? ''}
        error={state.errors.member_id}
        required
        options={[choose, ...members.map((x) => ({ value: x.id, label: `${x.name} (${x.email})` }))]}
      />
    </>
  );
}

/** /admin/saisons/:id/jury/conflits: every conflict with its source and reason; staff add or lift theirs. */
export function ConflictsPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  conflicts: ConflictRow[];
  applications: ApplicationForReview[];
  members: JuryMember[];
  state: FormState;
  notice?: string;
}): JSX.Element {
  const { ctx, season, conflicts, applications, members, state } = props;
  const { locale } = ctx;
  const title = new Map(applications.map((a) => [a.id, a.title]));
  const who = new Map(members.map((x) => [x.id, x.email]));
  const base = `${juryPath(season.id)}/conflits`;
  return (
    <Shell
      ctx={ctx}
      season={season}
      title={t(locale, m.conflictsTitle)}
      crumb={t(locale, m.conflictsTitle)}
      notice={props.notice}
    >
      <p safe>{t(locale, m.conflictsIntro)}</p>
      {conflicts.length === 0 ? (
        <p safe>{t(locale, m.noConflicts)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.conflictsTitle)}
          hiddenCaption
          columns={[
            t(locale, m.application),
            t(locale, m.reviewer),
            t(locale, m.source),
            t(locale, m.reason),
            t(locale, m.actions),
          ]}
        >
          {conflicts.map((c) => (
            <tr>
              <td safe>{title.get(c.applicationId) ?? c.applicationId}</td>
              <td safe>{who.get(c.memberId) ?? '—'}</td>
              <td safe>{sourceLabel(locale, c.source)}</td>
              <td safe>{conflictReason(locale, c)}</td>
              <td>
                {c.source === 'staff' ? (
                  <form method="post" action={`${base}/${c.id}/lever`}>
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary" safe>
                      {t(locale, m.lift)}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 id="ajouter" safe>
        {t(locale, m.addConflict)}
      </h2>
      <form method="post" action={base} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary locale={locale} errors={state.errors} labels={conflictLabels(locale)} />
        <PairSelects locale={locale} state={state} applications={applications} members={members} />
        <TextArea
          locale={locale}
          name="reason"
          label={t(locale, m.reason)}
          value={state.values.reason ?? ''}
          error={state.errors.reason}
          rows={3}
          required
        />
        <button type="submit" class="fr-btn" safe>
          {t(locale, m.addConflict)}
        </button>
      </form>
    </Shell>
  );
}

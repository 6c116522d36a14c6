import type Html from '@kitajs/html';
import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  EveryTrackOnly,
  Input,
  Select,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { ApplicationForReview } from '../../applications/index.js';
import type { AssignedPair, RunRow } from '../assignment.js';
import type { ConflictRow, ConflictSource } from '../conflicts.js';
import type { JuryMember } from '../jury.js';
import { juryMessages as m } from '../messages.js';
import { type PhaseRow, parisInputValue } from '../save-phase.js';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

export interface SeasonRef {
  id: string;
  name: string;
}

export const juryPath = (seasonId: string) => `/admin/saisons/${seasonId}/jury`;

function Crumbs({ locale, season, current }: { locale: Locale; season: SeasonRef; current?: string }): JSX.Element {
  const items = [
    { label: t(locale, m.administration), href: '/admin' },
    { label: t(locale, m.seasons), href: '/admin/jury' },
    { label: t(locale, m.juryTitle, { season: season.name }), href: juryPath(season.id) },
  ];
  if (current) items.push({ label: current, href: '' });
  return <Breadcrumb locale={locale} items={items} />;
}

function Shell(props: {
  ctx: ViewContext;
  season: SeasonRef;
  title: string;
  crumb?: string;
  notice?: string;
  children?: Html.Children;
}): JSX.Element {
  return (
    <Page ctx={props.ctx} title={props.title}>
      <div class="fr-container fr-my-6w">
        <Crumbs locale={props.ctx.locale} season={props.season} current={props.crumb} />
        <h1 safe>{props.title}</h1>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        {props.children}
      </div>
    </Page>
  );
}

function Nav({ locale, season }: { locale: Locale; season: SeasonRef }): JSX.Element {
  const base = juryPath(season.id);
  return (
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <li>
        <a class="fr-btn fr-btn--secondary" href={`${base}/conflits`} safe>
          {t(locale, m.linkConflicts)}
        </a>
      </li>
      <li>
        <a class="fr-btn fr-btn--secondary" href={`${base}/phases`} safe>
          {t(locale, m.linkPhases)}
        </a>
      </li>
      <li>
        <a class="fr-btn fr-btn--secondary" href={`${base}/affectation`} safe>
          {t(locale, m.linkAssignment)}
        </a>
      </li>
    </ul>
  );
}

function memberLabels(locale: Locale): Record<string, string> {
  return {
    email: t(locale, m.email),
    expertise: t(locale, m.expertise),
    topics: t(locale, m.topics),
    min_load: t(locale, m.minLoad),
    max_load: t(locale, m.maxLoad),
    siren: t(locale, m.siren),
  };
}

function MemberFields({
  locale,
  state,
  withEmail,
}: {
  locale: Locale;
  state: FormState;
  withEmail: boolean;
}): JSX.Element {
  const l = memberLabels(locale);
  const field = (name: string) => ({
    locale,
    name,
    label: l[name],
    value: state.values[name] ?? '',
    error: state.errors[name],
  });
  return (
    <>
      {withEmail ? <Input {...field('email')} type="email" autocomplete="off" required /> : ''}
      <TextArea {...field('expertise')} hint={t(locale, m.expertiseHint)} rows={4} />
      <Input {...field('topics')} hint={t(locale, m.topicsHint)} />
      <Input {...field('min_load')} type="number" required />
      <Input {...field('max_load')} type="number" required />
      <Input {...field('siren')} hint={t(locale, m.sirenHint)} />
    </>
  );
}

/** /admin/saisons/:id/jury: the members, the invitation form and the links to the other jury pages. */
export function JuryPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  members: JuryMember[];
  state: FormState;
  notice?: string;
}): JSX.Element {
  const { ctx, season, members, state } = props;
  const { locale } = ctx;
  const base = juryPath(season.id);
  return (
    <Shell ctx={ctx} season={season} title={t(locale, m.juryTitle, { season: season.name })} notice={props.notice}>
      <p safe>{t(locale, m.juryIntro)}</p>
      <Nav locale={locale} season={season} />
      <h2 safe>{t(locale, m.members)}</h2>
      {members.length === 0 ? (
        <p safe>{t(locale, m.noMembers)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.members)}
          hiddenCaption
          columns={[
            t(locale, m.person),
            t(locale, m.expertise),
            t(locale, m.topics),
            t(locale, m.load),
            t(locale, m.actions),
          ]}
        >
          {members.map((member) => (
            <tr>
              <td>
                <span safe>{member.name}</span>
                <br />
                <span class="fr-text--sm" safe>
                  {member.email}
                </span>
              </td>
              <td safe>{member.expertise}</td>
              <td safe>{member.topics.join(', ')}</td>
              <td safe>{`${member.minLoad}–${member.maxLoad}`}</td>
              <td>
                <EveryTrackOnly user={ctx.user} locale={locale} quiet>
                  <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                    <li>
                      <a
                        class="fr-btn fr-btn--secondary"
                        href={`${base}/membres/${member.id}/modifier`}
                        title={`${t(locale, m.edit)} : ${member.email}`}
                        safe
                      >
                        {t(locale, m.edit)}
                      </a>
                    </li>
                    <li>
                      <form method="post" action={`${base}/membres/${member.id}/retirer`}>
                        <CsrfField token={ctx.csrfToken} />
                        <button
                          type="submit"
                          class="fr-btn fr-btn--tertiary"
                          title={`${t(locale, m.remove)} : ${member.email}`}
                          safe
                        >
                          {t(locale, m.remove)}
                        </button>
                      </form>
                    </li>
                  </ul>
                </EveryTrackOnly>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 id="inviter" safe>
        {t(locale, m.inviteTitle)}
      </h2>
      <EveryTrackOnly user={ctx.user} locale={locale}>
        <p class="fr-hint-text" safe>
          {t(locale, m.inviteHint)}
        </p>
        <form method="post" action={base} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary locale={locale} errors={state.errors} labels={memberLabels(locale)} />
          <p class="fr-hint-text" safe>
            {t(locale, uiMessages.requiredHint)}
          </p>
          <MemberFields locale={locale} state={state} withEmail />
          <button type="submit" class="fr-btn" safe>
            {t(locale, m.invite)}
          </button>
        </form>
      </EveryTrackOnly>
    </Shell>
  );
}

export function MemberEditPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  member: JuryMember;
  state: FormState;
}): JSX.Element {
  const { ctx, season, member, state } = props;
  const { locale } = ctx;
  const title = `${t(locale, m.editMember)} : ${member.email}`;
  return (
    <Shell ctx={ctx} season={season} title={title} crumb={t(locale, m.editMember)}>
      <form method="post" action={`${juryPath(season.id)}/membres/${member.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary locale={locale} errors={state.errors} labels={memberLabels(locale)} />
        <p class="fr-hint-text" safe>
          {t(locale, uiMessages.requiredHint)}
        </p>
        <MemberFields locale={locale} state={state} withEmail={false} />
        <button type="submit" class="fr-btn" safe>
          {t(locale, m.save)}
        </button>
      </form>
    </Shell>
  );
}

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

function conflictLabels(locale: Locale): Record<string, string> {
  return { application_id: t(locale, m.application), member_id: t(locale, m.reviewer), reason: t(locale, m.reason) };
}

function PairSelects({
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

function round(x: number): string {
  return (Math.round(x * 1000) / 1000).toString();
}

/** /admin/saisons/:id/jury/affectation: counts, the run form, the latest run with its metrics and pairs. */
export function AssignmentPage(props: {
  ctx: ViewContext;
  season: SeasonRef;
  applications: ApplicationForReview[];
  members: JuryMember[];
  conflictCount: number;
  run?: RunRow;
  pairs: AssignedPair[];
  state: FormState;
  pairState: FormState;
  notice?: string;
  infeasible?: Array<{ fr: string; en: string }>;
  problem?: string;
  /** Staff limited to tracks: only their tracks are shown, and the run and publication are not theirs. */
  trackLimited?: boolean;
}): JSX.Element {
  const { ctx, season, applications, members, run, pairs, state, pairState } = props;
  const { locale } = ctx;
  const base = `${juryPath(season.id)}/affectation`;
  const email = new Map(members.map((x) => [x.id, x.email]));
  const runLabels = { per_application: t(locale, m.perApplication) };
  return (
    <Shell
      ctx={ctx}
      season={season}
      title={t(locale, m.assignmentTitle)}
      crumb={t(locale, m.assignmentTitle)}
      notice={props.notice}
    >
      <p safe>{t(locale, m.assignmentIntro)}</p>
      <p safe>
        {t(locale, m.counts, {
          applications: applications.length,
          members: members.length,
          conflicts: props.conflictCount,
        })}
      </p>
      {props.infeasible ? (
        <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <h2 class="fr-alert__title" safe>
            {t(locale, m.infeasibleTitle)}
          </h2>
          <p safe>{t(locale, m.infeasibleText)}</p>
          <ul>
            {props.infeasible.map((e) => (
              <li safe>{locale === 'en' ? e.en : e.fr}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {props.problem ? <Alert kind="error" title={props.problem} /> : ''}
      {props.trackLimited ? (
        <Alert kind="info" title={t(locale, m.trackLimited)} text={t(locale, m.trackLimitedRun)} />
      ) : (
        <form method="post" action={base} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary locale={locale} errors={state.errors} labels={runLabels} />
          <Input
            locale={locale}
            name="per_application"
            label={runLabels.per_application}
            type="number"
            value={state.values.per_application ?? String(run?.per_application ?? 3)}
            error={state.errors.per_application}
            required
          />
          <Checkbox
            name="fair"
            label={t(locale, m.fair)}
            checked={state.values.fair === 'on' || (state.values.fair === undefined && run?.fair === true)}
          />
          <button type="submit" class="fr-btn fr-mt-2w" safe>
            {t(locale, run ? m.rerun : m.run)}
          </button>
        </form>
      )}
      <h2 class="fr-mt-6w" safe>
        {t(locale, m.runTitle)}
      </h2>
      {!run ? (
        <p safe>{t(locale, m.noRun)}</p>
      ) : (
        <>
          <dl class="fr-mb-4w">
            <dt safe>{t(locale, m.totalAffinity)}</dt>
            <dd safe>{round(run.total_affinity)}</dd>
            <dt safe>{t(locale, m.minAffinity)}</dt>
            <dd safe>{round(run.min_application_affinity)}</dd>
            <dt safe>{t(locale, m.optimal)}</dt>
            <dd safe>{t(locale, run.optimal ? m.yes : m.no)}</dd>
            <dt safe>{t(locale, m.mode)}</dt>
            <dd safe>{t(locale, run.fair ? m.modeFair : m.modeTotal)}</dd>
            <dt safe>{t(locale, m.seconds)}</dt>
            <dd safe>{t(locale, m.secondsValue, { s: run.seconds.toFixed(3) })}</dd>
            <dt safe>{t(locale, m.publish)}</dt>
            <dd safe>
              {run.published_at
                ? t(locale, m.published, { date: formatDateTime(locale, new Date(run.published_at)) })
                : t(locale, m.notPublished)}
            </dd>
          </dl>
          <DataTable
            caption={t(locale, m.perApplicationTable)}
            columns={[t(locale, m.application), t(locale, m.count), t(locale, m.assigned)]}
          >
            {applications.map((a) => {
              const mine = pairs.filter((p) => p.applicationId === a.id);
              return (
                <tr>
                  <td safe>{a.title || a.id}</td>
                  <td safe>{String(mine.length)}</td>
                  <td>
                    <ul class="fr-raw-list">
                      {mine.map((p) => (
                        <li>
                          <span
                            safe
                          >{`${email.get(p.memberId) ?? '—'} (${t(locale, m.affinity)} ${round(p.affinity)}, ${t(locale, p.origin === 'manual' ? m.originManual : m.originEngine)}${p.reviewed ? `, ${t(locale, m.reviewed)}` : ''})`}</span>
                          {p.reviewed ? (
                            ''
                          ) : (
                            <form method="post" action={`${base}/paires/${p.id}/retirer`} class="fr-displayed-inline">
                              <CsrfField token={ctx.csrfToken} />
                              <button
                                type="submit"
                                class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
                                title={t(locale, m.removePairOf, {
                                  reviewer: email.get(p.memberId) ?? '',
                                  application: a.title,
                                })}
                                safe
                              >
                                {t(locale, m.removePair)}
                              </button>
                            </form>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <DataTable
            caption={t(locale, m.perReviewerTable)}
            columns={[t(locale, m.reviewer), t(locale, m.load), t(locale, m.count)]}
          >
            {members.map((x) => (
              <tr>
                <td safe>{x.email}</td>
                <td safe>{`${x.minLoad}–${x.maxLoad}`}</td>
                <td safe>{String(pairs.filter((p) => p.memberId === x.id).length)}</td>
              </tr>
            ))}
          </DataTable>
          <h2 id="paire" safe>
            {t(locale, m.addPair)}
          </h2>
          <p class="fr-hint-text" safe>
            {t(locale, m.addPairHint)}
          </p>
          <form method="post" action={`${base}/paires`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <ErrorSummary locale={locale} errors={pairState.errors} labels={conflictLabels(locale)} />
            <PairSelects locale={locale} state={pairState} applications={applications} members={members} />
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.add)}
            </button>
          </form>
          {run.published_at || props.trackLimited ? (
            ''
          ) : (
            <form method="post" action={`${base}/publier`} class="fr-mt-6w">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="fr-btn fr-btn--icon-left fr-icon-send-plane-line" safe>
                {t(locale, m.publish)}
              </button>
            </form>
          )}
        </>
      )}
    </Shell>
  );
}

/** /admin/jury: every season, with its number of active jury members and a link to its jury page. */
export function JuriesPage({
  ctx,
  seasons,
}: {
  ctx: ViewContext;
  seasons: Array<SeasonRef & { members: number }>;
}): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.seasons);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.administration), href: '/admin' }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.juriesIntro)}</p>
        {seasons.length === 0 ? (
          <p safe>{t(locale, m.noSeasons)}</p>
        ) : (
          <DataTable caption={title} hiddenCaption columns={[t(locale, m.season), t(locale, m.members)]}>
            {seasons.map((s) => (
              <tr>
                <td>
                  <a href={juryPath(s.id)} title={t(locale, m.openJury, { season: s.name })} safe>
                    {s.name}
                  </a>
                </td>
                <td safe>{t(locale, m.memberCount, { n: s.members })}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

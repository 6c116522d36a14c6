import { formatFileSize } from '../../../../core/files/store-file.js';
import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, Input, Select, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { ENDED } from '../experiment-input.js';
import { experimentMessages as m } from '../messages.js';
import { movesFrom } from '../milestone-rules.js';
import type { ExperimentAccess } from '../policy.js';
import { type ExperimentMilestone, milestoneProgress } from '../queries.js';
import { territoryLabel } from '../territories.js';
import {
  administrationHref,
  commonsHref,
  dayText,
  experimentHref,
  type FormState,
  MembersBadge,
  Paragraphs,
  ProgressBar,
  periodText,
  StateBadge,
  StatusBadge,
  statusLabel,
} from './parts.js';

/** A form of the page shown again after a refused post: `target` says which one ('person', 'document', 'milestone-new', 'milestone-<id>', 'review-<id>'). */
export interface PageForm extends FormState {
  target: string;
}

export interface AccountChoice {
  id: string;
  label: string;
}

function formFor(form: PageForm | undefined, target: string, initial: Record<string, string> = {}): FormState {
  return form?.target === target ? form : { values: initial, errors: {} };
}

function FormAlert({ locale, form }: { locale: Locale; form: FormState }): JSX.Element {
  return Object.keys(form.errors).length > 0 ? <Alert kind="error" title={t(locale, m.formError)} /> : '';
}

function MilestoneCard(props: {
  ctx: ViewContext;
  access: ExperimentAccess;
  milestone: ExperimentMilestone;
  today: string;
  form?: PageForm;
}): JSX.Element {
  const { ctx, access, milestone: x } = props;
  const { locale } = ctx;
  const base = `${experimentHref(access.experiment.id)}/jalons/${x.id}`;
  const ended = ENDED.includes(access.experiment.status);
  const late = x.dueOn !== null && x.dueOn < props.today && x.state !== 'validated' && !ended;
  const moves = access.party && !ended ? movesFrom(x.state) : [];
  const editable = access.canEdit && !ended && x.state !== 'validated';
  const review = formFor(props.form, `review-${x.id}`);
  const edit = formFor(props.form, `milestone-${x.id}`, {
    [`title-${x.id}`]: x.title,
    [`description-${x.id}`]: x.description,
    [`due-${x.id}`]: x.dueOn ?? '',
  });
  return (
    <li>
      <section class="fr-pt-3w fr-pb-1w" aria-labelledby={`milestone-${x.id}`}>
        <h3 class="fr-h5 fr-mb-1w" id={`milestone-${x.id}`} safe>
          {x.title}
        </h3>
        <ul class="fr-badges-group">
          <li>
            <StateBadge locale={locale} state={x.state} />
          </li>
          {late ? (
            <li>
              <p class="fr-badge fr-badge--sm fr-badge--error" safe>
                {t(locale, m.late)}
              </p>
            </li>
          ) : (
            ''
          )}
        </ul>
        <p class="fr-text--sm fr-mb-1w" safe>
          {x.dueOn ? t(locale, m.dueOn, { date: dayText(locale, x.dueOn) }) : t(locale, m.noDue)}
        </p>
        {x.description ? <Paragraphs text={x.description} class="fr-mb-1w" /> : ''}
        {x.comment && (x.state === 'returned' || x.state === 'validated' || x.state === 'submitted') ? (
          <p class="fr-text--sm" safe>
            {t(locale, m.staffComment, { comment: x.comment })}
          </p>
        ) : (
          ''
        )}
        {moves.length > 0 ? (
          <form method="post" action={`${base}/etat`} class="fr-mt-2w">
            <CsrfField token={ctx.csrfToken} />
            <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
              {moves.map((move) => (
                <li>
                  <button
                    type="submit"
                    name="move"
                    value={move}
                    class={move === 'submit' ? 'fr-btn' : 'fr-btn fr-btn--secondary'}
                    safe
                  >
                    {t(locale, move === 'submit' ? m.submitMilestone : m.start)}
                  </button>
                </li>
              ))}
            </ul>
          </form>
        ) : (
          ''
        )}
        {access.staff && x.state === 'submitted' ? (
          <form method="post" action={`${base}/examen`} class="fr-mt-2w">
            <CsrfField token={ctx.csrfToken} />
            <FormAlert locale={locale} form={review} />
            <TextArea
              locale={locale}
              name={`comment-${x.id}`}
              label={t(locale, m.fieldComment)}
              hint={t(locale, m.fieldCommentHint)}
              value={review.values[`comment-${x.id}`]}
              error={review.errors[`comment-${x.id}`]}
              rows={3}
            />
            <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
              <li>
                <button type="submit" name="verdict" value="validate" class="fr-btn" safe>
                  {t(locale, m.validate)}
                </button>
              </li>
              <li>
                <button type="submit" name="verdict" value="return" class="fr-btn fr-btn--secondary" safe>
                  {t(locale, m.returnIt)}
                </button>
              </li>
            </ul>
          </form>
        ) : (
          ''
        )}
        {editable ? (
          <details class="fr-mt-2w" open={props.form?.target === `milestone-${x.id}`}>
            <summary safe>{t(locale, m.editMilestone)}</summary>
            <MilestoneFields ctx={ctx} action={base} suffix={x.id} form={edit} submit={m.save} />
            <form method="post" action={`${base}/retirer`} class="fr-mt-2w">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm" safe>
                {t(locale, m.removeMilestone)}
              </button>
            </form>
          </details>
        ) : (
          ''
        )}
      </section>
      <hr class="fr-hr fr-pb-0" />
    </li>
  );
}

function MilestoneFields(props: {
  ctx: ViewContext;
  action: string;
  suffix: string;
  form: FormState;
  submit: (typeof m)[keyof typeof m];
}): JSX.Element {
  const { ctx, form, suffix } = props;
  const { locale } = ctx;
  const f = (name: string) => `${name}-${suffix}`;
  return (
    <form method="post" action={props.action}>
      <CsrfField token={ctx.csrfToken} />
      <FormAlert locale={locale} form={form} />
      <Input
        locale={locale}
        name={f('title')}
        label={t(locale, m.fieldMilestoneTitle)}
        value={form.values[f('title')]}
        error={form.errors[f('title')]}
        required
        maxlength={200}
      />
      <TextArea
        locale={locale}
        name={f('description')}
        label={t(locale, m.fieldMilestoneDescription)}
        value={form.values[f('description')]}
        error={form.errors[f('description')]}
        rows={3}
      />
      <Input
        locale={locale}
        type="date"
        name={f('due')}
        label={t(locale, m.fieldDueOn)}
        hint={t(locale, m.fieldDateHint)}
        value={form.values[f('due')]}
        error={form.errors[f('due')]}
      />
      <button type="submit" class="fr-btn fr-btn--sm" safe>
        {t(locale, props.submit)}
      </button>
    </form>
  );
}

function PeopleSection(props: {
  ctx: ViewContext;
  access: ExperimentAccess;
  accounts: AccountChoice[];
  form?: PageForm;
}): JSX.Element {
  const { ctx, access } = props;
  const { locale } = ctx;
  const { experiment } = access;
  const form = formFor(props.form, 'person');
  return (
    <section class="fr-mt-6w" aria-labelledby="people">
      <h2 id="people" safe>
        {t(locale, m.sectionPeople)}
      </h2>
      {experiment.people.length === 0 ? (
        <p safe>{t(locale, m.noPeople)}</p>
      ) : (
        <ul>
          {experiment.people.map((p) => {
            const name = p.name || t(locale, m.erasedPerson);
            return (
              <li class="fr-mb-1w">
                <strong safe>{name}</strong>
                <span safe>{` — ${p.role}`}</span>
                {p.userId ? <span class="fr-text--sm" safe>{` (${t(locale, m.hasAccount)})`}</span> : ''}
                {access.canEdit ? (
                  <form method="post" action={`${experimentHref(experiment.id)}/personnes/${p.id}/retirer`}>
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" safe>
                      {t(locale, m.removePerson, { name })}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      )}
      {access.canEdit ? (
        <details class="fr-mt-2w" open={props.form?.target === 'person'}>
          <summary safe>{t(locale, m.addPerson)}</summary>
          <form method="post" action={`${experimentHref(experiment.id)}/personnes`} class="fr-mt-2w">
            <CsrfField token={ctx.csrfToken} />
            <FormAlert locale={locale} form={form} />
            <p class="fr-hint-text" safe>
              {t(locale, m.addPersonHint)}
            </p>
            <Select
              locale={locale}
              name="account"
              label={t(locale, m.fieldAccount)}
              value={form.values.account ?? 'none'}
              error={form.errors.account}
              options={[
                { value: 'none', label: t(locale, m.noAccount) },
                ...props.accounts.map((a) => ({ value: a.id, label: a.label })),
              ]}
            />
            <Input
              locale={locale}
              name="name"
              label={t(locale, m.fieldName)}
              hint={t(locale, m.fieldNameHint)}
              value={form.values.name}
              error={form.errors.name}
              maxlength={200}
            />
            <Input
              locale={locale}
              name="role"
              label={t(locale, m.fieldRole)}
              hint={t(locale, m.fieldRoleHint)}
              value={form.values.role}
              error={form.errors.role}
              required
              maxlength={200}
            />
            <button type="submit" class="fr-btn fr-btn--sm" safe>
              {t(locale, m.add)}
            </button>
          </form>
        </details>
      ) : (
        ''
      )}
    </section>
  );
}

function DocumentsSection(props: { ctx: ViewContext; access: ExperimentAccess; form?: PageForm }): JSX.Element {
  const { ctx, access } = props;
  const { locale } = ctx;
  const { experiment } = access;
  const base = `${experimentHref(experiment.id)}/documents`;
  const form = formFor(props.form, 'document');
  return (
    <section class="fr-mt-6w" aria-labelledby="documents">
      <h2 id="documents" safe>
        {t(locale, m.sectionDocuments)}
      </h2>
      {experiment.documents.length === 0 ? (
        <p safe>{t(locale, m.noDocuments)}</p>
      ) : (
        <ul>
          {experiment.documents.map((d) => (
            <li class="fr-mb-1w">
              <a class="fr-link fr-link--download" href={`${base}/${d.id}`}>
                <span safe>{t(locale, m.download, { title: d.title })}</span>
                <span class="fr-link__detail" safe>
                  {`${formatFileSize(locale, d.size)} — ${t(locale, m.addedOn, { date: formatDate(locale, d.addedAt) })}`}
                </span>
              </a>
              {access.canEdit ? (
                <form method="post" action={`${base}/${d.id}/retirer`}>
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" safe>
                    {t(locale, m.removeDocument, { title: d.title })}
                  </button>
                </form>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      {access.canEdit ? (
        <details class="fr-mt-2w" open={props.form?.target === 'document'}>
          <summary safe>{t(locale, m.addDocument)}</summary>
          <form method="post" enctype="multipart/form-data" action={base} class="fr-mt-2w">
            <CsrfField token={ctx.csrfToken} />
            <FormAlert locale={locale} form={form} />
            <Input
              locale={locale}
              name="title"
              label={t(locale, m.fieldDocumentTitle)}
              value={form.values.title}
              error={form.errors.title}
              required
              maxlength={200}
            />
            <div class={`fr-upload-group${form.errors.file ? ' fr-upload-group--error' : ''}`}>
              <label class="fr-label" for="file">
                <span safe>{t(locale, m.fieldFile)}</span>
                <span class="fr-hint-text" safe>
                  {t(locale, m.fieldFileHint)}
                </span>
              </label>
              <input
                class="fr-upload"
                type="file"
                id="file"
                name="file"
                {...(form.errors.file ? { 'aria-describedby': 'file-error', 'aria-invalid': 'true' } : {})}
              />
              {form.errors.file ? (
                <p id="file-error" class="fr-error-text" safe>
                  {t(locale, form.errors.file.message, form.errors.file.params)}
                </p>
              ) : (
                ''
              )}
            </div>
            <button type="submit" class="fr-btn fr-btn--sm fr-mt-2w" safe>
              {t(locale, m.upload)}
            </button>
          </form>
        </details>
      ) : (
        ''
      )}
    </section>
  );
}

/** An experiment's page: what it is, who takes part, its milestones and documents, and the forms of who may act. */
export function ExperimentPage(props: {
  ctx: ViewContext;
  access: ExperimentAccess;
  today: string;
  accounts: AccountChoice[];
  form?: PageForm;
  notice?: { kind: 'success' | 'error'; title: string };
}): JSX.Element {
  const { ctx, access } = props;
  const { locale } = ctx;
  const { experiment: x } = access;
  const ended = ENDED.includes(x.status);
  const validated = x.milestoneList.filter((ms) => ms.state === 'validated').length;
  const progress = milestoneProgress(x.milestoneList.map((ms) => ms.state));
  return (
    <CooperationPage ctx={ctx} section="experiments" title={x.title} crumbs={[{ label: x.title }]}>
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      <ul class="fr-badges-group fr-mb-2w">
        <li>
          <StatusBadge locale={locale} status={x.status} />
        </li>
        {x.visibility === 'members' ? (
          <li>
            <MembersBadge locale={locale} />
          </li>
        ) : (
          ''
        )}
      </ul>
      {access.party ? (
        <p class="fr-text--sm" safe>
          {t(locale, m.partyNote)}
        </p>
      ) : (
        ''
      )}
      {access.staff ? (
        <p class="fr-text--sm" safe>
          {t(locale, m.staffNote)}
        </p>
      ) : (
        ''
      )}
      {access.canEdit ? (
        <p>
          <a class="fr-btn fr-btn--secondary fr-btn--sm" href={`${experimentHref(x.id)}/modifier`} safe>
            {t(locale, m.edit)}
          </a>
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="summary">
        <h2 id="summary" class="fr-h4" safe>
          {t(locale, m.sectionSummary)}
        </h2>
        <dl>
          <dt class="fr-text--bold" safe>
            {t(locale, m.fieldCommons)}
          </dt>
          <dd class="fr-mb-2w">
            <a class="fr-link" href={commonsHref(x.commons.slug)} safe>
              {x.commons.name}
            </a>
          </dd>
          <dt class="fr-text--bold" safe>
            {t(locale, m.fieldAdministrations)}
          </dt>
          <dd class="fr-mb-2w">
            <ul class="fr-raw-list">
              {x.administrations.map((a) => (
                <li>
                  <a class="fr-link" href={administrationHref(a.slug)} safe>
                    {a.name}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
          <dt class="fr-text--bold" safe>
            {t(locale, m.fieldTerritory)}
          </dt>
          <dd class="fr-mb-2w" safe>
            {territoryLabel(locale, x.territory)}
          </dd>
          <dt class="fr-text--bold" safe>
            {t(locale, m.fieldDates)}
          </dt>
          <dd class="fr-mb-2w" safe>
            {periodText(locale, x.startsOn, x.endsOn)}
          </dd>
          <dt class="fr-text--bold" safe>
            {t(locale, m.fieldStatus)}
          </dt>
          <dd class="fr-mb-2w" safe>
            {statusLabel(locale, x.status)}
          </dd>
        </dl>
      </section>
      <section class="fr-mt-4w" aria-labelledby="goal">
        <h2 id="goal" safe>
          {t(locale, m.sectionGoal)}
        </h2>
        <Paragraphs text={x.goal} />
      </section>
      <section class="fr-mt-4w" aria-labelledby="outcome">
        <h2 id="outcome" safe>
          {t(locale, m.sectionOutcome)}
        </h2>
        {x.outcome ? <Paragraphs text={x.outcome} /> : <p safe>{t(locale, m.noOutcome)}</p>}
      </section>
      <PeopleSection ctx={ctx} access={access} accounts={props.accounts} form={props.form} />
      <section class="fr-mt-6w" aria-labelledby="milestones">
        <h2 id="milestones" safe>
          {t(locale, m.sectionMilestones)}
        </h2>
        <p class="fr-text--sm" safe>
          {t(locale, m.milestonesIntro)}
        </p>
        {ended && access.canEdit ? (
          <p class="fr-text--sm" safe>
            {t(locale, m.experimentClosed)}
          </p>
        ) : (
          ''
        )}
        <ProgressBar
          locale={locale}
          percent={progress.percent}
          validated={validated}
          total={x.milestoneList.length}
          id="milestones-progress"
        />
        {x.milestoneList.length === 0 ? (
          <p safe>{t(locale, m.noMilestones)}</p>
        ) : (
          <ol class="fr-raw-list">
            {x.milestoneList.map((ms) => (
              <MilestoneCard ctx={ctx} access={access} milestone={ms} today={props.today} form={props.form} />
            ))}
          </ol>
        )}
        {access.canEdit && !ended ? (
          <details class="fr-mt-2w" open={props.form?.target === 'milestone-new'}>
            <summary safe>{t(locale, m.addMilestone)}</summary>
            <MilestoneFields
              ctx={ctx}
              action={`${experimentHref(x.id)}/jalons`}
              suffix="new"
              form={formFor(props.form, 'milestone-new')}
              submit={m.add}
            />
          </details>
        ) : (
          ''
        )}
      </section>
      <DocumentsSection ctx={ctx} access={access} form={props.form} />
    </CooperationPage>
  );
}

import { formatFileSize } from '../../../../core/files/store-file.js';
import { formatDateTime, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, Input, RadioGroup, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { LaureateSpace } from '../../laureate-space.js';
import { SpacePage, type SpaceSide, spaceHref } from '../../views/space-layout.js';
import { planMessages as m } from '../messages.js';
import type { Progress } from '../progress.js';
import type { Deliverable, Milestone } from '../queries.js';
import { SUBMITTABLE } from '../submit-deliverable.js';
import { dayText, ProgressBar, StateBadge } from './parts.js';
import type { FormState } from './plan-forms.js';

export interface MilestonesData {
  milestones: Milestone[];
  deliverables: Map<string, Deliverable[]>;
  progress: Progress;
  today: string;
  hasPlan: boolean;
}

/** The form shown again after a refused post, for the milestone (or 'new') it was about. */
export interface MilestoneForm extends FormState {
  target: string;
}

function DeliverableList(props: { locale: Locale; base: string; list: Deliverable[] }): JSX.Element {
  const { locale } = props;
  if (props.list.length === 0) return '';
  return (
    <>
      <p class="fr-text--bold fr-mb-1v" safe>
        {t(locale, m.deliverablesTitle)}
      </p>
      <ul>
        {props.list.map((d) => (
          <li>
            <span safe>{t(locale, m.round, { round: d.round, date: formatDateTime(locale, d.submittedAt) })}</span>
            {' — '}
            {d.kind === 'file' ? (
              <a class="fr-link" href={`${props.base}/${d.id}`} safe>
                {`${t(locale, m.download, { name: d.fileName ?? '' })} (${formatFileSize(locale, d.fileSize ?? 0)})`}
              </a>
            ) : (
              <a class="fr-link" href={d.url ?? '#'} rel="noopener noreferrer" safe>
                {t(locale, m.openLink)}
              </a>
            )}
            {d.note ? (
              <p class="fr-text--sm fr-mb-1v" safe>
                {t(locale, m.note, { note: d.note })}
              </p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function SubmitForm(props: {
  ctx: ViewContext;
  action: string;
  milestone: Milestone;
  form?: MilestoneForm;
}): JSX.Element {
  const { ctx, milestone } = props;
  const { locale } = ctx;
  const id = milestone.id;
  const form: FormState = props.form?.target === id ? props.form : { values: {}, errors: {} };
  const k = (f: string) => `${f}-${id}`;
  return (
    <details class="fr-mt-2w" open={props.form?.target === id}>
      <summary safe>{t(locale, milestone.state === 'returned' ? m.resubmitTitle : m.submitTitle)}</summary>
      {Object.keys(form.errors).length > 0 ? <Alert kind="error" title={t(locale, m.formError)} /> : ''}
      <form method="post" enctype="multipart/form-data" action={props.action}>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup
          locale={locale}
          name={k('kind')}
          legend={t(locale, m.fieldKind)}
          value={form.values[k('kind')] ?? 'file'}
          options={[
            { value: 'file', label: t(locale, m.kindFile) },
            { value: 'link', label: t(locale, m.kindLink) },
          ]}
          error={form.errors[k('kind')]}
          inline
        />
        <div class={`fr-upload-group${form.errors[k('file')] ? ' fr-upload-group--error' : ''}`}>
          <label class="fr-label" for={k('file')}>
            <span safe>{t(locale, m.fieldFile)}</span>
            <span class="fr-hint-text" safe>
              {t(locale, m.fieldFileHint)}
            </span>
          </label>
          <input
            class="fr-upload"
            type="file"
            id={k('file')}
            name={k('file')}
            {...(form.errors[k('file')] ? { 'aria-describedby': `${k('file')}-error`, 'aria-invalid': 'true' } : {})}
          />
          {form.errors[k('file')] ? (
            <p id={`${k('file')}-error`} class="fr-error-text" safe>
              {t(locale, form.errors[k('file')]!.message, form.errors[k('file')]!.params)}
            </p>
          ) : (
            ''
          )}
        </div>
        <Input
          locale={locale}
          type="url"
          name={k('url')}
          label={t(locale, m.fieldUrl)}
          hint={t(locale, m.fieldUrlHint)}
          value={form.values[k('url')]}
          error={form.errors[k('url')]}
          maxlength={2000}
        />
        <TextArea
          locale={locale}
          name={k('note')}
          label={t(locale, m.fieldNote)}
          value={form.values[k('note')]}
          error={form.errors[k('note')]}
          rows={3}
        />
        <button type="submit" class="fr-btn" safe>
          {t(locale, m.submit)}
        </button>
      </form>
    </details>
  );
}

function StaffForms(props: {
  ctx: ViewContext;
  base: string;
  milestone: Milestone;
  form?: MilestoneForm;
}): JSX.Element {
  const { ctx, milestone } = props;
  const { locale } = ctx;
  const id = milestone.id;
  const action = `${props.base}/${id}`;
  const mine = props.form?.target === id;
  const form: FormState = mine ? props.form! : { values: {}, errors: {} };
  return (
    <>
      {milestone.state === 'submitted' ? (
        <form method="post" action={`${action}/examen`} class="fr-mt-2w">
          <CsrfField token={ctx.csrfToken} />
          <TextArea
            locale={locale}
            name={`comment-${id}`}
            label={t(locale, m.fieldComment)}
            hint={t(locale, m.fieldCommentHint)}
            value={form.values[`comment-${id}`]}
            error={form.errors[`comment-${id}`]}
            rows={3}
          />
          <ul class="fr-btns-group fr-btns-group--inline-md">
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
      <details class="fr-mt-2w" open={mine && props.form?.values.op !== 'review'}>
        <summary safe>{t(locale, m.editMilestone)}</summary>
        <MilestoneFields
          ctx={ctx}
          action={action}
          suffix={id}
          form={form}
          version={milestone.version}
          submit={m.save}
        />
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          {milestone.state === 'upcoming' ? (
            <li>
              <form method="post" action={`${action}/en-cours`}>
                <CsrfField token={ctx.csrfToken} />
                <button type="submit" class="fr-btn fr-btn--secondary" safe>
                  {t(locale, m.start)}
                </button>
              </form>
            </li>
          ) : (
            ''
          )}
          <li>
            <form method="post" action={`${action}/retirer`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="fr-btn fr-btn--tertiary" safe>
                {t(locale, m.remove)}
              </button>
            </form>
          </li>
        </ul>
      </details>
    </>
  );
}

/** Title, description, due date and weight of a milestone; `suffix` keeps field ids unique on the page. */
export function MilestoneFields(props: {
  ctx: ViewContext;
  action: string;
  suffix: string;
  form: FormState;
  version?: number;
  submit: (typeof m)[keyof typeof m];
}): JSX.Element {
  const { ctx, form, suffix } = props;
  const { locale } = ctx;
  const f = (name: string) => `${name}-${suffix}`;
  return (
    <form method="post" action={props.action}>
      <CsrfField token={ctx.csrfToken} />
      {props.version !== undefined ? <input type="hidden" name="version" value={String(props.version)} /> : ''}
      <Input
        locale={locale}
        name={f('title')}
        label={t(locale, m.fieldTitle)}
        value={form.values[f('title')]}
        error={form.errors[f('title')]}
        required
        maxlength={200}
      />
      <TextArea
        locale={locale}
        name={f('description')}
        label={t(locale, m.fieldDescription)}
        value={form.values[f('description')]}
        error={form.errors[f('description')]}
        rows={3}
      />
      <Input
        locale={locale}
        type="date"
        name={f('due')}
        label={t(locale, m.fieldDueOn)}
        value={form.values[f('due')]}
        error={form.errors[f('due')]}
        required
      />
      <Input
        locale={locale}
        name={f('weight')}
        label={t(locale, m.fieldWeight)}
        value={form.values[f('weight')] ?? '10'}
        error={form.errors[f('weight')]}
        required
        maxlength={3}
      />
      <button type="submit" class="fr-btn" safe>
        {t(locale, props.submit)}
      </button>
    </form>
  );
}

export function milestoneFormValues(milestone: Milestone): Record<string, string> {
  const id = milestone.id;
  return {
    [`title-${id}`]: milestone.title,
    [`description-${id}`]: milestone.description,
    [`due-${id}`]: milestone.dueOn,
    [`weight-${id}`]: String(milestone.weight),
  };
}

export function MilestonesPage(props: {
  ctx: ViewContext;
  side: SpaceSide;
  space: LaureateSpace;
  data: MilestonesData;
  showGrant: boolean;
  form?: MilestoneForm;
  notice?: { kind: 'success' | 'error'; title: string };
}): JSX.Element {
  const { ctx, side, space, data } = props;
  const { locale } = ctx;
  const base = spaceHref(side, space.application.id, 'milestones');
  const downloads = `${spaceHref(side, space.application.id)}/livrables`;
  return (
    <SpacePage
      ctx={ctx}
      side={side}
      space={space}
      section="milestones"
      title={t(locale, m.milestonesTitle)}
      showGrant={props.showGrant}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      <p safe>{t(locale, m.milestonesIntro)}</p>
      {!data.hasPlan ? (
        <p safe>{t(locale, side === 'team' ? m.noPlanTeam : m.noPlan)}</p>
      ) : (
        <>
          <ProgressBar locale={locale} progress={data.progress} id="milestones-progress" />
          {data.milestones.length === 0 ? <p safe>{t(locale, m.noMilestones)}</p> : ''}
          {data.milestones.map((x) => {
            const isLate = x.dueOn < data.today && x.state !== 'validated';
            const values = side === 'staff' ? milestoneFormValues(x) : {};
            const form = props.form?.target === x.id ? props.form : { target: x.id, values, errors: {} };
            return (
              <section class="fr-card fr-card--no-arrow fr-mb-3w" aria-labelledby={`ms-${x.id}`}>
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h3 class="fr-card__title" id={`ms-${x.id}`} safe>
                      {x.title}
                    </h3>
                    <div class="fr-card__start">
                      <ul class="fr-badges-group">
                        <li>
                          <StateBadge locale={locale} state={x.state} />
                        </li>
                        {isLate ? (
                          <li>
                            <p class="fr-badge fr-badge--sm fr-badge--error" safe>
                              {t(locale, m.late)}
                            </p>
                          </li>
                        ) : (
                          ''
                        )}
                      </ul>
                      <p class="fr-card__detail" safe>
                        {`${t(locale, m.dueOn, { date: dayText(locale, x.dueOn) })} — ${t(locale, m.weight, { weight: x.weight })}`}
                      </p>
                    </div>
                    {x.description ? (
                      <p class="fr-card__desc" safe>
                        {x.description}
                      </p>
                    ) : (
                      ''
                    )}
                    {x.reviewComment && (x.state === 'returned' || x.state === 'validated') ? (
                      <p class="fr-text--sm" safe>
                        {t(locale, m.reviewComment, { comment: x.reviewComment })}
                      </p>
                    ) : (
                      ''
                    )}
                    <DeliverableList locale={locale} base={downloads} list={data.deliverables.get(x.id) ?? []} />
                    {side === 'team' && (SUBMITTABLE as readonly string[]).includes(x.state) ? (
                      <SubmitForm ctx={ctx} action={`${base}/${x.id}/livrable`} milestone={x} form={props.form} />
                    ) : (
                      ''
                    )}
                    {side === 'staff' ? <StaffForms ctx={ctx} base={base} milestone={x} form={form} /> : ''}
                  </div>
                </div>
              </section>
            );
          })}
          {side === 'staff' ? (
            <section class="fr-mt-4w" aria-labelledby="add-milestone">
              <h3 id="add-milestone" safe>
                {t(locale, m.addMilestone)}
              </h3>
              <MilestoneFields
                ctx={ctx}
                action={base}
                suffix="new"
                form={props.form?.target === 'new' ? props.form : { values: {}, errors: {} }}
                submit={m.add}
              />
            </section>
          ) : (
            ''
          )}
        </>
      )}
    </SpacePage>
  );
}

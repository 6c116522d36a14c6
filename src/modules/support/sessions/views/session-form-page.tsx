import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Checkbox, CsrfField, ErrorSummary, Input, Select, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { SUPPORT_LEVERS } from '../../../seasons/index.js';
import type { LaureateSpace } from '../../laureate-space.js';
import { SpacePage } from '../../views/space-layout.js';
import { formatMinutes } from '../durations.js';
import { sessionMessages as m } from '../messages.js';
import type { Candidate, Hours } from '../queries.js';
import {
  itemField,
  leverField,
  NAME_MAX,
  OTHER_OWNER,
  participantField,
  type SessionFormState,
  TEAM_OWNER,
} from '../session-form.js';
import { leverLabel } from './common.js';
import { sessionsPath } from './sessions-page.js';

export interface SessionFormPageProps {
  ctx: ViewContext;
  space: LaureateSpace;
  showGrant: boolean;
  hours: Hours;
  offered: Candidate[];
  form: SessionFormState;
  /** The session edited, or undefined for a new one. */
  sessionId?: string;
  problem?: string;
}

function People(props: {
  locale: Locale;
  legend: string;
  people: Candidate[];
  values: Record<string, string>;
}): JSX.Element {
  return (
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" safe>
        {props.legend}
      </legend>
      {props.people.length === 0 ? (
        <div class="fr-fieldset__element">
          <p class="fr-hint-text" safe>
            {t(props.locale, m.noneToChoose)}
          </p>
        </div>
      ) : (
        props.people.map((person) => (
          <div class="fr-fieldset__element">
            <Checkbox
              name={participantField(person.userId)}
              label={person.name}
              checked={props.values[participantField(person.userId)] === 'on'}
            />
          </div>
        ))
      )}
    </fieldset>
  );
}

function ItemRow(props: { locale: Locale; n: number; offered: Candidate[]; form: SessionFormState }): JSX.Element {
  const { locale, n, form } = props;
  const v = (name: Parameters<typeof itemField>[0]) => form.values[itemField(name, n)] ?? '';
  const e = (name: Parameters<typeof itemField>[0]) => form.errors[itemField(name, n)];
  const owners = [
    { value: TEAM_OWNER, label: t(locale, m.theTeam) },
    ...props.offered.map((p) => ({ value: p.userId, label: p.name })),
    { value: OTHER_OWNER, label: t(locale, m.itemOwnerOther) },
  ];
  return (
    <fieldset class="fr-fieldset fr-mb-2w" id={`item-${n}`}>
      <legend class="fr-fieldset__legend" safe>
        {t(locale, m.itemLegend, { n: n + 1 })}
      </legend>
      <input type="hidden" name={itemField('id', n)} value={v('id')} />
      <div class="fr-fieldset__element">
        <Input
          locale={locale}
          name={itemField('text', n)}
          label={t(locale, m.itemText)}
          value={v('text')}
          error={e('text')}
        />
      </div>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <Select
          locale={locale}
          name={itemField('owner', n)}
          label={t(locale, m.itemOwner)}
          value={v('owner') || TEAM_OWNER}
          options={owners}
          error={e('owner')}
        />
      </div>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          locale={locale}
          name={itemField('owner_name', n)}
          label={t(locale, m.itemOwnerName)}
          value={v('owner_name')}
          error={e('owner_name')}
          maxlength={NAME_MAX}
        />
      </div>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          locale={locale}
          type="date"
          name={itemField('due', n)}
          label={t(locale, m.itemDue)}
          value={v('due')}
          error={e('due')}
        />
      </div>
    </fieldset>
  );
}

/** The staff's form of a session: when, how long, who, what, and the action items agreed. */
export function SessionFormPage(props: SessionFormPageProps): JSX.Element {
  const { ctx, space, form } = props;
  const { locale } = ctx;
  const { values, errors } = form;
  const base = sessionsPath('staff', space.application.id);
  const action = props.sessionId ? `${base}/${props.sessionId}` : base;
  const labels: Record<string, string> = {
    held_on: t(locale, m.heldOn),
    held_time: t(locale, m.heldTime),
    duration: t(locale, m.durationMinutes),
    topics: t(locale, m.topics),
    notes: t(locale, m.notes),
    staff_note: t(locale, m.staffNote),
    mentors: t(locale, m.mentors),
    administration: t(locale, m.administrationPeople),
  };
  for (let n = 0; n < form.itemRows; n++) {
    const prefix = `${t(locale, m.itemLegend, { n: n + 1 })} – `;
    labels[itemField('text', n)] = prefix + t(locale, m.itemText);
    labels[itemField('owner', n)] = prefix + t(locale, m.itemOwner);
    labels[itemField('owner_name', n)] = prefix + t(locale, m.itemOwnerName);
    labels[itemField('due', n)] = prefix + t(locale, m.itemDue);
  }
  const { hours } = props;
  const hoursHint =
    hours.allocatedMinutes === null
      ? undefined
      : t(locale, m.hoursLeftHint, {
          left: formatMinutes(hours.leftMinutes ?? 0),
          allocated: formatMinutes(hours.allocatedMinutes),
        });
  return (
    <SpacePage
      ctx={ctx}
      side="staff"
      space={space}
      section="sessions"
      title={t(locale, props.sessionId ? m.formEdit : m.formNew)}
      showGrant={props.showGrant}
    >
      {props.problem ? (
        <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <p safe>{props.problem}</p>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary locale={locale} errors={errors} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={values.version ?? ''} />
        <input type="hidden" name="item_rows" value={String(form.itemRows)} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-sm-4">
            <Input
              locale={locale}
              type="date"
              name="held_on"
              label={labels.held_on}
              hint={t(locale, m.heldOnHint)}
              value={values.held_on}
              error={errors.held_on}
              required
            />
          </div>
          <div class="fr-col-12 fr-col-sm-4">
            <Input
              locale={locale}
              name="held_time"
              label={labels.held_time}
              hint={t(locale, m.heldTimeHint)}
              value={values.held_time}
              error={errors.held_time}
              maxlength={5}
              required
            />
          </div>
          <div class="fr-col-12 fr-col-sm-4">
            <Input
              locale={locale}
              name="duration"
              label={labels.duration}
              hint={t(locale, m.durationHint)}
              value={values.duration}
              error={errors.duration}
              maxlength={4}
              required
            />
          </div>
        </div>
        <Checkbox
          name="counts_hours"
          label={t(locale, m.countsHoursLabel)}
          hint={hoursHint}
          checked={values.counts_hours === 'on'}
        />
        <People
          locale={locale}
          legend={t(locale, m.teamParticipants)}
          people={props.offered.filter((p) => p.side === 'team')}
          values={values}
        />
        <People
          locale={locale}
          legend={t(locale, m.staffParticipants)}
          people={props.offered.filter((p) => p.side === 'staff')}
          values={values}
        />
        <TextArea
          locale={locale}
          name="mentors"
          label={labels.mentors}
          hint={t(locale, m.onePerLine)}
          value={values.mentors}
          error={errors.mentors}
          rows={3}
        />
        <TextArea
          locale={locale}
          name="administration"
          label={labels.administration}
          hint={t(locale, m.onePerLine)}
          value={values.administration}
          error={errors.administration}
          rows={3}
        />
        <TextArea
          locale={locale}
          name="topics"
          label={labels.topics}
          hint={t(locale, m.topicsHint)}
          value={values.topics}
          error={errors.topics}
          rows={3}
          required
        />
        <TextArea
          locale={locale}
          name="notes"
          label={labels.notes}
          hint={t(locale, m.notesHint)}
          value={values.notes}
          error={errors.notes}
          rows={8}
        />
        <TextArea
          locale={locale}
          name="staff_note"
          label={labels.staff_note}
          hint={t(locale, m.staffNoteHint)}
          value={values.staff_note}
          error={errors.staff_note}
          rows={3}
        />
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular" safe>
            {t(locale, m.leversLegend)}
          </legend>
          {SUPPORT_LEVERS.map((lever) => (
            <div class="fr-fieldset__element">
              <Checkbox
                name={leverField(lever.code)}
                label={leverLabel(locale, lever.code)}
                checked={values[leverField(lever.code)] === 'on'}
              />
            </div>
          ))}
        </fieldset>
        <h3 class="fr-h5" safe>
          {t(locale, m.itemsLegend)}
        </h3>
        <p class="fr-hint-text" safe>
          {t(locale, m.itemsHint)}
        </p>
        {Array.from({ length: form.itemRows }, (_, n) => (
          <ItemRow locale={locale} n={n} offered={props.offered} form={form} />
        ))}
        <p class="fr-hint-text" safe>
          {t(locale, m.itemMoreRows)}
        </p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.save)}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={base} safe>
              {t(locale, m.cancel)}
            </a>
          </li>
        </ul>
      </form>
    </SpacePage>
  );
}

import type { FieldError } from '../../../core/http/forms.js';
import { formatDate, formatDateTime, t, tCount } from '../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, Input, TextArea } from '../../../core/ui/components.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { panelMessages as m, panelCounts } from '../messages.js';
import { ErrorExplanation, MEMBER_LABELS } from './admin-common.js';
import type { PanelPageProps } from './panel.js';

/** The draw section of a panel's staff page: commitment, public randomness, the drawn members and replacements. */

function RandomForm({
  ctx,
  action,
  label,
  values,
  errors,
}: {
  ctx: ViewContext;
  action: string;
  label: string;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <Input
        locale={locale}
        name="random"
        label={t(locale, m.fieldRandom)}
        hint={t(locale, m.fieldRandomHint)}
        value={values.random ?? ''}
        error={errors.random}
        required
      />
      <TextArea
        locale={locale}
        name="witnesses"
        label={t(locale, m.fieldWitnesses)}
        hint={t(locale, m.fieldWitnessesHint)}
        value={values.witnesses ?? ''}
        error={errors.witnesses}
        rows={3}
        required
      />
      <button class="fr-btn" type="submit" safe>
        {label}
      </button>
    </form>
  );
}

export function DrawSection(props: PanelPageProps): JSX.Element {
  const { ctx, panel, quotas, draw, members, drawForm } = props;
  const { locale } = ctx;
  const declined = members.filter((mb) => mb.status === 'declined').length;
  return (
    <section class="fr-mb-6w" aria-labelledby="draw-title">
      <h2 id="draw-title" safe>
        {t(locale, m.drawTitle)}
      </h2>
      <p safe>{t(locale, m.drawIntro)}</p>
      {draw?.state === 'failed' && draw.error ? (
        <ErrorExplanation locale={locale} error={draw.error} quotas={quotas} />
      ) : (
        ''
      )}
      {draw?.state === 'preparing' ? <Alert kind="info" title={t(locale, m.commitmentPreparing)} /> : ''}
      {!draw || draw.state === 'failed' ? (
        <form method="post" action={`/admin/panels/${panel.id}/engagement`}>
          <CsrfField token={ctx.csrfToken} />
          <button class="fr-btn fr-btn--secondary" type="submit" safe>
            {t(locale, m.prepareCommitment)}
          </button>
        </form>
      ) : (
        ''
      )}
      {draw?.commitment ? (
        <>
          <p>
            <span safe>{`${t(locale, m.commitmentLabel)} : `}</span>
            <code safe>{draw.commitment}</code>
          </p>
          <p>
            <a href={`/panel-citoyen/${panel.id}/transparence`} safe>
              {t(locale, m.transparencyLink)}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
      {draw?.state === 'committed' ? (
        <RandomForm
          ctx={ctx}
          action={`/admin/panels/${panel.id}/tirage`}
          label={t(locale, m.drawNow)}
          values={drawForm.action === 'tirage' ? drawForm.values : {}}
          errors={drawForm.action === 'tirage' ? drawForm.errors : {}}
        />
      ) : (
        ''
      )}
      {members.length > 0 ? (
        <>
          <h3 safe>{t(locale, m.membersTitle)}</h3>
          <DataTable
            caption={t(locale, m.membersTable)}
            hiddenCaption
            columns={[t(locale, m.colPerson), t(locale, m.colEmail), t(locale, m.colStatus)]}
          >
            {members.map((mb) => (
              <tr>
                <td safe>{mb.name}</td>
                <td safe>{mb.email}</td>
                <td safe>{`${t(locale, MEMBER_LABELS[mb.status])} (${formatDate(locale, mb.invitedAt)})`}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : (
        ''
      )}
      {declined > 0 ? (
        <>
          <h3 safe>{t(locale, m.replacementTitle)}</h3>
          <p safe>{tCount(locale, panelCounts.replacementIntro, declined)}</p>
          <RandomForm
            ctx={ctx}
            action={`/admin/panels/${panel.id}/remplacement`}
            label={t(locale, m.replaceNow)}
            values={drawForm.action === 'remplacement' ? drawForm.values : {}}
            errors={drawForm.action === 'remplacement' ? drawForm.errors : {}}
          />
        </>
      ) : (
        ''
      )}
      {draw?.drawnAt ? (
        <p class="fr-hint-text" safe>{`${t(locale, m.drawnAt)} : ${formatDateTime(locale, draw.drawnAt)}`}</p>
      ) : (
        ''
      )}
    </section>
  );
}

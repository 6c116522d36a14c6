import type { FieldError } from '../../../../core/http/forms.js';
import { SUBMISSION_FIELD } from '../../../../core/http/submission-keys.js';
import { t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, Input, RadioGroup, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { matchingMessages as m, matchingCounts } from '../messages.js';
import type { Recipients } from '../recipients.js';
import { CONTACTS_PER_DAY, MESSAGE_MAX, SUBJECT_MAX } from '../send-contact.js';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

/** The value of the sender-administration choice that means "personally". */
export const PERSONALLY = 'personnel';

/**
 * The one form that writes to every referent of a commons, or to a need's authors (catalogi#243): who it
 * reaches (counted, never named), that addresses stay hidden, and a choice of the administration the sender
 * writes for when they belong to one.
 */
export function ContactFormPage(props: {
  ctx: ViewContext;
  section: 'commons' | 'needs';
  title: string;
  crumbs: { label: string; href?: string }[];
  action: string;
  recipients: Recipients;
  administrations: { id: string; name: string }[];
  /** Why no form is shown (a closed need), when one is not. */
  blocked?: string;
  rateLimited?: string;
  form: FormState;
}): JSX.Element {
  const { ctx, form, recipients } = props;
  const { locale } = ctx;
  const n = recipients.userIds.length;
  const intro =
    recipients.via === 'referents'
      ? matchingCounts.contactIntroReferents
      : recipients.via === 'maintainers'
        ? matchingCounts.contactIntroMaintainers
        : matchingCounts.contactIntroAuthors;
  const labels = {
    sender_administration: t(locale, m.fieldSenderAdministration),
    subject: t(locale, m.fieldSubject),
    message: t(locale, m.fieldMessage),
  };
  return (
    <CooperationPage ctx={ctx} section={props.section} title={props.title} crumbs={props.crumbs}>
      {props.blocked ? (
        <Alert kind="info" title={props.blocked} />
      ) : n === 0 ? (
        <Alert kind="warning" title={t(locale, m.noRecipientTitle)} text={t(locale, m.noRecipient)} />
      ) : (
        <>
          {recipients.via === 'maintainers' ? (
            <Alert kind="info" title={tCount(locale, intro, n)} />
          ) : (
            <p class="fr-text--lead" safe>
              {tCount(locale, intro, n)}
            </p>
          )}
          <p safe>{t(locale, m.privacy)}</p>
          {props.rateLimited ? (
            <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
              <h2 class="fr-alert__title" safe>
                {t(locale, m.rateLimitedTitle)}
              </h2>
              <p safe>{props.rateLimited}</p>
            </div>
          ) : (
            ''
          )}
          <ErrorSummary locale={locale} errors={form.errors} labels={labels} />
          <form method="post" action={props.action}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name={SUBMISSION_FIELD} value={form.values[SUBMISSION_FIELD] ?? ''} />
            {props.administrations.length > 0 ? (
              <RadioGroup
                locale={locale}
                name="sender_administration"
                legend={labels.sender_administration}
                hint={t(locale, m.senderAdministrationHint)}
                options={[
                  ...props.administrations.map((a) => ({ value: a.id, label: a.name })),
                  { value: PERSONALLY, label: t(locale, m.personally) },
                ]}
                value={form.values.sender_administration ?? props.administrations[0].id}
                error={form.errors.sender_administration}
                required
              />
            ) : (
              ''
            )}
            <Input
              locale={locale}
              name="subject"
              label={labels.subject}
              value={form.values.subject}
              error={form.errors.subject}
              required
              maxlength={SUBJECT_MAX}
            />
            <TextArea
              locale={locale}
              name="message"
              label={labels.message}
              hint={t(locale, m.messageHint, { max: MESSAGE_MAX })}
              value={form.values.message}
              error={form.errors.message}
              required
              rows={10}
            />
            <p class="fr-hint-text" safe>
              {t(locale, m.rateHint, { n: CONTACTS_PER_DAY })}
            </p>
            <button type="submit" class="fr-btn fr-icon-send-plane-line fr-btn--icon-left" safe>
              {t(locale, m.send)}
            </button>
          </form>
        </>
      )}
    </CooperationPage>
  );
}

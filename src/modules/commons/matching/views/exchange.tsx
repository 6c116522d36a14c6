import { SUBMISSION_FIELD } from '../../../../core/http/submission-keys.js';
import { formatDate, formatDateTime, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, RadioGroup, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import type { Contact, ExchangeMessage } from '../exchange.js';
import { CONTACT_OUTCOMES, OUTCOME_LABELS } from '../labels.js';
import { matchingMessages as m } from '../messages.js';
import { contactHref, FOLLOW_UP_DAYS, MESSAGE_MAX } from '../send-contact.js';
import type { FormState } from './contact-form.js';

/** Who wrote a message, as the viewer may know them. */
function authorLabel(locale: Locale, contact: Contact, message: ExchangeMessage): string {
  const who = message.mine
    ? t(locale, m.you)
    : message.side === 'sender'
      ? contact.senderAdministration
        ? t(locale, m.theSenderOf, { administration: contact.senderAdministration.name })
        : t(locale, m.theSender)
      : t(locale, m.aRecipient);
  if (!message.identity || message.mine) return who;
  return `${message.identity.name} (${message.identity.email})`;
}

function OutcomeSection(props: { ctx: ViewContext; contact: Contact; form?: FormState }): JSX.Element {
  const { ctx, contact } = props;
  const { locale } = ctx;
  const form = props.form ?? {
    values: { outcome: contact.outcome ?? '', note: contact.outcomeNote ?? '' },
    errors: {},
  };
  return (
    <section class="fr-mt-6w" aria-labelledby="suite">
      <h2 id="suite" safe>
        {t(locale, m.outcomeTitle)}
      </h2>
      <p safe>{t(locale, m.outcomeIntro, { days: FOLLOW_UP_DAYS })}</p>
      {contact.outcome && contact.outcomeAt ? (
        <p>
          <strong safe>
            {t(locale, m.outcomeRecorded, {
              date: formatDate(locale, contact.outcomeAt),
              outcome: t(locale, OUTCOME_LABELS[contact.outcome]),
            })}
          </strong>
        </p>
      ) : !contact.followedUpAt ? (
        <p class="fr-hint-text" safe>
          {t(locale, m.followUpPlanned, { date: formatDate(locale, contact.followUpAt) })}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary
        locale={locale}
        errors={form.errors}
        labels={{ outcome: t(locale, m.fieldOutcome), note: t(locale, m.fieldNote) }}
      />
      <form method="post" action={`${contactHref(contact.id)}/suite`}>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup
          locale={locale}
          name="outcome"
          legend={t(locale, m.fieldOutcome)}
          options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(locale, OUTCOME_LABELS[o]) }))}
          value={form.values.outcome ?? ''}
          error={form.errors.outcome}
          required
        />
        <TextArea
          locale={locale}
          name="note"
          label={t(locale, m.fieldNote)}
          value={form.values.note}
          error={form.errors.note}
          rows={3}
        />
        <button type="submit" class="fr-btn fr-btn--secondary" safe>
          {t(locale, m.saveOutcome)}
        </button>
      </form>
    </section>
  );
}

/**
 * A contact's exchange, for its sender and its recipients only: what it is about, the messages (names and
 * addresses once answered), the form to answer or write again, and for the sender what came of it.
 */
export function ExchangePage(props: {
  ctx: ViewContext;
  contact: Contact;
  party: 'sender' | 'recipient';
  messages: ExchangeMessage[];
  notice?: string;
  messageForm: FormState;
  outcomeForm?: FormState;
}): JSX.Element {
  const { ctx, contact, party } = props;
  const { locale } = ctx;
  const about =
    contact.about.kind === 'commons'
      ? t(locale, m.aboutCommons, { name: contact.about.title })
      : t(locale, m.aboutNeed, { title: contact.about.title });
  const canAnswer = party === 'recipient';
  return (
    <CooperationPage ctx={ctx} section="mine" title={contact.subject} crumbs={[{ label: contact.subject }]}>
      {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
      <ul class="fr-raw-list fr-mb-3w">
        <li>
          <span safe>{`${t(locale, m.exchangeAbout)} `}</span>
          <a href={contact.about.href} safe>
            {about}
          </a>
        </li>
        <li safe>{t(locale, m.sentOn, { date: formatDate(locale, contact.createdAt) })}</li>
        {party === 'sender' ? <li safe>{t(locale, m.sentTo, { n: contact.recipientIds.length })}</li> : ''}
        {contact.senderAdministration ? (
          <li safe>{t(locale, m.writtenFor, { name: contact.senderAdministration.name })}</li>
        ) : (
          ''
        )}
      </ul>
      <p class="fr-text--sm" safe>
        {contact.answeredAt
          ? t(locale, m.answeredOn, { date: formatDate(locale, contact.answeredAt) })
          : t(locale, m.notAnswered)}
      </p>
      <h2 safe>{t(locale, m.messagesTitle)}</h2>
      <ol class="fr-raw-list">
        {props.messages.map((message) => (
          <li class="fr-mb-3w" id={`message-${message.id}`}>
            <div class="fr-highlight">
              <p class="fr-text--sm fr-mb-1w acc-break">
                <strong safe>{authorLabel(locale, contact, message)}</strong>
                <span safe>{` — ${formatDateTime(locale, message.createdAt)}`}</span>
              </p>
              <p class="acc-mail-text fr-mb-0" safe>
                {message.body}
              </p>
            </div>
          </li>
        ))}
      </ol>
      <section class="fr-mt-4w" aria-labelledby="repondre">
        <h2 id="repondre" safe>
          {t(locale, canAnswer ? m.answer : m.writeAgain)}
        </h2>
        <ErrorSummary
          locale={locale}
          errors={props.messageForm.errors}
          labels={{ message: t(locale, m.fieldMessage) }}
        />
        <form method="post" action={`${contactHref(contact.id)}/messages`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name={SUBMISSION_FIELD} value={props.messageForm.values[SUBMISSION_FIELD] ?? ''} />
          <TextArea
            locale={locale}
            name="message"
            label={t(locale, m.fieldMessage)}
            hint={t(locale, canAnswer ? m.answerHint : m.writeAgainHint)}
            value={props.messageForm.values.message}
            error={props.messageForm.errors.message}
            required
            rows={6}
          />
          <p class="fr-hint-text" safe>
            {t(locale, m.maxHint, { max: MESSAGE_MAX })}
          </p>
          <button type="submit" class="fr-btn" safe>
            {t(locale, m.sendAnswer)}
          </button>
        </form>
      </section>
      {party === 'sender' ? <OutcomeSection ctx={ctx} contact={contact} form={props.outcomeForm} /> : ''}
    </CooperationPage>
  );
}

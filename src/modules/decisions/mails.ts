import { mailHtml, quotedData, registerMailTemplate } from '../../core/mail/templates.js';

export const NOTICE_MAIL = 'decisions.notice';
export const CONFIRM_REMINDER_MAIL = 'decisions.confirm-reminder';

const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => p.trim());

/**
 * A decision's notice: its text as staff reviewed it (in the notice's language), framed in the recipient's
 * language with the link to their space, where the notice and its PDF stay.
 */
registerMailTemplate(NOTICE_MAIL, {
  fr: (data) => {
    const lines = [...paragraphs(data.body ?? ''), 'Cette notification et sa version PDF restent dans votre espace :'];
    return {
      subject: quotedData(data.subject ?? '', 200),
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir la décision', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [...paragraphs(data.body ?? ''), 'This notice and its PDF stay in your space:'];
    return {
      subject: quotedData(data.subject ?? '', 200),
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'See the decision', url: data.url ?? '' }),
    };
  },
});

/** Before the deadline: the laureate has not yet confirmed (or declined) their place. */
registerMailTemplate(CONFIRM_REMINDER_MAIL, {
  fr: (data) => {
    const title = quotedData(data.title ?? '');
    const lines = [
      'Bonjour,',
      `Votre projet « ${title} » est lauréat et vous n’avez pas encore confirmé votre participation.`,
      `Merci de répondre avant le ${data.deadline} : sans réponse à cette date, la place sera proposée au projet suivant de la liste d’attente.`,
    ];
    return {
      subject: `Rappel : confirmez votre place avant le ${data.deadline}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Confirmer ou renoncer', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const title = quotedData(data.title ?? '');
    const lines = [
      'Hello,',
      `Your project “${title}” is a laureate and you have not yet confirmed your participation.`,
      `Please answer before ${data.deadline}: without an answer by then, the place will be offered to the next project on the waiting list.`,
    ];
    return {
      subject: `Reminder: confirm your place before ${data.deadline}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Confirm or decline', url: data.url ?? '' }),
    };
  },
});

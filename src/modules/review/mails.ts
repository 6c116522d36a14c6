import { type Locale, t } from '../../core/i18n/i18n.js';
import { mailHtml, registerMailTemplate } from '../../core/mail/templates.js';
import { juryMessages as m } from './messages.js';

export const JURY_INVITATION_MAIL = 'review.jury-invitation';
export const ASSIGNMENT_PUBLISHED_MAIL = 'review.assignment-published';

function invitation(locale: Locale) {
  return (data: Record<string, string>) => {
    const text = t(locale, m.inviteBody, { season: data.season });
    return {
      subject: t(locale, m.inviteSubject),
      text: `${text}\n\n${data.link}\n`,
      html: mailHtml(locale, [text], { label: t(locale, m.inviteButton), url: data.link }),
    };
  };
}

/** data.titles: the assigned applications' titles, one per line. */
function published(locale: Locale) {
  return (data: Record<string, string>) => {
    const intro = t(locale, m.assignmentBody, { season: data.season });
    const titles = data.titles.split('\n').filter(Boolean);
    return {
      subject: t(locale, m.assignmentSubject),
      text: `${intro}\n${titles.map((x) => `- ${x}`).join('\n')}\n\n${data.link}\n`,
      html: mailHtml(locale, [intro, ...titles.map((x) => `• ${x}`)], {
        label: t(locale, m.inviteButton),
        url: data.link,
      }),
    };
  };
}

registerMailTemplate(JURY_INVITATION_MAIL, { fr: invitation('fr'), en: invitation('en') });
registerMailTemplate(ASSIGNMENT_PUBLISHED_MAIL, { fr: published('fr'), en: published('en') });

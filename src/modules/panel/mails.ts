import { type Locale, t } from '../../core/i18n/i18n.js';
import { mailHtml, registerMailTemplate } from '../../core/mail/templates.js';
import { panelMessages as m } from './messages.js';

export const VOLUNTEER_MAIL = 'panel.volunteer-confirmation';
export const INVITATION_MAIL = 'panel.invitation';
export const POOL_MAIL = 'panel.pool-pseudonym';

function volunteerMail(locale: Locale) {
  return (data: Record<string, string>) => {
    const text = t(locale, m.mailVolunteerText, { name: data.name, date: data.date });
    return { subject: t(locale, m.mailVolunteerSubject), text: `${text}\n`, html: mailHtml(locale, [text]) };
  };
}

function invitationMail(locale: Locale) {
  return (data: Record<string, string>) => {
    const text = t(locale, m.mailInviteText, { name: data.name });
    return {
      subject: t(locale, m.mailInviteSubject),
      text: `${text}\n\n${data.link}\n`,
      html: mailHtml(locale, [text], { label: t(locale, m.mailInviteButton), url: data.link }),
    };
  };
}

/** Every field is the platform's own: the panel's name, the pseudonym it drew, a date, its own link. */
function poolMail(locale: Locale) {
  return (data: Record<string, string>) => {
    const text = t(locale, m.mailPoolText, { name: data.name, pseudonym: data.pseudonym, date: data.date });
    return {
      subject: t(locale, m.mailPoolSubject),
      text: `${text}\n\n${data.link}\n`,
      html: mailHtml(locale, [text], { label: t(locale, m.mailPoolButton), url: data.link }),
    };
  };
}

registerMailTemplate(POOL_MAIL, { fr: poolMail('fr'), en: poolMail('en') });
registerMailTemplate(VOLUNTEER_MAIL, { fr: volunteerMail('fr'), en: volunteerMail('en') });
registerMailTemplate(INVITATION_MAIL, { fr: invitationMail('fr'), en: invitationMail('en') });

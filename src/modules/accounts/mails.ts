import { type Locale, t } from '../../core/i18n/i18n.js';
import { mailHtml, registerMailTemplate } from '../../core/mail/templates.js';
import { signInMessages as m } from './messages.js';

export const MAGIC_LINK_MAIL = 'accounts.magic-link';

function magicLinkMail(locale: Locale) {
  return (data: Record<string, string>) => {
    const paragraphs = [t(locale, m.mailIntro), t(locale, m.mailValidity)];
    return {
      subject: t(locale, m.mailSubject),
      text: `${paragraphs[0]}\n\n${data.link}\n\n${paragraphs[1]}\n`,
      html: mailHtml(locale, paragraphs, { label: t(locale, m.mailButton), url: data.link }),
    };
  };
}

registerMailTemplate(MAGIC_LINK_MAIL, { fr: magicLinkMail('fr'), en: magicLinkMail('en') });

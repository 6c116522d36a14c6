import type { Locale } from '../../../core/i18n/i18n.js';
import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

/**
 * The mails of a contact through the platform. Each goes to one person, in the platform's name (the core
 * mailer's From, no Reply-To, no copy): no address of anyone appears in it, and every answer is written on the
 * exchange's page, which the mail links to.
 */
export const CONTACT_MAIL = 'commons.contact';
export const CONTACT_MESSAGE_MAIL = 'commons.contact-message';
export const CONTACT_FOLLOW_UP_MAIL = 'commons.contact-follow-up';

/** A message's paragraphs as its author wrote them, each paragraph's control characters out. */
function bodyParagraphs(body: string | undefined): string[] {
  return (body ?? '')
    .split(/\n{2,}/)
    .map((p) => p.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim())
    .filter(Boolean);
}

/** What the contact is about, as the mail names it. */
function about(locale: Locale, data: Record<string, string>): string {
  const name = quotedData(data.about ?? '', 120);
  if (locale === 'fr') return data.aboutKind === 'need' ? `le besoin « ${name} »` : `le commun « ${name} »`;
  return data.aboutKind === 'need' ? `the need “${name}”` : `the commons “${name}”`;
}

/** To each referent of a commons (or author of a need): someone writes through the platform. */
registerMailTemplate(CONTACT_MAIL, {
  fr: (data) => {
    const subject = quotedData(data.subject ?? '', 150);
    const who = data.senderAdministration
      ? `Une personne de ${quotedData(data.senderAdministration, 120)}`
      : 'Une personne inscrite sur la plateforme';
    const lines = [
      'Bonjour,',
      `${who} vous écrit via l’espace de coopération au sujet de ${about('fr', data)}${data.aboutKind === 'need' ? '' : ', dont vous êtes référent ou mainteneur'}.`,
      `Objet : « ${subject} »`,
      ...bodyParagraphs(data.body),
      'Votre adresse ne lui a pas été communiquée. Répondez sur la plateforme : dès votre réponse, chacun verra le nom et l’adresse de l’autre.',
    ];
    return {
      subject: `Espace de coopération : ${subject}`,
      text: `${lines.join('\n\n')}\n\nRépondre sur la plateforme :\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Lire et répondre', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const subject = quotedData(data.subject ?? '', 150);
    const who = data.senderAdministration
      ? `Someone from ${quotedData(data.senderAdministration, 120)}`
      : 'Someone registered on the platform';
    const lines = [
      'Hello,',
      `${who} writes to you through the cooperation space about ${about('en', data)}${data.aboutKind === 'need' ? '' : ', of which you are a referent or maintainer'}.`,
      `Subject: “${subject}”`,
      ...bodyParagraphs(data.body),
      'Your address was not given to them. Answer on the platform: from your answer, each side will see the other’s name and address.',
    ];
    return {
      subject: `Cooperation space: ${subject}`,
      text: `${lines.join('\n\n')}\n\nAnswer on the platform:\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Read and answer', url: data.url ?? '' }),
    };
  },
});

/** A new message in an exchange: to the sender when a recipient answers, to the recipients when the sender writes. */
registerMailTemplate(CONTACT_MESSAGE_MAIL, {
  fr: (data) => {
    const subject = quotedData(data.subject ?? '', 150);
    const lead =
      data.from === 'recipient'
        ? `Une réponse vous attend dans l’échange « ${subject} » de l’espace de coopération :`
        : `Un nouveau message vous attend dans l’échange « ${subject} » de l’espace de coopération :`;
    const lines = ['Bonjour,', lead, ...bodyParagraphs(data.body)];
    return {
      subject: `Réponse : ${subject}`,
      text: `${lines.join('\n\n')}\n\nLire l’échange et répondre :\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Lire l’échange', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const subject = quotedData(data.subject ?? '', 150);
    const lead =
      data.from === 'recipient'
        ? `An answer awaits you in the exchange “${subject}” of the cooperation space:`
        : `A new message awaits you in the exchange “${subject}” of the cooperation space:`;
    const lines = ['Hello,', lead, ...bodyParagraphs(data.body)];
    return {
      subject: `Answer: ${subject}`,
      text: `${lines.join('\n\n')}\n\nRead the exchange and answer:\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Read the exchange', url: data.url ?? '' }),
    };
  },
});

/** Some weeks after a contact: what came of it? Asked once, of the sender. */
registerMailTemplate(CONTACT_FOLLOW_UP_MAIL, {
  fr: (data) => {
    const subject = quotedData(data.subject ?? '', 150);
    const lines = [
      'Bonjour,',
      `Il y a ${data.days ?? '30'} jours, vous avez écrit via l’espace de coopération au sujet de ${about('fr', data)} (« ${subject} »).`,
      'Qu’en est-il advenu ? Une rencontre, une expérimentation, un cas d’usage, ou pas de suite : dites-le en un clic sur la page de l’échange. Cela aide le programme à savoir ce que ces mises en contact produisent.',
    ];
    return {
      subject: 'Votre mise en contact : qu’en est-il advenu ?',
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Indiquer la suite', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const subject = quotedData(data.subject ?? '', 150);
    const lines = [
      'Hello,',
      `${data.days ?? '30'} days ago, you wrote through the cooperation space about ${about('en', data)} (“${subject}”).`,
      'What came of it? A meeting, an experiment, a use case, or nothing: say so in one click on the exchange’s page. It helps the programme know what these contacts lead to.',
    ];
    return {
      subject: 'Your contact: what came of it?',
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Record the outcome', url: data.url ?? '' }),
    };
  },
});

import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

export const INTRODUCTION_MAIL = 'support.introduction';
export const INTRODUCTION_DECLINED_MAIL = 'support.introduction-declined';
export const INTRODUCTION_FOLLOW_UP_MAIL = 'support.introduction-follow-up';

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * The introduction itself: the text staff reviewed, as sent, to the contact and the team at once (one mail,
 * every address in To, so that "reply to all" keeps everyone). In French: the contact is a French administration.
 */
const introduction = (data: Record<string, string>) => ({
  subject: quotedData(data.subject ?? '', 200),
  text: `${paragraphs(data.body ?? '').join('\n\n')}\n`,
  html: mailHtml('fr', paragraphs(data.body ?? '')),
});
registerMailTemplate(INTRODUCTION_MAIL, { fr: introduction, en: introduction });

/** Staff did not take the request further: their note, and the link to the space. */
registerMailTemplate(INTRODUCTION_DECLINED_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      `Votre demande de mise en relation pour le projet « ${quotedData(data.title ?? '')} » n’a pas été retenue par l’équipe du programme.`,
      ...paragraphs(data.note ?? ''),
      'Vos demandes restent dans votre espace lauréat :',
    ];
    return {
      subject: 'Votre demande de mise en relation',
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir mes mises en relation', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      `Your introduction request for the project “${quotedData(data.title ?? '')}” was not taken further by the programme’s staff.`,
      ...paragraphs(data.note ?? ''),
      'Your requests stay in your laureate space:',
    ];
    return {
      subject: 'Your introduction request',
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'See my introductions', url: data.url ?? '' }),
    };
  },
});

/** Some weeks after an introduction with no outcome recorded: how did it go? */
registerMailTemplate(INTRODUCTION_FOLLOW_UP_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      `Il y a quelques semaines, l’équipe du programme vous a mis en relation avec ${quotedData(data.organisation ?? '')} pour le projet « ${quotedData(data.title ?? '')} ».`,
      'Comment cela s’est-il passé ? Un rendez-vous, un accès à des données, un partenariat, une expérimentation, ou pas de suite : dites-le-nous en quelques clics, cela nous aide à mieux accompagner les lauréats.',
    ];
    return {
      subject: 'Comment s’est passée votre mise en relation ?',
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Indiquer les suites', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      `A few weeks ago, the programme’s staff introduced you to ${quotedData(data.organisation ?? '')} for the project “${quotedData(data.title ?? '')}”.`,
      'How did it go? A meeting, data access, a partnership, an experiment, or no follow-up: tell us in a few clicks, it helps us support laureates better.',
    ];
    return {
      subject: 'How did your introduction go?',
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Record the outcome', url: data.url ?? '' }),
    };
  },
});

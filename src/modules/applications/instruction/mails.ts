import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

export const STAFF_MESSAGE_MAIL = 'applications.staff-message';
export const APPLICANT_MESSAGE_MAIL = 'applications.applicant-message';

/** To the applicants: the team wrote about their application (the text itself is read on the site). */
registerMailTemplate(STAFF_MESSAGE_MAIL, {
  fr: (data) => {
    const d: Record<string, string> = {
      ...data,
      title: quotedData(data.title ?? ''),
      author: quotedData(data.author ?? ''),
    };
    const lines = [
      'Bonjour,',
      `L’équipe de l’Accélérateur vous a écrit au sujet de votre candidature « ${d.title} » :`,
      d.body,
      'Vous pouvez répondre depuis la page de votre candidature :',
    ];
    return {
      subject: `Nouveau message : ${d.title}`,
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('fr', lines, { label: 'Répondre', url: d.url }),
    };
  },
  en: (data) => {
    const d: Record<string, string> = {
      ...data,
      title: quotedData(data.title ?? ''),
      author: quotedData(data.author ?? ''),
    };
    const lines = [
      'Hello,',
      `The Accelerator team wrote to you about your application “${d.title}”:`,
      d.body,
      'You can answer from your application’s page:',
    ];
    return {
      subject: `New message: ${d.title}`,
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('en', lines, { label: 'Answer', url: d.url }),
    };
  },
});

/** To the staff who wrote in the thread: an applicant answered. */
registerMailTemplate(APPLICANT_MESSAGE_MAIL, {
  fr: (data) => {
    const d: Record<string, string> = {
      ...data,
      title: quotedData(data.title ?? ''),
      author: quotedData(data.author ?? ''),
    };
    const lines = ['Bonjour,', `${d.author} a répondu au sujet de la candidature « ${d.title} » :`, d.body];
    return {
      subject: `Réponse d’un porteur : ${d.title}`,
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir la candidature', url: d.url }),
    };
  },
  en: (data) => {
    const d: Record<string, string> = {
      ...data,
      title: quotedData(data.title ?? ''),
      author: quotedData(data.author ?? ''),
    };
    const lines = ['Hello,', `${d.author} answered about the application “${d.title}”:`, d.body];
    return {
      subject: `Applicant’s answer: ${d.title}`,
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('en', lines, { label: 'See the application', url: d.url }),
    };
  },
});

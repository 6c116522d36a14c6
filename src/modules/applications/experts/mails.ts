import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

export const EXPERT_REQUEST_MAIL = 'applications.expert-request';

/** The request for an outside opinion: the question, the due day and the personal link (the only copy of the token). */
registerMailTemplate(EXPERT_REQUEST_MAIL, {
  fr: (data) => {
    const d: Record<string, string> = {
      ...data,
      title: quotedData(data.title ?? ''),
      author: quotedData(data.author ?? ''),
    };
    const lines = [
      'Bonjour,',
      `L’équipe de l’Accélérateur d’initiatives citoyennes sollicite votre avis sur la candidature « ${d.title} ».`,
      `Question : ${d.question}`,
      `Réponse attendue le ${d.due}. Ce lien vous est personnel ; il reste valable jusqu’au ${d.expires} :`,
    ];
    return {
      subject: `Demande d’avis : ${d.title}`,
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('fr', lines, { label: 'Donner mon avis', url: d.url }),
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
      `The citizen initiatives accelerator team asks for your opinion on the application “${d.title}”.`,
      `Question: ${d.question}`,
      `Answer expected by ${d.due}. This link is personal; it stays valid until ${d.expires}:`,
    ];
    return {
      subject: `Opinion requested: ${d.title}`,
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('en', lines, { label: 'Give my opinion', url: d.url }),
    };
  },
});

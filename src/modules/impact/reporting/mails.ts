import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

export const VALUE_RETURNED_MAIL = 'impact.value-returned';

/** Staff returned a reported value with a comment: the team corrects and resubmits it. */
registerMailTemplate(VALUE_RETURNED_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      `L’équipe de l’Accélérateur vous demande de revoir la valeur déclarée pour l’indicateur « ${quotedData(data.indicator ?? '')} » (projet « ${quotedData(data.title ?? '')} », période du ${data.start} au ${data.end}).`,
      `Son commentaire : ${quotedData(data.comment ?? '', 2000)}`,
      'Vous pouvez corriger la valeur et la soumettre à nouveau depuis votre espace lauréat :',
    ];
    return {
      subject: `Valeur à revoir : ${quotedData(data.indicator ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Corriger la valeur', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      `The Accelerator’s team asks you to revise the value reported for the indicator “${quotedData(data.indicator ?? '')}” (project “${quotedData(data.title ?? '')}”, period from ${data.start} to ${data.end}).`,
      `Their comment: ${quotedData(data.comment ?? '', 2000)}`,
      'You can correct the value and submit it again from your laureate space:',
    ];
    return {
      subject: `Value to revise: ${quotedData(data.indicator ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Correct the value', url: data.url ?? '' }),
    };
  },
});

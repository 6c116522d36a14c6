import { mailHtml, quotedData, registerMailTemplate } from '../../core/mail/templates.js';

export const PROCEDURE_OPENED_MAIL = 'grants.procedure-opened';

const KINDS = {
  fr: { suspend: 'la suspension', reduce: 'la réduction', withdraw: 'le retrait' },
  en: { suspend: 'suspending', reduce: 'reducing', withdraw: 'withdrawing' },
} as const;

/** Staff opened a procedure on the team's grant: the reasons are in the space, with a deadline to answer. */
registerMailTemplate(PROCEDURE_OPENED_MAIL, {
  fr: (data) => {
    const kind = KINDS.fr[data.kind as keyof typeof KINDS.fr] ?? KINDS.fr.suspend;
    const lines = [
      'Bonjour,',
      `L’équipe de l’accélérateur envisage ${kind} de la subvention de votre projet « ${quotedData(data.title ?? '')} ».`,
      `Les motifs sont dans votre espace lauréat. Vous pouvez y présenter vos observations jusqu’au ${data.deadline} : aucune décision ne sera prise avant votre réponse ou cette date.`,
    ];
    return {
      subject: 'Votre subvention : une procédure est ouverte, vous pouvez répondre',
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Lire les motifs et répondre', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const kind = KINDS.en[data.kind as keyof typeof KINDS.en] ?? KINDS.en.suspend;
    const lines = [
      'Hello,',
      `The accelerator’s team is considering ${kind} the grant of your project “${quotedData(data.title ?? '')}”.`,
      `The reasons are in your laureate space. You may present your observations there until ${data.deadline}: no decision is taken before your answer or that date.`,
    ];
    return {
      subject: 'Your grant: a procedure is open, you may answer',
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Read the reasons and answer', url: data.url ?? '' }),
    };
  },
});

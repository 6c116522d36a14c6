import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

export const MILESTONE_VALIDATED_MAIL = 'support.milestone-validated';
export const MILESTONE_RETURNED_MAIL = 'support.milestone-returned';
export const MILESTONE_REMINDER_MAIL = 'support.milestone-reminder';

/** Staff validated what the team handed in for a milestone. */
registerMailTemplate(MILESTONE_VALIDATED_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      `L’équipe de l’Accélérateur a validé le jalon « ${quotedData(data.milestone ?? '')} » du projet « ${quotedData(data.title ?? '')} ».`,
      ...(data.comment ? [`Son commentaire : ${quotedData(data.comment, 2000)}`] : []),
      'Vous retrouvez vos jalons et l’avancement de votre plan dans votre espace lauréat :',
    ];
    return {
      subject: `Jalon validé : ${quotedData(data.milestone ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir mes jalons', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      `The Accelerator’s team validated the milestone “${quotedData(data.milestone ?? '')}” of the project “${quotedData(data.title ?? '')}”.`,
      ...(data.comment ? [`Their comment: ${quotedData(data.comment, 2000)}`] : []),
      'Your milestones and your plan’s progress are in your laureate space:',
    ];
    return {
      subject: `Milestone validated: ${quotedData(data.milestone ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'See my milestones', url: data.url ?? '' }),
    };
  },
});

/** Staff returned a deliverable with a comment: the team hands it in again. */
registerMailTemplate(MILESTONE_RETURNED_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      `L’équipe de l’Accélérateur vous demande de revoir le livrable du jalon « ${quotedData(data.milestone ?? '')} » (projet « ${quotedData(data.title ?? '')} »).`,
      `Son commentaire : ${quotedData(data.comment ?? '', 2000)}`,
      'Vous pouvez remettre une nouvelle version depuis votre espace lauréat :',
    ];
    return {
      subject: `Jalon à revoir : ${quotedData(data.milestone ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Remettre le livrable', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      `The Accelerator’s team asks you to revise the deliverable of the milestone “${quotedData(data.milestone ?? '')}” (project “${quotedData(data.title ?? '')}”).`,
      `Their comment: ${quotedData(data.comment ?? '', 2000)}`,
      'You can hand in a new version from your laureate space:',
    ];
    return {
      subject: `Milestone to revise: ${quotedData(data.milestone ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Hand in the deliverable', url: data.url ?? '' }),
    };
  },
});

/** Before a milestone's due date, when nothing was handed in yet. */
registerMailTemplate(MILESTONE_REMINDER_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      `Le jalon « ${quotedData(data.milestone ?? '')} » du projet « ${quotedData(data.title ?? '')} » est attendu le ${data.due}.`,
      'Vous pouvez remettre votre livrable (un fichier ou un lien) depuis votre espace lauréat :',
    ];
    return {
      subject: `Rappel : jalon attendu le ${data.due}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Remettre le livrable', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      `The milestone “${quotedData(data.milestone ?? '')}” of the project “${quotedData(data.title ?? '')}” is due on ${data.due}.`,
      'You can hand in your deliverable (a file or a link) from your laureate space:',
    ];
    return {
      subject: `Reminder: milestone due on ${data.due}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Hand in the deliverable', url: data.url ?? '' }),
    };
  },
});

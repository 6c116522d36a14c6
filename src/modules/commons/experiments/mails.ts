import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

export const EXPERIMENT_MILESTONE_VALIDATED_MAIL = 'commons.experiment-milestone-validated';
export const EXPERIMENT_MILESTONE_RETURNED_MAIL = 'commons.experiment-milestone-returned';

/** Staff validated a milestone the parties marked submitted. */
registerMailTemplate(EXPERIMENT_MILESTONE_VALIDATED_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      `L’équipe du programme a validé le jalon « ${quotedData(data.milestone ?? '')} » de l’expérimentation « ${quotedData(data.title ?? '')} ».`,
      ...(data.comment ? [`Son commentaire : ${quotedData(data.comment, 2000)}`] : []),
      'Les jalons et l’avancement de l’expérimentation sont sur sa page :',
    ];
    return {
      subject: `Jalon validé : ${quotedData(data.milestone ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir l’expérimentation', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      `The programme’s staff validated the milestone “${quotedData(data.milestone ?? '')}” of the experiment “${quotedData(data.title ?? '')}”.`,
      ...(data.comment ? [`Their comment: ${quotedData(data.comment, 2000)}`] : []),
      'The experiment’s milestones and progress are on its page:',
    ];
    return {
      subject: `Milestone validated: ${quotedData(data.milestone ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'See the experiment', url: data.url ?? '' }),
    };
  },
});

/** Staff returned a milestone with a comment: the parties rework it and mark it submitted again. */
registerMailTemplate(EXPERIMENT_MILESTONE_RETURNED_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      `L’équipe du programme vous demande de revoir le jalon « ${quotedData(data.milestone ?? '')} » de l’expérimentation « ${quotedData(data.title ?? '')} ».`,
      `Son commentaire : ${quotedData(data.comment ?? '', 2000)}`,
      'Quand il est prêt, marquez-le de nouveau comme remis depuis la page de l’expérimentation :',
    ];
    return {
      subject: `Jalon à revoir : ${quotedData(data.milestone ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir l’expérimentation', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      `The programme’s staff ask you to rework the milestone “${quotedData(data.milestone ?? '')}” of the experiment “${quotedData(data.title ?? '')}”.`,
      `Their comment: ${quotedData(data.comment ?? '', 2000)}`,
      'When it is ready, mark it submitted again from the experiment’s page:',
    ];
    return {
      subject: `Milestone to rework: ${quotedData(data.milestone ?? '', 150)}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'See the experiment', url: data.url ?? '' }),
    };
  },
});

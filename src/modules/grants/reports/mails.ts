import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

export const REPORT_SUBMITTED_MAIL = 'grants.report-submitted';
export const REPORT_RETURNED_MAIL = 'grants.report-returned';
export const REPORT_APPROVED_MAIL = 'grants.report-approved';
export const REPORT_REMINDER_MAIL = 'grants.report-reminder';

const mail = (lang: 'fr' | 'en', subject: string, lines: string[], label: string, url: string) => ({
  subject,
  text: `${lines.join('\n\n')}\n${url}\n`,
  html: mailHtml(lang, lines, { label, url }),
});

/** To the finance staff: a team submitted (or resubmitted) its report. */
registerMailTemplate(REPORT_SUBMITTED_MAIL, {
  fr: (d) =>
    mail(
      'fr',
      `Compte rendu financier remis : ${quotedData(d.title ?? '')}`,
      [
        'Bonjour,',
        `L’équipe du projet « ${quotedData(d.title ?? '')} » a remis le compte rendu financier de la subvention ${quotedData(d.reference ?? '')}.`,
        'Merci de l’examiner : vous pouvez l’approuver ou le renvoyer avec un commentaire.',
      ],
      'Examiner le compte rendu',
      d.url ?? '',
    ),
  en: (d) =>
    mail(
      'en',
      `Financial report submitted: ${quotedData(d.title ?? '')}`,
      [
        'Hello,',
        `The team of the project “${quotedData(d.title ?? '')}” submitted the financial report of grant ${quotedData(d.reference ?? '')}.`,
        'Please review it: you may approve it or return it with a comment.',
      ],
      'Review the report',
      d.url ?? '',
    ),
});

/** To the team: staff returned the report, with their comment. */
registerMailTemplate(REPORT_RETURNED_MAIL, {
  fr: (d) =>
    mail(
      'fr',
      'Votre compte rendu financier est à revoir',
      [
        'Bonjour,',
        `Le compte rendu financier de la subvention ${quotedData(d.reference ?? '')} (projet « ${quotedData(d.title ?? '')} ») vous est renvoyé.`,
        `Commentaire de l’équipe financière : « ${quotedData(d.comment ?? '', 1000)} »`,
        'Corrigez-le dans votre espace puis remettez-le à nouveau.',
      ],
      'Revoir le compte rendu',
      d.url ?? '',
    ),
  en: (d) =>
    mail(
      'en',
      'Your financial report needs changes',
      [
        'Hello,',
        `The financial report of grant ${quotedData(d.reference ?? '')} (project “${quotedData(d.title ?? '')}”) has been returned to you.`,
        `Comment of the finance team: “${quotedData(d.comment ?? '', 1000)}”`,
        'Correct it in your space, then submit it again.',
      ],
      'Review the report',
      d.url ?? '',
    ),
});

/** To the team: staff approved the report. */
registerMailTemplate(REPORT_APPROVED_MAIL, {
  fr: (d) =>
    mail(
      'fr',
      'Votre compte rendu financier est approuvé',
      [
        'Bonjour,',
        `Le compte rendu financier de la subvention ${quotedData(d.reference ?? '')} (projet « ${quotedData(d.title ?? '')} ») est approuvé. Merci.`,
      ],
      'Voir le compte rendu',
      d.url ?? '',
    ),
  en: (d) =>
    mail(
      'en',
      'Your financial report is approved',
      [
        'Hello,',
        `The financial report of grant ${quotedData(d.reference ?? '')} (project “${quotedData(d.title ?? '')}”) is approved. Thank you.`,
      ],
      'See the report',
      d.url ?? '',
    ),
});

/** To the team: the report is due soon (30 or 7 days), or overdue since yesterday. */
registerMailTemplate(REPORT_REMINDER_MAIL, {
  fr: (d) => {
    const overdue = d.kind === 'overdue';
    return mail(
      'fr',
      overdue
        ? `Compte rendu financier en retard (attendu le ${d.due})`
        : `Rappel : compte rendu financier à remettre avant le ${d.due}`,
      [
        'Bonjour,',
        overdue
          ? `Le compte rendu financier de la subvention ${quotedData(d.reference ?? '')} (projet « ${quotedData(d.title ?? '')} ») était attendu le ${d.due}. Merci de le remettre au plus vite : les versements restants peuvent en dépendre.`
          : `Le compte rendu financier de la subvention ${quotedData(d.reference ?? '')} (projet « ${quotedData(d.title ?? '')} ») est à remettre au plus tard le ${d.due}.`,
      ],
      'Remplir le compte rendu',
      d.url ?? '',
    );
  },
  en: (d) => {
    const overdue = d.kind === 'overdue';
    return mail(
      'en',
      overdue ? `Financial report overdue (due on ${d.due})` : `Reminder: financial report due by ${d.due}`,
      [
        'Hello,',
        overdue
          ? `The financial report of grant ${quotedData(d.reference ?? '')} (project “${quotedData(d.title ?? '')}”) was due on ${d.due}. Please submit it as soon as possible: the remaining payments may depend on it.`
          : `The financial report of grant ${quotedData(d.reference ?? '')} (project “${quotedData(d.title ?? '')}”) is due on ${d.due} at the latest.`,
      ],
      'Fill in the report',
      d.url ?? '',
    );
  },
});

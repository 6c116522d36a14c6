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

export const STATE_NOTICE_MAIL = 'applications.state-notice';

/**
 * To the applicants: staff moved their application to eligible, ineligible (with the reason) or in review.
 * `state` is one of those three; `reason` is the written reason (ineligible only).
 */
registerMailTemplate(STATE_NOTICE_MAIL, {
  fr: (data) => {
    const title = quotedData(data.title ?? '');
    const season = quotedData(data.season ?? '');
    const what: Record<string, { subject: string; lines: string[] }> = {
      eligible: {
        subject: `Votre candidature « ${title} » est recevable`,
        lines: [
          `L’équipe de l’Accélérateur a examiné la recevabilité de votre candidature « ${title} » (${season}) : elle est recevable.`,
          'Elle sera maintenant évaluée selon les critères de l’appel. Nous vous tiendrons informé de la suite.',
        ],
      },
      ineligible: {
        subject: `Votre candidature « ${title} » n’est pas recevable`,
        lines: [
          `L’équipe de l’Accélérateur a examiné la recevabilité de votre candidature « ${title} » (${season}) : elle n’est pas recevable, pour la raison suivante :`,
          data.reason ?? '',
          'Si vous pensez qu’il s’agit d’une erreur, vous pouvez nous répondre depuis la page de votre candidature.',
        ],
      },
      in_review: {
        subject: `Votre candidature « ${title} » est examinée par le jury`,
        lines: [
          `Votre candidature « ${title} » (${season}) est maintenant examinée par le jury d’experts de l’Accélérateur.`,
          'Nous vous tiendrons informé de la décision.',
        ],
      },
    };
    const chosen = what[data.state ?? ''] ?? what.eligible;
    const lines = ['Bonjour,', ...chosen.lines, 'La page de votre candidature :'];
    return {
      subject: chosen.subject,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir ma candidature', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const title = quotedData(data.title ?? '');
    const season = quotedData(data.season ?? '');
    const what: Record<string, { subject: string; lines: string[] }> = {
      eligible: {
        subject: `Your application “${title}” is eligible`,
        lines: [
          `The Accelerator team has checked the eligibility of your application “${title}” (${season}): it is eligible.`,
          'It will now be assessed against the call’s criteria. We will keep you informed.',
        ],
      },
      ineligible: {
        subject: `Your application “${title}” is not eligible`,
        lines: [
          `The Accelerator team has checked the eligibility of your application “${title}” (${season}): it is not eligible, for the following reason:`,
          data.reason ?? '',
          'If you think this is a mistake, you can answer us from your application’s page.',
        ],
      },
      in_review: {
        subject: `Your application “${title}” is with the jury`,
        lines: [
          `Your application “${title}” (${season}) is now being reviewed by the Accelerator’s jury of experts.`,
          'We will let you know the decision.',
        ],
      },
    };
    const chosen = what[data.state ?? ''] ?? what.eligible;
    const lines = ['Hello,', ...chosen.lines, 'Your application’s page:'];
    return {
      subject: chosen.subject,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'See my application', url: data.url ?? '' }),
    };
  },
});

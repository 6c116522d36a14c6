import { mailHtml, registerMailTemplate } from '../../core/mail/templates.js';

export const SUBMITTED_MAIL = 'applications.submitted';
export const INVITED_MAIL = 'applications.invited';
export const REMINDER_MAIL = 'applications.draft-reminder';

/** Acknowledgement of a submission: sent only for a committed version (queued in its transaction). */
registerMailTemplate(SUBMITTED_MAIL, {
  fr: (d) => {
    const lines = [
      'Bonjour,',
      `Nous avons bien reçu votre candidature « ${d.title} » à la saison ${d.season} (version ${d.version}), le ${d.date}.`,
      `Empreinte SHA-256 des réponses : ${d.sha256}`,
      'Vous pouvez la modifier jusqu’à la date limite et télécharger l’accusé de réception au format PDF :',
    ];
    return { subject: `Candidature reçue : ${d.title}`, text: `${lines.join('\n\n')}\n${d.url}\n`, html: mailHtml('fr', lines, { label: 'Voir ma candidature', url: d.url }) };
  },
  en: (d) => {
    const lines = [
      'Hello,',
      `We have received your application “${d.title}” to season ${d.season} (version ${d.version}) on ${d.date}.`,
      `SHA-256 fingerprint of the answers: ${d.sha256}`,
      'You can change it until the deadline and download the PDF receipt:',
    ];
    return { subject: `Application received: ${d.title}`, text: `${lines.join('\n\n')}\n${d.url}\n`, html: mailHtml('en', lines, { label: 'See my application', url: d.url }) };
  },
});

/** Invitation of a co-applicant: a link to the shared draft, opened after signing in with this address. */
registerMailTemplate(INVITED_MAIL, {
  fr: (d) => {
    const lines = [
      'Bonjour,',
      `${d.inviter} vous invite à compléter avec lui ou elle la candidature « ${d.title} » à l’Accélérateur d’initiatives citoyennes.`,
      `Connectez-vous avec cette adresse (${d.email}) pour modifier le brouillon :`,
    ];
    return { subject: 'Invitation à co-porter une candidature', text: `${lines.join('\n\n')}\n${d.url}\n`, html: mailHtml('fr', lines, { label: 'Ouvrir la candidature', url: d.url }) };
  },
  en: (d) => {
    const lines = [
      'Hello,',
      `${d.inviter} invites you to complete the application “${d.title}” to the citizen initiatives accelerator together.`,
      `Sign in with this address (${d.email}) to edit the draft:`,
    ];
    return { subject: 'Invitation to co-apply', text: `${lines.join('\n\n')}\n${d.url}\n`, html: mailHtml('en', lines, { label: 'Open the application', url: d.url }) };
  },
});

/** A draft not yet submitted a few days before the call closes. */
registerMailTemplate(REMINDER_MAIL, {
  fr: (d) => {
    const lines = [
      'Bonjour,',
      `Votre candidature « ${d.title} » est encore un brouillon. L’appel à candidatures se termine le ${d.deadline} : pensez à la soumettre avant cette date.`,
    ];
    return { subject: 'Votre candidature n’est pas encore soumise', text: `${lines.join('\n\n')}\n${d.url}\n`, html: mailHtml('fr', lines, { label: 'Compléter ma candidature', url: d.url }) };
  },
  en: (d) => {
    const lines = ['Hello,', `Your application “${d.title}” is still a draft. The call for applications ends on ${d.deadline}: remember to submit it before then.`];
    return { subject: 'Your application is not submitted yet', text: `${lines.join('\n\n')}\n${d.url}\n`, html: mailHtml('en', lines, { label: 'Complete my application', url: d.url }) };
  },
});

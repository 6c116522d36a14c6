import { mailHtml, quotedData, registerMailTemplate } from '../../core/mail/templates.js';

export const SUBMITTED_MAIL = 'applications.submitted';
export const INVITED_MAIL = 'applications.invited';
export const REMINDER_MAIL = 'applications.draft-reminder';

/** Acknowledgement of a submission: sent only for a committed version (queued in its transaction). */
registerMailTemplate(SUBMITTED_MAIL, {
  fr: (data) => {
    const d: Record<string, string> = {
      ...data,
      title: quotedData(data.title ?? ''),
      author: quotedData(data.author ?? ''),
    };
    const lines = [
      'Bonjour,',
      `Nous avons bien reçu votre candidature « ${d.title} » à la saison ${d.season} (version ${d.version}), le ${d.date}.`,
      `Empreinte SHA-256 des réponses : ${d.sha256}`,
      'Vous pouvez la modifier jusqu’à la date limite et télécharger l’accusé de réception au format PDF :',
    ];
    return {
      subject: `Candidature reçue : ${d.title}`,
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir ma candidature', url: d.url }),
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
      `We have received your application “${d.title}” to season ${d.season} (version ${d.version}) on ${d.date}.`,
      `SHA-256 fingerprint of the answers: ${d.sha256}`,
      'You can change it until the deadline and download the PDF receipt:',
    ];
    return {
      subject: `Application received: ${d.title}`,
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('en', lines, { label: 'See my application', url: d.url }),
    };
  },
});

/**
 * Invitation of a co-applicant: a link to the shared draft, opened after signing in with this address.
 * It goes to an address the inviter chose, so it holds no text the inviter typed (not the title, not
 * a self-declared name): only the inviter's verified address, the season's name (staff text) and ours.
 */
registerMailTemplate(INVITED_MAIL, {
  fr: (data) => {
    const d: Record<string, string> = {
      ...data,
      title: quotedData(data.title ?? ''),
      author: quotedData(data.author ?? ''),
    };
    const lines = [
      'Bonjour,',
      `La personne inscrite avec l’adresse ${d.inviter} vous invite à co-porter sa candidature à l’Accélérateur d’initiatives citoyennes (${d.season}).`,
      `Connectez-vous avec cette adresse (${d.email}) pour voir le brouillon et le compléter. Si vous ne connaissez pas cette personne, ignorez ce message : rien ne vous engage.`,
    ];
    return {
      subject: 'Invitation à co-porter une candidature',
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('fr', lines, { label: 'Ouvrir la candidature', url: d.url }),
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
      `The person registered with the address ${d.inviter} invites you to co-apply with them to the citizen initiatives accelerator (${d.season}).`,
      `Sign in with this address (${d.email}) to see and complete the draft. If you do not know this person, ignore this message: it commits you to nothing.`,
    ];
    return {
      subject: 'Invitation to co-apply',
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('en', lines, { label: 'Open the application', url: d.url }),
    };
  },
});

/** A draft not yet submitted a few days before the call closes. */
registerMailTemplate(REMINDER_MAIL, {
  fr: (data) => {
    const d: Record<string, string> = {
      ...data,
      title: quotedData(data.title ?? ''),
      author: quotedData(data.author ?? ''),
    };
    const lines = [
      'Bonjour,',
      `Votre candidature « ${d.title} » est encore un brouillon. L’appel à candidatures se termine le ${d.deadline} : pensez à la soumettre avant cette date.`,
    ];
    return {
      subject: 'Votre candidature n’est pas encore soumise',
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('fr', lines, { label: 'Compléter ma candidature', url: d.url }),
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
      `Your application “${d.title}” is still a draft. The call for applications ends on ${d.deadline}: remember to submit it before then.`,
    ];
    return {
      subject: 'Your application is not submitted yet',
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('en', lines, { label: 'Complete my application', url: d.url }),
    };
  },
});

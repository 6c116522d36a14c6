import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

export const INVITATION_MAIL = 'commons.administration-invitation';

/**
 * An invitation to join an administration in the cooperation space: who invites (a member's name, or the
 * programme's staff), the administration, the link (valid 14 days, once) and what joining means. The
 * names are quoted data: a member cannot write the mail's own words.
 */
registerMailTemplate(INVITATION_MAIL, {
  fr: (data) => {
    const lines = [
      'Bonjour,',
      data.inviter
        ? `${quotedData(data.inviter)} vous invite à rejoindre « ${quotedData(data.administration ?? '', 200)} » dans l’espace de coopération entre administrations et communs numériques.`
        : `L’équipe du programme vous invite à rejoindre « ${quotedData(data.administration ?? '', 200)} » dans l’espace de coopération entre administrations et communs numériques.`,
      'Les membres d’une administration y publient ses cas d’usage et ses besoins, et échangent avec les porteurs de communs.',
      `Ce lien est valable jusqu’au ${data.expires ?? ''} et ne sert qu’une fois. Connectez-vous avec cette adresse électronique pour accepter. Si vous ne connaissez pas cette administration, ignorez ce message.`,
    ];
    return {
      subject: `Invitation à rejoindre ${quotedData(data.administration ?? '', 120)}`,
      text: `${lines.join('\n\n')}\n\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir l’invitation', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const lines = [
      'Hello,',
      data.inviter
        ? `${quotedData(data.inviter)} invites you to join “${quotedData(data.administration ?? '', 200)}” in the cooperation space between administrations and digital commons.`
        : `The programme’s staff invite you to join “${quotedData(data.administration ?? '', 200)}” in the cooperation space between administrations and digital commons.`,
      'Members of an administration post its use cases and needs there, and talk with the people behind digital commons.',
      `This link is valid until ${data.expires ?? ''} and works once. Sign in with this email address to accept. If you do not know this administration, ignore this message.`,
    ];
    return {
      subject: `Invitation to join ${quotedData(data.administration ?? '', 120)}`,
      text: `${lines.join('\n\n')}\n\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'See the invitation', url: data.url ?? '' }),
    };
  },
});

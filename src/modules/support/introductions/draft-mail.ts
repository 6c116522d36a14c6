import { quotedData } from '../../../core/mail/templates.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import type { Contact } from './queries.js';

/**
 * The introduction mail as staff first see it: who is introduced to whom and why, with the project's title and
 * summary and the team's request, in French (the contact is a French administration). Staff edit it before
 * it is sent; what is sent is what they saw.
 */
export function draftIntroductionMail(input: {
  title: string;
  summary: string;
  lever: string;
  request: string;
  contact: Pick<Contact, 'personName' | 'role' | 'service' | 'organisation'>;
  team: string[];
  staffName: string;
}): { subject: string; body: string } {
  const { contact } = input;
  const lever = SUPPORT_LEVERS.find((l) => l.code === input.lever)?.label ?? input.lever;
  const who = [contact.personName, contact.role, contact.service, contact.organisation].filter(Boolean).join(', ');
  const title = quotedData(input.title, 200);
  const body = [
    `Bonjour ${contact.personName},`,
    `Je me permets de vous mettre en relation avec l’équipe du projet « ${title} », lauréat de l’Accélérateur d’initiatives citoyennes, que nous accompagnons.`,
    input.summary ? `Le projet en quelques mots : ${input.summary.trim()}` : '',
    `Leur demande (${lever}) : ${input.request.trim()}`,
    `Je vous présente donc : ${who}, d’une part ; et l’équipe du projet (${input.team.join(', ')}), d’autre part. Vous êtes tous destinataires de ce message : n’hésitez pas à échanger directement en répondant à tous.`,
    'Bien cordialement,',
    `${input.staffName}\nPour l’équipe de l’Accélérateur d’initiatives citoyennes`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    subject: `Mise en relation : « ${quotedData(input.title, 120)} » et ${quotedData(contact.organisation, 80)}`,
    body,
  };
}

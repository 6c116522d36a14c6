import { defineMessages } from '../../../core/i18n/i18n.js';

export const exportZipMessages = defineMessages({
  exportZip: { fr: 'Télécharger les pièces jointes (ZIP)', en: 'Download the attachments (ZIP)' },
  exportXlsx: { fr: 'Exporter pour Excel (XLSX)', en: 'Export for Excel (XLSX)' },
});

/** The staff export's column headers and sheet name (the questions' own labels follow them). */
export const exportMessages = defineMessages({
  sheet: { fr: 'Candidatures', en: 'Applications' },
  id: { fr: 'Identifiant', en: 'Identifier' },
  season: { fr: 'Saison', en: 'Season' },
  track: { fr: 'Parcours', en: 'Track' },
  applicantKind: { fr: 'Type de porteur', en: 'Kind of applicant' },
  state: { fr: 'État', en: 'State' },
  title: { fr: 'Titre', en: 'Title' },
  ownerEmail: { fr: 'Courriel du porteur', en: 'Applicant’s email' },
  territory: { fr: 'Territoire', en: 'Territory' },
  createdAt: { fr: 'Créée le', en: 'Created on' },
  submittedAt: { fr: 'Soumise le', en: 'Submitted on' },
  version: { fr: 'Version soumise', en: 'Submitted version' },
  answersSha256: { fr: 'Empreinte SHA-256 des réponses', en: 'SHA-256 fingerprint of the answers' },
  /** A repeatable block's sub-question, numbered: « Membres de l’équipe 2 : Nom ». */
  repeated: { fr: '{block} {n} : {question}', en: '{block} {n}: {question}' },
});

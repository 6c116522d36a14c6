import { defineMessages } from '../../../core/i18n/i18n.js';

export const fileMessages = defineMessages({
  wrongType: {
    fr: 'Le fichier « {name} » est de type {type}, qui n’est pas accepté ici (formats acceptés : {types}).',
    en: 'The file “{name}” is of type {type}, which is not accepted here (accepted formats: {types}).',
  },
  unknownType: {
    fr: 'Le type du fichier « {name} » n’est pas reconnu (formats acceptés : {types}).',
    en: 'The type of the file “{name}” is not recognised (accepted formats: {types}).',
  },
  tooLarge: {
    fr: 'Le fichier « {name} » dépasse la taille maximale de {size}.',
    en: 'The file “{name}” is larger than the maximum of {size}.',
  },
  quotaFiles: {
    fr: 'Une candidature peut avoir au plus {n} fichiers joints ; retirez-en un d’abord.',
    en: 'An application can have at most {n} attached files; remove one first.',
  },
  quotaBytes: {
    fr: 'Les fichiers joints à une candidature ne peuvent dépasser {size} au total.',
    en: 'The files attached to an application cannot exceed {size} in total.',
  },
  requestTooLarge: {
    fr: 'Cet envoi dépasse {size} : il n’a pas été lu en entier et aucun fichier n’a été enregistré. Envoyez moins de fichiers à la fois.',
    en: 'This form is larger than {size}: it was not read to the end and no file was stored. Send fewer files at a time.',
  },
  nothingStored: {
    fr: 'Un fichier a été refusé : aucun fichier de cet envoi n’a été enregistré ni retiré. Corrigez puis envoyez de nouveau.',
    en: 'A file was refused: no file of this form was stored or removed. Correct it and send again.',
  },
  notAFileQuestion: { fr: 'Ce champ n’accepte pas de fichier.', en: 'This field does not accept a file.' },
  remove: { fr: 'Retirer « {name} » à l’enregistrement', en: 'Remove “{name}” when saving' },
  download: { fr: 'Télécharger « {name} »', en: 'Download “{name}”' },
  removedFromDraft: { fr: 'retiré du brouillon', en: 'removed from the draft' },
  files: { fr: 'Fichiers joints', en: 'Attached files' },
  noFiles: { fr: 'Aucun fichier joint.', en: 'No attached file.' },
  status_pending: { fr: 'analyse antivirus en attente', en: 'antivirus scan pending' },
  status_clean: { fr: 'sain (analysé)', en: 'clean (scanned)' },
  status_infected: { fr: 'infecté : téléchargement bloqué', en: 'infected: download blocked' },
  status_not_scanned: { fr: 'non analysé (antivirus désactivé)', en: 'not scanned (antivirus off)' },
  status_error: { fr: 'échec de l’analyse antivirus', en: 'antivirus scan failed' },
  pendingTitle: { fr: 'Analyse antivirus en cours', en: 'Antivirus scan in progress' },
  pendingText: {
    fr: 'Ce fichier est en cours d’analyse par l’antivirus : il pourra être téléchargé dans quelques instants, une fois reconnu sain.',
    en: 'This file is being scanned by the antivirus: it can be downloaded in a few moments, once found clean.',
  },
  infectedTitle: { fr: 'Fichier bloqué', en: 'File blocked' },
  infectedText: {
    fr: 'L’antivirus a signalé ce fichier : son téléchargement est bloqué. Retirez-le et joignez une version saine.',
    en: 'The antivirus flagged this file: downloading it is blocked. Remove it and attach a clean version.',
  },
  blockedTitle: { fr: 'Téléchargement indisponible', en: 'Download unavailable' },
  blockedText: {
    fr: 'Ce fichier n’a pas (encore) été reconnu sain par l’antivirus ; il ne peut pas être téléchargé.',
    en: 'This file has not (yet) been found clean by the antivirus; it cannot be downloaded.',
  },
});

import { defineMessages } from '../../../core/i18n/i18n.js';

export const exportZipMessages = defineMessages({
  exportZip: { fr: 'Télécharger les pièces jointes (ZIP)', en: 'Download the attachments (ZIP)' },
});

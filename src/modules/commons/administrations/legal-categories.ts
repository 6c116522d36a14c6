import type { Locale } from '../../../core/i18n/i18n.js';

/**
 * Labels of the legal categories (INSEE's "catégories juridiques", level III) an administration most often
 * has: the State's services (71xx), local authorities and their groupings and public bodies (72xx–73xx),
 * other public-law persons (74xx), and the national public undertakings (41xx). The company register gives
 * the code; a code not in this short table is shown as its number ("Catégorie juridique 7364"). The full
 * list is INSEE's nomenclature of legal categories; keep this table short and add a code when the demo or
 * the programme meets it.
 */
const LABELS: Record<string, { fr: string; en: string }> = {
  '4110': {
    fr: 'Établissement public national à caractère industriel ou commercial doté d’un comptable public',
    en: 'National industrial or commercial public body with a public accountant',
  },
  '4120': {
    fr: 'Établissement public national à caractère industriel ou commercial non doté d’un comptable public',
    en: 'National industrial or commercial public body without a public accountant',
  },
  '4140': {
    fr: 'Établissement public local à caractère industriel ou commercial',
    en: 'Local industrial or commercial public body',
  },
  '7111': { fr: 'Autorité constitutionnelle', en: 'Constitutional authority' },
  '7112': {
    fr: 'Autorité administrative ou publique indépendante',
    en: 'Independent administrative or public authority',
  },
  '7113': { fr: 'Ministère', en: 'Ministry' },
  '7120': { fr: 'Service central d’un ministère', en: 'Central department of a ministry' },
  '7150': { fr: 'Service du ministère de la Défense', en: 'Department of the Ministry of Defence' },
  '7160': {
    fr: 'Service déconcentré à compétence nationale d’un ministère (hors Défense)',
    en: 'Devolved national department of a ministry (other than Defence)',
  },
  '7171': {
    fr: 'Service déconcentré de l’État à compétence (inter) régionale',
    en: 'Regional (or inter-regional) State department',
  },
  '7172': {
    fr: 'Service déconcentré de l’État à compétence (inter) départementale',
    en: 'Departmental (or inter-departmental) State department',
  },
  '7179': {
    fr: '(Autre) Service déconcentré de l’État à compétence territoriale',
    en: '(Other) local State department',
  },
  '7190': {
    fr: 'École nationale non dotée de la personnalité morale',
    en: 'National school without legal personality',
  },
  '7210': { fr: 'Commune et commune nouvelle', en: 'Municipality' },
  '7220': { fr: 'Département', en: 'Département (county council)' },
  '7225': { fr: 'Collectivité et territoire d’Outre-Mer', en: 'Overseas authority or territory' },
  '7229': { fr: '(Autre) Collectivité territoriale', en: '(Other) local authority' },
  '7230': { fr: 'Région', en: 'Region' },
  '7343': { fr: 'Communauté urbaine', en: 'Urban community' },
  '7344': { fr: 'Métropole', en: 'Metropolis' },
  '7346': { fr: 'Communauté de communes', en: 'Community of municipalities' },
  '7348': { fr: 'Communauté d’agglomération', en: 'Agglomeration community' },
  '7353': { fr: 'Syndicat intercommunal à vocation unique (SIVU)', en: 'Single-purpose inter-municipal syndicate' },
  '7354': { fr: 'Syndicat mixte fermé', en: 'Closed joint syndicate' },
  '7355': { fr: 'Syndicat mixte ouvert', en: 'Open joint syndicate' },
  '7361': { fr: 'Centre communal d’action sociale', en: 'Municipal social action centre' },
  '7364': { fr: 'Établissement d’hospitalisation', en: 'Hospital' },
  '7372': {
    fr: 'Service départemental d’incendie et de secours (SDIS)',
    en: 'Departmental fire and rescue service',
  },
  '7379': { fr: '(Autre) Établissement public administratif local', en: '(Other) local administrative public body' },
  '7381': { fr: 'Organisme consulaire', en: 'Chamber (consular body)' },
  '7382': {
    fr: 'Établissement public national ayant fonction d’administration centrale',
    en: 'National public body acting as a central administration',
  },
  '7383': {
    fr: 'Établissement public national à caractère scientifique culturel et professionnel',
    en: 'National scientific, cultural and professional public body',
  },
  '7389': {
    fr: 'Établissement public national à caractère administratif',
    en: 'National administrative public body',
  },
  '7410': { fr: 'Groupement d’intérêt public (GIP)', en: 'Public interest grouping (GIP)' },
  '7490': { fr: 'Autre personne morale de droit administratif', en: 'Other administrative-law legal person' },
};

/** The label of a legal category code, or the code itself when the table does not hold it. */
export function legalCategoryLabel(locale: Locale, code: string): string {
  const label = LABELS[code];
  if (label) return label[locale];
  return locale === 'en' ? `Legal category ${code}` : `Catégorie juridique ${code}`;
}

/** Whether a code is one of the public-law categories (State, local authorities, public bodies). */
export function isPublicLegalCategory(code: string): boolean {
  return /^(7\d{3}|41\d{2})$/.test(code);
}

import type { Locale } from '../../core/i18n/i18n.js';

/** The placeholders a convention template may use, each filled from the grant when the PDF is generated. */
export const CONVENTION_PLACEHOLDERS = [
  'attribuant',
  'siret_attribuant',
  'beneficiaire',
  'id_beneficiaire',
  'reference',
  'objet',
  'montant',
  'nature',
  'tranches',
  'debut',
  'fin',
  'saison',
  'dispositif',
  'ligne_budgetaire',
] as const;
export type ConventionPlaceholder = (typeof CONVENTION_PLACEHOLDERS)[number];

export const placeholderList = () => CONVENTION_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

/** The names in braces a text uses that are not placeholders (a typo would reach the PDF as is). */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(/\{([^{}\s]{1,40})\}/g)].map((match) => match[1]);
  return [...new Set(names.filter((name) => !(CONVENTION_PLACEHOLDERS as readonly string[]).includes(name)))];
}

/** Fills the placeholders (an unknown one stays as typed). */
export function fillTemplate(text: string, values: Record<ConventionPlaceholder, string>): string {
  return text.replace(/\{([^{}\s]{1,40})\}/g, (whole, name: string) =>
    name in values ? values[name as ConventionPlaceholder] : whole,
  );
}

export const TEMPLATE_MAX = 30_000;

/** The default convention: parties, purpose, amount, tranches, duration, obligations, reporting, publication, data. */
export const DEFAULT_CONVENTION: Record<Locale, string> = {
  fr: `Convention d’attribution de subvention n° {reference}

Entre {attribuant} (SIRET {siret_attribuant}), ci-après « l’attribuant »,
et {beneficiaire} ({id_beneficiaire}), ci-après « le bénéficiaire »,
au titre du dispositif « {dispositif} », saison {saison}.

Article 1 – Objet
L’attribuant accorde au bénéficiaire une subvention pour l’action suivante : {objet}.

Article 2 – Montant et nature
Le montant de la subvention est de {montant} ({nature}), imputé sur la ligne budgétaire {ligne_budgetaire}.

Article 3 – Versement
La subvention est versée selon l’échéancier suivant ; chaque tranche n’est versée que lorsque sa condition est remplie :
{tranches}

Article 4 – Durée
L’action se déroule du {debut} au {fin}. La présente convention prend effet à sa signature par les deux parties et prend fin à l’approbation du compte rendu financier.

Article 5 – Obligations du bénéficiaire
Le bénéficiaire s’engage à réaliser l’action décrite à l’article 1, à utiliser la subvention conformément à son objet, à informer sans délai l’attribuant de toute difficulté ou modification, et à mentionner le soutien de l’attribuant dans sa communication.

Article 6 – Compte rendu financier
Le bénéficiaire remet un compte rendu financier (contenu du formulaire CERFA n° 15059) dans les six mois suivant la fin de l’action, conformément à l’article 10 de la loi n° 2000-321 du 12 avril 2000.

Article 7 – Suspension, réduction, retrait
En cas de manquement, l’attribuant peut suspendre, réduire ou retirer la subvention et demander le reversement des sommes indûment perçues, après avoir exposé ses motifs au bénéficiaire et lui avoir laissé au moins quinze jours pour présenter ses observations.

Article 8 – Publication
Conformément au décret n° 2017-779 du 5 mai 2017, les données essentielles de la présente convention sont publiées en données ouvertes, dans les trois mois suivant sa signature.

Article 9 – Protection des données
Les données personnelles nécessaires à la gestion de la subvention sont traitées par l’attribuant pour l’exécution de la présente convention, conformément au règlement (UE) 2016/679 ; les personnes concernées disposent d’un droit d’accès, de rectification et d’opposition auprès de l’attribuant.`,
  en: `Grant agreement no. {reference}

Between {attribuant} (SIRET {siret_attribuant}), hereinafter “the paying body”,
and {beneficiaire} ({id_beneficiaire}), hereinafter “the beneficiary”,
under the scheme “{dispositif}”, season {saison}.

Article 1 – Purpose
The paying body grants the beneficiary a subsidy for the following action: {objet}.

Article 2 – Amount and nature
The grant amounts to {montant} ({nature}), charged to budget line {ligne_budgetaire}.

Article 3 – Payment
The grant is paid according to the following schedule; each tranche is paid only once its condition is met:
{tranches}

Article 4 – Duration
The action runs from {debut} to {fin}. This agreement takes effect when both parties have signed it and ends when the financial report is approved.

Article 5 – The beneficiary’s obligations
The beneficiary undertakes to carry out the action described in article 1, to use the grant for its purpose, to tell the paying body without delay of any difficulty or change, and to mention the paying body’s support in its communication.

Article 6 – Financial report
The beneficiary hands in a financial report (the content of form CERFA no. 15059) within six months after the end of the action, as article 10 of loi no. 2000-321 of 12 April 2000 requires.

Article 7 – Suspension, reduction, withdrawal
In case of breach, the paying body may suspend, reduce or withdraw the grant and ask for sums unduly received to be paid back, after setting out its reasons to the beneficiary and giving it fifteen days at least to present its observations.

Article 8 – Publication
As décret no. 2017-779 of 5 May 2017 requires, the essential data of this agreement are published as open data within three months of its signature.

Article 9 – Data protection
The personal data needed to manage the grant are processed by the paying body to perform this agreement, under Regulation (EU) 2016/679; the persons concerned may access, correct and object to them with the paying body.`,
};
